package facts

import (
	"slices"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/facts/internal/prose"
	"github.com/briefbot/briefbot/facts/internal/wordnet"
)

// amountDim is what an amount measures. A question that asks for one is
// not answered by another however close the number stands to its words:
// "how many people" is not answered by "£3.2 billion", nor "how much
// revenue" by "3%". The entity tagger calls all but some times a number.
type amountDim uint8

const (
	dimNone    amountDim = iota // no amount, or one of no clear dimension
	dimCount                    // how many things: "14 factories", "9,400"
	dimMoney                    // "€842 million", "12 million dollars"
	dimPercent                  // "3%", "61 percent"
	dimTime                     // "10.2 years", "72-hour"
	dimMeasure                  // a unit of measure WordNet knows: "30 kilometres", "400-gram"
)

// dimSet is a set of amount dimensions, bit 1<<dim. A question may be
// answered by amounts of more than one: "how much did prices rise" by a
// sum or a share.
type dimSet uint8

func dimsOf(ds ...amountDim) dimSet {
	var s dimSet
	for _, d := range ds {
		s |= 1 << d
	}
	return s
}

func (s dimSet) has(d amountDim) bool { return s&(1<<d) != 0 }

// questionDims are the dimensions of amount the question asks for, none
// when it asks for no amount or for one of unclear dimension. An age ("how
// old") asks for none: other features weigh it. What a "how many"
// question counts decides before any word of money it holds ("how many
// homes will the fund build"); "how long" asks for a time or a length,
// whatever its verb ("take") could name. A question for a part of a whole
// ("how much of its revenue", "how many of the flats") is answered by a
// share as often as by an amount.
func (m *matcher) questionDims(toks []prose.Token) dimSet {
	if m.qy.age || !slices.Contains(m.qy.kinds, Number) {
		return 0
	}
	d := m.amountDims(toks)
	if asksPart(toks) {
		d |= dimsOf(dimPercent)
		if !m.qy.money && !d.has(dimCount) {
			d |= dimsOf(dimCount)
		}
	}
	return d
}

// amountDims is questionDims before a part of a whole is weighed.
func (m *matcher) amountDims(toks []prose.Token) dimSet {
	switch {
	case m.qy.percent:
		return dimsOf(dimPercent)
	case len(m.qy.counted) > 0:
		// A bare number answers as well: "how many days" by "four".
		for _, q := range m.qy.counted {
			if d := unitDim(m.lang, m.qy.terms[q].word); d != dimCount {
				return dimsOf(d, dimCount)
			}
		}
		return dimsOf(dimCount)
	case asksHowLong(toks):
		return dimsOf(dimTime, dimMeasure)
	case m.qy.measure != "":
		return measureDims(m.qy.measure)
	case !m.qy.money:
		return 0
	case asksChange(m.lang, toks):
		return dimsOf(dimMoney, dimPercent)
	}
	return dimsOf(dimMoney)
}

// measureDims are the dimensions of amount that answer a question asking
// "how ADJ" of an adjective of the attribute attr (see wordnet.Measure),
// none for an attribute of unclear dimension: "how big" is answered by a
// crowd, a budget, an area or a share alike. A length's adjectives ("how
// deep", "how far", "how high") are answered by a share as well ("how far
// below normal": "38%"), a height by a price ("how high did shares
// climb"), a speed by a share or a time ("how fast did sales grow", "sold
// out how fast"), a stature by a count of storeys; a weight or a
// temperature only by a measure.
func measureDims(attr string) dimSet {
	switch attr {
	case "weight", "temperature":
		return dimsOf(dimMeasure)
	case "depth", "distance", "width", "thickness":
		return dimsOf(dimMeasure, dimPercent)
	case "height":
		return dimsOf(dimMeasure, dimPercent, dimMoney)
	case "speed":
		return dimsOf(dimMeasure, dimPercent, dimTime)
	case "stature":
		return dimsOf(dimMeasure, dimCount)
	}
	return 0
}

// asksPart reports whether the question opens "how much of" or "how many
// of": it asks for a part of a whole.
func asksPart(toks []prose.Token) bool {
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Lower == "how" {
			return (toks[i+1].Lower == "much" || toks[i+1].Lower == "many") && toks[i+2].Lower == "of"
		}
	}
	return false
}

// asksHowLong reports whether the question opens "how long".
func asksHowLong(toks []prose.Token) bool {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Lower == "how" {
			return toks[i+1].Lower == "long"
		}
	}
	return false
}

// asksChange reports whether the question holds a word of a change of
// magnitude, in any inflection ("rose", "cut", "growth"): news gives a
// change as a share as often as an amount.
func asksChange(l *prose.Language, toks []prose.Token) bool {
	return slices.ContainsFunc(toks, func(t prose.Token) bool { return l.InflectionOf(l.Change, t.Lower) })
}

