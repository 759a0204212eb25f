package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/facts/internal/prose"
)

// MaxQuestionChars bounds a question, in characters as Discord counts
// them. Real questions are a sentence or two; a longer text is refused with
// a clear problem rather than matched slowly.
const MaxQuestionChars = 1000

// Problem says why a question could not be asked at all.
type Problem string

// Problems with a question itself, as opposed to the brief not answering it.
const (
	ProblemNone    Problem = ""
	ProblemEmpty   Problem = "empty"
	ProblemTooLong Problem = "too_long"
	ProblemNoWords Problem = "no_words"
)

// Answer is the matcher's reply to one question.
type Answer struct {
	Question string
	// Answered is true only when the top fact answers the question; an
	// unanswered reply never carries a short answer.
	Answered bool
	// Short is the short answer ("Brussels"): the phrase of the answering
	// fact the span model picks, given only when the reply with it is
	// likely enough right (model.Model.Bold); empty otherwise.
	Short     string
	ShortKind Kind
	// ShortConfidence is the probability that Short is the right short
	// answer, given that the sentence answers; a short answer is given
	// only when this times FactConfidence clears the model's span
	// threshold.
	ShortConfidence float64
	// Confidence is the probability that the reply is right: the cited
	// sentence answers and, when there is one, so does the short answer.
	Confidence float64
	// FactConfidence is the probability that the cited sentence answers,
	// whatever short answer is given: a reply that replaces the short
	// answer (yes or no) is as sure as this.
	FactConfidence float64
	// Gated is true when the top fact was confident enough to answer but
	// lacks a number the question names ("the tenth" asked, "the ninth"
	// written) or the age it asks for: it cannot say what was asked, yet
	// it may say No to a yes/no question about that number.
	Gated bool
	// Results are the best facts, most relevant first; when Answered,
	// Results[0] is the fact that answers.
	Results     []Result
	Suggestions []string
	Problem     Problem

	// several is whether the question was asked of more than one brief,
	// so that an unanswered reply says the briefs, not the brief, do not
	// say.
	several bool
}

// Result is one ranked fact.
type Result struct {
	Fact       Fact
	Confidence float64
	// Highlights are the byte spans in Fact.Text of words the question
	// matched, for bolding.
	Highlights []Span
	// Unmatched are the question's topic words the fact matches in no
	// way: a fact that lacks one may be near the question without stating
	// what it asks ("Is the plant in Lyon?" against "… a plant in Brno").
	Unmatched []string
	// Opposed are those of Unmatched whose antonym the fact holds: it
	// states the opposite of what was asked ("Is the line open?" against
	// "the line was closed").
	Opposed []string
	// Scattered says the question's words stand in different items of a
	// list in the fact, each only in its own ("A came third with 14
	// seats, while B won 11" against "Did A win 11 seats?"): the fact
	// does not say them of one thing.
	Scattered bool
}

// TentativeBelow is the confidence below which an answered reply is more
// likely wrong than right. The confidence is calibrated, so this is not a
// tuning number: it is where a reader, told nothing else, should stop
// taking the quoted sentence as the answer. See Tentative.
const TentativeBelow = 0.5

// Tentative reports whether an answered reply is more likely wrong than
// right (confidence under TentativeBelow). The matcher still quotes the
// sentence nearest the question, since the member may be asking about it,
// but says plainly that the brief may not answer: a quote shown without
// that would read as the brief's answer.
func (a Answer) Tentative() bool { return a.Answered && a.Confidence < TentativeBelow }

// TentativeText introduces the quote of a tentative reply.
const TentativeText = "Not sure the brief answers this. The closest it comes:"

// Explain is the sentence to show a person when the question was not
// answered.
func (a Answer) Explain() string {
	switch a.Problem {
	case ProblemEmpty:
		return "Please ask a question about the brief."
	case ProblemTooLong:
		return "That question is too long; please ask it in under 1000 characters."
	case ProblemNoWords:
		return "I could not find any words in that question; please ask it in words."
	}
	if a.Answered {
		return ""
	}
	if a.several {
		return "The briefs don't say."
	}
	return "The brief doesn't say."
}

// Ask answers a question from the fact base. It never panics on any input
// and is deterministic: the same question on the same base gives the same
// answer and confidence.
func (b *Base) Ask(question string) Answer { return b.AskIn("", question) }

// AskIn answers a question from one brief's facts alone, or from every
// brief when brief is "". An unknown brief answers nothing. It is for
// "/ask brief:" and for follow-ups, which are about the brief of the
// question before.
func (b *Base) AskIn(brief, question string) Answer {
	return b.AskInAt(brief, question, b.know.model.Threshold)
}

// AskInAt is AskIn answering when the confidence reaches t rather than
// the fitted threshold: a caller with more reason to expect that the
// brief answers (a follow-up about the brief under discussion) answers
// at a threshold fitted for that. An answer below the fitted threshold
// quotes its sentence with no short answer: nothing that unsure is set
// in bold.
func (b *Base) AskInAt(brief, question string, t float64) Answer {
	a := Answer{Suggestions: []string{}, several: brief == "" && len(b.briefs) > 1}
	var only *[2]int
	if brief != "" {
		r, ok := b.spans[brief]
		if !ok {
			r = [2]int{0, 0}
		}
		only = &r
	}
	b.withQuestion(question, func(q string, p Problem, m *matcher) {
		a.Question, a.Problem = q, p
		if p == ProblemTooLong {
			a.Question = truncate(q, 80)
		}
		if m != nil {
			m.qy.only, m.qy.threshold = only, t
			m.answer(&a)
		}
	})
	return a
}

// unshout lower-cases a question typed in capitals ("WHERE WAS IT HELD"),
// where capitals mark no names; any other question keeps its case.
func unshout(q string) string {
	upper, lower := 0, 0
	for _, r := range q {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		}
	}
	if upper >= 4 && lower*5 < upper {
		return strings.ToLower(q)
	}
	return q
}

// withQuestion reads a question the way Ask, Search and Candidates all do
// and calls use with the cleaned text, the problem if it cannot be asked,
// and otherwise its analysis and a scratch buffer that is valid only
// during the call.
func (b *Base) withQuestion(question string, use func(q string, p Problem, m *matcher)) {
	q := prose.Clean(question)
	switch {
	case q == "":
		use(q, ProblemEmpty, nil)
		return
	case utf8.RuneCountInString(q) > MaxQuestionChars:
		use(q, ProblemTooLong, nil)
		return
	}
	toks := prose.Tokenize(unshout(q))
	if len(toks) == 0 {
		use(q, ProblemNoWords, nil)
		return
	}
	sc := b.pool.Get().(*scratch)
	defer b.pool.Put(sc)
	sc.reset()
	m := b.analyze(toks, sc)
	use(q, ProblemNone, m)
	sc.keep(m.qy)
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
