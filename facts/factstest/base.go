package factstest

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/facts"
)

// Base is a base of one brief, given its file name and its text (the
// paragraphs and the "Original Source:" line); a brief that does not parse
// fails the test.
func Base(tb testing.TB, name, text string) *facts.Base {
	tb.Helper()
	br, err := facts.ParseBrief(name, strings.NewReader(text))
	if err != nil {
		tb.Fatal(err)
	}
	b, err := facts.New(br)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
