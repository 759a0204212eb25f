package postgres_test

import (
	"context"
	"net"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/briefbot/briefbot/bot/journal"
	"github.com/briefbot/briefbot/bot/journal/postgres"
	"github.com/briefbot/briefbot/bot/library"
)

// TestOutage: while the database is down, recording never blocks, every
// record is counted as dropped and Check says the writes fail; when it is
// back, writes resume, Check is healthy and a Watch says it may have
// missed changes, all by themselves.
func TestOutage(t *testing.T) {
	dbURL := database(t)
	db := open(t, dbURL, postgres.Options{})
	seen := watch(t, db)
	ctx := context.Background()
	db.Question(journal.Question{Time: t0, Text: "before"})
	flush(t, db)
	if err := db.Check(ctx); err != nil {
		t.Fatalf("healthy store: %v", err)
	}

	down(t, dbURL)
	done := make(chan struct{})
	go func() {
		for range 20 {
			db.Question(journal.Question{Time: t0, Text: "during"})
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("Question blocked on a database that is down")
	}
	flush(t, db)
	if n := db.Dropped(); n != 20 {
		t.Errorf("dropped %d, want 20", n)
	}
	if err := db.Check(ctx); err == nil || !strings.Contains(err.Error(), "last write") {
		t.Errorf("store down: Check = %v, want the failed write", err)
	}

	up(t, dbURL)
	// The first write after the outage may meet a connection the pool
	// has not yet found dead; writes resume within a few attempts.
	deadline := time.Now().Add(20 * time.Second)
	for {
		db.Question(journal.Question{Time: t0, Text: "after"})
		flush(t, db)
		if db.Check(ctx) == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("writes did not resume within 20 s: %v", db.Check(ctx))
		}
	}
	un, err := db.Unanswered(ctx, journal.Scope{}, time.Time{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]bool{}
	for _, u := range un {
		texts[u.Text] = true
	}
	if !texts["before"] || !texts["after"] || texts["during"] {
		t.Errorf("kept %+v, want before and after", un)
	}
	await(t, seen, 15*time.Second, func(c library.Change) bool { return c.All })
	if err := db.PutSettings(ctx, library.Settings{Guild: "after"}); err != nil {
		t.Fatal(err)
	}
	await(t, seen, 2*time.Second, func(c library.Change) bool { return c.Guild == "after" })
}

// down takes the database at dbURL away from its clients, as an outage
// would: it refuses new connections and ends those it has, waiting (up to
// 10 s) until each has gone.
func down(t *testing.T, dbURL string) {
	t.Helper()
	name := databaseName(t, dbURL)
	admin := serverURL(t)
	mustExec(t, admin, "ALTER DATABASE "+name+" WITH ALLOW_CONNECTIONS false")
	t.Cleanup(func() { up(t, dbURL) })
	mustExec(t, admin, `SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE datname = $1`, strings.Trim(name, `"`))
}

// up brings the database at dbURL back after down.
func up(t *testing.T, dbURL string) {
	t.Helper()
	mustExec(t, serverURL(t), "ALTER DATABASE "+databaseName(t, dbURL)+" WITH ALLOW_CONNECTIONS true")
}

// databaseName is the quoted name of the database at dbURL.
func databaseName(t *testing.T, dbURL string) string {
	t.Helper()
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	return pgx.Identifier{strings.TrimPrefix(u.Path, "/")}.Sanitize()
}

// TestOpenErrorsNameTheServer: a server that cannot be reached, or a URL
// that cannot be read, is an error naming the host and port, never the
// password. It needs no server.
func TestOpenErrorsNameTheServer(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	l.Close() // nothing listens there now
	for _, tc := range []struct {
		url  string
		want string
	}{
		{"postgres://briefbot:hunter2@127.0.0.1:" + port + "/briefbot?sslmode=disable", "127.0.0.1:" + port},
		{"postgres://briefbot:hunter2@127.0.0.1:notaport/briefbot", "127.0.0.1:notaport"},
		{"postgres://briefbot:hunter2@127.0.0.1:" + port + "/briefbot?sslmode=bogus", "sslmode"},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		_, err := postgres.Open(ctx, tc.url, postgres.Options{})
		cancel()
		if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "hunter2") {
			t.Errorf("Open(%s) = %v, want an error naming %s without the password", tc.url, err, tc.want)
		}
		if err := postgres.Migrate(context.Background(), tc.url); err == nil || strings.Contains(err.Error(), "hunter2") {
			t.Errorf("Migrate(%s) = %v, want an error without the password", tc.url, err)
		}
	}
}
