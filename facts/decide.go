package facts

import (
	"math"
	"slices"

	"github.com/briefbot/briefbot/facts/model"
)

// answer ranks the facts for a question, decides from the calibrated
// confidence whether the best one answers, and fills in the reply.
func (m *matcher) answer(a *Answer) {
	if len(m.qy.terms) == 0 {
		a.Suggestions = m.suggest(nil)
		return
	}
	results := m.rank(maxResults)
	if len(results) == 0 {
		a.Suggestions = m.suggest(nil)
		return
	}
	top := results[0]
	// The confidence is worked out as it was fitted: on the best-scored
	// fact and its phrases, even when a fuller fact of its group is cited
	// in its place (see fuller); the short answer is the cited fact's.
	spans := m.rankSpans(m.sc.best.doc)
	conf := m.know.model.Confidence(model.ConfFeatures(m.sc.scores, m.sc.best.feat, spans.sorted))
	if top.doc != m.sc.best.doc {
		spans = m.rankSpans(top.doc)
	}
	a.Confidence = round3(conf)
	a.FactConfidence = a.Confidence
	a.Answered = Answers(conf, m.qy.threshold, m.sc.best.feat)
	a.Gated = !a.Answered && gatedAnswer(conf, m.qy.threshold, m.sc.best.feat)
	for i, r := range results {
		rc := conf
		if i > 0 {
			// A related fact's confidence is its share of the ranking
			// against the top one, scaled by the top's.
			rc = conf * relativeShare(r.score, top.score)
		}
		a.Results = append(a.Results, Result{Fact: m.facts[r.doc].clone(), Confidence: round3(rc),
			Highlights: m.highlights(r.doc), Unmatched: unmatched(m.qy, r), Opposed: m.opposed(r),
			Scattered: m.scattered(r.doc)})
	}
	if !a.Answered {
		a.Suggestions = m.suggest(results)
		return
	}
	if conf < m.know.model.Threshold {
		// Answered below the fitted threshold (AskInAt, for a follow-up):
		// the sentence is quoted, but nothing is set in bold.
		return
	}
	a.Short, a.ShortKind, a.ShortConfidence = m.shortAnswer(top.doc, spans, conf)
	if a.Short != "" {
		// The reply is right when its sentence answers and its bold
		// answer is the right one.
		a.Confidence = round3(conf * a.ShortConfidence)
		a.Results[0].Confidence = a.Confidence
	}
}

// Answers is the answer rule: whether the top fact, with confidence conf
// and ranker features feat (in FeatureNames order), is given as the
// answer at threshold t. It must be confident enough, match some word of
// the question, and not be gated. The fit command chooses the threshold
// under this same rule, so the one it picks is the one the bot uses.
func Answers(conf, t float64, feat []float64) bool {
	return eligible(conf, t, feat) && !gated(feat)
}

// gatedAnswer reports whether the top fact would be given as the answer
// but for the gate: it lacks a number the question names or the age it
// asks for.
func gatedAnswer(conf, t float64, feat []float64) bool {
	return eligible(conf, t, feat) && gated(feat)
}

// eligible reports whether the top fact is confident enough at threshold
// t and matches some word of the question.
func eligible(conf, t float64, feat []float64) bool {
	return len(feat) == numFeatures && conf >= t && feat[fMatched] > 0
}

// relativeShare is how a lower score compares with the top one, in (0,1].
func relativeShare(score, top float64) float64 {
	// 2σ(d) for d ≤ 0: 1 when equal, towards 0 as the gap grows.
	return 2 / (1 + math.Exp(top-score))
}

// unmatched lists the question's topic words candidate c does not match.
func unmatched(qy *query, c cand) []string {
	var out []string
	for i, s := range c.match {
		if s == 0 && i < len(qy.terms) {
			out = append(out, qy.terms[i].word)
		}
	}
	return out
}

// opposed lists the question's topic words candidate c does not match but
// holds an antonym of ("open" asked, "closed" written).
func (m *matcher) opposed(c cand) []string {
	var out []string
	terms := m.docs[c.doc].terms
	for i, s := range c.match {
		if s == 0 && i < len(m.qy.terms) && hasAnyTerm(terms, m.qy.terms[i].opposed) {
			out = append(out, m.qy.terms[i].word)
		}
	}
	return out
}

// scattered reports whether the question's words that fact di matches
// stand in different items of a coordinated list, each word only in its
// own item: see Result.Scattered.
func (m *matcher) scattered(di int) bool {
	d := &m.docs[di]
	if len(d.items) == 0 {
		return false
	}
	only := -1 // the one item of the words found so far in only one
	for _, qt := range m.qy.terms {
		in := -1 // the item of this word's matches; -2 for several
		for _, t := range d.toks {
			if !slices.ContainsFunc(qt.exps, func(e exp) bool { return e.term == t.term }) {
				continue
			}
			switch k := itemOf(d.items, int(t.pos)); {
			case in == -1:
				in = k
			case in != k:
				in = -2
			}
		}
		if in < 0 {
			continue
		}
		if only >= 0 && only != in {
			return true
		}
		only = in
	}
	return false
}

// itemOf is which item of a coordinated list the word at pos stands in,
// given where items begin: 0 before the second item.
func itemOf(items []uint16, pos int) int {
	n := 0
	for _, s := range items {
		if pos >= int(s) {
			n++
		}
	}
	return n
}
