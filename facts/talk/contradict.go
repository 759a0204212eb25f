package talk

import (
	"slices"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/internal/prose"
)

// Words that name a value of a kind: a question that asks about one value
// ("Was it the tenth round?") is answered "No" by a sentence that states
// another of the same kind ("the ninth round").
const (
	ordinalWords = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
	numberWords  = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred"
	monthWords   = "january|february|march|april|may|june|july|august|september|october|november|december"
	weekdayWords = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)

// valueClass is the kind of value a word names: "year", "number",
// "ordinal", "month" or "weekday", and "" for a word that names none.
func valueClass(w string) string {
	w = strings.ToLower(strings.Trim(w, "$€£¥%,"))
	switch {
	case w == "":
		return ""
	case in(ordinalWords, w) || isOrdinalDigits(w):
		return "ordinal"
	case in(numberWords, w):
		return "number"
	case in(monthWords, w):
		return "month"
	case in(weekdayWords, w):
		return "weekday"
	case isDigits(strings.ReplaceAll(strings.ReplaceAll(w, ".", ""), ",", "")):
		if len(w) == 4 && isDigits(w) && (w[0] == '1' || w[0] == '2') {
			return "year"
		}
		return "number"
	}
	return ""
}

// isOrdinalDigits reports whether w is an ordinal in digits: "1st", "10th".
func isOrdinalDigits(w string) bool {
	for _, suf := range [...]string{"st", "nd", "rd", "th"} {
		if n, ok := strings.CutSuffix(w, suf); ok && n != "" && isDigits(n) {
			return true
		}
	}
	return false
}

// contradicted reports whether the cited sentence answers a yes/no
// question "No" by stating another value or the opposite where the
// question names one: every topic word of the question is matched except
// words the sentence holds an antonym of ("open" asked, "closed" written)
// and values (a number, an ordinal, a year, a month, a weekday), for each
// of which the sentence holds a different value of the same kind ("€26
// million" asked, "€18.4 million" written). A question word of any other kind the sentence lacks
// leaves the quote to speak: the sentence may be about something else.
func contradicted(r facts.Result, words []facts.Span) bool {
	if len(r.Unmatched) == 0 {
		return false
	}
	for _, u := range r.Unmatched {
		if slices.Contains(r.Opposed, u) {
			continue
		}
		class := valueClass(u)
		if class == "" || !holdsOther(r, words, class) {
			return false
		}
	}
	return true
}

// valueClash reports whether the question names a value the cited
// sentence lacks while the sentence states another of the same kind
// ("412 deliveries" asked, "312 deliveries" written), whatever other words
// it lacks: weaker evidence of "No" than contradicted, since those words
// may say the sentence is about something else, and the fitted verdict
// weighs it against them. A value the question gives as a bound ("more
// than 1,200", "at least 40") is not denied by another value: 1,246 is
// more than 1,200. qwords are the question's normalised words.
func valueClash(qwords []string, r facts.Result, words []facts.Span) bool {
	for _, u := range r.Unmatched {
		class := valueClass(u)
		if class == "" || boundIn(qwords, u) {
			continue
		}
		if holdsOther(r, words, class) {
			return true
		}
	}
	return false
}

// boundIn reports whether the question gives value v as a bound: after
// a word of comparison ("than", "least", "most", "over", "under", "above",
// "exceed", …). v is normalised as the question's words are ("1,200"
// reads "1 200").
func boundIn(qwords []string, v string) bool {
	vf := strings.Fields(prose.Normalize(v))
	if len(vf) == 0 {
		return false
	}
	for i := 1; i < len(qwords); i++ {
		if qwords[i] == vf[0] && in("than|least|most|over|under|above|below|beyond|exceed|exceeded", qwords[i-1]) {
			return true
		}
	}
	return false
}

// holdsOther reports whether the sentence states a value of class that is
// not one of the question's matched words.
func holdsOther(r facts.Result, words []facts.Span, class string) bool {
	for _, w := range words {
		text := r.Fact.Text[w.Start:w.End]
		// "may" is a month only when written as a name.
		if class == "month" && !unicode.IsUpper([]rune(text)[0]) {
			continue
		}
		if !highlighted(r.Highlights, w) && valueClass(text) == class {
			return true
		}
	}
	return false
}

// misattached reports whether the question gives a value as "N of V" ("a
// depth of 62 kilometres") and the sentence gives N only other values of
// that kind ("at a depth of 38 kilometres, about 62 kilometres north"):
// the question's value is there, said of something else. qwords are the
// question's normalised words, words the sentence's.
func misattached(qwords []string, text string, words []facts.Span) bool {
	word := func(i int) string { return strings.ToLower(text[words[i].Start:words[i].End]) }
	for k := 1; k+1 < len(qwords); k++ {
		class := valueClass(qwords[k+1])
		if qwords[k] != "of" || class == "" || valueClass(qwords[k-1]) != "" {
			continue
		}
		same, other := false, false
		for i := 0; i+2 < len(words); i++ {
			if word(i) != qwords[k-1] || word(i+1) != "of" || valueClass(word(i+2)) != class {
				continue
			}
			if word(i+2) == qwords[k+1] {
				same = true
			} else {
				other = true
			}
		}
		if other && !same {
			return true
		}
	}
	return false
}

// otherOrdinal reports whether the question names a rank ("third") that
// the sentence does not write as a rank, while it states another
// ("dropped to fifth"). The matcher lets a rank find its number ("stage
// 3" is "the third stage"), so "third" counts as matched by the "3" of "3
// minutes"; but the rank asked about is not the one the sentence gives.
// qwords are the question's normalised words, words the sentence's.
func otherOrdinal(qwords []string, text string, words []facts.Span) bool {
	asked := make(map[string]bool)
	for _, w := range qwords {
		if valueClass(w) == "ordinal" {
			asked[ordinalKey(w)] = true
		}
	}
	if len(asked) == 0 {
		return false
	}
	other := false
	for _, s := range words {
		w := strings.ToLower(text[s.Start:s.End])
		if valueClass(w) != "ordinal" {
			continue
		}
		if asked[ordinalKey(w)] {
			return false
		}
		other = true
	}
	return other
}

// ordinalKey is the one form of a rank however it is written: "third"
// and "3rd" are both "3th".
func ordinalKey(w string) string {
	if k, ok := prose.NumberWord(w); ok {
		return k
	}
	return w
}
