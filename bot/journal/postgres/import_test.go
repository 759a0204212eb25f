package postgres_test

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot/journal"
	"github.com/briefbot/briefbot/bot/journal/postgres"
	"github.com/briefbot/briefbot/bot/journal/sqlite"
	"github.com/briefbot/briefbot/bot/library"
)

// TestImportFromSQLite: a SQLite store copied into an empty database gives
// the same reports, the same briefs and settings, and the same secret (so
// vote buttons made before still count); a second import is refused.
func TestImportFromSQLite(t *testing.T) {
	ctx := context.Background()
	lite, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "briefbot.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lite.Close() })
	qs, vs := journalRecords()
	for _, q := range qs {
		lite.Question(q)
	}
	for _, v := range vs {
		lite.Vote(v)
	}
	flush(t, lite)
	added := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	for _, b := range []library.Brief{
		{Guild: "g1", Name: "water", Text: "A summit was held.\nOriginal Source: www.example.org\n", AddedBy: "u1", Added: added, Message: "m1"},
		{Guild: library.Shared, Name: "seed", Text: "Shared text.\nOriginal Source: www.example.org\n", Added: added},
	} {
		if err := lite.PutBrief(ctx, b, false); err != nil {
			t.Fatal(err)
		}
	}
	if err := lite.PutSettings(ctx, library.Settings{Guild: "g2", NoShared: true, Watch: "c1"}); err != nil {
		t.Fatal(err)
	}
	key, err := lite.Secret(ctx, "votes")
	if err != nil {
		t.Fatal(err)
	}

	pg := open(t, database(t), postgres.Options{})
	n, err := pg.Import(ctx, lite)
	if err != nil {
		t.Fatal(err)
	}
	if n.Questions != len(qs) || n.Briefs != 2 || n.Settings != 1 || n.Secrets != 1 {
		t.Errorf("imported %+v, want %d questions, 2 briefs, 1 setting, 1 secret", n, len(qs))
	}
	for _, scope := range []journal.Scope{{}, {Guild: "g1"}, {Guild: "g2"}} {
		wantU, _ := lite.Unanswered(ctx, scope, time.Time{}, 1000)
		gotU, err := pg.Unanswered(ctx, scope, time.Time{}, 1000)
		if err != nil || !reflect.DeepEqual(gotU, wantU) {
			t.Errorf("%v unanswered after import:\npostgres %+v (%v)\nsqlite   %+v", scope, gotU, err, wantU)
		}
		wantD, _ := lite.Disputed(ctx, scope, time.Time{}, 1000)
		gotD, err := pg.Disputed(ctx, scope, time.Time{}, 1000)
		if err != nil || !reflect.DeepEqual(gotD, wantD) {
			t.Errorf("%v disputed after import:\npostgres %+v (%v)\nsqlite   %+v", scope, gotD, err, wantD)
		}
	}
	for _, g := range []string{"g1", library.Shared} {
		want, _ := lite.Briefs(ctx, g)
		got, err := pg.Briefs(ctx, g)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("briefs of %q after import:\npostgres %+v (%v)\nsqlite   %+v", g, got, err, want)
		}
	}
	if s, _ := pg.Settings(ctx, "g2"); s != (library.Settings{Guild: "g2", NoShared: true, Watch: "c1"}) {
		t.Errorf("settings after import = %+v", s)
	}
	if got, err := pg.Secret(ctx, "votes"); err != nil || string(got) != string(key) {
		t.Errorf("the vote key was not carried over")
	}
	if _, err := pg.Import(ctx, lite); !errors.Is(err, postgres.ErrNotEmpty) {
		t.Errorf("second import: %v, want ErrNotEmpty", err)
	}
}
