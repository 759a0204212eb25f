package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/briefbot/briefbot/facts"
)

// Squad is a SQuAD 2.0 file: Wikipedia paragraphs, each with crowd
// questions whose answers are spans of the paragraph, or none (the
// question only looks answerable: the right reply is to abstain).
type Squad struct {
	Data []SquadArticle `json:"data"`
}

// SquadArticle is one Wikipedia article's paragraphs.
type SquadArticle struct {
	Title      string           `json:"title"`
	Paragraphs []SquadParagraph `json:"paragraphs"`
}

// SquadParagraph is one paragraph and its questions.
type SquadParagraph struct {
	Context string    `json:"context"`
	QAs     []SquadQA `json:"qas"`
	title   string    // the article's title, set by ReadSquad
	n       int       // 1-based place in the article
}

// SquadQA is one question.
type SquadQA struct {
	ID         string        `json:"id"`
	Question   string        `json:"question"`
	Answers    []SquadAnswer `json:"answers"`
	Impossible bool          `json:"is_impossible"`
}

// SquadAnswer is a gold answer: its text and where it starts in the
// paragraph, counted in characters (code points), as SQuAD counts.
type SquadAnswer struct {
	Text  string `json:"text"`
	Start int    `json:"answer_start"`
}

// ReadSquad parses a SQuAD file and returns its paragraphs in order.
func ReadSquad(r io.Reader) ([]SquadParagraph, error) {
	var s Squad
	if err := json.NewDecoder(r).Decode(&s); err != nil {
		return nil, fmt.Errorf("read SQuAD: %w", err)
	}
	var out []SquadParagraph
	for _, a := range s.Data {
		for i, p := range a.Paragraphs {
			p.title, p.n = a.Title, i+1
			out = append(out, p)
		}
	}
	return out, nil
}

var slugRun = regexp.MustCompile(`[^a-z0-9]+`)

// Article is the paragraph's article title, which groups paragraphs for
// cross-validation: questions of one article must not be split between
// fitting and checking.
func (p SquadParagraph) Article() string { return p.title }

// Name is the brief name the SQuAD scorer gives the paragraph.
func (p SquadParagraph) Name() string {
	slug := strings.Trim(slugRun.ReplaceAllString(strings.ToLower(p.title), "-"), "-")
	return fmt.Sprintf("%s-%02d", slug, p.n)
}

// Brief is the paragraph as the SQuAD scorer writes it: a Title line, the
// paragraph on one line, and the source.
func (p SquadParagraph) Brief() (*facts.Brief, error) {
	return facts.ParseBrief(p.Name()+".txt", strings.NewReader(p.text()))
}

func (p SquadParagraph) header() string {
	return fmt.Sprintf("Title: %s (%d)\n", strings.ReplaceAll(p.title, "_", " "), p.n)
}

func (p SquadParagraph) text() string {
	return p.header() + strings.ReplaceAll(p.Context, "\n", " ") + "\nOriginal Source: en.wikipedia.org\n"
}

// Offset is the byte offset in the brief's text of a gold answer that
// starts at character start of the paragraph; -1 when out of range.
func (p SquadParagraph) Offset(start int) int {
	if start < 0 {
		return -1
	}
	off := 0
	for i := 0; i < start; i++ {
		if off >= len(p.Context) {
			return -1
		}
		_, n := utf8.DecodeRuneInString(p.Context[off:])
		off += n
	}
	return len(p.header()) + off
}
