package facts

import (
	"slices"

	"github.com/briefbot/briefbot/facts/model"
)

// spanRanking is the fitted span model's view of one fact's phrases.
type spanRanking struct {
	cands  []spanCand
	sorted []float64 // their scores, best first
	best   int       // index in cands of the best one
}

// rankSpans scores the candidate short answers of fact di; empty without
// a span model.
func (b *Base) rankSpans(qy *query, di int) spanRanking {
	m := b.know.model
	if !m.HasSpan() {
		return spanRanking{}
	}
	r := spanRanking{cands: b.spanCands(qy, di)}
	scores := make([]float64, len(r.cands))
	for i := range r.cands {
		scores[i] = m.Span.EvalKeys(r.cands[i].feat, r.cands[i].keys)
		if scores[i] > scores[r.best] {
			r.best = i
		}
	}
	r.sorted = scores
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
func (b *Base) shortAnswer(qy *query, di int, r spanRanking, sentence float64) (string, Kind, float64) {
	m := b.know.model
	if !m.HasSpan() {
		s, k := b.short(qy, di)
		return s, k, 0
	}
	if len(r.cands) == 0 {
		return "", 0, 0
	}
	c := r.cands[r.best]
	p := m.SpanConfidence(model.SpanConfFeatures(r.sorted, sentence, c.feat))
	if !m.Bold(sentence * p) {
		return "", 0, round3(p)
	}
	f := &b.facts[di]
	return f.Text[b.widen(f, c.start):c.end], c.kind, round3(p)
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
	b.withQuestion(question, func(_ string, _ Problem, qy *query, _ *scratch) {
		if qy == nil {
			return
		}
		for _, c := range b.spanCands(qy, di) {
			f := &b.facts[di]
			out = append(out, SpanCandidate{Text: f.Text[c.start:c.end], Shown: f.Text[b.widen(f, c.start):c.end], Features: c.feat, Keys: c.keys})
		}
	})
	return out
}
