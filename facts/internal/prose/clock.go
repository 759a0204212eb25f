package prose

import (
	"strconv"
	"strings"
)

// isClockWord reports whether w names a time of day by itself: "shortly
// after midnight" answers "when" as "4:17 a.m." does. A closed class of
// English, not the vocabulary of any brief.
func isClockWord(w string) bool {
	switch w {
	case "noon", "midday", "midnight":
		return true
	}
	return false
}

// clockEnd is the index of the last word of a time of day that starts at
// word i ("4:17 a.m.", "03:40", "7:30pm"), or -1 when none starts there.
// Split at its colon, a time would read as two unrelated numbers, and a
// "what time" or "when" question would find nothing to answer with.
func clockEnd(text string, toks []Token, i int) int {
	if e := hourEnd(text, toks, i); e >= i {
		return e
	}
	if i+1 >= len(toks) || gapAfter(text, toks, i) != ":" {
		return -1
	}
	h, err := strconv.Atoi(toks[i].Lower)
	if err != nil || len(toks[i].Lower) > 2 || h > 24 {
		return -1
	}
	m := toks[i+1].Lower
	suffix := len(m) == 4 && (m[2:] == "am" || m[2:] == "pm")
	if suffix {
		m = m[:2]
	}
	if mm, err := strconv.Atoi(m); err != nil || len(m) != 2 || mm > 59 {
		return -1
	}
	if suffix {
		return i + 1
	}
	return meridiemEnd(text, toks, i+1)
}

// elapsedEnd is the index of the last word of an elapsed time written
// h:mm:ss that starts at word i ("2:17:26", "1:24:09"), or -1 when none
// does. News gives a race's or a journey's time so, and a time of day
// seldom with seconds: read as the time "2:17" and the number "26", it
// answers neither "when" nor "what was the winning time".
func elapsedEnd(text string, toks []Token, i int) int {
	if i+2 >= len(toks) || gapAfter(text, toks, i) != ":" || gapAfter(text, toks, i+1) != ":" {
		return -1
	}
	if h := toks[i].Lower; h == "" || len(h) > 2 || !AllDigits(h) {
		return -1
	}
	for _, w := range [...]string{toks[i+1].Lower, toks[i+2].Lower} {
		if len(w) != 2 || !AllDigits(w) || w[0] > '5' {
			return -1
		}
	}
	return i + 2
}

// hourEnd is the index of the last word of an hour with "am" or "pm"
// starting at word i ("4am", "6 p.m.", "7 PM"), or -1. Without it the
// tagger reads "6 p.m." as the amount "6 p" and "7 PM" as an office.
func hourEnd(text string, toks []Token, i int) int {
	w := toks[i].Lower
	if len(w) >= 3 && (strings.HasSuffix(w, "am") || strings.HasSuffix(w, "pm")) && clockHour(w[:len(w)-2]) {
		return i
	}
	if !clockHour(w) {
		return -1
	}
	if e := meridiemEnd(text, toks, i); e > i {
		return e
	}
	return -1
}

// clockHour reports whether w is an hour of a twelve-hour clock.
// It runs on every word a tagger reads, so it parses only digits: a
// failed strconv.Atoi allocates its error.
func clockHour(w string) bool {
	if w == "" || len(w) > 2 || !AllDigits(w) {
		return false
	}
	h, _ := strconv.Atoi(w)
	return h >= 1 && h <= 12
}

// meridiemEnd is the index of the "am" or "p.m." that follows the time
// ending at word e, or e when none does.
func meridiemEnd(text string, toks []Token, e int) int {
	switch {
	case e+1 < len(toks) && (toks[e+1].Lower == "am" || toks[e+1].Lower == "pm") && spaceOnly(gapAfter(text, toks, e)):
		return e + 1
	case e+2 < len(toks) && (toks[e+1].Lower == "a" || toks[e+1].Lower == "p") && toks[e+2].Lower == "m" &&
		spaceOnly(gapAfter(text, toks, e)) && gapAfter(text, toks, e+1) == ".":
		return e + 2
	}
	return e
}

// gapAfter is the text between word k and the next, or "\x00" when they
// overlap: a compound token ("counterterrorism", joined from a hyphenated
// word) spans the parts that follow it.
func gapAfter(text string, toks []Token, k int) string {
	if toks[k].End > toks[k+1].Start || toks[k+1].Start > len(text) {
		return "\x00"
	}
	return text[toks[k].End:toks[k+1].Start]
}

// spaceOnly reports whether a gap between words holds nothing but spaces.
func spaceOnly(gap string) bool {
	for _, r := range gap {
		if r != ' ' {
			return false
		}
	}
	return true
}

// HoldsClock reports whether text, a date the tagger found, holds a time
// of day ("4:17 a.m. on Tuesday", "midnight"), which answers "what time"
// where a day or a year alone does not.
func HoldsClock(text string) bool {
	toks := Tokenize(text)
	for i, t := range toks {
		if isClockWord(t.Lower) || clockEnd(text, toks, i) >= i {
			return true
		}
	}
	return false
}
