package discordtest_test

import (
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot/discordtest"
)

const messageContent = discordgo.IntentsMessageContent

func TestPrivilegedIntents(t *testing.T) {
	srv := discordtest.New(t)
	if _, err := connectWith(t, srv, srv.Token, discordgo.IntentsGuilds|messageContent); err == nil {
		t.Fatal("Message Content was granted without being turned on in the developer portal")
	}
	srv.PrivilegedIntents = int64(messageContent)
	if _, err := connectWith(t, srv, srv.Token, discordgo.IntentsGuilds|messageContent); err != nil {
		t.Fatalf("connect with Message Content turned on: %v", err)
	}
	if srv.Intents()&int64(messageContent) == 0 {
		t.Errorf("intents = %b", srv.Intents())
	}
}

// events collects the message events a session receives.
type events struct {
	created chan *discordgo.Message
	updated chan *discordgo.Message
	deleted chan *discordgo.Message
}

func listen(s *discordgo.Session) events {
	e := events{make(chan *discordgo.Message, 8), make(chan *discordgo.Message, 8), make(chan *discordgo.Message, 8)}
	s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) { e.created <- m.Message })
	s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageUpdate) { e.updated <- m.Message })
	s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageDelete) { e.deleted <- m.Message })
	return e
}

func next(t *testing.T, ch chan *discordgo.Message) *discordgo.Message {
	t.Helper()
	select {
	case m := <-ch:
		return m
	case <-time.After(5 * time.Second):
		t.Fatal("no event")
		return nil
	}
}

func TestServerRolesAndOwner(t *testing.T) {
	srv := discordtest.New(t)
	srv.Roles = map[string][]discordtest.Role{srv.GuildID: {{ID: "1400000000000000001", Name: "mods", Permissions: discordgo.PermissionManageGuild}}}
	srv.OwnerIDs = map[string]string{srv.GuildID: "1300000000000000009"}
	created := make(chan struct{})
	var once sync.Once
	s, err := connectWith(t, srv, srv.Token, discordgo.IntentsGuilds, func(s *discordgo.Session) {
		// Not AddHandlerOnce: discordgo clears once-handlers under a read
		// lock, a race with the Disconnect its Close dispatches.
		s.AddHandler(func(*discordgo.Session, *discordgo.GuildCreate) { once.Do(func() { close(created) }) })
	})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-created:
	case <-time.After(5 * time.Second):
		t.Fatal("no GUILD_CREATE")
	}
	g, err := s.State.Guild(srv.GuildID)
	if err != nil || g.OwnerID != "1300000000000000009" || g.OwnerID != srv.Owner(srv.GuildID) {
		t.Fatalf("guild in state = %+v, %v", g, err)
	}
	mods, err := s.State.Role(srv.GuildID, "1400000000000000001")
	if err != nil || mods.Permissions != discordgo.PermissionManageGuild {
		t.Errorf("mods role = %+v, %v", mods, err)
	}
	everyone, err := s.State.Role(srv.GuildID, srv.GuildID)
	if err != nil || everyone.Permissions&(discordgo.PermissionManageGuild|discordgo.PermissionAdministrator) != 0 {
		t.Errorf("@everyone = %+v, %v", everyone, err)
	}
}

func TestPostsWithoutMessageContent(t *testing.T) {
	srv := discordtest.New(t)
	s, err := connectWith(t, srv, srv.Token, discordgo.IntentsGuilds|discordgo.IntentsGuildMessages)
	if err != nil {
		t.Fatal(err)
	}
	e := listen(s)
	author := discordtest.User{ID: "1300000000000000001", Username: "alice"}
	file := discordtest.Attachment{ID: "1600000000000000001", Filename: "a.txt", Data: []byte("text")}
	srv.PostIn(discordtest.PostSpec{Author: author, Content: "news", Roles: []string{"1400000000000000001"}, Attachments: []discordtest.Attachment{file}})
	m := next(t, e.created)
	if m.Content != "" || len(m.Attachments) != 0 {
		t.Errorf("without Message Content a post arrived with %q and %d files", m.Content, len(m.Attachments))
	}
	if m.Member == nil || !slices.Equal(m.Member.Roles, []string{"1400000000000000001"}) || m.Member.Permissions != 0 {
		t.Errorf("member = %+v, want the roles and no permissions", m.Member)
	}
	srv.PostIn(discordtest.PostSpec{Author: author, Content: "<@" + srv.BotID + "> hi", Mention: true})
	if m := next(t, e.created); !strings.Contains(m.Content, "hi") {
		t.Errorf("a mention arrived as %q", m.Content)
	}
}

