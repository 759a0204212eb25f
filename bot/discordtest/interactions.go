package discordtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Interaction types and the option types tests use, as Discord numbers
// them.
const (
	TypeCommand      = 2
	TypeComponent    = 3
	TypeAutocomplete = 4

	OptionSubcommand = 1
	OptionString     = 3
	OptionInteger    = 4
	OptionBoolean    = 5
	OptionChannel    = 7
	OptionAttachment = 11
)

// Option is one option of a slash command as the user filled it in. A
// subcommand (OptionSubcommand) carries its own options in Options; an
// attachment option's Value is the id of one of InteractionSpec.Attachments.
type Option struct {
	Name    string
	Type    int
	Value   any
	Focused bool
	Options []Option
}

// Attachment is a file a user attached to a command option or a message.
// The fake serves Data at the attachment's URL, as Discord's CDN would;
// Size, when set, is what Discord reports instead of len(Data).
type Attachment struct {
	ID, Filename, ContentType string
	Data                      []byte
	Size                      int
	// Gone makes the CDN answer 404 for it, as for a file deleted since.
	Gone bool
}

func optionsJSON(opts []Option) []any {
	out := []any{}
	for _, o := range opts {
		m := map[string]any{"name": o.Name, "type": o.Type}
		if o.Type == OptionSubcommand {
			m["options"] = optionsJSON(o.Options)
		} else {
			m["value"] = o.Value
		}
		if o.Focused {
			m["focused"] = true
		}
		out = append(out, m)
	}
	return out
}

// User is a Discord user in the fake.
type User struct {
	ID       string
	Username string
	Bot      bool
}

func (u User) json() map[string]any {
	return map[string]any{"id": u.ID, "username": u.Username, "discriminator": "0", "global_name": u.Username, "avatar": nil, "bot": u.Bot}
}

// InteractionSpec describes an interaction a user triggers.
type InteractionSpec struct {
	Type    int // TypeCommand, TypeAutocomplete or TypeComponent
	Command string
	Options []Option
	// CustomID and Message are for a button click on Message.
	CustomID string
	Message  *Message
	User     User
	// InDM sends it from a DM; otherwise from ChannelID in the guild.
	InDM      bool
	ChannelID string
	// Permissions and Roles of the member, in a guild.
	Permissions int64
	Roles       []string
	// GuildID is the server it comes from: Server.GuildID when empty, or
	// one of Server.OtherGuildIDs.
	GuildID string
	// Attachments are files attached to the command's options.
	Attachments []Attachment
}

// Interaction is one interaction sent to the bot and what the bot answered.
type Interaction struct {
	ID, Token string
	Type      int
	Sent      time.Time
	// Callbacks are the interaction responses, in order; Discord accepts
	// only one.
	Callbacks []Callback
	// Edits are the bodies of edits to the original response.
	Edits    []*Message
	Followup []*Message
}

// Callback is one interaction response.
type Callback struct {
	Type    int
	Message *Message // for message responses (4, 7)
	Choices []map[string]any
	Flags   int
	At      time.Duration // after the interaction was sent
}

// Reply is what the user sees as the answer: the message response, or the
// latest edit of a deferred one; nil when there is none yet.
func (i Interaction) Reply() *Message {
	if len(i.Callbacks) == 0 {
		return nil
	}
	c := i.Callbacks[0]
	if len(i.Edits) > 0 {
		m := *i.Edits[len(i.Edits)-1]
		if c.Flags&64 != 0 {
			m.Flags |= 64
		}
		return &m
	}
	return c.Message
}

// Interact sends an interaction to the bot over the gateway. A command
// must have been registered, as Discord only offers registered ones.
func (s *Server) Interact(spec InteractionSpec) (*Interaction, error) {
	s.mu.Lock()
	it, payload, err := s.interaction(spec)
	if err != nil {
		s.mu.Unlock()
		return nil, err
	}
	it.Sent = time.Now()
	s.interactions[it.ID] = it
	s.mu.Unlock()
	s.Dispatch("INTERACTION_CREATE", payload)
	return it, nil
}

