package bot

import (
	"container/list"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/briefbot/briefbot/bot/library"
	"github.com/briefbot/briefbot/facts"
)

// Settings of the per-server fact bases.
const (
	// serverFactBudget is how many facts the built server bases may hold
	// together before the least recently asked server's is dropped (and
	// rebuilt on its next question, from the store). More keeps more
	// servers warm; fewer bounds memory, at about 4.5 KB a fact (measured
	// on bases of five news briefs): 200,000 facts hold about 0.9 GB.
	serverFactBudget = 200_000
	// libraryTimeout bounds reading one server's briefs and settings when
	// its base is built: past it the question gets a "try again" reply
	// rather than waiting on a slow database.
	libraryTimeout = 3 * time.Second
)

// errLibraryDown means a server's briefs could not be read from the store.
var errLibraryDown = errors.New("the briefs store cannot be read")

// servers builds and keeps each server's fact base: its own briefs plus
// the shared ones (unless it turned them off). A server with no briefs of
// its own is served the shared base itself, so only servers that keep
// briefs cost memory, and those are built on their first question.
type servers struct {
	lib    library.Store
	build  func(...*facts.Brief) (*facts.Base, error)
	shared func() *facts.Base
	empty  *facts.Base
	log    *slog.Logger
	budget int

	mu      sync.Mutex
	entries map[string]*serverEntry
	lru     list.List // of *serverEntry, the most recently asked first
	held    int       // facts held by the built bases in entries
}

// serverEntry is one server's base, built once and shared by every
// question asked while it is being built.
type serverEntry struct {
	guild string
	elem  *list.Element
	ready chan struct{} // closed once the fields below are set
	// shared: the server reads the shared briefs and keeps none of its
	// own, so the shared base serves it as it is now.
	shared bool
	base   *facts.Base
	size   int // facts held by base
	err    error
	// stale: a change to the server's briefs arrived after the base was
	// built. The next question rebuilds it, and is answered from this one
	// if the store cannot be read meanwhile: an outage keeps a server's
	// facts served rather than losing them to a change made before it.
	stale bool
}

func newServers(lib library.Store, build func(...*facts.Brief) (*facts.Base, error), shared func() *facts.Base, empty *facts.Base, log *slog.Logger) *servers {
	return &servers{lib: lib, build: build, shared: shared, empty: empty, log: log, budget: serverFactBudget,
		entries: map[string]*serverEntry{}}
}

