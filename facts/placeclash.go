package facts

import (
	"slices"

	"github.com/briefbot/briefbot/facts/internal/prose"
)

// A near-miss question often moves what a sentence says to another place:
// "how many were killed in <a town>" of a brief whose sentence counts the
// dead "in <two regions>", the town named only in the lead. The lead's
// names count for every sentence of the brief (see fNameMiss), so the
// sentence is not marked as lacking the town; what marks it is that it
// places what it says somewhere the question does not name.

// askedPlace is a name a question places what it asks about at: the
// capitalised words after "in" or "at" ("in Harlow Bay", "at the Quayside
// Ground").
type askedPlace struct {
	terms   []uint32 // the index terms of its words the briefs use
	unknown bool     // a word of it is in no brief
}

// askedPlaces reads the names a question places what it asks about at.
// A month or a weekday after "in" or "on" dates it instead.
func (b *Base) askedPlaces(toks []prose.Token) []askedPlace {
	var out []askedPlace
	for k := 1; k+1 < len(toks); k++ {
		if toks[k].Lower != "in" && toks[k].Lower != "at" {
			continue
		}
		j := k + 1
		if toks[j].Lower == "the" {
			j++
		}
		end := b.lang.PlaceName(toks, nil, j)
		if end == j {
			continue
		}
		terms, unknown := b.nameTerms(toks[j:end])
		out = append(out, askedPlace{terms: terms, unknown: unknown})
		k = end - 1
	}
	return out
}

// nameTerms is the index terms of a name's words, and whether a word of
// it is in no brief.
func (b *Base) nameTerms(toks []prose.Token) (terms []uint32, unknown bool) {
	for _, t := range toks {
		if id, ok := b.idx.terms[b.lang.Key(t.Lower)]; ok {
			terms = append(terms, id)
		} else {
			unknown = true
		}
	}
	return terms, unknown
}

// placeClash reports whether the fact holds no word of a place the
// question asks about and places something elsewhere (see locative).
func (m *matcher) placeClash(d *doc, f *Fact) bool {
	missing := slices.ContainsFunc(m.qy.places, func(p askedPlace) bool {
		return p.unknown || !hasAnyTerm(d.terms, p.terms)
	})
	return missing && m.locative(d, f)
}
