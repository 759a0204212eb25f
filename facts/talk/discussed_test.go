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
