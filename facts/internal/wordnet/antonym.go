package wordnet

import "slices"

// morphRules are WordNet's detachment rules for regular inflections
// (morphy(7WN)): a suffix and what replaces it, tried in order until the
// result is a listed lemma. Nouns, verbs and adjectives share one list,
// since a word's part of speech is not known where it is looked up.
var morphRules = [...]struct{ suffix, base string }{
	{"ies", "y"}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"},
	{"men", "man"}, {"es", "e"}, {"es", ""}, {"s", ""},
	{"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""},
	{"est", "e"}, {"est", ""}, {"er", "e"}, {"er", ""},
}

// AntonymLemmas returns the lemmas word may be a form of that have
// antonyms: the word itself ("won", an adjective), its irregular base
// ("won" win) and its bases by regular inflection ("largest" large,
// "winning" win). It is nil when none has.
func (l *Lexicon) AntonymLemmas(word string) []string {
	if l == nil || word == "" {
		return nil
	}
	var out []string
	add := func(b string) {
		if l.antonyms[b] != nil && !slices.Contains(out, b) {
			out = append(out, b)
		}
	}
	add(word)
	if b, ok := l.base[word]; ok {
		add(b)
	}
	for _, r := range morphRules {
		stem, found := cutSuffix(word, r.suffix)
		if !found {
			continue
		}
		add(stem + r.base)
		// A doubled final consonant before the suffix: "winning", "bigger".
		if n := len(stem); r.base == "" && n >= 2 && stem[n-1] == stem[n-2] {
			add(stem[:n-1])
		}
	}
	return out
}

// Antonyms returns the direct antonyms WordNet gives word in its most
// frequent senses, as lemmas, over every lemma it may be a form of:
// "won" gives "lose" and "lost", "largest" "small" and "big". word is
// lower case, inflected or not; the result is nil if there are none.
func (l *Lexicon) Antonyms(word string) []string {
	var out []string
	for _, lemma := range l.AntonymLemmas(word) {
		for _, a := range l.antonyms[lemma] {
			if !slices.Contains(out, a) {
				out = append(out, a)
			}
		}
	}
	return out
}

func cutSuffix(w, suffix string) (string, bool) {
	if len(w) <= len(suffix) || w[len(w)-len(suffix):] != suffix {
		return "", false
	}
	return w[:len(w)-len(suffix)], true
}
