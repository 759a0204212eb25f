package wordnet

import (
	_ "embed"
	"slices"
	"strings"
)

//go:embed leaders.txt
var leadersTxt string

// parseLeaders fills the nouns that name the head of a body and the verbs
// of heading one, from lines "n WORD" and "v WORD".
func (l *Lexicon) parseLeaders(s string) error {
	l.leaderNoun = make(map[string]bool)
	l.leaderVerb = make(map[string]bool)
	return eachLine("leaders.txt", s, func(line string) error {
		pos, word, ok := strings.Cut(line, " ")
		if !ok || word == "" || strings.Contains(word, " ") {
			return errFields
		}
		var m map[string]bool
		switch pos {
		case "n":
			m = l.leaderNoun
		case "v":
			m = l.leaderVerb
		default:
			return errFields
		}
		if m[word] {
			return errDuplicate
		}
		m[word] = true
		return nil
	})
}

// LeaderNoun reports whether a lower-case noun (singular) names the head
// of a body: "governor", "chairman", "executive", "director".
func (l *Lexicon) LeaderNoun(word string) bool {
	return l != nil && l.leaderNoun[word]
}

// LeaderVerb reports whether a lower-case verb (base form) is one of
// heading a body: "head", "lead", "chair", "govern".
func (l *Lexicon) LeaderVerb(word string) bool {
	return l != nil && l.leaderVerb[word]
}

// LeaderWords lists every leader noun and verb, sorted, for a caller that
// matches them by its own keys.
func (l *Lexicon) LeaderWords() []string {
	if l == nil {
		return nil
	}
	out := make([]string, 0, len(l.leaderNoun)+len(l.leaderVerb))
	for w := range l.leaderNoun {
		out = append(out, w)
	}
	for w := range l.leaderVerb {
		if !l.leaderNoun[w] {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return out
}
