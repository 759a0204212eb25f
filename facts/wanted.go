package facts

import (
	"slices"
	"strings"

	"github.com/briefbot/briefbot/facts/internal/prose"
)

// hasTerm reports whether the sorted terms hold t.
func hasTerm(terms []uint32, t uint32) bool {
	_, ok := slices.BinarySearch(terms, t)
	return ok
}

// hasAnyTerm reports whether the sorted terms hold any of ts.
func hasAnyTerm(terms, ts []uint32) bool {
	for _, t := range ts {
		if hasTerm(terms, t) {
			return true
		}
	}
	return false
}

// wantedScore says how well the fact holds what the question asks for, in
// [0,1]: an entity of the wanted kind that the question does not already
// name (or a named thing whose head noun the question uses, or a stated
// reason), scored higher the closer it stands to the matched words.
func (m *matcher) wantedScore(di int, match []float32) float64 {
	if m.qy.why {
		if m.docs[di].reason {
			return 1
		}
		return 0
	}
	d := &m.docs[di]
	var pos []int
	matching := m.qy.wordsMatching()
	for _, t := range d.toks {
		for _, i := range matching[t.term] {
			if match[i] != 0 {
				pos = append(pos, int(t.pos))
				break
			}
		}
	}
	best := 0.0
	for ei, e := range m.facts[di].Entities {
		rank := m.wantedEntity(di, ei)
		if rank < 0 {
			continue
		}
		dist := 1 << 20
		for _, p := range pos {
			switch {
			case p < e.First:
				dist = min(dist, e.First-p)
			case p > e.Last:
				dist = min(dist, p-e.Last)
			}
		}
		s := 0.6
		if dist < 1<<20 {
			s += 0.4 / (1 + float64(dist)/6)
		}
		if rank > 0 {
			s *= 0.7 // a second-choice kind: an organisation for "where"
		}
		if e.Kind == Title {
			s += 0.02 * float64(min(e.Last-e.First, 5)) // a fuller title says more
		}
		best = max(best, s)
	}
	return best
}

// wantedEntity ranks entity ei of fact di for the question: the index of
// its kind among the wanted kinds, len(kinds) for a head-noun match, -1
// when it does not fit.
func (m *matcher) wantedEntity(di, ei int) int {
	e, terms := &m.facts[di].Entities[ei], m.docs[di].entity(ei)
	if named(m.qy, e.Kind, terms) {
		return -1
	}
	for i, k := range m.qy.kinds {
		if e.Kind == k {
			if m.qy.age && !m.ageFor(m.facts[di].Text, *e) {
				return -1
			}
			if m.qy.amount && e.Kind == Number {
				if n, ok := prose.NumberWord(strings.ToLower(e.Text)); ok && strings.HasSuffix(n, "th") {
					return -1
				}
			}
			if m.qy.clock && e.Kind == Date && !prose.HoldsClock(e.Text) {
				// "What time": a day or a year is a second choice.
				return i + 1
			}
			if e.Kind == Place && m.qy.placeKind != "" {
				// "In what city": a place WordNet files as a country is a
				// second choice; one it does not know may be a city.
				if pk := m.lang.Wn.PlaceKind(e.Text); pk != "" && pk != m.qy.placeKind {
					return i + 1
				}
			}
			// An amount, but not of what was asked, is a second choice; a
			// question asking for a percentage ("by what percentage did
			// the price rise") wants it even when it names money.
			if e.Kind == Number && (m.qy.percent && !isPercent(e.Text) || !m.qy.percent && m.qy.money && !m.isMoney(e.Text)) {
				return i + 1
			}
			return i
		}
	}
	if m.qy.head != "" && e.Kind != Date && e.Kind != Number {
		if n := len(terms); n > 1 && slices.Contains(m.qy.headTerms[:min(1, len(m.qy.headTerms))], terms[n-1].term) {
			return len(m.qy.kinds)
		}
		// "the framework of the Strategic Engagement Plan": a name that
		// follows the question's noun names it.
		if e.Kind == Misc || e.Kind == Org {
			for _, t := range m.docs[di].toks {
				if gap := e.First - int(t.pos); gap >= 1 && gap <= 4 && slices.Contains(m.qy.headTerms, t.term) {
					return len(m.qy.kinds)
				}
			}
		}
	}
	return -1
}

// isMoney reports whether an amount is one of money: a currency sign, or
// a unit WordNet calls money ("francs", "zlotys").
func (b *Base) isMoney(s string) bool {
	if strings.ContainsFunc(s, isCurrency) {
		return true
	}
	return unitDim(b.lang, strings.ToLower(s[strings.LastIndexByte(s, ' ')+1:])) == dimMoney
}

// isPercent reports whether an amount is a share: "12%", "33 percent".
func isPercent(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "%") || strings.Contains(l, "percent") || strings.Contains(l, "per cent")
}

// ageFor reports whether amount e of text is an age that can answer the
// question: one given beside a name ("Osk, 54,") answers only a question
// that names that one.
func (m *matcher) ageFor(text string, e Entity) bool {
	ok, owner := prose.AgeIn(text, e)
	if !ok || owner == "" {
		return ok
	}
	id, _, known := m.idx.termOf(prose.LowerFold(owner))
	return known && m.qy.qterms[id]
}

// named reports whether the question already names an entity of kind k
// whose content words are terms, in which case it cannot be the answer.
func named(qy *query, k Kind, terms []docTok) bool {
	if k == Number || k == Duration {
		return namesAmount(qy, terms)
	}
	in := 0
	for _, t := range terms {
		if qy.qterms[t.term] {
			in++
		}
	}
	if k == Person {
		return in > 0 // one shared name word is the same person
	}
	return len(terms) > 0 && in*2 > len(terms)
}

// namesAmount reports whether the question names an amount, whose words
// are terms, by its number. The words an amount counts are no part of what
// it says: "how many council homes" names the homes of "180 council
// homes", not the 180 that answers.
func namesAmount(qy *query, terms []docTok) bool {
	for _, qt := range qy.terms {
		if !qt.numeric {
			continue
		}
		for _, x := range qt.exps {
			if slices.ContainsFunc(terms, func(t docTok) bool { return t.term == x.term }) {
				return true
			}
		}
	}
	return false
}

// wordsMatching maps each fact term a question word may match to the
// question words (indexes of qy.terms) that match it. It is built on first
// use, once per question, since every candidate fact looks its words up:
// a question as long as a sentence would otherwise compare each of a
// fact's words with each expansion of each of its own.
func (qy *query) wordsMatching() map[uint32][]int32 {
	if qy.matching != nil {
		return qy.matching
	}
	qy.matching = make(map[uint32][]int32)
	for i, qt := range qy.terms {
		for _, e := range qt.exps {
			qy.matching[e.term] = append(qy.matching[e.term], int32(i))
		}
	}
	return qy.matching
}
