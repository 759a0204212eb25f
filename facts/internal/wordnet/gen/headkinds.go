package main

import (
	"maps"
	"slices"
	"strings"
	"unicode"
)

// ---- headkinds.txt ----

// A capitalised name of two to four words whose last word is a common noun
// names a thing of that noun's kind: "X Stadium" a place, "X Council" an
// organisation, "X Cup" neither a person nor a place. Without this, such a
// name is taken for a person's. Surnames that are also common nouns
// ("Ford", "Hall", "Park") keep a name a person's.

// headKindRoots map concepts to the kind of a name headed by a hyponym. A
// noun takes the kind of the nearest root above its first sense; at equal
// distance the earlier entry wins.
var headKindRoots = []struct {
	kind  string
	roots []root
}{
	{"place", []root{
		{"location", 1, 27167},
		{"structure", 1, 4341686}, // stadiums, bridges, towers
		{"facility", 1, 3315023},  // airports, hospitals, stations
	}},
	{"org", []root{{"organization", 1, 8008335}}},
	{"person", []root{{"person", 1, 7846}}},
	{"misc", []root{
		{"artifact", 1, 21939}, // cups, shields, vessels
		{"event", 1, 29378},    // tournaments, festivals
		{"award", 2, 6696483},  // trophies, prizes
	}},
}

// headKinds lists "word kind" for vocabulary nouns that head names of a
// kind other than a person's. A plural of people ("Rovers", "Wanderers")
// heads a team's name, an organisation's.
func (d *db) headKinds(vocab map[string]bool) ([]string, error) {
	groups := make([][]root, len(headKindRoots))
	for i, g := range headKindRoots {
		groups[i] = g.roots
	}
	roots, err := d.ranked(groups)
	if err != nil {
		return nil, err
	}
	surnames, err := d.surnames()
	if err != nil {
		return nil, err
	}
	words := slices.Sorted(maps.Keys(vocab))
	var out []string
	for _, w := range words {
		lemma := d.nounLemma(w)
		if lemma == "" || surnames[lemma] || surnames[w] {
			continue
		}
		i := d.nearestRoot(key{'n', d.index['n'][lemma].offs[0]}, roots)
		if i < 0 {
			continue
		}
		switch kind := headKindRoots[i].kind; {
		case w != lemma && (kind == "person" || d.isArtifact(lemma)):
			// Plurals of people ("Rovers") name teams; plurals of
			// things ("Systems", "Motors") name companies.
			out = append(out, w+" org")
		case kind != "person":
			out = append(out, w+" "+kind)
		}
	}
	return out, nil
}

// isArtifact reports whether the first sense of the noun lemma is a
// made thing.
func (d *db) isArtifact(lemma string) bool {
	if d.artifacts == nil {
		m, err := d.resolve('n', []root{{"artifact", 1, 21939}})
		if err != nil {
			return false
		}
		d.artifacts, d.artifactMemo = m, make(map[key]bool)
	}
	return d.under(key{'n', d.index['n'][lemma].offs[0]}, d.artifacts, d.artifactMemo)
}

// surnames are the last words of the names of WordNet's people (instances
// of person: "Henry_Ford", "Park"), lower-cased.
func (d *db) surnames() (map[string]bool, error) {
	return d.personNameParts(func(parts []string) (string, bool) { return parts[len(parts)-1], true })
}

// givenNames lists the first words of the names of WordNet's people that
// have two or more ("Henry_Ford": "henry"), lower-cased and in the
// vocabulary's alphabet: a name opening with one is a person's whatever
// its last word ("Sally Field").
func (d *db) givenNames() ([]string, error) {
	m, err := d.personNameParts(func(parts []string) (string, bool) {
		first := parts[0]
		// "St._Francis", "Pope_Gregory": abbreviations and titles lead
		// some names; only a plain capitalised word is a given name.
		if len(parts) < 2 || strings.ContainsAny(first, ".'-") || !unicode.IsUpper([]rune(first)[0]) {
			return "", false
		}
		return first, true
	})
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(m))
	for w := range m {
		out = append(out, w)
	}
	return out, nil
}

// personNameParts collects, lower-cased, the part pick chooses of each
// capitalised name of WordNet's people.
func (d *db) personNameParts(pick func(parts []string) (string, bool)) (map[string]bool, error) {
	person, err := d.resolve('n', []root{{"person", 1, 7846}})
	if err != nil {
		return nil, err
	}
	memo := make(map[key]bool)
	out := make(map[string]bool)
	for k, s := range d.syn {
		if k.pos != 'n' || !isInstance(s) || !d.under(k, person, memo) {
			continue
		}
		for _, w := range s.words {
			if !strings.ContainsFunc(w, unicode.IsUpper) {
				continue
			}
			if p, ok := pick(strings.Split(w, "_")); ok {
				out[strings.ToLower(p)] = true
			}
		}
	}
	return out, nil
}

// isInstance reports whether s is an individual: an instance of a class.
func isInstance(s *synset) bool {
	for _, p := range s.ptrs {
		if p.sym == "@i" {
			return true
		}
	}
	return false
}
