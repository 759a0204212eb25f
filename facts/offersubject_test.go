package facts_test

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefbot/briefbot/facts"
)

// TestOffersWhenForDatedOpenings: a sentence that opens with its date and
// two names joined by "and" ("On March 3, 2026, Chile and Peru signed …")
// is offered as a "When did …" question, which the base answers with it.
func TestOffersWhenForDatedOpenings(t *testing.T) {
	brief := "On March 3, 2026, Chile and Peru signed a fisheries accord in Lima.\n\nThe accord covers anchovy quotas.\n\nOriginal Source: example.com\n"
	b, err := facts.LoadFS(fstest.MapFS{"accord.txt": {Data: []byte(brief)}})
	if err != nil {
		t.Fatal(err)
	}
	offers := b.Complete("when", 5)
	want := "When did Chile and Peru sign a fisheries accord?"
	if !slices.Contains(offers, want) {
		t.Fatalf("offers for \"when\" = %q, want %q", offers, want)
	}
	if a := b.Ask(want); !a.Answered || !strings.HasPrefix(a.Results[0].Fact.Text, "On March 3, 2026") {
		t.Errorf("%q is not answered by its sentence: %+v", want, a)
	}
	seed := seedBase(t)
	if offers := seed.Complete("when did", 5); len(offers) == 0 {
		t.Error("the seed, whose first sentence is a dated event, offers no \"When did …\" question")
	}
}
