package facts

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
	approximators = `about around nearly almost roughly approximately some over under just near`
	// approximatorPairs are two-word qualifiers: "more than 30".
	approximatorPairs = `more than|less than|fewer than|up to|at least|at most|as many as|as much as|close to`
	// multipliers scale the number before them.
	multipliers = `hundred thousand million billion trillion dozen bn mn m k`
)

// quantityWords holds the closed classes above as sets, built with the
// language.
type quantityWords struct {
	approx map[string]bool
	pairs  map[string]string // first word → second
	mult   map[string]bool
}

func newQuantityWords() quantityWords {
	q := quantityWords{approx: wordSet(approximators), pairs: make(map[string]string), mult: wordSet(multipliers)}
	for _, p := range strings.Split(approximatorPairs, "|") {
		a, b, _ := strings.Cut(p, " ")
		q.pairs[a] = b // the three-word ones are matched by their first two
	}
	return q
}

// quantity returns the token range and byte span of the amount phrase
// around the number at toks[i], or ok false when toks[i] is no amount.
func (tg *tagger) quantity(text string, toks []token, used []bool, i int) (first, last, start, end int) {
	qw := &tg.lang.qty
	first, last = i, i
	start, end = toks[i].start, toks[i].end
	if isOrdinal(toks[i].lower) {
		return first, last, start, end // "ninth" ranks; it counts nothing
	}
	// A currency sign and its country letters: "€", "NZ$", "US$".
	start = currencyStart(text, start)
	for first > 0 && toks[first-1].end > start {
		first-- // the "NZ" of "NZ$6.4" is part of the amount
	}
	// Multipliers and a percent sign: "6.4 million", "9.4%".
	for last+1 < len(toks) && !used[last+1] && qw.mult[toks[last+1].lower] && onlySpace(text[end:toks[last+1].start]) {
		last++
		end = toks[last].end
	}
	end = percentEnd(text, end)
	// A compound written with hyphens: "47-year-old", "96-unit".
	compound := false
	for last+1 < len(toks) && toks[last].hyphenNext && !toks[last+1].num && !used[last+1] && last-i < 3 {
		last++
		end = toks[last].end
		compound = true // it modifies the noun after it: "96-unit complex"
	}
	// A range or score: "3-1", "8 to 10", "68 votes to 52".
	if !compound && last+2 < len(toks) && !used[last+2] && toks[last+1].cap && !toks[last+1].num &&
		tg.unitNoun(toks[last+2]) && onlySpace(text[end:toks[last+1].start]) && onlySpace(text[toks[last+1].end:toks[last+2].start]) {
		// A named currency or unit: "2,400 CFA francs", "9 billion
		// Kovarian marks". The name may also stand as an entity of its
		// own.
		last += 2
		end = toks[last].end
	} else if !compound && last+1 < len(toks) && !used[last+1] && tg.unitNoun(toks[last+1]) && onlySpace(text[end:toks[last+1].start]) {
		last++
		end = toks[last].end
		// A word describing what is counted: "seven scientific
		// instruments", "450 new jobs".
		if last+1 < len(toks) && !used[last+1] && tg.unitNoun(toks[last+1]) && onlySpace(text[end:toks[last+1].start]) &&
			toks[last+1].lower != "old" {
			last++
			end = toks[last].end
		}
		// An age: "30 years old".
		if last+1 < len(toks) && toks[last+1].lower == "old" && onlySpace(text[end:toks[last+1].start]) {
			last++
			end = toks[last].end
		}
	}
	if last+1 < len(toks) && toks[last].hyphenNext && toks[last+1].num && !used[last+1] {
		last++ // "3-1", "2019-20"
		end = toks[last].end
	} else if j := last + 1; j+1 < len(toks) && !used[j+1] && toks[j+1].num && toks[j].lower == "to" &&
		onlySpace(text[end:toks[j].start]) && text[end-1] != '%' && currencyStart(text, toks[j+1].start) == toks[j+1].start {
		// "8 to 10 percent", "68 votes to 52"; not "rose 9.4% to €842
		// million", which is a change from one amount to another.
		last = j + 1
		end = toks[last].end
		for last+1 < len(toks) && qw.mult[toks[last+1].lower] && onlySpace(text[end:toks[last+1].start]) {
			last++
			end = toks[last].end
		}
		end = percentEnd(text, end)
		if last+1 < len(toks) && !used[last+1] && tg.unitNoun(toks[last+1]) && onlySpace(text[end:toks[last+1].start]) {
			last++
			end = toks[last].end
		}
	}
	// A rate: "per kilogram", "a minute", "a tonne".
	if !compound {
		if r := tg.rate(text, toks, used, last); r > last {
			last, end = r, toks[r].end
		}
	}
	// A qualifier before it: "about", "more than".
	if q := tg.qualifier(text, toks, used, first, start, "aged"); q < first {
		first, start = q, toks[q].start
	}
	return first, last, start, end
}

