package discordtest

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Role is a server role as GUILD_CREATE delivers it.
type Role struct {
	ID, Name string
	// Permissions is the role's permission bits (Administrator is 1<<3,
	// Manage Server 1<<5).
	Permissions int64
}

// everyonePermissions are what @everyone may do in every fake server:
// add reactions, view channels, send messages and read their history, as
// a new Discord server allows; nothing that manages it.
const everyonePermissions = 1<<6 | 1<<10 | 1<<11 | 1<<16

func roleJSON(r Role, position int) map[string]any {
	return map[string]any{"id": r.ID, "name": r.Name, "color": 0, "hoist": false, "position": position,
		"permissions": strconv.FormatInt(r.Permissions, 10), "managed": false, "mentionable": false, "flags": 0}
}

// Owner is the owner of server id: OwnerIDs[id] when set, otherwise a
// user no test posts as.
func (s *Server) Owner(id string) string {
	if o := s.OwnerIDs[id]; o != "" {
		return o
	}
	if id == s.GuildID {
		return "1100000000000000900"
	}
	return "1100000000000000901"
}

// intentMessageContent is the privileged intent without which Discord
// leaves the text out of server messages that do not mention the bot.
const intentMessageContent = 1 << 15

// PostSpec is a message a user posts in a server's channel.
type PostSpec struct {
	Author User
	// GuildID is the server, Server.GuildID when empty; ChannelID the
	// channel, the home server's general channel when empty.
	GuildID, ChannelID string
	Content            string
	// Roles are the author's roles in the server, which the message's
	// member object carries (without permissions), as on Discord.
	Roles []string
	// Mention makes it mention the bot, as Post's mention does.
	Mention bool
	// Attachments are files attached to the message, served at their URL.
	Attachments []Attachment
	// Webhook posts it as a webhook does: its author is a bot, and the
	// message carries the webhook's id.
	Webhook bool
	// Sent is the message's timestamp; now when zero.
	Sent time.Time
}

// PostIn sends a message a user posted in a server's channel to the bot
// over the gateway, as MESSAGE_CREATE, and returns it. Unless the bot
// identified with the Message Content intent, the bot receives it as
// Discord sends it then: without text or files, unless it mentions the
// bot.
func (s *Server) PostIn(p PostSpec) *Message {
	s.mu.Lock()
	m := &Message{ID: s.id(), Author: p.Author, Content: p.Content, GuildID: p.GuildID, ChannelID: p.ChannelID,
		Sent: p.Sent, roles: p.Roles, attachments: p.Attachments}
	if m.GuildID == "" {
		m.GuildID = s.GuildID
	}
	if m.ChannelID == "" {
		m.ChannelID = "1100000000000000200"
	}
	if m.Sent.IsZero() {
		m.Sent = time.Now()
	}
	if p.Webhook {
		m.Author.Bot = true
		m.webhookID = p.Author.ID
	}
	if p.Mention {
		m.mentions = append(m.mentions, User{ID: s.BotID, Username: "briefbot", Bot: true})
	}
	s.messages = append(s.messages, m)
	payload := s.gatewayMessage(m)
	s.mu.Unlock()
	s.Dispatch("MESSAGE_CREATE", payload)
	return m
}

// Edit changes the text of a message a user posted and sends the bot
// MESSAGE_UPDATE, with the whole message as Discord does, its edit time
// set.
func (s *Server) Edit(m *Message, content string) {
	s.mu.Lock()
	now := time.Now()
	m.Content, m.edited = content, &now
	payload := s.gatewayMessage(m)
	s.notify()
	s.mu.Unlock()
	s.Dispatch("MESSAGE_UPDATE", payload)
}

// Delete deletes a message and sends the bot MESSAGE_DELETE, which names
// only the message, its channel and its server.
func (s *Server) Delete(m *Message) {
	s.mu.Lock()
	m.deleted = true
	payload := map[string]any{"id": m.ID, "channel_id": m.ChannelID}
	if m.GuildID != "" {
		payload["guild_id"] = m.GuildID
	}
	s.notify()
	s.mu.Unlock()
	s.Dispatch("MESSAGE_DELETE", payload)
}

