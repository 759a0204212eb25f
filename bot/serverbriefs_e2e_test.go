package bot_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/discordtest"
	"github.com/briefbot/briefbot/bot/journal/sqlite"
	"github.com/briefbot/briefbot/bot/library"
)

// withLibrary gives the bot a SQLite library in the test's directory, and
// returns it so a test can change it as another process would.
func withLibrary(t *testing.T, lib **sqlite.DB) option {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "briefbot.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	*lib = db
	return func(c *bot.Config, _ *discordtest.Server) { c.Library = db }
}

const otherGuild = "1100000000000000777"

// inGuild runs a command in guild as user with perms.
func inGuild(t *testing.T, h *harness, guild string, user discordtest.User, perms int64, cmd string, opts ...discordtest.Option) discordtest.Interaction {
	t.Helper()
	return h.command(t, discordtest.InteractionSpec{Command: cmd, GuildID: guild, User: user, Permissions: perms, Options: opts})
}

func askIn(t *testing.T, h *harness, guild, question string) string {
	t.Helper()
	it := inGuild(t, h, guild, alice, 0, "ask", discordtest.Option{Name: "question", Type: discordtest.OptionString, Value: question})
	return it.Reply().Text()
}

func sub(name string, opts ...discordtest.Option) discordtest.Option {
	return discordtest.Option{Name: name, Type: discordtest.OptionSubcommand, Options: opts}
}

// addTo runs /brief add in guild as a member with perms.
func addTo(t *testing.T, h *harness, guild string, perms int64, a discordtest.Attachment, more ...discordtest.Option) string {
	t.Helper()
	opts := append([]discordtest.Option{{Name: "file", Type: discordtest.OptionAttachment, Value: a.ID}}, more...)
	it := h.command(t, discordtest.InteractionSpec{Command: "brief", GuildID: guild, User: admin, Permissions: perms,
		Attachments: []discordtest.Attachment{a}, Options: []discordtest.Option{sub("add", opts...)}})
	return it.Reply().Content
}

const manage = int64(discordgo.PermissionManageGuild)

