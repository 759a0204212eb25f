package facts

import "testing"

// TestPhraseNoun checks which word of a "what" or "which" phrase is the
// noun the question asks about: past adjectives and names, never past a
// verb or a function word.
func TestPhraseNoun(t *testing.T) {
	b := mustBase(t, "Filing.\n\nThe lawyer Ana Ruiz is planning a class action.\n\nOriginal Source: example.org\n")
	tests := []struct{ q, want string }{
		{"What legal step is the lawyer planning?", "step"},
		{"Which political party does Ruiz belong to?", "party"},
		{"Which Ruiz firm won?", "firm"},
		{"What new agency was set up?", "agency"},
		{"What plan is the lawyer making?", "plan"},
		{"What caused the delay?", "caused"},
		{"What made investors sell?", "made"},
		{"What does the lawyer want?", "does"},
		{"What exactly can go wrong?", "exactly"},
		{"What else did she say?", "else"},
	}
	for _, tt := range tests {
		toks := tokenize(tt.q)
		toks = toks[:baseCount(toks)]
		wh := questionWord(toks)
		if got := toks[b.phraseNoun(toks, wh+1)].lower; got != tt.want {
			t.Errorf("%q: the phrase's noun is %q, want %q", tt.q, got, tt.want)
		}
	}
}
