package facts

import "math"

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
	conf := b.confidence(sc.scores, top)
	a.Confidence = round3(conf)
	a.Answered = conf >= b.know.model.Threshold && top.feat[fMatched] > 0 && !gated(top.feat)
	for i, r := range results {
		rc := conf
		if i > 0 {
			// A related fact's confidence is its share of the ranking
			// against the top one, scaled by the top's.
			rc = conf * relativeShare(r.score, top.score)
		}
		a.Results = append(a.Results, Result{Fact: b.facts[r.doc].clone(), Confidence: round3(rc),
			Highlights: b.highlights(qy, r.doc), Unmatched: unmatched(qy, r)})
	}
	if !a.Answered {
		a.Suggestions = b.suggest(qy, results)
		return
	}
	a.Short, a.ShortKind = b.short(qy, top.doc)
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