// unitDim is the dimension of an amount whose unit is the word w: money
// for "dollars" or "zlotys", time for "weeks", a measure for "kilometres"
// (WordNet's units), else a count of what w names.
func unitDim(l *prose.Language, w string) amountDim {
	if w == "percent" {
		return dimPercent
	}
	switch u, _ := l.Wn.Unit(w); u {
	case wordnet.UnitMoney:
		return dimMoney
	case wordnet.UnitTime:
		return dimTime
	case wordnet.UnitMeasure:
		return dimMeasure
	}
	if l.MoneyNoun(w) { // "12 million cash"
		return dimMoney
	}
	return dimCount
}

// spanDim is the dimension of the amount words i..j of st hold.
func (b *Base) spanDim(st *spanToks, text string, i, j int) amountDim {
	return amountDimOf(b.lang, text, st.toks, st.clause, i, j)
}

// amountDimOf is the dimension of the amount words i..j of toks hold,
// read from the signs around its last number and the word after it (past
// "million" and the like) within its clause; dimNone when they hold no
// number that counts.
func amountDimOf(l *prose.Language, text string, toks []prose.Token, clause []int, i, j int) amountDim {
	last := lastCount(toks, i, j)
	if last < 0 {
		return dimNone
	}
	if strings.HasPrefix(text[toks[last].End:], "%") {
		return dimPercent
	}
	if strings.ContainsFunc(text[prose.CurrencyStart(text, toks[i].Start):toks[j].End], isCurrency) {
		return dimMoney
	}
	k := unitWord(l, text, toks, clause, last, j)
	if k < 0 {
		return dimCount
	}
	w := toks[k].Lower
	if w == "per" && k+1 < len(toks) && toks[k+1].Lower == "cent" {
		return dimPercent
	}
	if l.Stop[w] {
		return dimCount
	}
	return unitDim(l, w)
}

// unitWord is the index of the word after the number at toks[last] that
// names its unit, past "million" and the like, within its clause and at
// most one word after j; -1 for none.
func unitWord(l *prose.Language, text string, toks []prose.Token, clause []int, last, j int) int {
	k := last + 1
	for k < len(toks) && clause[k] == clause[last] && l.Qty.Mult[toks[k].Lower] {
		k++
	}
	// "9 billion Kovarian marks", "3.4 million New Zealand dollars": the
	// currency's country may stand between the number and its unit.
	for n := 0; n < maxUnitNames && k < j && clause[k+1] == clause[last] && startsUpper(text[toks[k].Start:toks[k].End]); n++ {
		k++
	}
	if k > j+1 || k >= len(toks) || clause[k] != clause[last] {
		return -1
	}
	return k
}

// lastCount is the index of the last number that counts among toks[i..j],
// -1 for none: the unit of an amount stands after it.
func lastCount(toks []prose.Token, i, j int) int {
	for k := j; k >= i; k-- {
		if isCount(toks[k]) {
			return k
		}
	}
	return -1
}

// maxUnitNames is how many capitalised words may stand between an
// amount's number and its unit. More would read "14 Polish and Czech
// firms" past the names; fewer would miss "New Zealand dollars".
const maxUnitNames = 2

// clauses numbers the clause each word of text stands in (see
// clauseBreak).
func clauses(text string, toks []prose.Token) []int {
	return clausesInto(nil, text, toks)
}

// clausesInto is clauses reusing buf, for a builder that numbers the
// clauses of every sentence of a corpus.
func clausesInto(buf []int, text string, toks []prose.Token) []int {
	c := slices.Grow(buf[:0], len(toks))[:len(toks)]
	n := 0
	for i, t := range toks {
		// A compound token ("counterterrorism") overlaps the parts after it.
		if i > 0 && toks[i-1].End <= t.Start && clauseBreak(text[toks[i-1].End:t.Start]) {
			n++
		}
		c[i] = n
	}
	return c
}

// factDims is the set of dimensions (bit 1<<dim) of the amounts a
// sentence's entities hold: a question that asks for one it lacks is a
// near miss however well its words match ("how much did the study cost"
// against "would draw 95,000 visitors a year").
func factDims(l *prose.Language, text string, toks []prose.Token, ents []Entity) dimSet {
	var dims dimSet
	var clause []int
	for _, e := range ents {
		if e.Kind != Number && e.Kind != Duration || e.First < 0 || e.Last >= len(toks) || e.First > e.Last {
			continue
		}
		if clause == nil {
			clause = clauses(text, toks)
		}
		if d := amountDimOf(l, text, toks, clause, e.First, e.Last); d != dimNone {
			dims |= 1 << d
		}
	}
	return dims
}

func isCurrency(r rune) bool { return unicode.Is(unicode.Sc, r) }

// spanDims fills the features that compare the dimension and unit the
// question asks for (st.askDims, st.askUnits) with the span's.
func (b *Base) spanDims(st *spanToks, text string, i, j int, fv *[numSpanFeatures]float64) {
	b.spanUnits(st, text, i, j, fv)
	b.spanAttr(st, text, i, j, fv)
	if st.askDims == 0 {
		return
	}
	switch d := b.spanDim(st, text, i, j); {
	case d == dimNone:
	case st.askDims.has(d):
		fv[sDimSame] = 1
	default:
		fv[sDimClash] = 1
	}
}

