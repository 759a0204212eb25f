package facts

import "testing"

// TestFeatureNamesMatchFeatures: the weights file names the ranker's and
// the span model's features, so each must have one name of its own, in
// order (the names are keyed to their constants; a constant left out
// would get none).
func TestFeatureNamesMatchFeatures(t *testing.T) {
	for _, tt := range []struct {
		model string
		names []string
		count int
		some  map[int]string
	}{
		{"ranker", FeatureNames(), numFeatures,
			map[int]string{fCover: "cover", fAlign: "align", fCentroid: "centroid", fNoAge: "no_age", fLocative: "locative",
				fAntonym: "antonym", fNegQuestion: "neg_question", fNegFact: "neg_fact", fLeader: "leader",
				fNoAmount: "no_amount", fYearClash: "year_clash", fBriefs: "briefs"}},
		{"span", SpanFeatureNames(), numSpanFeatures,
			map[int]string{sEntity: "entity", sRule: "rule", sAlign: "align", sWhatCap: "what_cap", sOtherItem: "other_item"}},
	} {
		if len(tt.names) != tt.count {
			t.Errorf("%s: %d names for %d features", tt.model, len(tt.names), tt.count)
			continue
		}
		seen := make(map[string]bool)
		for i, n := range tt.names {
			if n == "" || seen[n] {
				t.Errorf("%s: feature %d is named %q, which is empty or another's", tt.model, i, n)
			}
			seen[n] = true
		}
		for i, want := range tt.some {
			if tt.names[i] != want {
				t.Errorf("%s: feature %d is named %q, want %q", tt.model, i, tt.names[i], want)
			}
		}
	}
}
