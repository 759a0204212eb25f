package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Responder sends the answer to one interaction. The Discord session does
// it in production (sessionResponder); Recorder does it in tests.
type Responder interface {
	Respond(resp *discordgo.InteractionResponse) error
	EditOriginal(edit *discordgo.WebhookEdit) error
}

// Request is one interaction being handled.
type Request struct {
	*discordgo.Interaction
	// Received is when the interaction arrived, for the latency in logs.
	Received time.Time
}

// UserID is who sent the interaction, in a server or a DM.
func (r *Request) UserID() string {
	if r.Member != nil && r.Member.User != nil {
		return r.Member.User.ID
	}
	if r.User != nil {
		return r.User.ID
	}
	return ""
}

// String option value by name, "" when absent.
func (r *Request) String(name string) string {
	if o := r.option(name); o != nil {
		if s, ok := o.Value.(string); ok {
			return s
		}
	}
	return ""
}

// Bool option value by name, false when absent.
func (r *Request) Bool(name string) bool {
	if o := r.option(name); o != nil {
		if b, ok := o.Value.(bool); ok {
			return b
		}
	}
	return false
}

// Int option value by name, def when absent. Discord sends integers as
// JSON numbers, which decode as float64.
func (r *Request) Int(name string, def int) int {
	if o := r.option(name); o != nil {
		if f, ok := o.Value.(float64); ok && f >= math.MinInt32 && f <= math.MaxInt32 {
			return int(f)
		}
	}
	return def
}

// Focused is the autocomplete option being typed and its text so far.
func (r *Request) Focused() (name, typed string) {
	if r.Type != discordgo.InteractionApplicationCommandAutocomplete {
		return "", ""
	}
	for _, o := range r.ApplicationCommandData().Options {
		if o.Focused {
			s, _ := o.Value.(string)
			return o.Name, s
		}
	}
	return "", ""
}

func (r *Request) option(name string) *discordgo.ApplicationCommandInteractionDataOption {
	if r.Type != discordgo.InteractionApplicationCommand && r.Type != discordgo.InteractionApplicationCommandAutocomplete {
		return nil
	}
	for _, o := range r.ApplicationCommandData().Options {
		if o.Name == name {
			return o
		}
	}
	return nil
}

// HandlerFunc handles one interaction, answering through w. A returned
// error is logged and the user gets a short apology.
type HandlerFunc func(ctx context.Context, w *ResponseWriter, r *Request) error

// Router sends each interaction to the handler registered for its command
// name, or for the prefix of a component's custom id.
type Router struct {
	commands     map[string]HandlerFunc
	autocomplete map[string]HandlerFunc
	components   map[string]HandlerFunc
	private      map[string]bool // commands whose answers only the asker sees
	log          *slog.Logger
	// DeferAfter is how long a handler may take before the router
	// acknowledges the interaction for it, inside Discord's 3 seconds.
	DeferAfter time.Duration
	admit      *admission // nil: every interaction is handled at once
}

// Limit handles at most active interactions at once; the others are
// acknowledged at once and wait their turn (see admission). shed, when
// not nil, counts the ones dropped and why.
func (rt *Router) Limit(active int, shed func(reason string)) {
	if shed == nil {
		shed = func(string) {}
	}
	rt.admit = newAdmission(active, shed)
}

// NewRouter returns an empty router logging to log.
func NewRouter(log *slog.Logger) *Router {
	return &Router{
		commands:     map[string]HandlerFunc{},
		autocomplete: map[string]HandlerFunc{},
		components:   map[string]HandlerFunc{},
		private:      map[string]bool{},
		log:          log,
		DeferAfter:   2 * time.Second,
	}
}

// Command registers h for the slash command name.
func (rt *Router) Command(name string, h HandlerFunc) { rt.commands[name] = h }

// Private marks commands whose answers only the asker sees (admin views,
// reloads): when one is slow, its "thinking…" is ephemeral too, so the
// answer that replaces it never shows to the channel. Other commands are
// private when their "private" option is set.
func (rt *Router) Private(names ...string) {
	for _, n := range names {
		rt.private[n] = true
	}
}

// Autocomplete registers h for autocompletion of the command name.
func (rt *Router) Autocomplete(name string, h HandlerFunc) { rt.autocomplete[name] = h }

// Component registers h for buttons whose custom id is prefix or starts
// with prefix followed by a colon.
func (rt *Router) Component(prefix string, h HandlerFunc) { rt.components[prefix] = h }

func (rt *Router) route(i *discordgo.Interaction) (HandlerFunc, string) {
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		name := i.ApplicationCommandData().Name
		return rt.commands[name], "/" + name
	case discordgo.InteractionApplicationCommandAutocomplete:
		name := i.ApplicationCommandData().Name
		return rt.autocomplete[name], "/" + name + " autocomplete"
	case discordgo.InteractionMessageComponent:
		id := i.MessageComponentData().CustomID
		prefix, _, _ := strings.Cut(id, ":")
		return rt.components[prefix], "button " + prefix
	}
	return nil, fmt.Sprintf("interaction type %d", i.Type)
}

