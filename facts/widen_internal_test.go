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
		"Officials said 40 families were moved.\n\nOriginal Source: example.com\n")
	tests := []struct {
		fact, span, want string
	}{
		{"At least 23", "23", "At least 23"},
		{"At least 23", "23 people", "At least 23 people"},
		{"At least 23", "300 homes", "more than 300 homes"},
		{"rounding error", "rounding error", "a rounding error"},
		{"rounding error", "end of 2027", "the end of 2027"},
		{"Monday, April 6", "April 6", "Monday, April 6"},
		{"Monday, April 6", "Leeds", "Leeds"},
		{"40 families", "40 families", "40 families"},
		{"40 families", "families", "families"},
		{"week-long", "week-long", "week-long"}, // the article is the visit's
		{"week-long", "week-long visit", "a week-long visit"},
		{"week-long", "12-member", "12-member"},
		{"week-long", "12-member board", "the 12-member board"},
		{"Liberal Democrats", "Liberal Democrats", "The Liberal Democrats"}, // a noun, then a verb
		{"Liberal Democrats", "two", "two"},
		{"Liberal Democrats", "two remaining seats", "the two remaining seats"},
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
		if got := f.Text[b.widen(f, start, end):end]; got != tt.want {
			t.Errorf("%q in %q widens to %q, want %q", tt.span, f.Text, got, tt.want)
		}
	}
}
