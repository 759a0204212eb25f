package facts

import (
	"github.com/briefbot/briefbot/facts/internal/prose"
)

// General acronyms ("CEO", "GDP", "EU") come from WordNet, which lists
// them beside the phrases they stand for. A fact that spells part of a
// phrase out ("Chief Executive Ann Lee") also carries the acronym as a
// term, and a question that spells it out matches a fact that writes the
// acronym, so either form finds the other.

// withAcronyms appends to a fact's tokens one compound token for each
// acronym its words spell out, so "Chief Executive Ann Lee" answers "who is
// the ceo". Like a hyphenated word's joined form, the token does not count
// towards the fact's length.
func (bd *builder) withAcronyms(toks []prose.Token, ids []int32) ([]prose.Token, []int32) {
	n := len(toks)
	bd.lang.PhraseAcronyms(toks[:n], func(a string, i, j int) {
		for _, t := range toks[n:] {
			if t.Lower == a {
				return
			}
		}
		toks = append(toks, prose.Token{Lower: a, Start: toks[i].Start, End: toks[j].End, Pos: toks[i].Pos, Compound: true, Acronym: true})
		ids = append(ids, int32(bd.term(bd.key(a))))
	})
	return toks, ids
}

// acronymExpansions lets the question's words that spell out an acronym
// match a fact that writes the acronym: "chief executive" finds "CEO".
func (m *matcher) acronymExpansions(toks []prose.Token) {
	m.lang.PhraseAcronyms(toks, func(a string, i, j int) {
		id, ok := m.idx.terms[m.idx.lang.Key(a)]
		if !ok {
			return
		}
		for ti := range m.qy.terms {
			qt := &m.qy.terms[ti]
			if qt.word == toks[i].Lower || qt.word == toks[j].Lower {
				qt.addExp(id, strengthAcronym)
			}
		}
	})
}
