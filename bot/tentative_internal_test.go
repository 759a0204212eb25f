package bot

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/facts"
)

// TestTentativeAnswerSaysSo: an answer more likely wrong than right is
// shown in amber under a warning, the sentence still quoted and cited; a
// likely one is shown plainly.
func TestTentativeAnswerSaysSo(t *testing.T) {
	fact := facts.Fact{ID: "p1s1-x", Text: "The harbour board raised mooring fees in April.",
		Citation: facts.Citation{Brief: "harbour", Title: "Harbour", Paragraph: 1, Sentence: 1, Source: "example.com"}}
	tests := []struct {
		confidence float64
		warned     bool
		color      int
	}{
		{0.34, true, colorTentative},
		{0.82, false, colorAnswer},
	}
	for _, tt := range tests {
		a := facts.Answer{Question: "Who raised fees?", Answered: true, Confidence: tt.confidence,
			Results: []facts.Result{{Fact: fact, Confidence: tt.confidence}}}
		m := answerMessage(a)
		if len(m.Embeds) != 1 {
			t.Fatalf("confidence %v: %d embeds, want 1", tt.confidence, len(m.Embeds))
		}
		e := m.Embeds[0]
		if warned := strings.Contains(e.Description, facts.TentativeText); warned != tt.warned {
			t.Errorf("confidence %v: warned %v, want %v: %q", tt.confidence, warned, tt.warned, e.Description)
		}
		if !strings.Contains(e.Description, "mooring fees") {
			t.Errorf("confidence %v: the sentence is not quoted: %q", tt.confidence, e.Description)
		}
		if e.Color != tt.color {
			t.Errorf("confidence %v: colour %#x, want %#x", tt.confidence, e.Color, tt.color)
		}
	}
}
