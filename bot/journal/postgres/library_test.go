package postgres_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot/journal/postgres"
	"github.com/briefbot/briefbot/bot/library"
	"github.com/briefbot/briefbot/bot/library/librarytest"
)

func TestLibrary(t *testing.T) {
	serverURL(t) // skips once, not once a behaviour
	librarytest.Run(t, func(t *testing.T) library.Store {
		t.Helper()
		return open(t, database(t), postgres.Options{})
	})
}

// TestWatchAcrossProcesses: two processes on one database each hear the
// other's changes, and their own, within the 2 s the product promises.
func TestWatchAcrossProcesses(t *testing.T) {
	url := database(t)
	a, b := open(t, url, postgres.Options{}), open(t, url, postgres.Options{})
	seenA, seenB := watch(t, a), watch(t, b)
	ctx := context.Background()
	if err := a.PutBrief(ctx, library.Brief{Guild: "g1", Name: "n", Text: "t", Added: t0}, false); err != nil {
		t.Fatal(err)
	}
	if err := b.PutSettings(ctx, library.Settings{Guild: "g2", Watch: "c1"}); err != nil {
		t.Fatal(err)
	}
	for name, seen := range map[string]<-chan library.Change{"a": seenA, "b": seenB} {
		got := map[string]bool{}
		for !got["g1"] || !got["g2"] {
			c := await(t, seen, 2*time.Second, func(c library.Change) bool { return c.Guild == "g1" || c.Guild == "g2" })
			got[c.Guild] = true
		}
		t.Logf("%s heard g1 and g2", name)
	}
	bs, err := b.Briefs(ctx, "g1")
	if err != nil || len(bs) != 1 || !bs[0].Added.Equal(t0) {
		t.Errorf("b reads a's brief as %+v, %v", bs, err)
	}
}

// TestOnlyCommittedChangesAnnounced: a write that fails announces
// nothing, so the first change heard after it is the next one that
// committed.
func TestOnlyCommittedChangesAnnounced(t *testing.T) {
	db := open(t, database(t), postgres.Options{})
	seen := watch(t, db)
	ctx := context.Background()
	b := library.Brief{Guild: "g1", Name: "n", Text: "t"}
	if err := db.PutBrief(ctx, b, false); err != nil {
		t.Fatal(err)
	}
	await(t, seen, 2*time.Second, func(c library.Change) bool { return c.Guild == "g1" })
	if err := db.PutBrief(ctx, b, false); !errors.Is(err, library.ErrExists) {
		t.Fatalf("second put: %v, want ErrExists", err)
	}
	if err := db.RemoveBrief(ctx, "g1", "other"); !errors.Is(err, library.ErrNotFound) {
		t.Fatalf("remove of no brief: %v, want ErrNotFound", err)
	}
	if err := db.ReplaceShared(ctx, []library.Brief{{Name: "x"}, {Name: "x"}}); err == nil {
		t.Fatal("two shared briefs of one name were accepted")
	}
	if err := db.PutBrief(ctx, library.Brief{Guild: "g1", Name: "nul", Text: "a\x00b"}, false); err == nil ||
		!strings.Contains(err.Error(), "NUL") {
		t.Fatalf("a brief with a NUL byte: %v, want it refused saying why", err)
	}
	if err := db.PutSettings(ctx, library.Settings{Guild: "g2"}); err != nil {
		t.Fatal(err)
	}
	if c := await(t, seen, 2*time.Second, func(library.Change) bool { return true }); c != (library.Change{Guild: "g2"}) {
		t.Errorf("first change heard after the failed writes: %+v, want g2's", c)
	}
}

// TestWatchSurvivesLostConnection: when the watcher's connection is
// killed, it reconnects by itself, says that changes may have been missed
// (Change{All: true}), and hears the changes after.
func TestWatchSurvivesLostConnection(t *testing.T) {
	url := database(t)
	db := open(t, url, postgres.Options{})
	seen := watch(t, db)
	admin := connect(t, url)
	var killed int
	err := admin.QueryRow(context.Background(), `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`).Scan(&killed)
	if err != nil || killed != 1 {
		t.Fatalf("killed %d listening connections, %v; want 1", killed, err)
	}
	await(t, seen, 5*time.Second, func(c library.Change) bool { return c.All })
	if err := db.PutSettings(context.Background(), library.Settings{Guild: "after"}); err != nil {
		t.Fatal(err)
	}
	await(t, seen, 2*time.Second, func(c library.Change) bool { return c.Guild == "after" })
}

// TestWatchEndsWithTheStore: Close ends a Watch under way, which says
// why.
func TestWatchEndsWithTheStore(t *testing.T) {
	url := database(t)
	db, err := postgres.Open(context.Background(), url, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- db.Watch(context.Background(), func(library.Change) {}) }()
	db.Close()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "closed") {
			t.Errorf("Watch on a closed store returned %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Watch still running 10 s after Close")
	}
}
