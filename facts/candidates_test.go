package facts_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/briefbot/briefbot/facts"
)

// TestCandidatesOutliveNextQuestion: the features Candidates returns are
// the caller's; the scratch space a later question reuses does not write
// over them.
func TestCandidatesOutliveNextQuestion(t *testing.T) {
	b := seedBase(t)
	first := b.Candidates("When did Pakistan and the EU hold their dialogue?")
	if len(first) == 0 {
		t.Fatal("no candidates")
	}
	kept := make([][]float64, len(first))
	for i, c := range first {
		kept[i] = slices.Clone(c.Features)
	}
	for range 3 {
		b.Candidates("Who led the EU delegation?")
		b.Ask("What did the two sides condemn?")
	}
	for i, c := range first {
		if !slices.Equal(c.Features, kept[i]) {
			t.Fatalf("candidate %d's features changed after later questions", i)
		}
	}
}

// TestAnswersAlikeAfterOtherQuestions: a question's answer does not depend
// on what was asked of the base before it (its scratch space is reused).
func TestAnswersAlikeAfterOtherQuestions(t *testing.T) {
	qs := []string{
		"Who led the EU delegation?",
		"When was the dialogue held?",
		"What did both sides agree on?",
		"where did they meet",
	}
	fresh := make(map[string]facts.Answer)
	for _, q := range qs {
		fresh[q] = seedBase(t).Ask(q)
	}
	b := seedBase(t)
	for range 2 {
		for i := len(qs) - 1; i >= 0; i-- {
			if got := b.Ask(qs[i]); !reflect.DeepEqual(got, fresh[qs[i]]) {
				t.Errorf("%q after other questions:\n%+v\nasked first:\n%+v", qs[i], got, fresh[qs[i]])
			}
		}
	}
}
