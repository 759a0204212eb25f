package discordtest

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// session is a gateway session: it outlives a dropped connection so that
// the client can resume it and receive what it missed.
type session struct {
	id       string
	seq      int64
	compress bool
	sent     []sentEvent
	conn     *gwConn
}

type sentEvent struct {
	seq     int64
	payload []byte
}

type gwConn struct {
	ws       *websocket.Conn
	wmu      sync.Mutex
	compress bool
	zw       *zlib.Writer // reused under wmu: a fresh one allocates its whole window
	sess     *session     // guarded by Server.mu; nil until IDENTIFY or RESUME
}

// write sends one payload, zlib-compressed in a binary frame when the
// client asked for compression: each message its own zlib stream.
func (c *gwConn) write(payload []byte) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_ = c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	if !c.compress {
		return c.ws.WriteMessage(websocket.TextMessage, payload)
	}
	var buf bytes.Buffer
	if c.zw == nil {
		c.zw = zlib.NewWriter(&buf)
	} else {
		c.zw.Reset(&buf)
	}
	_, _ = c.zw.Write(payload)
	_ = c.zw.Close()
	return c.ws.WriteMessage(websocket.BinaryMessage, buf.Bytes())
}

func (c *gwConn) closeWith(code int, text string) {
	c.wmu.Lock()
	_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, text), time.Now().Add(time.Second))
	c.wmu.Unlock()
	_ = c.ws.Close()
}

// Privileged intents need approval in the Developer Portal; a bot that
// asks for them without it is disconnected with 4014.
const privilegedIntents = 1<<1 | 1<<8 | 1<<15

// Identifies and Resumes count IDENTIFY and successful RESUME payloads.
func (s *Server) Identifies() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.identifies
}

// Resumes counts successful RESUMEs.
func (s *Server) Resumes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.resumes
}

// Intents are the intents of the last IDENTIFY.
func (s *Server) Intents() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.intents
}

// IdentifiedShard is the [shard id, shard count] of the last IDENTIFY.
func (s *Server) IdentifiedShard() [2]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.shard
}

// WaitReady waits until a client has identified and been sent READY.
func (s *Server) WaitReady(timeout time.Duration) bool {
	return s.waitFor(timeout, func() bool { return s.current != nil && s.current.conn != nil })
}

// Connected reports whether a client is connected to the current session.
func (s *Server) Connected() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.current != nil && s.current.conn != nil
}

// WaitResumed waits until n resumes have happened and the client is
// connected again.
func (s *Server) WaitResumed(n int, timeout time.Duration) bool {
	return s.waitFor(timeout, func() bool { return s.resumes >= n && s.current != nil && s.current.conn != nil })
}

// WaitDisconnected waits until no client is connected.
func (s *Server) WaitDisconnected(timeout time.Duration) bool {
	return s.waitFor(timeout, func() bool {
		for _, c := range s.conns {
			if c != nil {
				return false
			}
		}
		return true
	})
}

// DropGateway cuts the client's gateway connection without a close frame,
// as a network failure would. The session stays resumable.
func (s *Server) DropGateway() {
	s.mu.Lock()
	var c *gwConn
	if s.current != nil {
		c = s.current.conn
		s.current.conn = nil
	}
	s.notify()
	s.mu.Unlock()
	if c != nil {
		_ = c.ws.UnderlyingConn().Close()
	}
}

// RequestReconnect sends op 7 Reconnect, as Discord does before moving a
// session: the client should reconnect and resume.
func (s *Server) RequestReconnect() { s.sendOp(7, nil, false) }

// InvalidateSession sends op 9 Invalid Session (not resumable): the client
// must identify again on the same connection.
func (s *Server) InvalidateSession() { s.sendOp(9, false, true) }

// CloseGateway closes the connection with a close code, as Discord does
// on errors; 4000 to 4009 leave the session resumable.
func (s *Server) CloseGateway(code int) {
	s.mu.Lock()
	var c *gwConn
	if s.current != nil {
		c = s.current.conn
	}
	s.mu.Unlock()
	if c != nil {
		c.closeWith(code, "closed by the test")
	}
}

