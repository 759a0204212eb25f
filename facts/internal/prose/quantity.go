package prose

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/facts/internal/wordnet"
)

// Quantity phrases. A short answer to "how much" or "how many" is the whole
// amount as written — "about €340 million", "68 votes to 52", "3-1",
// "12 percent" — not the bare digits, so the tagger grows a number into
// the phrase around it. These word lists are closed classes of English,
// not vocabulary of any brief.
const (
	// approximators stand before an amount and qualify it.
	approximators = `about around nearly almost roughly approximately some over under below above just near`
	// approximatorPairs are qualifiers of several words: "more than 30",
	// "as many as 30", "shortly after 2:30pm".
	approximatorPairs = `more than|less than|fewer than|up to|at least|at most|as many as|as much as|close to|shortly after|shortly before|just after|just before`
	// multipliers scale the number before them.
	multipliers = `hundred thousand million billion trillion dozen bn mn m k`
)

// quantityWords holds the closed classes above as sets, built with the
// language.
type quantityWords struct {
	approx map[string]bool
	pairs  [][]string // the words of each longer qualifier, in order
	Mult   map[string]bool
}

func newQuantityWords() quantityWords {
	q := quantityWords{approx: wordSet(approximators), Mult: wordSet(multipliers)}
	for _, p := range strings.Split(approximatorPairs, "|") {
		q.pairs = append(q.pairs, strings.Fields(p))
	}
	return q
}

// quantity returns the token range and byte span of the amount phrase
// around the number at toks[i], or ok false when toks[i] is no amount.
func (tg *Tagger) quantity(text string, toks []Token, used []bool, i int) (first, last, start, end int) {
	a := amountPhrase{text: text, toks: toks, used: used, first: i, last: i, start: toks[i].Start, end: toks[i].End}
	if isOrdinal(toks[i].Lower) {
		return a.first, a.last, a.start, a.end // "ninth" ranks; it counts nothing
	}
	// A currency sign and its country letters: "€", "NZ$", "US$".
	a.start = CurrencyStart(text, a.start)
	for a.first > 0 && toks[a.first-1].End > a.start {
		a.first-- // the "NZ" of "NZ$6.4" is part of the amount
	}
	a.multipliers(&tg.Lang.Qty)
	// A compound written with hyphens: "47-year-old", "96-unit".
	compound := false
	for a.last+1 < len(toks) && toks[a.last].HyphenNext && !toks[a.last+1].Num && !used[a.last+1] && a.last-i < 3 {
		a.take()
		compound = true // it modifies the noun after it: "96-unit complex"
	}
	if !compound {
		tg.units(&a)
		if a.last > i {
			a.slashUnit()
		}
	}
	tg.rangeEnd(&a)
	tg.partOf(&a, i)
	// A rate: "per kilogram", "a minute", "a tonne".
	if !compound {
		if r := tg.rate(text, toks, used, a.last); r > a.last {
			a.last, a.end = r, toks[r].End
		}
	}
	// A qualifier before it: "about", "more than".
	if q := tg.qualifier(text, toks, used, a.first, a.start, "aged"); q < a.first {
		a.first, a.start = q, toks[q].Start
	}
	return a.first, a.last, a.start, a.end
}

// amountPhrase is an amount phrase being read: its token range and byte
// span in text, and which tokens other entities have taken.
type amountPhrase struct {
	text                    string
	toks                    []Token
	used                    []bool
	first, last, start, end int
}

// take extends the phrase by the token after it.
func (a *amountPhrase) take() {
	a.last++
	a.end = a.toks[a.last].End
}

// nextFree reports whether the token k after the phrase is free and
// follows it with only a space: the phrase may take it.
func (a *amountPhrase) nextFree(k int) bool {
	return k < len(a.toks) && !a.used[k] && OnlySpace(a.text[a.end:a.toks[k].Start])
}

// multipliers takes the multipliers and the percent sign after the
// number: "6.4 million", "9.4%".
func (a *amountPhrase) multipliers(qw *quantityWords) {
	for a.nextFree(a.last+1) && qw.Mult[a.toks[a.last+1].Lower] {
		a.take()
	}
	a.end = PercentEnd(a.text, a.end)
}

