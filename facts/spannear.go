package facts

import "math"

// A question is mostly the answering sentence said again with the answer
// taken out: "What collapsed in 2008?" of "the Tarrow Ice Shelf collapsed
// in 2008". The answer stands where the question's evidence
// gathers, and the nearest matched word alone (sDist) does not say where
// that is: a common word ("year", "said") matched next to a wrong phrase
// outweighs the rare ones around the right one. These features weigh all
// of the evidence, each word by its IDF, and the question's word pairs as
// they stand beside the span.

// nearWindow is how many words on each side of a span count as its
// neighbourhood for sNear and sPairNear. Wider windows reach the verb and
// object of a long clause but let the evidence of a rival phrase a few
// words on count as this one's; spanWindow's three see only the words
// that frame the span.
const nearWindow = 6

// evidence is the IDF of each word of a sentence the question uses, 0
// for the others.
type evidence struct {
	weight []float64
}

// sentenceEvidence weighs st's matched words by their IDF.
func (b *Base) sentenceEvidence(st *spanToks) evidence {
	ev := evidence{weight: make([]float64, len(st.toks))}
	for k, m := range st.matched {
		if id := st.ids[k]; m && id >= 0 {
			ev.weight[k] = float64(b.idx.idf[id])
		}
	}
	return ev
}

// spanNear fills the features of how the question's evidence stands
// around words i..j: the IDF-weighted mean log distance of the matched
// words outside the span, and the IDF share of them within nearWindow.
func spanNear(ev *evidence, i, j int, fv *[numSpanFeatures]float64) {
	var sum, dist, near float64
	for k, w := range ev.weight {
		if w == 0 || k >= i && k <= j {
			continue
		}
		d := i - k
		if k > j {
			d = k - j
		}
		sum += w
		dist += w * math.Log(float64(d))
		if d <= nearWindow {
			near += w
		}
	}
	if sum == 0 {
		return
	}
	fv[sMeanDist] = dist / sum
	fv[sNear] = near / sum
}

// spanPairs fills sPairNear: the share of the question's pairs of
// adjacent content words ("collapsed … 2008", "central bank") that stand
// together, function words aside, within nearWindow words of the span,
// on either side and in either order.
func (b *Base) spanPairs(qy *query, st *spanToks, i, j int, fv *[numSpanFeatures]float64) {
	if len(qy.pairs) == 0 {
		return
	}
	hit := 0
	for _, p := range qy.pairs {
		if st.pairNear(b, p, max(0, i-nearWindow), i-1) || st.pairNear(b, p, j+1, min(len(st.toks)-1, j+nearWindow)) {
			hit++
		}
	}
	fv[sPairNear] = float64(hit) / float64(len(qy.pairs))
}

// pairNear reports whether the terms of p stand next to each other, but
// for function words, among words from..to.
func (st *spanToks) pairNear(b *Base, p [2]uint32, from, to int) bool {
	prev := int64(-1)
	for k := from; k <= to; k++ {
		if b.lang.stop[st.toks[k].lower] {
			continue
		}
		id := st.ids[k]
		if prev >= 0 && id >= 0 && (prev == int64(p[0]) && id == int64(p[1]) || prev == int64(p[1]) && id == int64(p[0])) {
			return true
		}
		prev = id
	}
	return false
}