func TestServerBriefs(t *testing.T) {
	var lib *sqlite.DB
	h := start(t, nil, withLibrary(t, &lib), func(c *bot.Config, s *discordtest.Server) { s.OtherGuildIDs = []string{otherGuild}; c.GuildID = "" })
	home := h.srv.GuildID
	water := discordtest.Attachment{ID: "1600000000000000101", Filename: "Water Summit.txt", ContentType: "text/plain", Data: []byte(newBrief)}
	const q = "Who chaired the water summit?"

	// A member without Manage Server may not add.
	if r := addTo(t, h, otherGuild, 0, water); !strings.Contains(r, "Only this server's managers") {
		t.Errorf("a member's add = %q", r)
	}
	// The other server's manager adds to their own server: no home-server rule.
	if r := addTo(t, h, otherGuild, manage, water); !strings.Contains(r, "Added `water-summit` (2 facts)") {
		t.Fatalf("a manager's add = %q", r)
	}
	if got := askIn(t, h, otherGuild, q); !strings.Contains(got, "Amina Rauf") {
		t.Errorf("the server's own brief is not answered there: %q", got)
	}
	// The shared brief still answers there too.
	shared := "Who led the Pakistani delegation?"
	if got := askIn(t, h, otherGuild, shared); strings.Contains(got, "does not say") {
		t.Errorf("shared brief not answered beside the server's: %q", got)
	}
	// Never in another server, nor in a DM.
	if got := askIn(t, h, home, q); strings.Contains(got, "Amina Rauf") {
		t.Errorf("server A's brief answered in server B: %q", got)
	}
	dm := h.command(t, discordtest.InteractionSpec{Command: "ask", InDM: true,
		Options: []discordtest.Option{{Name: "question", Type: discordtest.OptionString, Value: q}}}).Reply().Text()
	if strings.Contains(dm, "Amina Rauf") {
		t.Errorf("a server's brief answered in a DM: %q", dm)
	}
	// Nor offered or summarised there.
	for _, guild := range []string{home, otherGuild} {
		ac := h.command(t, discordtest.InteractionSpec{Type: discordtest.TypeAutocomplete, Command: "ask", GuildID: guild,
			Options: []discordtest.Option{{Name: "question", Type: discordtest.OptionString, Value: "water", Focused: true}}})
		offered := false
		for _, c := range ac.Callbacks[0].Choices {
			offered = offered || strings.Contains(strings.ToLower(c["value"].(string)), "summit")
		}
		if offered != (guild == otherGuild) {
			t.Errorf("in %s, offers %v", guild, ac.Callbacks[0].Choices)
		}
		sum := inGuild(t, h, guild, alice, 0, "summary").Reply().Text()
		if strings.Contains(sum, "Lahore") != (guild == otherGuild) {
			t.Errorf("in %s, summary = %q", guild, sum)
		}
	}

	// /brief list: anyone, privately; own briefs with who added them, then shared.
	list := inGuild(t, h, otherGuild, alice, 0, "brief", sub("list")).Reply()
	if !list.Ephemeral() || !strings.Contains(list.Content, "This server's briefs** (1)") ||
		!strings.Contains(list.Content, "added by <@"+admin.ID+">") || !strings.Contains(list.Content, "Shared briefs") ||
		!strings.Contains(list.Content, "2025-03-03, 2 facts") {
		t.Errorf("/brief list = %q (ephemeral %v)", list.Content, list.Ephemeral())
	}
	noPings(t, list)
	if home := inGuild(t, h, home, alice, 0, "brief", sub("list")).Reply().Content; strings.Contains(home, "Water") {
		t.Errorf("server B's list shows server A's brief: %q", home)
	}

	// Shared briefs off: only the server's own answer there; on again.
	off := sub("shared", discordtest.Option{Name: "enabled", Type: discordtest.OptionBoolean, Value: false})
	if r := inGuild(t, h, otherGuild, alice, 0, "brief", off).Reply().Content; !strings.Contains(r, "Only this server's managers") {
		t.Errorf("a member turned shared briefs off: %q", r)
	}
	if r := inGuild(t, h, otherGuild, admin, manage, "brief", off).Reply().Content; !strings.Contains(r, "own briefs alone") {
		t.Errorf("/brief shared enabled:false = %q", r)
	}
	if got := askIn(t, h, otherGuild, shared); !strings.Contains(got, "does not say") && strings.Contains(got, "Pakistan") {
		t.Errorf("shared brief answered with shared off: %q", got)
	}
	if got := askIn(t, h, home, shared); strings.Contains(got, "does not say") {
		t.Errorf("turning shared off in A turned it off in B: %q", got)
	}
	on := sub("shared", discordtest.Option{Name: "enabled", Type: discordtest.OptionBoolean, Value: true})
	inGuild(t, h, otherGuild, admin, manage, "brief", on)
	if got := askIn(t, h, otherGuild, shared); strings.Contains(got, "does not say") {
		t.Errorf("shared brief not answered once on again: %q", got)
	}

	// Same name again needs replace; remove takes it away.
	if r := addTo(t, h, otherGuild, manage, water); !strings.Contains(r, "replace: True") {
		t.Errorf("second add = %q", r)
	}
	ac := h.command(t, discordtest.InteractionSpec{Type: discordtest.TypeAutocomplete, Command: "brief", GuildID: otherGuild, User: admin, Permissions: manage,
		Options: []discordtest.Option{sub("remove", discordtest.Option{Name: "name", Type: discordtest.OptionString, Value: "wat", Focused: true})}})
	if cs := ac.Callbacks[0].Choices; len(cs) != 1 || cs[0]["value"] != "water-summit" {
		t.Errorf("remove autocomplete = %v", cs)
	}
	rm := sub("remove", discordtest.Option{Name: "name", Type: discordtest.OptionString, Value: "water-summit"})
	if r := inGuild(t, h, otherGuild, admin, manage, "brief", rm).Reply().Content; !strings.Contains(r, "Removed `water-summit`") {
		t.Errorf("/brief remove = %q", r)
	}
	if got := askIn(t, h, otherGuild, q); strings.Contains(got, "Amina Rauf") {
		t.Errorf("removed brief still answered: %q", got)
	}
	if r := inGuild(t, h, otherGuild, admin, manage, "brief", rm).Reply().Content; !strings.Contains(r, "keeps no brief named") {
		t.Errorf("second remove = %q", r)
	}
}

