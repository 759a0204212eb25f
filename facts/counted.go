package facts

import (
	"slices"

	"github.com/briefbot/briefbot/facts/internal/prose"
)

// "How many staff …" is answered by the number that counts staff or
// something like them ("19,500 employees"), not by any number near the
// question's other words. The counted noun is the question's focus noun
// after "how many"; a fact counts it when a word close after one of its
// numbers matches that noun or lies near it in the word vectors.

// countedWords is how far after a number its counted noun may stand:
// "1,340 homes", "3,200 crane operators". Farther words seldom belong to
// the number; a wider reach would credit nouns it does not count.
const countedWords = 3

// countedNouns is how many words after "how many" may name what is
// counted: "how many staff", "how many new shares". The words run until a
// function word; a third is usually the verb.
const countedNouns = 2

// countedTerms lists the indexes in qy.terms of the words a "how many"
// question counts ("staff" in "how many staff does it have"), nil when it
// counts nothing; toks are the question's words, many the index of
// "many" (see countWord).
func (m *matcher) countedTerms(toks []prose.Token, many int) []int {
	if many < 0 {
		return nil
	}
	var out []int
	for k := many + 1; k < len(toks) && k <= many+countedNouns; k++ {
		if m.lang.Stop[toks[k].Lower] {
			break
		}
		key := m.lang.Key(toks[k].Lower)
		for i, qt := range m.qy.terms {
			if !qt.name && m.lang.Key(qt.word) == key {
				out = append(out, i)
			}
		}
	}
	return out
}

// countWord is the index of the word after which a question names what
// it counts: "many" in "how many staff", "of" in "number of staff"; -1
// when it counts nothing.
func countWord(toks []prose.Token, wh int) int {
	if wh >= 0 && wh+1 < len(toks) && toks[wh].Lower == "how" && toks[wh+1].Lower == "many" {
		return wh + 1
	}
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].Lower == "number" && toks[k+1].Lower == "of" {
			return k + 1
		}
	}
	return -1
}

// countedMatch is how closely the fact counts the question's counted
// noun: the best, over the words just after each of its numbers, of the
// match strength (synonyms included) or word-vector cosine with the noun;
// 0 when the question counts nothing or the fact counts nothing. part is
// how much of that a question that names what it counts in two nouns
// loses at the fact's best number for both: "how many gold coins" against
// "1,246 coins" counts coins, but not the gold ones, which is how a
// near-miss question asks for what the brief does not say.
func (m *matcher) countedMatch(text string) (best, part float64) {
	if len(m.qy.counted) == 0 {
		return 0, 0
	}
	m.qy.toks = prose.TokenizeInto(m.qy.toks, text)
	toks := m.qy.toks[:prose.BaseCount(m.qy.toks)]
	whole := 0.0
	var buf [4]float64 // a question seldom counts with more nouns: see countedNouns
	sims := slices.Grow(buf[:0], len(m.qy.countedNouns))[:len(m.qy.countedNouns)]
	for i, t := range toks {
		if !isCount(t) {
			continue
		}
		clear(sims)
		for k := i + 1; k < len(toks) && k <= i+countedWords; k++ {
			if clauseBreak(text[toks[k-1].End:toks[k].Start]) || m.lang.Stop[toks[k].Lower] {
				break
			}
			for _, q := range m.qy.counted {
				best = max(best, m.wordSim(m.qy.terms[q], toks[k].Lower))
			}
			for n, q := range m.qy.countedNouns {
				sims[n] = max(sims[n], m.wordSim(m.qy.terms[q], toks[k].Lower))
			}
		}
		if len(sims) > 0 {
			whole = max(whole, slices.Min(sims))
		}
	}
	if len(m.qy.countedNouns) == 0 {
		return best, 0
	}
	return best, max(0, best-whole)
}

// countedNouns is the part of counted (see countedTerms) whose words are
// nouns, when two are and the last is a plural ("gold coins",
// "engineering courses"), else nil: a second word after "how many" that
// is no plural is as often the verb ("how many people died", "how many
// staff left"), which the fact need not put after its number.
func (m *matcher) countedNouns() []int {
	var out []int
	for _, q := range m.qy.counted {
		if m.lang.Wn.Noun(m.qy.terms[q].word) {
			out = append(out, q)
		}
	}
	if len(out) < 2 || !pluralNoun(m.qy.terms[out[len(out)-1]].word) {
		return nil
	}
	return out
}

// spanCounted is countedMatch for words i..j of st as a short answer:
// how closely the words after its last number match what the question
// counts, so that "19,500" wins over "14" in "19,500 employees in 14
// countries" asked "how many staff".
func (m *matcher) spanCounted(st *spanToks, i, j int) float64 {
	if len(m.qy.counted) == 0 {
		return 0
	}
	last := -1
	for k := i; k <= j; k++ {
		if isCount(st.toks[k]) {
			last = k
		}
	}
	if last < 0 {
		return 0
	}
	best := 0.0
	for k := last + 1; k < len(st.toks) && k <= last+countedWords; k++ {
		if st.clause[k] != st.clause[last] || m.lang.Stop[st.toks[k].Lower] {
			break
		}
		for _, q := range m.qy.counted {
			best = max(best, m.wordSim(m.qy.terms[q], st.toks[k].Lower))
		}
	}
	return best
}

// isCount reports whether a word is a number that can count things: not
// a year, which dates them.
func isCount(t prose.Token) bool {
	return (t.Num || prose.IsNumberWord(t.Lower)) && !prose.IsYear(t.Lower)
}

// wordSim is how well a word of the facts stands for question word qt:
// the strength of the expansion that reaches it (1 for the word itself),
// else the cosine of their word vectors, else 0.
func (b *Base) wordSim(qt qterm, w string) float64 {
	id, ok := b.idx.surface[w]
	if !ok {
		if id, ok = b.idx.terms[b.lang.Key(w)]; !ok {
			return 0
		}
	}
	best := 0.0
	for _, e := range qt.exps {
		if e.term == id {
			best = max(best, float64(e.s))
		}
	}
	if qt.vec >= 0 && b.know.vec != nil && b.idx.vec[id] >= 0 {
		best = max(best, float64(b.know.vec.Cos(int(qt.vec), int(b.idx.vec[id]))))
	}
	return best
}
