package discordtest_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot/discordtest"
)

// connect opens a plain discordgo session on the fake, as a bot would.
func connect(t *testing.T, srv *discordtest.Server, token string) (*discordgo.Session, error) {
	t.Helper()
	return connectWith(t, srv, token, discordgo.IntentsGuilds)
}

// connectWith opens a session asking for intents, after setting it up
// (adding handlers, say) with setup.
func connectWith(t *testing.T, srv *discordtest.Server, token string, intents discordgo.Intent, setup ...func(*discordgo.Session)) (*discordgo.Session, error) {
	t.Helper()
	s, err := discordgo.New("Bot " + token)
	if err != nil {
		t.Fatal(err)
	}
	s.Client = &http.Client{Transport: rewrite{srv.URL()}}
	s.Identify.Intents = intents
	s.LogLevel = -1
	// None of these tests asks discordgo to reconnect. Its own reconnect,
	// which a loaded machine can set off while Close is under way, races
	// its heartbeat goroutine (wsapi.go:83 against :302 in v0.29.0; see
	// Server.HeartbeatInterval), so it is off here.
	s.ShouldReconnectOnError = false
	for _, f := range setup {
		f(s)
	}
	if err := s.Open(); err != nil {
		return nil, err
	}
	t.Cleanup(func() { s.Close() })
	return s, nil
}

type rewrite struct{ base string }

func (r rewrite) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.URL.Scheme, req.URL.Host = "http", strings.TrimPrefix(r.base, "http://")
	return http.DefaultTransport.RoundTrip(req)
}

func status(err error) int {
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil {
		return re.Response.StatusCode
	}
	return 0
}

func TestGatewayAndAuth(t *testing.T) {
	srv := discordtest.New(t)
	if _, err := connect(t, srv, "wrong"); err == nil {
		t.Fatal("a wrong token connected")
	}
	s, err := connect(t, srv, srv.Token)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	if s.State.User.ID != srv.BotID || s.State.Application.ID != srv.AppID {
		t.Errorf("READY user %v application %v", s.State.User, s.State.Application)
	}
	bad, _ := discordgo.New("Bot wrong")
	bad.Client = s.Client
	if _, err := bad.ChannelMessageSend("1100000000000000200", "hi"); status(err) != http.StatusUnauthorized {
		t.Errorf("wrong token posting: %v, want 401", err)
	}
	if srv.Unauthorized() != 1 {
		t.Errorf("Unauthorized = %d", srv.Unauthorized())
	}
}

func TestDiscordValidation(t *testing.T) {
	srv := discordtest.New(t)
	s, err := connect(t, srv, srv.Token)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		msg  *discordgo.MessageSend
	}{
		{"content over 2000", &discordgo.MessageSend{Content: strings.Repeat("é", 2001)}},
		{"empty", &discordgo.MessageSend{}},
		{"title over 256", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Title: strings.Repeat("t", 257)}}}},
		{"description over 4096", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Description: strings.Repeat("d", 4097)}}}},
		{"field over 1024", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Fields: []*discordgo.MessageEmbedField{{Name: "n", Value: strings.Repeat("v", 1025)}}}}}},
		{"total over 6000", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{
			{Description: strings.Repeat("d", 4000)}, {Description: strings.Repeat("d", 2001)}}}},
		{"reply to unknown message", &discordgo.MessageSend{Content: "hi", Reference: &discordgo.MessageReference{MessageID: "42"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.ChannelMessageSendComplex("1100000000000000200", tt.msg)
			if status(err) != http.StatusBadRequest {
				t.Errorf("sent %s: %v, want 400", tt.name, err)
			}
			if p := srv.TakeProblems(); len(p) != 1 {
				t.Errorf("problems = %v, want one", p)
			}
		})
	}
	m, err := s.ChannelMessageSendComplex("1100000000000000200", &discordgo.MessageSend{Content: "@everyone <@1300000000000000001>"})
	if err != nil {
		t.Fatal(err)
	}
	got := srv.Messages()
	if len(got) != 1 || got[0].ID != m.ID || len(got[0].Pings) != 2 {
		t.Errorf("a message without allowed_mentions should ping @everyone and the user: %+v", got)
	}
}

func TestInteractionRules(t *testing.T) {
	srv := discordtest.New(t)
	s, err := connect(t, srv, srv.Token)
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan *discordgo.Interaction, 4)
	s.AddHandler(func(_ *discordgo.Session, i *discordgo.InteractionCreate) { got <- i.Interaction })
	if _, err := s.ApplicationCommandBulkOverwrite(srv.AppID, "", []*discordgo.ApplicationCommand{{Name: "ping", Description: "Ping"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.Interact(discordtest.InteractionSpec{Type: discordtest.TypeCommand, Command: "nope"}); err == nil {
		t.Errorf("an unregistered command was delivered")
	}
	it, err := srv.Interact(discordtest.InteractionSpec{Type: discordtest.TypeCommand, Command: "ping", Permissions: 1 << 5})
	if err != nil {
		t.Fatal(err)
	}
	i := <-got
	if i.Member == nil || i.Member.Permissions != 1<<5 {
		t.Errorf("member permissions did not arrive as a string-encoded 32: %+v", i.Member)
	}
	reply := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: "pong"}}
	if err := s.InteractionRespond(i, reply); err != nil {
		t.Fatalf("first callback: %v", err)
	}
	if err := s.InteractionRespond(i, reply); status(err) != http.StatusBadRequest {
		t.Errorf("second callback: %v, want 400", err)
	}
	if p := srv.TakeProblems(); len(p) != 1 || !strings.Contains(p[0], "twice") {
		t.Errorf("problems = %v", p)
	}
	if rec, ok := srv.WaitReply(it, time.Second); !ok || rec.Reply().Content != "pong" {
		t.Errorf("recorded reply = %+v", rec.Reply())
	}

	srv.InteractionWindow = 50 * time.Millisecond
	if _, err := srv.Interact(discordtest.InteractionSpec{Type: discordtest.TypeCommand, Command: "ping"}); err != nil {
		t.Fatal(err)
	}
	i = <-got
	time.Sleep(100 * time.Millisecond)
	if err := s.InteractionRespond(i, reply); status(err) != http.StatusNotFound {
		t.Errorf("late callback: %v, want 404 Unknown interaction", err)
	}
	if p := srv.TakeProblems(); len(p) != 1 || !strings.Contains(p[0], "after") {
		t.Errorf("problems = %v", p)
	}
}
