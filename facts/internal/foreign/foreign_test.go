package foreign

import (
	"strings"
	"testing"
)

func TestWord(t *testing.T) {
	for w, want := range map[string]bool{
		"und": true, "dónde": true, "het": true, "kwa": true, "berapa": true, "heute": true,
		"the": false, "pour": false, "was": false, "": false, "brussels": false,
	} {
		if got := Word(w); got != want {
			t.Errorf("Word(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestLanguages(t *testing.T) {
	for w, want := range map[string]string{"hat": "de,hu", "wer": "de", "ist": "de", "the": "", "": "", "zzz": ""} {
		if got := Languages(w); got != want {
			t.Errorf("Languages(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestLanguagesFindsEveryWord: every line of the embedded list is found
// by its word, as Field's binary search needs the lines in key order.
func TestLanguagesFindsEveryWord(t *testing.T) {
	for line := range strings.Lines(languages) {
		w, want, _ := strings.Cut(strings.TrimSuffix(line, "\n"), " ")
		if got := Languages(w); got != want || want == "" {
			t.Fatalf("Languages(%q) = %q, want %q", w, got, want)
		}
	}
}
