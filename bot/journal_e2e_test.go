package bot_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/discordtest"
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
	path := filepath.Join(t.TempDir(), "briefbot.db")
	opt, db := withJournal(t, path)
	h := start(t, nil, opt, func(c *bot.Config, _ *discordtest.Server) { c.AdminUserIDs = []string{admin.ID} })

	m := h.ask(t, "Who is Olof Skoog?")
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
	if r := h.command(t, discordtest.InteractionSpec{Command: "feedback", User: alice}).Reply(); !strings.Contains(r.Content, "Only the server managers") {
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
	if !r.Ephemeral() || !strings.Contains(r.Text(), "1 👎") || !strings.Contains(r.Text(), "0 👍") || !strings.Contains(r.Text(), "Who is Olof Skoog?") {
		t.Errorf("/feedback after a restart = %q", r.Text())
	}
	r = h.command(t, discordtest.InteractionSpec{Command: "unanswered", User: admin,
		Options: []discordtest.Option{{Name: "days", Type: discordtest.OptionInteger, Value: 30}}}).Reply()
	if !strings.Contains(r.Text(), "ratatouille") || !strings.Contains(r.Text(), "last 30 days") {
		t.Errorf("/unanswered after a restart = %q", r.Text())
	}
}
