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
		if d := b.unitDim(qy.terms[q].word); d != dimCount {
			return d
		}
	}
	return dimCount
}

// unitDim is the dimension of an amount whose unit is the word w: money
// for "dollars", time for "weeks", else a count of what w names.
func (b *Base) unitDim(w string) amountDim {
	if w == "percent" {
		return dimPercent
	}
	t, ok := b.lang.wn.NounType(w)
	if !ok {
		t, _ = b.lang.wn.NounType(strings.TrimSuffix(w, "s"))
	}
	switch t {
	case wordnet.Money:
		return dimMoney
	case wordnet.Time:
		return dimTime
	}
	return dimCount
}

// spanDim is the dimension of the amount words i..j of st hold, read from
// the signs around its last number and the word after it (past "million"
// and the like); dimNone when they hold no number that counts.
func (b *Base) spanDim(st *spanToks, text string, i, j int) amountDim {
	last := -1
	for k := i; k <= j; k++ {
		if isCount(st.toks[k]) {
			last = k
		}
	}
	if last < 0 {
		return dimNone
	}
	if strings.HasPrefix(text[st.toks[last].end:], "%") {
		return dimPercent
	}
	if strings.ContainsFunc(text[currencyStart(text, st.toks[i].start):st.toks[j].end], isCurrency) {
		return dimMoney
	}
	k := last + 1
	for k < len(st.toks) && st.clause[k] == st.clause[last] && b.lang.qty.mult[st.toks[k].lower] {
		k++
	}
	if k > j+1 || k >= len(st.toks) || st.clause[k] != st.clause[last] {
		return dimCount
	}
	w := st.toks[k].lower
	if w == "per" && k+1 < len(st.toks) && st.toks[k+1].lower == "cent" {
		return dimPercent
	}
	if b.lang.stop[w] {
		return dimCount
	}
	return b.unitDim(w)
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
