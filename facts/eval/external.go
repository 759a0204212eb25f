package eval

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/briefbot/briefbot/facts"
)

// External is a row of a public answer-selection set (WikiQA, TrecQA) as
// the project's external scorer reads them: a question, its document's
// candidate sentences, and the indices of those that answer (none: the
// right reply is to abstain).
type External struct {
	ID        string   `json:"id"`
	Q         string   `json:"q"`
	Sentences []string `json:"sentences"`
	Answers   []int    `json:"answers"`
}

// IsExternal reports whether a question-set line is in the external
// format rather than the project's.
func IsExternal(line []byte) bool {
	var probe struct {
		Sentences json.RawMessage `json:"sentences"`
	}
	return json.Unmarshal(line, &probe) == nil && probe.Sentences != nil
}

// ReadExternal parses an external set; a bad line is an error naming its
// number. Rows without sentences are skipped, as the external scorer does.
func ReadExternal(r io.Reader) ([]External, error) {
	return readLines(r, 16<<20, func(x External) (bool, error) {
		if x.Q == "" {
			return false, errors.New("no question")
		}
		return len(x.Sentences) > 0, nil
	})
}

// Brief is the row's document as a brief: one candidate sentence a line,
// so a citation's paragraph names the candidate.
func (x External) Brief() (*facts.Brief, error) {
	var b strings.Builder
	for _, s := range x.Sentences {
		b.WriteString(strings.ReplaceAll(s, "\n", " "))
		b.WriteByte('\n')
	}
	b.WriteString("Original Source: example.org\n")
	return facts.ParseBrief("doc.txt", strings.NewReader(b.String()))
}

// ExternalReport holds the external scorer's figures for single mode.
type ExternalReport struct {
	// P@1 is answered with a correct first citation, over answerable.
	P1 Ratio
	// AbstainUnans is not answered, over unanswerable.
	AbstainUnans Ratio
	Answered     int
}

// F1 is the answer-triggering F1 of Yang et al.: precision over questions
// answered, recall over answerable ones.
func (r ExternalReport) F1() float64 {
	if r.Answered == 0 || r.P1.Total == 0 || r.P1.Hit == 0 {
		return 0
	}
	p, rc := float64(r.P1.Hit)/float64(r.Answered), r.P1.Rate()
	return 2 * p * rc / (p + rc)
}

// Summary is the one-line figure, in the external scorer's wording.
func (r ExternalReport) Summary() string {
	return fmt.Sprintf("P@1 %.3f (%s) abstain-unans %.3f (%s) AT-F1 %.3f",
		r.P1.Rate(), r.P1, r.AbstainUnans.Rate(), r.AbstainUnans, r.F1())
}

// ScoreExternal asks each row's question of its own document alone (the
// external scorer's single mode), building each document's base with
// build.
func ScoreExternal(build func(*facts.Brief) (Asker, error), rows []External) (ExternalReport, error) {
	var r ExternalReport
	for _, x := range rows {
		b, err := x.Brief()
		if err != nil {
			return r, fmt.Errorf("question %s: %w", x.ID, err)
		}
		base, err := build(b)
		if err != nil {
			return r, fmt.Errorf("question %s: %w", x.ID, err)
		}
		a := base.Ask(x.Q)
		if a.Answered {
			r.Answered++
		}
		if len(x.Answers) == 0 {
			r.AbstainUnans.Total++
			if !a.Answered {
				r.AbstainUnans.Hit++
			}
			continue
		}
		r.P1.Total++
		if a.Answered && len(a.Results) > 0 && slices.Contains(x.Answers, a.Results[0].Fact.Citation.Paragraph-1) {
			r.P1.Hit++
		}
	}
	return r, nil
}
