package bot_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/seed"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Recorder is a Responder that keeps what a handler sent, for tests.
type Recorder struct {
	mu        sync.Mutex
	Responses []*discordgo.InteractionResponse
	Edits     []*discordgo.WebhookEdit
}

var _ bot.Responder = (*Recorder)(nil)

// Respond records an interaction response.
func (r *Recorder) Respond(resp *discordgo.InteractionResponse) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.Responses = append(r.Responses, resp)
	return nil
}

// EditOriginal records an edit of the original response.
func (r *Recorder) EditOriginal(e *discordgo.WebhookEdit) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.Edits = append(r.Edits, e)
	return nil
}

// seedBot is a bot serving the built-in brief, not connected to Discord.
func seedBot(t testing.TB, cfg bot.Config) *bot.Bot {
	t.Helper()
	load := func() (*facts.Base, error) { return facts.LoadFS(seed.Briefs()) }
	base, err := load()
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Version == "" {
		cfg.Version = "test"
	}
	if cfg.VoteKey == nil {
		cfg.VoteKey = []byte("a fixed key, so the golden files hold the signed button ids")
	}
	return bot.New(cfg, facts.NewStore(base), load, slog.New(slog.DiscardHandler))
}

// unstable are the parts of a reply that change from run to run.
var unstable = regexp.MustCompile(`<t:\d+:R>`)

// TestRecordedInteractions feeds interactions as Discord sends them
// (testdata/interactions/*.json) through the router and compares what the
// bot answers with the golden files beside them; -update rewrites those.
func TestRecordedInteractions(t *testing.T) {
	files, err := filepath.Glob("testdata/interactions/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no recorded interactions: %v", err)
	}
	b := seedBot(t, bot.Config{})
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var i discordgo.Interaction
			if err := json.Unmarshal(raw, &i); err != nil {
				t.Fatalf("decode %s: %v", file, err)
			}
			rec := &Recorder{}
			b.Router().Serve(context.Background(), rec, &i)
			if n := len(rec.Responses); n != 1 {
				t.Fatalf("%d responses, want exactly 1", n)
			}
			got, err := json.MarshalIndent(rec, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(unstable.ReplaceAll(got, []byte("<t:TIME:R>")), '\n')
			golden := strings.TrimSuffix(file, ".json") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("reply differs from %s (run with -update if intended):\n%s", golden, got)
			}
		})
	}
}
