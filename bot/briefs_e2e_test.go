package bot_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/discordtest"
)

// addBrief runs /brief add with one attached file.
func addBrief(t *testing.T, h *harness, user discordtest.User, a discordtest.Attachment, replace bool) *discordtest.Message {
	t.Helper()
	opts := []discordtest.Option{{Name: "file", Type: discordtest.OptionAttachment, Value: a.ID}}
	if replace {
		opts = append(opts, discordtest.Option{Name: "replace", Type: discordtest.OptionBoolean, Value: true})
	}
	return h.command(t, discordtest.InteractionSpec{Command: "brief", User: user, Attachments: []discordtest.Attachment{a},
		Options: []discordtest.Option{{Name: "add", Type: discordtest.OptionSubcommand, Options: opts}}}).Reply()
}

func TestBriefAddAndRemove(t *testing.T) {
	h := start(t, nil, func(c *bot.Config, _ *discordtest.Server) { c.AdminUserIDs = []string{admin.ID} })
	exists := func(name string) bool {
		_, err := os.Stat(filepath.Join(h.dir, name))
		return err == nil
	}
	good := discordtest.Attachment{ID: "1600000000000000001", Filename: "Water Summit.txt", ContentType: "text/plain; charset=utf-8",
		Data: []byte(newBrief)}

	// Members who may not reload may not add either.
	if r := addBrief(t, h, alice, good, false); !strings.Contains(r.Content, "Only the bot's admins") || exists("water-summit.txt") {
		t.Errorf("a member's /brief add = %q", r.Content)
	}

	// A good file: written under its sanitised name, reloaded, answered at once.
	r := addBrief(t, h, admin, good, false)
	if !strings.Contains(r.Content, "Briefs added: water-summit") || !exists("water-summit.txt") {
		t.Fatalf("/brief add = %q", r.Content)
	}
	if m := h.ask(t, "Who chaired the water summit?"); !strings.Contains(m.Text(), "Amina Rauf") {
		t.Errorf("added brief not answered: %q", m.Text())
	}

	// The same name again needs replace.
	if r := addBrief(t, h, admin, good, false); !strings.Contains(r.Content, "replace: True") {
		t.Errorf("a second add of the same name = %q", r.Content)
	}
	if r := addBrief(t, h, admin, good, true); !strings.Contains(r.Content, "nothing changed") {
		t.Errorf("add with replace = %q", r.Content)
	}

	// A bad brief: every problem listed, nothing written.
	bad := discordtest.Attachment{ID: "1600000000000000002", Filename: "broken.txt", ContentType: "text/plain",
		Data: []byte("A paragraph without a source line.\n")}
	if r := addBrief(t, h, admin, bad, false); !strings.Contains(r.Content, "Nothing was added") || !strings.Contains(r.Content, "Original Source") || exists("broken.txt") {
		t.Errorf("bad brief = %q (written: %v)", r.Content, exists("broken.txt"))
	}

	// Too large or not text: refused before anything is downloaded.
	before := h.srv.Downloads()
	for _, a := range []discordtest.Attachment{
		{ID: "1600000000000000003", Filename: "huge.txt", ContentType: "text/plain", Data: []byte("x"), Size: 5 << 20},
		{ID: "1600000000000000004", Filename: "photo.png", ContentType: "image/png", Data: []byte("\x89PNG")},
		{ID: "1600000000000000005", Filename: "brief.txt", ContentType: "application/pdf", Data: []byte("%PDF")},
	} {
		if r := addBrief(t, h, admin, a, false); !r.Ephemeral() || strings.Contains(r.Content, "Reloaded") {
			t.Errorf("%s accepted: %q", a.Filename, r.Content)
		}
	}
	if h.srv.Downloads() != before {
		t.Errorf("refused files were downloaded")
	}

	// A name that tries to leave the directory lands inside it.
	trick := discordtest.Attachment{ID: "1600000000000000006", Filename: "../../.hidden/../Evil Plan.txt", ContentType: "text/plain",
		Data: []byte("The evil plan was hatched in Oslo.\nOriginal Source: www.example.org\n")}
	if r := addBrief(t, h, admin, trick, false); !strings.Contains(r.Content, "evil-plan") || !exists("evil-plan.txt") {
		t.Errorf("path-traversal name = %q", r.Content)
	}

	// Remove: into .trash, no longer loaded or answered.
	it := h.command(t, discordtest.InteractionSpec{Command: "brief", User: admin,
		Options: []discordtest.Option{{Name: "remove", Type: discordtest.OptionSubcommand,
			Options: []discordtest.Option{{Name: "name", Type: discordtest.OptionString, Value: "water-summit"}}}}})
	if r := it.Reply(); !strings.Contains(r.Content, "Briefs removed: water-summit") || exists("water-summit.txt") {
		t.Errorf("/brief remove = %q", r.Content)
	}
	trashed, _ := filepath.Glob(filepath.Join(h.dir, ".trash", "water-summit-*.txt"))
	if len(trashed) != 1 {
		t.Errorf("trash holds %v", trashed)
	}
	if m := h.ask(t, "Who chaired the water summit?"); strings.Contains(m.Text(), "Amina Rauf") {
		t.Errorf("removed brief still answered")
	}
	// Autocomplete offers the loaded briefs.
	ac := h.command(t, discordtest.InteractionSpec{Type: discordtest.TypeAutocomplete, Command: "brief", User: admin,
		Options: []discordtest.Option{{Name: "remove", Type: discordtest.OptionSubcommand,
			Options: []discordtest.Option{{Name: "name", Type: discordtest.OptionString, Value: "evil", Focused: true}}}}})
	if cs := ac.Callbacks[0].Choices; len(cs) != 1 || cs[0]["value"] != "evil-plan" {
		t.Errorf("remove autocomplete = %v", cs)
	}
}

func TestBriefRefusedOnBuiltInBrief(t *testing.T) {
	h := start(t, nil, func(c *bot.Config, _ *discordtest.Server) {
		c.AdminUserIDs = []string{admin.ID}
		c.BriefsDir = ""
	})
	a := discordtest.Attachment{ID: "1600000000000000007", Filename: "x.txt", ContentType: "text/plain", Data: []byte(newBrief)}
	if r := addBrief(t, h, admin, a, false); !strings.Contains(r.Content, "BRIEFS_DIR") {
		t.Errorf("/brief add on the built-in brief = %q", r.Content)
	}
}
