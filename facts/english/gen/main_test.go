package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

const dict = "/usr/share/dict"

// TestGenerateMatchesEmbedded regenerates the list from the installed
// dictionaries and checks it equals the file the package embeds, so the
// data in the repository are reproducible from their source.
func TestGenerateMatchesEmbedded(t *testing.T) {
	for _, name := range dictionaries {
		if _, err := os.Stat(filepath.Join(dict, name)); err != nil {
			t.Skipf("SCOWL dictionaries not installed (Debian packages wamerican and wbritish): %v", err)
		}
	}
	got, err := generate(dict)
	if err != nil {
		t.Fatal(err)
	}
	embedded, err := os.ReadFile("../words.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, embedded) {
		t.Error("words.txt is out of date: run go generate in facts/english")
	}
}

func TestGenerate(t *testing.T) {
	dir := t.TempDir()
	for name, words := range map[string]string{
		"american-english": "color\nColorado\naardvark's\naardvark\nzebra\ncafé\n",
		"british-english":  "colour\naardvark\nzebra\r\n\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(words), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := "aardvark\ncolor\ncolour\nzebra\n"; string(got) != want {
		t.Errorf("generate = %q, want %q", got, want)
	}
	if _, err := generate(t.TempDir()); err == nil {
		t.Error("generate on a directory without dictionaries: no error")
	}
}