// A change committed by another process sharing the store is served here
// without a restart.
func TestServerBriefsFollowTheStore(t *testing.T) {
	var lib *sqlite.DB
	h := start(t, nil, withLibrary(t, &lib), func(c *bot.Config, s *discordtest.Server) {
		s.OtherGuildIDs = []string{otherGuild}
		c.GuildID = ""
		c.AdminUserIDs = []string{admin.ID}
	})
	const q = "Who chaired the water summit?"
	if got := askIn(t, h, otherGuild, q); strings.Contains(got, "Amina Rauf") {
		t.Fatalf("answered before it was added: %q", got)
	}
	err := lib.PutBrief(context.Background(), library.Brief{Guild: otherGuild, Name: "water", Text: newBrief, Added: time.Now()}, false)
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Second)
	for !strings.Contains(askIn(t, h, otherGuild, q), "Amina Rauf") {
		if time.Now().After(deadline) {
			t.Fatal("a brief another process added was not answered within 2 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	// One process serves the store: a reload says the new briefs are live on it.
	r := inGuild(t, h, otherGuild, admin, 0, "reload").Reply().Content
	if !strings.Contains(r, "Live on 1 of 1 process.") {
		t.Errorf("/reload = %q", r)
	}
}

// TestBriefChangesRefusedWhileStoreDown: with the briefs store gone, a
// manager's add, remove and shared switch are each refused with a
// sentence saying nothing changed, and the server's questions are still
// answered from the briefs in memory.
func TestBriefChangesRefusedWhileStoreDown(t *testing.T) {
	var lib *sqlite.DB
	h := start(t, nil, withLibrary(t, &lib), func(c *bot.Config, s *discordtest.Server) { s.OtherGuildIDs = []string{otherGuild}; c.GuildID = "" })
	water := discordtest.Attachment{ID: "1600000000000000201", Filename: "Water Summit.txt", ContentType: "text/plain", Data: []byte(newBrief)}
	const q = "Who chaired the water summit?"
	if r := addTo(t, h, otherGuild, manage, water); !strings.Contains(r, "Added `water-summit`") {
		t.Fatalf("a manager's add = %q", r)
	}
	if got := askIn(t, h, otherGuild, q); !strings.Contains(got, "Amina Rauf") {
		t.Fatalf("the server's own brief is not answered: %q", got)
	}
	if err := lib.Close(); err != nil {
		t.Fatal(err)
	}
	again := discordtest.Attachment{ID: "1600000000000000202", Filename: "Water Summit 2.txt", ContentType: "text/plain", Data: []byte(newBrief)}
	changes := map[string]func() string{
		"add": func() string { return addTo(t, h, otherGuild, manage, again) },
		"remove": func() string {
			rm := sub("remove", discordtest.Option{Name: "name", Type: discordtest.OptionString, Value: "water-summit"})
			return inGuild(t, h, otherGuild, admin, manage, "brief", rm).Reply().Content
		},
		"shared": func() string {
			off := sub("shared", discordtest.Option{Name: "enabled", Type: discordtest.OptionBoolean, Value: false})
			return inGuild(t, h, otherGuild, admin, manage, "brief", off).Reply().Content
		},
	}
	for name, change := range changes {
		if r := change(); !strings.Contains(r, "store is unavailable") || !strings.Contains(r, "nothing was changed") {
			t.Errorf("/brief %s with the store down = %q, want the store-down sentence", name, r)
		}
	}
	if got := askIn(t, h, otherGuild, q); !strings.Contains(got, "Amina Rauf") {
		t.Errorf("with the store down, the server's brief is no longer answered: %q", got)
	}
}
