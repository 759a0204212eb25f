package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/briefbot/briefbot/bot/journal/sqlite"
	"github.com/briefbot/briefbot/bot/library"
	"github.com/briefbot/briefbot/bot/library/librarytest"
)

func TestLibrary(t *testing.T) {
	librarytest.Run(t, func(t *testing.T) library.Store {
		t.Helper()
		db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "b.db"), sqlite.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	})
}