// spanUnits fills the features that compare the units of money or measure
// the question names (st.askUnits) with the one the span's amount is
// counted in. Two amounts of one dimension in a sentence are often one
// figure in two currencies or two measures ("162 billion kroner, or €21.7
// billion"): a question that names its unit asks for the one in that unit.
func (b *Base) spanUnits(st *spanToks, text string, i, j int, fv *[numSpanFeatures]float64) {
	if len(st.askUnits) == 0 {
		return
	}
	switch u := amountUnit(b.lang, text, st.toks, st.clause, i, j); {
	case u == 0:
	case slices.Contains(st.askUnits, u):
		fv[sUnitSame] = 1
	default:
		fv[sUnitOther] = 1
	}
}

// questionUnits lists the units of money or measure the question asks in
// (see unitSense), each once: a unit word after "in", "many" or a number,
// past the names of a currency's country ("in Danish kroner", "how many
// kilometres"). Elsewhere a word that can name a unit seldom does: "how
// long did the strike last", "what is the real cost".
func questionUnits(l *prose.Language, toks []prose.Token) []int {
	var out []int
	for k, t := range toks {
		u := unitSense(l, t.Lower)
		if u == 0 || slices.Contains(out, u) {
			continue
		}
		p := k - 1
		for n := 0; n < maxUnitNames && p > 0 && toks[p].Cap; n++ {
			p--
		}
		if p >= 0 && (toks[p].Num || toks[p].Lower == "in" || toks[p].Lower == "many") {
			out = append(out, u)
		}
	}
	return out
}

// amountUnit is the unit of money or measure the amount words i..j of toks
// are counted in, by its currency sign or the word after its number (see
// unitWord); 0 for none.
func amountUnit(l *prose.Language, text string, toks []prose.Token, clause []int, i, j int) int {
	last := lastCount(toks, i, j)
	if last < 0 {
		return 0
	}
	for _, r := range text[prose.CurrencyStart(text, toks[i].Start):toks[j].End] {
		if w := currencyWord(r); w != "" {
			return unitSense(l, w)
		}
	}
	if k := unitWord(l, text, toks, clause, last, j); k >= 0 {
		return unitSense(l, toks[k].Lower)
	}
	return 0
}

// unitSense identifies the unit of money or measure w names
// (wordnet.Lexicon.UnitSense), 0 for none and for a unit of time: "how
// many days" is answered by "two weeks" as well, news writing a time in
// whichever unit reads best.
func unitSense(l *prose.Language, w string) int {
	if d, ok := l.Wn.Unit(w); !ok || d == wordnet.UnitTime {
		return 0
	}
	u, _ := l.Wn.UnitSense(w)
	return u
}

// currencyWord is the noun WordNet files the currency sign r's unit
// under, "" for a rune that is none of the common signs.
func currencyWord(r rune) string {
	switch r {
	case '$':
		return "dollar"
	case '€':
		return "euro"
	case '£':
		return "pound"
	case '¥':
		return "yen"
	case '₹':
		return "rupee"
	case '₩':
		return "won"
	case '₽':
		return "rouble"
	case '₺':
		return "lira"
	case '₦':
		return "naira"
	case '₱':
		return "peso"
	case '₪':
		return "shekel"
	case '฿':
		return "baht"
	case '₫':
		return "dong"
	case '₴':
		return "hryvnia"
	case '₵':
		return "cedi"
	}
	return ""
}

// factUnits lists the units of money or measure (see unitSense) the
// amounts of a sentence are counted in. It reads the sentence again rather
// than keeping the units in the base: few questions name a unit, and a
// base of many briefs would carry them for every fact.
func factUnits(l *prose.Language, text string, ents []Entity) []int {
	var out []int
	eachAmount(text, ents, func(toks []prose.Token, clause []int, i, j int) {
		if u := amountUnit(l, text, toks, clause, i, j); u != 0 && !slices.Contains(out, u) {
			out = append(out, u)
		}
	})
	return out
}

// eachAmount calls fn with the words i..j of each amount among a
// sentence's entities, the sentence read again into its words and clauses
// the first time one is found.
func eachAmount(text string, ents []Entity, fn func(toks []prose.Token, clause []int, i, j int)) {
	var toks []prose.Token
	var clause []int
	for _, e := range ents {
		if e.Kind != Number {
			continue
		}
		if toks == nil {
			toks = prose.Tokenize(text)
			toks = toks[:prose.BaseCount(toks)]
			clause = clauses(text, toks)
		}
		if e.First < 0 || e.Last >= len(toks) || e.First > e.Last {
			continue
		}
		fn(toks, clause, e.First, e.Last)
	}
}
