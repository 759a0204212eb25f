package facts

import (
	"slices"

	"github.com/briefbot/briefbot/facts/model"
)

// spanRanking is the fitted span model's view of one fact's phrases.
type spanRanking struct {
	best   spanCand  // the best-scored phrase, its features its own
	sorted []float64 // every phrase's score, best first
}

// rankSpans scores the candidate short answers of fact di; empty without
// a span model.
func (m *matcher) rankSpans(di int) spanRanking {
	fm := m.know.model
	if !fm.HasSpan() {
		return spanRanking{}
	}
	var r spanRanking
	bestFeat := make([]float64, numSpanFeatures)
	bestScore := 0.0
	m.eachSpan(di, func(c *spanCand) {
		score := fm.Span.EvalKeys(c.feat, c.keys)
		if len(r.sorted) == 0 || score > bestScore {
			bestScore, r.best = score, *c
			r.best.feat, r.best.keys = bestFeat, nil
			copy(bestFeat, c.feat)
		}
		r.sorted = append(r.sorted, score)
	})
	slices.SortFunc(r.sorted, func(a, b float64) int {
		switch {
		case a > b:
			return -1
		case a < b:
			return 1
		}
		return 0
	})
	return r
}

// shortAnswer picks the short answer of fact di from its span ranking,
// and says how likely it is right given that the sentence answers
// (sentence is the sentence's confidence). When the whole reply with it
// would be right too seldom (model.Bold) there is none: the reply quotes
// the sentence alone rather than bolding a phrase that is likelier wrong
// than right, whether because of the phrase or the sentence. Without a span
// model the rule-based pick stands.
func (m *matcher) shortAnswer(di int, r spanRanking, sentence float64) (string, Kind, float64) {
	fm := m.know.model
	if !fm.HasSpan() {
		s, k := m.short(di)
		return s, k, 0
	}
	if len(r.sorted) == 0 {
		return "", 0, 0
	}
	c := r.best
	p := fm.SpanConfidence(model.SpanConfFeatures(r.sorted, sentence, c.feat))
	if !fm.Bold(sentence * p) {
		return "", 0, round3(p)
	}
	f := &m.facts[di]
	return f.Text[m.widen(f, c.start, c.end, c.kind, m.qy.cues):c.end], c.kind, round3(p)
}

// SpanCandidate is a phrase of a fact that the matcher considers as the
// short answer to a question, with the features the span model weighs.
// The fit command learns the span weights from these.
type SpanCandidate struct {
	Text string
	// Shown is what a reply bolds when this phrase wins: Text widened by
	// the qualifier, weekday or article its reader would miss ("at least
	// 23" for "23"; see widen). The fit judges a phrase by it, as a reader
	// judges the reply.
	Shown    string
	Features []float64
	Keys     []uint32 // lexical keys, hashed: see model.Net.Lex
}

// Spans returns the candidate short answers fact f offers for the
// question, in the order the matcher builds them; none when f is not a
// fact of this base or the question cannot be asked.
func (b *Base) Spans(question string, f Fact) []SpanCandidate {
	di := b.factIndex(f)
	if di < 0 {
		return nil
	}
	var out []SpanCandidate
	b.withQuestion(question, func(_ string, _ Problem, m *matcher) {
		if m == nil {
			return
		}
		for _, c := range m.spanCands(di) {
			f := &b.facts[di]
			out = append(out, SpanCandidate{Text: f.Text[c.start:c.end], Shown: f.Text[m.widen(f, c.start, c.end, c.kind, m.qy.cues):c.end], Features: c.feat, Keys: c.keys})
		}
	})
	return out
}