// InteractAll sends the interactions back to back, as fast as the gateway
// connection carries them: a burst, as when a popular server's members
// all ask at once. Discord makes them all at that moment, so each one's
// Sent, from which its 3 seconds run, is when the first was sent: time a
// slow client leaves them waiting in the connection counts against it.
func (s *Server) InteractAll(specs []InteractionSpec) ([]*Interaction, error) {
	its := make([]*Interaction, len(specs))
	payloads := make([]json.RawMessage, len(specs))
	s.mu.Lock()
	for i, spec := range specs {
		it, payload, err := s.interaction(spec)
		if err != nil {
			s.mu.Unlock()
			return nil, fmt.Errorf("interaction %d: %w", i, err)
		}
		its[i] = it
		if payloads[i], err = json.Marshal(payload); err != nil {
			s.mu.Unlock()
			return nil, fmt.Errorf("interaction %d: %w", i, err)
		}
	}
	now := time.Now()
	for _, it := range its {
		it.Sent = now
		s.interactions[it.ID] = it
	}
	s.mu.Unlock()
	for i := range its {
		s.Dispatch("INTERACTION_CREATE", payloads[i])
	}
	return its, nil
}

// interaction makes an interaction and its gateway payload from spec;
// call with mu held.
func (s *Server) interaction(spec InteractionSpec) (*Interaction, map[string]any, error) {
	it := &Interaction{ID: s.id(), Token: "itoken-" + s.id(), Type: spec.Type}
	payload := map[string]any{
		"id": it.ID, "application_id": s.AppID, "type": spec.Type, "token": it.Token, "version": 1,
		"locale": "en-US", "app_permissions": "2147485696", "entitlements": []any{},
	}
	channel := spec.ChannelID
	if channel == "" {
		channel = "1100000000000000200"
	}
	if spec.InDM {
		payload["channel_id"] = "1100000000000000300"
		payload["user"] = spec.User.json()
		payload["context"] = 1
	} else {
		payload["guild_id"] = s.GuildID
		if spec.GuildID != "" {
			payload["guild_id"] = spec.GuildID
		}
		payload["channel_id"] = channel
		roles := spec.Roles
		if roles == nil {
			roles = []string{}
		}
		payload["member"] = map[string]any{
			"user": spec.User.json(), "roles": roles, "permissions": strconv.FormatInt(spec.Permissions, 10),
			"joined_at": "2026-01-01T00:00:00+00:00", "deaf": false, "mute": false, "nick": nil,
		}
		payload["context"] = 0
	}
	switch spec.Type {
	case TypeCommand, TypeAutocomplete:
		cmd := s.findCommand(spec.Command, spec.InDM)
		if cmd == nil {
			return nil, nil, fmt.Errorf("command %q is not registered", spec.Command)
		}
		data := map[string]any{"id": cmd["id"], "name": spec.Command, "type": 1, "options": optionsJSON(spec.Options)}
		resolved := map[string]any{}
		if len(spec.Attachments) > 0 {
			atts := map[string]any{}
			for _, a := range spec.Attachments {
				atts[a.ID] = s.attachmentJSON(a)
			}
			resolved["attachments"] = atts
		}
		if chans := resolvedChannels(spec.Options, payload["guild_id"]); len(chans) > 0 {
			resolved["channels"] = chans
		}
		if len(resolved) > 0 {
			data["resolved"] = resolved
		}
		payload["data"] = data
	case TypeComponent:
		if spec.Message == nil {
			return nil, nil, fmt.Errorf("a button click needs the message it is on")
		}
		payload["data"] = map[string]any{"custom_id": spec.CustomID, "component_type": 2}
		payload["message"] = spec.Message.json(s)
	default:
		return nil, nil, fmt.Errorf("interaction type %d not supported", spec.Type)
	}
	return it, payload, nil
}

