package talk_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/facts/factstest"
	"github.com/briefbot/briefbot/facts/talk"
)

// TestWhoSaidThat: "who said that?" after an answer names whom the quoted
// sentence attributes it to, citing the sentence that names them, and
// keeps the conversation where it was; after a sentence that quotes no
// one, the reply says the brief does not say.
func TestWhoSaidThat(t *testing.T) {
	b := factstest.Base(t, "rates.txt", "The central bank of Valmora held its main rate at 4.5% on Tuesday.\n\n"+
		"Governor Ana Ruiz said inflation was falling faster than expected. "+
		"She said the bank could cut rates in the autumn.\n"+
		"Original Source: example.com\n")
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		question, said string
		want           string // the speaker; "" when the brief does not say
	}{
		{"Could the bank cut rates in the autumn?", "who said that", "Ana Ruiz"},
		{"What was happening to inflation?", "and who said that?", "Ana Ruiz"},
		{"What rate did the bank hold?", "says who?", ""},
	}
	for _, tt := range tests {
		var c talk.Conversation
		if r := c.Respond(b, tt.question, now); !r.Answer.Answered {
			t.Fatalf("%q not answered: %+v", tt.question, r)
		}
		r := c.Respond(b, tt.said, now.Add(time.Minute))
		if tt.want == "" {
			if r.Kind != talk.KindAbstain || r.Answer.Answered {
				t.Errorf("%q then %q = %s %q, want that the brief does not say", tt.question, tt.said, r.Kind, r.Answer.Short)
			}
			continue
		}
		if r.Kind != talk.KindAnswer || r.Answer.Short != tt.want {
			t.Fatalf("%q then %q = %s %q, want %q", tt.question, tt.said, r.Kind, r.Answer.Short, tt.want)
		}
		if c := r.Answer.Confidence; !strings.Contains(r.Answer.Results[0].Fact.Text, tt.want) || c <= 0 || c > 1 || c*1000 != math.Round(c*1000) {
			t.Errorf("cites %q at %v", r.Answer.Results[0].Fact.Text, r.Answer.Confidence)
		}
		// The conversation is still about what was asked before.
		if r := c.Respond(b, "when?", now.Add(2*time.Minute)); r.Kind != talk.KindAnswer && r.Kind != talk.KindAbstain {
			t.Errorf("when? after who said that = %s", r.Kind)
		}
	}
	// With nothing quoted yet there is nothing to attribute.
	var fresh talk.Conversation
	if r := fresh.Respond(b, "who said that?", now); r.Kind == talk.KindAnswer {
		t.Errorf("who said that? opening a conversation = %q", r.Answer.Short)
	}
}
