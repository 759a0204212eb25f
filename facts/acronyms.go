package facts

import (
	"strings"

	"github.com/briefbot/briefbot/facts/english"
	"github.com/briefbot/briefbot/facts/internal/wordnet"
)

// General acronyms ("CEO", "GDP", "EU") come from WordNet, which lists
// them beside the phrases they stand for. A fact that spells part of a
// phrase out ("Chief Executive Ann Lee") also carries the acronym as a
// term, and a question that spells it out matches a fact that writes the
// acronym, so either form finds the other.

// phraseAcronyms calls fn with each acronym whose phrase the content words
// of toks spell out, in whole or (for a short phrase) two neighbouring
// words of it, and the first and last positions of those words. Function
// words between them are skipped ("Bureau of Investigation"); any other
// word breaks the phrase. Acronyms that are English words in lower case
// ("us", "who") are left out: a question's "us" is a pronoun.
func (l *language) phraseAcronyms(toks []token, fn func(acronym string, i, j int)) {
	var window [maxAcronymWords]int // positions of the last content words
	n := 0
	var key strings.Builder
	for i, t := range toks {
		if t.compound || wordnet.FunctionWord(t.lower) {
			continue
		}
		if n == len(window) {
			copy(window[:], window[1:])
			n--
		}
		window[n] = i
		n++
		for start := n - 2; start >= 0; start-- {
			if !l.wn.StartsAbbreviated(toks[window[start]].lower) {
				continue
			}
			key.Reset()
			for x, p := range window[start:n] {
				if x > 0 {
					key.WriteByte(' ')
				}
				key.WriteString(toks[p].lower)
			}
			for _, a := range l.wn.Abbreviated(key.String()) {
				if !english.Known(a) {
					fn(a, window[start], i)
				}
			}
		}
	}
}

// maxAcronymWords is the most content words a phrase is looked up with:
// acronyms have at most six letters.
const maxAcronymWords = 6

// withAcronyms appends to a fact's tokens one compound token for each
// acronym its words spell out, so "Chief Executive Ann Lee" answers "who is
// the ceo". Like a hyphenated word's joined form, the token does not count
// towards the fact's length.
func (bd *builder) withAcronyms(toks []token, ids []int32) ([]token, []int32) {
	n := len(toks)
	bd.lang.phraseAcronyms(toks[:n], func(a string, i, j int) {
		for _, t := range toks[n:] {
			if t.lower == a {
				return
			}
		}
		toks = append(toks, token{lower: a, start: toks[i].start, end: toks[j].end, pos: toks[i].pos, compound: true, acronym: true})
		ids = append(ids, int32(bd.term(bd.key(a))))
	})
	return toks, ids
}

// acronymExpansions lets the question's words that spell out an acronym
// match a fact that writes the acronym: "chief executive" finds "CEO".
func (b *Base) acronymExpansions(qy *query, toks []token) {
	b.lang.phraseAcronyms(toks, func(a string, i, j int) {
		id, ok := b.idx.terms[b.idx.lang.key(a)]
		if !ok {
			return
		}
		for ti := range qy.terms {
			qt := &qy.terms[ti]
			if qt.word == toks[i].lower || qt.word == toks[j].lower {
				qt.addExp(id, strengthAcronym)
			}
		}
	})
}
