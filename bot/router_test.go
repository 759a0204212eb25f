package bot_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
)

func slash(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	return &discordgo.Interaction{ID: "1", Type: discordgo.InteractionApplicationCommand, GuildID: "2",
		Member: &discordgo.Member{User: &discordgo.User{ID: "3"}},
		Data:   discordgo.ApplicationCommandInteractionData{Name: name, Options: opts}}
}

// TestRouterFailures: whatever a handler does, the user gets one answer
// and the operator gets the cause.
func TestRouterFailures(t *testing.T) {
	private := &discordgo.ApplicationCommandInteractionDataOption{Name: "private", Type: discordgo.ApplicationCommandOptionBoolean, Value: true}
	tests := []struct {
		name      string
		handler   bot.HandlerFunc
		opts      []*discordgo.ApplicationCommandInteractionDataOption
		wantTypes []discordgo.InteractionResponseType
		wantEdit  string
		wantFlags discordgo.MessageFlags
		wantLog   string
	}{
		{"answers", func(_ context.Context, w *bot.ResponseWriter, _ *bot.Request) error {
			return w.Reply(bot.Message{Content: "hi"})
		}, nil, []discordgo.InteractionResponseType{4}, "", 0, ""},
		{"error", func(context.Context, *bot.ResponseWriter, *bot.Request) error {
			return errors.New("disk on fire")
		}, nil, []discordgo.InteractionResponseType{4}, "", discordgo.MessageFlagsEphemeral, "disk on fire"},
		{"panic", func(context.Context, *bot.ResponseWriter, *bot.Request) error {
			panic("nil map")
		}, nil, []discordgo.InteractionResponseType{4}, "", discordgo.MessageFlagsEphemeral, "nil map"},
		{"no reply", func(context.Context, *bot.ResponseWriter, *bot.Request) error {
			return nil
		}, nil, []discordgo.InteractionResponseType{4}, "", discordgo.MessageFlagsEphemeral, "no reply"},
		{"slow", func(_ context.Context, w *bot.ResponseWriter, _ *bot.Request) error {
			time.Sleep(200 * time.Millisecond)
			return w.Reply(bot.Message{Content: "late but here"})
		}, []*discordgo.ApplicationCommandInteractionDataOption{private}, []discordgo.InteractionResponseType{5}, "late but here", discordgo.MessageFlagsEphemeral, ""},
		{"slow then error", func(context.Context, *bot.ResponseWriter, *bot.Request) error {
			time.Sleep(200 * time.Millisecond)
			return errors.New("timeout upstream")
		}, nil, []discordgo.InteractionResponseType{5}, "Sorry", 0, "timeout upstream"},
		{"replies twice", func(_ context.Context, w *bot.ResponseWriter, _ *bot.Request) error {
			_ = w.Reply(bot.Message{Content: "one"})
			return w.Reply(bot.Message{Content: "two"})
		}, nil, []discordgo.InteractionResponseType{4}, "", 0, "already answered"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			rt := bot.NewRouter(slog.New(slog.NewTextHandler(&logs, nil)))
			rt.DeferAfter = 20 * time.Millisecond
			rt.Command("x", tt.handler)
			rec := &Recorder{}
			rt.Serve(context.Background(), rec, slash("x", tt.opts...))
			if len(rec.Responses) != len(tt.wantTypes) {
				t.Fatalf("%d responses, want %d", len(rec.Responses), len(tt.wantTypes))
			}
			r := rec.Responses[0]
			if r.Type != tt.wantTypes[0] || r.Data == nil || r.Data.Flags != tt.wantFlags {
				t.Errorf("response %+v, want type %d flags %d", r, tt.wantTypes[0], tt.wantFlags)
			}
			if tt.wantEdit != "" && (len(rec.Edits) != 1 || !strings.Contains(*rec.Edits[0].Content, tt.wantEdit)) {
				t.Errorf("edits %+v, want one with %q", rec.Edits, tt.wantEdit)
			}
			if tt.wantEdit == "" && len(rec.Edits) != 0 {
				t.Errorf("unexpected edits %+v", rec.Edits)
			}
			if !strings.Contains(logs.String(), tt.wantLog) {
				t.Errorf("log lacks %q:\n%s", tt.wantLog, logs.String())
			}
		})
	}
}

// TestSlowPrivateCommandDefersPrivately: a command marked private (an
// admin view) that is slow is acknowledged ephemerally, so its answer
// never shows to the channel; an unmarked one without the option is not.
func TestSlowPrivateCommandDefersPrivately(t *testing.T) {
	slow := func(_ context.Context, w *bot.ResponseWriter, _ *bot.Request) error {
		time.Sleep(200 * time.Millisecond)
		return w.Reply(bot.Message{Content: "the log says…", Ephemeral: true})
	}
	for _, tc := range []struct {
		command string
		want    discordgo.MessageFlags
	}{{"view", discordgo.MessageFlagsEphemeral}, {"public", 0}} {
		rt := bot.NewRouter(slog.New(slog.DiscardHandler))
		rt.DeferAfter = 20 * time.Millisecond
		rt.Command("view", slow)
		rt.Command("public", slow)
		rt.Private("view")
		rec := &Recorder{}
		rt.Serve(context.Background(), rec, slash(tc.command))
		if len(rec.Responses) != 1 || rec.Responses[0].Type != discordgo.InteractionResponseDeferredChannelMessageWithSource ||
			rec.Responses[0].Data == nil || rec.Responses[0].Data.Flags != tc.want {
			t.Errorf("/%s: responses %+v, want a deferral with flags %d", tc.command, rec.Responses, tc.want)
		}
	}
}
