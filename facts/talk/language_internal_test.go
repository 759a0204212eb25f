package talk

import (
	"testing"

	"github.com/briefbot/briefbot/facts/factstest"
	"github.com/briefbot/briefbot/facts/internal/prose"
)

// TestForeignNamesStayEnglish: a question in English about a name the
// briefs spell in another language is English; a question in that
// language is not.
func TestForeignNamesStayEnglish(t *testing.T) {
	b := factstest.Base(t, "banks.txt", "The Banque du Sud raised its rate on Monday, and the Casa de la Moneda printed more notes.\nOriginal Source: example.com\n")
	tests := []struct {
		msg  string
		want bool
	}{
		{"wat did banque du sud do", false},
		{"what did the casa de la moneda print", false},
		{"Qui a gagné le match du dimanche ?", true},
		{"¿Dónde está la casa de la moneda?", true},
		// Lower-case words with letters English does not write are
		// another language's; capitalised ones may be names.
		{"Wer hat die Gespräche geführt?", true},
		{"What did Ondřej Vlček say about the Banque du Sud?", false},
		{"did the café owners complain", false},
		// Words English shares with a language count as that language's
		// beside a word only it has: "wer" shows "hat" and "den" German.
		{"Wer hat den Dialog geleitet?", true},
		{"Was ist der Plan der Banque du Sud?", true},
		{"wat was the banque du sud rate", false}, // "wat" is chat for "what"
		{"was it der spiegel that reported the rate", false},
		{"who won the tour de france", false},
	}
	for _, tt := range tests {
		if got := otherLanguage(b, tt.msg, prose.Normalize(tt.msg)); got != tt.want {
			t.Errorf("otherLanguage(%q) = %v, want %v", tt.msg, got, tt.want)
		}
	}
}
