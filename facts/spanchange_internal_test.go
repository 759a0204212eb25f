package facts

import (
	"testing"
)

// TestSpanChange checks that, asked for a difference, an amount put as one
// is told from a level beside it, and that nothing is marked when the
// question asks for the level.
func TestSpanChange(t *testing.T) {
	const (
		shares = "Halvorsen shares climbed 7.2% to €38.15, up from €35.60 a week earlier."
		bills  = "A household with a mortgage of 300,000 marks will pay about 140 marks more each month."
		quota  = "The quota was cut by 18% to 41,000 tonnes."
	)
	tests := []struct {
		sentence, q   string
		change, level []string
		none          []string // candidates with neither feature
	}{
		{sentence: shares, q: "By how much did Halvorsen shares climb?", change: []string{"7.2%"}, level: []string{"€38.15", "€35.60"}},
		{sentence: shares, q: "How much did Halvorsen shares close at?", none: []string{"7.2%", "€38.15"}},
		{sentence: bills, q: "How much more will a household pay each month?", change: []string{"about 140 marks"}, none: []string{"300,000 marks"}},
		{sentence: quota, q: "By how much was the quota cut?", change: []string{"18%"}, level: []string{"41,000 tonnes"}},
		{sentence: quota, q: "how many fewer tonnes can be caught", change: []string{"18%"}, level: []string{"41,000 tonnes"}},
	}
	for _, tt := range tests {
		feats := spanFeatureMap(t, "Title: Change\n\n"+tt.sentence+"\n\nOriginal Source: example.org\n", tt.q)
		pairOn(t, feats, tt.q, tt.change, sChangeForm, sLevelForm, 1, 0)
		pairOn(t, feats, tt.q, tt.level, sChangeForm, sLevelForm, 0, 1)
		pairOn(t, feats, tt.q, tt.none, sChangeForm, sLevelForm, 0, 0)
	}
}
