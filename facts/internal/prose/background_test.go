package prose

import (
	"strings"
	"testing"
)

func TestBackground(t *testing.T) {
	l := testLanguage(t)
	tests := []struct {
		text string
		want string // the words that tell an earlier event, "" for none
	}{
		{"It was the county's deadliest storm since a tornado killed 11 people there in May 1999.",
			"since a tornado killed 11 people there in May 1999"},
		{"The penalty is the largest since 2019, when a rival lender paid 2.5 billion naira.",
			"since 2019, when a rival lender paid 2.5 billion naira"},
		{"The region was last hit by a comparable quake in 2001.",
			"The region was last hit by a comparable quake in 2001"},
		{"The last major strike at the port, in 2019, lasted nine days.",
			"The last major strike at the port, in 2019, lasted nine days"},
		{"The reading beat the station's previous record of 47.4 degrees set in August 2021.",
			"previous record of 47.4 degrees set in August 2021"},
		// Up to now, not another event.
		{"Shares posted their biggest gain since 2022.", ""},
		{"The firm, which has funded patrols since August 2019, will add a plane.", ""},
		{"Sales rose 4% last year and the firm expects more in 2027.", ""},
		{"Voters went to the polls last week.", ""},
		{"Prices have risen since the ban.", ""},
		{"In 2019 it came last", ""},
		{"It was the first since", ""},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.text)
		from, to := l.Background(toks, testClauses(tt.text, toks))
		got := ""
		if to > from {
			got = tt.text[toks[from].Start:toks[to-1].End]
		}
		if got != tt.want {
			t.Errorf("Background(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// testClauses numbers clauses at commas, as the matcher's clauses do.
func testClauses(text string, toks []Token) []int {
	c := make([]int, len(toks))
	for i := 1; i < len(toks); i++ {
		c[i] = c[i-1]
		if strings.Contains(text[toks[i-1].End:toks[i].Start], ",") {
			c[i]++
		}
	}
	return c
}
