package bot_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/discordtest"
	"github.com/briefbot/briefbot/bot/journal"
)

func TestForgetMe(t *testing.T) {
	opt, db := withJournal(t, filepath.Join(t.TempDir(), "briefbot.db"))
	t.Cleanup(func() { db.Close() })
	h := start(t, nil, opt, func(c *bot.Config, _ *discordtest.Server) { c.Eraser, c.GuildID = db, "" })
	bob := discordtest.User{ID: "1300000000000000009", Username: "bob"}
	ask := func(u discordtest.User, q string) {
		t.Helper()
		h.command(t, discordtest.InteractionSpec{Command: "ask", User: u,
			Options: []discordtest.Option{{Name: "question", Type: discordtest.OptionString, Value: q}}})
	}
	ask(alice, "What is the recipe for ratatouille?")
	ask(bob, "What is the recipe for gazpacho?")
	m := h.ask(t, "Who led the EU delegation?") // alice, with vote buttons
	if ids := m.CustomIDs(); len(ids) == 2 {
		h.command(t, discordtest.InteractionSpec{Type: discordtest.TypeComponent, CustomID: ids[1], Message: m, User: alice})
	}
	r := h.command(t, discordtest.InteractionSpec{Command: "forget-me", User: alice}).Reply()
	if !r.Ephemeral() || !strings.Contains(r.Content, "Deleted 2 questions and 1 vote") {
		t.Fatalf("/forget-me = %q (ephemeral %v)", r.Content, r.Ephemeral())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := db.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	rows, err := db.Unanswered(ctx, journal.Scope{}, time.Now().Add(-time.Hour), 10)
	if err != nil || len(rows) != 1 || !strings.Contains(rows[0].Text, "gazpacho") {
		t.Errorf("after alice's /forget-me, unanswered = %+v, %v; want bob's alone", rows, err)
	}
	if d, _ := db.Disputed(ctx, journal.Scope{}, time.Now().Add(-time.Hour), 10); len(d) != 0 {
		t.Errorf("alice's vote survived /forget-me: %+v", d)
	}
	// In a DM too, and with nothing left to delete.
	r = h.command(t, discordtest.InteractionSpec{Command: "forget-me", User: alice, InDM: true}).Reply()
	if !strings.Contains(r.Content, "Deleted 0 questions and 0 votes") {
		t.Errorf("second /forget-me in a DM = %q", r.Content)
	}
}

func TestNoQuestionLog(t *testing.T) {
	opt, db := withJournal(t, filepath.Join(t.TempDir(), "briefbot.db"))
	t.Cleanup(func() { db.Close() })
	h := start(t, nil, opt, func(c *bot.Config, _ *discordtest.Server) { c.NoQuestionLog = true })
	h.ask(t, "What is the recipe for ratatouille?")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := db.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if rows, err := db.Unanswered(ctx, journal.Scope{}, time.Now().Add(-time.Hour), 10); err != nil || len(rows) != 0 {
		t.Errorf("NoQuestionLog kept %+v, %v", rows, err)
	}
}
