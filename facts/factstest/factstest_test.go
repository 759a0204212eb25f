package factstest

import (
	"os"
	"path/filepath"
	"testing"
)

func TestGenerateDeterministic(t *testing.T) {
	o := Options{Briefs: 20, Vocabulary: 2000, Zipf: 1.07, Seed: 3}
	a, b := Generate(o), Generate(o)
	if len(a.Files) != 20 || len(a.Sentences) == 0 {
		t.Fatalf("%d files, %d sentences", len(a.Files), len(a.Sentences))
	}
	for name, f := range a.Files {
		if string(b.Files[name].Data) != string(f.Data) {
			t.Fatalf("%s differs between runs", name)
		}
	}
	qa, qb := a.Questions(10, true, 1), b.Questions(10, true, 1)
	for i := range qa {
		if qa[i] != qb[i] {
			t.Fatalf("question %d: %q then %q", i, qa[i], qb[i])
		}
	}
}

// TestWriteCorpus writes the default corpus and a question file to
// $BRIEFBOT_CORPUS_DIR, for measuring the built program on it:
//
//	BRIEFBOT_CORPUS_DIR=/tmp/corpus go test -run TestWriteCorpus ./facts/factstest
//	/usr/bin/time -v briefbot ask --json --briefs /tmp/corpus/briefs < /tmp/corpus/questions.txt
func TestWriteCorpus(t *testing.T) {
	dir := os.Getenv("BRIEFBOT_CORPUS_DIR")
	if dir == "" {
		t.Skip("set BRIEFBOT_CORPUS_DIR to write the corpus")
	}
	c := Generate(Default())
	if err := os.MkdirAll(filepath.Join(dir, "briefs"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, f := range c.Files {
		if err := os.WriteFile(filepath.Join(dir, "briefs", name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var qs []byte
	for _, q := range c.Questions(1000, true, 7) {
		qs = append(qs, q+"\n"...)
	}
	if err := os.WriteFile(filepath.Join(dir, "questions.txt"), qs, 0o644); err != nil {
		t.Fatal(err)
	}
}
