package bot_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/discordtest"
	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/seed"
)

const wait = 10 * time.Second

// logBuffer collects the bot's JSON log lines, safe for concurrent writes.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

// lines returns the decoded log lines whose msg is msg.
func (l *logBuffer) lines(msg string) []map[string]any {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []map[string]any
	for _, line := range strings.Split(l.buf.String(), "\n") {
		var m map[string]any
		if json.Unmarshal([]byte(line), &m) == nil && m["msg"] == msg {
			out = append(out, m)
		}
	}
	return out
}

// wait returns the lines whose msg is msg once there are n of them, or
// what there is after a while: a log line is written after the reply.
func (l *logBuffer) wait(msg string, n int) []map[string]any {
	return l.waitFor(func(ls []map[string]any) bool { return len(ls) >= n }, msg)
}

// waitFor returns the lines whose msg is msg once done holds for them, or
// what there is after a while.
func (l *logBuffer) waitFor(done func([]map[string]any) bool, msg string) []map[string]any {
	deadline := time.Now().Add(wait)
	for {
		got := l.lines(msg)
		if done(got) || time.Now().After(deadline) {
			return got
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// logged reports whether a line has key set to value.
func logged(lines []map[string]any, key, value string) bool {
	for _, l := range lines {
		if l[key] == value {
			return true
		}
	}
	return false
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// harness is a bot connected to a fake Discord, serving the briefs in dir.
type harness struct {
	srv   *discordtest.Server
	bot   *bot.Bot
	dir   string
	logs  *logBuffer
	stop  func() error
	store *facts.Store                // what the bot serves
	load  func() (*facts.Base, error) // loads dir as a start would
}

type option func(*bot.Config, *discordtest.Server)

// start runs a bot against a fresh fake Discord and waits until its
// commands are registered. The briefs directory starts with the built-in
// brief, unless files replaces it.
func start(t testing.TB, files map[string]string, opts ...option) *harness {
	t.Helper()
	srv := discordtest.New(t)
	dir := t.TempDir()
	if files == nil {
		b, err := fs.ReadFile(seed.Briefs(), "pakistan-eu-counter-terrorism-dialogue.txt")
		if err != nil {
			t.Fatal(err)
		}
		files = map[string]string{"pakistan-eu-counter-terrorism-dialogue.txt": string(b)}
	}
	for name, text := range files {
		writeFile(t, dir, name, text)
	}
	u, _ := url.Parse(srv.URL())
	cfg := bot.Config{Token: srv.Token, GuildID: srv.GuildID, APIURL: u, Version: "test", BriefsDir: dir}
	for _, o := range opts {
		o(&cfg, srv)
	}
	know := knowledge(t)
	load := func() (*facts.Base, error) { return know.LoadFS(os.DirFS(dir)) }
	base, err := load()
	if err != nil {
		t.Fatal(err)
	}
	logs := &logBuffer{}
	store := facts.NewStore(base)
	b := bot.New(cfg, store, load, slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	var runErr error
	go func() { runErr = b.Run(ctx); close(done) }()
	stop := func() error {
		cancel()
		select {
		case <-done:
			return runErr
		case <-time.After(wait):
			return errors.New("Run did not return after cancel")
		}
	}
	t.Cleanup(func() {
		if err := stop(); err != nil {
			t.Errorf("bot stopped with %v", err)
		}
		if t.Failed() {
			t.Logf("bot log:\n%s", logs.String())
		}
	})
	registered := func() bool {
		deadline := time.Now().Add(wait)
		for time.Now().Before(deadline) {
			if len(logs.lines("slash commands registered")) > 0 {
				return true
			}
			select {
			case <-done:
				return false
			case <-time.After(10 * time.Millisecond):
			}
		}
		return false
	}
	if !registered() {
		select {
		case <-done:
			t.Fatalf("bot stopped before registering commands: %v", runErr)
		default:
		}
		t.Fatalf("commands not registered; log:\n%s", logs.String())
	}
	return &harness{srv: srv, bot: b, dir: dir, logs: logs, stop: stop, store: store, load: load}
}

// loadKnowledge loads the matcher's resources once for every test here:
// they never change, and loading them dominates building a small base.
var loadKnowledge = sync.OnceValues(facts.LoadKnowledge)

func knowledge(t testing.TB) *facts.Knowledge {
	t.Helper()
	k, err := loadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func writeFile(t testing.TB, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

var (
	alice = discordtest.User{ID: "1300000000000000001", Username: "alice"}
	admin = discordtest.User{ID: "1300000000000000002", Username: "mod"}
)

// ask runs /ask and returns the reply the user sees.
func (h *harness) command(t testing.TB, spec discordtest.InteractionSpec) discordtest.Interaction {
	t.Helper()
	if spec.Type == 0 {
		spec.Type = discordtest.TypeCommand
	}
	if spec.User.ID == "" {
		spec.User = alice
	}
	it, err := h.srv.Interact(spec)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := h.srv.WaitReply(it, wait)
	if !ok {
		t.Fatalf("no reply to %s %v", spec.Command, spec.Options)
	}
	return got
}

func (h *harness) ask(t testing.TB, question string, more ...discordtest.Option) *discordtest.Message {
	t.Helper()
	opts := append([]discordtest.Option{{Name: "question", Type: discordtest.OptionString, Value: question}}, more...)
	it := h.command(t, discordtest.InteractionSpec{Command: "ask", Options: opts})
	if it.Callbacks[0].Type != 4 {
		t.Fatalf("/ask answered with callback type %d, want 4", it.Callbacks[0].Type)
	}
	return it.Reply()
}

func noPings(t *testing.T, m *discordtest.Message) {
	t.Helper()
	if len(m.Pings) > 0 {
		t.Errorf("reply pings %v", m.Pings)
	}
	if m.AllowedMentions == nil {
		t.Errorf("reply sets no allowed_mentions")
	}
}

func TestStartupRegistersCommands(t *testing.T) {
	h := start(t, nil)
	cmds := h.srv.Commands(h.srv.GuildID)
	names := map[string]map[string]any{}
	for _, c := range cmds {
		names[c["name"].(string)] = c
	}
	for _, want := range []string{"ask", "facts", "source", "help", "reload", "brief", "forget-me"} {
		if names[want] == nil {
			t.Errorf("command /%s not registered", want)
		}
	}
	if len(cmds) != 10 || h.srv.Overwrites() != 1 {
		t.Errorf("%d commands in %d overwrites, want 10 in 1", len(cmds), h.srv.Overwrites())
	}
	if p := names["reload"]["default_member_permissions"]; p != "32" {
		t.Errorf("/reload default_member_permissions = %v, want \"32\" (Manage Server)", p)
	}
	opt := names["ask"]["options"].([]any)[0].(map[string]any)
	if opt["name"] != "question" || opt["required"] != true || opt["autocomplete"] != true {
		t.Errorf("/ask question option = %v", opt)
	}
	if got, want := h.srv.Intents(), int64(1|1<<9|1<<12); got != want {
		t.Errorf("intents = %d, want %d (guilds, guild messages, direct messages)", got, want)
	}
	if len(h.srv.Commands("")) != 0 {
		t.Errorf("global commands registered while DISCORD_GUILD_ID is set")
	}
}

func TestGlobalCommandsWithoutGuild(t *testing.T) {
	h := start(t, nil, func(c *bot.Config, _ *discordtest.Server) { c.GuildID = "" })
	if len(h.srv.Commands("")) != len(bot.Commands()) {
		t.Fatalf("global commands = %d, want %d", len(h.srv.Commands("")), len(bot.Commands()))
	}
	// A DM can use a global command.
	it := h.command(t, discordtest.InteractionSpec{Command: "ask", InDM: true,
		Options: []discordtest.Option{{Name: "question", Type: discordtest.OptionString, Value: "Where was the dialogue held?"}}})
	if r := it.Reply(); r == nil || !strings.Contains(r.Text(), "Brussels") {
		t.Errorf("DM /ask reply = %+v", r)
	}
}

func TestAsk(t *testing.T) {
	h := start(t, nil)
	m := h.ask(t, "Who led the EU delegation?")
	noPings(t, m)
	if m.Ephemeral() {
		t.Errorf("public /ask answered ephemerally")
	}
	if len(m.Embeds) != 1 {
		t.Fatalf("reply = %+v, want one embed", m)
	}
	e := m.Embeds[0]
	if !strings.Contains(e.Title, "Maciej Stadejek") {
		t.Errorf("title = %q, want the short answer (who led it)", e.Title)
	}
	if !strings.HasPrefix(e.Description, "> ") || !strings.Contains(e.Description, "**led**") {
		t.Errorf("description = %q, want the quoted sentence with the matched words in bold", e.Description)
	}
	src := e.Fields[0]
	for _, want := range []string{"paragraph 2", "sentence 2", "[www.geo.tv](https://www.geo.tv)", "Pakistan EU counter terrorism dialogue"} {
		if !strings.Contains(src.Value, want) {
			t.Errorf("citation %q lacks %q", src.Value, want)
		}
	}

	m = h.ask(t, "When was the dialogue held?", discordtest.Option{Name: "private", Type: discordtest.OptionBoolean, Value: true})
	if !m.Ephemeral() || !strings.Contains(m.Embeds[0].Title, "February 20, 2025") {
		t.Errorf("private /ask: ephemeral %v, title %q", m.Ephemeral(), m.Embeds[0].Title)
	}

	m = h.ask(t, "What is the recipe for ratatouille?")
	if !strings.HasPrefix(m.Content, "The brief doesn't say.") || len(m.Embeds) != 0 {
		t.Errorf("unanswerable question got %q %+v", m.Content, m.Embeds)
	}

	m = h.ask(t, "@everyone <@&1400000000000000001> <@1300000000000000001> who led the EU delegation?")
	noPings(t, m)

	lines := h.logs.wait("question", 4)
	if len(lines) != 4 {
		t.Fatalf("%d question log lines for 4 questions", len(lines))
	}
	for _, k := range []string{"via", "user", "guild", "answered", "confidence", "latency"} {
		if _, ok := lines[0][k]; !ok {
			t.Errorf("question log line lacks %q: %v", k, lines[0])
		}
	}
	unanswered := 0
	for _, l := range lines {
		if l["via"] != "command" || l["user"] != alice.ID || l["guild"] != h.srv.GuildID {
			t.Errorf("question log line = %v", l)
		}
		if l["answered"] == false {
			unanswered++
		}
	}
	if unanswered != 1 {
		t.Errorf("%d unanswered in the log, want 1: %v", unanswered, lines)
	}
}

func TestAutocomplete(t *testing.T) {
	h := start(t, nil)
	for _, typed := range []string{"", "skoog", "wher dialog", strings.Repeat("x", 300)} {
		it := h.command(t, discordtest.InteractionSpec{Type: discordtest.TypeAutocomplete, Command: "ask",
			Options: []discordtest.Option{{Name: "question", Type: discordtest.OptionString, Value: typed, Focused: true}}})
		cb := it.Callbacks[0]
		if cb.Type != 8 || len(cb.Choices) > 25 {
			t.Fatalf("autocomplete %q: type %d, %d choices", typed, cb.Type, len(cb.Choices))
		}
		if typed == "skoog" && (len(cb.Choices) == 0 || !strings.Contains(cb.Choices[0]["name"].(string), "Skoog")) {
			t.Errorf("autocomplete %q = %v", typed, cb.Choices)
		}
		if typed == "" && len(cb.Choices) == 0 {
			t.Errorf("autocomplete with nothing typed offers nothing")
		}
	}
	for _, typed := range []string{"dialogue", "where was"} {
		it := h.command(t, discordtest.InteractionSpec{Type: discordtest.TypeAutocomplete, Command: "ask",
			Options: []discordtest.Option{{Name: "question", Type: discordtest.OptionString, Value: typed, Focused: true}}})
		found := false
		for _, c := range it.Callbacks[0].Choices {
			name := strings.ToLower(c["name"].(string))
			if strings.HasSuffix(name, "?") && strings.Contains(name, typed) {
				found = true
			}
		}
		if !found {
			t.Errorf("autocomplete %q offers no question with it: %v", typed, it.Callbacks[0].Choices)
		}
	}
	it := h.command(t, discordtest.InteractionSpec{Type: discordtest.TypeAutocomplete, Command: "facts",
		Options: []discordtest.Option{{Name: "topic", Type: discordtest.OptionString, Value: "gsp", Focused: true}}})
	if cs := it.Callbacks[0].Choices; len(cs) == 0 || !strings.Contains(cs[0]["name"].(string), "GSP") {
		t.Errorf("topic autocomplete for gsp = %v", cs)
	}
}

func TestFactsPages(t *testing.T) {
	h := start(t, nil)
	it := h.command(t, discordtest.InteractionSpec{Command: "facts"})
	first := it.Reply()
	ids := first.CustomIDs()
	if len(ids) != 2 {
		t.Fatalf("all facts in one page? buttons %v, footer %+v", ids, first.Embeds[0].Footer)
	}
	if !strings.Contains(first.Embeds[0].Footer.Text, "Page 1 of") {
		t.Errorf("footer = %q", first.Embeds[0].Footer.Text)
	}
	next := h.command(t, discordtest.InteractionSpec{Type: discordtest.TypeComponent, CustomID: ids[1], Message: first})
	if next.Callbacks[0].Type != 7 {
		t.Fatalf("page button answered with type %d, want 7 (update message)", next.Callbacks[0].Type)
	}
	second := next.Reply()
	if !strings.Contains(second.Embeds[0].Footer.Text, "Page 2 of") || second.Embeds[0].Description == first.Embeds[0].Description {
		t.Errorf("second page footer %q", second.Embeds[0].Footer.Text)
	}

	it = h.command(t, discordtest.InteractionSpec{Command: "facts",
		Options: []discordtest.Option{{Name: "topic", Type: discordtest.OptionString, Value: "GSP+"}}})
	if d := it.Reply().Embeds[0].Description; !strings.Contains(d, "GSP+") || !strings.Contains(d, "`p") {
		t.Errorf("facts on GSP+ = %q", d)
	}
	it = h.command(t, discordtest.InteractionSpec{Command: "facts",
		Options: []discordtest.Option{{Name: "topic", Type: discordtest.OptionString, Value: "zzzqqq"}}})
	if c := it.Reply().Content; !strings.Contains(c, "no facts") {
		t.Errorf("facts on nonsense = %q", c)
	}
}

func TestSourceAndHelp(t *testing.T) {
	h := start(t, nil)
	src := h.command(t, discordtest.InteractionSpec{Command: "source"}).Reply()
	text := src.Text()
	for _, want := range []string{"pakistan-eu-counter-terrorism-dialogue", "www.geo.tv", "facts", "version", "briefbot test"} {
		if !strings.Contains(text, want) {
			t.Errorf("/source lacks %q:\n%s", want, text)
		}
	}
	help := h.command(t, discordtest.InteractionSpec{Command: "help"}).Reply()
	if !help.Ephemeral() || !strings.Contains(help.Text(), "/ask") || !strings.Contains(help.Text(), "mention") {
		t.Errorf("/help = %+v", help)
	}
}

func TestMentionsAndDMs(t *testing.T) {
	h := start(t, nil)
	bob := discordtest.User{ID: "1300000000000000003", Username: "bob"}
	ignored := h.srv.Post(bob, "Where was the dialogue held? (no mention)", false, false)
	q := h.srv.Post(alice, "<@"+h.srv.BotID+"> Where was the dialogue held?", false, true)
	replies := h.srv.WaitReplies(q.ID, 1, wait)
	if len(replies) != 1 {
		t.Fatalf("no reply to a mention")
	}
	r := replies[0]
	noPings(t, r)
	if !strings.Contains(r.Text(), "Brussels") {
		t.Errorf("mention reply = %q", r.Text())
	}

	everyone := h.srv.Post(alice, "<@"+h.srv.BotID+"> @everyone @here <@&1400000000000000001> <@1300000000000000003> who led the EU delegation?", false, true)
	if rs := h.srv.WaitReplies(everyone.ID, 1, wait); len(rs) == 1 {
		noPings(t, rs[0])
	} else {
		t.Errorf("no reply to a mention quoting @everyone")
	}

	dm := h.srv.Post(alice, "when was the dialog held", true, false)
	if rs := h.srv.WaitReplies(dm.ID, 1, wait); len(rs) != 1 || !strings.Contains(rs[0].Text(), "2025") {
		t.Errorf("DM replies = %v", rs)
	}

	empty := h.srv.Post(alice, "<@"+h.srv.BotID+">", false, true)
	if rs := h.srv.WaitReplies(empty.ID, 1, wait); len(rs) != 1 || !strings.Contains(rs[0].Content, "/ask") {
		t.Errorf("bare mention replies = %v", rs)
	}

	other := discordtest.User{ID: "1300000000000000009", Username: "otherbot", Bot: true}
	fromBot := h.srv.Post(other, "<@"+h.srv.BotID+"> who led the EU delegation?", false, true)

	// A last question, answered after the ones above were handled or dropped.
	last := h.srv.Post(alice, "<@"+h.srv.BotID+"> who led the delegations?", false, true)
	if rs := h.srv.WaitReplies(last.ID, 1, wait); len(rs) != 1 {
		t.Fatalf("no reply to the last mention")
	}
	// Once the bot logs that it ignored them, it sends nothing for them.
	h.logs.waitFor(func(ls []map[string]any) bool {
		return logged(ls, "message", ignored.ID) && logged(ls, "message", fromBot.ID)
	}, "message ignored")
	for _, m := range []*discordtest.Message{ignored, fromBot} {
		if rs := h.srv.WaitReplies(m.ID, 1, 0); len(rs) != 0 {
			t.Errorf("replied to %q: %q", m.Content, rs[0].Text())
		}
	}
	// The bot received its own replies back and answered none of them.
	if n := len(h.srv.Messages()); n != 5 {
		t.Errorf("bot sent %d messages, want 5 replies", n)
	}
}

const newBrief = `The city of Lahore hosted a regional water summit on March 3, 2025, attended by delegates from six countries.
The summit was chaired by Amina Rauf, Minister for Water Resources.
Original Source: www.dawn.com
`

func reloadAs(t *testing.T, h *harness, user discordtest.User, perms int64, roles ...string) discordtest.Interaction {
	t.Helper()
	return h.command(t, discordtest.InteractionSpec{Command: "reload", User: user, Permissions: perms, Roles: roles})
}

func TestReload(t *testing.T) {
	const trustedRole = "1400000000000000005"
	h := start(t, nil, func(c *bot.Config, _ *discordtest.Server) {
		c.AdminUserIDs = []string{admin.ID}
		c.AdminRoleIDs = []string{trustedRole}
	})
	before := h.command(t, discordtest.InteractionSpec{Command: "source"}).Reply().Text()

	// Everyone else is refused, ephemerally, and nothing is reloaded.
	it := reloadAs(t, h, alice, 0)
	if r := it.Reply(); it.Callbacks[0].Type != 4 || !r.Ephemeral() || !strings.Contains(r.Content, "Only server managers") {
		t.Errorf("non-admin reload reply = %+v (callback %d)", r, it.Callbacks[0].Type)
	}
	if len(h.logs.wait("reload refused: not an admin", 1)) != 1 {
		t.Errorf("refused reload not logged")
	}

	// A member with Manage Server reloads: deferred, then edited with the diff.
	writeFile(t, h.dir, "water-summit.txt", newBrief)
	it = reloadAs(t, h, alice, 1<<5)
	if cb := it.Callbacks[0]; cb.Type != 5 || cb.Flags&64 == 0 {
		t.Errorf("reload callback type %d flags %d, want an ephemeral deferral", cb.Type, cb.Flags)
	}
	r := it.Reply()
	for _, want := range []string{"Reloaded", "Briefs added: water-summit", "2 added", "17 unchanged"} {
		if !strings.Contains(r.Content, want) {
			t.Errorf("reload reply %q lacks %q", r.Content, want)
		}
	}
	if m := h.ask(t, "Who chaired the water summit?"); !strings.Contains(m.Text(), "Amina Rauf") {
		t.Errorf("new brief not answered after reload: %q", m.Text())
	}

	// Admins by user id and by role; nothing changed.
	for _, who := range []discordtest.InteractionSpec{
		{User: admin}, {User: alice, Roles: []string{trustedRole}}, {User: alice, Permissions: 1 << 3},
	} {
		it = reloadAs(t, h, who.User, who.Permissions, who.Roles...)
		if !strings.Contains(it.Reply().Content, "nothing changed") {
			t.Errorf("reload by %+v = %q", who, it.Reply().Content)
		}
	}

	// Bad briefs: the reply names every bad file; the old facts keep serving.
	writeFile(t, h.dir, "empty.txt", "")
	writeFile(t, h.dir, "nosource.txt", "A paragraph without a source line.\n")
	it = reloadAs(t, h, admin, 0)
	r = it.Reply()
	for _, want := range []string{"Reload failed", "still being served", "2 bad briefs", "empty.txt", "nosource.txt"} {
		if !strings.Contains(r.Content, want) {
			t.Errorf("bad reload reply %q lacks %q", r.Content, want)
		}
	}
	if m := h.ask(t, "Who chaired the water summit?"); !strings.Contains(m.Text(), "Amina Rauf") {
		t.Errorf("facts lost after a bad reload: %q", m.Text())
	}
	if m := h.ask(t, "Who led the EU delegation?"); len(m.Embeds) == 0 {
		t.Errorf("seed facts lost after a bad reload: %q", m.Text())
	}
	after := h.command(t, discordtest.InteractionSpec{Command: "source"}).Reply().Text()
	if before == after || !strings.Contains(after, "2** briefs") {
		t.Errorf("/source after reloads:\n%s", after)
	}
}

// TestReloadAcrossServers: every server shares the facts, so a manager of
// a server other than the bot's home may not change them; configured
// admins may, from any server.
func TestReloadAcrossServers(t *testing.T) {
	t.Parallel() // slow, and independent of the tests beside it
	const other = "1100000000000000101"
	for _, tc := range []struct {
		name         string
		home         bool // DISCORD_GUILD_ID names the fake's first server
		from         string
		perms        int64
		user         discordtest.User
		wantReloaded bool
	}{
		{"home manager", true, "", 1 << 5, alice, true},
		{"manager of another server", true, other, 1 << 5, alice, false},
		{"administrator of another server", true, other, 1 << 3, alice, false},
		{"configured admin in another server", true, other, 0, admin, true},
		{"manager, no home, two servers", false, "", 1 << 5, alice, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := start(t, nil, func(c *bot.Config, s *discordtest.Server) {
				s.OtherGuildIDs = []string{other}
				c.AdminUserIDs = []string{admin.ID}
				if !tc.home {
					c.GuildID = ""
				}
			})
			h.logs.wait("connected to Discord", 1)
			it := h.command(t, discordtest.InteractionSpec{Command: "reload", User: tc.user, Permissions: tc.perms, GuildID: tc.from})
			r := it.Reply()
			if got := strings.Contains(r.Content, "Reloaded") || strings.Contains(r.Content, "nothing changed"); got != tc.wantReloaded {
				t.Fatalf("reload reply %q, want reloaded %v", r.Content, tc.wantReloaded)
			}
			if !tc.wantReloaded && (!r.Ephemeral() || len(h.logs.wait("reload refused: a manager of a server other than the bot's home", 1)) != 1) {
				t.Errorf("refusal not ephemeral or not logged: %+v", r)
			}
		})
	}
}

func TestCooldown(t *testing.T) {
	h := start(t, nil, func(c *bot.Config, _ *discordtest.Server) {
		c.CooldownQuestions, c.CooldownWindow = 2, time.Minute
	})
	for i := 0; i < 2; i++ {
		if m := h.ask(t, "Who led the EU delegation?"); len(m.Embeds) == 0 {
			t.Fatalf("question %d refused: %q", i+1, m.Content)
		}
	}
	m := h.ask(t, "Who led the EU delegation?")
	if !m.Ephemeral() || !strings.Contains(m.Content, "try again in") {
		t.Errorf("third question = %+v, want an ephemeral cooldown notice", m)
	}
	// Mentions share the budget: one short notice, then silence.
	q1 := h.srv.Post(alice, "<@"+h.srv.BotID+"> who led the EU delegation?", false, true)
	rs := h.srv.WaitReplies(q1.ID, 1, wait)
	if len(rs) != 1 || !strings.Contains(rs[0].Content, "try again in") {
		t.Fatalf("mention over the cooldown got %v", rs)
	}
	q2 := h.srv.Post(alice, "<@"+h.srv.BotID+"> who led the EU delegation?", false, true)
	// Another user is not limited.
	bob := discordtest.User{ID: "1300000000000000003", Username: "bob"}
	q3 := h.srv.Post(bob, "<@"+h.srv.BotID+"> who led the EU delegation?", false, true)
	if rs := h.srv.WaitReplies(q3.ID, 1, wait); len(rs) != 1 || len(rs[0].Embeds) == 0 {
		t.Errorf("another user's question = %v", rs)
	}
	// The bot has refused q2 once it logs the third refusal (the /ask, q1,
	// q2); it sends nothing after that line.
	if n := len(h.logs.wait("refused by cooldown", 3)); n != 3 {
		t.Fatalf("%d cooldown refusals logged, want 3", n)
	}
	if rs := h.srv.WaitReplies(q2.ID, 1, 0); len(rs) != 0 {
		t.Errorf("second refused mention got a reply too: %q", rs[0].Content)
	}
}

// TestCooldownEveryWay: a bare mention, /facts, /help, /source and page
// buttons all draw on the one budget; autocomplete has its own.
func TestCooldownEveryWay(t *testing.T) {
	h := start(t, nil, func(c *bot.Config, _ *discordtest.Server) {
		c.CooldownQuestions, c.CooldownWindow = 1, time.Minute
	})
	bare := h.srv.Post(alice, "<@"+h.srv.BotID+">", false, true)
	if rs := h.srv.WaitReplies(bare.ID, 1, wait); len(rs) != 1 || !strings.Contains(rs[0].Content, "Ask me") {
		t.Fatalf("bare mention = %v, want the hint", rs)
	}
	for _, spec := range []discordtest.InteractionSpec{{Command: "facts"}, {Command: "help"}, {Command: "source"}} {
		spec.User = alice
		if r := h.command(t, spec).Reply(); !r.Ephemeral() || !strings.Contains(r.Content, "try again in") {
			t.Errorf("/%s over the budget = %q, want the cooldown notice", spec.Command, r.Content)
		}
	}
	// Bob's one request is a /facts page; its button is his second.
	bob := discordtest.User{ID: "1300000000000000003", Username: "bob"}
	page := h.command(t, discordtest.InteractionSpec{Command: "facts", User: bob}).Reply()
	ids := page.CustomIDs()
	if len(ids) == 0 {
		t.Fatalf("/facts page without buttons: %+v", page)
	}
	click := h.command(t, discordtest.InteractionSpec{Type: discordtest.TypeComponent, CustomID: ids[len(ids)-1], Message: page, User: bob})
	if r := click.Reply(); !strings.Contains(r.Content, "try again in") {
		t.Errorf("button over the budget = %q, want the cooldown notice", r.Content)
	}
	// Typing still gets choices: autocomplete has a budget of its own.
	it := h.command(t, discordtest.InteractionSpec{Type: discordtest.TypeAutocomplete, Command: "ask", User: alice,
		Options: []discordtest.Option{{Name: "question", Type: discordtest.OptionString, Value: "skoog", Focused: true}}})
	if len(it.Callbacks[0].Choices) == 0 {
		t.Errorf("autocomplete offered nothing while only questions were over budget")
	}
}

func TestResumeAfterDroppedConnection(t *testing.T) {
	h := start(t, nil)
	h.srv.DropGateway()
	// Sent while the connection is down: delivered when the session resumes.
	q := h.srv.Post(alice, "<@"+h.srv.BotID+"> where was the dialogue held?", false, true)
	if !h.srv.WaitResumed(1, wait) {
		t.Fatalf("session not resumed; identifies %d", h.srv.Identifies())
	}
	if rs := h.srv.WaitReplies(q.ID, 1, wait); len(rs) != 1 || !strings.Contains(rs[0].Text(), "Brussels") {
		t.Errorf("question sent during the drop: replies %v", rs)
	}
	if m := h.ask(t, "Where was the dialogue held?"); !strings.Contains(m.Text(), "Brussels") {
		t.Errorf("question after resume = %q", m.Text())
	}
	if n := h.srv.Identifies(); n != 1 {
		t.Errorf("%d identifies, want 1 (resumed, not reconnected afresh)", n)
	}
}

func TestShutdown(t *testing.T) {
	h := start(t, nil)
	begin := time.Now()
	if err := h.stop(); err != nil {
		t.Fatalf("Run = %v, want nil on shutdown", err)
	}
	if d := time.Since(begin); d > 5*time.Second {
		t.Errorf("shutdown took %v", d)
	}
	if !h.srv.WaitDisconnected(wait) {
		t.Errorf("gateway connection still open after shutdown")
	}
}

// TestShardLeavesRegistrationToShardZero: a second shard connects and
// answers but does not overwrite the commands shard 0 registers.
func TestShardLeavesRegistrationToShardZero(t *testing.T) {
	srv := discordtest.New(t)
	u, _ := url.Parse(srv.URL())
	logs := &logBuffer{}
	base, err := facts.LoadFS(seed.Briefs())
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(bot.Config{Token: srv.Token, APIURL: u, GuildID: srv.GuildID, ShardID: 1, ShardCount: 2},
		facts.NewStore(base), nil, slog.New(slog.NewJSONHandler(logs, nil)))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	if len(logs.wait("serving as shard; shard 0 registers the commands", 1)) != 1 {
		t.Fatalf("shard 1 did not start:\n%s", logs.String())
	}
	if n := srv.Overwrites(); n != 0 {
		t.Errorf("shard 1 overwrote the commands %d times", n)
	}
	if s := srv.IdentifiedShard(); s != [2]int{1, 2} {
		t.Errorf("IDENTIFY shard = %v, want [1 2]", s)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run = %v", err)
	}
}

func TestRejectedToken(t *testing.T) {
	srv := discordtest.New(t)
	u, _ := url.Parse(srv.URL())
	b := bot.New(bot.Config{Token: "not-the-token", APIURL: u}, facts.NewStore(nil), nil, slog.New(slog.DiscardHandler))
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	err := b.Run(ctx)
	if !errors.Is(err, bot.ErrTokenRejected) {
		t.Fatalf("Run with a wrong token = %v, want ErrTokenRejected", err)
	}
	if strings.Contains(err.Error(), "not-the-token") {
		t.Errorf("error shows the token: %v", err)
	}
}

func TestOversizedRepliesFit(t *testing.T) {
	t.Parallel() // slow, and independent of the tests beside it
	long := "The committee on " + strings.Repeat("ünïcödé-heavy reconstruction planning with “quotes” and *stars* ", 180) + "finally met in Quetta on May 5, 2025."
	name := strings.Repeat("very-long-brief-name-", 11) + "end.txt"
	files := map[string]string{
		name: long + "\n" + strings.Repeat("Another long sentence about the weather over the hills. ", 60) + "\nOriginal Source: www.example.org\n",
	}
	h := start(t, files)
	m := h.ask(t, "When did the committee on reconstruction planning meet in Quetta?")
	if len(m.Embeds) == 0 {
		t.Fatalf("long fact not answered: %q", m.Content)
	}
	e := m.Embeds[0]
	if !strings.HasSuffix(e.Description, "…") || len([]rune(e.Description)) > 4096 {
		t.Errorf("description of %d characters, ending %q", len([]rune(e.Description)), e.Description[max(0, len(e.Description)-20):])
	}
	h.command(t, discordtest.InteractionSpec{Command: "facts"})
	h.command(t, discordtest.InteractionSpec{Command: "source"})
	h.command(t, discordtest.InteractionSpec{Command: "help"})
	q := h.srv.Post(alice, "<@"+h.srv.BotID+"> "+strings.Repeat("when did the committee meet? ", 200), false, true)
	if rs := h.srv.WaitReplies(q.ID, 1, wait); len(rs) != 1 {
		t.Errorf("no reply to an oversized mention")
	}
	// The fake refuses anything over Discord's limits; its cleanup reports it.
}

// TestGatewayRecovery: whatever way Discord interrupts the gateway, the
// bot comes back and answers the next question.
func TestGatewayRecovery(t *testing.T) {
	tests := []struct {
		name       string
		interrupt  func(*discordtest.Server)
		identifies int // after recovery: 1 when resumed, 2 when identified afresh
	}{
		{"op 7 reconnect", (*discordtest.Server).RequestReconnect, 1},
		{"close 4000", func(s *discordtest.Server) { s.CloseGateway(4000) }, 1},
		{"op 9 invalid session", (*discordtest.Server).InvalidateSession, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := start(t, nil)
			tt.interrupt(h.srv)
			ok := false
			if tt.identifies == 1 {
				ok = h.srv.WaitResumed(1, wait)
			} else {
				ok = h.srv.WaitIdentified(tt.identifies, wait)
			}
			if !ok {
				t.Fatalf("not back: %d identifies, %d resumes", h.srv.Identifies(), h.srv.Resumes())
			}
			if m := h.ask(t, "Where was the dialogue held?"); !strings.Contains(m.Text(), "Brussels") {
				t.Errorf("question after recovery = %q", m.Text())
			}
			if n := h.srv.Identifies(); n != tt.identifies {
				t.Errorf("%d identifies, want %d", n, tt.identifies)
			}
		})
	}
}

// BenchmarkRoundTrip is an /ask through the whole protocol on loopback:
// INTERACTION_CREATE over the gateway (zlib), answer, REST callback, until
// the fake has recorded it. It is the margin inside Discord's 3 seconds.
func BenchmarkRoundTrip(b *testing.B) {
	h := start(b, nil)
	spec := discordtest.InteractionSpec{Command: "ask", Type: discordtest.TypeCommand, User: alice,
		Options: []discordtest.Option{{Name: "question", Type: discordtest.OptionString, Value: "Who led the EU delegation?"}}}
	for b.Loop() {
		it, err := h.srv.Interact(spec)
		if err != nil {
			b.Fatal(err)
		}
		if _, ok := h.srv.WaitReply(it, wait); !ok {
			b.Fatal("no reply")
		}
	}
}

// TestOutageGivesNoRights: with no home server and the bot in two, a
// manager may not change the shared briefs; another server's outage
// (GUILD_DELETE marked unavailable) does not change that, and only the
// bot's removal from it does.
func TestOutageGivesNoRights(t *testing.T) {
	const other = "1100000000000000999"
	h := start(t, nil, func(c *bot.Config, s *discordtest.Server) {
		s.OtherGuildIDs = []string{other}
		c.GuildID = ""
	})
	h.logs.wait("connected to Discord", 1)
	reload := func() string {
		t.Helper()
		return h.command(t, discordtest.InteractionSpec{Command: "reload", User: alice, Permissions: 1 << 5}).Reply().Content
	}
	if got := reload(); !strings.Contains(got, "server") || strings.Contains(got, "Reloaded") {
		t.Fatalf("manager's /reload with two servers = %q, want a refusal", got)
	}
	h.srv.Dispatch("GUILD_DELETE", map[string]any{"id": other, "unavailable": true})
	h.logs.wait("server unavailable (a Discord outage); it still counts as one of the bot's", 1)
	if got := reload(); !strings.Contains(got, "server") || strings.Contains(got, "Reloaded") {
		t.Errorf("manager's /reload during the other server's outage = %q, want a refusal", got)
	}
	h.srv.Dispatch("GUILD_DELETE", map[string]any{"id": other})
	h.logs.wait("removed from a server", 1)
	if got := reload(); strings.Contains(got, "Only") {
		t.Errorf("manager's /reload once the bot is in one server = %q, want it allowed", got)
	}
}

// TestRevokedTokenStops: a token reset while the bot runs stops it with
// ErrTokenRejected after the next disconnect, instead of reconnecting for
// ever.
func TestRevokedTokenStops(t *testing.T) {
	srv := discordtest.New(t)
	u, _ := url.Parse(srv.URL())
	logs := &logBuffer{}
	b := bot.New(bot.Config{Token: srv.Token, GuildID: srv.GuildID, APIURL: u}, facts.NewStore(nil), nil,
		slog.New(slog.NewJSONHandler(logs, nil)))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	logs.wait("slash commands registered", 1)
	srv.RevokeToken()
	srv.DropGateway()
	select {
	case err := <-done:
		if !errors.Is(err, bot.ErrTokenRejected) {
			t.Errorf("Run after the token was revoked = %v, want ErrTokenRejected", err)
		}
	case <-time.After(wait):
		t.Fatalf("bot still running %v after its token was revoked; log:\n%s", wait, logs.String())
	}
}
