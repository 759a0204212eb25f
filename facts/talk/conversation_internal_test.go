package talk

import (
	"testing"
	"testing/fstest"

	"github.com/briefbot/briefbot/facts"
)

// TestWithTopic: a short follow-up with a pronoun is retried with the
// words of the question before; other messages are not.
func TestWithTopic(t *testing.T) {
	last := "How much did the Coastal Link railway cost in the end?"
	for _, tt := range []struct{ msg, want string }{
		{"how long is it", "how long is it Coastal Link railway cost"},
		{"why did they raise it?", "why did they raise it? Coastal Link railway cost"},
		{"who built the Coastal Link railway between the two ports?", ""}, // long: names its own topic
		{"thanks, that was helpful", ""},                                  // small talk
		{"when did the line open", ""},                                    // no pronoun
	} {
		if got := withTopic(tt.msg, last); got != tt.want {
			t.Errorf("withTopic(%q) = %q, want %q", tt.msg, got, tt.want)
		}
	}
}

// TestHoldingBrief: the brief a question's own names point to is the one
// brief whose best facts for them hold them all; none when two briefs do.
func TestHoldingBrief(t *testing.T) {
	b, err := facts.LoadFS(fstest.MapFS{
		"vote.txt":  {Data: []byte("The Green Dawn party won Varnesia's election.\n\nTurnout in Varnesia and Oskeland was high.\nOriginal Source: example.com\n")},
		"trade.txt": {Data: []byte("Oskeland signed a trade deal on Monday.\n\nExports from Oskeland rose 4%.\nOriginal Source: example.com\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		names []string
		want  string
	}{
		{[]string{"varnesia"}, "vote"},
		{[]string{"oskeland"}, ""}, // both briefs name it
		{[]string{"varnesia", "oskeland"}, "vote"},
		{[]string{"nowhere"}, ""},
	} {
		if got := holdingBrief(b, tt.names); got != tt.want {
			t.Errorf("holdingBrief(%q) = %q, want %q", tt.names, got, tt.want)
		}
	}
}
