package talk

import (
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/facts"
)

// TestResolveDoers: "the <noun>" of a follow-up is the name that answered
// the question whose verb the noun names the doer of, the most recent
// first; a noun that names no doer of it, or a name that answered
// nothing, is left alone.
func TestResolveDoers(t *testing.T) {
	b := twoBriefs(t)
	ms := []mention{
		{text: "Irena Osk", kind: facts.Person, answered: "who won the valmora presidential election"},
		{text: "Pavel Dren", kind: facts.Person},
		{text: "Harbour of Sellin", kind: facts.Place, answered: "where did the dockworkers walk out"},
	}
	tests := []struct{ msg, want string }{
		{"how old is the winner?", "how old is Irena Osk?"},
		{"and the winner, what did she do before", "and Irena Osk, what did she do before"},
		{"how old is the loser?", "how old is the loser?"},
		{"how old is the judge?", "how old is the judge?"},
		{"who won?", "who won?"},
	}
	for _, tt := range tests {
		if got := resolveDoers(b, tt.msg, ms); got != tt.want {
			t.Errorf("resolveDoers(%q) = %q, want %q", tt.msg, got, tt.want)
		}
	}
	if got := resolveDoers(b, "how old is the winner", ms[1:]); got != "how old is the winner" {
		t.Errorf("with no name answering who won: %q, want it unchanged", got)
	}
}

// TestWinnerFollowsWhoWon: the answer to "who won" is "the winner" of
// the next question, who the sentence giving an age is about.
func TestWinnerFollowsWhoWon(t *testing.T) {
	b := twoBriefs(t)
	var c Conversation
	now := time.Now()
	first := c.Respond(b, "Who won the Valmora presidential election?", now)
	if first.Answer.Short != "Irena Osk" {
		t.Fatalf("who won: short answer %q, want Irena Osk to stand for the winner", first.Answer.Short)
	}
	r := c.Respond(b, "how old is the winner", now.Add(time.Minute))
	if !r.Answer.Answered || !strings.Contains(r.Answer.Results[0].Fact.Text, "54") {
		t.Errorf("how old is the winner: %+v, want the sentence giving her age", r.Answer)
	}
}
