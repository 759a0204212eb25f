// Package wordnet holds compact lexical data derived from Princeton WordNet
// 3.0: related words, irregular base forms, place names and the kind of
// each place, demonyms, the answer type of common nouns, the kind of thing
// a capitalised name ending in a common noun names, and given names. It lets
// question answering see that "won" is "win", that a winner is related to
// winning, that "new york" is a place and a city, and that "which company"
// asks for an organization.
//
// The data are plain text files embedded in the binary. They are produced
// by ./gen from the WordNet database files (see LICENSE for the licence and
// how they were derived) and are read by Parse into a Lexicon once; a
// Lexicon is immutable, so any number of goroutines may query it.
package wordnet

//go:generate go run ./gen -dict /usr/share/wordnet

import (
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// The embedded data. They are only ever read: Load parses them, and the
// Lexicon's strings point into them instead of copying.
var (
	//go:embed related.txt
	relatedTxt string
	//go:embed exceptions.txt
	exceptionsTxt string
	//go:embed places.txt
	placesTxt string
	//go:embed placekinds.txt
	placeKindsTxt string
	//go:embed demonyms.txt
	demonymsTxt string
	//go:embed nouns.txt
	nounsTxt string
	//go:embed acronyms.txt
	acronymsTxt string
	//go:embed measures.txt
	measuresTxt string
	//go:embed verbs.txt
	verbsTxt string
	//go:embed antonyms.txt
	antonymsTxt string
	//go:embed hypernyms.txt
	hypernymsTxt string
)

// Answer types returned by NounType. They are the kinds of answer a "which
// X" or "how many X" question can ask for, so callers compare against these
// names rather than spelling the strings themselves.
const (
	Person       = "person"       // spokesman, officials, minister
	Place        = "place"        // city, country, province
	Organization = "organization" // company, army, police
	Time         = "time"         // year, month, week
	Quantity     = "quantity"     // number, amount
	Money        = "money"        // dollar, euro, money
)

// nounTypeConst returns the constant spelling typ, so a parsed Lexicon
// holds no copies of the type names, and whether typ is one of them.
func nounTypeConst(typ string) (string, bool) {
	switch typ {
	case Person:
		return Person, true
	case Place:
		return Place, true
	case Organization:
		return Organization, true
	case Time:
		return Time, true
	case Quantity:
		return Quantity, true
	case Money:
		return Money, true
	}
	return "", false
}

// Place kinds returned by PlaceKind, in the order the generator prefers
// them when a name's senses are of several kinds: "In what city" wants a
// City, "which country" a Country.
const (
	City    = "city"    // cities, towns, villages and capitals: paris, new york
	Country = "country" // nations and their territory: pakistan, france, japan
	Region  = "region"  // states, provinces, districts, areas, continents, islands: texas, europe
	Water   = "water"   // rivers, lakes, seas, oceans: nile, pacific
	Land    = "land"    // mountains, deserts, valleys and other features: everest, sahara
)

// placeKindConst returns the constant spelling kind, as nounTypeConst
// does for noun types, and whether kind is one of them.
func placeKindConst(kind string) (string, bool) {
	switch kind {
	case City:
		return City, true
	case Country:
		return Country, true
	case Region:
		return Region, true
	case Water:
		return Water, true
	case Land:
		return Land, true
	}
	return "", false
}

// Lexicon holds the WordNet-derived data, built once and read concurrently.
// The zero value and a nil *Lexicon are empty lexicons: every lookup
// reports nothing, so a caller that failed to load can still run.
type Lexicon struct {
	related  map[string][]string
	base     map[string]string
	places   map[string]string // place name -> kind, "" if none is listed
	maxPlace int
	demonym  map[string]string
	nounType map[string]string
	acronyms map[string][]string // acronym -> its phrases, each words joined by spaces
	pairs    map[string][]string // "chief executive" -> acronyms of phrases holding those words
	starts   map[string]bool     // first words of pairs' keys
	measures map[string]string   // adjective -> its attribute noun
	attrs    map[string]bool     // the attribute nouns of measures
	verbs    map[string]bool
	// leaderNoun and leaderVerb: see LeaderNoun and LeaderVerb.
	leaderNoun, leaderVerb map[string]bool
	antonyms               map[string][]string
	units                  map[string]string // noun -> UnitMoney, UnitTime or UnitMeasure
	unitSenses             map[string]int    // noun -> the synset offset of its unit sense
	changes                map[string]bool
	headKind               map[string]string // noun -> HeadPlace, HeadOrg or HeadMisc
	given                  map[string]bool
	// hypernyms is parsed from hypernymsText on first use when the
	// Lexicon came from Load: it is the largest table and most bases
	// never ask for it, while every test and process that loads the
	// knowledge would pay for parsing it (see KindOf).
	hypernyms     hypernymGraph
	hypernymsText string
	hypernymsOnce sync.Once
}

// Files holds the text of the data files in the format ./gen writes
// them, one entry per line, fields separated by single spaces:
//
//	Related     word rel1 rel2 ...   words related to word
//	Exceptions  inflected base       irregular inflection and its base form
//	Places      name of place        lower-case place name, one or more words
//	PlaceKinds  kind name of place   kind (City, ...) of a place in Places
//	Demonyms    adjective place      adjective pertaining to a listed place
//	Nouns       word type            answer type of a noun (see the constants)
//	Acronyms    acronym words ...     a phrase an all-capital WordNet lemma abbreviates
//	Measures    adjective noun       an adjective of a measure and its attribute ("deep depth")
//	Antonyms    lemma ant1 ant2 ...  the direct antonyms of a lemma ("win lose")
//	HeadKinds   word kind            the kind of a name ending in the noun (HeadKind)
//	GivenNames  word                 a word opening the names of people
//	Leaders     n|v word             a noun naming the head of a body, a verb of heading one
//	Units       word dim             a noun naming a unit and its dimension (see Unit)
//	Changes     word                 a verb or noun of a change of magnitude
//	Verbs       word                 a one-word verb lemma
//	Hypernyms   word id ...          a noun's most frequent senses, by synset id
//	            id parent ...        a synset's hypernyms (see KindOf)
//
// It exists so Parse can be tested and fuzzed on arbitrary input.
type Files struct {
	Related, Exceptions, Places, PlaceKinds, Demonyms, Nouns, Acronyms, Measures, Antonyms string
	HeadKinds, GivenNames, Leaders, Hypernyms, Units, Changes, Verbs                       string
}

// Load parses the embedded data. It takes a few milliseconds and allocates
// a few megabytes, so callers load once and share the Lexicon.
func Load() (*Lexicon, error) {
	l, err := Parse(Files{
		Related:    relatedTxt,
		Exceptions: exceptionsTxt,
		Places:     placesTxt,
		PlaceKinds: placeKindsTxt,
		Demonyms:   demonymsTxt,
		Nouns:      nounsTxt,
		Acronyms:   acronymsTxt,
		Measures:   measuresTxt,
		Antonyms:   antonymsTxt,
		HeadKinds:  headKindsTxt,
		GivenNames: givenNamesTxt,
		Leaders:    leadersTxt,
		Units:      unitsTxt,
		Changes:    changesTxt,
		Verbs:      verbsTxt,
	})
	if err != nil {
		return nil, err
	}
	// The embedded hypernyms parse when first asked for; TestLoad checks
	// that they do.
	l.hypernymsText = hypernymsTxt
	return l, nil
}

// Parse builds a Lexicon from data in the Files format. It rejects
// malformed lines (empty fields, control characters, a wrong number of
// fields, unknown noun types or place kinds, duplicate keys, kinds or
// demonyms of unlisted places) with an error naming the file and line, and
// never panics. A place without a kind line has no kind. The Lexicon
// keeps substrings of the input rather than copies.
func Parse(f Files) (*Lexicon, error) {
	l := &Lexicon{}
	var err error
	if l.related, err = parseLists("related.txt", f.Related); err != nil {
		return nil, err
	}
	if l.antonyms, err = parseLists("antonyms.txt", f.Antonyms); err != nil {
		return nil, err
	}
	l.base = make(map[string]string, countLines(f.Exceptions))
	err = eachLine("exceptions.txt", f.Exceptions, func(line string) error {
		infl, base, ok := strings.Cut(line, " ")
		if !ok || strings.Contains(base, " ") {
			return errFields
		}
		return put(l.base, infl, base)
	})
	if err != nil {
		return nil, err
	}
	l.places = make(map[string]string, countLines(f.Places))
	err = eachLine("places.txt", f.Places, func(line string) error {
		if _, dup := l.places[line]; dup {
			return errDuplicate
		}
		l.places[line] = ""
		l.maxPlace = max(l.maxPlace, strings.Count(line, " ")+1)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// The kind comes first: it is one word, the name may be several.
	err = eachLine("placekinds.txt", f.PlaceKinds, func(line string) error {
		kind, name, ok := strings.Cut(line, " ")
		if !ok {
			return errFields
		}
		k, ok := placeKindConst(kind)
		if !ok {
			return fmt.Errorf("unknown place kind %q", kind)
		}
		old, ok := l.places[name]
		if !ok {
			return fmt.Errorf("%q is not in places.txt", name)
		}
		if old != "" {
			return errDuplicate
		}
		l.places[name] = k
		return nil
	})
	if err != nil {
		return nil, err
	}
	l.demonym = make(map[string]string, countLines(f.Demonyms))
	err = eachLine("demonyms.txt", f.Demonyms, func(line string) error {
		adj, place, ok := strings.Cut(line, " ")
		if !ok {
			return errFields
		}
		if _, ok := l.places[place]; !ok {
			return fmt.Errorf("%q is not in places.txt", place)
		}
		return put(l.demonym, adj, place)
	})
	if err != nil {
		return nil, err
	}
	l.nounType = make(map[string]string, countLines(f.Nouns))
	err = eachLine("nouns.txt", f.Nouns, func(line string) error {
		word, typ, ok := strings.Cut(line, " ")
		if !ok || strings.Contains(typ, " ") {
			return errFields
		}
		t, ok := nounTypeConst(typ)
		if !ok {
			return fmt.Errorf("unknown noun type %q", typ)
		}
		return put(l.nounType, word, t)
	})
	if err != nil {
		return nil, err
	}
	if err := l.parseAcronyms(f.Acronyms); err != nil {
		return nil, err
	}
	if err := l.parseHeads(f.HeadKinds, f.GivenNames); err != nil {
		return nil, err
	}
	if err := l.parseLeaders(f.Leaders); err != nil {
		return nil, err
	}
	if err := l.parseHypernyms(f.Hypernyms); err != nil {
		return nil, err
	}
	if err := l.parseUnits(f.Units, f.Changes); err != nil {
		return nil, err
	}
	if l.verbs, err = parseWords("verbs.txt", f.Verbs); err != nil {
		return nil, err
	}
	l.measures = make(map[string]string, countLines(f.Measures))
	l.attrs = make(map[string]bool)
	err = eachLine("measures.txt", f.Measures, func(line string) error {
		adj, attr, ok := strings.Cut(line, " ")
		if !ok || adj == "" || attr == "" || strings.Contains(attr, " ") {
			return errFields
		}
		l.attrs[attr] = true
		return put(l.measures, adj, attr)
	})
	if err != nil {
		return nil, err
	}
	return l, nil
}

// Verb reports whether a lower-case word is a verb's base form ("play",
// "border"); inflected forms are not.
func (l *Lexicon) Verb(lemma string) bool {
	return l != nil && l.verbs[lemma]
}

// parseWords reads a set of words, one a line.
func parseWords(file, s string) (map[string]bool, error) {
	m := make(map[string]bool, countLines(s))
	err := eachLine(file, s, func(line string) error {
		if strings.Contains(line, " ") {
			return errFields
		}
		if m[line] {
			return errDuplicate
		}
		m[line] = true
		return nil
	})
	return m, err
}

// Measure returns the attribute an adjective of a measure names ("deep":
// depth, "far": distance); ok is false for any other word. "How deep"
// asks for an amount, and its unit is a word of the attribute's kind
// ("metres", not "tonnes").
func (l *Lexicon) Measure(adj string) (attr string, ok bool) {
	if l == nil {
		return "", false
	}
	attr, ok = l.measures[adj]
	return attr, ok
}

// Attribute reports whether a lower-case noun is the attribute of an
// adjective of a measure ("depth", "weight"): "at a depth of 38
// kilometres" gives the amount as that attribute.
func (l *Lexicon) Attribute(noun string) bool {
	return l != nil && l.attrs[noun]
}

// parseAcronyms fills l.acronyms; an acronym may stand for several phrases
// ("AI": artificial intelligence, artificial insemination), one a line.
func (l *Lexicon) parseAcronyms(s string) error {
	l.acronyms = make(map[string][]string)
	return eachLine("acronyms.txt", s, func(line string) error {
		acr, phrase, ok := strings.Cut(line, " ")
		if !ok || !strings.Contains(phrase, " ") {
			return errFields
		}
		if slices.Contains(l.acronyms[acr], phrase) {
			return errDuplicate
		}
		l.acronyms[acr] = append(l.acronyms[acr], phrase)
		l.addPairs(acr, phrase)
		return nil
	})
}

// addPairs indexes an acronym's phrase by its content words, so a text
// that writes the phrase out is known to mention the acronym. A title of
// three words whose last names a kind of person ("chief executive
// officer") is also indexed by each two neighbouring words: news writes
// "Chief Executive Ann Lee". Other phrases must appear whole: "United
// States" is not the United States Navy, nor "North Atlantic" the North
// Atlantic Council.
func (l *Lexicon) addPairs(acr, phrase string) {
	if l.pairs == nil {
		l.pairs = make(map[string][]string)
	}
	var words []string
	for w := range strings.FieldsSeq(phrase) {
		if !FunctionWord(w) {
			words = append(words, w)
		}
	}
	keys := []string{strings.Join(words, " ")}
	if len(words) == 3 && l.nounType[words[2]] == Person {
		keys = append(keys, words[0]+" "+words[1], words[1]+" "+words[2])
	}
	for _, k := range keys {
		if !slices.Contains(l.pairs[k], acr) {
			l.pairs[k] = append(l.pairs[k], acr)
		}
		if l.starts == nil {
			l.starts = make(map[string]bool)
		}
		first, _, _ := strings.Cut(k, " ")
		l.starts[first] = true
	}
}

// StartsAbbreviated reports whether w is the first word of some phrase
// Abbreviated knows, so a caller can skip building look-up keys for the
// many words that start none.
func (l *Lexicon) StartsAbbreviated(w string) bool {
	return l != nil && l.starts[w]
}

// FunctionWord reports the words an acronym's letters usually skip ("of"
// in "Federal Bureau of Investigation"); they are skipped when pairing the
// words of a phrase.
func FunctionWord(w string) bool {
	switch w {
	case "of", "the", "and", "for", "in", "on", "to", "a", "an", "at", "by":
		return true
	}
	return false
}

// Abbreviated returns the acronyms whose phrase is words, function words
// left out, or, for a title, two neighbouring words of it ("chief
// executive" → "ceo"); words are lower case, joined by spaces.
func (l *Lexicon) Abbreviated(words string) []string {
	if l == nil {
		return nil
	}
	return l.pairs[words]
}

// Expansions returns the phrases a lower-case acronym stands for ("ceo" →
// "chief executive officer"), each as words joined by single spaces. The
// caller decides whether a word is an acronym at all: "who" and "us" are
// listed for the World Health Organization and the United States.
func (l *Lexicon) Expansions(acronym string) []string {
	if l == nil {
		return nil
	}
	return l.acronyms[acronym]
}

// parseLists reads "key word word ..." lines into a map. All lists share
// one backing array, each capped at its own length so no caller's append
// can reach the next.
func parseLists(file, s string) (map[string][]string, error) {
	out := make(map[string][]string, countLines(s))
	backing := make([]string, 0, strings.Count(s, " "))
	err := eachLine(file, s, func(line string) error {
		word, rest, ok := strings.Cut(line, " ")
		if !ok {
			return errFields
		}
		if _, dup := out[word]; dup {
			return errDuplicate
		}
		start := len(backing)
		for rest != "" {
			var w string
			w, rest, _ = strings.Cut(rest, " ")
			backing = append(backing, w)
		}
		out[word] = backing[start:len(backing):len(backing)]
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

var (
	errFields    = errors.New("wrong number of fields")
	errDuplicate = errors.New("duplicate entry")
)

// put adds k -> v to m, refusing a second entry for k: the generator writes
// one line per key, so a repeat means the data are not what it wrote.
func put(m map[string]string, k, v string) error {
	if _, dup := m[k]; dup {
		return errDuplicate
	}
	m[k] = v
	return nil
}

// countLines sizes maps; it may overcount by one, never undercount.
func countLines(s string) int { return strings.Count(s, "\n") + 1 }

// eachLine calls fn for every line of s after checking that its fields are
// non-empty and separated by single spaces. A final newline is optional.
func eachLine(name, s string, fn func(line string) error) error {
	for n := 1; s != ""; n++ {
		var line string
		line, s, _ = strings.Cut(s, "\n")
		if err := checkLine(line); err != nil {
			return fmt.Errorf("wordnet: %s:%d: %w", name, n, err)
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("wordnet: %s:%d: %w", name, n, err)
		}
	}
	return nil
}

// checkLine rejects empty lines, empty fields and control characters.
func checkLine(line string) error {
	if line == "" {
		return errors.New("empty line")
	}
	if line[0] == ' ' || line[len(line)-1] == ' ' || strings.Contains(line, "  ") {
		return errors.New("empty field")
	}
	for i := 0; i < len(line); i++ {
		if c := line[i]; c < ' ' || c == 0x7f {
			return fmt.Errorf("control character %#x", c)
		}
	}
	return nil
}

// Related returns the words WordNet relates to word: synonyms and
// derivationally related forms of its two most frequent senses in each part
// of speech ("win" gives "winner", "winning", "gain", ...), sorted, at most
// twelve, all common English words. word is a lower-case base form; the
// result is nil if there are none. The slice is shared: do not modify it.
func (l *Lexicon) Related(word string) []string {
	if l == nil {
		return nil
	}
	return l.related[word]
}

// RelatedForm is Related of word or, when word has no relations of its
// own, of the base form it is a regular inflection of: "defeating" gives
// what "defeat" does, "scrapped" what "scrap" does, "cancelled" what
// "cancel" does. It strips the endings WordNet's morphy strips (plural and
// third-person "s", "es", "ies"; "ed", "ing", each with or without a final
// "e"; "er", "est") and a doubled final consonant, and takes the first
// base with relations. Irregular forms are Base's.
func (l *Lexicon) RelatedForm(word string) []string {
	if r := l.Related(word); r != nil || l == nil {
		return r
	}
	for _, b := range inflectionBases(word) {
		if r := l.related[b]; r != nil {
			return r
		}
	}
	return nil
}

// inflectionEndings are morphy's detachment rules: an ending and what
// replaces it, tried in this order.
var inflectionEndings = [...][2]string{
	{"ies", "y"}, {"es", "e"}, {"es", ""}, {"s", ""},
	{"ied", "y"}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""},
	{"er", ""}, {"er", "e"}, {"est", ""}, {"est", "e"},
}

// minBase is the shortest base an ending is stripped to: shorter ones
// ("s" of "sing") are more often another word than the base.
const minBase = 3

// inflectionBases lists the bases word may be a regular inflection of,
// most likely first: "scrapped" gives "scrappe", "scrapp", "scrap".
func inflectionBases(word string) []string {
	var out []string
	for _, e := range inflectionEndings {
		stem, ok := strings.CutSuffix(word, e[0])
		if !ok || len(stem) < minBase {
			continue
		}
		out = append(out, stem+e[1])
		if n := len(stem); e[1] == "" && stem[n-1] == stem[n-2] && !strings.ContainsRune("aeiou", rune(stem[n-1])) {
			out = append(out, stem[:n-1]) // "scrapped", "grabbed"
		}
	}
	return out
}

// Base returns the base form of an irregular inflection from WordNet's
// exception lists: "went" gives "go", "children" "child", "mice" "mouse".
// Regular inflections ("walked") are not listed; word is lower case.
func (l *Lexicon) Base(word string) (string, bool) {
	if l == nil {
		return "", false
	}
	b, ok := l.base[word]
	return b, ok
}

// IsPlace reports whether name is a geographical place: a city, country,
// state, region, continent, island, river, mountain, sea, and so on. name is
// lower case with words separated by single spaces ("new york"), which is
// how places are stored; hyphens, periods and upper case are also accepted
// and read as separators and lower case ("Winston-Salem", "st. louis").
// Names that are also ordinary words ("reading", "nice") are not places.
func (l *Lexicon) IsPlace(name string) bool {
	_, ok := l.place(name)
	return ok
}

// PlaceKind returns what kind of place name is: City, Country, Region,
// Water or Land, or "" if name is not a place (see IsPlace, which accepts
// the same spellings). A name that several places share has the kind of
// the most frequent one in WordNet ("new york" is a city, "georgia" the
// American state, a Region), or, where WordNet cannot tell which is more
// frequent, the first kind in the order of the constants ("kuwait" is the
// City, "jordan" the Country rather than the river). A country is
// preferred to the island it occupies, so "japan" is a Country.
func (l *Lexicon) PlaceKind(name string) string {
	kind, _ := l.place(name)
	return kind
}

// place looks name up as IsPlace describes and returns its kind.
func (l *Lexicon) place(name string) (kind string, ok bool) {
	if l == nil {
		return "", false
	}
	if kind, ok := l.places[name]; ok {
		return kind, true
	}
	norm, changed := normalizeName(name)
	if !changed {
		return "", false
	}
	kind, ok = l.places[norm]
	return kind, ok
}

// normalizeName lower-cases ASCII letters and turns runs of spaces,
// hyphens, periods, underscores and other ASCII whitespace into one space,
// trimming the ends. It reports whether that changed name, allocating only
// when it did.
func normalizeName(name string) (string, bool) {
	clean := true
	prevSpace := true
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'A' && c <= 'Z', isSeparator(c) && c != ' ':
			clean = false
		case c == ' ':
			if prevSpace {
				clean = false
			}
		}
		prevSpace = c == ' '
	}
	if clean && !prevSpace {
		return name, false
	}
	var b strings.Builder
	b.Grow(len(name))
	pending := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		if isSeparator(c) {
			pending = b.Len() > 0
			continue
		}
		if pending {
			b.WriteByte(' ')
			pending = false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String(), true
}

func isSeparator(c byte) bool {
	switch c {
	case ' ', '-', '.', '_', '\t', '\n', '\r', '\v', '\f':
		return true
	}
	return false
}

// MaxPlaceWords returns the number of words in the longest place name, the
// longest n-gram worth looking up with IsPlace.
func (l *Lexicon) MaxPlaceWords() int {
	if l == nil {
		return 0
	}
	return l.maxPlace
}

// Demonym returns the place a lower-case adjective pertains to, as listed by
// IsPlace: "french" gives "france", "pakistani" "pakistan". Adjectives that
// are also ordinary words ("roman", "attic") are not listed.
func (l *Lexicon) Demonym(adj string) (string, bool) {
	if l == nil {
		return "", false
	}
	p, ok := l.demonym[adj]
	return p, ok
}

// NounType returns the answer type of a lower-case noun, judged by its most
// frequent WordNet sense: one of Person, Place, Organization, Time, Quantity
// and Money. "city" is a place, "spokesman" and "officials" are persons,
// "company" an organization, "year" a time. Most nouns have no type.
func (l *Lexicon) NounType(word string) (string, bool) {
	if l == nil {
		return "", false
	}
	t, ok := l.nounType[word]
	return t, ok
}
