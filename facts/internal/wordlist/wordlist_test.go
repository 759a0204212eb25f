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

func TestField(t *testing.T) {
	list := "an x\nand y,z\nap\nb c d\n"
	for _, tt := range []struct {
		key, want string
		ok        bool
	}{
		{"an", "x", true}, {"and", "y,z", true}, {"ap", "", true}, {"b", "c d", true},
		{"", "", false}, {"a", "", false}, {"anda", "", false}, {"c", "", false},
	} {
		if got, ok := Field(list, tt.key); got != tt.want || ok != tt.ok {
			t.Errorf("Field(%q) = %q, %v, want %q, %v", tt.key, got, ok, tt.want, tt.ok)
		}
	}
}

// FuzzField checks Field against a linear scan on arbitrary lists of
// "key rest" lines sorted as the generators sort them.
func FuzzField(f *testing.F) {
	f.Add("a:1 b:2 c:", "b")
	f.Fuzz(func(t *testing.T, pairs, key string) {
		seen := map[string]bool{}
		var lines []string
		want, wantOK := "", false
		for _, p := range strings.Fields(pairs) {
			k, v, _ := strings.Cut(p, ":")
			if k == "" || seen[k] || strings.ContainsFunc(k, func(r rune) bool { return r <= ' ' }) {
				continue // Field's keys hold no byte below the space
			}
			seen[k] = true
			lines = append(lines, k+" "+v)
			if k == key {
				want, wantOK = v, true
			}
		}
		slices.Sort(lines)
		got, ok := Field(strings.Join(lines, "\n")+"\n", key)
		if got != want || ok != wantOK {
			t.Fatalf("Field(%q, %q) = %q, %v, want %q, %v", lines, key, got, ok, want, wantOK)
		}
	})
}

// TestLookupsAllocateNothing: the embedded lists are read on every
// message, so a look-up allocates nothing.
func TestLookupsAllocateNothing(t *testing.T) {
	list, fields := "apple\nbanana\ncherry\n", "an x\nand y,z\nb c\n"
	if n := testing.AllocsPerRun(100, func() { Has(list, "banana"); Field(fields, "and") }); n != 0 {
		t.Errorf("a look-up allocates %.0f times", n)
	}
}
