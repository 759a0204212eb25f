package facts

import (
	"slices"
	"strings"
	"testing"
)

// TestSpanAmountsWhole: a candidate amount keeps its currency, its
// country letters and its percent sign, and no candidate offers the
// number without them, which would misstate it; an amount with the words
// that qualify it is a candidate too. Each is the tagger's entity whole,
// signs and all, not a cut through it.
func TestSpanAmountsWhole(t *testing.T) {
	b := mustBase(t, "The grant was A$380,000 a year, and the fund raised US$4 billion.\n"+
		"Rates rose to 5.75% and revenue to €842 million, while up to 600 jobs and about 180 sailings went.\n"+
		"A$5 coins and NZ$ notes were minted.\n"+
		"Original Source: example.com\n")
	tests := []struct {
		fact    int
		want    []string
		mustNot []string
		whole   []string // the tagger's entities among want ("A$380,000 a year" is one)
	}{
		{0, []string{"A$380,000", "US$4 billion"}, []string{"380,000", "$380,000", "4 billion"}, []string{"US$4 billion"}},
		{1, []string{"5.75%", "€842 million", "up to 600 jobs", "about 180 sailings"}, []string{"5.75", "842 million"},
			[]string{"5.75%", "€842 million", "up to 600 jobs", "about 180 sailings"}},
		{2, []string{"A$5"}, []string{"5", "$5"}, nil},
	}
	facts := b.Facts()
	for _, tt := range tests {
		var texts []string
		for _, s := range b.Spans("How much was it?", facts[tt.fact]) {
			texts = append(texts, s.Text)
			if slices.Contains(tt.whole, s.Text) && (s.Features[sEntity] != 1 || s.Features[sPartEntity] != 0) {
				t.Errorf("%q: entity %v, part_entity %v, want the whole entity", s.Text, s.Features[sEntity], s.Features[sPartEntity])
			}
			if strings.TrimSpace(s.Text) != s.Text || s.Text == "" {
				t.Errorf("candidate %q has ragged edges", s.Text)
			}
		}
		for _, w := range tt.want {
			if !slices.Contains(texts, w) {
				t.Errorf("candidates of %q lack %q: %q", facts[tt.fact].Text, w, texts)
			}
		}
		for _, w := range tt.mustNot {
			if slices.Contains(texts, w) {
				t.Errorf("candidates of %q offer the bare %q", facts[tt.fact].Text, w)
			}
		}
	}
}