// rate returns the last token of a rate written after the amount ending
// at token last ("per kilogram", "a minute", "an hour", "a tonne"), or
// last when none follows: "per" takes any noun, "a" only a unit of time or
// a measure WordNet knows, so "€96 million a year" is a rate but "10
// votes a piece" is not.
func (tg *tagger) rate(text string, toks []token, used []bool, last int) int {
	j := last + 1
	if j+1 >= len(toks) || used[j] || used[j+1] || !onlySpace(text[toks[last].end:toks[j].start]) ||
		!onlySpace(text[toks[j].end:toks[j+1].start]) || !tg.unitNoun(toks[j+1]) {
		return last
	}
	switch toks[j].lower {
	case "per":
		return j + 1
	case "a", "an":
		if toks[j+1].cls&cUnit != 0 {
			return j + 1
		}
		if typ, _ := tg.lang.wn.NounType(toks[j+1].lower); typ == wordnet.Quantity {
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
func (tg *tagger) qualifier(text string, toks []token, used []bool, first, start int, extra ...string) int {
	qw := &tg.lang.qty
	if first > 0 && !used[first-1] && (onlySpace(text[toks[first-1].end:start]) || toks[first-1].hyphenNext) {
		w := toks[first-1].lower
		if qw.approx[w] || slices.Contains(extra, w) {
			return first - 1
		}
	}
	if first > 1 && !used[first-2] && qw.pairs[toks[first-2].lower] == toks[first-1].lower &&
		onlySpace(text[toks[first-1].end:start]) {
		return first - 2
	}
	return first
}

// unitNoun reports whether t can name what a number counts: a lower-case
// word that is not a function word, a framing word, a month, a word that
// places a time ("last year") or a verb or adverb form ("68 votes", "19
// seats", "one metre", but not "52 said" or "9 billion kroner last year").
func (tg *tagger) unitNoun(t token) bool {
	if t.cap || t.num || t.cls&(cStop|cGlue|cMonth|cWeekday) != 0 || tg.lang.qty.mult[t.lower] || tg.lang.deictic[t.lower] {
		return false
	}
	for _, suf := range [...]string{"ed", "ing", "ly"} {
		if strings.HasSuffix(t.lower, suf) {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(t.lower)
	return unicode.IsLetter(r)
}

// currencyStart moves start back over a currency sign written against the
// number, and the capital letters of a country written against the sign.
func currencyStart(text string, start int) int {
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

// percentEnd moves end past a percent sign written against the number.
func percentEnd(text string, end int) int {
	if end < len(text) && text[end] == '%' {
		return end + 1
	}
	return end
}

// isOrdinal reports whether w is an ordinal: "ninth", "21st".
func isOrdinal(w string) bool {
	n, ok := numberWord(w)
	return ok && (strings.HasSuffix(n, "th") || strings.HasSuffix(n, "st") ||
		strings.HasSuffix(n, "nd") || strings.HasSuffix(n, "rd"))
}

func onlySpace(s string) bool { return strings.TrimSpace(s) == "" }
