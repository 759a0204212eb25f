package facts_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/seed"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from what the code now produces; inspect with go test -update && git diff", path)
	}
}

func seedBase(t testing.TB) *facts.Base {
	t.Helper()
	b, err := facts.LoadFS(seed.Briefs())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestSeedFactsGolden pins the seed brief's sentences, ids, citations,
// tags and duplicate links.
func TestSeedFactsGolden(t *testing.T) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(seedBase(t).Facts()); err != nil {
		t.Fatal(err)
	}
	golden(t, "seed-facts.golden.json", buf.Bytes())
}

func TestFactIDsStable(t *testing.T) {
	a, b := seedBase(t), seedBase(t)
	fa, fb := a.Facts(), b.Facts()
	for i := range fa {
		if fa[i].ID != fb[i].ID {
			t.Fatalf("fact %d id %s then %s", i, fa[i].ID, fb[i].ID)
		}
	}
	if a.Version() != b.Version() {
		t.Fatalf("version %s then %s", a.Version(), b.Version())
	}
}

func TestCitationOffsets(t *testing.T) {
	raw, err := seed.Briefs().Open("pakistan-eu-counter-terrorism-dialogue.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(raw); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	fs := seedBase(t).Facts()
	if len(fs) != 17 {
		t.Errorf("%d facts, want 17", len(fs))
	}
	for _, f := range fs {
		c := f.Citation
		if got := text[c.Start:c.End]; got != f.Text {
			t.Errorf("%s: offsets %d-%d give %q", f.ID, c.Start, c.End, got)
		}
		if c.Source != "www.geo.tv" || c.Brief != "pakistan-eu-counter-terrorism-dialogue" || c.Paragraph < 1 || c.Sentence < 1 {
			t.Errorf("%s: citation %+v", f.ID, c)
		}
	}
}

// TestSummaryLinksToFullerFact checks that the opening summary's sentences
// point at the fuller sentences they restate.
func TestSummaryLinksToFullerFact(t *testing.T) {
	fs := seedBase(t).Facts()
	byPos := map[[2]int]facts.Fact{}
	for _, f := range fs {
		byPos[[2]int{f.Citation.Paragraph, f.Citation.Sentence}] = f
	}
	if got, want := byPos[[2]int{1, 1}].SameAs, byPos[[2]int{2, 1}].ID; got != want {
		t.Errorf("p1s1 same_as %q, want p2s1 %q", got, want)
	}
	if byPos[[2]int{2, 1}].SameAs != "" {
		t.Errorf("p2s1 is the fuller fact but links to %q", byPos[[2]int{2, 1}].SameAs)
	}
}