// base returns the fact base that answers in guild; "" (a DM) is the
// shared base.
func (s *servers) base(ctx context.Context, guild string) (*facts.Base, error) {
	if guild == "" || s.lib == nil {
		return s.shared(), nil
	}
	s.mu.Lock()
	e, ok := s.entries[guild]
	var prev *serverEntry
	if ok && e.stale {
		prev, ok = e, false
		s.dropLocked(prev)
	}
	if ok {
		s.lru.MoveToFront(e.elem)
	} else {
		e = &serverEntry{guild: guild, ready: make(chan struct{})}
		e.elem = s.lru.PushFront(e)
		s.entries[guild] = e
	}
	s.mu.Unlock()
	if !ok {
		s.fill(e, prev)
	}
	select {
	case <-e.ready:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	switch {
	case e.err != nil:
		return nil, e.err
	case e.shared:
		return s.shared(), nil
	}
	return e.base, nil
}

// fill builds e's base and publishes it, or its error; an entry that
// failed is dropped so the next question tries again. prev, when not
// nil, is the stale entry e replaces: it serves while the store is down.
func (s *servers) fill(e, prev *serverEntry) {
	defer close(e.ready)
	ctx, cancel := context.WithTimeout(context.Background(), libraryTimeout)
	defer cancel()
	e.shared, e.base, e.err = s.load(ctx, e.guild)
	fallback := errors.Is(e.err, errLibraryDown) && prev != nil
	if fallback {
		s.log.Warn("the briefs store cannot be read: a server is answered from the briefs it had", "guild", e.guild)
		e.shared, e.base, e.err = prev.shared, prev.base, nil
	}
	s.mu.Lock()
	// Read under the lock by questions that find the entry (see base).
	e.stale = fallback
	defer s.mu.Unlock()
	if s.entries[e.guild] != e {
		return // forgotten while it was built: a change arrived meanwhile
	}
	if e.err != nil {
		s.dropLocked(e)
		return
	}
	if e.base != nil && e.base != s.empty {
		e.size = e.base.Len()
		s.held += e.size
	}
	for s.held > s.budget && s.lru.Len() > 1 {
		s.dropLocked(s.lru.Back().Value.(*serverEntry))
	}
}

// load reads guild's settings and briefs and builds what serves it.
func (s *servers) load(ctx context.Context, guild string) (useShared bool, base *facts.Base, err error) {
	set, err := s.lib.Settings(ctx, guild)
	if err != nil {
		s.log.Error("read a server's settings", "guild", guild, "err", err)
		return false, nil, errLibraryDown
	}
	stored, err := s.lib.Briefs(ctx, guild)
	if err != nil {
		s.log.Error("read a server's briefs", "guild", guild, "err", err)
		return false, nil, errLibraryDown
	}
	own := parseStored(stored, s.log)
	switch {
	case len(own) == 0 && !set.NoShared:
		return true, nil, nil
	case len(own) == 0:
		return false, s.empty, nil
	}
	all := own
	if !set.NoShared {
		all = withShared(own, s.shared().Sources())
	}
	base, err = s.build(all...)
	if err != nil {
		return false, nil, fmt.Errorf("build the briefs of server %s: %w", guild, err)
	}
	return false, base, nil
}

// withShared adds the shared briefs to a server's own; a server's brief
// hides a shared one of the same name, since its managers chose it.
func withShared(own, shared []*facts.Brief) []*facts.Brief {
	names := make(map[string]bool, len(own))
	for _, b := range own {
		names[facts.NameKey(b.Name)] = true
	}
	all := append([]*facts.Brief(nil), own...)
	for _, b := range shared {
		if !names[facts.NameKey(b.Name)] {
			all = append(all, b)
		}
	}
	return all
}

// parseStored parses a server's stored briefs. Each was parsed when it
// was added, so one that no longer parses (a newer parser) is logged and
// left out rather than taking the server's other briefs down with it.
func parseStored(stored []library.Brief, log *slog.Logger) []*facts.Brief {
	out := make([]*facts.Brief, 0, len(stored))
	for _, sb := range stored {
		b, err := facts.ParseBrief(sb.Name, strings.NewReader(sb.Text))
		if err != nil {
			log.Error("a stored brief no longer parses; left out", "guild", sb.Guild, "brief", sb.Name, "err", err)
			continue
		}
		if b.Date == "" && !sb.Added.IsZero() {
			b.Date = sb.Added.UTC().Format(time.DateOnly)
		}
		out = append(out, b)
	}
	return out
}

// forget marks guild's base stale, to be rebuilt on its next question.
func (s *servers) forget(guild string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.entries[guild]; ok {
		s.staleLocked(e)
	}
}

// forgetAll marks every server's base stale: the shared briefs changed,
// and every server that reads them must be rebuilt.
func (s *servers) forgetAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range s.entries {
		s.staleLocked(e)
	}
}

// staleLocked marks a built entry stale. One still being built is
// dropped instead: what it read may predate the change, and nothing was
// served from it yet.
func (s *servers) staleLocked(e *serverEntry) {
	select {
	case <-e.ready:
		e.stale = true
	default:
		s.dropLocked(e)
	}
}

func (s *servers) dropLocked(e *serverEntry) {
	if s.entries[e.guild] != e {
		return
	}
	delete(s.entries, e.guild)
	s.lru.Remove(e.elem)
	s.held -= e.size
}
