package talk

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/facts"
)

// TestNewestBriefs: a summary of many briefs lists the newest, newest
// first; undated briefs come after dated ones, and briefs of one date
// keep their load order.
func TestNewestBriefs(t *testing.T) {
	bs := []facts.BriefInfo{
		{Name: "a", Date: "2026-03-01"}, {Name: "b"}, {Name: "c", Date: "2026-03-05"},
		{Name: "d", Date: "2026-03-03"}, {Name: "e", Date: "2026-03-05"}, {Name: "f"},
	}
	for _, tc := range []struct {
		n    int
		want []string
	}{
		{0, nil},
		{1, []string{"c"}},
		{3, []string{"c", "e", "d"}},
		{5, []string{"c", "e", "d", "a", "b"}},
		{9, []string{"c", "e", "d", "a", "b", "f"}},
	} {
		var got []string
		for _, b := range newestBriefs(bs, tc.n) {
			got = append(got, b.Name)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("newestBriefs(n=%d) = %v, want %v", tc.n, got, tc.want)
		}
	}
}