func (s *Server) sendOp(op int, d any, forget bool) {
	s.mu.Lock()
	var c *gwConn
	if cur := s.current; cur != nil {
		c = cur.conn
		if forget {
			delete(s.sessions, cur.id)
			cur.conn = nil
			if c != nil {
				c.sess = nil
			}
		}
	}
	s.mu.Unlock()
	if c != nil {
		payload, _ := json.Marshal(map[string]any{"op": op, "s": nil, "t": nil, "d": d})
		_ = c.write(payload)
	}
}

func (s *Server) closeConns() {
	s.mu.Lock()
	conns := append([]*gwConn(nil), s.conns...)
	s.mu.Unlock()
	for _, c := range conns {
		if c != nil {
			_ = c.ws.UnderlyingConn().Close()
		}
	}
}

// Dispatch sends an event to the bot on the current session. While the
// connection is down, events wait in the session for a RESUME.
func (s *Server) Dispatch(event string, data any) {
	// Written under sendMu so that events arrive in sequence order, as the
	// client keeps only the last sequence number it saw for RESUME; not
	// under mu, so that a client slow to read a burst holds up no REST
	// call.
	s.sendMu.Lock()
	defer s.sendMu.Unlock()
	s.mu.Lock()
	sess := s.current
	if sess == nil {
		s.mu.Unlock()
		s.t.Errorf("fake Discord: %s dispatched before the bot connected", event)
		return
	}
	c, payload := s.sequence(sess, event, data)
	s.mu.Unlock()
	if c != nil {
		_ = c.write(payload)
	}
}

// sequence numbers an event on sess and keeps it for replay; call with mu
// held. It returns the connection to send it on, if any.
func (s *Server) sequence(sess *session, event string, data any) (*gwConn, []byte) {
	sess.seq++
	var payload []byte
	if raw, ok := data.(json.RawMessage); ok {
		// Marshalled beforehand (InteractAll), so a burst costs only its
		// writes here.
		payload = fmt.Appendf(nil, `{"op":0,"s":%d,"t":%q,"d":%s}`, sess.seq, event, raw)
	} else {
		payload, _ = json.Marshal(map[string]any{"op": 0, "s": sess.seq, "t": event, "d": data})
	}
	sess.sent = append(sess.sent, sentEvent{sess.seq, payload})
	if len(sess.sent) > 1000 {
		sess.sent = sess.sent[len(sess.sent)-1000:]
	}
	return sess.conn, payload
}

type gatewayPayload struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d"`
}

func (s *Server) gateway(w http.ResponseWriter, r *http.Request) {
	if q := r.URL.Query(); q.Get("v") != "9" || q.Get("encoding") != "json" {
		s.problem("gateway connection with query %q, want v=9&encoding=json", r.URL.RawQuery)
	}
	ws, err := s.upgrader.Upgrade(w, r, nil)
	if err != nil {
		s.problem("gateway upgrade: %v", err)
		return
	}
	c := &gwConn{ws: ws}
	s.mu.Lock()
	s.conns = append(s.conns, c)
	slot := len(s.conns) - 1
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.conns[slot] = nil
		if c.sess != nil && c.sess.conn == c {
			c.sess.conn = nil
		}
		s.notify()
		s.mu.Unlock()
		_ = ws.Close()
	}()
	hello, _ := json.Marshal(map[string]any{"op": 10, "s": nil, "t": nil, "d": map[string]any{"heartbeat_interval": s.HeartbeatInterval.Milliseconds()}})
	if err := c.write(hello); err != nil {
		return
	}
	for {
		_ = ws.SetReadDeadline(time.Now().Add(2*s.HeartbeatInterval + 5*time.Second))
		mt, msg, err := ws.ReadMessage()
		if err != nil {
			return
		}
		if mt != websocket.TextMessage {
			c.closeWith(4002, "Decode error")
			return
		}
		var p gatewayPayload
		if err := json.Unmarshal(msg, &p); err != nil {
			c.closeWith(4002, "Decode error")
			return
		}
		switch p.Op {
		case 1:
			ack, _ := json.Marshal(map[string]any{"op": 11, "s": nil, "t": nil, "d": nil})
			if c.write(ack) != nil {
				return
			}
		case 2, 6: // IDENTIFY starts a session, RESUME continues one
			s.mu.Lock()
			authed := c.sess != nil
			s.mu.Unlock()
			if authed {
				c.closeWith(4005, "Already authenticated.")
				return
			}
			begin := s.identify
			if p.Op == 6 {
				begin = s.resume
			}
			if begin(c, p.D) == nil {
				return
			}
		case 3, 4, 8:
		default:
			c.closeWith(4001, "Unknown opcode.")
			return
		}
	}
}

