package facts

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/facts/internal/prose"
)

// TestSpanUnits: of two amounts a sentence gives in two units, the one in
// the unit the question names is marked the same and the other another,
// however the unit is written (a sign, a name, an abbreviation); a
// question that names no unit, or only a unit of time, marks neither.
func TestSpanUnits(t *testing.T) {
	const (
		kroner = "Combined revenue reached roughly 162 billion Danish kroner, or €21.7 billion, last year."
		storm  = "The storm dropped 120 mm of rain and its winds reached 90 km inland."
	)
	tests := []struct {
		sentence, q string
		same, other []string
		none        []string // candidates with neither feature
	}{
		{
			sentence: kroner,
			q:        "What was the combined revenue in kroner?",
			same:     []string{"roughly 162 billion Danish kroner"}, other: []string{"€21.7 billion"},
		},
		{
			sentence: kroner,
			q:        "How many euros of revenue?",
			same:     []string{"€21.7 billion"}, other: []string{"roughly 162 billion Danish kroner"},
		},
		{
			sentence: storm,
			q:        "How many millimetres of rain fell?",
			same:     []string{"120 mm"}, other: []string{"90 km"},
		},
		{
			sentence: storm,
			q:        "How much rain fell?",
			none:     []string{"120 mm", "90 km"},
		},
		{
			sentence: kroner,
			q:        "What was the combined revenue in Danish kroner?",
			same:     []string{"roughly 162 billion Danish kroner"}, other: []string{"€21.7 billion"},
		},
		{
			// A word that can name a unit and stands where no unit is asked
			// in names none.
			sentence: kroner,
			q:        "What was the real combined revenue last year?",
			none:     []string{"roughly 162 billion Danish kroner", "€21.7 billion"},
		},
		{
			sentence: "The strike lasted 12 days and cost $4 million.",
			q:        "How many weeks did the strike last?",
			none:     []string{"12 days", "$4 million"},
		},
	}
	for _, tt := range tests {
		feats := spanFeatureMap(t, "Title: Units\n\n"+tt.sentence+"\n\nOriginal Source: example.org\n", tt.q)
		pairOn(t, feats, tt.q, tt.same, sUnitSame, sUnitOther, 1, 0)
		pairOn(t, feats, tt.q, tt.other, sUnitSame, sUnitOther, 0, 1)
		pairOn(t, feats, tt.q, tt.none, sUnitSame, sUnitOther, 0, 0)
	}
}

// TestFactUnits: a sentence's amounts are counted in the units their signs
// and unit words name, one sense for every name of a unit; a sentence of
// counts and times holds none.
func TestFactUnits(t *testing.T) {
	l := testLanguage(t)
	sense := func(w string) int {
		t.Helper()
		u := unitSense(l, w)
		if u == 0 {
			t.Fatalf("%q names no unit", w)
		}
		return u
	}
	tests := []struct {
		text string
		want []int
	}{
		{"Revenue reached 162 billion Danish kroner, or €21.7 billion.", []int{sense("kroner"), sense("euro")}},
		{"The storm dropped 120 mm of rain, and 90 kilometres of road closed.", []int{sense("millimetres"), sense("km")}},
		{"The strike lasted 12 days and 400 workers joined it.", nil},
	}
	for _, tt := range tests {
		tg := prose.Tagger{Lang: l}
		toks := prose.Tokenize(tt.text)
		got := factUnits(l, tt.text, tg.Tag(tt.text, toks))
		if !slices.Equal(got, tt.want) {
			t.Errorf("factUnits(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
