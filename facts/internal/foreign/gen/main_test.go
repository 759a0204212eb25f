package main

import (
	"bytes"
	"os"
	"testing"
)

const source = "/tmp/data/sw/package/stopwords-iso.json"

// TestGenerateMatchesEmbedded regenerates the list from stopwords-iso, when
// it is on this machine, and checks it equals the embedded file.
func TestGenerateMatchesEmbedded(t *testing.T) {
	if _, err := os.Stat(source); err != nil {
		t.Skipf("stopwords-iso not on this machine: %v", err)
	}
	got, err := generate(source, "../../../english/words.txt")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../words.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("words.txt is out of date: run go generate in facts/internal/foreign")
	}
}

func TestLatinWord(t *testing.T) {
	for w, want := range map[string]bool{"und": true, "dónde": true, "a": false, "что": false, "x1": false, "łódź": true} {
		if latinWord(w) != want {
			t.Errorf("latinWord(%q) = %v", w, !want)
		}
	}
}
