// Package discordtest is a fake Discord for tests: an in-process server on
// loopback that speaks Discord's real protocol to the real discordgo
// client, pointed at it through the bot's API URL setting. It serves the
// REST routes a bot uses and the gateway (HELLO, IDENTIFY, READY,
// heartbeats, RESUME, per-message zlib frames), checks the "Bot <token>"
// authorization, and validates what the bot sends the way Discord does:
// message and embed limits, one callback per interaction within three
// seconds, allowed mentions. Anything Discord would refuse is answered
// with Discord's error and recorded as a problem, which fails the test.
package discordtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// Server is a fake Discord. Create it with New; its fields may be changed
// before the bot connects.
type Server struct {
	// Token is the bot token the server accepts.
	Token string
	// AppID, BotID and GuildID name the application, its bot user and the
	// one server the bot is in.
	AppID, BotID, GuildID string
	// OtherGuildIDs are further servers the bot is in; READY lists them
	// and each gets a GUILD_CREATE, as on Discord.
	OtherGuildIDs []string
	// HeartbeatInterval is sent in HELLO: Discord's 41.25 s unless a test
	// sets it. A short one makes a loaded machine miss acknowledgements,
	// and discordgo's reconnect after a missed one races its heartbeat
	// goroutine's logging (wsapi.go:83 against :302 in v0.29.0, unfixed
	// upstream), so tests reconnect only when they drop the connection.
	HeartbeatInterval time.Duration
	// InteractionWindow is how long an interaction may wait for its
	// callback: three seconds, as on Discord.
	InteractionWindow time.Duration
	// PrivilegedIntents are the privileged intents turned on for the
	// application in the developer portal (Message Content is 1<<15); a
	// bot asking for others is disconnected with 4014, as on Discord.
	PrivilegedIntents int64
	// Roles are each server's roles besides @everyone, by server id, as
	// its GUILD_CREATE delivers them.
	Roles map[string][]Role
	// OwnerIDs are the servers' owners, by server id; see Owner.
	OwnerIDs map[string]string

	t        testing.TB
	http     *httptest.Server
	upgrader websocket.Upgrader

	sendMu       sync.Mutex // orders gateway sends; taken before mu
	mu           sync.Mutex
	changed      chan struct{} // closed and replaced on every change
	nextID       uint64
	commands     map[string][]map[string]any // by scope: "global" or a guild id
	overwrites   int
	interactions map[string]*Interaction
	messages     []*Message
	problems     []string
	unauthorized int
	revoked      bool // RevokeToken was called
	sessions     map[string]*session
	current      *session
	identifies   int
	resumes      int
	intents      int64
	shard        [2]int
	attachments  map[string][]byte // by attachment id
	reactions    []Reaction
	downloads    int
	conns        []*gwConn
}

// New starts a fake Discord on loopback; it stops when the test ends, and
// the test fails if the bot sent anything Discord would refuse.
func New(t testing.TB) *Server {
	s := &Server{
		Token:             "fake-token",
		AppID:             "1100000000000000001",
		BotID:             "1100000000000000001",
		GuildID:           "1100000000000000100",
		HeartbeatInterval: 41250 * time.Millisecond,
		InteractionWindow: 3 * time.Second,
		t:                 t,
		changed:           make(chan struct{}),
		nextID:            1200000000000000000,
		commands:          map[string][]map[string]any{},
		attachments:       map[string][]byte{},
		interactions:      map[string]*Interaction{},
		sessions:          map[string]*session{},
	}
	// Assigned before the server starts, so its handlers, which read it,
	// happen after: a client in another process gives the race detector
	// no other order to see.
	s.http = httptest.NewUnstartedServer(s.routes())
	s.http.Start()
	t.Cleanup(func() {
		s.closeConns()
		s.http.Close()
		for _, p := range s.Problems() {
			t.Errorf("fake Discord refused: %s", p)
		}
	})
	return s
}

