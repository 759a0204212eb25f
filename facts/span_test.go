package facts_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/facts"
)

// TestSpansOfferTheAnswer: the candidate phrases of the answering fact
// include the short answer, whole, and never start or end with a function
// word; every candidate has one value per span feature.
func TestSpansOfferTheAnswer(t *testing.T) {
	b := seedBase(t)
	tests := []struct{ q, want string }{
		{"Who led the EU delegation?", "Maciej Stadejek"},
		{"Where was the dialogue held?", "Brussels"},
		{"When did the ninth dialogue take place?", "February 20, 2025"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			a := b.Ask(tt.q)
			if len(a.Results) == 0 {
				t.Fatal("no fact ranked")
			}
			spans := b.Spans(tt.q, a.Results[0].Fact)
			var texts []string
			for _, s := range spans {
				if len(s.Features) != len(facts.SpanFeatureNames()) {
					t.Fatalf("%q has %d features, want %d", s.Text, len(s.Features), len(facts.SpanFeatureNames()))
				}
				texts = append(texts, s.Text)
			}
			if !slices.Contains(texts, tt.want) {
				t.Errorf("spans of %q lack %q: %q", a.Results[0].Fact.Text, tt.want, texts)
			}
			for _, s := range texts {
				for _, w := range []string{"the ", "of ", "and "} {
					if len(s) > len(w) && s[:len(w)] == w {
						t.Errorf("span %q starts with a function word", s)
					}
				}
			}
		})
	}
}

// TestSpansOfUnknownFact: a fact of another base offers nothing.
func TestSpansOfUnknownFact(t *testing.T) {
	b := seedBase(t)
	if got := b.Spans("Who led?", facts.Fact{ID: "nope", Citation: facts.Citation{Brief: "none"}}); got != nil {
		t.Errorf("got %v", got)
	}
}

// TestShortAnswerConfidence: a bold answer comes with its own confidence
// at or above the model's threshold, and the reply's confidence is no
// more than the sentence's.
func TestShortAnswerConfidence(t *testing.T) {
	b := seedBase(t)
	for _, q := range []string{"Who led the EU delegation?", "Where was the dialogue held?", "What did the two sides discuss?"} {
		a := b.Ask(q)
		if a.Short != "" && a.ShortConfidence <= 0 {
			t.Errorf("%q: short %q with confidence %v", q, a.Short, a.ShortConfidence)
		}
		if a.Confidence > a.FactConfidence {
			t.Errorf("%q: reply confidence %v above the sentence's %v", q, a.Confidence, a.FactConfidence)
		}
	}
}

// TestSpanKindOfFocus: a phrase whose head WordNet files under the noun
// a "which" question asks about ("copper" under "metal", "finches" under
// "bird") is marked so, the nearer class more strongly; other phrases,
// and phrases of a question without such a noun, are not.
func TestSpanKindOfFocus(t *testing.T) {
	b := baseOf(t, "Title: Plating\n\nThe workshop plates each board with copper, then ships it to Porto.\n\nResearchers counted finches and beetles on the island.\n")
	feature := slices.Index(facts.SpanFeatureNames(), "kind_of_focus")
	tests := []struct {
		q, span string
		want    func(float64) bool
	}{
		{"Which metal does the workshop plate each board with?", "copper", func(v float64) bool { return v == 1 }},
		{"Which metal does the workshop plate each board with?", "workshop", func(v float64) bool { return v == 0 }},
		{"What birds did researchers count on the island?", "finches", func(v float64) bool { return v > 0 }},
		{"What animals did researchers count on the island?", "beetles", func(v float64) bool { return v > 0 && v < 1 }},
		{"Where does the workshop ship each board?", "Porto", func(v float64) bool { return v == 0 }},
	}
	for _, tt := range tests {
		got := -1.0
		for _, s := range b.Spans(tt.q, factWith(t, b, tt.span)) {
			if s.Text == tt.span {
				got = s.Features[feature]
			}
		}
		if got < 0 || !tt.want(got) {
			t.Errorf("%q: kind_of_focus of %q = %v", tt.q, tt.span, got)
		}
	}
}

// TestSpanAskKind checks the cross of question word and entity kind: one
// feature for the pair the span and question make, none for a span that
// is no entity.
func TestSpanAskKind(t *testing.T) {
	b := baseOf(t, "Title: Budget\n\nThe council voted 5-2 on Tuesday to approve the budget, said Mayor Ann Reyes.\n")
	names := facts.SpanFeatureNames()
	tests := []struct {
		q, span, want string // want is the cross feature set, "" for none
	}{
		{"When did the council approve the budget?", "Tuesday", "ask_when_x_kind_date"},
		{"When did the council approve the budget?", "Ann Reyes", "ask_when_x_kind_person"},
		{"Who said the council approved the budget?", "Ann Reyes", "ask_who_x_kind_person"},
		{"Who said the council approved the budget?", "budget", ""},
	}
	for _, tt := range tests {
		var on []string
		found := false
		for _, s := range b.Spans(tt.q, factWith(t, b, tt.span)) {
			if s.Text != tt.span {
				continue
			}
			found = true
			for k, name := range names {
				if strings.Contains(name, "_x_") && s.Features[k] != 0 {
					on = append(on, name)
				}
			}
		}
		if want := []string{tt.want}; !found || tt.want == "" && len(on) > 0 || tt.want != "" && !slices.Equal(on, want) {
			t.Errorf("%q: the span %q (found %v) crosses %v, want %q", tt.q, tt.span, found, on, tt.want)
		}
	}
}
