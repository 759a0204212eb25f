package facts_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path"
	"reflect"
	"sync"
	"testing"

	"github.com/briefbot/briefbot/facts"
)

// trainSet reads the first n briefs of the corpus's train split, in the
// order train.jsonl names them, with their questions.
func trainSet(t *testing.T, n int) (names []string, questions []string) {
	t.Helper()
	f, err := os.Open("testdata/corpus/train.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seen := make(map[string]bool)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var row struct{ Brief, Q string }
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatal(err)
		}
		if !seen[row.Brief] {
			if len(names) == n {
				break
			}
			seen[row.Brief] = true
			names = append(names, row.Brief)
		}
		questions = append(questions, row.Q)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return names, questions
}

// parseBriefs parses the named corpus briefs anew.
func parseBriefs(t *testing.T, names []string) []*facts.Brief {
	t.Helper()
	var out []*facts.Brief
	for _, n := range names {
		f, err := os.Open(path.Join("testdata/corpus/briefs", n+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		b, err := facts.ParseBrief(n+".txt", f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// TestSharedBriefsAnswerAsFresh: a base built from briefs that another
// base has already read (as every server's base shares the operator's
// briefs) holds the same facts and gives the same answers as a base built
// from the same texts parsed anew.
func TestSharedBriefsAnswerAsFresh(t *testing.T) {
	names, questions := trainSet(t, 8)
	know, err := facts.LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	shared := parseBriefs(t, names)
	// The first base reads the six shared briefs with a seventh; the
	// second reuses them with an eighth, whose words the first never saw.
	if _, err := know.New(append(shared[:6:6], shared[6])...); err != nil {
		t.Fatal(err)
	}
	reused, err := know.New(append(shared[:6:6], shared[7])...)
	if err != nil {
		t.Fatal(err)
	}
	again := parseBriefs(t, names)
	fresh, err := know.New(append(again[:6:6], again[7])...)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(reused.Facts(), fresh.Facts()) {
		t.Fatal("the facts of a base built from briefs read before differ from a fresh base's")
	}
	answered := 0
	for _, q := range questions {
		got, want := reused.Ask(q), fresh.Ask(q)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Ask(%q) from briefs read before = %+v, fresh = %+v", q, got, want)
		}
		if want.Answered {
			answered++
		}
	}
	if answered == 0 {
		t.Fatalf("none of %d questions answered: the comparison says nothing", len(questions))
	}
}

// TestBasesBuiltAtOnceFromOneBrief builds bases concurrently from the same
// parsed briefs, for the race detector, and checks they agree.
func TestBasesBuiltAtOnceFromOneBrief(t *testing.T) {
	names, _ := trainSet(t, 3)
	know, err := facts.LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	briefs := parseBriefs(t, names)
	bases := make([]*facts.Base, 4)
	var wg sync.WaitGroup
	for i := range bases {
		wg.Go(func() {
			b, err := know.New(briefs...)
			if err != nil {
				t.Error(err)
				return
			}
			bases[i] = b
		})
	}
	wg.Wait()
	for _, b := range bases[1:] {
		if b == nil || bases[0] == nil {
			t.Fatal("a base failed to build")
		}
		if !reflect.DeepEqual(b.Facts(), bases[0].Facts()) {
			t.Error("bases built at once from one set of briefs hold different facts")
		}
	}
}
