package talk_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/talk"
)

// TestFollowUpStaysOnItsStory: a follow-up the story under discussion does
// not answer, while several other stories do, is not turned into a choice
// among those stories: the reader means the one being discussed.
func TestFollowUpStaysOnItsStory(t *testing.T) {
	files := fstest.MapFS{"ferry.txt": {Data: []byte("A ferry capsized on Lake Tala on Sunday, May 3, 2026.\n\n" +
		"Rescuers pulled 19 passengers from the water.\nOriginal Source: example.com\n")}}
	for i, place := range []string{"Avon", "Brill", "Corran", "Dunmore"} {
		files[fmt.Sprintf("storm-%d.txt", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"A storm hit %s on Monday, April %d, 2026.\n\nSeven people died in the storm in %s.\nOriginal Source: example.com\n", place, i+1, place))}
	}
	b, err := facts.LoadFS(files)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	var c talk.Conversation
	if r := c.Respond(b, "what happened on lake tala?", now); !r.Answer.Answered || !strings.Contains(r.Answer.Results[0].Fact.Text, "ferry") {
		t.Fatalf("opening = %+v", r)
	}
	if r := c.Respond(b, "how many died", now.Add(time.Minute)); r.Kind == talk.KindClarify || r.Answer.Answered && !strings.Contains(r.Answer.Results[0].Fact.Text, "Tala") {
		t.Errorf("how many died, about the ferry = %s %q %+v", r.Kind, r.Text, r.Answer.Results)
	}
}

// TestNewStoryLeavesTheDiscussedOne: after a question about one story, a
// question another brief answers surely is answered from that brief, not
// with a tentative quote from the story under discussion, at any
// follow-up threshold.
func TestNewStoryLeavesTheDiscussedOne(t *testing.T) {
	files := fstest.MapFS{
		"water.txt": {Data: []byte("The city of Lahore hosted a regional water summit on March 3, 2025, attended by delegates from six countries.\n" +
			"The summit was chaired by Amina Rauf, Minister for Water Resources.\nOriginal Source: www.dawn.com\n")},
		"harbour.txt": {Data: []byte("The harbour authority of Valletta opened a new ferry terminal on May 9, 2025.\n" +
			"The terminal was designed by the architect Lorenzo Camilleri.\nOriginal Source: www.timesofmalta.com\n")},
	}
	b, err := facts.LoadFS(files)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	for _, threshold := range []float64{0.01, 0.1, 0.2, 0.3} {
		c := talk.Conversation{FollowUpThreshold: threshold}
		if r := c.Respond(b, "Who chaired the water summit?", now); !r.Answer.Answered || r.Answer.Results[0].Fact.Citation.Brief != "water" {
			t.Fatalf("opening = %+v", r.Answer)
		}
		r := c.Respond(b, "Who designed the ferry terminal?", now.Add(time.Minute))
		if !r.Answer.Answered || r.Answer.Results[0].Fact.Citation.Brief != "harbour" || r.Answer.Tentative() {
			t.Errorf("at follow-up threshold %v: the terminal's designer = %s %q", threshold, r.Kind, r.Text)
		}
	}
}

// TestSummaryStartsTheDiscussion: "tell me about the storm in Corran"
// is answered with that story's summary, and the follow-ups that lean
// on it ("how many died") are asked of that story, not of every brief.
// A person asked about is left to the matcher.
func TestSummaryStartsTheDiscussion(t *testing.T) {
	files := fstest.MapFS{}
	for i, place := range []string{"Avon", "Brill", "Corran", "Dunmore"} {
		files[fmt.Sprintf("storm-%d.txt", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"A storm hit %s on Monday, April %d, 2026.\n\n%d people died in the storm, mayor Ana Ruiz said.\nOriginal Source: example.com\n", place, i+1, i+5))}
	}
	b, err := facts.LoadFS(files)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	for _, opening := range []string{"tell me about the storm in Corran", "summarize the Corran storm"} {
		var c talk.Conversation
		r := c.Respond(b, opening, now)
		if r.Kind != talk.KindSummary || len(r.Summary) == 0 || r.Summary[0].Citation.Brief != "storm-2" {
			t.Fatalf("%q = %s %q %+v, want the summary of the Corran storm", opening, r.Kind, r.Text, r.Summary)
		}
		r = c.Respond(b, "how many died", now.Add(time.Minute))
		if !r.Answer.Answered || r.Answer.Results[0].Fact.Citation.Brief != "storm-2" || !strings.HasPrefix(r.Answer.Short, "7") {
			t.Errorf("how many died, after %q = %s %q %+v", opening, r.Kind, r.Answer.Short, r.Answer.Results)
		}
	}
	for _, q := range []string{"tell me about the mayor", "tell me about Ana Ruiz", "tell me about the storm, when did it hit?"} {
		if r := talk.Respond(b, q); r.Kind == talk.KindSummary {
			t.Errorf("%q = a summary, want it asked of the matcher", q)
		}
	}
}
