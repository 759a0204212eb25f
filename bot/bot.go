// Package bot puts the fact base on Discord: slash commands with
// autocomplete, answers to mentions and DMs, and an admin reload. It is the
// only package that speaks to Discord (through discordgo); everything it
// knows about briefs comes from package facts.
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/briefbot/briefbot/bot/library"
	"github.com/briefbot/briefbot/facts"
)

// Config is what the bot needs to run. cmd/briefbot builds it from the
// environment.
type Config struct {
	// Token is the bot token, without the "Bot " prefix.
	Token string
	// GuildID, when set, registers the commands in that one server, where
	// they appear at once; otherwise they are global.
	GuildID string
	// APIURL, when set, receives every REST request in place of
	// https://discord.com (a REST proxy, or a test server); the gateway
	// address then comes from its /gateway answer.
	APIURL *url.URL
	// AdminUserIDs and AdminRoleIDs may reload, besides members with the
	// Administrator or Manage Server permission.
	AdminUserIDs []string
	AdminRoleIDs []string
	// CooldownQuestions per CooldownWindow per user; 0 disables.
	CooldownQuestions int
	CooldownWindow    time.Duration
	// Version of the program, shown by /source.
	Version string
	// Journal, when set, keeps every question and feedback vote; Reports,
	// when set, answers /unanswered and /feedback. Usually both are one
	// database.
	Journal Journal
	Reports Reports
	// Eraser, when set, deletes a user's records for /forget-me.
	Eraser Eraser
	// NoQuestionLog keeps no questions at all (LOG_QUESTIONS=off); votes
	// are still kept, without the questions they answered.
	NoQuestionLog bool
	// VoteKey signs the 👍/👎 buttons, so that a vote counts only for an
	// answer the bot gave, in the server it gave it in. The store keeps
	// one per install, so buttons stay good across restarts and shards;
	// when empty, New draws one that lasts as long as the process.
	VoteKey []byte
	// Metrics, when set, counts questions, reloads, votes and the gateway's
	// state for an operator.
	Metrics Metrics
	// BriefsDir is the directory the briefs load from, which /brief add
	// writes to and /brief remove moves out of; empty when the bot serves
	// its built-in brief, and then /brief refuses.
	BriefsDir string
	// Library, when set, keeps each server's own briefs and settings, and
	// the shared briefs as last loaded, for every process sharing it; it
	// tells the bot of changes made by any of them. Without it every
	// server is served the shared briefs alone.
	Library library.Store
	// Build makes a fact base of briefs (a server's own with the shared
	// ones); facts.New, with the knowledge loaded once, when nil.
	Build func(...*facts.Brief) (*facts.Base, error)
	// ShardID and ShardCount split a large bot's servers among several
	// processes (Discord requires it from 2,500 servers); ShardCount 0 or 1
	// is one process. Only shard 0 registers the commands.
	ShardID, ShardCount int
	// MessageContent asks Discord for the privileged Message Content
	// intent, which a briefs channel (/brief watch) needs: without it
	// Discord sends the bot the text of a server message only when the
	// message mentions it. The intent must be turned on for the bot in
	// the Discord developer portal too, or Discord refuses to connect.
	MessageContent bool
	// KeepCommands leaves the application's slash commands as they are at
	// start-up, for operators who set them with RegisterCommands once per
	// deploy: Discord limits how often they may be overwritten, and a
	// rolling restart of many shards would otherwise overwrite them each
	// time.
	KeepCommands bool
}

// Metrics counts what the bot does, for an operator's dashboard.
type Metrics interface {
	Question(via, kind string, latency time.Duration)
	Reload(result string)
	Vote(helpful bool)
	Reconnect()
	// Shed counts an interaction dropped under load: "expired" or "busy".
	Shed(reason string)
	Connected(up bool)
	Loaded(briefs, facts int)
}

// noMetrics counts nothing.
type noMetrics struct{}

func (noMetrics) Question(string, string, time.Duration) {}
func (noMetrics) Reload(string)                          {}
func (noMetrics) Vote(bool)                              {}
func (noMetrics) Reconnect()                             {}
func (noMetrics) Shed(string)                            {}
func (noMetrics) Connected(bool)                         {}
func (noMetrics) Loaded(int, int)                        {}

// Intents the bot asks for: guilds, guild messages and DMs. Discord
// delivers the content of messages that mention the bot and of DMs without
// the privileged message-content intent.
const Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages

// intents are Intents, and Message Content when the operator turned it on.
func (c Config) intents() discordgo.Intent {
	if c.MessageContent {
		return Intents | discordgo.IntentsMessageContent
	}
	return Intents
}

