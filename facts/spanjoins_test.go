package facts_test

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/facts"
)

// TestJoinedSpans: two amounts or dates joined into a range, with or
// without the word before it, and a list of names across its commas are
// candidates of the kind they end with; what only stands beside them is
// not joined.
func TestJoinedSpans(t *testing.T) {
	b := baseOf(t, "Title: Joins\n\n"+
		"Weidmann estimated the damage at between €250 million and €400 million, far above last year.\n\n"+
		"The fraud ran from June 2021 to August 2023, prosecutors said.\n\n"+
		"The doses are kept at 2-8 degrees, and the work takes from 12 to 18 weeks.\n\n"+
		"The phone goes on sale in Japan, Germany and the United Arab Emirates by December.\n\n"+
		"Sales rose 9% to €842 million in the quarter, and 120 people joined.\n")
	names := facts.SpanFeatureNames()
	rng, list, entity, part := slices.Index(names, "range"), slices.Index(names, "entities"), slices.Index(names, "entity"), slices.Index(names, "part_entity")
	tests := []struct {
		q, fact string
		ranges  []string // range candidates
		lists   []string // list candidates
		not     []string // phrases that are no joined candidate
	}{
		{"What is the estimate of the damage?", "Weidmann",
			[]string{"between €250 million and €400 million", "€250 million and €400 million"}, nil,
			[]string{"at between €250 million and €400 million"}},
		{"When did the fraud take place?", "fraud ran",
			[]string{"from June 2021 to August 2023", "June 2021 to August 2023"}, nil, nil},
		// A range the tagger reads as one amount leads the same way.
		{"How long will the work take?", "doses", []string{"from 12 to 18 weeks", "12 to 18 weeks", "2-8", "at 2-8"}, nil, nil},
		{"Where does the phone go on sale?", "phone",
			nil, []string{"Japan, Germany and the United Arab Emirates"},
			[]string{"Germany and the United Arab Emirates by December"}},
		// A change from one amount to another is offered as a range too:
		// which one it is, the model weighs; an amount across a comma
		// joins nothing.
		{"How much did sales rise?", "Sales rose", []string{"9% to €842 million"}, nil,
			[]string{"€842 million in the quarter, and 120"}},
	}
	for _, tt := range tests {
		got := map[string][]float64{}
		for _, s := range b.Spans(tt.q, factWith(t, b, tt.fact)) {
			got[s.Text] = s.Features
		}
		for _, want := range append(slices.Clone(tt.ranges), tt.lists...) {
			fv, ok := got[want]
			if !ok {
				t.Errorf("%q: no candidate %q", tt.q, want)
				continue
			}
			isRange := slices.Contains(tt.ranges, want)
			// Two amounts joined by "and" are a list as well as a range.
			if fv[rng] != b2f(isRange) || !isRange && fv[list] != 1 || fv[entity] != 1 || fv[part] != 0 {
				t.Errorf("%q: %q range %v, entities %v, entity %v, part_entity %v; want range %v, a whole entity", tt.q, want, fv[rng], fv[list], fv[entity], fv[part], isRange)
			}
		}
		for _, no := range tt.not {
			if _, ok := got[no]; ok {
				t.Errorf("%q: %q is a candidate, want none", tt.q, no)
			}
		}
	}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// TestPluralList: a question that asks for several things ("which
// countries") marks the list of them (plural_list); one that asks for
// one thing does not, nor does one item of the list.
func TestPluralList(t *testing.T) {
	b := baseOf(t, "Title: Lists\n\n"+
		"The phone goes on sale in Japan, Germany and the United Arab Emirates by December.\n")
	plural := slices.Index(facts.SpanFeatureNames(), "plural_list")
	list := "Japan, Germany and the United Arab Emirates"
	for _, tt := range []struct {
		q, span string
		want    float64
	}{
		{"Which countries will get the phone?", list, 1},
		{"Which countries will get the phone?", "Germany", 0},
		{"Which country gets the phone first?", list, 0},
	} {
		found := false
		for _, s := range b.Spans(tt.q, factWith(t, b, "phone")) {
			if s.Text == tt.span {
				found = true
				if s.Features[plural] != tt.want {
					t.Errorf("%q: %q plural_list %v, want %v", tt.q, tt.span, s.Features[plural], tt.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no candidate %q", tt.q, tt.span)
		}
	}
}
