package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/briefbot/briefbot/facts"
)

func TestClip(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"one two three four five six seven", 30, "one two three four five six…"},
		{"one two three four five sixty-seven", 33, "one two three four five sixty-…"},
		{"one two three four five sixty-seven and more words here", 50, "one two three four five sixty-seven and more…"},
		{"abcdefghijklmnopqrstuvwxyz", 10, "abcdefg…"},
		{"ééééé", 6, "éé…"[:len("é")] + "…"},
		{"abcdef", 2, "ab"},
		{"", 0, ""},
	}
	for _, tt := range tests {
		got := clip(tt.in, tt.n)
		if got != tt.want || len(got) > tt.n || !utf8.ValidString(got) {
			t.Errorf("clip(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func bigEmbed(n int) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{Title: strings.Repeat("t", n), Description: strings.Repeat("d ", n),
		Footer: &discordgo.MessageEmbedFooter{Text: strings.Repeat("f", n)}}
	for i := 0; i < 30; i++ {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: strings.Repeat("n", n), Value: strings.Repeat("v", n)})
	}
	return e
}

func TestFitMessage(t *testing.T) {
	tests := []struct {
		name string
		m    Message
	}{
		{"content", Message{Content: strings.Repeat("€", 3000)}},
		{"one huge embed", Message{Embeds: []*discordgo.MessageEmbed{bigEmbed(9000)}}},
		{"eleven embeds", Message{Embeds: []*discordgo.MessageEmbed{bigEmbed(100), bigEmbed(100), bigEmbed(100), bigEmbed(100),
			bigEmbed(100), bigEmbed(100), bigEmbed(100), bigEmbed(100), bigEmbed(100), bigEmbed(100), bigEmbed(100)}}},
		{"empty field", Message{Embeds: []*discordgo.MessageEmbed{{Fields: []*discordgo.MessageEmbedField{{Name: "", Value: " "}}}}}},
		{"empty", Message{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.m
			fitMessage(&m)
			if len(m.Content) > maxContent || len(m.Embeds) > maxEmbeds {
				t.Errorf("content %d bytes, %d embeds", len(m.Content), len(m.Embeds))
			}
			total := 0
			for _, e := range m.Embeds {
				total += embedSize(e)
				if len(e.Title) > maxTitle || len(e.Description) > maxDescription || len(e.Fields) > maxFields || e.Footer != nil && len(e.Footer.Text) > maxFooter {
					t.Errorf("embed over a limit: title %d, description %d, fields %d", len(e.Title), len(e.Description), len(e.Fields))
				}
				for _, f := range e.Fields {
					if len(f.Name) > maxFieldName || len(f.Value) > maxFieldValue || strings.TrimSpace(f.Name) == "" || strings.TrimSpace(f.Value) == "" {
						t.Errorf("field name %d value %d bytes", len(f.Name), len(f.Value))
					}
				}
			}
			if total > maxEmbedTotal {
				t.Errorf("embeds total %d", total)
			}
			if m.Content == "" && len(m.Embeds) == 0 {
				t.Errorf("message left empty")
			}
		})
	}
}

func TestFitChoices(t *testing.T) {
	var in []*discordgo.ApplicationCommandOptionChoice
	for i := 0; i < 40; i++ {
		s := fmt.Sprintf("%d %s", i%30, strings.Repeat("é", 80))
		in = append(in, &discordgo.ApplicationCommandOptionChoice{Name: s, Value: s})
	}
	in = append(in, &discordgo.ApplicationCommandOptionChoice{Name: " ", Value: "blank"})
	out := fitChoices(in)
	if len(out) != maxChoices {
		t.Fatalf("%d choices, want %d", len(out), maxChoices)
	}
	seen := map[any]bool{}
	for _, c := range out {
		v := c.Value.(string)
		if len(c.Name) > maxChoiceLen || len(v) > maxChoiceLen || !utf8.ValidString(v) || seen[v] {
			t.Errorf("choice %q / %q", c.Name, v)
		}
		seen[v] = true
	}
}

func TestCooldown(t *testing.T) {
	c := NewCooldown(2, 30*time.Second)
	t0 := time.Unix(1000, 0)
	steps := []struct {
		user string
		at   time.Duration
		ok   bool
		wait time.Duration
		warn bool
	}{
		{"a", 0, true, 0, false},
		{"a", 10 * time.Second, true, 0, false},
		{"a", 20 * time.Second, false, 10 * time.Second, true},
		{"a", 25 * time.Second, false, 5 * time.Second, false},
		{"b", 25 * time.Second, true, 0, false},
		{"a", 30 * time.Second, true, 0, false}, // the first has left the window
		{"a", 31 * time.Second, false, 9 * time.Second, true},
	}
	for i, s := range steps {
		ok, wait := c.Allow(s.user, t0.Add(s.at))
		warn := !ok && c.Warn(s.user)
		if ok != s.ok || wait != s.wait || warn != s.warn {
			t.Errorf("step %d: Allow = %v, %v, warn %v; want %v, %v, %v", i, ok, wait, warn, s.ok, s.wait, s.warn)
		}
	}
	if ok, _ := NewCooldown(0, time.Second).Allow("a", t0); !ok {
		t.Errorf("a zero limit refused a question")
	}
	// Idle users are forgotten.
	c.Allow("c", t0.Add(10*time.Minute))
	if len(c.users) != 1 {
		t.Errorf("%d users remembered after a sweep, want 1", len(c.users))
	}
}

