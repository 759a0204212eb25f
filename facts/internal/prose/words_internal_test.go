package prose

import (
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"What’s up?!", "what's up"},
		{"R&D spending last year", "r&d spending last year"}, // not "r" ("are") and "d"
		{"AT&T shares", "at&t shares"},
		{"rock & roll", "rock roll"},
		{"&start and end&", "start and end"},
		{"3&4", "3 4"},
		{"r u there", "r u there"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
		var words []string
		for _, sp := range Words(tt.in) {
			words = append(words, Normalize(tt.in[sp.Start:sp.End]))
		}
		if got := Normalize(strings.Join(words, " ")); got != tt.want {
			t.Errorf("Words(%q) = %q, want the words of %q", tt.in, words, tt.want)
		}
	}
}
