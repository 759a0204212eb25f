package facts

import (
	"slices"

	"github.com/briefbot/briefbot/facts/internal/prose"
)

// A question that asks "how deep", "how wide" or "how heavy" asks for an
// amount of one attribute (see wordnet.Lexicon.Measure), and news often
// says which attribute an amount gives: "229 metres long", "at a depth of
// 38 kilometres". An amount given as another attribute does not answer,
// however well the rest of the sentence matches: "how wide is the ship"
// against "229 metres long".

// maxAttrGap bounds how many words may stand between "of" and the amount it
// introduces ("a height of up to 1.4 m"): more would reach back past the
// amount's own phrase.
const maxAttrGap = 3

// amountAttr is the attribute the amount words i..j of toks are given as,
// "" for none: an adjective of a measure after its unit ("229 metres
// long", "one metre deep") or an attribute noun before the "of" that
// introduces it ("at a depth of 38 kilometres").
func amountAttr(l *prose.Language, text string, toks []prose.Token, clause []int, i, j int) string {
	last := lastCount(toks, i, j)
	if last < 0 {
		return ""
	}
	if k := unitWord(l, text, toks, clause, last, j); k >= 0 && k+1 < len(toks) && clause[k+1] == clause[last] {
		if attr, ok := l.Wn.Measure(toks[k+1].Lower); ok {
			return attr
		}
	}
	for p := i - 1; p > 0 && p >= i-maxAttrGap && clause[p] == clause[i]; p-- {
		if toks[p].Lower != "of" {
			continue
		}
		if w := toks[p-1].Lower; l.Wn.Attribute(w) {
			return w
		}
		break
	}
	return ""
}

// sameAttr reports whether the attributes a and b are one: the same noun,
// nouns WordNet relates ("stature" and "height", "length" and
// "duration"), or one a kind of the other.
func sameAttr(l *prose.Language, a, b string) bool {
	return a == b || slices.Contains(l.Wn.Related(a), b) || slices.Contains(l.Wn.Related(b), a) ||
		l.Wn.KindOf(a, b) > 0 || l.Wn.KindOf(b, a) > 0
}

// factAttrs lists the attributes (see amountAttr) the amounts of a sentence
// are given as. Like factUnits it reads the sentence again: few questions
// ask for a measure.
func factAttrs(l *prose.Language, text string, ents []Entity) []string {
	var out []string
	eachAmount(text, ents, func(toks []prose.Token, clause []int, i, j int) {
		if a := amountAttr(l, text, toks, clause, i, j); a != "" && !slices.Contains(out, a) {
			out = append(out, a)
		}
	})
	return out
}

// attrHeld reports, for a question asking for an amount of the attribute
// asked, whether a sentence giving amounts as the attributes attrs holds
// one of it.
func attrHeld(l *prose.Language, asked string, attrs []string) bool {
	return slices.ContainsFunc(attrs, func(a string) bool { return sameAttr(l, asked, a) })
}

// spanAttr fills the features that compare the attribute the question asks
// an amount of with the one the span's amount is given as.
func (b *Base) spanAttr(st *spanToks, text string, i, j int, fv *[numSpanFeatures]float64) {
	if st.askAttr == "" {
		return
	}
	switch a := amountAttr(b.lang, text, st.toks, st.clause, i, j); {
	case a == "":
	case sameAttr(b.lang, st.askAttr, a):
		fv[sAttrSame] = 1
	default:
		fv[sAttrOther] = 1
	}
}
