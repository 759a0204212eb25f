package bot

import (
	"sync"
	"time"

	"github.com/briefbot/briefbot/bot/library"
)

// Settings of the briefs-channel cache.
const (
	// watchTTL is how long a server's briefs channel is trusted without
	// reading the library again. Every change the library announces
	// drops it at once; the TTL only bounds how stale it gets when the
	// announcements stop (the store's watch failed). Shorter costs a
	// library read per active server more often, on messages' path.
	watchTTL = 5 * time.Minute
	// watchRetry is how long a failed read of a server's settings is
	// remembered as "no briefs channel", so that a store outage costs one
	// slow read per server per few seconds rather than one per message.
	watchRetry = 5 * time.Second
)

// watchedChannels remembers each server's briefs channel, which every
// message in every server is checked against, and what the briefs
// channels need besides: which were told the bot cannot read them, and a
// lock per server that keeps a post, its edits and its deletion in order.
// The zero value is ready.
type watchedChannels struct {
	mu      sync.Mutex
	byGuild map[string]watchedEntry
	// gen counts drops: a read that began before one must not store what
	// it read, which the change may have made stale.
	gen     uint64
	noticed map[string]bool // channels told the bot cannot read them
	locks   map[string]*sync.Mutex
}

type watchedEntry struct {
	channel string // "" for none
	until   time.Time
}

// get returns guild's briefs channel if it is known and fresh at now;
// gen is what put must be given with what a read finds.
func (w *watchedChannels) get(guild string, now time.Time) (channel string, ok bool, gen uint64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	e, ok := w.byGuild[guild]
	if !ok || now.After(e.until) {
		return "", false, w.gen
	}
	return e.channel, true, w.gen
}

// put remembers guild's briefs channel until until, unless a change was
// dropped since gen was read.
func (w *watchedChannels) put(guild, channel string, until time.Time, gen uint64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if gen != w.gen {
		return
	}
	if w.byGuild == nil {
		w.byGuild = map[string]watchedEntry{}
	}
	w.byGuild[guild] = watchedEntry{channel: channel, until: until}
}

// drop forgets what a library change may have made stale: one server's
// briefs channel, or every server's when the watcher missed changes.
func (w *watchedChannels) drop(c library.Change) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.gen++
	if c.All {
		clear(w.byGuild)
		return
	}
	delete(w.byGuild, c.Guild)
}

// firstNotice reports whether channel has not yet been told that the bot
// cannot read it, and marks it told.
func (w *watchedChannels) firstNotice(channel string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.noticed[channel] {
		return false
	}
	if w.noticed == nil {
		w.noticed = map[string]bool{}
	}
	w.noticed[channel] = true
	return true
}

// unnotice lets channel be told again: the notice could not be sent.
func (w *watchedChannels) unnotice(channel string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	delete(w.noticed, channel)
}

// lock holds guild's briefs-channel lock until the returned func is
// called, so that a post, its edits and its deletion are applied one at a
// time: an edit must find the brief its post added.
func (w *watchedChannels) lock(guild string) (unlock func()) {
	w.mu.Lock()
	l, ok := w.locks[guild]
	if !ok {
		if w.locks == nil {
			w.locks = map[string]*sync.Mutex{}
		}
		l = &sync.Mutex{}
		w.locks[guild] = l
	}
	w.mu.Unlock()
	l.Lock()
	return l.Unlock
}
