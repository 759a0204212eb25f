package talk_test

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/factstest"
	"github.com/briefbot/briefbot/facts/talk"
)

// conversationTurns is a short exchange: a question, then follow-ups that
// lean on the dialogue state (a pronoun, a bare question word).
var conversationTurns = []string{
	"who led the EU side?",
	"when did he visit?",
	"where?",
}

// BenchmarkFollowUp is the cost of one follow-up message, the matcher
// included: the dialogue state's own share is what it adds to a question
// asked on its own (BenchmarkOpening).
func BenchmarkFollowUp(b *testing.B) {
	base := seedBase(b)
	now := time.Date(2026, 5, 20, 9, 0, 0, 0, time.UTC)
	var c talk.Conversation
	c.Respond(base, conversationTurns[0], now)
	b.ReportAllocs()
	for b.Loop() {
		c.Respond(base, conversationTurns[1], now)
	}
}

// BenchmarkOpening is the same message opening a conversation of its
// own: no state to read.
func BenchmarkOpening(b *testing.B) {
	base := seedBase(b)
	now := time.Date(2026, 5, 20, 9, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		var c talk.Conversation
		c.Respond(base, conversationTurns[1], now)
	}
}

// BenchmarkConversationMemory keeps 20,000 conversations of three turns
// each alive and reports the heap each holds.
func BenchmarkConversationMemory(b *testing.B) {
	const live = 20000
	base := seedBase(b)
	now := time.Date(2026, 5, 20, 9, 0, 0, 0, time.UTC)
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		convs := make([]*talk.Conversation, live)
		for i := range convs {
			c := new(talk.Conversation)
			for _, m := range conversationTurns {
				c.Respond(base, m, now)
			}
			convs[i] = c
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/live, "B/conversation")
		runtime.KeepAlive(convs)
	}
}

// BenchmarkSummary2000 is "tldr" and "summarise <topic>" with 2000 briefs
// loaded: a summary reads only the briefs it lists, so it costs about
// what a question does at any number of briefs. Run on one core, as the
// target is stated:
//
//	go test -run '^$' -bench Summary -cpu 1 ./facts/talk
func BenchmarkSummary2000(b *testing.B) {
	c := factstest.Generate(factstest.Default())
	base, err := facts.LoadFS(c.Files)
	if err != nil {
		b.Fatal(err)
	}
	for _, msg := range []string{"tldr", "summarise " + base.Briefs()[7].Title} {
		b.Run(strings.Fields(msg)[0], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if r := talk.Respond(base, msg); r.Kind != talk.KindSummary || len(r.Summary) == 0 {
					b.Fatalf("%q: %s reply with %d sentences, want a summary", msg, r.Kind, len(r.Summary))
				}
			}
		})
	}
}

// BenchmarkYesNo is a yes/no question answered with a fitted verdict, the
// matcher included: the verdict's share is what it adds to
// BenchmarkOpening.
func BenchmarkYesNo(b *testing.B) {
	base := seedBase(b)
	b.ReportAllocs()
	for b.Loop() {
		talk.Respond(base, "Was the dialogue held in Brussels?")
	}
}
