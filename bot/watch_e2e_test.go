package bot_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/discordtest"
	"github.com/briefbot/briefbot/bot/journal/sqlite"
)

const (
	// newsChannel is the other server's channel its news is posted in.
	newsChannel = "1500000000000000001"
	// editorsRole is the other server's role with Manage Server.
	editorsRole = "1400000000000000010"
	// messageContent is Discord's Message Content intent.
	messageContent = int64(discordgo.IntentsMessageContent)
)

// editor holds editorsRole in the other server.
var editor = discordtest.User{ID: "1300000000000000010", Username: "editor"}

// waterPost is the water-summit brief as a manager would post it.
const waterPost = `# Water summit in Lahore
The city of Lahore hosted a regional water summit on March 3, 2025, attended by delegates from six countries.
The summit was chaired by **Amina Rauf**, Minister for Water Resources.
https://www.dawn.com/news/1`

const chairQuestion = "Who chaired the water summit?"

// newsroom starts a bot in two servers with a library; the other one has
// an editors role with Manage Server, and reads newsChannel as its briefs
// channel when watched is set. The bot reads messages' content unless
// unreadable is set.
func newsroom(t *testing.T, watched, unreadable bool) (*harness, *sqlite.DB) {
	t.Helper()
	var lib *sqlite.DB
	h := start(t, nil, withLibrary(t, &lib), func(c *bot.Config, s *discordtest.Server) {
		c.GuildID = ""
		s.OtherGuildIDs = []string{otherGuild}
		s.Roles = map[string][]discordtest.Role{otherGuild: {
			{ID: editorsRole, Name: "editors", Permissions: manage},
			{ID: "1400000000000000011", Name: "readers", Permissions: int64(discordgo.PermissionManageMessages)},
		}}
		if !unreadable {
			c.MessageContent = true
			s.PrivilegedIntents = messageContent
		}
	})
	if watched {
		if r := watchIn(t, h, admin, manage, newsChannel); !strings.Contains(r, "now become its briefs") {
			t.Fatalf("/brief watch = %q", r)
		}
	}
	return h, lib
}

// watchIn runs /brief watch in the other server as user with perms.
func watchIn(t *testing.T, h *harness, user discordtest.User, perms int64, channel string) string {
	t.Helper()
	return inGuild(t, h, otherGuild, user, perms, "brief",
		sub("watch", discordtest.Option{Name: "channel", Type: discordtest.OptionChannel, Value: channel})).Reply().Content
}

// post posts content in the other server's briefs channel as the editor.
func post(h *harness, content string, atts ...discordtest.Attachment) *discordtest.Message {
	return h.srv.PostIn(discordtest.PostSpec{Author: editor, GuildID: otherGuild, ChannelID: newsChannel,
		Roles: []string{editorsRole}, Content: content, Attachments: atts})
}

// loaded waits until the bot has reacted n times to m, each time ✅.
func loaded(t *testing.T, h *harness, m *discordtest.Message, n int) {
	t.Helper()
	rs := h.srv.WaitReactions(m.ID, n, wait)
	if len(rs) != n || slices.ContainsFunc(rs, func(e string) bool { return e != "✅" }) {
		replies := h.srv.WaitReplies(m.ID, 1, 0)
		t.Fatalf("reactions to the post = %q, want %d ✅; replies %v", rs, n, texts(replies))
	}
}

// refused waits for the bot's one reply to m and returns it.
func refused(t *testing.T, h *harness, m *discordtest.Message) string {
	t.Helper()
	rs := h.srv.WaitReplies(m.ID, 1, wait)
	if len(rs) != 1 {
		t.Fatalf("%d replies to the post, want 1", len(rs))
	}
	noPings(t, rs[0])
	return rs[0].Content
}

func texts(ms []*discordtest.Message) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Content)
	}
	return out
}

// briefNames lists the other server's briefs as the library keeps them.
func briefNames(t *testing.T, lib *sqlite.DB) []string {
	t.Helper()
	bs, err := lib.Briefs(context.Background(), otherGuild)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, b := range bs {
		out = append(out, b.Name)
	}
	return out
}

