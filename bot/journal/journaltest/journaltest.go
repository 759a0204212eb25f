// Package journaltest is the behaviour every journal store must have,
// run against each adapter (journal/sqlite, journal/postgres) by its own
// tests.
package journaltest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot/journal"
)

// Store is a journal store under test.
type Store interface {
	Question(journal.Question)
	Vote(journal.Vote)
	Flush(ctx context.Context) error
	Unanswered(ctx context.Context, scope journal.Scope, since time.Time, limit int) ([]journal.Unanswered, error)
	Disputed(ctx context.Context, scope journal.Scope, since time.Time, limit int) ([]journal.Disputed, error)
	Forget(ctx context.Context, user string) (journal.Forgotten, error)
}

// Open returns an empty store for one test, closed by the test's cleanup.
type Open func(t *testing.T) Store

// DurableStore is a store that can be closed and opened again.
type DurableStore interface {
	Store
	Close() error
}

// Place returns, for one test, an opener of one database: each call
// opens that same database again, closed by the test's cleanup.
type Place func(t *testing.T) func() DurableStore

// RunDurable runs the behaviours that reopen a store.
func RunDurable(t *testing.T, place Place) {
	t.Run("ReportsSurviveReopen", func(t *testing.T) { reportsSurviveReopen(t, place(t)) })
}

// Run runs every behaviour against stores from open.
func Run(t *testing.T, open Open) {
	t.Run("Scopes", func(t *testing.T) { scopes(t, open(t)) })
	t.Run("OneVotePerUserPerFactPerDay", func(t *testing.T) { oneVotePerUserPerFactPerDay(t, open(t)) })
	t.Run("Forget", func(t *testing.T) { forget(t, open(t)) })
}

// t0 is the time the records are made at.
var t0 = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

// flush waits until what db queued is written.
func flush(t *testing.T, db Store) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := db.Flush(ctx); err != nil {
		t.Fatal(err)
	}
}

// scopes: a server's reports show its own questions and votes; the
// reports of every server show every server's; a private question (a DM,
// an ephemeral /ask) is in none, though a vote on its answer counts.
func scopes(t *testing.T, db Store) {
	for i, q := range []journal.Question{
		{Guild: "g1", Text: "What is the recipe for ratatouille?"},
		{Guild: "g2", Text: "What is the score in the other server?"},
		{Guild: "", Via: "dm", Text: "What are the side effects of my medication?", Private: true},
		{Guild: "g1", Text: "Is my landlord allowed to evict me?", Private: true},
		{Guild: "g1", Text: "Who won the cup?", Answered: true, Fact: "f1", Brief: "sport", Answer: "a1"},
		{Guild: "g1", Text: "Who won the cup, privately?", Answered: true, Fact: "f1", Brief: "sport", Answer: "a2", Private: true},
		{Guild: "g2", Text: "Who won the cup over there?", Answered: true, Fact: "f1", Brief: "sport", Answer: "a3"},
	} {
		q.Time = t0.Add(time.Duration(i) * time.Minute)
		db.Question(q)
	}
	for _, v := range []journal.Vote{
		{User: "u1", Guild: "g1", Answer: "a1", Fact: "f1"},
		{User: "u2", Guild: "g1", Answer: "a2", Fact: "f1"},
		{User: "u3", Guild: "g2", Answer: "a3", Fact: "f1"},
		{User: "u4", Guild: "g2", Answer: "a3", Fact: "f1", Helpful: true},
	} {
		v.Time = t0.Add(time.Hour)
		db.Vote(v)
	}
	flush(t, db)
	ctx := context.Background()
	for _, tc := range []struct {
		scope          journal.Scope
		unanswered     []string
		wrong, helpful int
		examples       []string
	}{
		{journal.Scope{}, []string{"What is the score in the other server?", "What is the recipe for ratatouille?"}, 3, 1,
			[]string{"Who won the cup over there?", "Who won the cup?"}},
		{journal.Scope{Guild: "g1"}, []string{"What is the recipe for ratatouille?"}, 2, 0, []string{"Who won the cup?"}},
		{journal.Scope{Guild: "g2"}, []string{"What is the score in the other server?"}, 1, 1, []string{"Who won the cup over there?"}},
		{journal.Scope{Guild: "g3"}, nil, 0, 0, nil},
	} {
		t.Run("guild="+tc.scope.Guild, func(t *testing.T) {
			un, err := db.Unanswered(ctx, tc.scope, t0.Add(-time.Hour), 10)
			if err != nil {
				t.Fatal(err)
			}
			var texts []string
			for _, u := range un {
				texts = append(texts, u.Text)
			}
			if fmt.Sprint(texts) != fmt.Sprint(tc.unanswered) {
				t.Errorf("unanswered = %q, want %q", texts, tc.unanswered)
			}
			dis, err := db.Disputed(ctx, tc.scope, t0.Add(-time.Hour), 10)
			if err != nil {
				t.Fatal(err)
			}
			if tc.wrong == 0 {
				if len(dis) != 0 {
					t.Errorf("disputed = %+v, want none", dis)
				}
				return
			}
			if len(dis) != 1 || dis[0].Wrong != tc.wrong || dis[0].Helpful != tc.helpful ||
				fmt.Sprint(dis[0].Examples) != fmt.Sprint(tc.examples) {
				t.Errorf("disputed = %+v, want %d wrong, %d helpful, examples %q", dis, tc.wrong, tc.helpful, tc.examples)
			}
		})
	}
}