// URL is the server's base address, for the bot's API URL setting.
func (s *Server) URL() string { return s.http.URL }

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v9/gateway", s.getGateway)
	mux.HandleFunc("GET /api/v9/gateway/bot", s.auth(s.getGatewayBot))
	mux.HandleFunc("GET /api/v9/users/@me", s.auth(s.getMe))
	mux.HandleFunc("GET /{$}", s.gateway)
	mux.HandleFunc("PUT /api/v9/applications/{app}/commands", s.auth(s.putCommands))
	mux.HandleFunc("PUT /api/v9/applications/{app}/guilds/{guild}/commands", s.auth(s.putCommands))
	mux.HandleFunc("POST /api/v9/interactions/{id}/{token}/callback", s.postCallback)
	mux.HandleFunc("PATCH /api/v9/webhooks/{app}/{token}/messages/{msg}", s.patchWebhookMessage)
	mux.HandleFunc("POST /api/v9/webhooks/{app}/{token}", s.postFollowup)
	mux.HandleFunc("POST /api/v9/channels/{channel}/messages", s.auth(s.postMessage))
	mux.HandleFunc("PUT /api/v9/channels/{channel}/messages/{message}/reactions/{emoji}/@me", s.auth(s.putReaction))
	mux.HandleFunc("GET /attachments/{id}/{name}", s.getAttachment)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.problem("unexpected request %s %s", r.Method, r.URL.Path)
		writeError(w, http.StatusNotFound, 0, "404: Not Found")
	})
	return mux
}

// problem records something Discord would refuse.
func (s *Server) problem(format string, args ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.problems = append(s.problems, fmt.Sprintf(format, args...))
	s.notify()
}

// refuseLocked records a problem and answers with Discord's error; call
// with mu held.
func (s *Server) refuseLocked(w http.ResponseWriter, status, code int, msg, format string, args ...any) {
	s.problems = append(s.problems, fmt.Sprintf(format, args...))
	s.notify()
	writeError(w, status, code, msg)
}

// notify wakes whoever waits for a change; call with mu held.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// Problems lists what the bot sent that Discord would have refused.
func (s *Server) Problems() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.problems...)
}

// Unauthorized counts requests refused for a wrong token.
func (s *Server) Unauthorized() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.unauthorized
}

// waitFor polls cond (called with mu held) until it is true or timeout.
func (s *Server) waitFor(timeout time.Duration, cond func() bool) bool {
	deadline := time.After(timeout)
	for {
		s.mu.Lock()
		ok := cond()
		ch := s.changed
		s.mu.Unlock()
		if ok {
			return true
		}
		select {
		case <-ch:
		case <-deadline:
			return false
		}
	}
}

func (s *Server) id() string {
	s.nextID++
	return strconv.FormatUint(s.nextID, 10)
}

// RevokeToken makes the server refuse the bot's token from now on, as
// Discord does once a token is reset: REST answers 401, and the gateway
// closes with 4004 on the next IDENTIFY or RESUME.
func (s *Server) RevokeToken() {
	s.mu.Lock()
	s.revoked = true
	s.mu.Unlock()
}

// accepts reports whether token (without "Bot ") is the bot's, unrevoked.
func (s *Server) accepts(token string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.revoked && token == s.Token
}

// auth wraps a route that needs the bot's token.
func (s *Server) auth(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if h := r.Header.Get("Authorization"); !strings.HasPrefix(h, "Bot ") || !s.accepts(h[len("Bot "):]) {
			s.mu.Lock()
			s.unauthorized++
			s.notify()
			s.mu.Unlock()
			writeError(w, http.StatusUnauthorized, 0, "401: Unauthorized")
			return
		}
		h(w, r)
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status, code int, msg string) {
	writeJSON(w, status, map[string]any{"code": code, "message": msg})
}

// readBody decodes a JSON request body; the bot must send JSON.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request, v any) bool {
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		s.problem("%s %s: content type %q, not JSON", r.Method, r.URL.Path, ct)
		writeError(w, http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
		return false
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err == nil {
		err = json.Unmarshal(b, v)
	}
	if err != nil {
		s.problem("%s %s: invalid JSON: %v", r.Method, r.URL.Path, err)
		writeError(w, http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
		return false
	}
	return true
}

func (s *Server) getGateway(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"url": s.wsURL()})
}