func TestPostsEditsDeletesAndReactions(t *testing.T) {
	srv := discordtest.New(t)
	srv.PrivilegedIntents = int64(messageContent)
	s, err := connectWith(t, srv, srv.Token, discordgo.IntentsGuilds|discordgo.IntentsGuildMessages|messageContent)
	if err != nil {
		t.Fatal(err)
	}
	e := listen(s)
	author := discordtest.User{ID: "1300000000000000001", Username: "alice"}
	file := discordtest.Attachment{ID: "1600000000000000001", Filename: "a b.txt", ContentType: "text/plain", Data: []byte("text")}
	sent := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	p := srv.PostIn(discordtest.PostSpec{Author: author, ChannelID: "1500000000000000001", Content: "news", Sent: sent,
		Attachments: []discordtest.Attachment{file}})
	m := next(t, e.created)
	if m.ID != p.ID || m.Content != "news" || m.ChannelID != "1500000000000000001" || m.GuildID != srv.GuildID ||
		!m.Timestamp.Equal(sent) || m.EditedTimestamp != nil || len(m.Attachments) != 1 {
		t.Fatalf("post arrived as %+v", m)
	}
	resp, err := http.Get(m.Attachments[0].URL)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != "text" || m.Attachments[0].Filename != "a b.txt" || m.Attachments[0].Size != 4 {
		t.Errorf("attachment %+v serves %q", m.Attachments[0], body)
	}

	srv.Edit(p, "news, corrected")
	if u := next(t, e.updated); u.ID != p.ID || u.Content != "news, corrected" || u.EditedTimestamp == nil || u.Member == nil {
		t.Errorf("edit arrived as %+v", u)
	}

	if err := s.MessageReactionAdd(p.ChannelID, p.ID, "✅"); err != nil {
		t.Fatalf("react: %v", err)
	}
	if rs := srv.WaitReactions(p.ID, 1, time.Second); !slices.Equal(rs, []string{"✅"}) {
		t.Errorf("reactions = %q", rs)
	}
	if err := s.MessageReactionAdd(p.ChannelID, "42", "✅"); status(err) != http.StatusNotFound {
		t.Errorf("reaction to an unknown message: %v, want 404", err)
	}
	if ps := srv.TakeProblems(); len(ps) != 1 || !strings.Contains(ps[0], "unknown message") {
		t.Errorf("problems = %v", ps)
	}

	if _, err := s.ChannelMessageSend(p.ChannelID, "noted"); err != nil {
		t.Fatal(err)
	}
	if ms := srv.WaitChannel(p.ChannelID, 1, time.Second); len(ms) != 1 || ms[0].Content != "noted" {
		t.Errorf("bot's messages in the channel = %+v", ms)
	}

	srv.Delete(p)
	if d := next(t, e.deleted); d.ID != p.ID || d.ChannelID != p.ChannelID || d.GuildID != srv.GuildID {
		t.Errorf("delete arrived as %+v", d)
	}
	if err := s.MessageReactionAdd(p.ChannelID, p.ID, "✅"); status(err) != http.StatusNotFound {
		t.Errorf("reaction to a deleted message: %v, want 404", err)
	}
	srv.TakeProblems()

	bulk := make(chan *discordgo.MessageDeleteBulk, 1)
	s.AddHandler(func(_ *discordgo.Session, d *discordgo.MessageDeleteBulk) { bulk <- d })
	a := srv.PostIn(discordtest.PostSpec{Author: author, Content: "a"})
	b := srv.PostIn(discordtest.PostSpec{Author: author, Content: "b"})
	srv.DeleteBulk(a, b)
	select {
	case d := <-bulk:
		if !slices.Equal(d.Messages, []string{a.ID, b.ID}) || d.ChannelID != a.ChannelID || d.GuildID != srv.GuildID {
			t.Errorf("bulk delete arrived as %+v", d)
		}
	case <-time.After(5 * time.Second):
		t.Error("no MESSAGE_DELETE_BULK")
	}
}
