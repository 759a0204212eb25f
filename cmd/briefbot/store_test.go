package main

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDatabaseURL(t *testing.T) {
	for _, tt := range []struct{ in, want, wantErr string }{
		{"", "", ""},
		{"postgres://bot:secret@db.internal:5432/briefbot", "postgres://bot:secret@db.internal:5432/briefbot", ""},
		{"postgresql://db/briefbot?sslmode=require", "postgresql://db/briefbot?sslmode=require", ""},
		{"mysql://bot:secret@db/briefbot", "", "DATABASE_URL"},
		{"postgres:///no-host", "", "DATABASE_URL"},
		{"not a url", "", "DATABASE_URL"},
	} {
		got, err := databaseURL(func(string) string { return tt.in })
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || strings.Contains(err.Error(), "secret") {
				t.Errorf("%q: err %v, want one naming %s and never the password", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%q = %q, %v", tt.in, got, err)
		}
	}
}

func TestMigrateSQLite(t *testing.T) {
	dir := t.TempDir()
	r := runWith(t, map[string]string{"DATA_DIR": dir}, "", "migrate")
	if r.err != nil || !strings.Contains(r.stdout, "schema up to date") {
		t.Fatalf("migrate = %q, %v", r.stdout, r.err)
	}
	if _, err := os.Stat(filepath.Join(dir, "briefbot.db")); err != nil {
		t.Errorf("no database made: %v", err)
	}
	if r := runWith(t, map[string]string{"DATABASE_URL": "mysql://x/y"}, "", "migrate"); r.err == nil {
		t.Errorf("a bad DATABASE_URL migrated")
	}
}

// With DATABASE_URL unreachable, start-up stops with an error naming the
// host and port, and no password.
func TestUnreachableDatabaseStopsStartup(t *testing.T) {
	const url = "postgres://bot:hunter2@127.0.0.1:1/briefbot?connect_timeout=2"
	for _, tt := range []struct {
		name string
		env  map[string]string
		args []string
	}{
		{"report", nil, []string{"report"}},
		{"the Discord bot", map[string]string{"DISCORD_TOKEN": "Bot x.y.z"}, nil},
	} {
		env := map[string]string{"DATABASE_URL": url, "DATA_DIR": t.TempDir()}
		maps.Copy(env, tt.env)
		r := runWith(t, env, "who led the delegation?\n", tt.args...)
		if r.err == nil || !strings.Contains(r.err.Error(), "127.0.0.1:1") || strings.Contains(r.err.Error(), "hunter2") {
			t.Errorf("%s with an unreachable database: %v, want an error naming the host and port, without the password", tt.name, r.err)
		}
	}
}

func TestImportNeedsItsArguments(t *testing.T) {
	for _, tt := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, nil, "--from is required"},
		{nil, []string{"--from", "x.db"}, "DATABASE_URL"},
		{map[string]string{"DATABASE_URL": "postgres://h/db"}, []string{"--from", "/no/such.db"}, "/no/such.db"},
	} {
		r := runWith(t, tt.env, "", append([]string{"import"}, tt.args...)...)
		if r.err == nil || !strings.Contains(r.err.Error(), tt.want) {
			t.Errorf("import %v: %v, want %q", tt.args, r.err, tt.want)
		}
	}
}

// TestImportThenServe copies a SQLite store into PostgreSQL with the
// command an operator runs, and reports from it.
func TestImportThenServe(t *testing.T) {
	dbURL, _ := freshDatabase(t)
	dir := t.TempDir()
	if r := runWith(t, map[string]string{"DATA_DIR": dir}, "What is the recipe for ratatouille?\n"); r.err != nil {
		t.Fatal(r.err)
	}
	r := runWith(t, map[string]string{"DATABASE_URL": dbURL}, "", "import", "--from", filepath.Join(dir, "briefbot.db"))
	if r.err != nil || !strings.Contains(r.stdout, "imported 1 questions") {
		t.Fatalf("import = %q, %v", r.stdout, r.err)
	}
	r = runWith(t, map[string]string{"DATABASE_URL": dbURL}, "", "report", "--json")
	if r.err != nil || !strings.Contains(r.stdout, "ratatouille") {
		t.Errorf("report from PostgreSQL after import = %q, %v", r.stdout, r.err)
	}
}
