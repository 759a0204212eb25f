package main

import (
	"maps"
	"slices"
	"strconv"
	"strings"
)

// ---- hypernyms.txt ----

// "What metal plates the board?" is answered by a word that names a kind
// of metal ("copper"), which no list of a few kinds of entity can tell.
// hypernyms.txt keeps enough of WordNet's noun hierarchy to ask whether
// one word names a kind of what another names: each vocabulary noun's
// most frequent senses, and every synset above them with its hypernyms.

// hypernymSenses is how many of a noun's senses, most frequent first, are
// kept: enough for "bass" the fish and the voice, few enough that a rare
// sense ("copper" the policeman) seldom makes a word a kind of something
// it is not.
const hypernymSenses = 2

// hypernyms lists the lines of hypernyms.txt: "word id… + id…" for each
// vocabulary word that is a noun lemma, with the ids of its most frequent
// senses and, after "+", those of its rarer senses that are a class of some
// word ("instrument" the musical one, its sixth sense); and "id parent…"
// for each synset above a word's senses (both hypernym and instance-
// hypernym pointers; a synset without one has no line). Ids number the
// synsets kept in order of their offsets, so the file is a pure function
// of the database.
func (d *db) hypernyms(vocab map[string]bool) []string {
	words, rare := make(map[string][]key), make(map[string][]int)
	keep := make(map[key]bool)
	var climb func(k key)
	climb = func(k key) {
		if keep[k] {
			return
		}
		keep[k] = true
		for _, p := range d.syn[k].ptrs {
			if isHypernym(p) {
				climb(p.to)
			}
		}
	}
	for w := range vocab {
		s, ok := d.index['n'][w]
		if !ok {
			continue
		}
		for _, off := range s.offs[:min(hypernymSenses, len(s.offs))] {
			k := key{'n', off}
			words[w] = append(words[w], k)
			climb(k)
		}
		rare[w] = s.offs[min(hypernymSenses, len(s.offs)):]
	}
	order := slices.SortedFunc(maps.Keys(keep), func(a, b key) int { return a.off - b.off })
	id := make(map[key]string, len(order))
	for i, k := range order {
		id[k] = strconv.Itoa(i)
	}
	var out []string
	for w, ks := range words {
		ids := make([]string, len(ks))
		for i, k := range ks {
			ids[i] = id[k]
		}
		var classes []string
		for _, off := range rare[w] {
			if i, ok := id[key{'n', off}]; ok {
				classes = append(classes, i)
			}
		}
		if len(classes) > 0 {
			ids = append(append(ids, "+"), classes...)
		}
		out = append(out, w+" "+strings.Join(ids, " "))
	}
	for _, k := range order {
		var parents []string
		for _, p := range d.syn[k].ptrs {
			if isHypernym(p) {
				parents = append(parents, id[p.to])
			}
		}
		if len(parents) > 0 {
			out = append(out, id[k]+" "+strings.Join(parents, " "))
		}
	}
	return out
}
