package facts

import (
	"slices"
	"strings"
	"unicode"

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

// questionDim is the dimension of amount the question asks for. An age
// ("how old") and a length of unclear kind ("how long": hours or metres)
// ask for none: other features weigh those.
func (b *Base) questionDim(qy *query) amountDim {
	if qy.age || !slices.Contains(qy.kinds, Number) {
		return dimNone
	}
	switch {
	case qy.percent:
		return dimPercent
	case qy.money:
		return dimMoney
	case len(qy.counted) == 0:
		return dimNone
	}
	for _, q := range qy.counted {
		if d := b.lang.unitDim(qy.terms[q].word); d != dimCount {
			return d
		}
	}
	return dimCount
}

// unitDim is the dimension of an amount whose unit is the word w: money
// for "dollars", time for "weeks", a measure for "kilometres", else a
// count of what w names.
func (l *language) unitDim(w string) amountDim {
	if w == "percent" {
		return dimPercent
	}
	t, ok := l.wn.NounType(w)
	if !ok {
		t, _ = l.wn.NounType(strings.TrimSuffix(w, "s"))
	}
	switch t {
	case wordnet.Money:
		return dimMoney
	case wordnet.Time:
		return dimTime
	case wordnet.Quantity:
		return dimMeasure
	}
	return dimCount
}

// spanDim is the dimension of the amount words i..j of st hold.
func (b *Base) spanDim(st *spanToks, text string, i, j int) amountDim {
	return b.lang.amountDimOf(text, st.toks, st.clause, i, j)
}

// amountDimOf is the dimension of the amount words i..j of toks hold,
// read from the signs around its last number and the word after it (past
// "million" and the like) within its clause; dimNone when they hold no
// number that counts.
func (l *language) amountDimOf(text string, toks []token, clause []int, i, j int) amountDim {
	last := -1
	for k := i; k <= j; k++ {
		if isCount(toks[k]) {
			last = k
		}
	}
	if last < 0 {
		return dimNone
	}
	if strings.HasPrefix(text[toks[last].end:], "%") {
		return dimPercent
	}
	if strings.ContainsFunc(text[currencyStart(text, toks[i].start):toks[j].end], isCurrency) {
		return dimMoney
	}
	k := last + 1
	for k < len(toks) && clause[k] == clause[last] && l.qty.mult[toks[k].lower] {
		k++
	}
	if k > j+1 || k >= len(toks) || clause[k] != clause[last] {
		return dimCount
	}
	w := toks[k].lower
	if w == "per" && k+1 < len(toks) && toks[k+1].lower == "cent" {
		return dimPercent
	}
	if l.stop[w] {
		return dimCount
	}
	return l.unitDim(w)
}

// clauses numbers the clause each word of text stands in (see
// clauseBreak).
func clauses(text string, toks []token) []int {
	c := make([]int, len(toks))
	n := 0
	for i, t := range toks {
		if i > 0 && clauseBreak(text[toks[i-1].end:t.start]) {
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
func (l *language) factDims(text string, toks []token, ents []Entity) uint8 {
	var dims uint8
	var clause []int
	for _, e := range ents {
		if e.Kind != Number && e.Kind != Duration || e.first < 0 || e.last >= len(toks) || e.first > e.last {
			continue
		}
		if clause == nil {
			clause = clauses(text, toks)
		}
		if d := l.amountDimOf(text, toks, clause, e.first, e.last); d != dimNone {
			dims |= 1 << d
		}
	}
	return dims
}

func isCurrency(r rune) bool { return unicode.Is(unicode.Sc, r) }

// spanDims fills the features that compare the dimension the question
// asks for (st.askDim) with the span's.
func (b *Base) spanDims(st *spanToks, text string, i, j int, fv *[numSpanFeatures]float64) {
	if st.askDim == dimNone {
		return
	}
	switch d := b.spanDim(st, text, i, j); {
	case d == dimNone:
	case d == st.askDim:
		fv[sDimSame] = 1
	default:
		fv[sDimClash] = 1
	}
}
