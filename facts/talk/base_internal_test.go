package talk

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/facts"
)

// oneBriefBase is a base of one brief, named name, of the given paragraphs
// and a source line.
func oneBriefBase(t *testing.T, name, paragraphs string) *facts.Base {
	t.Helper()
	br, err := facts.ParseBrief(name, strings.NewReader(paragraphs+"\nOriginal Source: example.com\n"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := facts.New(br)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
