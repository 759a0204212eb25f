package bot

import (
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/seed"
)

func fuzzBot(t testing.TB) *Bot {
	load := func() (*facts.Base, error) { return facts.LoadFS(seed.Briefs()) }
	base, err := load()
	if err != nil {
		t.Fatal(err)
	}
	b := New(Config{CooldownQuestions: 0, Version: "fuzz"}, facts.NewStore(base), load, slog.New(slog.DiscardHandler))
	self := "1100000000000000001"
	b.selfID.Store(&self)
	return b
}

// countingResponder checks every response against Discord's rules.
type countingResponder struct {
	t         testing.TB
	mu        sync.Mutex
	responses int
	edits     int
}

func (c *countingResponder) Respond(r *discordgo.InteractionResponse) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.responses++
	if r.Data != nil {
		checkFits(c.t, r.Data.Content, r.Data.Embeds)
		if len(r.Data.Choices) > maxChoices {
			c.t.Errorf("%d choices", len(r.Data.Choices))
		}
		for _, ch := range r.Data.Choices {
			if v, _ := ch.Value.(string); len(ch.Name) > maxChoiceLen || len(v) > maxChoiceLen || ch.Name == "" {
				c.t.Errorf("choice %q", ch.Name)
			}
		}
		if r.Type != discordgo.InteractionApplicationCommandAutocompleteResult && (r.Data.AllowedMentions == nil || len(r.Data.AllowedMentions.Parse) != 0) {
			c.t.Errorf("response type %d may ping", r.Type)
		}
	}
	return nil
}

func (c *countingResponder) EditOriginal(e *discordgo.WebhookEdit) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.edits++
	checkFits(c.t, *e.Content, *e.Embeds)
	if e.AllowedMentions == nil || len(e.AllowedMentions.Parse) != 0 {
		c.t.Errorf("edit may ping")
	}
	return nil
}

func checkFits(t testing.TB, content string, embeds []*discordgo.MessageEmbed) {
	t.Helper()
	if len(content) > maxContent || len(embeds) > maxEmbeds {
		t.Errorf("content %d bytes, %d embeds", len(content), len(embeds))
	}
	total := 0
	for _, e := range embeds {
		total += embedSize(e)
		if len(e.Title) > maxTitle || len(e.Description) > maxDescription || len(e.Fields) > maxFields {
			t.Errorf("embed over a limit")
		}
		for _, f := range e.Fields {
			if len(f.Name) > maxFieldName || len(f.Value) > maxFieldValue || f.Name == "" || f.Value == "" {
				t.Errorf("field over a limit or empty")
			}
		}
	}
	if total > maxEmbedTotal {
		t.Errorf("embeds total %d", total)
	}
}

// FuzzServe feeds interaction payloads to the router: whatever arrives, it
// must not panic, must answer an interaction exactly once, and everything
// it sends must fit Discord's limits and ping no one.
func FuzzServe(f *testing.F) {
	files, _ := filepath.Glob("testdata/interactions/*.json")
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	b := fuzzBot(f)
	f.Fuzz(func(t *testing.T, payload []byte) {
		var i discordgo.Interaction
		if json.Unmarshal(payload, &i) != nil {
			return
		}
		c := &countingResponder{t: t}
		b.Router().Serve(context.Background(), c, &i)
		switch i.Type {
		case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete, discordgo.InteractionMessageComponent:
			if i.Data != nil && c.responses != 1 {
				t.Errorf("%d responses to one interaction", c.responses)
			}
		}
		if c.responses > 1 || c.edits > 1 {
			t.Errorf("%d responses, %d edits", c.responses, c.edits)
		}
	})
}

// fakeSender records channel messages.
type fakeSender struct {
	t    testing.TB
	sent []*discordgo.MessageSend
}

func (s *fakeSender) ChannelMessageSendComplex(_ string, m *discordgo.MessageSend, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	s.sent = append(s.sent, m)
	checkFits(s.t, m.Content, m.Embeds)
	if m.AllowedMentions == nil || len(m.AllowedMentions.Parse) != 0 || m.AllowedMentions.RepliedUser {
		s.t.Errorf("message may ping")
	}
	return &discordgo.Message{}, nil
}

// FuzzOnMessage sends arbitrary message content, in a DM or mentioning the
// bot: one reply at most, within limits, pinging no one.
func FuzzOnMessage(f *testing.F) {
	for _, s := range []string{"<@1100000000000000001> who is Olof Skoog?", "@everyone <@1100000000000000001>", "", "<@!1100000000000000001>\x00\xff", "when?"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	b := fuzzBot(f)
	f.Fuzz(func(t *testing.T, content string, dm bool) {
		m := &discordgo.Message{ID: "1", ChannelID: "2", Content: content, Author: &discordgo.User{ID: "3"}}
		if !dm {
			m.GuildID = "4"
			m.Mentions = []*discordgo.User{{ID: b.self()}}
		}
		s := &fakeSender{t: t}
		b.OnMessage(context.Background(), s, m)
		if len(s.sent) != 1 {
			t.Errorf("%d replies to one message", len(s.sent))
		}
	})
}
