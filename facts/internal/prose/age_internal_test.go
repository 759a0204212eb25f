package prose

import (
	"strings"
	"testing"
)

func TestAgeIn(t *testing.T) {
	tests := []struct {
		text, amount string
		want         bool
		owner        string // the name an age between commas belongs to
	}{
		{"Vasko, 54, led the national bank.", "54", true, "Vasko"},
		{"The former judge Irena Osk, 61, won.", "61", true, "Osk"},
		{"He died in 1893 at the age of 41, poor.", "41", true, ""},
		{"It tracked volunteers aged 60 to 79.", "60 to 79", true, ""},
		{"A 47-year-old man was hurt.", "47-year-old", true, ""},
		{"Rounds 3, 4, 5 were cancelled.", "4", false, ""},         // no name before
		{"Berlin, 2026, was a year of change.", "2026", false, ""}, // too many years
		{"Osk won 54 seats.", "54", false, ""},
		{"The team, 54, left.", "54", false, ""},
	}
	for _, tt := range tests {
		i := strings.Index(tt.text, tt.amount)
		e := Entity{Kind: Number, Text: tt.amount, Span: Span{Start: i, End: i + len(tt.amount)}}
		if got, owner := AgeIn(tt.text, e); got != tt.want || owner != tt.owner {
			t.Errorf("ageIn(%q, %q) = %v, %q; want %v, %q", tt.text, tt.amount, got, owner, tt.want, tt.owner)
		}
	}
}
