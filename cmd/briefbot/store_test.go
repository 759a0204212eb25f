package main

import (
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
	env := map[string]string{"DATABASE_URL": "postgres://bot:hunter2@127.0.0.1:1/briefbot?connect_timeout=2", "DATA_DIR": t.TempDir()}
	r := runWith(t, env, "", "report")
	if r.err == nil || !strings.Contains(r.err.Error(), "127.0.0.1:1") || strings.Contains(r.err.Error(), "hunter2") {
		t.Errorf("report with an unreachable database: %v", r.err)
	}
}