// units takes what the amount counts: a named currency or unit ("2,400
// CFA francs", "9 billion Kovarian marks"), or a unit noun and a word
// describing what is counted ("seven scientific instruments", "450 new
// jobs"), a unit of two words whose second is a name ("8 degrees
// Celsius"), and "old" after years ("30 years old").
func (tg *Tagger) units(a *amountPhrase) {
	toks := a.toks
	if l := a.last; l+2 < len(toks) && !a.used[l+2] && toks[l+1].Cap && !toks[l+1].Num &&
		tg.unitNoun(toks[l+2]) && OnlySpace(a.text[a.end:toks[l+1].Start]) && OnlySpace(a.text[toks[l+1].End:toks[l+2].Start]) {
		// The name may also stand as an entity of its own.
		a.take()
		a.take()
		return
	}
	if !a.nextFree(a.last+1) || !tg.unitNoun(toks[a.last+1]) {
		return
	}
	a.take()
	if n := a.last + 1; a.nextFree(n) && toks[n].Cap && !toks[n].Num {
		// A unit whose second word is a name: "8 degrees Celsius".
		if _, ok := tg.Lang.Wn.Unit(toks[a.last].Lower + "_" + toks[n].Lower); ok {
			a.take()
			return
		}
	}
	if a.nextFree(a.last+1) && tg.unitNoun(toks[a.last+1]) && toks[a.last+1].Lower != "old" {
		a.take()
	}
	if a.last+1 < len(toks) && toks[a.last+1].Lower == "old" && OnlySpace(a.text[a.end:toks[a.last+1].Start]) {
		a.take()
	}
}

// maxSlashUnit is the longest word taken after a slash as the
// denominator of a unit ("km/h", "mg/l", "m/s"): the abbreviations units
// are written with are short, and a longer word after a slash is more
// often an alternative ("tonnes/barrels") than a rate.
const maxSlashUnit = 3

// slashUnit takes the denominator of a unit written with a slash against
// it: "90 km/h" is one speed, and cut at the slash it would answer "how
// fast" with a length.
func (a *amountPhrase) slashUnit() {
	k := a.last + 1
	if k >= len(a.toks) || a.used[k] || a.text[a.end:a.toks[k].Start] != "/" {
		return
	}
	w := a.toks[k].Lower
	if a.toks[k].Num || len(w) > maxSlashUnit || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
		return
	}
	a.take()
}

// rangeEnd takes the second amount of a range or score: "3-1", "2019-20",
// "8 to 10 percent", "68 votes to 52"; not "rose 9.4% to €842 million",
// which is a change from one amount to another.
func (tg *Tagger) rangeEnd(a *amountPhrase) {
	toks, text := a.toks, a.text
	if a.last+1 < len(toks) && toks[a.last].HyphenNext && toks[a.last+1].Num && !a.used[a.last+1] {
		a.take()
		return
	}
	j := a.last + 1
	if !(j+1 < len(toks) && !a.used[j+1] && toks[j+1].Num && toks[j].Lower == "to" &&
		OnlySpace(text[a.end:toks[j].Start]) && text[a.end-1] != '%' && CurrencyStart(text, toks[j+1].Start) == toks[j+1].Start) {
		return
	}
	a.last = j + 1
	a.end = toks[a.last].End
	for a.last+1 < len(toks) && tg.Lang.Qty.Mult[toks[a.last+1].Lower] && OnlySpace(text[a.end:toks[a.last+1].Start]) {
		a.take()
	}
	a.end = PercentEnd(text, a.end)
	if a.nextFree(a.last+1) && tg.unitNoun(toks[a.last+1]) {
		a.take()
	}
}

// partOf takes the whole a bare number is part of: "61 of 150 seats",
// "12 of 16 regions". Cut at "of", "61" would answer "how many seats"
// without saying of how many, and "150 seats" would look like the count
// asked for.
func (tg *Tagger) partOf(a *amountPhrase, i int) {
	toks, text := a.toks, a.text
	j := a.last + 1
	if a.last != i || !(j+1 < len(toks) && toks[j].Lower == "of" && a.nextFree(j) && !a.used[j+1] &&
		toks[j+1].Num && OnlySpace(text[toks[j].End:toks[j+1].Start])) {
		return
	}
	a.take()
	a.take()
	a.multipliers(&tg.Lang.Qty)
	tg.units(a)
}