// DeleteBulk deletes messages of one channel at once, as a moderator's
// purge does, and sends the bot MESSAGE_DELETE_BULK naming them.
func (s *Server) DeleteBulk(ms ...*Message) {
	if len(ms) == 0 {
		return
	}
	s.mu.Lock()
	ids := make([]string, len(ms))
	for i, m := range ms {
		m.deleted, ids[i] = true, m.ID
	}
	payload := map[string]any{"ids": ids, "channel_id": ms[0].ChannelID}
	if ms[0].GuildID != "" {
		payload["guild_id"] = ms[0].GuildID
	}
	s.notify()
	s.mu.Unlock()
	s.Dispatch("MESSAGE_DELETE_BULK", payload)
}

// gatewayMessage is m as MESSAGE_CREATE and MESSAGE_UPDATE deliver it: in
// a server with its author's member object, and without the Message
// Content intent emptied of what Discord withholds; call with mu held.
func (s *Server) gatewayMessage(m *Message) map[string]any {
	out := m.json(s)
	if m.GuildID == "" {
		return out
	}
	if m.webhookID == "" {
		roles := m.roles
		if roles == nil {
			roles = []string{}
		}
		out["member"] = map[string]any{"roles": roles, "joined_at": "2026-01-01T00:00:00+00:00",
			"deaf": false, "mute": false, "nick": nil, "flags": 0}
	}
	mentioned := false
	for _, u := range m.mentions {
		mentioned = mentioned || u.ID == s.BotID
	}
	if s.intents&intentMessageContent == 0 && !mentioned && m.Author.ID != s.BotID {
		out["content"] = ""
		out["attachments"], out["embeds"], out["components"] = []any{}, []any{}, []any{}
	}
	return out
}

// Reaction is a reaction the bot added to a message.
type Reaction struct {
	ChannelID, MessageID, Emoji string
}

// putReaction records the bot's reaction to a message, refusing one to a
// message that does not exist, as Discord does.
func (s *Server) putReaction(w http.ResponseWriter, r *http.Request) {
	re := Reaction{ChannelID: r.PathValue("channel"), MessageID: r.PathValue("message"), Emoji: r.PathValue("emoji")}
	s.mu.Lock()
	defer s.mu.Unlock()
	found := false
	for _, m := range s.messages {
		found = found || m.ID == re.MessageID && m.ChannelID == re.ChannelID && !m.deleted
	}
	switch {
	case !found:
		s.refuseLocked(w, http.StatusNotFound, 10008, "Unknown Message", "reaction %s to unknown message %s in channel %s", re.Emoji, re.MessageID, re.ChannelID)
		return
	case re.Emoji == "" || strings.ContainsAny(re.Emoji, " /"):
		s.refuseLocked(w, http.StatusBadRequest, 10014, "Unknown Emoji", "reaction with emoji %q", re.Emoji)
		return
	}
	s.reactions = append(s.reactions, re)
	s.notify()
	w.WriteHeader(http.StatusNoContent)
}

// Reactions lists the emoji of the bot's reactions to message id, one for
// each time it reacted, in order.
func (s *Server) Reactions(id string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reactionsLocked(id)
}

func (s *Server) reactionsLocked(id string) []string {
	var out []string
	for _, r := range s.reactions {
		if r.MessageID == id {
			out = append(out, r.Emoji)
		}
	}
	return out
}

// WaitReactions waits until the bot has reacted n times to message id,
// and returns its reactions so far.
func (s *Server) WaitReactions(id string, n int, timeout time.Duration) []string {
	var out []string
	s.waitFor(timeout, func() bool {
		out = s.reactionsLocked(id)
		return len(out) >= n
	})
	return out
}

// WaitChannel waits until the bot has sent n messages to channel, and
// returns the messages it sent there so far.
func (s *Server) WaitChannel(channel string, n int, timeout time.Duration) []*Message {
	return s.waitSent(n, timeout, func(m *Message) bool { return m.ChannelID == channel })
}
