package main

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/talk"
)

// TestTentativeReplies: on the console and in JSON, an answer more likely
// wrong than right is marked so, and a likely one is not.
func TestTentativeReplies(t *testing.T) {
	fact := facts.Fact{ID: "p1s1-x", Text: "The harbour board raised mooring fees in April.",
		Citation: facts.Citation{Brief: "harbour", Title: "Harbour", Paragraph: 1, Sentence: 1, Source: "example.com"}}
	for _, tt := range []struct {
		confidence float64
		want       bool
	}{{0.34, true}, {0.82, false}} {
		r := talk.Reply{Kind: talk.KindAnswer, Answer: facts.Answer{Question: "Who raised fees?", Answered: true,
			Confidence: tt.confidence, Results: []facts.Result{{Fact: fact, Confidence: tt.confidence}}}}
		var sb strings.Builder
		writePlain(&sb, r)
		if got := strings.Contains(sb.String(), facts.TentativeText); got != tt.want {
			t.Errorf("confidence %v: console warns %v, want %v:\n%s", tt.confidence, got, tt.want, sb.String())
		}
		if !strings.Contains(sb.String(), "mooring fees") {
			t.Errorf("confidence %v: the sentence is not quoted:\n%s", tt.confidence, sb.String())
		}
		if got := toJSON(r, "").Tentative; got != tt.want {
			t.Errorf("confidence %v: JSON tentative %v, want %v", tt.confidence, got, tt.want)
		}
	}
}
