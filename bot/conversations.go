package bot

import (
	"sync"
	"time"

	"github.com/briefbot/briefbot/facts/talk"
)

// conversations keeps one talk.Conversation per user per channel (a DM is
// a channel), so follow-ups read against that user's last question there.
// Idle ones are swept, at most once per follow-up window.
type conversations struct {
	mu    sync.Mutex
	byKey map[string]*talk.Conversation
	seen  map[string]time.Time
	swept time.Time
}

// get returns the conversation of user in channel at now.
func (c *conversations) get(user, channel string, now time.Time) *talk.Conversation {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byKey == nil {
		c.byKey, c.seen = map[string]*talk.Conversation{}, map[string]time.Time{}
	}
	if now.Sub(c.swept) > talk.FollowUpWindow {
		for k, t := range c.seen {
			if now.Sub(t) > talk.FollowUpWindow {
				delete(c.byKey, k)
				delete(c.seen, k)
			}
		}
		c.swept = now
	}
	key := user + "/" + channel
	conv := c.byKey[key]
	if conv == nil {
		conv = &talk.Conversation{}
		c.byKey[key] = conv
	}
	c.seen[key] = now
	return conv
}

// forget drops every conversation of user, in every channel.
func (c *conversations) forget(user string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	prefix := user + "/"
	for k := range c.byKey {
		if len(k) > len(prefix) && k[:len(prefix)] == prefix {
			delete(c.byKey, k)
			delete(c.seen, k)
		}
	}
}