func TestWatchCommand(t *testing.T) {
	h, lib := newsroom(t, false, true)
	unwatch := sub("unwatch")
	for _, r := range []string{
		watchIn(t, h, alice, 0, newsChannel),
		inGuild(t, h, otherGuild, alice, 0, "brief", unwatch).Reply().Content,
	} {
		if !strings.Contains(r, "Only this server's managers") {
			t.Errorf("a member's /brief watch or unwatch = %q", r)
		}
	}
	r := watchIn(t, h, admin, manage, newsChannel)
	if !strings.Contains(r, "<#"+newsChannel+"> by this server's managers") || !strings.Contains(r, "MESSAGE_CONTENT=on") {
		t.Errorf("/brief watch without Message Content = %q", r)
	}
	set, err := lib.Settings(context.Background(), otherGuild)
	if err != nil || set.Watch != newsChannel {
		t.Errorf("settings after watch = %+v, %v", set, err)
	}
	if home, _ := lib.Settings(context.Background(), h.srv.GuildID); home.Watch != "" {
		t.Errorf("watching in one server watched in another: %+v", home)
	}
	it := inGuild(t, h, otherGuild, admin, manage, "brief", unwatch)
	if r := it.Reply(); !r.Ephemeral() || !strings.Contains(r.Content, "no longer become briefs") {
		t.Errorf("/brief unwatch = %q (ephemeral %v)", r.Content, r.Ephemeral())
	}
	if r := inGuild(t, h, otherGuild, admin, manage, "brief", unwatch).Reply().Content; !strings.Contains(r, "No channel's posts") {
		t.Errorf("second /brief unwatch = %q", r)
	}
	// Posts in a channel no longer watched are not briefs.
	m := post(h, waterPost)
	if ls := h.logs.waitFor(func(ls []map[string]any) bool { return logged(ls, "message", m.ID) }, "message ignored"); !logged(ls, "message", m.ID) {
		t.Errorf("a post in an unwatched channel was not left alone")
	}
	if names := briefNames(t, lib); len(names) != 0 {
		t.Errorf("briefs after a post in an unwatched channel: %v", names)
	}
}

func TestWatchNeedsLibrary(t *testing.T) {
	h := start(t, nil)
	r := h.command(t, discordtest.InteractionSpec{Command: "brief", User: admin, Permissions: manage, Options: []discordtest.Option{
		sub("watch", discordtest.Option{Name: "channel", Type: discordtest.OptionChannel, Value: newsChannel})}}).Reply()
	if !r.Ephemeral() || !strings.Contains(r.Content, "keeps no briefs for each server") {
		t.Errorf("/brief watch without a library = %q", r.Content)
	}
}

func TestBriefsChannel(t *testing.T) {
	h, lib := newsroom(t, true, false)
	home := h.srv.GuildID

	// A member without rights is ignored; their post adds nothing.
	ignored := h.srv.PostIn(discordtest.PostSpec{Author: alice, GuildID: otherGuild, ChannelID: newsChannel,
		Roles: []string{"1400000000000000011"}, Content: waterPost})
	if ls := h.logs.wait("briefs-channel post ignored: its author may not change this server's briefs", 1); !logged(ls, "message", ignored.ID) {
		t.Fatalf("a member's post was not ignored: %v", ls)
	}

	// A manager's post becomes a brief of that server, marked ✅.
	m := post(h, waterPost)
	loaded(t, h, m, 1)
	if got := askIn(t, h, otherGuild, chairQuestion); !strings.Contains(got, "Amina Rauf") {
		t.Errorf("the posted brief is not answered in its server: %q", got)
	}
	if got := askIn(t, h, home, chairQuestion); strings.Contains(got, "Amina Rauf") {
		t.Errorf("a server's posted brief answered in another server: %q", got)
	}
	bs, err := lib.Briefs(context.Background(), otherGuild)
	if err != nil || len(bs) != 1 {
		t.Fatalf("briefs = %+v, %v; want the posted one (not the member's)", bs, err)
	}
	b := bs[0]
	if b.Name != "water-summit-in-lahore" || b.Message != m.ID || b.AddedBy != editor.ID ||
		!strings.HasPrefix(b.Text, "Title: Water summit in Lahore\n") || !strings.HasSuffix(b.Text, "Original Source: www.dawn.com\n") ||
		strings.Contains(b.Text, "**") {
		t.Errorf("posted brief = %+v", b)
	}
	list := inGuild(t, h, otherGuild, alice, 0, "brief", sub("list")).Reply().Content
	if !strings.Contains(list, "Water summit in Lahore") || !strings.Contains(list, "2025-03-03") || !strings.Contains(list, "added by <@"+editor.ID+">") {
		t.Errorf("/brief list = %q", list)
	}

	// Another post of the same title gets a name of its own.
	again := post(h, strings.Replace(waterPost, "Amina Rauf", "Sana Mir", 1))
	loaded(t, h, again, 1)
	if names := briefNames(t, lib); !slices.Equal(names, []string{"water-summit-in-lahore", "water-summit-in-lahore-2"}) {
		t.Errorf("briefs after a second post of one title = %v", names)
	}
	h.srv.DeleteBulk(again, ignored) // a moderator's purge
	if ls := h.logs.wait("briefs-channel post deleted; its brief removed", 1); !logged(ls, "message", again.ID) {
		t.Fatalf("a purge removed no brief: %v", ls)
	}

	// Editing the post changes the brief; it keeps its name.
	h.srv.Edit(m, strings.Replace(waterPost, "Amina Rauf", "Bilal Khan", 1))
	loaded(t, h, m, 2)
	if got := askIn(t, h, otherGuild, chairQuestion); !strings.Contains(got, "Bilal Khan") || strings.Contains(got, "Amina Rauf") {
		t.Errorf("after the edit: %q", got)
	}
	// An edit that breaks the post leaves the brief as it was.
	h.srv.Edit(m, "https://www.dawn.com/news/1")
	if r := refused(t, h, m); !strings.Contains(r, "`water-summit-in-lahore` was not changed") || !strings.Contains(r, "no text") {
		t.Errorf("reply to a bad edit = %q", r)
	}
	if got := askIn(t, h, otherGuild, chairQuestion); !strings.Contains(got, "Bilal Khan") {
		t.Errorf("a bad edit changed the brief: %q", got)
	}

	// Deleting the post removes the brief.
	h.srv.Delete(m)
	if ls := h.logs.wait("briefs-channel post deleted; its brief removed", 2); !logged(ls, "message", m.ID) {
		t.Fatalf("the post's deletion removed nothing: %v", ls)
	}
	if got := askIn(t, h, otherGuild, chairQuestion); strings.Contains(got, "Bilal Khan") {
		t.Errorf("a deleted post's brief still answered: %q", got)
	}
	if names := briefNames(t, lib); len(names) != 0 {
		t.Errorf("briefs after the posts were deleted: %v", names)
	}
	if len(h.srv.WaitReplies(ignored.ID, 1, 0)) != 0 || len(h.srv.Reactions(ignored.ID)) != 0 {
		t.Errorf("the bot answered a member's post in the briefs channel")
	}
}

