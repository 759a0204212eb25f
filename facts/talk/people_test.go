package talk_test

import (
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/factstest"
	"github.com/briefbot/briefbot/facts/talk"
)

// ratesBase is a brief that quotes two economists and names one governor
// beside a deputy governor.
func ratesBase(t testing.TB) *facts.Base {
	t.Helper()
	return factstest.Base(t, "valmora-rates.txt", "The central bank of Valmora held its main rate at 4.5% on Tuesday.\n\n"+
		"Governor Ana Ruiz said inflation was falling faster than expected. "+
		"Deputy Governor Tom Bell voted for a cut.\n\n"+
		"Jana Novak, chief economist at Corvane Bank, said a cut in August was likely. "+
		"Petr Svoboda, an economist at the lender Ostra Finance, said he did not expect a cut before November.\n"+
		"Original Source: example.com\n")
}

// TestAskBackAmongPeople: a role two people of the brief hold is asked
// back, naming both with what the brief calls them; the next message
// picks one by those words, and "the other one" then asks of the other.
func TestAskBackAmongPeople(t *testing.T) {
	b := ratesBase(t)
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	var c talk.Conversation
	if r := c.Respond(b, "What rate did the central bank of Valmora hold?", now); !r.Answer.Answered {
		t.Fatalf("opening not answered: %+v", r)
	}
	r := c.Respond(b, "what did the economist say?", now.Add(time.Minute))
	if r.Kind != talk.KindClarify || !strings.Contains(r.Text, "Jana Novak") || !strings.Contains(r.Text, "Petr Svoboda") ||
		!strings.Contains(r.Text, "Ostra Finance") {
		t.Fatalf("what did the economist say? = %s %q, want both economists named", r.Kind, r.Text)
	}
	r = c.Respond(b, "the ostra finance one", now.Add(2*time.Minute))
	if r.Kind != talk.KindAnswer || !strings.Contains(r.Answer.Results[0].Fact.Text, "November") {
		t.Fatalf("the ostra finance one = %s %+v, want Svoboda's sentence", r.Kind, r.Answer)
	}
	r = c.Respond(b, "and the other one?", now.Add(3*time.Minute))
	if r.Kind != talk.KindAnswer || !strings.Contains(r.Answer.Results[0].Fact.Text, "August") {
		t.Fatalf("and the other one? = %s %+v, want Novak's sentence", r.Kind, r.Answer)
	}
}

// TestNoAskBackForOneRole: "the governor" when the brief calls one person
// just that (beside a deputy governor), "the economists" asking about
// both, and a role the brief gives no one are not asked back.
func TestNoAskBackForOneRole(t *testing.T) {
	b := ratesBase(t)
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	for _, q := range []string{"who is the governor?", "what did the economists say?", "what did the mayor say?"} {
		var c talk.Conversation
		c.Respond(b, "What rate did the central bank of Valmora hold?", now)
		if r := c.Respond(b, q, now.Add(time.Minute)); r.Kind == talk.KindClarify {
			t.Errorf("%q asked back: %q", q, r.Text)
		}
	}
}
