package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const scowl = "/usr/share/dict/scowl"

// TestGenerateMatchesEmbedded regenerates the table from the installed
// SCOWL lists and checks it equals the file the package embeds, twice
// over, so the data in the repository are reproducible from their source.
func TestGenerateMatchesEmbedded(t *testing.T) {
	if _, err := os.Stat(filepath.Join(scowl, "british-words.10")); err != nil {
		t.Skipf("SCOWL word lists not installed (Debian package scowl): %v", err)
	}
	first, err := generate(scowl)
	if err != nil {
		t.Fatal(err)
	}
	second, err := generate(scowl)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Error("pairs.txt differs between two runs")
	}
	embedded, err := os.ReadFile("../pairs.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, embedded) {
		t.Error("pairs.txt is out of date: run go generate in facts/internal/spelling")
	}
}

// writeLists makes a fake SCOWL directory from file name -> words.
func writeLists(t *testing.T, lists map[string][]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, words := range lists {
		data := strings.Join(words, "\n") + "\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestGenerate(t *testing.T) {
	dir := writeLists(t, map[string][]string{
		"english-words.10":  {"tour", "four", "program", "hem", "police"},
		"english-words.95":  {"colourise"}, // American at some level: never rewritten
		"american-words.10": {"color", "organize", "center", "centers", "maneuvers", "analyze"},
		"american-words.80": {"labor"}, // above level 70: not a target
		"british-words.10": {
			"colour", "organise", "centre", "centres", "manoeuvres", "analyse",
			"programme", "haem", "labour", "colourise", "Colour", "colour's",
		},
		"british-words.80":    {"analysed"}, // above level 70: not a source
		"british_z-words.10":  {"organize", "colour"},
		"canadian-words.20":   {"colour", "centre"},
		"australian-words.10": {"organise"},
	})
	got, err := generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := `analyse analyze
centre center
centres centers
colour color
manoeuvres maneuvers
organise organize
programme program
`
	if string(got) != want {
		t.Errorf("generate =\n%s\nwant\n%s", got, want)
	}
}

func TestGenerateMissingLists(t *testing.T) {
	dir := writeLists(t, map[string][]string{"english-words.10": {"tour"}})
	if _, err := generate(dir); err == nil {
		t.Error("generate succeeded without British lists")
	}
}

func TestAmericanize(t *testing.T) {
	american := map[string]bool{}
	for _, w := range strings.Fields(`color center concretize concertize
		performative sher fosse hem erogenic stor porer cataloged maneuver
		maneuvering centering traveled counselor practice defense judgment`) {
		american[w] = true
	}
	for _, c := range []struct{ in, want string }{
		{"colour", "color"},
		{"centre", "center"},
		{"concretise", "concretize"}, // fewest rewrites beats alphabetical
		{"catalogued", "cataloged"},
		{"manoeuvre", "maneuver"},
		{"manoeuvring", "maneuvering"},
		{"centring", "centering"},
		{"travelled", "traveled"},
		{"counsellor", "counselor"},
		{"practise", "practice"},
		{"defence", "defense"},
		{"judgement", "judgment"},
		// The letters are there, but not as a British spelling.
		{"preformative", ""},
		{"shoer", ""},
		{"fossae", ""},
		{"aerogenic", ""},
		{"pourer", ""},
		{"haem", ""}, // denied
		{"colourful", ""},
	} {
		got, ok := americanize(c.in, american)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("americanize(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}

func TestVariantsBounded(t *testing.T) {
	w := strings.Repeat("ourise", 20)
	if n := len(variants(w)); n > maxVariants {
		t.Errorf("%d variants, want at most %d", n, maxVariants)
	}
}