// oneVotePerUserPerFactPerDay: a user's votes on several answers that
// cite one fact count once a day, the latest; another day, another user,
// another server or another fact count on their own.
func oneVotePerUserPerFactPerDay(t *testing.T, db Store) {
	for i, v := range []journal.Vote{
		{User: "u1", Answer: "a1", Fact: "f1", Guild: "g1"},
		{User: "u1", Answer: "a2", Fact: "f1", Guild: "g1"},
		{User: "u1", Answer: "a3", Fact: "f1", Guild: "g1"},                               // same day: replaces a1, a2
		{User: "u1", Answer: "a4", Fact: "f1", Guild: "g1", Time: t0.Add(24 * time.Hour)}, // next day
		{User: "u2", Answer: "a1", Fact: "f1", Guild: "g1"},
		{User: "u1", Answer: "a5", Fact: "f1", Guild: "g2"},
		{User: "u1", Answer: "a6", Fact: "f2", Guild: "g1"},
	} {
		if v.Time.IsZero() {
			v.Time = t0.Add(time.Duration(i) * time.Minute)
		}
		db.Vote(v)
	}
	flush(t, db)
	dis, err := db.Disputed(context.Background(), journal.Scope{}, t0.Add(-time.Hour), 10)
	if err != nil {
		t.Fatal(err)
	}
	wrong := map[string]int{}
	for _, d := range dis {
		wrong[d.Fact] = d.Wrong
	}
	if wrong["f1"] != 4 || wrong["f2"] != 1 {
		t.Errorf("👎 per fact = %v, want f1 4 (u1 twice on two days, u2, u1 in another server) and f2 1", wrong)
	}
}

