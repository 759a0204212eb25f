package facts

import (
	"github.com/briefbot/briefbot/facts/internal/prose"
	"github.com/briefbot/briefbot/facts/internal/wordnet"
)

// News names a person, company or place once and then refers back to it:
// "Corvane Systems … The company employs about 11,000 people." A sentence
// like the second answers a question about Corvane without naming it. The
// kinds of name are kept as bits, so a term that is part of several kinds
// of name matches any of them.
const (
	refPerson uint8 = 1 << iota
	refOrg
	refPlace
)

// refKind is the reference bit for an entity kind, or 0 for kinds that
// are not names.
func refKind(k Kind) uint8 {
	switch k {
	case Person:
		return refPerson
	case Org:
		return refOrg
	case Place:
		return refPlace
	}
	return 0
}

// definiteRefs returns the kinds of name a sentence refers back to with
// "the" and a lower-case noun WordNet files under people, organisations or
// places: "the company", "the minister", "the city".
func (bd *builder) definiteRefs(toks []prose.Token) uint8 {
	var refs uint8
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Lower != "the" || toks[i+1].Cap || toks[i+1].Compound {
			continue
		}
		typ, _ := bd.lang.Wn.NounType(toks[i+1].Lower)
		switch typ {
		case wordnet.Person:
			refs |= refPerson
		case wordnet.Organization:
			refs |= refOrg
		case wordnet.Place:
			refs |= refPlace
		}
	}
	return refs
}

// openingReach is how many words into a sentence a pronoun still opens
// it ("Its lawyer", "But he said", "On Monday it"): further on, a pronoun
// more often stands for a name of its own sentence.
const openingReach = 3

// backWindow is how many sentences before a fact that refers back may
// hold what it refers to: one more reaches "He said …" after a quote, more
// lets a pronoun claim the names of a paragraph it does not continue.
const backWindow = 2

// opensWithPronoun reports whether a sentence opens with a personal or
// possessive pronoun, which in news stands for a name of the sentence
// before: "Its chief executive, Ann Lee, declined to comment."
func opensWithPronoun(toks []prose.Token) bool {
	for i := 0; i < len(toks) && i < openingReach; i++ {
		switch toks[i].Lower {
		case "he", "she", "it", "they", "his", "her", "its", "their", "him", "them":
			return true
		}
	}
	return false
}

// before returns the facts that fact di may refer back to: up to
// backWindow facts before it in its own brief, none when it names all it
// speaks of.
func (b *Base) before(di int, brief string) []doc {
	d := &b.docs[di]
	if d.refs == 0 && !d.opensRef {
		return nil
	}
	r, ok := b.spans[brief]
	if !ok {
		return nil
	}
	return b.docs[max(r[0], di-backWindow):di]
}

// heldBefore reports whether one of the facts before holds term id.
func heldBefore(before []doc, id uint32) bool {
	for i := range before {
		if hasTerm(before[i].terms, id) {
			return true
		}
	}
	return false
}

// corefShare is the weighted share of the question's names that the fact
// does not hold but refers back to with a noun of the same kind ("the
// company" for a question about Corvane).
func (m *matcher) corefShare(c *cand, d *doc) float64 {
	if d.refs == 0 {
		return 0
	}
	var all, ref float64
	for i, qt := range m.qy.terms {
		if !qt.name {
			continue
		}
		all += float64(qt.weight)
		if c.match[i] > 0 {
			continue
		}
		for _, e := range qt.exps {
			if m.idx.nameKind[e.term]&d.refs != 0 {
				ref += float64(qt.weight)
				break
			}
		}
	}
	return ratio(ref, all)
}
