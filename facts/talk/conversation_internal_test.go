package talk

import "testing"

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
