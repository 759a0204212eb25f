package bot

import (
	"context"
	"log/slog"
	"path/filepath"
	"testing"

	"github.com/briefbot/briefbot/bot/journal/sqlite"
	"github.com/briefbot/briefbot/bot/library"
	"github.com/briefbot/briefbot/facts"
)

// TestStaleBaseServesWhileStoreDown: a change that arrives for a server
// marks its base stale rather than dropping it, so when the store cannot
// be read at the next question the server is still answered from the
// briefs it had, and the next question tries the store again. A server
// never built has nothing to fall back on and gets the store's error.
func TestStaleBaseServesWhileStoreDown(t *testing.T) {
	ctx := context.Background()
	lib, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "b.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	know, err := facts.LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	empty, _ := know.New()
	shared := empty
	for g, text := range map[string]string{"g1": "Water.\n\nAmina Rauf chaired the water summit.\n\nOriginal Source: a.example\n",
		"g2": "Port.\n\nThe port reopened on Monday.\n\nOriginal Source: b.example\n"} {
		if err := lib.PutBrief(ctx, library.Brief{Guild: g, Name: "brief-" + g, Text: text}, false); err != nil {
			t.Fatal(err)
		}
	}
	s := newServers(lib, know.New, func() *facts.Base { return shared }, empty, slog.New(slog.DiscardHandler))
	before, err := s.base(ctx, "g1")
	if err != nil || before.Len() == 0 {
		t.Fatalf("g1's base: %v facts, %v", before, err)
	}
	s.forget("g1")
	if err := lib.Close(); err != nil {
		t.Fatal(err)
	}
	got, err := s.base(ctx, "g1")
	if err != nil || got != before {
		t.Fatalf("with the store down, a stale server's base = %p, %v; want the one it had (%p)", got, err, before)
	}
	// Still stale: asked again, it tries the store again and falls back again.
	if got, err := s.base(ctx, "g1"); err != nil || got != before {
		t.Fatalf("asked again with the store down: %p, %v", got, err)
	}
	if _, err := s.base(ctx, "g2"); err == nil {
		t.Fatal("a server never built was answered with the store down")
	}
}
