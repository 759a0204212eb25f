package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A short answer is read on its own, away from its sentence, so it keeps
// the words that change what it says: "at least 23" is not "23", and "a
// rounding error" reads as the sentence wrote it. The span model chooses
// among phrases that never start with a function word, and weighs a
// qualifier against the bare number (the fit judges both with articles
// stripped, as SQuAD's scorer does); widen puts back, before the chosen
// phrase, what its reader would miss.

// widen returns where the short answer that starts at byte start of fact
// f's text should start: before the qualifier the tagger gave its amount
// ("at least", "more than", "about"), the weekday of its date ("Monday,
// April 6") and an article ("the end of 2027").
func (b *Base) widen(f *Fact, start int) int {
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
	if w, s := wordBefore(text, start, " "); s >= 0 {
		switch strings.ToLower(w) {
		case "a", "an", "the":
			start = s
		}
	}
	return start
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
