package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"sync"

	"github.com/briefbot/briefbot/bot/library"
	"github.com/briefbot/briefbot/facts"
)

// watchLibrary applies every change to the library, from this process or
// another sharing its store, until ctx is done; the returned wait blocks
// until it has stopped. At start it publishes this process's shared
// briefs when it loaded them from BRIEFS_DIR, and otherwise serves the
// ones the library keeps (loaded by another process).
func (b *Bot) watchLibrary(ctx context.Context) (wait func()) {
	if b.cfg.Library == nil {
		return func() {}
	}
	if b.cfg.BriefsDir != "" {
		b.publishShared()
	} else {
		b.adoptShared()
	}
	var wg sync.WaitGroup
	wg.Go(func() { b.beating(ctx) })
	wg.Go(func() {
		if err := b.cfg.Library.Watch(ctx, b.applyChange); err != nil {
			b.log.Error("watch the briefs store: changes made by other processes will not be seen", "err", err)
		}
	})
	return wg.Wait
}

// applyChange drops what a change made stale; it is rebuilt on the next
// question.
func (b *Bot) applyChange(c library.Change) {
	b.watched.drop(c)
	switch {
	case c.All:
		b.servers.forgetAll()
		b.adoptShared()
	case c.Guild == library.Shared:
		b.adoptShared()
	default:
		b.servers.forget(c.Guild)
	}
}

// publishShared keeps the shared briefs being served in the library, for
// the processes that do not read BRIEFS_DIR themselves.
func (b *Bot) publishShared() {
	if b.cfg.Library == nil {
		return
	}
	srcs := b.store.Base().Sources()
	bs := make([]library.Brief, len(srcs))
	now := b.now().UTC()
	for i, s := range srcs {
		bs[i] = library.Brief{Guild: library.Shared, Name: s.Name, Text: s.Text, Added: now}
	}
	ctx, cancel := context.WithTimeout(context.Background(), libraryTimeout)
	defer cancel()
	if err := b.cfg.Library.ReplaceShared(ctx, bs); err != nil {
		b.log.Error("keep the shared briefs in the store: other processes keep serving their own", "err", err)
	}
}

// adoptShared serves the shared briefs the library keeps when they differ
// from the ones served: another process reloaded them.
func (b *Bot) adoptShared() {
	ctx, cancel := context.WithTimeout(context.Background(), libraryTimeout)
	defer cancel()
	stored, err := b.cfg.Library.Briefs(ctx, library.Shared)
	if err != nil {
		b.log.Error("read the shared briefs from the store", "err", err)
		return
	}
	if len(stored) == 0 {
		return
	}
	names, texts := make([]string, len(stored)), make([]string, len(stored))
	for i, s := range stored {
		names[i], texts[i] = s.Name, s.Text
	}
	if digest(names, texts) == sourcesDigest(b.store.Base().Sources()) {
		return
	}
	briefs := parseStored(stored, b.log)
	d, err := b.swapShared(func() (*facts.Base, error) { return b.servers.build(briefs...) })
	if err != nil {
		b.log.Error("serve the shared briefs another process loaded", "err", err)
		return
	}
	b.beat()
	b.log.Info("shared briefs changed by another process", "version", d.NewVersion,
		"briefs_added", len(d.BriefsAdded), "briefs_removed", len(d.BriefsRemoved), "briefs_changed", len(d.BriefsChanged))
}

func sourcesDigest(srcs []*facts.Brief) string {
	names, texts := make([]string, len(srcs)), make([]string, len(srcs))
	for i, s := range srcs {
		names[i], texts[i] = s.Name, s.Text
	}
	return digest(names, texts)
}

// digest identifies a set of briefs by name and text, whatever their
// order (a database's collation may differ from Go's).
func digest(names, texts []string) string {
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return names[order[a]] < names[order[b]] })
	h := sha256.New()
	for _, i := range order {
		h.Write([]byte(names[i]))
		h.Write([]byte{0})
		s := sha256.Sum256([]byte(texts[i]))
		h.Write(s[:])
	}
	return hex.EncodeToString(h.Sum(nil))
}
