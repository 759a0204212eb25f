package wordlist

import (
	"slices"
	"strings"
	"testing"
)

func TestHas(t *testing.T) {
	list := "apple\nbanana\ncherry\ndate\n"
	for _, tt := range []struct {
		w    string
		want bool
	}{
		{"apple", true}, {"banana", true}, {"date", true}, {"cherry", true},
		{"", false}, {"app", false}, {"apples", false}, {"zebra", false}, {"aardvark", false}, {"c", false},
	} {
		if got := Has(list, tt.w); got != tt.want {
			t.Errorf("Has(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
	if Has("", "a") || !Has("only", "only") {
		t.Error("empty list or a list without a final newline")
	}
}

// FuzzHas checks Has against a linear scan on arbitrary sorted lists.
func FuzzHas(f *testing.F) {
	f.Add("a b c", "b")
	f.Add("x", "")
	f.Fuzz(func(t *testing.T, words, w string) {
		ws := strings.Fields(words)
		slices.Sort(ws)
		ws = slices.Compact(ws)
		list := strings.Join(ws, "\n") + "\n"
		if got, want := Has(list, w), w != "" && slices.Contains(ws, w); got != want {
			t.Fatalf("Has(%q, %q) = %v, want %v", list, w, got, want)
		}
	})
}

func TestIsLower(t *testing.T) {
	for w, want := range map[string]bool{
		"aardvark": true, "a": true, "": false, "Aardvark": false, "aardvark's": false,
		"café": false, "co-op": false, "abc1": false, "word\r": false,
	} {
		if got := IsLower(w); got != want {
			t.Errorf("IsLower(%q) = %v, want %v", w, got, want)
		}
	}
}