// decodeAuthed decodes an IDENTIFY or RESUME into v and checks the token
// it carries (token points into v), closing the connection as Discord does
// when either fails.
func (s *Server) decodeAuthed(c *gwConn, raw json.RawMessage, v any, token *string) bool {
	if json.Unmarshal(raw, v) != nil {
		c.closeWith(4002, "Decode error")
		return false
	}
	if !s.accepts(strings.TrimPrefix(*token, "Bot ")) {
		c.closeWith(4004, "Authentication failed.")
		return false
	}
	return true
}

func (s *Server) identify(c *gwConn, raw json.RawMessage) *session {
	var d struct {
		Token    string  `json:"token"`
		Intents  *int64  `json:"intents"`
		Compress bool    `json:"compress"`
		Shard    *[2]int `json:"shard"`
	}
	if !s.decodeAuthed(c, raw, &d, &d.Token) {
		return nil
	}
	if d.Intents == nil {
		c.closeWith(4013, "Invalid intent(s).")
		return nil
	}
	if *d.Intents&privilegedIntents&^s.PrivilegedIntents != 0 {
		c.closeWith(4014, "Disallowed intent(s).")
		return nil
	}
	shard := [2]int{0, 1}
	if d.Shard != nil {
		shard = *d.Shard
	}
	if shard[1] < 1 || shard[0] < 0 || shard[0] >= shard[1] {
		c.closeWith(4010, "Invalid shard.")
		return nil
	}
	s.sendMu.Lock()
	defer s.sendMu.Unlock()
	s.mu.Lock()
	s.identifies++
	s.intents = *d.Intents
	s.shard = shard
	c.compress = d.Compress
	sess := &session{id: fmt.Sprintf("session-%d", s.identifies), compress: d.Compress, conn: c}
	c.sess = sess
	s.sessions[sess.id] = sess
	s.current = sess
	ready := map[string]any{
		"v": 9, "user": s.botUser(), "session_id": sess.id, "session_type": "normal",
		"resume_gateway_url": s.wsURL(),
		"application":        map[string]any{"id": s.AppID, "flags": 0},
		"guilds":             s.unavailableGuilds(),
		"private_channels":   []any{}, "relationships": []any{}, "presences": []any{}, "guild_join_requests": []any{},
		"geo_ordered_rtc_regions": []any{}, "shard": []int{shard[0], shard[1]},
	}
	_, p1 := s.sequence(sess, "READY", ready)
	general := map[string]any{"id": "1100000000000000200", "type": 0, "name": "general", "guild_id": s.GuildID}
	_, p2 := s.sequence(sess, "GUILD_CREATE", s.guildJSON(s.GuildID, "Test server", 3, general))
	creates := [][]byte{p2}
	for _, id := range s.OtherGuildIDs {
		_, p := s.sequence(sess, "GUILD_CREATE", s.guildJSON(id, "Other server "+id, 2))
		creates = append(creates, p)
	}
	if c.write(p1) == nil {
		for _, p := range creates {
			if c.write(p) != nil {
				break
			}
		}
	}
	s.notify()
	s.mu.Unlock()
	return sess
}

// guildJSON is a server as GUILD_CREATE delivers it: its owner, its roles
// with their permissions (@everyone's under the server's own id) and its
// channels; call with mu held.
func (s *Server) guildJSON(id, name string, members int, channels ...any) map[string]any {
	roles := []any{roleJSON(Role{ID: id, Name: "@everyone", Permissions: everyonePermissions}, 0)}
	for i, r := range s.Roles[id] {
		roles = append(roles, roleJSON(r, i+1))
	}
	if channels == nil {
		channels = []any{}
	}
	return map[string]any{"id": id, "name": name, "unavailable": false, "member_count": members,
		"channels": channels, "roles": roles, "members": []any{}, "threads": []any{}, "voice_states": []any{},
		"presences": []any{}, "joined_at": "2026-01-01T00:00:00+00:00", "owner_id": s.Owner(id)}
}

