package talk

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefbot/briefbot/facts"
)

// TestBriefUnderDiscussion: the brief of the last answer stays the one
// under discussion through a follow-up that it does not answer, so the
// follow-up after is still asked of it first; an unanswered question that
// names a brief's subject makes that brief the one; a new conversation
// has none.
func TestBriefUnderDiscussion(t *testing.T) {
	b := twoBriefs(t)
	now := time.Date(2026, 5, 20, 9, 0, 0, 0, time.UTC)
	var c Conversation
	for _, s := range []struct {
		msg   string
		kind  Kind
		brief string // under discussion after the reply
	}{
		{"who won the Valmora presidential election?", KindAnswer, "vote"},
		{"what is the capital of France?", KindAbstain, "vote"},
		{"who walked out at the Harbour of Sellin?", KindAnswer, "port"},
	} {
		now = now.Add(time.Minute)
		if r := c.Respond(b, s.msg, now); r.Kind != s.kind {
			t.Errorf("%q: %s, want %s", s.msg, r.Kind, s.kind)
		}
		if c.discussed != s.brief {
			t.Errorf("after %q the brief under discussion is %q, want %q", s.msg, c.discussed, s.brief)
		}
	}
	c.Respond(b, "what is the capital of France?", now.Add(FollowUpWindow+time.Minute))
	if c.discussed != "" {
		t.Errorf("a new conversation starts about %q", c.discussed)
	}
	// An opening the briefs do not answer, but about the brief that names
	// Pavel Dren.
	var named Conversation
	const q = "how old is Pavel Dren?"
	if r := named.Respond(b, q, now); r.Kind != KindAbstain || named.discussed != "vote" {
		t.Errorf("%q: %s, about %q; want abstain, about vote", q, r.Kind, named.discussed)
	}
}

// TestLeansOnContext: a follow-up leans on the conversation when it was
// read against it or names nothing of its own; one that names a person
// of the briefs stands alone, and so is held to the matcher's threshold.
// Words the briefs capitalise but English has ("Harbour") name nothing.
func TestLeansOnContext(t *testing.T) {
	b := twoBriefs(t)
	for _, tt := range []struct {
		message, question string
		want              bool
	}{
		{"how many walked out?", "how many walked out?", true},
		{"who is the union's leader?", "who is the union's leader?", true},
		{"when did the harbour strike start?", "when did the harbour strike start?", true},
		{"is Irena Osk married?", "is Irena Osk married?", false},
		{"what did mara voss say?", "what did mara voss say?", false},
		{"how old is she?", "how old is Irena Osk?", true},
	} {
		if got := leansOnContext(b, tt.message, tt.question); got != tt.want {
			t.Errorf("leansOnContext(%q, %q) = %v, want %v", tt.message, tt.question, got, tt.want)
		}
	}
}

// twoBriefs is a base of two short briefs, an election and a strike.
func twoBriefs(t *testing.T) *facts.Base {
	t.Helper()
	files := fstest.MapFS{
		"vote.txt": &fstest.MapFile{Data: []byte("Date: 2026-05-18\nTitle: Valmora election\n\n" +
			"Former judge Irena Osk won the Valmora presidential election on Sunday.\n\n" +
			"Osk, 54, beat the incumbent Pavel Dren by nine points.\n\nOriginal Source: a.example\n")},
		"port.txt": &fstest.MapFile{Data: []byte("Date: 2026-05-19\nTitle: Harbour strike\n\n" +
			"Dockworkers at the Harbour of Sellin walked out on Monday in a dispute over pay.\n\n" +
			"The union's leader, Mara Voss, said talks had failed.\n\nOriginal Source: b.example\n")},
	}
	b, err := facts.LoadFS(files)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