// attachmentJSON serves a's data at its URL from now on, as Discord's CDN
// would, and describes it as a message or interaction does; call with mu
// held.
func (s *Server) attachmentJSON(a Attachment) map[string]any {
	size := a.Size
	if size == 0 {
		size = len(a.Data)
	}
	if !a.Gone {
		s.attachments[a.ID] = a.Data
	}
	u := s.http.URL + "/attachments/" + a.ID + "/" + url.PathEscape(a.Filename)
	out := map[string]any{"id": a.ID, "filename": a.Filename, "size": size, "url": u, "proxy_url": u}
	if a.ContentType != "" {
		out["content_type"] = a.ContentType
	}
	return out
}

// resolvedChannels describes the channels chosen in channel options, as
// Discord resolves them: text channels of the interaction's server.
func resolvedChannels(opts []Option, guild any) map[string]any {
	out := map[string]any{}
	for _, o := range opts {
		if o.Type == OptionSubcommand {
			for id, c := range resolvedChannels(o.Options, guild) {
				out[id] = c
			}
		}
		if id, ok := o.Value.(string); ok && o.Type == OptionChannel {
			out[id] = map[string]any{"id": id, "name": "channel-" + id, "type": 0, "guild_id": guild,
				"permissions": "2147485696", "parent_id": nil}
		}
	}
	return out
}

// findCommand looks a command up where Discord would offer it; call with
// mu held.
func (s *Server) findCommand(name string, inDM bool) map[string]any {
	scopes := []string{"global"}
	if !inDM {
		scopes = append(scopes, s.GuildID)
	}
	for _, sc := range scopes {
		for _, c := range s.commands[sc] {
			if c["name"] == name {
				if inDM && (c["dm_permission"] == false || !allowsDM(c["contexts"])) {
					return nil
				}
				return c
			}
		}
	}
	return nil
}

// WaitReply waits for the interaction's final answer: a response, or the
// edit of a deferred one. It returns a copy of the interaction's record.
func (s *Server) WaitReply(it *Interaction, timeout time.Duration) (Interaction, bool) {
	ok := s.waitFor(timeout, func() bool {
		if len(it.Callbacks) == 0 {
			return false
		}
		switch it.Callbacks[0].Type {
		case 5, 6:
			return len(it.Edits) > 0
		}
		return true
	})
	s.mu.Lock()
	defer s.mu.Unlock()
	return *it, ok
}

