package talk

import (
	"strings"

	"github.com/briefbot/briefbot/facts"
)

// A follow-up often names what was just answered by the part it played:
// "who won the by-election?", then "how old is the winner"; "who bought
// the club?", then "what does the buyer do". The noun is the doer of the
// verb the earlier question asked about, which WordNet's derivations tell
// (facts.Base.Doer), so the answer to that question stands in its place.

// resolveDoers puts, for each "the <noun>" of a question that names the
// doer of what an earlier question asked, the name that answered it in
// its place, the most recent first.
func resolveDoers(base *facts.Base, question string, ms []mention) string {
	words := strings.Fields(question)
	for i := 0; i+1 < len(words); i++ {
		if strings.ToLower(words[i]) != "the" {
			continue
		}
		noun := strings.ToLower(strings.Trim(words[i+1], "?,.!"))
		if m, ok := doerOf(base, noun, ms); ok {
			words[i] = m.text + trailing(words[i+1])
			words = append(words[:i+1], words[i+2:]...)
		}
	}
	return strings.Join(words, " ")
}

// doerOf is the most recent mention that answered a question whose verb
// noun names the doer of.
func doerOf(base *facts.Base, noun string, ms []mention) (mention, bool) {
	if noun == "" {
		return mention{}, false
	}
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].answered == "" || ms[i].kind != facts.Person && ms[i].kind != facts.Org && ms[i].kind != facts.Group {
			continue
		}
		for _, w := range strings.Fields(ms[i].answered) {
			if base.Doer(noun, w) {
				return ms[i], true
			}
		}
	}
	return mention{}, false
}
