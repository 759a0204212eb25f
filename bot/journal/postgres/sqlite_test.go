package postgres_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot/journal"
	"github.com/briefbot/briefbot/bot/journal/postgres"
	"github.com/briefbot/briefbot/bot/journal/sqlite"
	"github.com/briefbot/briefbot/bot/library"
)

// TestSameReportsAsSQLite: the same records give the same reports, rows
// and order, from both stores, in every scope, from several times and at
// several lengths: a bot moved from one to the other shows what it did.
func TestSameReportsAsSQLite(t *testing.T) {
	pg := open(t, database(t), postgres.Options{})
	lite, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "briefbot.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lite.Close() })
	qs, vs := journalRecords()
	for _, q := range qs {
		pg.Question(q)
		lite.Question(q)
	}
	for _, v := range vs {
		pg.Vote(v)
		lite.Vote(v)
	}
	flush(t, pg)
	flush(t, lite)
	ctx := context.Background()
	for _, scope := range []journal.Scope{{}, {Guild: "g1"}, {Guild: "g2"}, {Guild: "none"}} {
		for _, since := range []time.Time{{}, t0.Add(3 * time.Hour), t0.Add(30*time.Hour + 500*time.Microsecond)} {
			for _, limit := range []int{-1, 0, 1, 5, 1000} {
				name := fmt.Sprintf("guild=%s/since=%s/limit=%d", scope.Guild, since.Format(time.RFC3339Nano), limit)
				t.Run(name, func(t *testing.T) {
					wantU, err := lite.Unanswered(ctx, scope, since, limit)
					if err != nil {
						t.Fatal(err)
					}
					gotU, err := pg.Unanswered(ctx, scope, since, limit)
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(gotU, wantU) {
						t.Errorf("unanswered:\npostgres %+v\nsqlite   %+v", gotU, wantU)
					}
					wantD, err := lite.Disputed(ctx, scope, since, limit)
					if err != nil {
						t.Fatal(err)
					}
					gotD, err := pg.Disputed(ctx, scope, since, limit)
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(gotD, wantD) {
						t.Errorf("disputed:\npostgres %+v\nsqlite   %+v", gotD, wantD)
					}
				})
			}
		}
	}
}

// journalRecords is a few days of a bot in two servers and DMs, drawn
// from a fixed seed: wordings that group together, ties in count and time
// that order by text, accented and capitalised text whose order differs
// between byte order and a locale's, several times to the millisecond,
// private questions, and users changing their votes.
func journalRecords() ([]journal.Question, []journal.Vote) {
	r := rand.New(rand.NewPCG(1, 2))
	wordings := [][]string{
		{"What's the weather?", "what's the weather", "WHAT'S THE WEATHER!!"},
		{"Who is the coach?", "who is the coach"},
		{"Éric's age?", "éric's age"},
		{"Zebra crossing?"},
		{"apple price?", "Apple price?"},
		{"Bank holiday?"},
		{"Ötzi found when?"},
		{"ß rules?"},
	}
	guilds := []string{"g1", "g2", ""}
	var qs []journal.Question
	var answers []journal.Question
	at := t0
	for i := range 400 {
		if r.IntN(5) > 0 { // some share a millisecond with the one before
			at = at.Add(time.Duration(r.IntN(20*60)) * time.Second).Add(time.Duration(r.IntN(1000)) * time.Microsecond)
		}
		g := guilds[r.IntN(len(guilds))]
		q := journal.Question{Time: at, Guild: g, Channel: "c1", User: fmt.Sprintf("u%d", r.IntN(8)), Via: "command",
			Private: g == "" || r.IntN(10) == 0}
		switch k := r.IntN(10); {
		case k < 5:
			w := wordings[r.IntN(len(wordings))]
			q.Text, q.Kind = w[r.IntN(len(w))], []string{"abstain", ""}[r.IntN(2)]
		case k < 6:
			q.Text, q.Kind = "hello there", "smalltalk"
		case k < 7:
			q.Text, q.Problem = "", "empty"
		default:
			f := r.IntN(12)
			q.Text, q.Kind, q.Answered = fmt.Sprintf("Answered question %d?", i), "answer", true
			q.Fact, q.Brief, q.Answer = fmt.Sprintf("f%d", f), fmt.Sprintf("brief-%d", f%4), fmt.Sprintf("a%d", i)
			answers = append(answers, q)
		}
		qs = append(qs, q)
	}
	// Ties in count and time, ordered by text: questions asked once each
	// at one instant, facts marked wrong once each.
	tie := t0.Add(-time.Minute)
	for i, text := range []string{"zebra?", "Éric?", "apple?", "Bank?", "ötzi?", "10 things?"} {
		qs = append(qs, journal.Question{Time: tie, Guild: "g1", Text: text, Kind: "abstain"})
		a := journal.Question{Time: tie.Add(time.Duration(i) * time.Second), Guild: "g1", Text: "About " + text,
			Kind: "answer", Answered: true, Answer: "tie-" + text, Fact: "fact-" + text, Brief: "brief"}
		qs, answers = append(qs, a), append(answers, a)
	}
	var vs []journal.Vote
	for _, a := range answers[len(answers)-6:] {
		vs = append(vs, journal.Vote{Time: tie, Guild: a.Guild, User: "tie", Answer: a.Answer, Fact: a.Fact})
	}
	for range 300 {
		a := answers[r.IntN(len(answers))]
		vs = append(vs, journal.Vote{
			Time:  a.Time.Add(time.Duration(r.IntN(36*60)) * time.Minute),
			Guild: a.Guild, User: fmt.Sprintf("u%d", r.IntN(6)), Answer: a.Answer, Fact: a.Fact,
			Helpful: r.IntN(3) == 0,
		})
	}
	return qs, vs
}

// TestSameLibraryOrderAsSQLite: briefs and guilds list in the same order
// from both stores, byte order, whatever the server's locale.
func TestSameLibraryOrderAsSQLite(t *testing.T) {
	pg := open(t, database(t), postgres.Options{})
	lite, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "briefbot.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lite.Close() })
	ctx := context.Background()
	names := []string{"zebra", "Apple", "apple", "éclair", "Eclair", "b-2", "b_1", "b1", "10-news", "9-news"}
	for _, store := range []library.Store{pg, lite} {
		for _, n := range names {
			if err := store.PutBrief(ctx, library.Brief{Guild: "g1", Name: n, Text: n}, false); err != nil {
				t.Fatal(err)
			}
			if err := store.PutSettings(ctx, library.Settings{Guild: n}); err != nil {
				t.Fatal(err)
			}
		}
	}
	list := func(s library.Store) (briefs, guilds []string) {
		bs, err := s.Briefs(ctx, "g1")
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range bs {
			briefs = append(briefs, b.Name)
		}
		guilds, err = s.Guilds(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return briefs, guilds
	}
	pb, pgs := list(pg)
	lb, lgs := list(lite)
	if !reflect.DeepEqual(pb, lb) || !reflect.DeepEqual(pgs, lgs) {
		t.Errorf("postgres lists briefs %q, guilds %q;\nsqlite   lists briefs %q, guilds %q", pb, pgs, lb, lgs)
	}
}
