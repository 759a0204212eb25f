// Package librarytest is the behaviour every library.Store must have, run
// against each adapter by its own tests.
package librarytest

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot/library"
)

// Open returns an empty store for one test, closed by the test's cleanup.
type Open func(t *testing.T) library.Store

// announceWithin is how long a committed change may take to reach a
// watcher; the product promises every process within 2 s.
const announceWithin = 2 * time.Second

// Run runs every behaviour against stores from open.
func Run(t *testing.T, open Open) {
	t.Run("PutListRemove", func(t *testing.T) { putListRemove(t, open(t)) })
	t.Run("GuildsAreSeparate", func(t *testing.T) { guildsAreSeparate(t, open(t)) })
	t.Run("ReplaceShared", func(t *testing.T) { replaceShared(t, open(t)) })
	t.Run("Settings", func(t *testing.T) { settings(t, open(t)) })
	t.Run("ByMessage", func(t *testing.T) { byMessage(t, open(t)) })
	t.Run("Watch", func(t *testing.T) { watch(t, open(t)) })
	t.Run("HostileText", func(t *testing.T) { hostileText(t, open(t)) })
	t.Run("Processes", func(t *testing.T) { processes(t, open(t)) })
}

var at = time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)

func brief(guild, name, text string) library.Brief {
	return library.Brief{Guild: guild, Name: name, Text: text, AddedBy: "u1", Added: at}
}

