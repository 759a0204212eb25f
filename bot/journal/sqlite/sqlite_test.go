package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot/journal"
	"github.com/briefbot/briefbot/bot/journal/journaltest"
	"github.com/briefbot/briefbot/bot/journal/sqlite"
)

func open(t *testing.T, path string, o sqlite.Options) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func flush(t *testing.T, db *sqlite.DB) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := db.Flush(ctx); err != nil {
		t.Fatal(err)
	}
}

// lock holds the database at path from another connection, as another
// process would, until release is called (or the test ends).
func lock(t *testing.T, path, begin string) (release func()) {
	t.Helper()
	other, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := other.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(context.Background(), begin); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	release = func() {
		once.Do(func() {
			_, _ = conn.ExecContext(context.Background(), "ROLLBACK")
			conn.Close()
			other.Close()
		})
	}
	t.Cleanup(release)
	return release
}

var t0 = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

func TestRetentionPurges(t *testing.T) {
	path := filepath.Join(t.TempDir(), "briefbot.db")
	db := open(t, path, sqlite.Options{})
	db.Question(journal.Question{Time: t0.Add(-100 * 24 * time.Hour), Text: "old question"})
	db.Question(journal.Question{Time: t0, Text: "new question"})
	flush(t, db)
	db.Close()
	// Opening with a retention purges at once, then daily.
	db = open(t, path, sqlite.Options{Retention: 90 * 24 * time.Hour, Now: func() time.Time { return t0 }})
	flush(t, db)
	un, err := db.Unanswered(context.Background(), journal.Scope{}, time.Time{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(un) != 1 || un[0].Text != "new question" {
		t.Errorf("after purge: %+v", un)
	}
}

func TestFailingDatabaseDropsAndCounts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "briefbot.db")
	db := open(t, path, sqlite.Options{BusyTimeout: 100 * time.Millisecond})
	// Another connection holds the write lock past the busy timeout: the
	// writer's batch fails, and is counted, while Question never blocks.
	release := lock(t, path, "BEGIN EXCLUSIVE")
	// Recording returns while the lock is still held: it only queues.
	done := make(chan struct{})
	go func() {
		for range 20 {
			db.Question(journal.Question{Time: t0, Text: "q"})
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("Question blocked on a locked database")
	}
	flush(t, db)
	if db.Dropped() != 20 {
		t.Errorf("dropped %d, want 20", db.Dropped())
	}
	// Meanwhile a second program cannot start on it: a clear error.
	if _, err := sqlite.Open(context.Background(), path, sqlite.Options{BusyTimeout: 100 * time.Millisecond}); err == nil ||
		!strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "another process") {
		t.Errorf("Open of a held database = %v", err)
	}
	release()
	db.Question(journal.Question{Time: t0, Text: "after"})
	flush(t, db)
	if un, _ := db.Unanswered(context.Background(), journal.Scope{}, time.Time{}, 10); len(un) != 1 {
		t.Errorf("writes did not resume: %+v", un)
	}
}

