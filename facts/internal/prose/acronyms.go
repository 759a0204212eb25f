package prose

import (
	"strings"

	"github.com/briefbot/briefbot/facts/english"
	"github.com/briefbot/briefbot/facts/internal/wordnet"
)

// maxAcronymWords is the most content words a phrase is looked up with:
// acronyms have at most six letters.
const maxAcronymWords = 6

// PhraseAcronyms calls fn with each acronym whose phrase the content words
// of toks spell out, in whole or (for a short phrase) two neighbouring
// words of it, and the first and last positions of those words. Function
// words between them are skipped ("Bureau of Investigation"); any other
// word breaks the phrase. Acronyms that are English words in lower case
// ("us", "who") are left out: a question's "us" is a pronoun.
func (l *Language) PhraseAcronyms(toks []Token, fn func(acronym string, i, j int)) {
	var window [maxAcronymWords]int // positions of the last content words
	n := 0
	var key strings.Builder
	for i, t := range toks {
		if t.Compound || wordnet.FunctionWord(t.Lower) {
			continue
		}
		if n == len(window) {
			copy(window[:], window[1:])
			n--
		}
		window[n] = i
		n++
		for start := n - 2; start >= 0; start-- {
			if !l.Wn.StartsAbbreviated(toks[window[start]].Lower) {
				continue
			}
			key.Reset()
			for x, p := range window[start:n] {
				if x > 0 {
					key.WriteByte(' ')
				}
				key.WriteString(toks[p].Lower)
			}
			for _, a := range l.Wn.Abbreviated(key.String()) {
				if !english.Known(a) {
					fn(a, window[start], i)
				}
			}
		}
	}
}
