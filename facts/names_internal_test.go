package facts

import (
	"testing"
)

// TestPlainWordsAreNotNames: a word the brief writes in lower case as an
// ordinary word is not a name when the question writes it so, though the
// brief also uses it inside a name; written with a capital it still is.
// A name keeps no word vector (names match by spelling), so taking an
// ordinary word for one would lose its paraphrases.
func TestPlainWordsAreNotNames(t *testing.T) {
	b := mustBase(t, "Funding came from the Medical Research Council.\n"+
		"The research appeared in a journal.\nPavel Dren led the Dren Group. The group grew fast.\n"+
		"Original Source: example.com\n")
	for _, tc := range []struct {
		question, word string
		name           bool
	}{
		{"Where did the research appear?", "research", false},
		{"Who funded the Research Council?", "research", true},
		{"Who led the group?", "group", false},
		{"Who is dren?", "dren", true},
	} {
		var got *qterm
		b.withQuestion(tc.question, func(_ string, _ Problem, m *matcher) {
			for i := range m.qy.terms {
				if m.qy.terms[i].word == tc.word {
					got = &m.qy.terms[i]
				}
			}
		})
		if got == nil {
			t.Errorf("%q: no question word %q", tc.question, tc.word)
			continue
		}
		if got.name != tc.name {
			t.Errorf("%q: %q taken for a name: %v, want %v", tc.question, tc.word, got.name, tc.name)
		}
	}
}