// ErrTokenRejected means Discord refused DISCORD_TOKEN; retrying cannot help.
var ErrTokenRejected = errors.New("bot token rejected by Discord (401 Unauthorized): check DISCORD_TOKEN")

// FactStore is what the bot needs of the fact base being served.
type FactStore interface {
	Base() *facts.Base
	Reload(load func() (*facts.Base, error)) (facts.Diff, error)
}

var _ FactStore = (*facts.Store)(nil)

// MessageSender posts a channel message; the Discord session is one.
type MessageSender interface {
	ChannelMessageSendComplex(channelID string, data *discordgo.MessageSend, options ...discordgo.RequestOption) (*discordgo.Message, error)
}

var _ MessageSender = (*discordgo.Session)(nil)

// typingBudget is how many times the question budget autocomplete gets:
// one question is typed in many keystrokes, each a request. More lets fast
// typists see choices longer; fewer protects the bot from a flood sooner.
const typingBudget = 20

// Bot answers questions about the fact base on Discord.
type Bot struct {
	cfg      Config
	store    FactStore
	load     func() (*facts.Base, error)
	log      *slog.Logger
	router   *Router
	cooldown *Cooldown // every way of asking: commands, buttons, mentions, DMs
	typing   *Cooldown // autocomplete, a keystroke at a time
	journal  Journal
	voteKey  []byte // signs the vote buttons; see Config.VoteKey
	metrics  Metrics
	web      *http.Client // fetches attached briefs
	convs    conversations
	now      func() time.Time

	loaded   atomic.Int64 // unix nanoseconds of the last successful load
	selfID   atomic.Pointer[string]
	inflight inflight
	state    atomic.Pointer[discordgo.State] // the gateway session's, once running
	guilds   guildSet                        // the servers the bot is in, outages included
	servers  *servers                        // each server's own fact base
	process  string                          // this process's id among those sharing the store
	watched  watchedChannels                 // each server's briefs channel
}

// New returns a bot serving store; load builds a fresh fact base for
// /reload and SIGHUP.
func New(cfg Config, store FactStore, load func() (*facts.Base, error), log *slog.Logger) *Bot {
	b := &Bot{
		cfg:      cfg,
		store:    store,
		load:     load,
		log:      log,
		cooldown: NewCooldown(cfg.CooldownQuestions, cfg.CooldownWindow),
		typing:   NewCooldown(typingBudget*cfg.CooldownQuestions, cfg.CooldownWindow),
		journal:  cfg.Journal,
		web:      &http.Client{Timeout: downloadTimeout},
		metrics:  cfg.Metrics,
		now:      time.Now,
		process:  newProcessID(),
	}
	if b.metrics == nil {
		b.metrics = noMetrics{}
	}
	if b.voteKey = cfg.VoteKey; len(b.voteKey) == 0 {
		b.voteKey = newVoteKey()
	}
	if base := store.Base(); base != nil {
		b.metrics.Loaded(len(base.Briefs()), base.Len())
	}
	b.loaded.Store(time.Now().UnixNano())
	build := cfg.Build
	if build == nil {
		know := sync.OnceValues(facts.LoadKnowledge)
		build = func(bs ...*facts.Brief) (*facts.Base, error) {
			k, err := know()
			if err != nil {
				return nil, err
			}
			return k.New(bs...)
		}
	}
	empty, err := build()
	if err != nil {
		log.Error("build an empty fact base", "err", err)
	}
	b.servers = newServers(cfg.Library, build, store.Base, empty, log)
	b.router = b.routes()
	return b
}

