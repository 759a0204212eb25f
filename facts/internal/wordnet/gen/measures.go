package main

import "sort"

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

// measureAdjectives lists the vocabulary's adjectives one of whose two most
// frequent senses has an attribute ("=" pointer) under measureRoots: "big"
// (size), "deep" (depth), "heavy" (weight), "far" (distance), "hot"
// (temperature). "How big is …?" asks for an amount.
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
			if d.measures(key{'a', off}, roots, memo) {
				out = append(out, w)
				break
			}
		}
	}
	sort.Strings(out)
	return out, nil
}

// measures reports whether adjective synset k has an attribute under roots.
func (d *db) measures(k key, roots, memo map[key]bool) bool {
	s := d.syn[k]
	if s == nil {
		return false
	}
	for _, p := range s.ptrs {
		if p.sym == "=" && p.to.pos == 'n' && d.under(p.to, roots, memo) {
			return true
		}
	}
	return false
}
