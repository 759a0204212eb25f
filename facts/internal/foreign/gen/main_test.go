package main

import (
	"bytes"
	"os"
	"testing"
)

const source = "/tmp/data/sw/package/stopwords-iso.json"

// TestGenerateMatchesEmbedded regenerates the lists from stopwords-iso, when
// it is on this machine, and checks they equal the embedded files.
func TestGenerateMatchesEmbedded(t *testing.T) {
	if _, err := os.Stat(source); err != nil {
		t.Skipf("stopwords-iso not on this machine: %v", err)
	}
	words, languages, err := generate(source, "../../../english/words.txt")
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string][]byte{"words.txt": words, "languages.txt": languages} {
		want, err := os.ReadFile("../" + name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is out of date: run go generate in facts/internal/foreign", name)
		}
	}
}

func TestLatinWord(t *testing.T) {
	for w, want := range map[string]bool{"und": true, "dónde": true, "a": false, "что": false, "x1": false, "łódź": true} {
		if latinWord(w) != want {
			t.Errorf("latinWord(%q) = %v", w, !want)
		}
	}
}
