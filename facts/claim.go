package facts

import (
	"math"
)

// A sentence often holds several entities of the kind asked for: "rose to
// 310, up from 285 a year earlier", "£5 a day for older vans, while buses
// are charged £40 a day". The question's words say which one it means, by
// standing nearer to it than to its rivals. Distance alone misleads where
// the rivals sit close together; what tells them apart is which of them
// each of the question's words belongs to, weighted by how rare the word
// is ("older vans" says more than "charged").

// alignPower sharpens a word's word-vector cosine with the question into
// a weight of evidence: an unrelated word (cosine about 0.3) counts about
// 3% of a word the question uses, a near-synonym (0.8) about half. Higher
// powers trust only close synonyms; lower ones let every word vote.
const alignPower = 3

// entRange is an entity of a sentence, as the words it covers.
type entRange struct {
	i, j   int
	entity Kind
	kind   int // its index among the entity kinds (sKindPerson…), -1 for others
}

// claims are the shares of the question's evidence each entity of a
// sentence holds against the rivals of its kind.
type claims struct {
	ents  []entRange
	exact []float64 // share of the words the question uses, weighted by IDF
	soft  []float64 // … of the other words, weighted by IDF × cosine^alignPower
	rival []bool    // the sentence holds another entity of its kind
}

// entityKindIndex is kind's offset among the span features' entity kinds,
// -1 for a kind they do not tell apart.
func entityKindIndex(k Kind) int {
	switch k {
	case Person:
		return 0
	case Org:
		return 1
	case Place:
		return 2
	case Date:
		return 3
	case Number, Duration:
		return 4
	}
	return -1
}

// sentenceClaims works out the claims of fact di's entities over st's
// words.
func (b *Base) sentenceClaims(di int, st *spanToks) claims {
	var c claims
	for _, e := range b.facts[di].Entities {
		if i, j, ok := st.wordRange(e.Span); ok {
			c.ents = append(c.ents, entRange{i, j, e.Kind, entityKindIndex(e.Kind)})
		}
	}
	st.item = make([]int, len(st.toks))
	st.named = make([]bool, len(st.toks))
	for k, t := range st.toks {
		st.item[k] = itemOf(b.docs[di].items, t.Pos)
	}
	for _, e := range c.ents {
		if e.entity == Person || e.entity == Org || e.entity == Place {
			for k := e.i; k <= e.j; k++ {
				st.named[k] = true
			}
		}
	}
	exact := make([]float64, len(st.toks))
	soft := make([]float64, len(st.toks))
	for k := range st.toks {
		id := st.ids[k]
		if id < 0 || b.lang.Stop[st.toks[k].Lower] {
			continue
		}
		w := float64(b.idx.idf[id])
		switch {
		case st.matched[k]:
			exact[k] = w
		case st.align[k] > 0:
			soft[k] = w * math.Pow(st.align[k], alignPower)
		}
	}
	c.exact = make([]float64, len(c.ents))
	c.soft = make([]float64, len(c.ents))
	c.rival = make([]bool, len(c.ents))
	for n, e := range c.ents {
		if e.kind < 0 {
			continue
		}
		var rivals []entRange
		for m, r := range c.ents {
			if m != n && r.kind == e.kind && (r.j < e.i || r.i > e.j) {
				rivals = append(rivals, r)
			}
		}
		c.rival[n] = len(rivals) > 0
		c.exact[n] = claimShare(st, e, rivals, exact)
		c.soft[n] = claimShare(st, e, rivals, soft)
	}
	return c
}

// claimShare is the share of the weights of the sentence's words that
// stand nearer e than every rival (half where one stands as near). A word
// inside an entity is its own ("285 a year" holds "year"); a word in e's
// own clause is nearer than any word across a clause break.
func claimShare(st *spanToks, e entRange, rivals []entRange, weight []float64) float64 {
	var own, all float64
	for k, w := range weight {
		if w == 0 {
			continue
		}
		all += w
		mine := reach(st, k, e)
		best := 1
		for _, r := range rivals {
			if leads(st, k, e, r) {
				best = min(best, 0)
				continue
			}
			best = min(best, cmpReach(reach(st, k, r), mine))
		}
		switch best {
		case 1:
			own += w
		case 0:
			own += w / 2
		}
	}
	if all == 0 {
		return 0
	}
	return own / all
}

// reach is how far word k stands from entity e: for a word of a name,
// the items of a coordinated list crossed first ("led by A, Director of
// X, and B, Director of Y": B's words are Y's, though X stands nearer);
// then clause breaks crossed, then words. Other words, such as the verb
// after a list, speak of every item alike.
func reach(st *spanToks, k int, e entRange) [3]int {
	if k >= e.i && k <= e.j {
		return [3]int{}
	}
	near := e.i
	if k > e.j {
		near = e.j
	}
	items := 0
	if st.named[k] {
		items = abs(st.item[k] - st.item[near])
	}
	return [3]int{items, abs(st.clause[k] - st.clause[near]), abs(k - near)}
}

// leads reports whether word k, not of a name, stands before or after
// both names e and r where they stand in two items of a coordinated list:
// the words that lead into a list of names or follow it speak of every
// item alike ("Delegations were led by A, Director of X, and B, Director
// of Y": "led" is B's as much as A's, though it stands next to A). Amounts
// are left to distance: "drivers of older cars will pay £5 a day, while
// lorries will be charged £40" gives each item its own subject.
func leads(st *spanToks, k int, e, r entRange) bool {
	if st.named[k] || !st.named[e.i] || !st.named[r.i] || st.item[e.i] == st.item[r.i] {
		return false
	}
	return k < min(e.i, r.i) || k > max(e.j, r.j)
}

// cmpReach is -1 when a is nearer than b, 0 when as near, 1 when further.
func cmpReach(a, b [3]int) int {
	for n := range a {
		switch {
		case a[n] < b[n]:
			return -1
		case a[n] > b[n]:
			return 1
		}
	}
	return 0
}

// spanClaim fills the claim features of words i..j: those of the entity
// that shares most words with it, the entity itself, a phrase holding it
// ("worth 1.5 million euros") or a part of it ("40%" of "about 40%").
func spanClaim(c *claims, i, j int, fv *[numSpanFeatures]float64) {
	best, cover := -1, 0
	for n, e := range c.ents {
		if e.kind < 0 {
			continue
		}
		if w := min(e.j, j) - max(e.i, i) + 1; w > cover {
			best, cover = n, w
		}
	}
	if best < 0 {
		return
	}
	fv[sClaim] = c.exact[best]
	fv[sClaimSoft] = c.soft[best]
	fv[sRivals] = b2f(c.rival[best])
}
