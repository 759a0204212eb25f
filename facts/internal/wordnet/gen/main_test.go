package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefbot/briefbot/facts/factstest"
)

const dict = "/usr/share/wordnet"

// TestGenerateMatchesEmbedded regenerates the data from the installed
// WordNet and checks it equals the files the package embeds, twice over,
// so the data in the repository are reproducible from their source.
func TestGenerateMatchesEmbedded(t *testing.T) {
	factstest.SkipUnderRace(t)
	if _, err := os.Stat(filepath.Join(dict, "data.noun")); err != nil {
		t.Skipf("WordNet database not installed: %v", err)
	}
	if testing.Short() {
		t.Skip("reads the whole WordNet database")
	}
	first, err := generate(dict, "../../../english/words.txt")
	if err != nil {
		t.Fatal(err)
	}
	second, err := generate(dict, "../../../english/words.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range outputNames {
		if !bytes.Equal(first[name], second[name]) {
			t.Errorf("%s differs between two runs", name)
		}
		embedded, err := os.ReadFile(filepath.Join("..", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first[name], embedded) {
			t.Errorf("%s is out of date: run go generate in facts/internal/wordnet", name)
		}
	}
}

func TestPlaceName(t *testing.T) {
	for _, c := range []struct {
		in, out string
		ok      bool
	}{
		{"New_York", "new york", true},
		{"St._Louis", "st louis", true},
		{"Winston-Salem", "winston salem", true},
		{"Cote_d'Ivoire", "cote d'ivoire", true},
		{"U.K.", "u k", true},
		{"Route_66", "", false},
		{"_", "", false},
		{"'", "", false},
	} {
		out, ok := placeName(c.in)
		if out != c.out || ok != c.ok {
			t.Errorf("placeName(%q) = %q, %v, want %q, %v", c.in, out, ok, c.out, c.ok)
		}
	}
}

func TestRunRefusesOtherDirectory(t *testing.T) {
	if err := run(dict, "../../../english/words.txt", t.TempDir()); err == nil {
		t.Error("run wrote into a directory without wordnet.go")
	}
}