// forget: a user's questions and votes go, in every server, queued
// ones included; another user's stay.
func forget(t *testing.T, db Store) {
	ctx := context.Background()
	for i, q := range []journal.Question{
		{Guild: "g1", User: "u1", Text: "q of u1"},
		{Guild: "g1", User: "u2", Text: "q of u2"},
		{Guild: "", User: "u1", Text: "q of u1 in a DM", Private: true},
		{Guild: "g2", User: "u1", Text: "q of u1 elsewhere"},
	} {
		q.Time, q.Via, q.Kind = t0.Add(time.Duration(i)*time.Minute), "command", "abstain"
		db.Question(q)
	}
	db.Vote(journal.Vote{Time: t0, Guild: "g1", User: "u1", Answer: "a1", Fact: "f1"})
	db.Vote(journal.Vote{Time: t0, Guild: "g1", User: "u2", Answer: "a1", Fact: "f1"})
	f, err := db.Forget(ctx, "u1")
	if err != nil || f != (journal.Forgotten{Questions: 3, Votes: 1}) {
		t.Fatalf("Forget = %+v, %v; want 3 questions and 1 vote (queued ones included)", f, err)
	}
	rows, err := db.Unanswered(ctx, journal.Scope{}, t0.Add(-time.Hour), 10)
	if err != nil || len(rows) != 1 || rows[0].Text != "q of u2" {
		t.Errorf("after forgetting u1, unanswered = %+v, %v", rows, err)
	}
	dis, err := db.Disputed(ctx, journal.Scope{}, t0.Add(-time.Hour), 10)
	if err != nil || len(dis) != 1 || dis[0].Wrong != 1 {
		t.Errorf("after forgetting u1, disputed = %+v, %v; want u2's vote", dis, err)
	}
	if f, err := db.Forget(ctx, "u1"); err != nil || f != (journal.Forgotten{}) {
		t.Errorf("second Forget = %+v, %v", f, err)
	}
}

// reportsSurviveReopen: what was written is reported the same after the
// store is closed and opened again.
func reportsSurviveReopen(t *testing.T, reopen func() DurableStore) {
	db := reopen()
	for i, q := range []journal.Question{
		{Text: "Who won the cup?", Answered: true, Fact: "p1s1-aa", Brief: "sport", Answer: "a1"},
		{Text: "What's the weather?"},
		{Text: "what's the weather"},
		{Text: "WHAT'S THE WEATHER!!"},
		{Text: "Who is the coach?"},
		{Text: "", Problem: "empty"},
		{Text: "Who scored?", Answered: true, Fact: "p2s1-bb", Brief: "sport", Answer: "a2"},
	} {
		q.Time, q.Via, q.User = t0.Add(time.Duration(i)*time.Minute), "command", "u1"
		db.Question(q)
	}
	db.Vote(journal.Vote{Time: t0, User: "u1", Answer: "a1", Fact: "p1s1-aa", Helpful: true})
	db.Vote(journal.Vote{Time: t0, User: "u1", Answer: "a1", Fact: "p1s1-aa", Helpful: false}) // changed her mind
	db.Vote(journal.Vote{Time: t0, User: "u2", Answer: "a1", Fact: "p1s1-aa", Helpful: false})
	db.Vote(journal.Vote{Time: t0, User: "u3", Answer: "a2", Fact: "p2s1-bb", Helpful: true})
	flush(t, db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	db = reopen()
	ctx := context.Background()
	un, err := db.Unanswered(ctx, journal.Scope{}, t0.Add(-time.Hour), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(un) != 2 || un[0].Count != 3 || un[0].Text != "WHAT'S THE WEATHER!!" || un[1].Text != "Who is the coach?" ||
		!un[0].Last.Equal(t0.Add(3*time.Minute)) {
		t.Errorf("unanswered = %+v", un)
	}
	dis, err := db.Disputed(ctx, journal.Scope{}, t0.Add(-time.Hour), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(dis) != 1 || dis[0].Fact != "p1s1-aa" || dis[0].Wrong != 2 || dis[0].Helpful != 0 ||
		dis[0].Brief != "sport" || len(dis[0].Examples) != 1 || dis[0].Examples[0] != "Who won the cup?" {
		t.Errorf("disputed = %+v", dis)
	}
	if un, _ := db.Unanswered(ctx, journal.Scope{}, t0.Add(time.Hour), 10); len(un) != 0 {
		t.Errorf("questions before since reported: %+v", un)
	}
}
