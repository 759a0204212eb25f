package facts_test

import (
	"testing"

	"github.com/briefbot/briefbot/facts"
)

func TestMistypedQuestionWord(t *testing.T) {
	for _, c := range []struct{ first, next, want string }{
		{"were", "did", "where"}, // a slip: no question opens with two verbs
		{"were", "is", "where"},
		{"wat", "is", "what"},
		{"were", "the", "were"}, // "were the talks held …" asks yes or no
		{"where", "did", "where"},
		{"was", "is", "was"}, // two edits from every question word
		{"did", "you", "did"},
		{"", "", ""},
	} {
		if got := facts.MistypedQuestionWord(c.first, c.next); got != c.want {
			t.Errorf("MistypedQuestionWord(%q, %q) = %q, want %q", c.first, c.next, got, c.want)
		}
	}
}