func TestPageID(t *testing.T) {
	for _, topic := range []string{"", "GSP+", "a:b:c", strings.Repeat("ü", 80)} {
		for _, page := range []int{-1, 0, 7, 12345} {
			id := pageID(page, topic)
			p, tp, ok := parsePageID(id)
			if len(id) > maxCustomID || !ok || p != page || !strings.HasPrefix(topic, tp) || !utf8.ValidString(tp) {
				t.Errorf("pageID(%d, %q) = %q → %d %q %v", page, topic, id, p, tp, ok)
			}
		}
	}
	for _, bad := range []string{"", "facts", "facts:x:", "other:1:"} {
		if _, _, ok := parsePageID(bad); ok {
			t.Errorf("parsePageID(%q) accepted", bad)
		}
	}
}

func TestCleanQuestion(t *testing.T) {
	tests := map[string]string{
		"<@123> who is Olof Skoog?":                  "who is Olof Skoog?",
		"@everyone where <@&55> was it <#9> held?":   "where was it held?",
		"what is <:gsp:123456> status":               "what is gsp status",
		"plain question":                             "plain question",
		"<@!123>":                                    "",
		"email@here.com stays, @hereafter stays too": "email@here.com stays, @hereafter stays too",
	}
	for in, want := range tests {
		if got := cleanQuestion(stripMention(in, "123")); got != want {
			t.Errorf("cleanQuestion(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRewriteTransport(t *testing.T) {
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Method + " " + r.Host + r.URL.RequestURI()
	}))
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	c := &http.Client{Transport: rewriteTransport{base: http.DefaultTransport, target: u}}
	req, _ := http.NewRequest("GET", "https://discord.com/api/v9/gateway?x=1", nil)
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if want := "GET " + u.Host + "/api/v9/gateway?x=1"; got != want {
		t.Errorf("request arrived as %q, want %q", got, want)
	}
	if req.URL.Host != "discord.com" {
		t.Errorf("the caller's request was changed")
	}
}

func TestFatalOpen(t *testing.T) {
	unauthorized := &discordgo.RESTError{Response: &http.Response{StatusCode: 401}}
	tests := []struct {
		err   error
		fatal bool
	}{
		{unauthorized, true},
		{fmt.Errorf("wrapped: %w", unauthorized), true},
		{&websocket.CloseError{Code: 4004}, true},
		{&websocket.CloseError{Code: 4014}, true},
		{&websocket.CloseError{Code: 1006}, false},
		{&discordgo.RESTError{Response: &http.Response{StatusCode: 502}}, false},
		{errors.New("connection refused"), false},
	}
	for _, tt := range tests {
		if got := fatalOpen(tt.err); (got != nil) != tt.fatal {
			t.Errorf("fatalOpen(%v) = %v, want fatal %v", tt.err, got, tt.fatal)
		}
	}
	if !errors.Is(fatalOpen(&websocket.CloseError{Code: 4004}), ErrTokenRejected) {
		t.Errorf("close 4004 is not ErrTokenRejected")
	}
}

// brokenStore serves no fact base, so every question panics inside.
type brokenStore struct{}

func (brokenStore) Base() *facts.Base { return nil }
func (brokenStore) Reload(func() (*facts.Base, error)) (facts.Diff, error) {
	return facts.Diff{}, errors.New("broken")
}

func TestMessagePanicGetsApology(t *testing.T) {
	var logs strings.Builder
	b := New(Config{}, brokenStore{}, nil, slog.New(slog.NewTextHandler(&logs, nil)))
	self := "10"
	b.selfID.Store(&self)
	s := &fakeSender{t: t}
	b.OnMessage(context.Background(), s, &discordgo.Message{ID: "1", ChannelID: "2", Content: "who?", Author: &discordgo.User{ID: "3"}})
	if len(s.sent) != 1 || s.sent[0].Content != apology {
		t.Fatalf("sent %+v, want one apology", s.sent)
	}
	if !strings.Contains(logs.String(), "message handler failed") || !strings.Contains(logs.String(), "panic") {
		t.Errorf("log lacks the cause:\n%s", logs.String())
	}
}

func TestBriefFileName(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Water Summit.txt", "water-summit"},
		{"../../etc/passwd.txt", "passwd"},
		{`..\..\Windows\evil.TXT`, "evil"},
		{".hidden.txt", "hidden"},
		{"Été 2026 — résumé!.txt", "ete-2026-resume"},
		// The same name decomposed (NFD), as some systems store it.
		{"E\u0301te\u0301 2026 — re\u0301sume\u0301!.txt", "ete-2026-resume"},
		{"report.pdf", ""},
		{"notes", ""},
		{"!!!.txt", ""},
		{"a.txt.exe", ""},
	} {
		got, refusal := briefFileName(tt.in)
		if tt.want == "" {
			if refusal == "" {
				t.Errorf("briefFileName(%q) = %q, want a refusal", tt.in, got)
			}
			continue
		}
		if refusal != "" || got != tt.want {
			t.Errorf("briefFileName(%q) = %q, %q; want %q", tt.in, got, refusal, tt.want)
		}
	}
}

func TestWriteAtomicallyLeavesNoTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	target := dir + "/a.txt"
	for _, text := range []string{"one", "two"} {
		if err := writeAtomically(target, []byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := os.ReadFile(target)
	entries, _ := os.ReadDir(dir)
	if string(got) != "two" || len(entries) != 1 {
		t.Errorf("content %q, %d entries", got, len(entries))
	}
	if err := writeAtomically(dir+"/no/such/dir/a.txt", []byte("x")); err == nil {
		t.Errorf("write into a missing directory succeeded")
	}
}
