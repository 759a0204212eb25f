package facts

import (
	"math"

	"github.com/briefbot/briefbot/facts/model"
)

// answer ranks the facts for a question, decides from the calibrated
// confidence whether the best one answers, and fills in the reply.
func (b *Base) answer(qy *query, a *Answer, sc *scratch) {
	if len(qy.terms) == 0 {
		a.Suggestions = b.suggest(qy, nil)
		return
	}
	results := b.rank(qy, sc, maxResults)
	if len(results) == 0 {
		a.Suggestions = b.suggest(qy, nil)
		return
	}
	top := results[0]
	spans := b.rankSpans(qy, top.doc)
	conf := b.know.model.Confidence(model.ConfFeatures(sc.scores, top.feat, spans.sorted))
	a.Confidence = round3(conf)
	a.FactConfidence = a.Confidence
	a.Answered = conf >= b.know.model.Threshold && top.feat[fMatched] > 0 && !gated(top.feat)
	for i, r := range results {
		rc := conf
		if i > 0 {
			// A related fact's confidence is its share of the ranking
			// against the top one, scaled by the top's.
			rc = conf * relativeShare(r.score, top.score)
		}
		a.Results = append(a.Results, Result{Fact: b.facts[r.doc].clone(), Confidence: round3(rc),
			Highlights: b.highlights(qy, r.doc), Unmatched: unmatched(qy, r), Opposed: b.opposed(qy, r)})
	}
	if !a.Answered {
		a.Suggestions = b.suggest(qy, results)
		return
	}
	a.Short, a.ShortKind, a.ShortConfidence = b.shortAnswer(qy, top.doc, spans, conf)
	if a.Short != "" {
		// The reply is right when its sentence answers and its bold
		// answer is the right one.
		a.Confidence = round3(conf * a.ShortConfidence)
		a.Results[0].Confidence = a.Confidence
	}
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
func (b *Base) opposed(qy *query, c cand) []string {
	var out []string
	terms := b.docs[c.doc].terms
	for i, s := range c.match {
		if s == 0 && i < len(qy.terms) && hasAnyTerm(terms, qy.terms[i].opposed) {
			out = append(out, qy.terms[i].word)
		}
	}
	return out
}
