package facts_test

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/facts"
)

// TestDateLeads: the words that say which part of a date is meant lead
// into it as date candidates, within the date's clause and short of the
// question's own words; a range of two dates is one.
func TestDateLeads(t *testing.T) {
	b := baseOf(t, "Title: Works\n\n"+
		"Construction will begin in late spring 2027, the ministry said on Tuesday.\n\n"+
		"Vasko ran the central bank from 2014 to 2020.\n")
	names := facts.SpanFeatureNames()
	lead, entity := slices.Index(names, "date_lead"), slices.Index(names, "entity")
	tests := []struct {
		q, fact string
		leads   []string // candidates that lead into a date
		not     []string // phrases that are no such candidate
	}{
		{"When will construction begin?", "late spring",
			[]string{"late spring 2027", "spring 2027", "ministry said on Tuesday"},
			// "begin" is the question's word; "in" leads nothing.
			[]string{"begin in late spring 2027", "in late spring 2027", "2027, the ministry said on Tuesday"}},
		{"When did Vasko run the central bank?", "Vasko", []string{"2014 to 2020"}, []string{"bank from 2014 to 2020"}},
	}
	for _, tt := range tests {
		spans := b.Spans(tt.q, factWith(t, b, tt.fact))
		got := map[string][]float64{}
		for _, s := range spans {
			got[s.Text] = s.Features
		}
		for _, want := range tt.leads {
			fv, ok := got[want]
			if !ok {
				t.Errorf("%q: no candidate %q", tt.q, want)
				continue
			}
			if fv[lead] != 1 || fv[entity] != 1 {
				t.Errorf("%q: %q date_lead = %v, entity = %v, want both 1", tt.q, want, fv[lead], fv[entity])
			}
		}
		for _, no := range tt.not {
			if fv, ok := got[no]; ok && fv[lead] != 0 {
				t.Errorf("%q: %q leads into a date, want not", tt.q, no)
			}
		}
	}
	// The bare date is still a candidate, and leads nowhere.
	if fv := spanFeatures(t, b, "When will construction begin?", "late spring", "2027"); fv[lead] != 0 {
		t.Errorf("2027: date_lead = %v, want 0", fv[lead])
	}
}
