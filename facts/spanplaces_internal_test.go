package facts

import (
	"testing"
)

// TestSpanPlaces checks that a figure tied to the place a question asks
// about is told from the figures tied to other places, and that nothing
// is marked when the question asks about no place or names a currency's
// country.
func TestSpanPlaces(t *testing.T) {
	const (
		cars = "About 19,200 of the affected cars were sold in Freeland, 11,500 in the Westmark Isles and the rest across 23 other markets."
		fund = "The fund raised 40 million Freeland crowns in March, and 12 million in Westmark."
	)
	tests := []struct {
		sentence, q string
		same, other []string
		none        []string // candidates with neither feature
	}{
		{
			sentence: cars,
			q:        "How many of the cars were sold in the Westmark Isles?",
			same:     []string{"11,500"}, other: []string{"About 19,200"},
		},
		{
			sentence: cars,
			q:        "How many cars were sold in Freeland?",
			same:     []string{"About 19,200"}, other: []string{"11,500"},
		},
		{
			sentence: cars,
			q:        "How many cars were sold?",
			none:     []string{"About 19,200", "11,500"},
		},
		{
			// "in March" dates the first figure; the second is placed.
			sentence: fund,
			q:        "How much did the fund raise in Westmark?",
			same:     []string{"12 million"}, none: []string{"40 million Freeland crowns"},
		},
		{
			// A country's name before a currency names no place asked.
			sentence: fund,
			q:        "How much did the fund raise in Freeland crowns?",
			none:     []string{"40 million Freeland crowns", "12 million"},
		},
	}
	for _, tt := range tests {
		feats := spanFeatureMap(t, "Title: Places\n\n"+tt.sentence+"\n\nOriginal Source: example.org\n", tt.q)
		pairOn(t, feats, tt.q, tt.same, sPlaceSame, sPlaceOther, 1, 0)
		pairOn(t, feats, tt.q, tt.other, sPlaceSame, sPlaceOther, 0, 1)
		pairOn(t, feats, tt.q, tt.none, sPlaceSame, sPlaceOther, 0, 0)
	}
}