// Serve handles one interaction to the end: it routes it, acknowledges it
// if the handler is slow, recovers a panic, and makes sure the user sees an
// answer or an apology, never "This interaction failed".
func (rt *Router) Serve(ctx context.Context, resp Responder, i *discordgo.Interaction) {
	if i == nil || i.Data == nil && i.Type != discordgo.InteractionPing {
		rt.log.Warn("interaction without data ignored")
		return
	}
	r := &Request{Interaction: i, Received: time.Now()}
	w := &ResponseWriter{resp: resp, kind: i.Type}
	h, what := rt.route(i)
	if i.Type == discordgo.InteractionPing {
		w.send(&discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
		return
	}
	if h == nil {
		rt.log.Warn("no handler for interaction", "what", what, "user", r.UserID(), "guild", i.GuildID)
		if i.Type != discordgo.InteractionApplicationCommandAutocomplete {
			rt.fail(w, r, what, errors.New("unknown command"))
		} else {
			rt.finish(w, r, what, w.Choices(nil))
		}
		return
	}
	ephemeral := r.Bool("private") ||
		i.Type == discordgo.InteractionApplicationCommand && rt.private[i.ApplicationCommandData().Name]
	if rt.admit != nil {
		if !rt.enter(ctx, w, r, what, ephemeral) {
			return
		}
		defer rt.admit.release()
	}
	if i.Type != discordgo.InteractionApplicationCommandAutocomplete && rt.DeferAfter > 0 {
		t := time.AfterFunc(rt.DeferAfter, func() {
			if err := w.Defer(ephemeral); err != nil && !errors.Is(err, errAnswered) {
				rt.log.Error("defer slow interaction", "what", what, "err", err)
			}
		})
		defer t.Stop()
	}
	err := func() (err error) {
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("panic: %v\n%s", p, debug.Stack())
			}
		}()
		return h(ctx, w, r)
	}()
	rt.finish(w, r, what, err)
}

// busyText tells a member their question was not taken: the bot's line
// of waiting questions is full.
const busyText = "I'm answering a great many questions right now; please ask again in a minute."

// enter takes a slot for the interaction: at once when one is free;
// otherwise it acknowledges the interaction first, so that Discord keeps
// it while it waits. It reports false, having answered or dropped the
// interaction, when it must not be handled.
func (rt *Router) enter(ctx context.Context, w *ResponseWriter, r *Request, what string, ephemeral bool) bool {
	a := rt.admit
	if a.try() {
		return true
	}
	auto := r.Type == discordgo.InteractionApplicationCommandAutocomplete
	if a.expired(r.Received) {
		a.shed("expired")
		rt.log.Debug("interaction dropped: too old to acknowledge", "what", what, "user", r.UserID())
		return false
	}
	if !auto {
		if err := w.Defer(ephemeral); err != nil {
			rt.log.Warn("acknowledge a waiting interaction", "what", what, "err", err)
		}
	}
	if !a.wait(ctx) {
		a.shed("busy")
		rt.log.Warn("interaction dropped: too many waiting", "what", what, "user", r.UserID(), "guild", r.GuildID)
		if auto {
			_ = w.Choices(nil)
		} else if err := w.Reply(Message{Content: busyText, Ephemeral: true}); err != nil {
			rt.log.Warn("tell a member the bot is busy", "what", what, "err", err)
		}
		return false
	}
	// Suggestions cannot be deferred: once Discord has given up on them,
	// working them out is waste.
	if auto && a.expired(r.Received) {
		a.release()
		a.shed("expired")
		return false
	}
	return true
}

func (rt *Router) finish(w *ResponseWriter, r *Request, what string, err error) {
	if err != nil {
		rt.fail(w, r, what, err)
		return
	}
	if !w.answered() {
		rt.fail(w, r, what, errors.New("handler sent no reply"))
	}
}

// apology is all a user sees of a failure; the cause goes to the log.
const apology = "Sorry, something went wrong while answering that. Please try again in a moment."

func (rt *Router) fail(w *ResponseWriter, r *Request, what string, cause error) {
	rt.log.Error("interaction failed", "what", what, "user", r.UserID(), "guild", r.GuildID, "err", cause)
	if r.Type == discordgo.InteractionApplicationCommandAutocomplete {
		if !w.answered() {
			_ = w.Choices(nil)
		}
		return
	}
	if err := w.Reply(Message{Content: apology, Ephemeral: true}); err != nil && !errors.Is(err, errAnswered) {
		rt.log.Error("send apology", "what", what, "err", err)
	}
}

