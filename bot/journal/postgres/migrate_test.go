package postgres_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/briefbot/briefbot/bot/journal/postgres"
)

// TestNewerSchemaRefused: a database a newer program migrated is refused
// with a sentence saying what to do, not used half-understood.
func TestNewerSchemaRefused(t *testing.T) {
	url := database(t)
	open(t, url, postgres.Options{}).Close()
	mustExec(t, url, "UPDATE schema_version SET version = 99")
	const want = "schema version 99 is newer than this program knows"
	if _, err := postgres.Open(context.Background(), url, postgres.Options{}); err == nil ||
		!strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "run a newer briefbot") {
		t.Errorf("Open with schema 99 = %v, want %q", err, want)
	}
	if err := postgres.Migrate(context.Background(), url); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Migrate with schema 99 = %v, want %q", err, want)
	}
}

// TestProcessesStartingAtOnce: shards opening a new database at once all
// start, the schema migrated once.
func TestProcessesStartingAtOnce(t *testing.T) {
	url := database(t)
	const shards = 6
	errs := make([]error, shards)
	var wg sync.WaitGroup
	for i := range shards {
		wg.Go(func() {
			db, err := postgres.Open(context.Background(), url, postgres.Options{})
			if err == nil {
				err = db.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("shard %d: %v", i, err)
		}
	}
	var rows, version int
	if err := connect(t, url).QueryRow(context.Background(),
		"SELECT count(*), max(version) FROM schema_version").Scan(&rows, &version); err != nil || rows != 1 || version < 1 {
		t.Errorf("schema_version has %d rows, version %d, %v; want one row", rows, version, err)
	}
}

// TestMigrate: a `briefbot migrate` run leaves a database the bot opens
// as it is, and running it again changes nothing.
func TestMigrate(t *testing.T) {
	url := database(t)
	for range 2 {
		if err := postgres.Migrate(context.Background(), url); err != nil {
			t.Fatal(err)
		}
	}
	db := open(t, url, postgres.Options{})
	if err := db.Check(context.Background()); err != nil {
		t.Errorf("Check after Migrate: %v", err)
	}
	if !strings.Contains(db.Path(), "127.0.0.1") && !strings.Contains(db.Path(), "localhost") && !strings.Contains(db.Path(), "/") {
		t.Errorf("Path = %q", db.Path())
	}
}
