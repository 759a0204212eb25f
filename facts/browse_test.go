package facts_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/factstest"
)

func TestSearch(t *testing.T) {
	b := seedBase(t)
	tests := []struct {
		query   string
		n       int
		want    string // a substring of the first result
		atLeast int
	}{
		{"GSP+", 10, "GSP+", 2},
		{"human rights", 10, "human rights", 3},
		{"radicalisation", 5, "radicalization", 1},
		{"Brussels", 1, "Brussels", 1},
	}
	for _, tt := range tests {
		rs := b.Search(tt.query, tt.n)
		if len(rs) < tt.atLeast || len(rs) > tt.n {
			t.Errorf("Search(%q, %d): %d results", tt.query, tt.n, len(rs))
			continue
		}
		if !strings.Contains(rs[0].Fact.Text, tt.want) {
			t.Errorf("Search(%q) first result %q lacks %q", tt.query, rs[0].Fact.Text, tt.want)
		}
		for i := 1; i < len(rs); i++ {
			if rs[i].Confidence > rs[i-1].Confidence+0.2 {
				t.Errorf("Search(%q) results out of order: %v then %v", tt.query, rs[i-1].Confidence, rs[i].Confidence)
			}
		}
	}
	for _, q := range []string{"", "   ", "🤔", "qwertyuiop", strings.Repeat("x", 5000)} {
		if rs := b.Search(q, 5); len(rs) != 0 {
			t.Errorf("Search(%q) found %d facts", q, len(rs))
		}
	}
}

func TestComplete(t *testing.T) {
	b := seedBase(t)
	all := b.Complete("", 25)
	if len(all) == 0 || len(all) > 25 {
		t.Fatalf("Complete(\"\") = %d completions", len(all))
	}
	for _, c := range all {
		if len(c) > 100 {
			t.Errorf("completion %q longer than 100 bytes", c)
		}
		if strings.HasSuffix(c, "?") && !b.Ask(c).Answered {
			t.Errorf("offered question %q is not answered", c)
		}
	}
	tests := []struct{ typed, want string }{
		{"skoog", "Olof Skoog"},
		{"who is abdul", "Abdul Hameed"},
		{"strat", "Strategic Engagement Plan"},
		{"brus", "Brussels"},
	}
	for _, tt := range tests {
		got := b.Complete(tt.typed, 5)
		if len(got) == 0 || !strings.Contains(got[0], tt.want) {
			t.Errorf("Complete(%q) = %q, want %q first", tt.typed, got, tt.want)
		}
	}
	if got := b.Complete("zzzzqqq", 5); len(got) != 0 {
		t.Errorf("Complete(nonsense) = %q", got)
	}
	if got := b.Complete(strings.Repeat("a", 10000), 5); len(got) > 5 {
		t.Errorf("Complete(long) = %d", len(got))
	}
	// Concurrent first use builds the list once, race-free.
	fresh := seedBase(t)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); fresh.Complete("eu", 3) }()
	}
	wg.Wait()
}

// TestCompleteOffersAnsweredQuestions: what autocomplete offers with
// nothing typed is answered, on the seed and on sixteen briefs of other
// news; typed words find questions that hold them, in any order, with a
// typo.
func TestCompleteOffersAnsweredQuestions(t *testing.T) {
	factstest.SkipUnderRace(t)
	for name, b := range map[string]*facts.Base{"seed": seedBase(t), "corpus": corpusBase(t)} {
		offered := b.Complete("", 25)
		if len(offered) == 0 {
			t.Fatalf("%s: nothing offered", name)
		}
		for _, q := range offered {
			if strings.HasSuffix(q, "?") && !b.Ask(q).Answered {
				t.Errorf("%s: offers %q, which is not answered", name, q)
			}
		}
	}
	b := seedBase(t)
	for _, typed := range []string{"dialogue", "where was", "dialog", "was where", "dialouge"} {
		got := b.Complete(typed, 10)
		found := false
		for _, q := range got {
			if strings.HasSuffix(q, "?") && strings.Contains(strings.ToLower(q), "dialogue") || strings.HasPrefix(q, "Where was") {
				found = true
			}
		}
		if !found {
			t.Errorf("Complete(%q) = %q, want a question about the dialogue", typed, got)
		}
	}
}
