package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// ---- units.txt ----

// An amount's unit tells what it measures: "9 billion marks" is money,
// "26 days" time and "30 kilometres" a length, whatever the sentence
// around it says. A question asking how much something cost is not
// answered by "140,000 visits a year". The list holds every WordNet noun
// one of whose senses is a unit of measurement, with the dimension of the
// first such sense, and their plurals: currencies the vocabulary lacks
// ("zlotys", "rupiah", "dong") are units as much as "dollars" are. WordNet
// files units of time and periods ("year") apart from units of
// measurement, and both are read here.

var (
	unitRoot      = []root{{"unit_of_measurement", 1, 13583724}}
	moneyUnitRoot = []root{{"monetary_unit", 1, 13604718}}
	timeUnitRoot  = []root{{"time_unit", 1, 15154774}}
	// A period ("year", "week", "decade") counts as a unit of time in a
	// noun's first sense only: "times" and "terms" name one in rarer
	// senses, where after a number they count occasions.
	timePeriodRoot = []root{{"time_period", 1, 15113229}}
)

// unitSenses is how many of a noun's most frequent senses may make it a
// unit: "mark" is a currency in its seventh. More take in nouns that are
// units only in rare uses; fewer miss currencies named by a common word.
const unitSenses = 12

// units lists "WORD DIM SENSE" (money, time or measure, and the offset of
// the synset that makes the word a unit) for every single-word
// noun lemma that names a unit and for its plurals, and for every
// two-word one whose first word is such a unit ("degree_celsius", and
// "degrees_celsius" with its first word plural): a unit's second word is
// written capitalised when it is a name ("8 degrees Celsius"), which no
// rule for lower-case unit words takes. The sense tells two names of one
// unit ("km", "kilometres") from two units of one dimension ("kroner",
// "euros"): a question that asks in one is not answered by an amount in
// the other.
func (d *db) units() ([]string, error) {
	var roots [4]map[key]bool
	for i, r := range [][]root{unitRoot, moneyUnitRoot, timeUnitRoot, timePeriodRoot} {
		m, err := d.resolve('n', r)
		if err != nil {
			return nil, err
		}
		roots[i] = m
	}
	memos := [4]map[key]bool{{}, {}, {}, {}}
	dims := make(map[string]unitSense)
	var compounds []string
	for _, w := range slices.Sorted(maps.Keys(d.index['n'])) {
		first, second, two := strings.Cut(w, "_")
		switch {
		case two && (!isSimpleWord(first) || !isSimpleWord(second)):
			continue
		case two:
			compounds = append(compounds, w)
			continue
		case !isSimpleWord(w) || d.pluralLemma(w):
			continue
		}
		if u, ok := d.unitDim(w, roots, memos); ok {
			dims[w] = u
		}
	}
	plurals := make(map[string]unitSense)
	for _, p := range slices.Sorted(maps.Keys(d.nounExc)) {
		if u, ok := dims[d.nounExc[p]]; ok && isSimpleWord(p) {
			plurals[p] = u
		}
	}
	for _, w := range slices.Sorted(maps.Keys(dims)) {
		if p := regularPlural(w); plurals[p].dim == "" {
			plurals[p] = dims[w]
		}
	}
	maps.Copy(plurals, dims) // a lemma's own sense wins over a plural's
	irregular := d.irregularPlurals()
	for _, w := range compounds {
		first, second, _ := strings.Cut(w, "_")
		if _, ok := dims[first]; !ok {
			continue
		}
		if u, ok := d.unitDim(w, roots, memos); ok {
			plurals[w] = u
			p, ok := irregular[first]
			if !ok {
				p = regularPlural(first)
			}
			plurals[p+"_"+second] = u
		}
	}
	var out []string
	for _, w := range slices.Sorted(maps.Keys(plurals)) {
		out = append(out, fmt.Sprintf("%s %s %d", w, plurals[w].dim, plurals[w].off))
	}
	return out, nil
}

// unitSense is the dimension of a unit and the synset offset of the sense
// that makes a word one.
type unitSense struct {
	dim string
	off int
}

// unitDim is the dimension of the first of noun w's unitSenses most
// frequent senses that is a unit, with that sense; ok is false when none
// is.
func (d *db) unitDim(w string, roots, memos [4]map[key]bool) (u unitSense, ok bool) {
	offs := d.index['n'][w].offs
	for i, off := range offs[:min(unitSenses, len(offs))] {
		k := key{'n', off}
		switch {
		case i == 0 && d.underVia(k, roots[3], memos[3], isClassHypernym):
			return unitSense{"time", off}, true
		case d.underVia(k, roots[1], memos[1], isClassHypernym):
			return unitSense{"money", off}, true
		case d.underVia(k, roots[2], memos[2], isClassHypernym):
			return unitSense{"time", off}, true // WordNet files units of time under measure, not unit
		case d.underVia(k, roots[0], memos[0], isClassHypernym):
			return unitSense{"measure", off}, true
		}
	}
	return unitSense{}, false
}

// irregularPlurals maps each noun base to its first irregular plural
// WordNet lists, in name order ("mouse" to "mice").
func (d *db) irregularPlurals() map[string]string {
	out := make(map[string]string)
	for _, p := range slices.Sorted(maps.Keys(d.nounExc)) {
		if b := d.nounExc[p]; out[b] == "" {
			out[b] = p
		}
	}
	return out
}

// regularPlural adds "s", or "es" after a hissing ending.
func regularPlural(w string) string {
	if strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh") {
		return w + "es"
	}
	return w + "s"
}

// pluralLemma reports whether noun lemma w is also the plural of another:
// "times" is a lemma of its own, but after a number it counts occasions,
// as the plural of "time" does.
func (d *db) pluralLemma(w string) bool {
	if b, ok := d.nounExc[w]; ok && b != w {
		return true
	}
	b, ok := strings.CutSuffix(w, "s")
	_, lemma := d.index['n'][b]
	return ok && b != "" && lemma
}

// ---- changes.txt ----

// "How much did prices rise?" asks for a change, which news gives as a
// share as often as an amount ("rose 4.1%"), though the question names
// money. The list holds the verbs and nouns of a change of magnitude:
// increase, decrease and their kinds ("rise", "fall", "cut", "growth"),
// of something or made of it.

var changeRoots = []struct {
	pos   byte
	roots []root
}{
	{'v', []root{
		{"change_magnitude", 1, 169651},
		{"increase", 2, 153263}, // make bigger: "raise", "boost"
		{"decrease", 2, 441445}, // make smaller: "cut", "reduce"
	}},
	{'n', []root{{"change_of_magnitude", 1, 351485}}},
}

// changeSenses is how many of a word's most frequent senses may make it a
// word of change: "rise" is one in its second, "cut" in its fifth or
// later. More take in words whose change is a rare use.
const changeSenses = 12

// changes lists the vocabulary's verbs and nouns one of whose most
// frequent senses is a change of magnitude.
func (d *db) changes(vocab map[string]bool) ([]string, error) {
	set := make(map[string]bool)
	for _, c := range changeRoots {
		roots, err := d.resolve(c.pos, c.roots)
		if err != nil {
			return nil, err
		}
		memo := make(map[key]bool)
		for w, s := range d.index[c.pos] {
			if !vocab[w] || strings.Contains(w, "_") {
				continue
			}
			for _, off := range s.offs[:min(changeSenses, len(s.offs))] {
				if d.underVia(key{c.pos, off}, roots, memo, isClassHypernym) {
					set[w] = true
					break
				}
			}
		}
	}
	return slices.Sorted(maps.Keys(set)), nil
}
