package facts

import (
	"testing"
)

func TestOrdinalPartner(t *testing.T) {
	tests := []struct{ key, want string }{
		{"7", "7th"},
		{"7th", "7"},
		{"12", "12th"},
		{"2019", ""}, // a year has no ordinal
		{"th", ""},
		{"fifth", ""}, // keys, not words: "fifth" keys to "5th"
		{"", ""},
	}
	for _, tt := range tests {
		if got := ordinalPartner(tt.key); got != tt.want {
			t.Errorf("ordinalPartner(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

// TestCardinalAsksForOrdinal: "stage seven" asks about "the seventh
// stage", and the number gate lets it through; another number does not.
func TestCardinalAsksForOrdinal(t *testing.T) {
	b := mustBase(t, "The race.\n\nAnna Berg won the seventh stage of the tour on Friday.\n\nOriginal Source: example.org\n")
	for _, tt := range []struct {
		q      string
		answer bool
	}{
		{"Who won stage seven?", true},
		{"Who won stage 7?", true},
		{"Who won the 7th stage?", true},
		{"Who won stage eight?", false},
	} {
		a := b.Ask(tt.q)
		if a.Answered != tt.answer {
			t.Errorf("%q: answered %v at %.2f, want %v", tt.q, a.Answered, a.Confidence, tt.answer)
		}
	}
}
