package prose

import "strings"

// Negated reports whether a sentence or question denies something: a
// negation word or a contracted "n't". A question's opening "Didn't" or
// "Isn't" asks for confirmation of what follows rather than denying it.
func (l *Language) Negated(toks []Token) bool {
	for i, t := range toks {
		if i == 0 && l.Aux[strings.TrimSuffix(strings.TrimSuffix(t.Lower, "n't"), "n’t")] {
			continue
		}
		if l.Denies(t.Lower) {
			return true
		}
	}
	return false
}

// Denies reports whether a lower-case word is a negation: a negation word
// or a contracted "n't" ("never", "didn't").
func (l *Language) Denies(w string) bool {
	return l.Negation[w] || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t")
}

// HasReason reports whether a sentence states a cause or purpose
// ("crucial to", "because"); a "why" question prefers such facts.
func (l *Language) HasReason(toks []Token) bool {
	for i, t := range toks {
		if t.Cls&CReason == 0 && t.Cls&CSet != 0 {
			continue
		}
		for _, rest := range l.Reasons[t.Lower] {
			if i+len(rest) >= len(toks) {
				continue
			}
			ok := true
			for k, w := range rest {
				if toks[i+1+k].Lower != w {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}
