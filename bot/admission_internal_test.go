package bot

import (
	"context"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// tape records one interaction's responses, safe across goroutines.
type tape struct {
	mu    sync.Mutex
	types []discordgo.InteractionResponseType
	texts []string
}

func (t *tape) Respond(r *discordgo.InteractionResponse) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.types = append(t.types, r.Type)
	if r.Data != nil {
		t.texts = append(t.texts, r.Data.Content)
	}
	return nil
}

func (t *tape) EditOriginal(e *discordgo.WebhookEdit) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if e.Content != nil {
		t.texts = append(t.texts, *e.Content)
	}
	return nil
}

func (t *tape) seen() ([]discordgo.InteractionResponseType, []string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return slices.Clone(t.types), slices.Clone(t.texts)
}

// eventually waits for cond, failing the test after a few seconds.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

// shedLog counts what the router sheds.
type shedLog struct {
	mu      sync.Mutex
	reasons []string
}

func (s *shedLog) add(reason string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reasons = append(s.reasons, reason)
}

func (s *shedLog) get() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.reasons)
}

func interaction(typ discordgo.InteractionType) *discordgo.Interaction {
	return &discordgo.Interaction{ID: "1", Type: typ, GuildID: "2", Member: &discordgo.Member{User: &discordgo.User{ID: "3"}},
		Data: discordgo.ApplicationCommandInteractionData{Name: "x"}}
}

// busyRouter handles "x" (command and suggestions) in one slot; the first
// interaction holds it until release is closed.
func busyRouter(t *testing.T) (rt *Router, shed *shedLog, entered chan struct{}, release chan struct{}) {
	t.Helper()
	rt = NewRouter(slog.New(slog.DiscardHandler))
	rt.DeferAfter = 0
	shed = &shedLog{}
	rt.Limit(1, shed.add)
	entered, release = make(chan struct{}, 8), make(chan struct{})
	h := func(_ context.Context, w *ResponseWriter, r *Request) error {
		entered <- struct{}{}
		<-release
		if r.Type == discordgo.InteractionApplicationCommandAutocomplete {
			return w.Choices(nil)
		}
		return w.Reply(Message{Content: "done"})
	}
	rt.Command("x", h)
	rt.Autocomplete("x", h)
	return rt, shed, entered, release
}

func TestAdmission(t *testing.T) {
	t.Run("a waiting command is acknowledged at once, then answered", func(t *testing.T) {
		rt, shed, entered, release := busyRouter(t)
		first, second := &tape{}, &tape{}
		var wg sync.WaitGroup
		wg.Go(func() { rt.Serve(context.Background(), first, interaction(discordgo.InteractionApplicationCommand)) })
		<-entered
		wg.Go(func() { rt.Serve(context.Background(), second, interaction(discordgo.InteractionApplicationCommand)) })
		eventually(t, "the waiting command's acknowledgement", func() bool { types, _ := second.seen(); return len(types) == 1 })
		if types, _ := second.seen(); types[0] != discordgo.InteractionResponseDeferredChannelMessageWithSource {
			t.Errorf("waiting command got %v, want a deferral", types)
		}
		close(release)
		wg.Wait()
		if _, texts := second.seen(); !slices.Contains(texts, "done") {
			t.Errorf("waiting command's answer: %q", texts)
		}
		if types, _ := first.seen(); !slices.Equal(types, []discordgo.InteractionResponseType{discordgo.InteractionResponseChannelMessageWithSource}) {
			t.Errorf("first command got %v, want a direct answer", types)
		}
		if got := shed.get(); len(got) != 0 {
			t.Errorf("shed %v, want nothing", got)
		}
	})
	t.Run("a full line gets a busy answer", func(t *testing.T) {
		rt, shed, entered, release := busyRouter(t)
		rt.admit.maxWaiting = 0
		var wg sync.WaitGroup
		wg.Go(func() { rt.Serve(context.Background(), &tape{}, interaction(discordgo.InteractionApplicationCommand)) })
		<-entered
		turned := &tape{}
		rt.Serve(context.Background(), turned, interaction(discordgo.InteractionApplicationCommand))
		close(release)
		wg.Wait()
		if _, texts := turned.seen(); len(texts) == 0 || !strings.Contains(texts[len(texts)-1], "great many questions") {
			t.Errorf("turned away with %q, want the busy answer", texts)
		}
		if got := shed.get(); !slices.Equal(got, []string{"busy"}) {
			t.Errorf("shed %v, want [busy]", got)
		}
	})
	t.Run("suggestions that waited past Discord's window are dropped", func(t *testing.T) {
		rt, shed, entered, release := busyRouter(t)
		rt.admit.window = 20 * time.Millisecond
		var wg sync.WaitGroup
		wg.Go(func() { rt.Serve(context.Background(), &tape{}, interaction(discordgo.InteractionApplicationCommand)) })
		<-entered
		late := &tape{}
		wg.Go(func() {
			rt.Serve(context.Background(), late, interaction(discordgo.InteractionApplicationCommandAutocomplete))
		})
		eventually(t, "the suggestions to wait in line", func() bool { return rt.admit.waiting.Load() == 1 })
		time.Sleep(30 * time.Millisecond) // past the shortened window
		close(release)
		wg.Wait()
		if len(entered) != 0 {
			t.Error("the expired suggestions were worked out")
		}
		if types, _ := late.seen(); len(types) != 0 {
			t.Errorf("expired suggestions answered with %v", types)
		}
		if got := shed.get(); !slices.Equal(got, []string{"expired"}) {
			t.Errorf("shed %v, want [expired]", got)
		}
	})
}
