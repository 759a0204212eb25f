package main

import (
	"slices"
	"strings"
)

// antonymSenses is how many of a lemma's most frequent senses, per part of
// speech, give it antonyms: more senses find more opposites, and more that
// hold only in a sense the text does not mean ("right" and "left").
const antonymSenses = 2

// antonyms lists, for every single-word lemma in vocab, the words WordNet
// gives as its direct antonyms in its most frequent senses ("win" lose,
// "largest" through "large" small), as "lemma ant1 ant2 ...". WordNet
// records antonymy between word senses, so the relation is symmetric and
// the file lists both directions.
func (d *db) antonyms(vocab map[string]bool) []string {
	ok := func(w string) bool { return isSimpleWord(w) && vocab[w] }
	ants := make(map[string][]string)
	for _, lemma := range d.lemmas() {
		if !ok(lemma) {
			continue
		}
		for _, p := range poses {
			s := d.index[p][lemma]
			for _, off := range s.offs[:min(antonymSenses, len(s.offs))] {
				syn := d.syn[key{p, off}]
				self := slices.IndexFunc(syn.words, func(w string) bool { return strings.ToLower(w) == lemma }) + 1
				for _, ptr := range syn.ptrs {
					if ptr.sym != "!" || ptr.src != self || self == 0 {
						continue
					}
					t := d.syn[ptr.to]
					if t == nil || ptr.dst < 1 || ptr.dst > len(t.words) {
						continue
					}
					if w := strings.ToLower(t.words[ptr.dst-1]); ok(w) && w != lemma {
						ants[lemma] = append(ants[lemma], w)
						ants[w] = append(ants[w], lemma)
					}
				}
			}
		}
	}
	var out []string
	for lemma, as := range ants {
		slices.Sort(as)
		out = append(out, lemma+" "+strings.Join(slices.Compact(as), " "))
	}
	return out
}
