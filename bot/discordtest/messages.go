package discordtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Message is a message in the fake: one a user posted, or one the bot sent
// (a channel message, an interaction response or an edit).
type Message struct {
	ID, ChannelID, GuildID string
	Author                 User
	Content                string
	Embeds                 []Embed
	Components             []map[string]any
	Flags                  int
	// ReplyTo is the id of the message this one replies to.
	ReplyTo string
	// Pings are who Discord would notify for this message: "everyone",
	// "user:ID", "role:ID", "replied:ID". The bot must ping no one.
	Pings []string
	// AllowedMentions is what the bot sent, nil if it sent none.
	AllowedMentions map[string]any
	// Sent is the message's timestamp.
	Sent     time.Time
	mentions []User
	// What a user's post carries besides its text: the author's roles in
	// the server, files, the webhook that posted it, when it was last
	// edited and whether it was deleted; guarded by Server.mu.
	roles       []string
	attachments []Attachment
	webhookID   string
	edited      *time.Time
	deleted     bool
}

// Embed is the part of an embed the tests look at.
type Embed struct {
	Title       string  `json:"title,omitempty"`
	Description string  `json:"description,omitempty"`
	URL         string  `json:"url,omitempty"`
	Color       int     `json:"color,omitempty"`
	Fields      []Field `json:"fields,omitempty"`
	Footer      *struct {
		Text string `json:"text"`
	} `json:"footer,omitempty"`
	Author *struct {
		Name string `json:"name"`
	} `json:"author,omitempty"`
}

// Field is one embed field.
type Field struct {
	Name   string `json:"name"`
	Value  string `json:"value"`
	Inline bool   `json:"inline,omitempty"`
}

// Text is everything the message shows, for tests that search it.
func (m *Message) Text() string {
	var b strings.Builder
	b.WriteString(m.Content)
	for _, e := range m.Embeds {
		b.WriteString("\n" + e.Title + "\n" + e.Description)
		for _, f := range e.Fields {
			b.WriteString("\n" + f.Name + "\n" + f.Value)
		}
		if e.Footer != nil {
			b.WriteString("\n" + e.Footer.Text)
		}
	}
	return b.String()
}

// Ephemeral reports whether only the user who asked sees the message.
func (m *Message) Ephemeral() bool { return m.Flags&64 != 0 }

// CustomIDs lists the custom ids of the message's buttons.
func (m *Message) CustomIDs() []string {
	var ids []string
	for _, row := range m.Components {
		cs, _ := row["components"].([]any)
		for _, c := range cs {
			if cm, ok := c.(map[string]any); ok {
				if id, ok := cm["custom_id"].(string); ok {
					ids = append(ids, id)
				}
			}
		}
	}
	return ids
}

func (m *Message) json(s *Server) map[string]any {
	embeds := []any{}
	for _, e := range m.Embeds {
		embeds = append(embeds, e)
	}
	comps := []any{}
	for _, c := range m.Components {
		comps = append(comps, c)
	}
	mentions := []any{}
	for _, u := range m.mentions {
		mentions = append(mentions, u.json())
	}
	author := m.Author
	if author.ID == "" {
		author = User{ID: s.BotID, Username: "briefbot", Bot: true}
	}
	sent := m.Sent
	if sent.IsZero() {
		sent = time.Now()
	}
	var edited any
	if m.edited != nil {
		edited = m.edited.UTC().Format(time.RFC3339Nano)
	}
	atts := []any{}
	for _, a := range m.attachments {
		atts = append(atts, s.attachmentJSON(a))
	}
	out := map[string]any{
		"id": m.ID, "channel_id": m.ChannelID, "author": author.json(), "content": m.Content,
		"timestamp": sent.UTC().Format(time.RFC3339Nano), "edited_timestamp": edited, "tts": false,
		"mention_everyone": strings.Contains(m.Content, "@everyone"), "mentions": mentions, "mention_roles": []any{},
		"attachments": atts, "embeds": embeds, "components": comps, "pinned": false, "type": 0, "flags": m.Flags,
	}
	if m.GuildID != "" {
		out["guild_id"] = m.GuildID
	}
	if m.webhookID != "" {
		out["webhook_id"] = m.webhookID
	}
	if m.ReplyTo != "" {
		out["type"] = 19
		out["message_reference"] = map[string]any{"message_id": m.ReplyTo, "channel_id": m.ChannelID}
	}
	return out
}

// chars counts characters as Discord does, in code points.
func chars(s string) int { return utf8.RuneCountInString(s) }