func TestBriefsChannelFiles(t *testing.T) {
	h, lib := newsroom(t, true, false)
	file := discordtest.Attachment{ID: "1600000000000000201", Filename: "Water Summit.txt", ContentType: "text/plain; charset=utf-8", Data: []byte(newBrief)}
	m := post(h, "Today's brief", file)
	loaded(t, h, m, 1)
	if got := askIn(t, h, otherGuild, chairQuestion); !strings.Contains(got, "Amina Rauf") {
		t.Errorf("a posted file is not answered: %q", got)
	}
	plain := discordtest.Attachment{ID: "1600000000000000202", Filename: "rain.txt", Data: []byte("Heavy rain fell on Karachi, said Ali Raza.\r\n\r\nSchools closed.\r\n")}
	m = post(h, "From https://www.geo.tv/latest/1", plain)
	loaded(t, h, m, 1)
	bs, err := lib.BriefByMessage(context.Background(), otherGuild, m.ID)
	if err != nil || bs.Name != "rain" || !strings.HasPrefix(bs.Text, "Date: ") || !strings.HasSuffix(bs.Text, "Original Source: www.geo.tv\n") {
		t.Errorf("a file of plain paragraphs became %+v, %v", bs, err)
	}
	if names := briefNames(t, lib); !slices.Equal(names, []string{"rain", "water-summit"}) {
		t.Errorf("briefs = %v", names)
	}
}

