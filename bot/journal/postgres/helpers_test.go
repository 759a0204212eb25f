package postgres_test

import (
	"context"
	"crypto/rand"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/briefbot/briefbot/bot/journal/postgres"
	"github.com/briefbot/briefbot/bot/library"
)

// serverURL is the test server's URL, whose database the tests use only
// to create and drop their own; without one the test is skipped.
func serverURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("TEST_DATABASE_URL")
	if u == "" {
		t.Skip("TEST_DATABASE_URL is not set: these tests need a PostgreSQL server (.ci/run starts one)")
	}
	return u
}

// database creates an empty database for the test alone, dropped by its
// cleanup, and returns its URL. It sorts text by en-US rules, as most
// servers do, unlike byte order: a query that forgets that the store
// sorts as SQLite does shows in the tests.
func database(t testing.TB) string {
	t.Helper()
	admin := serverURL(t)
	u, err := url.Parse(admin)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		t.Fatalf("TEST_DATABASE_URL must be a postgres:// URL (%v)", err)
	}
	name := "briefbot_test_" + strings.ToLower(rand.Text()[:16])
	ident := pgx.Identifier{name}.Sanitize()
	if err := exec(admin, "CREATE DATABASE "+ident+" TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'"); err != nil {
		t.Logf("no en-US database (%v); using the server's default collation", err)
		if err := exec(admin, "CREATE DATABASE "+ident); err != nil {
			t.Fatalf("create a database for the test: %v", err)
		}
	}
	t.Cleanup(func() {
		if err := exec(admin, "DROP DATABASE IF EXISTS "+ident+" WITH (FORCE)"); err != nil {
			t.Errorf("drop the test's database %s: %v", name, err)
		}
	})
	u.Path = "/" + name
	return u.String()
}

// exec runs statements on the database at url, on a connection of their
// own.
func exec(url string, sql string, args ...any) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	_, err = conn.Exec(ctx, sql, args...)
	return err
}

// mustExec is exec failing the test.
func mustExec(t testing.TB, url string, sql string, args ...any) {
	t.Helper()
	if err := exec(url, sql, args...); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// connect opens a connection to url for the test, closed by its
// cleanup.
func connect(t testing.TB, url string) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// open opens a store on url, closed by the test's cleanup.
func open(t testing.TB, url string, o postgres.Options) *postgres.DB {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	db, err := postgres.Open(ctx, url, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// flusher is a journal that can be flushed: either store.
type flusher interface {
	Flush(context.Context) error
}

func flush(t testing.TB, db flusher) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := db.Flush(ctx); err != nil {
		t.Fatal(err)
	}
}

// watch starts db.Watch, sending what it sees on the returned channel,
// and makes sure it listens before returning: it writes to the guild
// "warm" until the watcher has seen that. The test's cleanup stops the
// watch and waits for it to return.
func watch(t *testing.T, db *postgres.DB) <-chan library.Change {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	seen := make(chan library.Change, 1024)
	done := make(chan error, 1)
	go func() {
		done <- db.Watch(ctx, func(c library.Change) { seen <- c })
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Watch returned %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("Watch did not return after its context was cancelled")
		}
	})
	deadline := time.After(5 * time.Second)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		if err := db.PutSettings(context.Background(), library.Settings{Guild: "warm"}); err != nil {
			t.Fatal(err)
		}
		select {
		case c := <-seen:
			if c.Guild == "warm" {
				return seen
			}
		case <-tick.C:
		case <-deadline:
			t.Fatal("a watcher heard no change within 5 s")
		}
	}
}

// await waits up to within for a change, other than the warm-up's, that
// want accepts, and returns it; it skips the others.
func await(t *testing.T, seen <-chan library.Change, within time.Duration, want func(library.Change) bool) library.Change {
	t.Helper()
	deadline := time.After(within)
	for {
		select {
		case c := <-seen:
			if c.Guild == "warm" && !c.All {
				continue
			}
			if want(c) {
				return c
			}
		case <-deadline:
			t.Fatalf("no change awaited within %v", within)
		}
	}
}
