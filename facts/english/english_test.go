package english

import "testing"

func TestKnown(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"a", true}, {"voted", true}, {"age", true}, {"dialogue", true}, {"organisation", true},
		{"zebra", true}, {"", false}, {"lenght", false}, {"delegaton", false}, {"qwertyuiop", false},
		{"Voted", false}, {"zzzzzz", false}, {"aaaaa", false},
	}
	for _, tt := range tests {
		if got := Known(tt.w); got != tt.want {
			t.Errorf("Known(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

func BenchmarkKnown(b *testing.B) {
	for b.Loop() {
		Known("radicalization")
	}
}