func TestBriefsChannelRefusals(t *testing.T) {
	t.Parallel() // slow, and independent of the tests beside it
	h, lib := newsroom(t, true, false)
	tests := []struct {
		name, content string
		file          *discordtest.Attachment
		want          string
	}{
		{"link alone", "https://www.dawn.com/news/1", nil, "no text to make a brief of"},
		{"bad date", "# Summit\nDate: soon\nLahore hosted it.", nil, "Date: line"},
		{"huge text", "# Summit\n" + strings.Repeat("Lahore hosted a summit. ", 200_000), nil, "at most 4 MiB"},
		{"picture alone", "", &discordtest.Attachment{ID: "1600000000000000301", Filename: "photo.png", ContentType: "image/png", Data: []byte("\x89PNG")}, "`photo.png` is not a .txt file"},
		{"file not text", "", &discordtest.Attachment{ID: "1600000000000000302", Filename: "brief.txt", ContentType: "application/pdf", Data: []byte("%PDF")}, "application/pdf"},
		{"file not UTF-8", "", &discordtest.Attachment{ID: "1600000000000000303", Filename: "brief.txt", Data: []byte("Lahore \xff\xfe hosted it.\n")}, "not valid UTF-8"},
		{"file too large", "", &discordtest.Attachment{ID: "1600000000000000304", Filename: "brief.txt", Data: []byte("x"), Size: 5 << 20}, "at most 4 MiB"},
		{"file gone", "", &discordtest.Attachment{ID: "1600000000000000305", Filename: "brief.txt", Data: []byte(newBrief), Gone: true}, "could not download `brief.txt`"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var atts []discordtest.Attachment
			if tt.file != nil {
				atts = append(atts, *tt.file)
			}
			r := refused(t, h, post(h, tt.content, atts...))
			if !strings.HasPrefix(r, "Nothing was added: ") || !strings.Contains(r, tt.want) {
				t.Errorf("reply = %q, want one saying %q", r, tt.want)
			}
		})
	}
	if names := briefNames(t, lib); len(names) != 0 {
		t.Errorf("refused posts added %v", names)
	}

	// With the store down, a post is answered so.
	if err := lib.Close(); err != nil {
		t.Fatal(err)
	}
	if r := refused(t, h, post(h, waterPost)); !strings.Contains(r, "store is unavailable") {
		t.Errorf("reply with the store down = %q", r)
	}
}

func TestBriefsChannelUnreadable(t *testing.T) {
	h, lib := newsroom(t, true, true)
	first := post(h, waterPost)
	notices := h.srv.WaitChannel(newsChannel, 1, wait)
	if len(notices) != 1 || !strings.Contains(notices[0].Content, "Message Content intent") || !strings.Contains(notices[0].Content, "MESSAGE_CONTENT=on") {
		t.Fatalf("notices = %v", texts(notices))
	}
	noPings(t, notices[0])
	second := post(h, waterPost)
	told := func(ls []map[string]any) bool { return logged(ls, "message", second.ID) }
	if !told(h.logs.waitFor(told, "briefs-channel post unreadable; the channel was told")) {
		t.Fatalf("the second unreadable post was not handled")
	}
	if n := len(h.srv.WaitChannel(newsChannel, 2, 0)); n != 1 {
		t.Errorf("%d notices in the channel, want 1", n)
	}
	if names := briefNames(t, lib); len(names) != 0 || len(h.srv.Reactions(first.ID)) != 0 {
		t.Errorf("an unreadable post became a brief: %v", names)
	}
	// A mention is still read and answered there.
	q := h.srv.PostIn(discordtest.PostSpec{Author: alice, GuildID: otherGuild, ChannelID: newsChannel, Mention: true,
		Content: "<@" + h.srv.BotID + "> where was the dialogue held?"})
	if rs := h.srv.WaitReplies(q.ID, 1, wait); len(rs) != 1 || !strings.Contains(rs[0].Text(), "Brussels") {
		t.Errorf("a member's mention in the briefs channel: %v", texts(rs))
	}
}

func TestMessageContentIntent(t *testing.T) {
	const base = int64(discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages)
	for _, on := range []bool{false, true} {
		h := start(t, nil, func(c *bot.Config, s *discordtest.Server) {
			c.MessageContent = on
			s.PrivilegedIntents = messageContent
		})
		want := base
		if on {
			want |= messageContent
		}
		if got := h.srv.Intents(); got != want {
			t.Errorf("MessageContent %v: intents %b, want %b", on, got, want)
		}
	}
}

// A post's brief is dated by its message when its text gives no date, and
// a post that links nowhere names Discord as its source.
func TestBriefsChannelDate(t *testing.T) {
	h, lib := newsroom(t, true, false)
	sent := time.Date(2026, 2, 27, 23, 30, 0, 0, time.UTC)
	m := h.srv.PostIn(discordtest.PostSpec{Author: editor, GuildID: otherGuild, ChannelID: newsChannel, Roles: []string{editorsRole},
		Sent: sent, Content: "Karachi rain\nHeavy rain fell on Karachi, said Ali Raza."})
	loaded(t, h, m, 1)
	b, err := lib.BriefByMessage(context.Background(), otherGuild, m.ID)
	if err != nil || b.Name != "karachi-rain" || !strings.HasPrefix(b.Text, "Date: 2026-02-27\nTitle: Karachi rain\n") ||
		!strings.HasSuffix(b.Text, "Original Source: discord.com\n") {
		t.Errorf("brief = %+v, %v", b, err)
	}
}
