package facts

import (
	"strings"
	"testing"
)

// TestWiden checks that a short answer read on its own keeps the words
// before it that change what it says, and gains nothing else.
func TestWiden(t *testing.T) {
	b := mustBase(t, "Title: Slide\n\n"+
		"At least 23 people died and more than 300 homes were damaged, officials said.\n\n"+
		"The council called the fine a rounding error and will decide by the end of 2027.\n\n"+
		"The clinics open on Monday, April 6, in Leeds.\n\n"+
		"She began a week-long visit and met the 12-member board.\n\n"+
		"The Liberal Democrats won the two remaining seats.\n\n"+
		"Officials said 40 families were moved.\n\n"+
		"The road stays shut until March, as it has been since 2019.\n\n"+
		"The bridge will not reopen before May 4, and the ferry runs until June.\n\n"+
		"He did not expect the new deadline to be met before the middle of 2027.\n\nOriginal Source: example.com\n")
	tests := []struct {
		fact, span, want string
		kind             Kind
		asked            []string // the question's function words
	}{
		{"At least 23", "23", "At least 23", 0, nil},
		{"At least 23", "23 people", "At least 23 people", 0, nil},
		{"At least 23", "300 homes", "more than 300 homes", 0, nil},
		{"rounding error", "rounding error", "a rounding error", 0, nil},
		{"rounding error", "end of 2027", "by the end of 2027", Date, nil}, // a deadline
		{"rounding error", "end of 2027", "the end of 2027", 0, nil},       // not a date: the preposition is not its
		{"Monday, April 6", "April 6", "Monday, April 6", Date, nil},       // "on" only places it
		{"Monday, April 6", "April 6", "Monday, April 6", 0, nil},
		{"Monday, April 6", "Leeds", "Leeds", 0, nil},
		{"40 families", "40 families", "40 families", 0, nil},
		{"40 families", "families", "families", 0, nil},
		{"week-long", "week-long", "week-long", 0, nil}, // the article is the visit's
		{"week-long", "week-long visit", "a week-long visit", 0, nil},
		{"week-long", "12-member", "12-member", 0, nil},
		{"week-long", "12-member board", "the 12-member board", 0, nil},
		{"Liberal Democrats", "Liberal Democrats", "The Liberal Democrats", 0, nil}, // a noun, then a verb
		{"Liberal Democrats", "two", "two", 0, nil},
		{"stays shut", "March", "until March", Date, nil},
		{"stays shut", "March", "March", Date, []string{"until"}}, // "until when": the question holds the bound
		{"stays shut", "2019", "since 2019", Date, []string{"until"}},
		{"not reopen", "May 4", "May 4", Date, nil},     // "not before May 4": May 4 at the earliest
		{"not reopen", "June", "until June", Date, nil}, // the negation is another clause's
		{"Liberal Democrats", "two remaining seats", "the two remaining seats", 0, nil},
	}
	for _, tt := range tests {
		di := -1
		for i, f := range b.facts {
			if strings.Contains(f.Text, tt.fact) {
				di = i
			}
		}
		if di < 0 {
			t.Fatalf("no fact holds %q", tt.fact)
		}
		f := &b.facts[di]
		start := strings.Index(f.Text, tt.span)
		end := start + len(tt.span)
		if got := f.Text[b.widen(f, start, end, tt.kind, tt.asked):end]; got != tt.want {
			t.Errorf("%q in %q widens to %q, want %q", tt.span, f.Text, got, tt.want)
		}
	}
}
