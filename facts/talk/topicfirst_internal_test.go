package talk

import (
	"testing"

	"github.com/briefbot/briefbot/facts/factstest"
)

func TestTopicFirst(t *testing.T) {
	b := factstest.Base(t, "strikes.txt", "Dock workers in Busan began a 72-hour strike on Monday, the union said.\nOriginal Source: example.com\n")
	tests := []struct {
		msg, want string
		ok        bool
	}{
		{"what about the port strike, how long is that one", "how long is the port strike", true},
		{"ok what about Busan, who won there?", "who won in Busan?", true},
		{"and the ruling party candidate, what party is that", "what party is the ruling party candidate", true},
		{"and the other lander, whats it called?", "whats the other lander called?", true},
		{"as for the union, who's its leader", "who's the union's leader", true},
		{"the Kovaria election I mean, who won it?", "who won the Kovaria election?", true},
		// A topic with nothing standing for it is left to the conversation.
		{"the budget, how big?", "the budget, how big?", false},
		{"Busan, did they strike?", "did Busan strike?", true},
		// Not a topic and its question.
		{"who led the strike, and where was it?", "who led the strike, and where was it?", false},
		{"when did it start, and why?", "when did it start, and why?", false},
		{"ok, who won", "ok, who won", false},
		{"and, who won", "and, who won", false},
		{"the strike began on Monday, the union said", "the strike began on Monday, the union said", false},
		{"how long is it", "how long is it", false},
		{"Busan, Seoul, who struck?", "Busan, Seoul, who struck?", false},
	}
	for _, tt := range tests {
		got, ok := topicFirst(b, tt.msg)
		if ok != tt.ok || got != tt.want {
			t.Errorf("topicFirst(%q) = %q, %v; want %q, %v", tt.msg, got, ok, tt.want, tt.ok)
		}
	}
}
