package facts

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/facts/internal/prose"
)

// TestSpanAttr: of two amounts given as two attributes, the one given as
// the attribute of the question's adjective is marked the same and the
// other another, whether the sentence names it by an adjective after the
// unit or a noun before "of"; an attribute that is a kind of the asked one
// counts as it, and a question that asks no measure marks neither.
func TestSpanAttr(t *testing.T) {
	const (
		ship  = "The ship, which is 229 metres long and 32 metres wide, ran aground."
		quake = "The quake struck at a depth of 38 kilometres, about 62 kilometres north of the city."
	)
	tests := []struct {
		sentence, q string
		same, other []string
		none        []string // candidates with neither feature
	}{
		{sentence: ship, q: "How wide is the ship?", same: []string{"32 metres"}, other: []string{"229 metres"}},
		{sentence: quake, q: "How deep was the quake?", same: []string{"38 kilometres"}, none: []string{"62 kilometres"}},
		{sentence: "The tower will stand 180 metres high.", q: "How tall will the tower be?", same: []string{"180 metres"}},
		{sentence: ship, q: "How big is the ship?", none: []string{"229 metres", "32 metres"}},
		{sentence: ship, q: "What ran aground?", none: []string{"229 metres", "32 metres"}},
	}
	for _, tt := range tests {
		feats := spanFeatureMap(t, "Title: Attributes\n\n"+tt.sentence+"\n\nOriginal Source: example.org\n", tt.q)
		pairOn(t, feats, tt.q, tt.same, sAttrSame, sAttrOther, 1, 0)
		pairOn(t, feats, tt.q, tt.other, sAttrSame, sAttrOther, 0, 1)
		pairOn(t, feats, tt.q, tt.none, sAttrSame, sAttrOther, 0, 0)
	}
}

// TestFactAttrs: a sentence's amounts are given as the attributes the
// words around them name; amounts with no such word give none.
func TestFactAttrs(t *testing.T) {
	l := testLanguage(t)
	tests := []struct {
		text string
		want []string
	}{
		{"The ship is 229 metres long and 32 metres wide.", []string{"duration", "width"}},
		{"It hit at a depth of 38 kilometres, about 62 kilometres north of the city.", []string{"depth"}},
		{"Its walls survive to a height of up to 1.4 m.", []string{"height"}},
		{"The strike lasted 12 days and 400 workers joined it.", nil},
	}
	for _, tt := range tests {
		tg := prose.Tagger{Lang: l}
		toks := prose.Tokenize(tt.text)
		got := factAttrs(l, tt.text, tg.Tag(tt.text, toks))
		if !slices.Equal(got, tt.want) {
			t.Errorf("factAttrs(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestMeasureDims: a measure's adjective asks for amounts of the
// dimensions that answer it, and one of unclear dimension for none.
func TestMeasureDims(t *testing.T) {
	tests := []struct {
		attr string
		want dimSet
	}{
		{"weight", dimsOf(dimMeasure)},
		{"depth", dimsOf(dimMeasure, dimPercent)},
		{"speed", dimsOf(dimMeasure, dimPercent, dimTime)},
		{"size", 0},
		{"", 0},
	}
	for _, tt := range tests {
		if got := measureDims(tt.attr); got != tt.want {
			t.Errorf("measureDims(%q) = %b, want %b", tt.attr, got, tt.want)
		}
	}
}