// rate returns the last token of a rate written after the amount ending
// at token last ("per kilogram", "a minute", "an hour", "a tonne"), or
// last when none follows: "per" takes any noun, "a" only a unit of time or
// a measure WordNet knows, so "€96 million a year" is a rate but "10
// votes a piece" is not.
func (tg *Tagger) rate(text string, toks []Token, used []bool, last int) int {
	j := last + 1
	if j+1 >= len(toks) || used[j] || used[j+1] || !OnlySpace(text[toks[last].End:toks[j].Start]) ||
		!OnlySpace(text[toks[j].End:toks[j+1].Start]) || !tg.unitNoun(toks[j+1]) {
		return last
	}
	switch toks[j].Lower {
	case "per":
		return j + 1
	case "a", "an":
		if relativeAfter(toks, j+2) { // "58 a week earlier": a time before, not a rate
			return last
		}
		if toks[j+1].Cls&cUnit != 0 {
			return j + 1
		}
		if typ, _ := tg.Lang.Wn.NounType(toks[j+1].Lower); typ == wordnet.Quantity {
			return j + 1
		}
	}
	return last
}

// qualifier returns where an amount, duration or date starting at token
// first (byte start) begins once the words qualifying it are included:
// an approximator ("about", "nearly"), a pair ("more than", "up to") or
// one of extra ("aged" for an age, "within" for a duration, "early" for a
// date). It returns first when none stands right before it.
func (tg *Tagger) qualifier(text string, toks []Token, used []bool, first, start int, extra ...string) int {
	qw := &tg.Lang.Qty
	if first > 0 && !used[first-1] && (OnlySpace(text[toks[first-1].End:start]) || toks[first-1].HyphenNext) {
		w := toks[first-1].Lower
		if qw.approx[w] || slices.Contains(extra, w) {
			return first - 1
		}
	}
	if first == 0 || !OnlySpace(text[toks[first-1].End:start]) {
		return first
	}
	for _, p := range qw.pairs {
		if n := len(p); first >= n && qualifiedBy(toks[first-n:first], used[first-n:first], p) {
			return first - n
		}
	}
	return first
}

// qualifiedBy reports whether the words toks, none used by another
// entity, are the qualifier p ("at least", "as many as").
func qualifiedBy(toks []Token, used []bool, p []string) bool {
	for k, t := range toks {
		if used[k] || t.Lower != p[k] {
			return false
		}
	}
	return true
}

// unitNoun reports whether t can name what a number counts: a lower-case
// word that is not a function word, a framing word, a month, a word that
// places a time ("last year") or a verb or adverb form ("68 votes", "19
// seats", "one metre", but not "52 said" or "9 billion kroner last year").
func (tg *Tagger) unitNoun(t Token) bool {
	if t.Cap || t.Num || t.Cls&(CStop|cGlue|cMonth|cWeekday) != 0 || tg.Lang.Qty.Mult[t.Lower] || tg.Lang.deictic[t.Lower] {
		return false
	}
	for _, suf := range [...]string{"ed", "ing", "ly"} {
		if strings.HasSuffix(t.Lower, suf) {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(t.Lower)
	return unicode.IsLetter(r)
}

// CurrencyStart moves start back over a currency sign written against the
// number, and the capital letters of a country written against the sign.
func CurrencyStart(text string, start int) int {
	s := start
	r, size := utf8.DecodeLastRuneInString(text[:s])
	if size == 0 || !unicode.Is(unicode.Sc, r) {
		return start
	}
	s -= size
	for k := 0; k < 3 && s > 0 && text[s-1] >= 'A' && text[s-1] <= 'Z'; k++ {
		s--
	}
	if s > 0 && text[s-1] >= 'A' && text[s-1] <= 'Z' {
		return start - size // a longer capitalised word is not a currency prefix
	}
	return s
}

// PercentEnd moves end past a percent sign written against the number.
func PercentEnd(text string, end int) int {
	if end < len(text) && text[end] == '%' {
		return end + 1
	}
	return end
}

// isOrdinal reports whether w is an ordinal: "ninth", "21st".
func isOrdinal(w string) bool {
	n, ok := NumberWord(w)
	return ok && (strings.HasSuffix(n, "th") || strings.HasSuffix(n, "st") ||
		strings.HasSuffix(n, "nd") || strings.HasSuffix(n, "rd"))
}

// OnlySpace reports whether s is empty or white space.
func OnlySpace(s string) bool { return strings.TrimSpace(s) == "" }

// relativeAfter reports whether toks[k] places a time before or after
// another ("earlier", "ago", "later"), which makes "a week" before it an
// offset rather than the unit of a rate.
func relativeAfter(toks []Token, k int) bool {
	if k >= len(toks) {
		return false
	}
	switch toks[k].Lower {
	case "earlier", "ago", "later", "before", "prior", "previously", "afterwards":
		return true
	}
	return false
}
