package facts

import (
	"slices"
)

// A sentence often gives one figure for each of several places: "About
// 19,200 of the cars were sold in one country, 11,500 in another". Which
// one answers "how many in <a place>" depends on the place each figure is
// tied to, which is the name after the "in" or "at" that follows it.

// placeWindow is how many words after an amount may hold the "in" or
// "at" that places it ("19,200 of the affected cars were sold in"): wider
// reaches the next figure's place.
const placeWindow = 8

// spanPlaces fills the features that say whether the amount in words
// i..j is placed at a place the question asks about (see askedPlaces) or
// at another, when the question asks about one.
func (m *matcher) spanPlaces(st *spanToks, i, j int, fv *[numSpanFeatures]float64) {
	if len(m.qy.places) == 0 {
		return
	}
	last := lastCount(st.toks, i, j)
	if last < 0 {
		return
	}
	at := m.placeAfter(st, last)
	if len(at) == 0 {
		return
	}
	same := slices.ContainsFunc(m.qy.places, func(p askedPlace) bool {
		return slices.ContainsFunc(p.terms, func(t uint32) bool { return slices.Contains(at, t) })
	})
	fv[sPlaceSame], fv[sPlaceOther] = b2f(same), b2f(!same)
}

// placeAfter is the index terms of the name after the first "in" or "at"
// within placeWindow words after the number at word last, in its clause
// and before another amount; nil for none.
func (b *Base) placeAfter(st *spanToks, last int) []uint32 {
	for k := last + 1; k+1 < len(st.toks) && k <= last+placeWindow; k++ {
		if st.clause[k] != st.clause[last] || amountWord(st.toks[k]) {
			return nil
		}
		if w := st.toks[k].Lower; w != "in" && w != "at" {
			continue
		}
		n := k + 1
		if st.toks[n].Lower == "the" {
			n++
		}
		if out, _ := b.nameTerms(st.toks[n:b.lang.PlaceName(st.toks, st.clause, n)]); len(out) > 0 {
			return out
		}
	}
	return nil
}
