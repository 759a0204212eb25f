package main

import (
	"maps"
	"slices"
	"strings"
)

// ---- leaders.txt ----

// "Who heads the bank?" is answered by "Governor Ana Ruiz told reporters",
// which shares no word with it: news names whoever leads a body by the
// title of the post. The list holds the nouns that name the head of a body
// ("governor", "chairman", "executive") and the verbs WordNet derives them
// from or to ("govern", "chair", "lead"), so that a question of the one
// kind can find a sentence of the other.

// leaderNounRoots are the concepts the title of a body's head falls
// under: the person in charge ("executive", "director", "president"), the
// one who presides ("chairman", "speaker"), and the heads of a government
// ("governor", "mayor"). Everything under leader.n.01 would take in every
// politician and candidate, who head no body a question names; it counts
// as itself only.
var leaderNounRoots = []root{
	{"head", 4, 10162991},
	{"presiding_officer", 1, 10469346},
	{"governor", 1, 10140314},
	{"mayor", 1, 10303814},
}

var leaderRoot = []root{{"leader", 1, 9623038}}

// leaderNounSenses is how many of a noun's most frequent senses may make it
// a leader's title: "head" is one in its fourth. More would take in nouns
// that lead only in rare uses.
const leaderNounSenses = 4

// leaders lists "n WORD" for vocabulary nouns naming the head of a body and
// "v WORD" for the verbs derivationally related to those senses.
func (d *db) leaders(vocab map[string]bool) ([]string, error) {
	roots, err := d.resolve('n', leaderNounRoots)
	if err != nil {
		return nil, err
	}
	self, err := d.resolve('n', leaderRoot)
	if err != nil {
		return nil, err
	}
	memo := make(map[key]bool)
	var out []string
	for _, w := range slices.Sorted(maps.Keys(d.index['n'])) {
		if !vocab[w] {
			continue
		}
		offs := d.index['n'][w].offs
		for _, off := range offs[:min(leaderNounSenses, len(offs))] {
			// Only classes: an instance pointer would make every famous
			// leader's surname ("Wellington") a title.
			k := key{'n', off}
			if !self[k] && !d.underVia(k, roots, memo, isClassHypernym) {
				continue
			}
			out = append(out, "n "+w)
			out = append(out, d.derivedVerbs(k, w, vocab)...)
			break
		}
	}
	return out, nil
}

// derivedVerbs lists "v VERB" for the vocabulary verbs WordNet relates
// derivationally to noun word w in synset k ("governor" to "govern").
func (d *db) derivedVerbs(k key, w string, vocab map[string]bool) []string {
	s := d.syn[k]
	var out []string
	for _, p := range s.ptrs {
		if p.sym != "+" || p.to.pos != 'v' || p.src > 0 && !strings.EqualFold(s.words[p.src-1], w) {
			continue
		}
		t := d.syn[p.to]
		if t == nil {
			continue
		}
		for i, v := range t.words {
			v = strings.ToLower(v)
			if (p.dst == 0 || p.dst == i+1) && vocab[v] {
				out = append(out, "v "+v)
			}
		}
	}
	return out
}