func (s *Server) postCallback(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Type int            `json:"type"`
		Data map[string]any `json:"data"`
	}
	if !s.readBody(w, r, &body) {
		return
	}
	s.mu.Lock()
	it := s.interactions[r.PathValue("id")]
	s.mu.Unlock()
	if it == nil || it.Token != r.PathValue("token") {
		s.problem("callback for unknown interaction %s", r.PathValue("id"))
		writeError(w, http.StatusNotFound, 10062, "Unknown interaction")
		return
	}
	after := time.Since(it.Sent)
	if after > s.InteractionWindow {
		s.problem("interaction %s answered after %v, past Discord's %v", it.ID, after.Round(time.Millisecond), s.InteractionWindow)
		writeError(w, http.StatusNotFound, 10062, "Unknown interaction")
		return
	}
	cb := Callback{Type: body.Type, At: after}
	var errs []string
	allowed := map[int][]int{TypeCommand: {4, 5, 9}, TypeAutocomplete: {8}, TypeComponent: {4, 5, 6, 7, 9}}[it.Type]
	okType := false
	for _, t := range allowed {
		okType = okType || t == body.Type
	}
	if !okType {
		errs = append(errs, fmt.Sprintf("response type %d is not valid for interaction type %d", body.Type, it.Type))
	}
	switch body.Type {
	case 4, 7:
		m, e := s.parseMessage(body.Data, body.Type == 4)
		errs = append(errs, e...)
		cb.Message, cb.Flags = m, m.Flags
	case 5:
		if f, ok := body.Data["flags"].(float64); ok {
			cb.Flags = int(f)
		}
	case 8:
		cs, ok := body.Data["choices"].([]any)
		if !ok {
			errs = append(errs, "autocomplete result without a choices array")
		}
		if len(cs) > 25 {
			errs = append(errs, fmt.Sprintf("%d autocomplete choices, over 25", len(cs)))
		}
		for _, c := range cs {
			cm, _ := c.(map[string]any)
			name, _ := cm["name"].(string)
			if n := chars(name); n < 1 || n > 100 {
				errs = append(errs, fmt.Sprintf("choice name of %d characters", n))
			}
			if v, ok := cm["value"].(string); ok && chars(v) > 100 {
				errs = append(errs, fmt.Sprintf("choice value of %d characters", chars(v)))
			}
			cb.Choices = append(cb.Choices, cm)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(it.Callbacks) > 0 {
		s.refuseLocked(w, http.StatusBadRequest, 40060, "Interaction has already been acknowledged.", "interaction %s answered twice", it.ID)
		return
	}
	if len(errs) > 0 {
		s.refuseLocked(w, http.StatusBadRequest, 50035, "Invalid Form Body", "interaction %s callback: %v", it.ID, errs)
		return
	}
	it.Callbacks = append(it.Callbacks, cb)
	s.notify()
	w.WriteHeader(http.StatusNoContent)
}

// interactionByToken finds an interaction from a webhook route; call with
// mu held.
func (s *Server) interactionByToken(app, token string) *Interaction {
	if app != s.AppID {
		return nil
	}
	for _, it := range s.interactions {
		if it.Token == token {
			return it
		}
	}
	return nil
}

// webhookMessage reads a message sent to an interaction's webhook and
// finds the interaction; it answers the request itself when it cannot.
func (s *Server) webhookMessage(w http.ResponseWriter, r *http.Request, isNew bool) (*Interaction, *Message, []string) {
	var body map[string]any
	if !s.readBody(w, r, &body) {
		return nil, nil, nil
	}
	s.mu.Lock()
	it := s.interactionByToken(r.PathValue("app"), r.PathValue("token"))
	s.mu.Unlock()
	if it == nil || !isNew && r.PathValue("msg") != "@original" {
		s.problem("%s to unknown webhook message %s", r.Method, r.URL.Path)
		writeError(w, http.StatusNotFound, 10015, "Unknown Webhook")
		return nil, nil, nil
	}
	m, errs := s.parseMessage(body, isNew)
	return it, m, errs
}

func (s *Server) patchWebhookMessage(w http.ResponseWriter, r *http.Request) {
	it, m, errs := s.webhookMessage(w, r, false)
	if it == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(it.Callbacks) == 0 {
		s.refuseLocked(w, http.StatusNotFound, 10008, "Unknown Message", "interaction %s: original edited before any response", it.ID)
		return
	}
	if len(errs) > 0 {
		s.refuseLocked(w, http.StatusBadRequest, 50035, "Invalid Form Body", "interaction %s edit: %v", it.ID, errs)
		return
	}
	m.ID = it.ID
	it.Edits = append(it.Edits, m)
	s.notify()
	writeJSON(w, http.StatusOK, m.json(s))
}

func (s *Server) postFollowup(w http.ResponseWriter, r *http.Request) {
	it, m, errs := s.webhookMessage(w, r, true)
	if it == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(errs) > 0 || len(it.Callbacks) == 0 {
		s.refuseLocked(w, http.StatusBadRequest, 50035, "Invalid Form Body", "interaction %s follow-up: %v (responses %d)", it.ID, errs, len(it.Callbacks))
		return
	}
	m.ID = s.id()
	it.Followup = append(it.Followup, m)
	s.notify()
	writeJSON(w, http.StatusOK, m.json(s))
}

// allowsDM reads a command's contexts: absent means everywhere; 1 is the
// bot's DMs.
func allowsDM(contexts any) bool {
	l, ok := contexts.([]any)
	if !ok {
		return true
	}
	for _, c := range l {
		if c == float64(1) {
			return true
		}
	}
	return false
}