// Run connects to Discord, registers the commands and answers until ctx
// is done, then closes the gateway connection and returns nil. A rejected
// token returns an error wrapping ErrTokenRejected at once.
func (b *Bot) Run(ctx context.Context) error {
	s, err := discordgo.New("Bot " + b.cfg.Token)
	if err != nil {
		return fmt.Errorf("create Discord session: %w", err)
	}
	watching, stopWatching := context.WithCancel(ctx)
	waitWatching := b.watchLibrary(watching)
	defer func() { stopWatching(); waitWatching() }()
	s.Client = &http.Client{Timeout: 20 * time.Second, Transport: b.transport()}
	var l leash
	l.attach(s)
	defer l.end()
	s.Identify.Intents = b.cfg.intents()
	if b.cfg.ShardCount > 1 {
		s.ShardID, s.ShardCount = b.cfg.ShardID, b.cfg.ShardCount
	}
	b.trackGuilds(s)
	s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
		if r.User != nil {
			self := r.User.ID
			b.selfID.Store(&self)
			b.log.Info("connected to Discord", "bot", r.User.Username, "guilds", len(r.Guilds))
		}
		b.metrics.Connected(true)
	})
	s.AddHandler(func(*discordgo.Session, *discordgo.Resumed) {
		b.log.Info("gateway session resumed")
		b.metrics.Connected(true)
	})
	revoked := make(chan struct{})
	var probing atomic.Bool
	s.AddHandler(func(s *discordgo.Session, _ *discordgo.Disconnect) {
		b.log.Warn("gateway disconnected")
		b.metrics.Connected(false)
		b.metrics.Reconnect()
		// discordgo reconnects for ever; a token reset meanwhile would
		// keep it trying. One REST call per disconnect tells the two
		// apart, and a refused token stops the bot.
		if probing.CompareAndSwap(false, true) {
			go func() {
				defer probing.Store(false)
				if b.tokenRevoked(s) {
					select {
					case <-revoked:
					default:
						close(revoked)
					}
				}
			}()
		}
	})
	s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
		if !b.inflight.enter() {
			return // shutting down
		}
		defer b.inflight.leave()
		hctx := context.WithoutCancel(ctx)
		b.router.Serve(hctx, sessionResponder{s: s, i: ic.Interaction, ctx: hctx}, ic.Interaction)
	})
	s.AddHandler(func(s *discordgo.Session, mc *discordgo.MessageCreate) {
		if !b.inflight.enter() {
			return
		}
		defer b.inflight.leave()
		if b.onWatchedPost(context.WithoutCancel(ctx), s, mc.Message) {
			return
		}
		b.OnMessage(context.WithoutCancel(ctx), s, mc.Message)
	})
	s.AddHandler(func(s *discordgo.Session, mu *discordgo.MessageUpdate) {
		if b.inflight.enter() {
			defer b.inflight.leave()
			b.onWatchedEdit(context.WithoutCancel(ctx), s, mu.Message)
		}
	})
	s.AddHandler(func(_ *discordgo.Session, md *discordgo.MessageDelete) {
		if b.inflight.enter() {
			defer b.inflight.leave()
			b.onWatchedDelete(context.WithoutCancel(ctx), md.GuildID, md.ChannelID, md.ID)
		}
	})
	s.AddHandler(func(_ *discordgo.Session, md *discordgo.MessageDeleteBulk) {
		if b.inflight.enter() {
			defer b.inflight.leave()
			for _, id := range md.Messages {
				b.onWatchedDelete(context.WithoutCancel(ctx), md.GuildID, md.ChannelID, id)
			}
		}
	})
	b.state.Store(s.State)

	if err := b.open(ctx, s); err != nil {
		return err
	}
	if ctx.Err() != nil {
		return b.close(s)
	}
	if s.State.User == nil {
		_ = b.close(s)
		return errors.New("the Discord gateway's READY named no bot user")
	}
	self := s.State.User.ID
	b.selfID.Store(&self)
	appID := self
	if s.State.Application != nil && s.State.Application.ID != "" {
		appID = s.State.Application.ID
	}
	if b.cfg.ShardID == 0 && !b.cfg.KeepCommands {
		n, err := b.register(ctx, s, appID)
		if err != nil {
			_ = b.close(s)
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		b.log.Info("slash commands registered", "count", n, "guild", b.cfg.GuildID)
	} else if b.cfg.KeepCommands {
		b.log.Info("slash commands left as they are (REGISTER_COMMANDS=off)")
	} else {
		b.log.Info("serving as shard; shard 0 registers the commands", "shard", b.cfg.ShardID, "shards", b.cfg.ShardCount)
	}
	select {
	case <-ctx.Done():
		return b.close(s)
	case <-revoked:
		b.log.Error("bot token refused while running; stopping", "err", ErrTokenRejected)
		_ = b.close(s)
		return ErrTokenRejected
	}
}

// tokenRevoked asks Discord's REST API who the bot is: a 401 means the
// token no longer works, which no reconnect can mend.
func (b *Bot) tokenRevoked(s *discordgo.Session) bool {
	_, err := s.User("@me")
	return isUnauthorized(err)
}

// close ends the gateway connection and gives in-flight answers a moment.
func (b *Bot) close(s *discordgo.Session) error {
	b.log.Info("shutting down")
	if err := s.Close(); err != nil {
		b.log.Warn("close gateway", "err", err)
	}
	if !b.inflight.drain(3 * time.Second) {
		b.log.Warn("gave up waiting for answers in flight")
	}
	return nil
}

