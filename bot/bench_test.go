package bot

import (
	"context"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/factstest"
)

type nopResponder struct{}

func (nopResponder) Respond(*discordgo.InteractionResponse) error { return nil }
func (nopResponder) EditOriginal(*discordgo.WebhookEdit) error    { return nil }

func command(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	return &discordgo.Interaction{ID: "1", Type: discordgo.InteractionApplicationCommand, GuildID: "2",
		Member: &discordgo.Member{User: &discordgo.User{ID: "3"}},
		Data:   discordgo.ApplicationCommandInteractionData{Name: name, Options: opts}}
}

// BenchmarkServeAsk is one /ask through the router: matching, rendering,
// fitting to Discord's limits.
func BenchmarkServeAsk(b *testing.B) {
	bot := fuzzBot(b)
	i := command("ask", &discordgo.ApplicationCommandInteractionDataOption{Name: "question", Type: discordgo.ApplicationCommandOptionString, Value: "Who led the EU delegation?"})
	b.ReportAllocs()
	for b.Loop() {
		bot.Router().Serve(context.Background(), nopResponder{}, i)
	}
}

// BenchmarkServeAutocomplete is one keystroke's worth of /ask autocomplete.
func BenchmarkServeAutocomplete(b *testing.B) {
	bot := fuzzBot(b)
	i := command("ask", &discordgo.ApplicationCommandInteractionDataOption{Name: "question", Type: discordgo.ApplicationCommandOptionString, Value: "who skoo", Focused: true})
	i.Type = discordgo.InteractionApplicationCommandAutocomplete
	b.ReportAllocs()
	for b.Loop() {
		bot.Router().Serve(context.Background(), nopResponder{}, i)
	}
}

// BenchmarkFactsPage renders a page of every fact, the costliest listing.
func BenchmarkFactsPage(b *testing.B) {
	bot := fuzzBot(b)
	base := bot.store.Base()
	b.ReportAllocs()
	for b.Loop() {
		factsPage(base, "", 1)
	}
}

// BenchmarkFactsPage2000 turns a page of every fact of 2000 briefs
// (26,114 facts): the listing is rebuilt on every button press.
func BenchmarkFactsPage2000(b *testing.B) {
	base, err := facts.LoadFS(factstest.Generate(factstest.Default()).Files)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		factsPage(base, "", 1000)
	}
}

// BenchmarkAutocomplete2000 is one keystroke of /ask autocomplete over
// 2000 briefs, for each of several typed texts. The first keystroke after
// a load builds the completion list (build-ms); the first time a text is
// typed, the offers it matches are checked against the matcher
// (first-ms); after that a keystroke only looks them up.
//
//	go test -run '^$' -bench Autocomplete2000 -cpu 1 ./bot
func BenchmarkAutocomplete2000(b *testing.B) {
	base, err := facts.LoadFS(factstest.Generate(factstest.Default()).Files)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	base.Complete("", maxChoices)
	build := time.Since(start)
	for _, typed := range []string{"who", "wh is the dir", "when was", "zq", "the minister of"} {
		b.Run(typed, func(b *testing.B) {
			start := time.Now()
			base.Complete(typed, maxChoices)
			first := time.Since(start)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				base.Complete(typed, maxChoices)
			}
			b.ReportMetric(float64(build.Microseconds())/1000, "build-ms")
			b.ReportMetric(float64(first.Microseconds())/1000, "first-ms")
		})
	}
}