// parseMessage decodes and validates a message body the bot sent. needBody
// says the message must show something (a new message, not an edit).
func (s *Server) parseMessage(body map[string]any, needBody bool) (*Message, []string) {
	raw, _ := json.Marshal(body)
	var in struct {
		Content         *string          `json:"content"`
		Embeds          []Embed          `json:"embeds"`
		Components      []map[string]any `json:"components"`
		Flags           int              `json:"flags"`
		AllowedMentions map[string]any   `json:"allowed_mentions"`
		Reference       *struct {
			MessageID       string `json:"message_id"`
			FailIfNotExists *bool  `json:"fail_if_not_exists"`
		} `json:"message_reference"`
	}
	m := &Message{}
	if err := json.Unmarshal(raw, &in); err != nil {
		return m, []string{"invalid message body: " + err.Error()}
	}
	if in.Content != nil {
		m.Content = *in.Content
	}
	m.Embeds, m.Components, m.Flags, m.AllowedMentions = in.Embeds, in.Components, in.Flags, in.AllowedMentions
	var errs []string
	if n := chars(m.Content); n > 2000 {
		errs = append(errs, fmt.Sprintf("content of %d characters, over 2000", n))
	}
	if needBody && strings.TrimSpace(m.Content) == "" && len(m.Embeds) == 0 && len(m.Components) == 0 {
		errs = append(errs, "Cannot send an empty message")
	}
	errs = append(errs, validateEmbeds(m.Embeds)...)
	errs = append(errs, validateComponents(m.Components)...)
	if m.Flags&^(4|64|4096) != 0 {
		errs = append(errs, fmt.Sprintf("flags %d not allowed", m.Flags))
	}
	if in.Reference != nil {
		m.ReplyTo = in.Reference.MessageID
	}
	m.Pings = pings(m.Content, in.AllowedMentions, m.ReplyTo, s)
	return m, errs
}

func validateEmbeds(es []Embed) []string {
	var errs []string
	if len(es) > 10 {
		errs = append(errs, fmt.Sprintf("%d embeds, over 10", len(es)))
	}
	total := 0
	for i, e := range es {
		check := func(what, v string, limit int) {
			n := chars(v)
			total += n
			if n > limit {
				errs = append(errs, fmt.Sprintf("embed %d %s of %d characters, over %d", i, what, n, limit))
			}
		}
		check("title", e.Title, 256)
		check("description", e.Description, 4096)
		if len(e.Fields) > 25 {
			errs = append(errs, fmt.Sprintf("embed %d has %d fields, over 25", i, len(e.Fields)))
		}
		for j, f := range e.Fields {
			if strings.TrimSpace(f.Name) == "" || strings.TrimSpace(f.Value) == "" {
				errs = append(errs, fmt.Sprintf("embed %d field %d is empty", i, j))
			}
			check("field name", f.Name, 256)
			check("field value", f.Value, 1024)
		}
		if e.Footer != nil {
			check("footer", e.Footer.Text, 2048)
		}
		if e.Author != nil {
			check("author", e.Author.Name, 256)
		}
		if e.URL != "" {
			if u, err := url.Parse(e.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				errs = append(errs, fmt.Sprintf("embed %d url %q is not a valid URL", i, e.URL))
			}
		}
		if e.Title == "" && e.Description == "" && len(e.Fields) == 0 && e.Footer == nil && e.Author == nil {
			errs = append(errs, fmt.Sprintf("embed %d is empty", i))
		}
	}
	if total > 6000 {
		errs = append(errs, fmt.Sprintf("embeds total %d characters, over 6000", total))
	}
	return errs
}

func validateComponents(rows []map[string]any) []string {
	var errs []string
	if len(rows) > 5 {
		errs = append(errs, fmt.Sprintf("%d action rows, over 5", len(rows)))
	}
	seen := map[string]bool{}
	for i, row := range rows {
		if t, _ := row["type"].(float64); t != 1 {
			errs = append(errs, fmt.Sprintf("component %d is type %v, not an action row", i, row["type"]))
			continue
		}
		cs, _ := row["components"].([]any)
		if len(cs) == 0 || len(cs) > 5 {
			errs = append(errs, fmt.Sprintf("action row %d has %d components", i, len(cs)))
		}
		for _, c := range cs {
			cm, _ := c.(map[string]any)
			if t, _ := cm["type"].(float64); t != 2 {
				continue
			}
			style, _ := cm["style"].(float64)
			label, _ := cm["label"].(string)
			id, _ := cm["custom_id"].(string)
			u, _ := cm["url"].(string)
			if style < 1 || style > 6 {
				errs = append(errs, fmt.Sprintf("button style %v", cm["style"]))
			}
			if chars(label) > 80 {
				errs = append(errs, fmt.Sprintf("button label of %d characters, over 80", chars(label)))
			}
			if style == 5 {
				if u == "" || id != "" {
					errs = append(errs, "link button needs a url and no custom_id")
				}
				continue
			}
			if id == "" || chars(id) > 100 {
				errs = append(errs, fmt.Sprintf("button custom_id of %d characters", chars(id)))
			}
			if seen[id] {
				errs = append(errs, fmt.Sprintf("custom_id %q used twice", id))
			}
			seen[id] = true
		}
	}
	return errs
}

var (
	userMention = regexp.MustCompile(`<@!?(\d+)>`)
	roleMention = regexp.MustCompile(`<@&(\d+)>`)
)