// open connects to the gateway, retrying a few times on network errors
// but never on a rejected token or refused intents.
func (b *Bot) open(ctx context.Context, s *discordgo.Session) error {
	wait := time.Second
	for attempt := 1; ; attempt++ {
		err := s.Open()
		if err == nil {
			return nil
		}
		if fatal := fatalOpen(err); fatal != nil {
			return fatal
		}
		via := "discord.com"
		if b.cfg.APIURL != nil {
			via = "DISCORD_API_URL=" + b.cfg.APIURL.String()
		}
		if attempt == 5 {
			return fmt.Errorf("connect to the Discord gateway (REST via %s): %w", via, err)
		}
		b.log.Warn("connect to the Discord gateway failed; retrying", "attempt", attempt, "in", wait, "via", via, "err", err)
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
		wait *= 2
	}
}

// fatalOpen turns the errors no retry can fix into a clear message.
func fatalOpen(err error) error {
	if isUnauthorized(err) {
		return ErrTokenRejected
	}
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		switch ce.Code {
		case 4004:
			return ErrTokenRejected
		case 4013, 4014:
			return fmt.Errorf("gateway intents refused by Discord (close %d %s): the bot asks for guilds, guild messages and direct messages, "+
				"and with MESSAGE_CONTENT=on for the privileged Message Content intent, which must then be turned on in the Discord developer portal", ce.Code, ce.Text)
		case 4010, 4011, 4012:
			return fmt.Errorf("gateway closed by Discord (close %d %s)", ce.Code, ce.Text)
		}
	}
	return nil
}

func isUnauthorized(err error) bool {
	var re *discordgo.RESTError
	return errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == http.StatusUnauthorized
}

// transport sends REST requests for discord.com to Config.APIURL instead.
func (b *Bot) transport() http.RoundTripper { return apiTransport(b.cfg.APIURL) }

// apiTransport sends REST requests for discord.com to api, when set.
func apiTransport(api *url.URL) http.RoundTripper {
	base := restTransport()
	if api == nil {
		return base
	}
	return rewriteTransport{base: base, target: api}
}

// restIdleConns is how many idle connections to Discord's API are kept
// for reuse. The standard library keeps two per host, so a burst of
// answers opened (and handshook) a connection for nearly every one; more
// keeps a few file descriptors and a little memory open while idle.
const restIdleConns = 128

// restTransport is the standard transport keeping more idle connections.
func restTransport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = restIdleConns
	t.MaxIdleConns = restIdleConns
	return t
}

// rewriteTransport points requests for Discord's API host at another
// scheme and host, path unchanged: a REST proxy or a test server.
type rewriteTransport struct {
	base   http.RoundTripper
	target *url.URL
}

var _ http.RoundTripper = rewriteTransport{}

func (t rewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	switch req.URL.Host {
	case "discord.com", "discordapp.com":
	default:
		return t.base.RoundTrip(req)
	}
	r := req.Clone(req.Context())
	r.URL.Scheme = t.target.Scheme
	r.URL.Host = t.target.Host
	r.Host = t.target.Host
	return t.base.RoundTrip(r)
}

// Reload loads the briefs again and swaps them in, unless a reload is
// already running (ErrReloading). A bad brief leaves the old facts serving.
// With a library, the new shared briefs are kept there for every process.
func (b *Bot) Reload() (facts.Diff, error) {
	d, err := b.swapShared(b.load)
	if err == nil && b.cfg.BriefsDir != "" {
		b.publishShared()
	}
	return d, err
}

// swapShared serves the shared base load builds, and drops every server
// base built on the old one.
func (b *Bot) swapShared(load func() (*facts.Base, error)) (facts.Diff, error) {
	d, err := b.store.Reload(load)
	switch {
	case errors.Is(err, ErrReloading):
		b.metrics.Reload("busy")
		return d, err
	case err != nil:
		b.metrics.Reload("failed")
		return d, err
	}
	b.metrics.Reload("ok")
	b.servers.forgetAll()
	base := b.store.Base()
	b.metrics.Loaded(len(base.Briefs()), base.Len())
	// Build the autocompletion list now rather than on a user's keystroke.
	base.Complete("", 1)
	b.loaded.Store(b.now().UnixNano())
	return d, nil
}

// ErrReloading means another reload is still running; the store's lock
// is the only one, so /reload and SIGHUP exclude each other.
var ErrReloading = facts.ErrReloading

func (b *Bot) self() string {
	if p := b.selfID.Load(); p != nil {
		return *p
	}
	return ""
}
