package bot

import (
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/talk"
)

// markdownSpecials are the characters Discord reads as formatting.
const markdownSpecials = "\\*_~`|[]<>#"

// TestHostileTitlesEscaped: whatever a brief's title holds, every place
// Discord reads markdown (content, titles, descriptions, field names and
// values) shows its formatting characters escaped, in every reply that
// names briefs: an answer citing two, a summary, /facts, /source, /help.
// Titles are random runs of formatting characters between markers, so the
// check finds the title's text wherever it lands.
func TestHostileTitlesEscaped(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("ab *_~`|[]()<>#@:!/\\")
	know, err := facts.LoadKnowledge() // once: each load reads the word vectors and WordNet again
	if err != nil {
		t.Fatal(err)
	}
	for round := range 150 {
		var sb strings.Builder
		for range 1 + rng.IntN(14) {
			sb.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		title := "Zq" + strings.TrimSpace(sb.String()) + "Qz"
		briefs := fstest.MapFS{
			"one.txt": {Data: []byte("Title: " + title + "\n\nThe harbour board raised mooring fees in April.\n\nOriginal Source: example.com\n")},
			"two.txt": {Data: []byte("Title: " + title + " again\n\nThe harbour board raised mooring fees in April by ten percent.\n\nOriginal Source: example.org\n")},
		}
		base, err := know.LoadFS(briefs)
		if err != nil {
			t.Fatalf("title %q: %v", title, err)
		}
		msgs := map[string]Message{
			"answer":  replyMessage(talk.Respond(base, "Did the harbour board raise mooring fees?"), "1"),
			"summary": replyMessage(talk.Summarize(base, ""), "2"),
			"facts":   factsPage(base, title, 0),
			"all":     factsPage(base, "", 0),
			"source":  sourceMessage(base, time.Unix(0, 0), "test"),
			"help":    helpMessage(base),
		}
		for name, m := range msgs {
			for _, text := range markdownTexts(m) {
				if bad := unescapedInTitle(text); bad != "" {
					t.Errorf("round %d, %s: title %q shows unescaped as %q in %q", round, name, title, bad, text)
				}
			}
		}
	}
}

// markdownTexts are the texts of m that Discord renders as markdown.
func markdownTexts(m Message) []string {
	out := []string{m.Content}
	for _, e := range m.Embeds {
		out = append(out, e.Title, e.Description)
		for _, f := range e.Fields {
			out = append(out, f.Name, f.Value)
		}
	}
	return out
}

// unescapedInTitle returns the part of text between the title's markers
// that holds a formatting character without a backslash before it, or "".
func unescapedInTitle(text string) string {
	for {
		i := strings.Index(text, "Zq")
		if i < 0 {
			return ""
		}
		text = text[i+2:]
		j := strings.Index(text, "Qz")
		if j < 0 {
			j = len(text) // clipped
		}
		part := text[:j]
		for k := 0; k < len(part); k++ {
			if part[k] == '\\' {
				k++ // an escape and what it escapes
				continue
			}
			if strings.IndexByte(markdownSpecials, part[k]) >= 0 {
				return part
			}
		}
		text = text[j:]
	}
}
