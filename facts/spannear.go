package facts

import (
	"math"
	"math/bits"
)

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

// evidence is what spanNear and spanPairs need of a sentence, worked out
// once for all its phrases: a sentence has a few hundred candidate
// phrases and a question's words stand at only a few of its words.
type evidence struct {
	pos    []int     // the words the question uses, in order
	weight []float64 // … and the IDF of each
	// pairEnd marks, for each word that is no function word, the
	// question's pairs (bit n for qy.pairs[n]) it closes with the word
	// before it, function words aside; prevContent is where that word
	// stands, -1 for none.
	pairEnd     []uint64
	prevContent []int
}

// maxPairMarks is how many of a question's word pairs fit the bits of
// evidence.pairEnd; a question with more (none of the fit's) is checked
// word by word.
const maxPairMarks = 64

// sentenceEvidence weighs st's matched words by their IDF and marks
// where the question's pairs stand.
func (m *matcher) sentenceEvidence(st *spanToks) evidence {
	var ev evidence
	for k, mw := range st.matched {
		if id := st.ids[k]; mw && id >= 0 {
			ev.pos = append(ev.pos, k)
			ev.weight = append(ev.weight, float64(m.idx.idf[id]))
		}
	}
	if len(m.qy.pairs) == 0 || len(m.qy.pairs) > maxPairMarks {
		return ev
	}
	ev.pairEnd = make([]uint64, len(st.toks))
	ev.prevContent = make([]int, len(st.toks))
	prev := -1
	for k := range st.toks {
		ev.prevContent[k] = -1
		if m.lang.Stop[st.toks[k].Lower] {
			continue
		}
		ev.prevContent[k] = prev
		if prev >= 0 && st.ids[prev] >= 0 && st.ids[k] >= 0 {
			a, c := uint32(st.ids[prev]), uint32(st.ids[k])
			for n, p := range m.qy.pairs {
				if a == p[0] && c == p[1] || a == p[1] && c == p[0] {
					ev.pairEnd[k] |= 1 << n
				}
			}
		}
		prev = k
	}
	return ev
}

// spanNear fills the features of how the question's evidence stands
// around words i..j: the IDF-weighted mean log distance of the matched
// words outside the span, and the IDF share of them within nearWindow.
func spanNear(ev *evidence, i, j int, fv *[numSpanFeatures]float64) {
	var sum, dist, near float64
	for n, k := range ev.pos {
		if k >= i && k <= j {
			continue
		}
		d := i - k
		if k > j {
			d = k - j
		}
		w := ev.weight[n]
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
func (m *matcher) spanPairs(st *spanToks, i, j int, fv *[numSpanFeatures]float64) {
	if len(m.qy.pairs) == 0 {
		return
	}
	left, right := max(0, i-nearWindow), min(len(st.toks)-1, j+nearWindow)
	hit := 0
	if ev := &st.evidence; ev.pairEnd != nil {
		hit = bits.OnesCount64(ev.pairsWithin(left, i-1) | ev.pairsWithin(j+1, right))
	} else {
		for _, p := range m.qy.pairs {
			if st.pairNear(m.Base, p, left, i-1) || st.pairNear(m.Base, p, j+1, right) {
				hit++
			}
		}
	}
	fv[sPairNear] = float64(hit) / float64(len(m.qy.pairs))
}

// pairsWithin is the question's pairs whose two words both stand among
// words from..to, as pairNear finds them.
func (ev *evidence) pairsWithin(from, to int) uint64 {
	var m uint64
	for k := from; k <= to; k++ {
		if ev.prevContent[k] >= from {
			m |= ev.pairEnd[k]
		}
	}
	return m
}

// pairNear reports whether the terms of p stand next to each other, but
// for function words, among words from..to.
func (st *spanToks) pairNear(b *Base, p [2]uint32, from, to int) bool {
	prev := int64(-1)
	for k := from; k <= to; k++ {
		if b.lang.Stop[st.toks[k].Lower] {
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