func (s *Server) getGatewayBot(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"url": s.wsURL(), "shards": 1,
		"session_start_limit": map[string]any{"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1},
	})
}

func (s *Server) botUser() map[string]any {
	return map[string]any{"id": s.BotID, "username": "briefbot", "discriminator": "0", "global_name": nil, "avatar": nil, "bot": true}
}

func (s *Server) getMe(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, s.botUser())
}

// Commands returns the commands registered in scope: "" for global, or a
// guild id.
func (s *Server) Commands(scope string) []map[string]any {
	if scope == "" {
		scope = "global"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]map[string]any(nil), s.commands[scope]...)
}

// ShareCommands gives s the commands registered on from, in every scope.
// Discord keeps one set of commands per application, which every shard's
// connection sees, while only shard 0 registers them; a test that runs
// each shard on its own fake Discord shares them this way.
func (s *Server) ShareCommands(from *Server) {
	from.mu.Lock()
	cmds := make(map[string][]map[string]any, len(from.commands))
	for scope, list := range from.commands {
		cmds[scope] = append([]map[string]any(nil), list...)
	}
	from.mu.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	for scope, list := range cmds {
		s.commands[scope] = list
	}
}

// Overwrites counts bulk overwrites of commands.
func (s *Server) Overwrites() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.overwrites
}

// WaitCommands waits until commands are registered in scope.
func (s *Server) WaitCommands(scope string, timeout time.Duration) bool {
	if scope == "" {
		scope = "global"
	}
	return s.waitFor(timeout, func() bool { return len(s.commands[scope]) > 0 })
}

func (s *Server) putCommands(w http.ResponseWriter, r *http.Request) {
	if r.PathValue("app") != s.AppID {
		s.problem("commands registered for application %s, not %s", r.PathValue("app"), s.AppID)
		writeError(w, http.StatusForbidden, 50001, "Missing Access")
		return
	}
	scope := "global"
	if g := r.PathValue("guild"); g != "" {
		if g != s.GuildID {
			writeError(w, http.StatusForbidden, 50001, "Missing Access")
			return
		}
		scope = g
	}
	var cmds []map[string]any
	if !s.readBody(w, r, &cmds) {
		return
	}
	if cmds == nil {
		s.problem("bulk overwrite: a null body; Discord wants a list, empty to remove every command")
		writeError(w, http.StatusBadRequest, 50035, "Invalid Form Body")
		return
	}
	if errs := validateCommands(cmds); len(errs) > 0 {
		s.problem("bulk overwrite: %s", strings.Join(errs, "; "))
		writeError(w, http.StatusBadRequest, 50035, "Invalid Form Body")
		return
	}
	s.mu.Lock()
	for _, c := range cmds {
		c["id"] = s.id()
		c["application_id"] = s.AppID
		c["version"] = s.id()
		if c["type"] == nil {
			c["type"] = 1
		}
		if scope != "global" {
			c["guild_id"] = scope
		}
	}
	s.commands[scope] = cmds
	s.overwrites++
	s.notify()
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, cmds)
}

// wsURL is the gateway address handed out by /gateway, like Discord's
// "wss://gateway.discord.gg": a host and no path.
func (s *Server) wsURL() string { return "ws" + strings.TrimPrefix(s.http.URL, "http") }

// TakeProblems returns the problems recorded so far and forgets them, for
// tests that provoke Discord's refusals on purpose.
func (s *Server) TakeProblems() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.problems
	s.problems = nil
	return p
}

// getAttachment serves an attached file, as Discord's CDN does (no token).
func (s *Server) getAttachment(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	data, ok := s.attachments[r.PathValue("id")]
	if ok {
		s.downloads++
	}
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	_, _ = w.Write(data)
}

// Downloads is how many attachments have been fetched.
func (s *Server) Downloads() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.downloads
}
