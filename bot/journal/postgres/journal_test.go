package postgres_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot/journal"
	"github.com/briefbot/briefbot/bot/journal/journaltest"
	"github.com/briefbot/briefbot/bot/journal/postgres"
)

var t0 = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

func TestRetentionPurges(t *testing.T) {
	url := database(t)
	db := open(t, url, postgres.Options{})
	db.Question(journal.Question{Time: t0.Add(-100 * 24 * time.Hour), Text: "old question"})
	db.Question(journal.Question{Time: t0, Text: "new question"})
	db.Vote(journal.Vote{Time: t0.Add(-100 * 24 * time.Hour), User: "u1", Answer: "a0", Fact: "old"})
	db.Vote(journal.Vote{Time: t0, User: "u1", Answer: "a1", Fact: "new"})
	flush(t, db)
	db.Close()
	// Opening with a retention purges at once, then daily.
	db = open(t, url, postgres.Options{Retention: 90 * 24 * time.Hour, Now: func() time.Time { return t0 }})
	flush(t, db)
	un, err := db.Unanswered(context.Background(), journal.Scope{}, time.Time{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(un) != 1 || un[0].Text != "new question" {
		t.Errorf("after purge: %+v", un)
	}
	dis, err := db.Disputed(context.Background(), journal.Scope{}, time.Time{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(dis) != 1 || dis[0].Fact != "new" {
		t.Errorf("votes after purge: %+v", dis)
	}
}

// TestHostileQuestionText: text PostgreSQL cannot keep (a NUL byte,
// invalid UTF-8) is kept with U+FFFD in its place, and does not fail the
// batch it is written with.
func TestHostileQuestionText(t *testing.T) {
	db := open(t, database(t), postgres.Options{})
	for i, text := range []string{"nul\x00byte?", "bad \xff utf-8?", "'; DROP TABLE questions; --", "fine?"} {
		db.Question(journal.Question{Time: t0.Add(time.Duration(i) * time.Minute), Guild: "g\x001", Text: text})
	}
	flush(t, db)
	if n := db.Dropped(); n != 0 {
		t.Errorf("dropped %d", n)
	}
	un, err := db.Unanswered(context.Background(), journal.Scope{}, t0.Add(-time.Hour), 10)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, u := range un {
		texts = append(texts, u.Text)
	}
	want := []string{"fine?", "'; DROP TABLE questions; --", "bad \uFFFD utf-8?", "nul\uFFFDbyte?"}
	if fmt.Sprintf("%q", texts) != fmt.Sprintf("%q", want) {
		t.Errorf("unanswered = %q, want %q", texts, want)
	}
}

// TestSecretIsKept: a secret is drawn once, kept across a reopen, differs
// by name, and is one secret for processes drawing it at once.
func TestSecretIsKept(t *testing.T) {
	url := database(t)
	db := open(t, url, postgres.Options{})
	ctx := context.Background()
	a, err := db.Secret(ctx, "votes")
	if err != nil {
		t.Fatal(err)
	}
	again, err := db.Secret(ctx, "votes")
	if err != nil {
		t.Fatal(err)
	}
	other, err := db.Secret(ctx, "other")
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	reopened, err := open(t, url, postgres.Options{}).Secret(ctx, "votes")
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != 32 || string(a) != string(again) || string(a) != string(reopened) || string(a) == string(other) {
		t.Errorf("secrets %x, %x, reopened %x, other %x", a, again, reopened, other)
	}

	shards := []*postgres.DB{open(t, url, postgres.Options{}), open(t, url, postgres.Options{}), open(t, url, postgres.Options{})}
	got := make([][]byte, len(shards))
	errs := make([]error, len(shards))
	var wg sync.WaitGroup
	for i, s := range shards {
		wg.Go(func() { got[i], errs[i] = s.Secret(ctx, "fresh") })
	}
	wg.Wait()
	for i := range shards {
		if errs[i] != nil || string(got[i]) != string(got[0]) {
			t.Errorf("shard %d: secret %x, %v; shard 0 has %x", i, got[i], errs[i], got[0])
		}
	}
}

// TestCloseKeepsWhatIsQueued: on a healthy database, Close writes every
// queued record, the batch under way included.
func TestCloseKeepsWhatIsQueued(t *testing.T) {
	url := database(t)
	db, err := postgres.Open(context.Background(), url, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	const n = 1200 // a batch under way and more queued
	for i := range n {
		db.Question(journal.Question{Time: t0.Add(time.Duration(i) * time.Millisecond), Text: "one question", Guild: "g1"})
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if got := db.Dropped(); got != 0 {
		t.Errorf("dropped %d at close", got)
	}
	db.Question(journal.Question{Time: t0, Text: "after close"})
	if got := db.Dropped(); got != 1 {
		t.Errorf("a question after Close: dropped %d, want it counted", got)
	}
	un, err := open(t, url, postgres.Options{}).Unanswered(context.Background(), journal.Scope{}, t0.Add(-time.Hour), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(un) != 1 || un[0].Count != n {
		t.Errorf("kept %+v, want the question %d times", un, n)
	}
}

// TestCloseBoundedWhileLocked: with another process holding the questions
// table, Close gives up on what is queued within its budget, counting
// every record as dropped.
func TestCloseBoundedWhileLocked(t *testing.T) {
	url := database(t)
	db, err := postgres.Open(context.Background(), url, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	release := lockTable(t, url, "questions")
	defer release()
	const n = 3000
	for i := range n {
		db.Question(journal.Question{Time: t0, Text: fmt.Sprintf("question %d", i)})
	}
	closed := make(chan error, 1)
	start := time.Now()
	go func() { closed <- db.Close() }()
	select {
	case <-closed:
	case <-time.After(30 * time.Second):
		t.Fatal("Close still waiting on the locked table after 30 s")
	}
	took := time.Since(start)
	t.Logf("Close took %v with %d records queued and the table locked", took.Round(time.Millisecond), n)
	if took > 10*time.Second {
		t.Errorf("Close took %v, want about twice its 2 s budget at most", took)
	}
	if got := db.Dropped(); got != n {
		t.Errorf("dropped %d, want all %d counted", got, n)
	}
}

// lockTable holds table locked from another connection, as another
// process would, until release is called (or the test ends).
func lockTable(t *testing.T, url, table string) (release func()) {
	t.Helper()
	ctx := context.Background()
	conn := connect(t, url)
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, "LOCK TABLE "+table+" IN ACCESS EXCLUSIVE MODE"); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	release = func() { once.Do(func() { _ = tx.Rollback(ctx) }) }
	t.Cleanup(release)
	return release
}

func TestNormalizeGroupsAsSQLite(t *testing.T) {
	db := open(t, database(t), postgres.Options{})
	for i, text := range []string{"Koné-Traoré's age?", "kone traore s age", "KONÉ TRAORÉ'S AGE"} {
		db.Question(journal.Question{Time: t0.Add(time.Duration(i) * time.Minute), Text: text})
	}
	flush(t, db)
	un, err := db.Unanswered(context.Background(), journal.Scope{}, time.Time{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	// Accents are kept: "kone" is another question than "koné".
	if len(un) != 2 || un[0].Count != 2 || un[0].Text != "KONÉ TRAORÉ'S AGE" || !strings.HasPrefix(un[1].Text, "kone") {
		t.Errorf("unanswered = %+v", un)
	}
}

func TestJournal(t *testing.T) {
	journaltest.Run(t, func(t *testing.T) journaltest.Store {
		return open(t, database(t), postgres.Options{})
	})
}

func TestJournalDurable(t *testing.T) {
	journaltest.RunDurable(t, func(t *testing.T) func() journaltest.DurableStore {
		url := database(t)
		return func() journaltest.DurableStore { return open(t, url, postgres.Options{}) }
	})
}
