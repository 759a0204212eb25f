package bot_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/discordtest"
	"github.com/briefbot/briefbot/bot/journal"
	"github.com/briefbot/briefbot/bot/journal/sqlite"
)

// withJournal gives the bot the SQLite question log at path.
func withJournal(t *testing.T, path string) (option, *sqlite.DB) {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return func(c *bot.Config, _ *discordtest.Server) { c.Journal, c.Reports = db, db }, db
}

// TestFeedbackAndUnansweredSurviveRestart: a 👎 on an answer and an
// unanswered question are kept in DATA_DIR's database, and the admin views
// show them after the bot restarts on the same directory.
func TestFeedbackAndUnansweredSurviveRestart(t *testing.T) {
	t.Parallel() // slow, and independent of the tests beside it
	path := filepath.Join(t.TempDir(), "briefbot.db")
	opt, db := withJournal(t, path)
	h := start(t, nil, opt, func(c *bot.Config, _ *discordtest.Server) { c.AdminUserIDs = []string{admin.ID} })

	m := h.ask(t, "Who led the EU delegation?")
	ids := m.CustomIDs()
	if len(ids) != 2 || !strings.HasPrefix(ids[0], "fb:1:") || !strings.HasPrefix(ids[1], "fb:0:") {
		t.Fatalf("answer buttons %q, want 👍 and 👎", ids)
	}
	for _, id := range ids { // 👍 then 👎: the second click replaces the first
		click := h.command(t, discordtest.InteractionSpec{Type: discordtest.TypeComponent, CustomID: id, Message: m, User: alice})
		if r := click.Reply(); !r.Ephemeral() || !strings.Contains(r.Content, "noted") {
			t.Errorf("feedback click reply = %+v", r)
		}
	}
	if u := h.ask(t, "What is the recipe for ratatouille?"); len(u.CustomIDs()) != 0 {
		t.Errorf("an unanswered reply has buttons: %q", u.CustomIDs())
	}
	if r := h.command(t, discordtest.InteractionSpec{Command: "feedback", User: alice}).Reply(); !strings.Contains(r.Content, "Only this server's managers") {
		t.Errorf("/feedback by a member = %q, want a refusal", r.Content)
	}
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := db.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	db.Close()

	opt, _ = withJournal(t, path)
	h = start(t, nil, opt, func(c *bot.Config, _ *discordtest.Server) { c.AdminUserIDs = []string{admin.ID} })
	r := h.command(t, discordtest.InteractionSpec{Command: "feedback", User: admin}).Reply()
	if !r.Ephemeral() || !strings.Contains(r.Text(), "1 👎") || !strings.Contains(r.Text(), "0 👍") || !strings.Contains(r.Text(), "Who led the EU delegation?") {
		t.Errorf("/feedback after a restart = %q", r.Text())
	}
	r = h.command(t, discordtest.InteractionSpec{Command: "unanswered", User: admin,
		Options: []discordtest.Option{{Name: "days", Type: discordtest.OptionInteger, Value: 30}}}).Reply()
	if !strings.Contains(r.Text(), "ratatouille") || !strings.Contains(r.Text(), "last 30 days") {
		t.Errorf("/unanswered after a restart = %q", r.Text())
	}
}

// TestConversationKinds: greetings, summaries and bare question words get
// replies of their own through /ask, mentions and DMs, never "The brief
// doesn't say."
func TestConversationKinds(t *testing.T) {
	h := start(t, nil)
	if m := h.ask(t, "thanks!"); !strings.Contains(m.Content, "welcome") || strings.Contains(m.Content, "doesn't say") {
		t.Errorf("/ask thanks = %q", m.Content)
	}
	hi := h.srv.Post(alice, "<@"+h.srv.BotID+"> hi", false, true)
	if rs := h.srv.WaitReplies(hi.ID, 1, wait); len(rs) != 1 || !strings.Contains(rs[0].Content, "Hello") {
		t.Errorf("mention hi = %v", rs)
	}
	dm := h.srv.Post(alice, "tldr", true, false)
	rs := h.srv.WaitReplies(dm.ID, 1, wait)
	if len(rs) != 1 || len(rs[0].Embeds) != 1 || strings.Count(rs[0].Embeds[0].Description, "paragraph") < 3 ||
		!strings.Contains(rs[0].Embeds[0].Description, "www.geo.tv") {
		t.Errorf("DM tldr = %+v", rs)
	}
	if m := h.ask(t, "who?"); !strings.Contains(m.Content, "What would you like to know") {
		t.Errorf("/ask who? = %q", m.Content)
	}
	if m := h.ask(t, "Wo fand der Dialog statt?"); !strings.Contains(m.Content, "English") {
		t.Errorf("/ask in German = %q", m.Content)
	}
}

