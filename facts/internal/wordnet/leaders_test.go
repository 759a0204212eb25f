package wordnet

import "testing"

func TestLeaders(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		word       string
		noun, verb bool
	}{
		{"governor", true, false},
		{"chairman", true, true}, // WordNet also has "to chairman"
		{"executive", true, false},
		{"director", true, false},
		{"head", true, true},
		{"lead", false, true},
		{"govern", false, true},
		{"candidate", false, false}, // a politician heads no body
		{"wellington", false, false},
	} {
		if got := l.LeaderNoun(tt.word); got != tt.noun {
			t.Errorf("LeaderNoun(%q) = %v, want %v", tt.word, got, tt.noun)
		}
		if got := l.LeaderVerb(tt.word); got != tt.verb {
			t.Errorf("LeaderVerb(%q) = %v, want %v", tt.word, got, tt.verb)
		}
	}
	var none *Lexicon
	if none.LeaderNoun("governor") || none.LeaderVerb("head") {
		t.Error("a nil Lexicon knows leaders")
	}
}
