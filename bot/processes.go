package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/briefbot/briefbot/bot/library"
)

// How processes sharing a store tell each other they are alive, for the
// "live on N of M processes" a /reload reports.
const (
	// beatEvery is how often a process records itself. Shorter finds a
	// stopped process sooner; longer writes less.
	beatEvery = 10 * time.Second
	// beatStale is how long since its last beat a process still counts.
	beatStale = 3 * beatEvery
	// propagation is how long a /reload waits for the other processes to
	// serve the new briefs before it reports how many do: the product
	// promises every process within this.
	propagation = 2 * time.Second
	// liveCheckEvery is how often it looks meanwhile.
	liveCheckEvery = 100 * time.Millisecond
)

func newProcessID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// beat records this process and the shared briefs it serves.
func (b *Bot) beat() {
	if b.cfg.Library == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), libraryTimeout)
	defer cancel()
	p := library.Process{ID: b.process, Shared: b.store.Base().Version(), Seen: b.now().UTC()}
	if err := b.cfg.Library.Beat(ctx, p); err != nil {
		b.log.Warn("record this process in the store", "err", err)
	}
}

// beating records this process every beatEvery until ctx is done.
func (b *Bot) beating(ctx context.Context) {
	t := time.NewTicker(beatEvery)
	defer t.Stop()
	for {
		b.beat()
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// liveOn waits up to propagation for every live process to serve the
// shared briefs of version, and says how many do.
func (b *Bot) liveOn(ctx context.Context, version string) string {
	if b.cfg.Library == nil {
		return ""
	}
	b.beat()
	deadline := time.Now().Add(propagation)
	for {
		ps, err := b.cfg.Library.Processes(ctx, b.now().Add(-beatStale))
		if err != nil {
			b.log.Warn("count the processes serving the new briefs", "err", err)
			return ""
		}
		live := 0
		for _, p := range ps {
			if p.Shared == version {
				live++
			}
		}
		if live == len(ps) || time.Now().After(deadline) {
			return fmt.Sprintf("Live on %d of %d process%s.", live, len(ps), map[bool]string{true: "", false: "es"}[len(ps) == 1])
		}
		select {
		case <-ctx.Done():
			return ""
		case <-time.After(liveCheckEvery):
		}
	}
}