// TestFollowUpsSummaryAndScopedAsk: follow-ups through mentions and /ask
// read against the same user's last question in that channel; /summary
// and /ask brief: name and scope the brief; several briefs loaded.
func TestFollowUpsSummaryAndScopedAsk(t *testing.T) {
	seedText, err := os.ReadFile("../facts/seed/pakistan-eu-counter-terrorism-dialogue.txt")
	if err != nil {
		t.Fatal(err)
	}
	h := start(t, map[string]string{
		"pakistan-eu-counter-terrorism-dialogue.txt": string(seedText),
		"water-summit.txt":                           "Title: Water summit\nDate: 2025-03-03\n" + strings.SplitN(newBrief, "\n", 2)[1],
	})
	m := h.ask(t, "Who led the EU delegation?")
	if !strings.Contains(m.Text(), "Maciej Stadejek") || !strings.Contains(m.Text(), "Pakistan EU counter terrorism dialogue (2025-02-20)") {
		t.Errorf("answer does not name its brief and date: %q", m.Text())
	}
	if m := h.ask(t, "where was it held?"); !strings.Contains(m.Text(), "Brussels") {
		t.Errorf("/ask follow-up = %q", m.Text())
	}
	// Bob has no conversation yet: his "where?" asks what he means.
	bob := discordtest.User{ID: "1300000000000000003", Username: "bob"}
	it := h.command(t, discordtest.InteractionSpec{Command: "ask", User: bob,
		Options: []discordtest.Option{{Name: "question", Type: discordtest.OptionString, Value: "where?"}}})
	if r := it.Reply(); !strings.Contains(r.Content, "What would you like to know") {
		t.Errorf("bob's where? = %q", r.Content)
	}
	q1 := h.srv.Post(alice, "<@"+h.srv.BotID+"> who chaired the water summit?", false, true)
	if rs := h.srv.WaitReplies(q1.ID, 1, wait); len(rs) != 1 || !strings.Contains(rs[0].Text(), "Amina Rauf") {
		t.Fatalf("mention = %v", rs)
	}
	q2 := h.srv.Post(alice, "<@"+h.srv.BotID+"> and when?", false, true)
	if rs := h.srv.WaitReplies(q2.ID, 1, wait); len(rs) != 1 || !strings.Contains(rs[0].Text(), "Water summit") {
		t.Errorf("mention follow-up = %v", rs)
	}
	two := h.srv.Post(alice, "<@"+h.srv.BotID+"> who led the EU delegation and where was the dialogue held?", false, true)
	if rs := h.srv.WaitReplies(two.ID, 1, wait); len(rs) != 1 || len(rs[0].Embeds) != 2 || len(rs[0].CustomIDs()) != 4 ||
		!strings.Contains(rs[0].Text(), "Maciej Stadejek") || !strings.Contains(rs[0].Text(), "Brussels") {
		t.Errorf("two questions in one mention = %v", rs)
	}
	it = h.command(t, discordtest.InteractionSpec{Command: "summary", User: alice,
		Options: []discordtest.Option{{Name: "brief", Type: discordtest.OptionString, Value: "water-summit"}}})
	if r := it.Reply(); len(r.Embeds) != 1 || !strings.Contains(r.Embeds[0].Title, "Water summit") || strings.Contains(r.Text(), "Brussels") {
		t.Errorf("/summary brief:water-summit = %q", r.Text())
	}
	it = h.command(t, discordtest.InteractionSpec{Command: "ask", User: alice, Options: []discordtest.Option{
		{Name: "question", Type: discordtest.OptionString, Value: "Where was it held?"},
		{Name: "brief", Type: discordtest.OptionString, Value: "water-summit"}}})
	if r := it.Reply(); strings.Contains(r.Text(), "Brussels") {
		t.Errorf("/ask scoped to the water summit cites the dialogue: %q", r.Text())
	}
	ac := h.command(t, discordtest.InteractionSpec{Type: discordtest.TypeAutocomplete, Command: "ask", User: alice,
		Options: []discordtest.Option{{Name: "question", Type: discordtest.OptionString, Value: "who"},
			{Name: "brief", Type: discordtest.OptionString, Value: "wat", Focused: true}}})
	if cs := ac.Callbacks[0].Choices; len(cs) != 1 || cs[0]["value"] != "water-summit" || !strings.Contains(cs[0]["name"].(string), "2025-03-03") {
		t.Errorf("brief autocomplete = %v", cs)
	}
}