func names(t *testing.T, s library.Store, guild string) []string {
	t.Helper()
	bs, err := s.Briefs(context.Background(), guild)
	if err != nil {
		t.Fatalf("Briefs(%q): %v", guild, err)
	}
	var out []string
	for _, b := range bs {
		out = append(out, b.Name)
	}
	return out
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func putListRemove(t *testing.T, s library.Store) {
	ctx := context.Background()
	if err := s.PutBrief(ctx, brief("g1", "b-two", "two"), false); err != nil {
		t.Fatal(err)
	}
	if err := s.PutBrief(ctx, brief("g1", "a-one", "one"), false); err != nil {
		t.Fatal(err)
	}
	if got := names(t, s, "g1"); !equal(got, []string{"a-one", "b-two"}) {
		t.Fatalf("briefs = %v, want name order", got)
	}
	if err := s.PutBrief(ctx, brief("g1", "a-one", "again"), false); !errors.Is(err, library.ErrExists) {
		t.Fatalf("second put without replace: %v, want ErrExists", err)
	}
	if err := s.PutBrief(ctx, brief("g1", "a-one", "again"), true); err != nil {
		t.Fatalf("replace: %v", err)
	}
	bs, _ := s.Briefs(ctx, "g1")
	if bs[0].Text != "again" || bs[0].AddedBy != "u1" || !bs[0].Added.Equal(at) {
		t.Fatalf("replaced brief = %+v", bs[0])
	}
	if err := s.RemoveBrief(ctx, "g1", "a-one"); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveBrief(ctx, "g1", "a-one"); !errors.Is(err, library.ErrNotFound) {
		t.Fatalf("second remove: %v, want ErrNotFound", err)
	}
	if got := names(t, s, "g1"); !equal(got, []string{"b-two"}) {
		t.Fatalf("after remove = %v", got)
	}
}

func guildsAreSeparate(t *testing.T, s library.Store) {
	ctx := context.Background()
	for _, b := range []library.Brief{brief("g1", "same", "g1's"), brief("g2", "same", "g2's"), brief(library.Shared, "same", "shared")} {
		if err := s.PutBrief(ctx, b, false); err != nil {
			t.Fatalf("put %s/%s: %v", b.Guild, b.Name, err)
		}
	}
	for guild, want := range map[string]string{"g1": "g1's", "g2": "g2's", library.Shared: "shared"} {
		bs, err := s.Briefs(ctx, guild)
		if err != nil || len(bs) != 1 || bs[0].Text != want {
			t.Errorf("Briefs(%q) = %+v, %v; want one with %q", guild, bs, err, want)
		}
	}
	if err := s.RemoveBrief(ctx, "g1", "same"); err != nil {
		t.Fatal(err)
	}
	if got := names(t, s, "g2"); len(got) != 1 {
		t.Errorf("removing g1's brief touched g2's: %v", got)
	}
	gs, err := s.Guilds(ctx)
	if err != nil || !equal(gs, []string{"g2"}) {
		t.Errorf("Guilds = %v, %v; want [g2] (shared is no guild, g1 keeps nothing)", gs, err)
	}
}

func replaceShared(t *testing.T, s library.Store) {
	ctx := context.Background()
	if err := s.ReplaceShared(ctx, []library.Brief{brief("", "x", "1"), brief("", "y", "2")}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutBrief(ctx, brief("g1", "x", "mine"), false); err != nil {
		t.Fatal(err)
	}
	if err := s.ReplaceShared(ctx, []library.Brief{brief("", "z", "3")}); err != nil {
		t.Fatal(err)
	}
	if got := names(t, s, library.Shared); !equal(got, []string{"z"}) {
		t.Fatalf("shared = %v, want [z]", got)
	}
	if got := names(t, s, "g1"); !equal(got, []string{"x"}) {
		t.Fatalf("a server's brief changed with the shared ones: %v", got)
	}
	// A failing replacement (two briefs of one name) leaves the old set.
	if err := s.ReplaceShared(ctx, []library.Brief{brief("", "w", "4"), brief("", "w", "5")}); err == nil {
		t.Fatal("two shared briefs of one name were accepted")
	}
	if got := names(t, s, library.Shared); !equal(got, []string{"z"}) {
		t.Fatalf("a failed replacement changed the shared briefs: %v", got)
	}
}

func settings(t *testing.T, s library.Store) {
	ctx := context.Background()
	got, err := s.Settings(ctx, "g1")
	if err != nil || got != (library.Settings{Guild: "g1"}) {
		t.Fatalf("unset settings = %+v, %v", got, err)
	}
	want := library.Settings{Guild: "g1", NoShared: true, Watch: "c9"}
	if err := s.PutSettings(ctx, want); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Settings(ctx, "g1"); err != nil || got != want {
		t.Fatalf("settings = %+v, %v; want %+v", got, err, want)
	}
	want.NoShared, want.Watch = false, ""
	if err := s.PutSettings(ctx, want); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Settings(ctx, "g1"); got != want {
		t.Fatalf("settings = %+v; want %+v", got, want)
	}
	if got, _ := s.Settings(ctx, "g2"); got != (library.Settings{Guild: "g2"}) {
		t.Fatalf("another guild's settings = %+v", got)
	}
}

func byMessage(t *testing.T, s library.Store) {
	ctx := context.Background()
	b := brief("g1", "posted", "text")
	b.Message = "m1"
	if err := s.PutBrief(ctx, b, false); err != nil {
		t.Fatal(err)
	}
	if err := s.PutBrief(ctx, brief("g1", "uploaded", "text"), false); err != nil {
		t.Fatal(err)
	}
	got, err := s.BriefByMessage(ctx, "g1", "m1")
	if err != nil || got.Name != "posted" {
		t.Fatalf("BriefByMessage = %+v, %v", got, err)
	}
	for _, q := range [][2]string{{"g2", "m1"}, {"g1", "m2"}, {"g1", ""}} {
		if _, err := s.BriefByMessage(ctx, q[0], q[1]); !errors.Is(err, library.ErrNotFound) {
			t.Errorf("BriefByMessage(%q, %q): %v, want ErrNotFound", q[0], q[1], err)
		}
	}
}

func watch(t *testing.T, s library.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	var mu sync.Mutex
	var seen []library.Change
	done := make(chan error, 1)
	ready := make(chan struct{})
	go func() {
		close(ready)
		done <- s.Watch(ctx, func(c library.Change) {
			mu.Lock()
			seen = append(seen, c)
			mu.Unlock()
		})
	}()
	<-ready
	// A watcher starts listening asynchronously: write until it has seen
	// one change, then count the ones after.
	deadline := time.Now().Add(announceWithin)
	for {
		if err := s.PutSettings(context.Background(), library.Settings{Guild: "warm"}); err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		n := len(seen)
		mu.Unlock()
		if n > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("a watcher saw no change within 2 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	mu.Lock()
	seen = nil
	mu.Unlock()
	bg := context.Background()
	steps := []func() error{
		func() error { return s.PutBrief(bg, brief("g1", "n", "t"), false) },
		func() error { return s.RemoveBrief(bg, "g1", "n") },
		func() error { return s.PutSettings(bg, library.Settings{Guild: "g2", NoShared: true}) },
		func() error { return s.ReplaceShared(bg, []library.Brief{brief("", "s", "t")}) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]bool{"g1": true, "g2": true, library.Shared: true}
	deadline = time.Now().Add(announceWithin)
	for {
		mu.Lock()
		got := map[string]bool{}
		all := false
		for _, c := range seen {
			got[c.Guild] = true
			all = all || c.All
		}
		mu.Unlock()
		if all || (got["g1"] && got["g2"] && got[library.Shared]) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("changes seen within 2 s: %v; want %v", got, want)
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil && !errors.Is(err, context.Canceled) {
			t.Fatalf("Watch returned %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Watch did not return after its context was cancelled")
	}
}

func hostileText(t *testing.T, s library.Store) {
	ctx := context.Background()
	texts := []string{"'; DROP TABLE briefs; --", "nul\x00byte?", "emoji 📰 and \u202e", ""}
	for i, text := range texts {
		b := brief("g'1", string(rune('a'+i))+"-brief", text)
		err := s.PutBrief(ctx, b, false)
		if err != nil {
			// A store may refuse text it cannot keep, but must say so.
			continue
		}
		bs, err := s.Briefs(ctx, "g'1")
		if err != nil {
			t.Fatalf("read back %q: %v", text, err)
		}
		found := false
		for _, got := range bs {
			if got.Name == b.Name {
				found = got.Text == text
			}
		}
		if !found {
			t.Errorf("text %q did not read back unchanged", text)
		}
	}
	if err := s.PutBrief(ctx, brief("g1", "still-here", "t"), false); err != nil {
		t.Fatalf("store broken after hostile text: %v", err)
	}
}

func processes(t *testing.T, s library.Store) {
	ctx := context.Background()
	for _, p := range []library.Process{
		{ID: "p1", Shared: "v1", Seen: at},
		{ID: "p2", Shared: "v1", Seen: at.Add(time.Minute)},
		{ID: "p1", Shared: "v2", Seen: at.Add(2 * time.Minute)}, // p1 again: replaces
		{ID: "old", Shared: "v0", Seen: at.Add(-time.Hour)},
	} {
		if err := s.Beat(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Processes(ctx, at.Add(-time.Minute))
	want := []library.Process{{ID: "p1", Shared: "v2", Seen: at.Add(2 * time.Minute)}, {ID: "p2", Shared: "v1", Seen: at.Add(time.Minute)}}
	if err != nil || len(got) != len(want) {
		t.Fatalf("Processes = %+v, %v; want %+v", got, err, want)
	}
	for i := range want {
		if got[i].ID != want[i].ID || got[i].Shared != want[i].Shared || !got[i].Seen.Equal(want[i].Seen) {
			t.Errorf("process %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}
