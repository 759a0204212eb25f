package talk

import (
	"testing"
	"testing/fstest"

	"github.com/briefbot/briefbot/facts"
)

// TestWithTopic: a short follow-up with a pronoun is retried with the
// words of the question before; other messages are not.
func TestWithTopic(t *testing.T) {
	last := "How much did the Coastal Link railway cost in the end?"
	for _, tt := range []struct{ msg, want string }{
		{"how long is it", "how long is it Coastal Link railway cost"},
		{"why did they raise it?", "why did they raise it? Coastal Link railway cost"},
		{"who built the Coastal Link railway between the two ports?", ""}, // long: names its own topic
		{"thanks, that was helpful", ""},                                  // small talk
		{"when did the line open", ""},                                    // no pronoun
	} {
		if got := withTopic(tt.msg, last); got != tt.want {
			t.Errorf("withTopic(%q) = %q, want %q", tt.msg, got, tt.want)
		}
	}
}

// TestStoryAsked: a question for the story of something only the briefs
// name is a story request; one about a thing any story may hold is not.
func TestStoryAsked(t *testing.T) {
	b, err := facts.LoadFS(fstest.MapFS{
		"outage.txt": {Data: []byte("A faulty update at Holm Telecom cut service for 11 hours.\n\nShares in the company fell 4%.\nOriginal Source: example.com\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ canon, want string }{
		{"what happened at holm telecom", "holm telecom"},
		{"how did holm telecom do", "holm telecom"},
		{"how did holm telecom do in the outage", ""}, // one thing of the story
		{"how is holm doing", "holm"},
		{"what happened to the shares", ""}, // names nothing of the briefs' own
		{"how did the shares do", ""},
		{"who runs holm telecom", ""}, // a question, not a story request
	} {
		if got := storyAsked(b, tt.canon); got != tt.want {
			t.Errorf("storyAsked(%q) = %q, want %q", tt.canon, got, tt.want)
		}
	}
	// Answered, the sentence tells how it did; no phrase of it does.
	if r := Respond(b, "how did holm telecom do?"); r.Kind != KindAnswer || r.Answer.Short != "" {
		t.Errorf("how did holm telecom do? = %s %q, want the sentence with no short answer", r.Kind, r.Answer.Short)
	}
	// Unanswered (as among many briefs), the story's summary.
	abstain := func(q string) facts.Answer { return facts.Answer{Question: q} }
	if r := respond(b, "how did holm telecom do?", abstain); r.Kind != KindSummary || len(r.Summary) == 0 {
		t.Errorf("how did holm telecom do?, unanswered = %s %q, want the story's summary", r.Kind, r.Text)
	}
	if r := respond(b, "how did holm telecom do in 2019?", abstain); r.Kind != KindAbstain {
		t.Errorf("how did holm telecom do in 2019?, unanswered = %s %q, want it left unanswered", r.Kind, r.Text)
	}
}

// TestRankForCount: a rank answers "how many" only when it ranks what is
// counted.
func TestRankForCount(t *testing.T) {
	const text = "Pakistan and the EU held their ninth counter-terrorism dialogue in Brussels, the first since 2023."
	for _, tt := range []struct {
		canon, short string
		want         bool
	}{
		{"how many counter-terrorism dialogues have there been", "ninth", false},
		{"how many dialogues have been held", "ninth", false},
		{"how many people live in pakistan", "ninth", true},
		{"how many meetings were there since 2023", "first", true},
		{"how many dialogues have been held", "Brussels", false}, // no rank
		{"when was the dialogue", "ninth", false},                // no count asked
	} {
		a := facts.Answer{Short: tt.short, Results: []facts.Result{{Fact: facts.Fact{Text: text}}}}
		if got := rankForCount(tt.canon, a); got != tt.want {
			t.Errorf("rankForCount(%q, %q) = %v, want %v", tt.canon, tt.short, got, tt.want)
		}
	}
}
