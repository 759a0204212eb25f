package facts

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/facts/internal/prose"
)

// A short answer is read on its own, away from its sentence, so it keeps
// the words that change what it says: "at least 23" is not "23", and "a
// rounding error" reads as the sentence wrote it. The span model chooses
// among phrases that never start with a function word, and weighs a
// qualifier against the bare number (the fit judges both with articles
// stripped, as SQuAD's scorer does); widen puts back, before the chosen
// phrase, what its reader would miss.

// widen returns where the short answer at bytes start..end of fact f's
// text, a phrase of the given kind, should start: before the qualifier
// the tagger gave its amount ("at least", "more than", "about"), the
// weekday of its date ("Monday, April 6"), an article ("the end of
// 2027"), unless the phrase only modifies the noun after it (in "a
// week-long visit" the article is the visit's, and "a week-long" reads
// worse than "week-long"), and the preposition that makes a date a bound
// ("by the end of 2027", "until March") unless the question's own words
// (asked, its function words: see questionCues) hold it ("until when" is
// answered by the date alone) or the sentence denies it ("not before").
func (b *Base) widen(f *Fact, start, end int, kind Kind, asked []string) int {
	text := f.Text
	for _, e := range f.Entities {
		if (e.Kind == Number || e.Kind == Duration) && e.Span.Start < start && start < e.Span.End && qualifierOnly(text[e.Span.Start:start], e.Span.Start == 0) {
			start = e.Span.Start
			break
		}
	}
	if w, s := wordBefore(text, start, ", "); s >= 0 && b.lang.Weekday[strings.ToLower(w)] {
		start = s
	}
	if w, s := wordBefore(text, start, " "); s >= 0 && !b.modifiesNext(text, end) {
		switch strings.ToLower(w) {
		case "a", "an", "the":
			start = s
		}
	}
	if kind == Date {
		start = b.withBound(text, start, asked)
	}
	return start
}

// withBound is where the date phrase at byte start of text begins once
// the preposition that makes it a bound is put back: before that word,
// unless the question's own words asked hold it or a negation governs
// it; else start.
func (b *Base) withBound(text string, start int, asked []string) int {
	w, s := wordBefore(text, start, " ")
	if s < 0 {
		return start
	}
	w = strings.ToLower(w)
	if !boundsDate(w) || slices.Contains(asked, w) || b.deniedBefore(text, s) {
		return start
	}
	return s
}

// deniedBefore reports whether a negation stands before byte at of text
// in the same clause: "will not reopen before March 3" means March 3 at
// the earliest, and "did not expect the deadline to be met before the
// middle of 2027" the middle of 2027 at the earliest, so the bound would
// say the opposite of the sentence and stays off.
func (b *Base) deniedBefore(text string, at int) bool {
	clause := text[:at]
	if i := strings.LastIndexAny(clause, ",;:—("); i >= 0 {
		clause = clause[i+1:]
	}
	for _, w := range strings.Fields(strings.ToLower(clause)) {
		if b.lang.Denies(strings.Trim(w, ".!?\"'“”‘’")) {
			return true
		}
	}
	return false
}

// boundsDate reports whether the preposition w makes the date after it
// the edge of a span of time: "by the end of March" is a deadline, not
// the day something happens, and a reader of the bare date would take it
// for the day. "In", "on" and "at" only place the date and stay off;
// "from" starts a range whose other end the phrase holds.
func boundsDate(w string) bool {
	switch w {
	case "by", "until", "till", "before", "after", "since":
		return true
	}
	return false
}

// qualifierOnly reports whether s holds only lower-case words (its first
// letter may be a capital when it opens the sentence): the qualifier
// before an amount's number ("up to ", "More than "), not a number or a
// name of its own.
func qualifierOnly(s string, opens bool) bool {
	if opens {
		r, size := utf8.DecodeRuneInString(s)
		s = string(unicode.ToLower(r)) + s[size:]
	}
	return strings.TrimSpace(s) != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return r != ' ' && !unicode.IsLower(r)
	})
}

// wordBefore returns the word that ends just before text[at:], with
// exactly sep between them, and where it starts; -1 when there is none.
func wordBefore(text string, at int, sep string) (string, int) {
	if !strings.HasSuffix(text[:at], sep) {
		return "", -1
	}
	end := at - len(sep)
	s := 0
	if i := strings.LastIndexFunc(text[:end], func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		_, size := utf8.DecodeRuneInString(text[i:])
		s = i + size
	}
	if s >= end {
		return "", -1
	}
	return text[s:end], s
}

// modifiesNext reports whether the phrase that ends at byte end of text
// ends in a word that modifies the noun after it: a hyphenated compound
// or a number ("week-long", "96-unit", "the 51"), followed after one space
// by a lower-case word that is not a function word. The article before
// the phrase is then the noun's. A phrase ending in a noun keeps its
// article whatever follows ("the Liberal Democrats won").
func (b *Base) modifiesNext(text string, end int) bool {
	last := text[:end]
	if i := strings.LastIndexByte(last, ' '); i >= 0 {
		last = last[i+1:]
	}
	first, _ := utf8.DecodeRuneInString(last)
	if !strings.Contains(last, "-") && !unicode.IsDigit(first) && !prose.IsNumberWord(strings.ToLower(last)) {
		return false
	}
	rest, ok := strings.CutPrefix(text[end:], " ")
	if !ok {
		return false
	}
	w, _, _ := strings.Cut(rest, " ")
	w = strings.TrimRightFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r) && !b.lang.Stop[w]
}
