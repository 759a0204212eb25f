package facts_test

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/facts"
)

// TestSpanAmountDimension checks that an amount of the dimension asked
// for (money, share, count, time, measure) is told from an amount of
// another.
func TestSpanAmountDimension(t *testing.T) {
	b := baseOf(t, "Title: Results\n\n"+
		"Revenue rose 3% to €842 million in the quarter, and the group's 9,400 staff worked a 72-hour week.\n\n"+
		"The study followed 18,450 people for 10.2 years.\n\n"+
		"The lorry carried 12 tonnes of copper in 400 packets.\n\n"+
		"The group spent 9 billion Valdorian marks on wages and will pay a dividend of €1.20 a share.\n\n"+
		"The hinge was bent 300,000 times.\n")
	names := facts.SpanFeatureNames()
	same, clash := slices.Index(names, "dim_same"), slices.Index(names, "dim_clash")
	tests := []struct {
		q, span string
		want    string // "same", "clash" or "" for neither
	}{
		{"How much revenue did the group report?", "€842 million", "same"},
		{"How much revenue did the group report?", "3%", "clash"},
		{"What percentage did revenue rise by?", "3%", "same"},
		{"How many staff does the group have?", "9,400", "same"},
		{"How many staff does the group have?", "€842 million", "clash"},
		{"How many staff does the group have?", "72-hour", "clash"},
		{"How many people took part in the study?", "18,450", "same"},
		{"How many people took part in the study?", "10.2 years", "clash"},
		{"How many years did the study last?", "10.2 years", "same"},
		{"How many people took part in the study?", "study", ""},
		{"Who followed the people?", "18,450", ""},
		{"How many tonnes did the lorry carry?", "12 tonnes", "same"},
		{"How many packets did the lorry carry?", "12 tonnes", "clash"},
		// A currency WordNet knows though the vocabulary does not, past
		// the name of its country.
		{"How much did the group spend on wages?", "9 billion Valdorian marks", "same"},
		// "Per share" asks for no share.
		{"What dividend per share will the group pay?", "€1.20", "same"},
		// A change is given as a share as often as a sum.
		{"How much did revenue rise?", "3%", "same"},
		{"How much did revenue rise?", "€842 million", "same"},
		{"How long did the study last?", "10.2 years", "same"},
		{"How long did the study last?", "18,450", "clash"},
		// After a number, "times" counts occasions.
		{"How many times was the hinge bent?", "300,000 times", "same"},
		// A part of a whole is given as a share as often as an amount.
		{"How much of the revenue went on wages?", "3%", "same"},
		{"How much of the revenue went on wages?", "€842 million", "same"},
		{"How many of the staff worked a long week?", "3%", "same"},
		{"How many of the staff worked a long week?", "9,400", "same"},
		{"How many of the staff worked a long week?", "€842 million", "clash"},
	}
	for _, tt := range tests {
		got, found := "", false
		for _, s := range b.Spans(tt.q, factWith(t, b, tt.span)) {
			if s.Text != tt.span {
				continue
			}
			found = true
			got = onOf(s.Features, same, "same", clash, "clash")
		}
		if !found || got != tt.want {
			t.Errorf("%q: the span %q (found %v) is %q, want %q", tt.q, tt.span, found, got, tt.want)
		}
	}
}

// TestFactDimensions checks that a sentence holding amounts, none of the
// dimension asked for, is marked a near miss, and one holding it is not.
func TestFactDimensions(t *testing.T) {
	b := baseOf(t, "Title: Pool\n\n"+
		"A feasibility study estimated the pool would draw 95,000 visitors a year.\n\n"+
		"The pool is expected to cost €11.2 million.\n\n"+
		"The copper mine lies 30 kilometres from the town and sold 400-gram packets.\n\n"+
		"The pool opened in the spring.\n")
	names := facts.FeatureNames()
	held, miss := slices.Index(names, "dim_held"), slices.Index(names, "dim_miss")
	tests := []struct {
		q, fact string
		want    string // "held", "miss" or "" for neither
	}{
		{"How much will the pool cost?", "A feasibility study estimated the pool would draw 95,000 visitors a year.", "miss"},
		{"How much will the pool cost?", "The pool is expected to cost €11.2 million.", "held"},
		{"How many visitors will the pool draw?", "A feasibility study estimated the pool would draw 95,000 visitors a year.", "held"},
		{"How many visitors will the pool draw?", "The pool is expected to cost €11.2 million.", "miss"},
		{"How many kilometres from the town is the mine?", "The copper mine lies 30 kilometres from the town and sold 400-gram packets.", "held"},
		// "How long" asks for a time or a length, whatever its verb.
		{"How long will the pool take to build?", "The pool is expected to cost €11.2 million.", "miss"},
		// A count answers "how many packets"; a weight does not.
		{"How many packets did the mine sell?", "The copper mine lies 30 kilometres from the town and sold 400-gram packets.", "miss"},
		{"How many visitors will the pool draw?", "The pool opened in the spring.", ""},
		{"Who did the study?", "A feasibility study estimated the pool would draw 95,000 visitors a year.", ""},
	}
	for _, tt := range tests {
		fv, ok := candidateFeatures(b, tt.q, tt.fact)
		if !ok {
			t.Errorf("%q: no candidate %q", tt.q, tt.fact)
			continue
		}
		if got := onOf(fv, held, "held", miss, "miss"); got != tt.want {
			t.Errorf("%q against %q: %q, want %q", tt.q, tt.fact, got, tt.want)
		}
	}
}

// candidateFeatures is the ranker's features of the candidate fact whose
// text is fact for question q; false when it is no candidate.
func candidateFeatures(b *facts.Base, q, fact string) ([]float64, bool) {
	for _, c := range b.Candidates(q) {
		if c.Fact.Text == fact {
			return c.Features, true
		}
	}
	return nil, false
}

// featureCase is a question, a sentence it is asked of, and whether a
// feature is on for that sentence, with why.
type featureCase struct {
	q, fact string
	want    bool
	why     string
}

// checkFeature checks that the feature named name is on (1) exactly for
// the cases that want it.
func checkFeature(t *testing.T, b *facts.Base, name string, tests []featureCase) {
	t.Helper()
	i := slices.Index(facts.FeatureNames(), name)
	if i < 0 {
		t.Fatalf("no feature %q", name)
	}
	for _, tt := range tests {
		fv, ok := candidateFeatures(b, tt.q, tt.fact)
		if !ok {
			t.Errorf("%q: no candidate %q", tt.q, tt.fact)
			continue
		}
		if got := fv[i] == 1; got != tt.want {
			t.Errorf("%q against %q: %s %v, want %v: %s", tt.q, tt.fact, name, got, tt.want, tt.why)
		}
	}
}

// onOf names which of two exclusive features is on: a's name, b's name,
// "both", or "" for neither.
func onOf(fv []float64, a int, aName string, b int, bName string) string {
	switch {
	case fv[a] == 1 && fv[b] == 1:
		return "both"
	case fv[a] == 1:
		return aName
	case fv[b] == 1:
		return bName
	}
	return ""
}