// errAnswered means the interaction already has its final reply.
var errAnswered = errors.New("interaction already answered")

// ResponseWriter enforces Discord's rule of one response per interaction:
// the first Reply responds, a Reply after a Defer edits the deferred
// message, and anything after the final reply is refused. Every message
// is cut to Discord's limits and mentions nobody.
type ResponseWriter struct {
	resp     Responder
	kind     discordgo.InteractionType
	mu       sync.Mutex
	state    int // 0 new, 1 deferred, 2 answered
	deferEph bool
}

const (
	stateNew = iota
	stateDeferred
	stateAnswered
)

func (w *ResponseWriter) answered() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.state == stateAnswered
}

func (w *ResponseWriter) send(r *discordgo.InteractionResponse) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.state != stateNew {
		return errAnswered
	}
	w.state = stateAnswered
	return w.resp.Respond(r)
}

// Defer acknowledges the interaction now and answers later: a "thinking…"
// message for commands, a silent acknowledgement for buttons.
func (w *ResponseWriter) Defer(ephemeral bool) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	switch w.state {
	case stateDeferred:
		return nil // already acknowledged: by the router, while it waited
	case stateAnswered:
		return errAnswered
	}
	w.state = stateDeferred
	w.deferEph = ephemeral
	t := discordgo.InteractionResponseDeferredChannelMessageWithSource
	if w.kind == discordgo.InteractionMessageComponent {
		t = discordgo.InteractionResponseDeferredMessageUpdate
	}
	var data *discordgo.InteractionResponseData
	if t == discordgo.InteractionResponseDeferredChannelMessageWithSource {
		data = &discordgo.InteractionResponseData{AllowedMentions: noMentions()}
		if ephemeral {
			data.Flags = discordgo.MessageFlagsEphemeral
		}
	}
	return w.resp.Respond(&discordgo.InteractionResponse{Type: t, Data: data})
}

// Reply sends m as the interaction's answer, or as the edit of its deferred
// answer. A deferred answer keeps the visibility chosen when deferring.
func (w *ResponseWriter) Reply(m Message) error {
	return w.reply(m, discordgo.InteractionResponseChannelMessageWithSource)
}

// Update replaces the message a button belongs to with m.
func (w *ResponseWriter) Update(m Message) error {
	if w.kind != discordgo.InteractionMessageComponent {
		return w.Reply(m)
	}
	return w.reply(m, discordgo.InteractionResponseUpdateMessage)
}

func (w *ResponseWriter) reply(m Message, t discordgo.InteractionResponseType) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	switch w.state {
	case stateAnswered:
		return errAnswered
	case stateDeferred:
		w.state = stateAnswered
		return w.resp.EditOriginal(m.webhookEdit())
	}
	w.state = stateAnswered
	if t == discordgo.InteractionResponseUpdateMessage {
		m.Ephemeral = false // an update keeps the message's own flags
	}
	return w.resp.Respond(&discordgo.InteractionResponse{Type: t, Data: m.responseData()})
}

// Choices answers an autocomplete interaction.
func (w *ResponseWriter) Choices(c []*discordgo.ApplicationCommandOptionChoice) error {
	return w.send(&discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: fitChoices(c)},
	})
}

// sessionResponder answers through the Discord session.
type sessionResponder struct {
	s   *discordgo.Session
	i   *discordgo.Interaction
	ctx context.Context
}

var _ Responder = sessionResponder{}

func (r sessionResponder) Respond(resp *discordgo.InteractionResponse) error {
	var err error
	if resp.Type == discordgo.InteractionApplicationCommandAutocompleteResult {
		// discordgo drops an empty choices list, which Discord requires.
		endpoint := discordgo.EndpointInteractionResponse(r.i.ID, r.i.Token)
		body := autocompleteResult{Type: resp.Type}
		body.Data.Choices = []*discordgo.ApplicationCommandOptionChoice{}
		if resp.Data != nil && resp.Data.Choices != nil {
			body.Data.Choices = resp.Data.Choices
		}
		_, err = r.s.RequestWithBucketID("POST", endpoint, body, endpoint, discordgo.WithContext(r.ctx))
	} else {
		err = r.s.InteractionRespond(r.i, resp, discordgo.WithContext(r.ctx))
	}
	if err != nil {
		return fmt.Errorf("respond to interaction: %w", err)
	}
	return nil
}

func (r sessionResponder) EditOriginal(edit *discordgo.WebhookEdit) error {
	if _, err := r.s.InteractionResponseEdit(r.i, edit, discordgo.WithContext(r.ctx)); err != nil {
		return fmt.Errorf("edit interaction response: %w", err)
	}
	return nil
}

// autocompleteResult is the body of an autocomplete answer, choices always
// present.
type autocompleteResult struct {
	Type discordgo.InteractionResponseType `json:"type"`
	Data struct {
		Choices []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
	} `json:"data"`
}
