package facts

import "testing"

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
		b.withQuestion(tc.question, func(_ string, _ Problem, qy *query, _ *scratch) {
			for i := range qy.terms {
				if qy.terms[i].word == tc.word {
					got = &qy.terms[i]
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

// TestYearsAgainstBrief: a sentence naming an earlier year than its
// brief's is background, a later one a plan; without a date neither.
func TestYearsAgainstBrief(t *testing.T) {
	for _, tc := range []struct {
		text, date string
		want       uint8
	}{
		{"The last strike, in 2019, lasted nine days.", "2026-03-02", yearPast},
		{"A larger rover will launch in 2028.", "2026-03-02", yearFuture},
		{"It rose in 2024 and will fall by 2030.", "2026-03-02", yearPast | yearFuture},
		{"It was signed on March 2, 2026.", "2026-03-02", 0},
		{"Turnout reached 2019 voters.", "", 0},
		{"About 1,800 workers walked out.", "2026-03-02", 0},
	} {
		if got := yearsAgainst(tokenize(tc.text), tc.date); got != tc.want {
			t.Errorf("yearsAgainst(%q, %q) = %b, want %b", tc.text, tc.date, got, tc.want)
		}
	}
}