// pings works out who Discord would notify: mentions in the content are
// parsed unless allowed_mentions says otherwise, and a reply pings its
// author unless allowed_mentions is sent without replied_user.
func pings(content string, allowed map[string]any, replyTo string, s *Server) []string {
	parse := []string{"everyone", "users", "roles"}
	var users, roles []string
	if allowed != nil {
		parse = nil
		if p, ok := allowed["parse"].([]any); ok {
			for _, x := range p {
				if v, ok := x.(string); ok {
					parse = append(parse, v)
				}
			}
		}
		for _, k := range []string{"users", "roles"} {
			if l, ok := allowed[k].([]any); ok {
				for _, x := range l {
					if v, ok := x.(string); ok {
						if k == "users" {
							users = append(users, v)
						} else {
							roles = append(roles, v)
						}
					}
				}
			}
		}
	}
	var out []string
	if (strings.Contains(content, "@everyone") || strings.Contains(content, "@here")) && slices.Contains(parse, "everyone") {
		out = append(out, "everyone")
	}
	for _, m := range userMention.FindAllStringSubmatch(content, -1) {
		if slices.Contains(parse, "users") || slices.Contains(users, m[1]) {
			out = append(out, "user:"+m[1])
		}
	}
	for _, m := range roleMention.FindAllStringSubmatch(content, -1) {
		if slices.Contains(parse, "roles") || slices.Contains(roles, m[1]) {
			out = append(out, "role:"+m[1])
		}
	}
	if replyTo != "" {
		replied := allowed == nil
		if allowed != nil {
			replied, _ = allowed["replied_user"].(bool)
		}
		if replied {
			s.mu.Lock()
			for _, m := range s.messages {
				if m.ID == replyTo {
					out = append(out, "replied:"+m.Author.ID)
				}
			}
			s.mu.Unlock()
		}
	}
	return out
}

// Post sends a user's message to the bot over the gateway and returns it:
// in the home server's general channel, or in a DM. mention makes it
// mention the bot the way Discord does: "<@BOT>" in the content and the
// bot in the mentions list. PostIn posts anywhere, with more.
func (s *Server) Post(author User, content string, inDM, mention bool) *Message {
	if !inDM {
		return s.PostIn(PostSpec{Author: author, Content: content, Mention: mention})
	}
	s.mu.Lock()
	m := &Message{ID: s.id(), Author: author, Content: content, ChannelID: "1100000000000000300", Sent: time.Now()}
	if mention {
		m.mentions = append(m.mentions, User{ID: s.BotID, Username: "briefbot", Bot: true})
	}
	s.messages = append(s.messages, m)
	payload := s.gatewayMessage(m)
	s.mu.Unlock()
	s.Dispatch("MESSAGE_CREATE", payload)
	return m
}

// Messages returns the messages the bot sent to channels.
func (s *Server) Messages() []*Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*Message
	for _, m := range s.messages {
		if m.Author.ID == s.BotID {
			out = append(out, m)
		}
	}
	return out
}

// WaitReplies waits until the bot has replied n times to message id, and
// returns its replies so far.
func (s *Server) WaitReplies(id string, n int, timeout time.Duration) []*Message {
	return s.waitSent(n, timeout, func(m *Message) bool { return m.ReplyTo == id })
}

// waitSent waits until the bot has sent n messages that match, and
// returns those it sent so far.
func (s *Server) waitSent(n int, timeout time.Duration, match func(*Message) bool) []*Message {
	var out []*Message
	s.waitFor(timeout, func() bool {
		out = out[:0]
		for _, m := range s.messages {
			if m.Author.ID == s.BotID && match(m) {
				out = append(out, m)
			}
		}
		return len(out) >= n
	})
	return out
}

func (s *Server) postMessage(w http.ResponseWriter, r *http.Request) {
	var body map[string]any
	if !s.readBody(w, r, &body) {
		return
	}
	m, errs := s.parseMessage(body, true)
	m.ChannelID = r.PathValue("channel")
	s.mu.Lock()
	if m.ReplyTo != "" {
		found := false
		for _, x := range s.messages {
			found = found || x.ID == m.ReplyTo
		}
		if !found {
			errs = append(errs, "message_reference: Unknown message")
		}
	}
	if len(errs) > 0 {
		s.refuseLocked(w, http.StatusBadRequest, 50035, "Invalid Form Body", "channel message: %v", errs)
		s.mu.Unlock()
		return
	}
	m.ID = s.id()
	m.Author = User{ID: s.BotID, Username: "briefbot", Bot: true}
	for _, x := range s.messages {
		if x.ChannelID == m.ChannelID {
			m.GuildID = x.GuildID
		}
	}
	s.messages = append(s.messages, m)
	s.notify()
	payload := m.json(s)
	s.mu.Unlock()
	// Discord sends a bot its own messages too.
	s.Dispatch("MESSAGE_CREATE", payload)
	writeJSON(w, http.StatusOK, payload)
}
