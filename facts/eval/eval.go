// Package eval scores a matcher against a question set in the development
// set's format: one JSON object a line with the question, its kind, the
// substrings the top cited fact must contain and, for some, the short
// answer.
package eval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/briefbot/briefbot/facts"
)

// Case is one row of a question set.
type Case struct {
	Kind   string   `json:"kind"` // para, typo, terse, oos, hard_oos
	Q      string   `json:"q"`
	Expect []string `json:"expect,omitempty"`
	Short  []string `json:"short,omitempty"`
	// Brief, when set, is the brief that answers: with several loaded, a
	// citation of another brief is wrong even if its text matches.
	Brief string `json:"brief,omitempty"`
}

// InScope reports whether the brief answers the case.
func (c Case) InScope() bool { return len(c.Expect) > 0 }

// Cites reports whether a fact's text holds one of the passages the case
// expects, ignoring case: the one rule for a right citation, shared by
// scoring and by the fit that learns from the same sets.
func (c Case) Cites(text string) bool { return containsAny(text, c.Expect) }

// Read parses a question set; a bad line is an error naming its number.
func Read(r io.Reader) ([]Case, error) {
	return readLines(r, 1<<20, func(c Case) (bool, error) {
		if c.Q == "" {
			return false, errors.New("no question")
		}
		return true, nil
	})
}

// readLines parses one JSON object a line, skipping blank lines; check
// says whether to keep a row or why it is bad, and an error names the
// line. maxLine bounds one line.
func readLines[T any](r io.Reader, maxLine int, check func(T) (bool, error)) ([]T, error) {
	var rows []T
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var row T
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		keep, err := check(row)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if keep {
			rows = append(rows, row)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read question set: %w", err)
	}
	return rows, nil
}

// Asker answers questions; *facts.Base and *facts.Store are Askers.
type Asker interface {
	Ask(question string) facts.Answer
}

var (
	_ Asker = (*facts.Base)(nil)
	_ Asker = (*facts.Store)(nil)
)

// Ratio is hits out of a total.
type Ratio struct{ Hit, Total int }

// Rate is Hit/Total, 1 for an empty set.
func (r Ratio) Rate() float64 {
	if r.Total == 0 {
		return 1
	}
	return float64(r.Hit) / float64(r.Total)
}

// String formats the ratio as "hit/total", as score.py prints it.
func (r Ratio) String() string { return fmt.Sprintf("%d/%d", r.Hit, r.Total) }

// Report holds the figures of one scoring run.
type Report struct {
	InScope, Para, Typo, Terse Ratio
	OOS, HardOOS               Ratio
	Short                      Ratio
	Uncited                    int // answers whose first citation lacks the source
	Misses                     []string
}

// Thresholds are the minimum rates a build must reach.
type Thresholds struct {
	InScope, OOS, HardOOS, Short float64
}

// Targets returns the project's quality targets for the held-out set.
func Targets() Thresholds { return Thresholds{InScope: 0.95, OOS: 0.90, HardOOS: 0.60, Short: 0.80} }

// Score asks every case and tallies the figures the way the shared
// score.py does: a case passes when the top citation contains an expected
// substring (in-scope) or the reply abstains (out of scope).
func Score(a Asker, cases []Case) Report {
	return ScoreBy(func(c Case) facts.Answer { return a.Ask(c.Q) }, cases)
}

// ScoreBy is Score with each case answered by ask, which sees the whole
// case: to ask each question of its own brief alone, as a server holding
// that brief only would.
func ScoreBy(ask func(Case) facts.Answer, cases []Case) Report {
	var r Report
	for _, c := range cases {
		ans := ask(c)
		top := ""
		if len(ans.Results) > 0 {
			top = ans.Results[0].Fact.Text
		}
		if ans.Answered && (len(ans.Results) == 0 || ans.Results[0].Fact.Citation.Source == "") {
			r.Uncited++
		}
		var good bool
		if c.InScope() {
			good = ans.Answered && c.Cites(top) &&
				(c.Brief == "" || ans.Results[0].Fact.Citation.Brief == c.Brief)
			if len(c.Short) > 0 {
				r.Short.Total++
				if ans.Answered && containsAny(ans.Short, c.Short) {
					r.Short.Hit++
				}
			}
		} else {
			good = !ans.Answered
		}
		tally := func(rs ...*Ratio) {
			for _, x := range rs {
				x.Total++
				if good {
					x.Hit++
				}
			}
		}
		switch c.Kind {
		case "para":
			tally(&r.InScope, &r.Para)
		case "typo":
			tally(&r.InScope, &r.Typo)
		case "terse":
			tally(&r.InScope, &r.Terse)
		case "oos":
			tally(&r.OOS)
		case "hard_oos":
			tally(&r.HardOOS)
		default:
			if c.InScope() {
				tally(&r.InScope)
			} else {
				tally(&r.OOS)
			}
		}
		if !good {
			r.Misses = append(r.Misses, fmt.Sprintf("%s: %q -> answered=%v %q", c.Kind, c.Q, ans.Answered, clip(top, 70)))
		}
	}
	return r
}

// Meets reports whether the report reaches every threshold.
func (r Report) Meets(t Thresholds) bool {
	return r.InScope.Rate() >= t.InScope && r.OOS.Rate() >= t.OOS && r.HardOOS.Rate() >= t.HardOOS &&
		r.Short.Rate() >= t.Short && r.Uncited == 0
}

// Summary is the one-line figure, in score.py's wording.
func (r Report) Summary() string {
	terse := ""
	if r.Terse.Total > 0 {
		terse = ", terse " + r.Terse.String()
	}
	return fmt.Sprintf("in-scope %s (para %s, typo %s%s), abstain oos %s, hard %s, short %s, uncited-source %d",
		r.InScope, r.Para, r.Typo, terse, r.OOS, r.HardOOS, r.Short, r.Uncited)
}

func containsAny(s string, subs []string) bool {
	ls := strings.ToLower(s)
	for _, x := range subs {
		if strings.Contains(ls, strings.ToLower(x)) {
			return true
		}
	}
	return false
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}