// unavailableGuilds lists every server the bot is in, as READY does
// before their GUILD_CREATEs.
func (s *Server) unavailableGuilds() []any {
	out := []any{map[string]any{"id": s.GuildID, "unavailable": true}}
	for _, id := range s.OtherGuildIDs {
		out = append(out, map[string]any{"id": id, "unavailable": true})
	}
	return out
}

func (s *Server) resume(c *gwConn, raw json.RawMessage) *session {
	var d struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	if !s.decodeAuthed(c, raw, &d, &d.Token) {
		return nil
	}
	s.sendMu.Lock()
	defer s.sendMu.Unlock()
	s.mu.Lock()
	sess := s.sessions[d.SessionID]
	if sess == nil || d.Seq > sess.seq {
		s.mu.Unlock()
		invalid, _ := json.Marshal(map[string]any{"op": 9, "s": nil, "t": nil, "d": false})
		_ = c.write(invalid)
		return nil
	}
	c.compress = sess.compress
	var replay [][]byte
	for _, e := range sess.sent {
		if e.seq > d.Seq {
			replay = append(replay, e.payload)
		}
	}
	_, resumed := s.sequence(sess, "RESUMED", map[string]any{})
	// Hold the lock while replaying, so that nothing dispatched meanwhile
	// overtakes the missed events.
	for _, p := range append(replay, resumed) {
		if c.write(p) != nil {
			break
		}
	}
	sess.conn = c
	c.sess = sess
	s.resumes++
	s.notify()
	s.mu.Unlock()
	return sess
}

var commandName = regexp.MustCompile(`^[-_\p{Ll}\p{N}]{1,32}$`)

// validateCommands applies Discord's rules for a bulk overwrite of chat
// commands.
func validateCommands(cmds []map[string]any) []string {
	var errs []string
	if len(cmds) > 100 {
		errs = append(errs, fmt.Sprintf("%d commands, over 100", len(cmds)))
	}
	names := map[string]bool{}
	for _, c := range cmds {
		name, _ := c["name"].(string)
		if !commandName.MatchString(name) {
			errs = append(errs, fmt.Sprintf("command name %q", name))
		}
		if names[name] {
			errs = append(errs, fmt.Sprintf("command %q twice", name))
		}
		names[name] = true
		desc, _ := c["description"].(string)
		if n := chars(desc); n < 1 || n > 100 {
			errs = append(errs, fmt.Sprintf("command %q description of %d characters", name, n))
		}
		if p, ok := c["default_member_permissions"]; ok && p != nil {
			if ps, ok := p.(string); !ok || strings.Trim(ps, "0123456789") != "" {
				errs = append(errs, fmt.Sprintf("command %q default_member_permissions %v is not a string of digits", name, p))
			}
		}
		opts, _ := c["options"].([]any)
		if len(opts) > 25 {
			errs = append(errs, fmt.Sprintf("command %q has %d options", name, len(opts)))
		}
		optional := false
		for _, o := range opts {
			om, _ := o.(map[string]any)
			oname, _ := om["name"].(string)
			if !commandName.MatchString(oname) {
				errs = append(errs, fmt.Sprintf("option name %q", oname))
			}
			odesc, _ := om["description"].(string)
			if n := chars(odesc); n < 1 || n > 100 {
				errs = append(errs, fmt.Sprintf("option %q description of %d characters", oname, n))
			}
			req, _ := om["required"].(bool)
			if req && optional {
				errs = append(errs, fmt.Sprintf("required option %q after an optional one", oname))
			}
			optional = optional || !req
			t, _ := om["type"].(float64)
			if ac, _ := om["autocomplete"].(bool); ac {
				if t != 3 && t != 4 && t != 10 {
					errs = append(errs, fmt.Sprintf("autocomplete on option %q of type %v", oname, t))
				}
				if cs, _ := om["choices"].([]any); len(cs) > 0 {
					errs = append(errs, fmt.Sprintf("option %q has both autocomplete and choices", oname))
				}
			}
			if ml, ok := om["max_length"].(float64); ok && (ml < 1 || ml > 6000) {
				errs = append(errs, fmt.Sprintf("option %q max_length %v", oname, ml))
			}
		}
	}
	return errs
}

// WaitIdentified waits until n IDENTIFYs have been answered with READY and
// the client is connected.
func (s *Server) WaitIdentified(n int, timeout time.Duration) bool {
	return s.waitFor(timeout, func() bool { return s.identifies >= n && s.current != nil && s.current.conn != nil })
}