// TestForgedVotesRefused: only the vote buttons the bot made count, in
// the server it made them for. Hand-made ids, a signature moved to
// another fact, and a real button clicked from another server are refused
// with a reply, and /feedback shows only the real vote.
func TestForgedVotesRefused(t *testing.T) {
	const other = "1100000000000000999"
	opt, db := withJournal(t, filepath.Join(t.TempDir(), "briefbot.db"))
	h := start(t, nil, opt, func(c *bot.Config, s *discordtest.Server) {
		c.AdminUserIDs = []string{admin.ID}
		s.OtherGuildIDs = []string{other}
	})
	m := h.ask(t, "Who led the EU delegation?")
	ids := m.CustomIDs()
	if len(ids) != 2 {
		t.Fatalf("answer buttons %q, want 👍 and 👎", ids)
	}
	parts := strings.Split(ids[1], ":") // fb, 0, fact, answer, mac
	if len(parts) != 5 {
		t.Fatalf("vote button %q is not signed", ids[1])
	}
	for _, tc := range []struct {
		name, id, guild string
	}{
		{"unsigned", strings.Join(parts[:4], ":"), ""},
		{"made up", "fb:0:p9s9-00000000:1500000000000000999:AAAAAAAAAAAAAAAA", ""},
		{"signature moved to another fact", strings.Join([]string{"fb", "0", "p1s1-aedd3dfa", parts[3], parts[4]}, ":"), ""},
		{"another server", ids[1], other},
		{"not a vote at all", "fb:0", ""},
	} {
		click := h.command(t, discordtest.InteractionSpec{Type: discordtest.TypeComponent, CustomID: tc.id, Message: m, User: alice, GuildID: tc.guild})
		if r := click.Reply(); !r.Ephemeral() || !strings.Contains(r.Content, "no longer counts") {
			t.Errorf("%s: reply %+v, want a refusal", tc.name, r)
		}
	}
	click := h.command(t, discordtest.InteractionSpec{Type: discordtest.TypeComponent, CustomID: ids[1], Message: m, User: alice})
	if r := click.Reply(); !strings.Contains(r.Content, "noted") {
		t.Errorf("real 👎: reply %+v", r)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := db.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	r := h.command(t, discordtest.InteractionSpec{Command: "feedback", User: admin}).Reply()
	if !strings.Contains(r.Text(), "1 👎") || strings.Contains(r.Text(), "p9s9") || strings.Contains(r.Text(), "p1s1") {
		t.Errorf("/feedback = %q, want the one real 👎 only", r.Text())
	}
}

// TestPrivateQuestionsStayPrivate: a manager's /unanswered shows the
// questions asked in the open in that server, never one asked in a DM, as
// an ephemeral /ask, or in another server.
func TestPrivateQuestionsStayPrivate(t *testing.T) {
	const other = "1100000000000000999"
	opt, db := withJournal(t, filepath.Join(t.TempDir(), "briefbot.db"))
	h := start(t, nil, opt, func(c *bot.Config, s *discordtest.Server) {
		c.AdminUserIDs = []string{admin.ID}
		c.GuildID = "" // global commands, in both servers
		s.OtherGuildIDs = []string{other}
	})
	h.logs.wait("connected to Discord", 1)
	ask := func(q string, spec discordtest.InteractionSpec) {
		t.Helper()
		spec.Command, spec.User = "ask", alice
		spec.Options = append(spec.Options, discordtest.Option{Name: "question", Type: discordtest.OptionString, Value: q})
		h.command(t, spec)
	}
	ask("What is the recipe for ratatouille?", discordtest.InteractionSpec{})
	ask("What are the side effects of my medication?", discordtest.InteractionSpec{InDM: true})
	ask("Is my landlord allowed to evict me?", discordtest.InteractionSpec{
		Options: []discordtest.Option{{Name: "private", Type: discordtest.OptionBoolean, Value: true}}})
	ask("What is the score in the other server?", discordtest.InteractionSpec{GuildID: other})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := db.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	r := h.command(t, discordtest.InteractionSpec{Command: "unanswered", User: admin}).Reply()
	if !strings.Contains(r.Text(), "ratatouille") {
		t.Errorf("/unanswered = %q, want the question asked in the open", r.Text())
	}
	for _, private := range []string{"medication", "landlord", "other server"} {
		if strings.Contains(r.Text(), private) {
			t.Errorf("/unanswered shows a question it must not (%q): %q", private, r.Text())
		}
	}
}

// stuckReports is a question log whose reads never finish on their own,
// like one another process holds locked.
type stuckReports struct{}

func (stuckReports) Unanswered(ctx context.Context, _ journal.Scope, _ time.Time, _ int) ([]journal.Unanswered, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

func (stuckReports) Disputed(ctx context.Context, _ journal.Scope, _ time.Time, _ int) ([]journal.Disputed, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

// TestAdminViewTimesOut: a view whose query does not finish answers with
// a sentence in time rather than never.
func TestAdminViewTimesOut(t *testing.T) {
	h := start(t, nil, func(c *bot.Config, _ *discordtest.Server) {
		c.AdminUserIDs = []string{admin.ID}
		c.Reports = stuckReports{}
	})
	for _, view := range []string{"unanswered", "feedback"} {
		r := h.command(t, discordtest.InteractionSpec{Command: view, User: admin}).Reply()
		if !r.Ephemeral() || !strings.Contains(r.Content, "busy") {
			t.Errorf("/%s on a stuck log = %+v, want the busy sentence", view, r)
		}
	}
}

// TestServerManagersSeeTheirOwnViews: the managers of any server the bot
// is in read that server's /unanswered and /feedback, and no other
// server's questions; a member without the permission is refused.
func TestServerManagersSeeTheirOwnViews(t *testing.T) {
	const other = "1100000000000000998"
	opt, db := withJournal(t, filepath.Join(t.TempDir(), "briefbot.db"))
	h := start(t, nil, opt, func(c *bot.Config, s *discordtest.Server) {
		c.GuildID = "" // global commands, in both servers; no bot admins
		s.OtherGuildIDs = []string{other}
	})
	h.logs.wait("connected to Discord", 1)
	ask := func(guild, q string) {
		t.Helper()
		h.command(t, discordtest.InteractionSpec{Command: "ask", User: alice, GuildID: guild,
			Options: []discordtest.Option{{Name: "question", Type: discordtest.OptionString, Value: q}}})
	}
	ask("", "What is the recipe for ratatouille?")
	ask(other, "Who won the chess final?")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := db.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	view := func(name string, perms int64) *discordtest.Message {
		t.Helper()
		return h.command(t, discordtest.InteractionSpec{Command: name, GuildID: other, User: admin, Permissions: perms}).Reply()
	}
	r := view("unanswered", manage)
	if !r.Ephemeral() || !strings.Contains(r.Text(), "chess final") || strings.Contains(r.Text(), "ratatouille") {
		t.Errorf("/unanswered by the other server's manager = %q (ephemeral %v), want its own question alone", r.Text(), r.Ephemeral())
	}
	if r := view("feedback", manage); !r.Ephemeral() || !strings.Contains(r.Text(), "No answer was marked wrong") {
		t.Errorf("/feedback by the other server's manager = %q, want its empty view", r.Text())
	}
	for _, name := range []string{"unanswered", "feedback"} {
		if r := view(name, 0); !r.Ephemeral() || strings.Contains(r.Text(), "chess final") || !strings.Contains(r.Text(), "Only") {
			t.Errorf("/%s by a member who manages nothing = %q, want a refusal", name, r.Text())
		}
	}
}