func TestOpenErrorsNameThePath(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(garbage, []byte(strings.Repeat("not a database ", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	notDir := filepath.Join(dir, "file")
	if err := os.WriteFile(notDir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{garbage, filepath.Join(notDir, "briefbot.db")} {
		_, err := sqlite.Open(context.Background(), path, sqlite.Options{})
		if err == nil || !strings.Contains(err.Error(), path) && !strings.Contains(err.Error(), filepath.Dir(path)) {
			t.Errorf("Open(%s) = %v, want an error naming the path", path, err)
		}
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "briefbot.db")
	db := open(t, path, sqlite.Options{})
	db.Close()
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("UPDATE schema_version SET version = 99"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	if _, err := sqlite.Open(context.Background(), path, sqlite.Options{}); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("Open with schema 99 = %v", err)
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"Who won?": "who won", "  WHO   won!! ": "who won", "": "", "?!": "", "Koné-Traoré's age": "koné traoré s age"} {
		if got := journal.Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkQuestion(b *testing.B) {
	db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "briefbot.db"), sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	q := journal.Question{Time: t0, Text: "Who won the cup?", Answered: true, Fact: "p1s1-aa"}
	for b.Loop() {
		db.Question(q)
	}
	b.ReportMetric(float64(db.Dropped()), "dropped")
}

// TestSecretIsKept: a secret is drawn once, kept across a reopen, and
// differs by name.
func TestSecretIsKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "briefbot.db")
	db := open(t, path, sqlite.Options{})
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
	reopened, err := open(t, path, sqlite.Options{}).Secret(ctx, "votes")
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != 32 || string(a) != string(again) || string(a) != string(reopened) || string(a) == string(other) {
		t.Errorf("secrets %x, %x, reopened %x, other %x", a, again, reopened, other)
	}
}

// TestCloseBoundedWhileLocked: with another process holding the database,
// Close gives up on what is queued within its budget, counting every
// record as dropped, instead of waiting out the busy timeout once a
// record.
func TestCloseBoundedWhileLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "briefbot.db")
	db, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	release := lock(t, path, "BEGIN IMMEDIATE")
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
	case <-time.After(time.Minute): // before: one busy timeout (5 s) a record
		t.Fatal("Close still waiting on the locked database after a minute")
	}
	t.Logf("Close took %v with %d records queued and the database locked", time.Since(start).Round(time.Millisecond), n)
	if got := db.Dropped(); got != n {
		t.Errorf("dropped %d, want all %d counted", got, n)
	}
}

// TestCloseKeepsWhatIsQueued: on a healthy database, Close writes every
// queued record, the batch under way included.
func TestCloseKeepsWhatIsQueued(t *testing.T) {
	path := filepath.Join(t.TempDir(), "briefbot.db")
	// A budget no machine reaches: what is asserted is that nothing is
	// lost, not how fast (the default budget is measured by
	// TestCloseBoundedWhileLocked).
	db, err := sqlite.Open(context.Background(), path, sqlite.Options{CloseBudget: time.Minute})
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
	un, err := open(t, path, sqlite.Options{}).Unanswered(context.Background(), journal.Scope{}, t0.Add(-time.Hour), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(un) != 1 || un[0].Count != n {
		t.Errorf("kept %+v, want the question %d times", un, n)
	}
}

// TestCheck: the journal is healthy while it writes, failing while
// another process holds it and a write fails, and healthy again after.
func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "briefbot.db")
	db := open(t, path, sqlite.Options{BusyTimeout: 100 * time.Millisecond})
	ctx := context.Background()
	db.Question(journal.Question{Time: t0, Text: "q"})
	flush(t, db)
	if err := db.Check(ctx); err != nil {
		t.Fatalf("healthy journal: %v", err)
	}
	release := lock(t, path, "BEGIN EXCLUSIVE")
	db.Question(journal.Question{Time: t0, Text: "q"})
	flush(t, db)
	if err := db.Check(ctx); err == nil || !strings.Contains(err.Error(), "last write") {
		t.Errorf("locked journal: %v, want the failed write", err)
	}
	release()
	db.Question(journal.Question{Time: t0, Text: "q"})
	flush(t, db)
	if err := db.Check(ctx); err != nil {
		t.Errorf("after the lock: %v", err)
	}
}

func TestJournal(t *testing.T) {
	journaltest.Run(t, func(t *testing.T) journaltest.Store {
		return open(t, filepath.Join(t.TempDir(), "j.db"), sqlite.Options{})
	})
}

func TestJournalDurable(t *testing.T) {
	journaltest.RunDurable(t, func(t *testing.T) func() journaltest.DurableStore {
		path := filepath.Join(t.TempDir(), "data", "briefbot.db")
		return func() journaltest.DurableStore { return open(t, path, sqlite.Options{}) }
	})
}
