package facts_test

import (
	"testing"
)

func TestFactsRange(t *testing.T) {
	b := seedBase(t)
	all := b.Facts()
	tests := []struct{ start, end, want int }{
		{0, 10, 10}, {10, 20, len(all) - 10}, {-5, 2, 2}, {5, 5, 0}, {9, 3, 0}, {len(all), len(all) + 10, 0},
	}
	for _, tt := range tests {
		got := b.FactsRange(tt.start, tt.end)
		if len(got) != tt.want {
			t.Errorf("FactsRange(%d, %d) has %d facts, want %d", tt.start, tt.end, len(got), tt.want)
			continue
		}
		for i, f := range got {
			if f.ID != all[max(0, tt.start)+i].ID {
				t.Errorf("FactsRange(%d, %d)[%d] = %s", tt.start, tt.end, i, f.ID)
			}
		}
	}
	if got := b.FactsRange(0, 1); len(got[0].Entities) > 0 {
		got[0].Entities[0].Text = "changed"
		if b.FactsRange(0, 1)[0].Entities[0].Text == "changed" {
			t.Errorf("FactsRange hands out the base's own entities")
		}
	}
}
