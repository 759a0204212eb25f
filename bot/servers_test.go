package bot

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot/journal/sqlite"
	"github.com/briefbot/briefbot/bot/library"
	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/talk"
)

// corpusBriefs reads n briefs of the project's corpus from start.
func corpusBriefs(t *testing.T, start, n int) map[string]string {
	t.Helper()
	dir := filepath.Join("..", "facts", "testdata", "corpus", "briefs")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) < start+n {
		t.Fatalf("corpus briefs: %d files, %v", len(files), err)
	}
	sort.Strings(files)
	out := map[string]string{}
	for _, f := range files[start : start+n] {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f[:len(f)-len(".txt")])] = string(data)
	}
	return out
}

// isolationQuestions is how many questions TestServersIsolated asks in
// each server (a fifth of them under the race detector).
const isolationQuestions = 1000

// TestServersIsolated: over 1,000 questions made from every server's own
// briefs, an answer, an offer or a summary in one server never comes from
// another server's briefs; the shared briefs reach only the servers that
// read them.
func TestServersIsolated(t *testing.T) {
	t.Parallel() // slow, and independent of the tests beside it
	ctx := context.Background()
	lib, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "b.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	know, err := facts.LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	sharedBriefs := corpusBriefs(t, 0, 3)
	var parsed []*facts.Brief
	for name, text := range sharedBriefs {
		b, err := facts.ParseBrief(name, stringsReader(text))
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, b)
	}
	shared, err := know.New(parsed...)
	if err != nil {
		t.Fatal(err)
	}
	guilds := map[string]map[string]string{"g1": corpusBriefs(t, 3, 5), "g2": corpusBriefs(t, 8, 5), "g3": corpusBriefs(t, 13, 5)}
	for g, bs := range guilds {
		for name, text := range bs {
			if err := lib.PutBrief(ctx, library.Brief{Guild: g, Name: name, Text: text}, false); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := lib.PutSettings(ctx, library.Settings{Guild: "g2", NoShared: true}); err != nil {
		t.Fatal(err)
	}
	empty, _ := know.New()
	s := newServers(lib, know.New, func() *facts.Base { return shared }, empty, slog.New(slog.DiscardHandler))
	allowed := func(g string) map[string]bool {
		ok := map[string]bool{}
		for n := range guilds[g] {
			ok[n] = true
		}
		if g != "g2" {
			for n := range sharedBriefs {
				ok[n] = true
			}
		}
		return ok
	}
	// Questions: every server's offers, asked in every server.
	var questions []string
	for g := range guilds {
		base, err := s.base(ctx, g)
		if err != nil {
			t.Fatal(err)
		}
		questions = append(questions, base.Complete("", 400)...)
	}
	// And each sentence of every brief, whole and as a four-word window
	// asked about: the questions likeliest to reach the brief they come from.
	rnd := rand.New(rand.NewPCG(1, 2))
	for g := range guilds {
		base, _ := s.base(ctx, g)
		for _, f := range base.Facts() {
			questions = append(questions, f.Text)
			for _, wh := range []string{"What about", "Who or what is"} {
				if w := strings.Fields(f.Text); len(w) > 4 {
					i := rnd.IntN(len(w) - 4)
					questions = append(questions, wh+" "+strings.Join(w[i:i+4], " ")+"?")
				}
			}
		}
	}
	rnd.Shuffle(len(questions), func(i, j int) { questions[i], questions[j] = questions[j], questions[i] })
	if len(questions) < isolationQuestions {
		t.Fatalf("only %d questions made", len(questions))
	}
	n := isolationQuestions
	if raceDetector {
		n = isolationQuestions / 5
	}
	questions = questions[:n]
	asked := 0
	for _, q := range questions {
		for g := range guilds {
			base, err := s.base(ctx, g)
			if err != nil {
				t.Fatal(err)
			}
			ok := allowed(g)
			for _, r := range base.Ask(q).Results {
				if !ok[r.Fact.Citation.Brief] {
					t.Fatalf("in %s, %q cited %s", g, q, r.Fact.Citation.Brief)
				}
			}
			asked++
		}
	}
	for g := range guilds {
		base, _ := s.base(ctx, g)
		ok := allowed(g)
		for _, f := range talk.Summarize(base, "").Summary {
			if !ok[f.Citation.Brief] {
				t.Errorf("in %s, the summary cites %s", g, f.Citation.Brief)
			}
		}
		var names []string
		for _, bi := range base.Briefs() {
			names = append(names, bi.Name)
		}
		for n := range ok {
			if !slices.Contains(names, n) {
				t.Errorf("in %s, brief %s is missing", g, n)
			}
		}
		if len(names) != len(ok) {
			t.Errorf("in %s, briefs %v, want %d", g, names, len(ok))
		}
	}
	checkOffersIsolated(t, s, know, guilds, sharedBriefs, allowed)
	t.Logf("%d questions asked in 3 servers (%d asks)", len(questions), asked)
	if dm, _ := s.base(ctx, ""); dm != shared {
		t.Errorf("a DM is not answered from the shared briefs")
	}
	if fmt.Sprint(s.held) == "0" {
		t.Errorf("no facts held")
	}
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }

// checkOffersIsolated: what a server's autocomplete offers for any typed
// prefix, a base built from that server's allowed briefs alone offers
// too, so no other server's brief leaks into its offers. The prefixes are
// the first words of every server's offers. The reference's whole list is
// read, not its first few: it loads the briefs in another order, and
// offers that tie rank by order.
func checkOffersIsolated(t *testing.T, s *servers, know *facts.Knowledge, guilds map[string]map[string]string,
	sharedBriefs map[string]string, allowed func(string) map[string]bool) {
	t.Helper()
	ctx := context.Background()
	var prefixes []string
	for g := range guilds {
		base, _ := s.base(ctx, g)
		for _, o := range base.Complete("", 40) {
			if w := strings.Fields(o); len(w) > 1 {
				prefixes = append(prefixes, w[0]+" "+w[1])
			}
		}
	}
	for g := range guilds {
		// The server's own briefs as it reads them from the store (dated
		// the day they were added when they carry no date), and the
		// shared ones it may read.
		stored, err := s.lib.Briefs(ctx, g)
		if err != nil {
			t.Fatal(err)
		}
		briefs := parseStored(stored, slog.New(slog.DiscardHandler))
		for name := range allowed(g) {
			if text, ok := sharedBriefs[name]; ok {
				b, err := facts.ParseBrief(name, stringsReader(text))
				if err != nil {
					t.Fatal(err)
				}
				briefs = append(briefs, b)
			}
		}
		ref, err := know.New(briefs...)
		if err != nil {
			t.Fatal(err)
		}
		base, _ := s.base(ctx, g)
		for _, p := range prefixes {
			want := ref.Complete(p, 1000)
			for _, o := range base.Complete(p, 25) {
				if !slices.Contains(want, o) {
					t.Errorf("in %s, %q offers %q, which its own briefs do not", g, p, o)
				}
			}
		}
	}
}
