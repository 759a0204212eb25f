package main

import (
	"sort"
	"strings"
)

// measureRoots are the noun concepts an adjective's attribute must fall
// under for "how ADJ" to ask for an amount: size and other magnitudes,
// weight and other physical properties, speed and other temporal
// properties, measures such as temperature, distances and stature.
var measureRoots = []root{
	{"magnitude", 1, 5090441},
	{"physical_property", 1, 5009170},
	{"temporal_property", 1, 5044528},
	{"measure", 2, 33615},
	{"distance", 1, 5084201},
	{"bodily_property", 1, 4997988},
}

// measureAdjectives lists "ADJ NOUN" for the vocabulary's adjectives one of
// whose two most frequent senses has an attribute ("=" pointer) under
// measureRoots, with the attribute's first word: "big size", "deep depth",
// "heavy weight", "far distance", "hot temperature". "How big is …?" asks
// for an amount, and the amount's unit is a word of its attribute's kind.
func (d *db) measureAdjectives(vocab map[string]bool) ([]string, error) {
	roots, err := d.resolve('n', measureRoots)
	if err != nil {
		return nil, err
	}
	memo := make(map[key]bool)
	var out []string
	for w, s := range d.index['a'] {
		if !vocab[w] {
			continue
		}
		for _, off := range s.offs[:min(2, len(s.offs))] {
			if attr, ok := d.measures(key{'a', off}, roots, memo); ok {
				out = append(out, w+" "+attr)
				break
			}
		}
	}
	sort.Strings(out)
	return out, nil
}

// measures returns the first word of adjective synset k's first attribute
// under roots, lower case; ok is false when it has none, or none of one
// word.
func (d *db) measures(k key, roots, memo map[key]bool) (attr string, ok bool) {
	s := d.syn[k]
	if s == nil {
		return "", false
	}
	for _, p := range s.ptrs {
		if p.sym != "=" || p.to.pos != 'n' || !d.under(p.to, roots, memo) {
			continue
		}
		if n := d.syn[p.to]; n != nil && len(n.words) > 0 && !strings.Contains(n.words[0], "_") {
			return strings.ToLower(n.words[0]), true
		}
	}
	return "", false
}
