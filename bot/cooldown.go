package bot

import (
	"sync"
	"time"
)

// Cooldown limits each user to a number of questions in a sliding window,
// so one member cannot flood a channel. A zero limit disables it.
type Cooldown struct {
	limit  int
	window time.Duration
	mu     sync.Mutex
	users  map[string]*userWindow
	swept  time.Time
}

type userWindow struct {
	times  []time.Time // oldest first, at most limit
	warned bool        // sent a cooldown notice since their last allowed question
}

// NewCooldown allows limit questions per window per user; limit 0 allows
// everything.
func NewCooldown(limit int, window time.Duration) *Cooldown {
	return &Cooldown{limit: limit, window: window, users: map[string]*userWindow{}}
}

// Allow records a question from user at now and reports whether it may be
// answered; if not, wait is how long until it may.
func (c *Cooldown) Allow(user string, now time.Time) (ok bool, wait time.Duration) {
	if c == nil || c.limit <= 0 || c.window <= 0 {
		return true, 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sweep(now)
	u := c.users[user]
	if u == nil {
		u = &userWindow{}
		c.users[user] = u
	}
	cut := now.Add(-c.window)
	drop := 0
	for drop < len(u.times) && !u.times[drop].After(cut) {
		drop++
	}
	u.times = u.times[drop:]
	if len(u.times) >= c.limit {
		return false, u.times[0].Add(c.window).Sub(now)
	}
	u.times = append(u.times, now)
	u.warned = false
	return true, 0
}

// Warn reports whether user should be told about the cooldown: only the
// first time since their last allowed question, so that a user mentioning
// the bot over and over gets one notice, not one per message.
func (c *Cooldown) Warn(user string) bool {
	if c == nil {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	u := c.users[user]
	if u == nil || u.warned {
		return false
	}
	u.warned = true
	return true
}

// sweep forgets users idle for a whole window, at most once a window, so
// the map stays as small as the set of recently active users.
func (c *Cooldown) sweep(now time.Time) {
	if now.Sub(c.swept) < c.window {
		return
	}
	c.swept = now
	cut := now.Add(-c.window)
	for id, u := range c.users {
		if len(u.times) == 0 || !u.times[len(u.times)-1].After(cut) {
			delete(c.users, id)
		}
	}
}
