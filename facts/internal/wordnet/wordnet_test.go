package wordnet

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
)

func load(t testing.TB) *Lexicon {
	t.Helper()
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestLoadSizes(t *testing.T) {
	l := load(t)
	for _, c := range []struct {
		name string
		n    int
		min  int
	}{
		{"related", len(l.related), 20000},
		{"exceptions", len(l.base), 5000},
		{"places", len(l.places), 4000},
		{"place kinds", countLines(placeKindsTxt) - 1, 4000},
		{"demonyms", len(l.demonym), 250},
		{"nouns", len(l.nounType), 8000},
		{"antonyms", len(l.antonyms), 3000},
		{"verbs", len(l.verbs), 5000},
	} {
		if c.n < c.min {
			t.Errorf("%s: %d entries, want at least %d", c.name, c.n, c.min)
		}
	}
	total := len(relatedTxt) + len(exceptionsTxt) + len(placesTxt) + len(placeKindsTxt) + len(demonymsTxt) + len(nounsTxt)
	if total > 3<<20 {
		t.Errorf("embedded data is %d bytes, want under 3 MiB", total)
	}
}

// TestEmbeddedSorted checks the files are as the generator writes them:
// sorted, without repeated lines, relations sorted within each line.
func TestEmbeddedSorted(t *testing.T) {
	for name, s := range map[string]string{
		"related.txt": relatedTxt, "exceptions.txt": exceptionsTxt,
		"places.txt": placesTxt, "placekinds.txt": placeKindsTxt,
		"demonyms.txt": demonymsTxt, "nouns.txt": nounsTxt,
		"antonyms.txt": antonymsTxt, "units.txt": unitsTxt, "changes.txt": changesTxt,
	} {
		if !strings.HasSuffix(s, "\n") {
			t.Errorf("%s does not end in a newline", name)
		}
		lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
		if !sort.StringsAreSorted(lines) || len(slices.Compact(slices.Clone(lines))) != len(lines) {
			t.Errorf("%s is not sorted and distinct", name)
		}
	}
	for _, line := range strings.Split(strings.TrimSuffix(relatedTxt, "\n"), "\n") {
		f := strings.Fields(line)
		rel := f[1:]
		if !sort.StringsAreSorted(rel) || len(rel) > 12 || slices.Contains(rel, f[0]) {
			t.Errorf("related.txt line %q: want at most 12 sorted relations, not the word itself", line)
		}
	}
}

// TestAntonyms checks opposites in the embedded data are found from
// inflected forms and hold both ways.
func TestAntonyms(t *testing.T) {
	l := load(t)
	for _, c := range []struct{ word, want string }{
		{"won", "lose"}, {"losing", "win"}, {"largest", "small"}, {"increased", "decrease"},
		{"began", "end"}, {"first", "last"}, {"higher", "low"},
	} {
		if got := l.Antonyms(c.word); !slices.Contains(got, c.want) {
			t.Errorf("Antonyms(%q) = %v, want it to hold %q", c.word, got, c.want)
		}
	}
	for lemma, ants := range l.antonyms {
		for _, a := range ants {
			if !slices.Contains(l.antonyms[a], lemma) {
				t.Errorf("%q is an antonym of %q but not the other way round", a, lemma)
			}
		}
	}
}

func TestRelated(t *testing.T) {
	l := load(t)
	for _, c := range []struct {
		word string
		want []string // each must be present
	}{
		{"win", []string{"winner", "winning", "gain"}},
		{"marry", []string{"marriage", "wed"}},
		{"kill", []string{"killer", "killing", "die", "perish"}}, // what killing causes
		{"lift", []string{"raise", "rise"}},
		{"lower", []string{"fall"}},
		{"arrest", []string{"apprehend", "apprehension", "collar", "nab"}},
		{"vote", []string{"ballot", "voter", "voting"}},
		{"elect", []string{"election", "elector"}},
		{"die", []string{"death", "perish", "decease"}},
		{"injure", []string{"injury", "hurt", "wound"}},
		{"announce", []string{"announcement", "declare"}},
		{"lead", []string{"leader", "guide"}},
		{"rise", []string{"ascent", "rising"}},
		{"price", []string{"cost", "pricing"}},
		{"city", []string{"metropolis"}},
		{"winner", []string{"win"}},
		{"marriage", []string{"marry"}},
	} {
		got := l.Related(c.word)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("Related(%q) = %v, want it to include %q", c.word, got, w)
			}
		}
	}
	for _, w := range []string{"", "the", "xyzzy", "Win", "new york"} {
		if got := l.Related(w); got != nil {
			t.Errorf("Related(%q) = %v, want nil", w, got)
		}
	}
}

func TestRelatedForm(t *testing.T) {
	l := load(t)
	for _, c := range []struct{ word, base string }{
		{"defeating", "defeat"},
		{"scrapped", "scrap"},
		{"injured", "injure"},
		{"elections", "election"},
		{"rallied", "rally"},
		{"grabbed", "grab"},
		{"rallies", "rally"},
		{"win", "win"},
	} {
		got, want := l.RelatedForm(c.word), l.Related(c.base)
		if want == nil || !slices.Equal(got, want) {
			t.Errorf("RelatedForm(%q) = %v, want Related(%q) = %v", c.word, got, c.base, want)
		}
	}
	for _, w := range []string{"", "xyzzying", "ss", "ing"} {
		if got := l.RelatedForm(w); got != nil {
			t.Errorf("RelatedForm(%q) = %v, want nil", w, got)
		}
	}
}

// TestRelatedShared checks that appending to one result cannot overwrite
// another word's relations, though they share a backing array.
func TestRelatedShared(t *testing.T) {
	l := load(t)
	a := l.Related("win")
	before := slices.Clone(l.Related(l.nextRelatedKey("win")))
	_ = append(a, "oops")
	if after := l.Related(l.nextRelatedKey("win")); !slices.Equal(before, after) {
		t.Errorf("append to Related(win) changed the next entry: %v -> %v", before, after)
	}
}

// nextRelatedKey returns the related.txt key after word, whose list follows
// word's in the backing array.
func (l *Lexicon) nextRelatedKey(word string) string {
	_, rest, _ := strings.Cut(relatedTxt, "\n"+word+" ")
	_, rest, _ = strings.Cut(rest, "\n")
	k, _, _ := strings.Cut(rest, " ")
	return k
}

func TestNoun(t *testing.T) {
	l := load(t)
	for _, c := range []struct {
		word string
		want bool
	}{
		{"step", true}, {"steps", true}, {"children", true}, {"agency", true},
		{"legal", false}, {"famous", false}, {"political", false}, {"", false},
	} {
		if got := l.Noun(c.word); got != c.want {
			t.Errorf("Noun(%q) = %v, want %v", c.word, got, c.want)
		}
	}
	var nilLex *Lexicon
	if nilLex.Noun("step") {
		t.Error("a nil lexicon knows a noun")
	}
}

func TestBase(t *testing.T) {
	l := load(t)
	for _, c := range []struct{ word, base string }{
		{"went", "go"}, {"children", "child"}, {"mice", "mouse"}, {"was", "be"},
		{"won", "win"}, {"led", "lead"}, {"rose", "rise"}, {"men", "man"},
		{"better", "good"}, {"feet", "foot"},
	} {
		if got, ok := l.Base(c.word); !ok || got != c.base {
			t.Errorf("Base(%q) = %q, %v, want %q", c.word, got, ok, c.base)
		}
	}
	for _, w := range []string{"", "walked", "go", "is is", "cities"} {
		if got, ok := l.Base(w); ok {
			t.Errorf("Base(%q) = %q, want none", w, got)
		}
	}
}

func TestIsPlace(t *testing.T) {
	l := load(t)
	for _, c := range []struct {
		name string
		want bool
	}{
		{"brussels", true},
		{"pakistan", true},
		{"new york", true},
		{"texas", true},
		{"nile", true},
		{"china", true}, // also porcelain, but the country is its first sense
		{"japan", true},
		{"europe", true},
		{"mount everest", true},
		{"united states", true},
		{"st louis", true},
		{"St. Louis", true}, // normalised
		{"Winston-Salem", true},
		{" new  york ", true},
		{"New York", true},
		{"the", false},
		{"report", false},
		{"vote", false},
		{"reading", false}, // a town, but mostly an ordinary word
		{"nice", false},
		{"split", false},
		{"turkey", false}, // the bird is the first sense
		{"us", false},
		{"uk", true},
		{"u s", true}, // "U.S." as a tokenizer splits it
		{"de", false}, // Delaware, but mostly "Charles de Gaulle"
		{"al", false},
		{"north", false},
		{"new", false},
		{"york new", false},
		{"", false},
		{" ", false},
		{"-", false},
	} {
		if got := l.IsPlace(c.name); got != c.want {
			t.Errorf("IsPlace(%q) = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestPlaceKind(t *testing.T) {
	l := load(t)
	for _, c := range []struct{ name, kind string }{
		{"brussels", City},
		{"paris", City},
		{"new york", City}, // the city is more frequent than the state
		{"New York", City}, // normalised as by IsPlace
		{"St. Louis", City},
		{"washington", City},
		{"baghdad", City},
		{"pakistan", Country},
		{"france", Country},
		{"china", Country},
		{"united states", Country},
		{"u s", Country},
		{"japan", Country},  // before the archipelago it occupies
		{"jordan", Country}, // the river comes first, but neither is tagged
		{"texas", Region},
		{"europe", Region},
		{"bavaria", Region},
		{"sicily", Region},
		{"georgia", Region}, // the American state is more frequent than the country
		{"bermuda", Region},
		{"nile", Water},
		{"pacific", Water},
		{"dead sea", Water},
		{"everest", Land},
		{"mount everest", Land},
		{"alps", Land},
		{"sahara", Land},
		{"", ""},
		{"report", ""},
		{"turkey", ""}, // not a place at all
		{"xyzzy", ""},
	} {
		if got := l.PlaceKind(c.name); got != c.kind {
			t.Errorf("PlaceKind(%q) = %q, want %q", c.name, got, c.kind)
		}
	}
}

// TestPlaceKindsComplete checks that the generator gave every place a kind
// and that each kind is used.
func TestPlaceKindsComplete(t *testing.T) {
	l := load(t)
	count := make(map[string]int)
	for p, kind := range l.places {
		if kind == "" {
			t.Errorf("place %q has no kind", p)
		}
		count[kind]++
	}
	for _, kind := range []string{City, Country, Region, Water, Land} {
		if count[kind] < 100 {
			t.Errorf("%d places of kind %q, want at least 100", count[kind], kind)
		}
	}
}

func TestMaxPlaceWords(t *testing.T) {
	l := load(t)
	n := l.MaxPlaceWords()
	if n < 3 || n > 10 {
		t.Fatalf("MaxPlaceWords() = %d, want 3..10", n)
	}
	longest := 0
	for p := range l.places {
		longest = max(longest, len(strings.Fields(p)))
	}
	if longest != n {
		t.Errorf("MaxPlaceWords() = %d, longest place has %d words", n, longest)
	}
}

func TestDemonym(t *testing.T) {
	l := load(t)
	for _, c := range []struct{ adj, place string }{
		{"pakistani", "pakistan"}, {"french", "france"}, {"european", "europe"},
		{"chinese", "china"}, {"iraqi", "iraq"}, {"texan", "texas"},
		{"british", "great britain"},
	} {
		if got, ok := l.Demonym(c.adj); !ok || got != c.place {
			t.Errorf("Demonym(%q) = %q, %v, want %q", c.adj, got, ok, c.place)
		}
		if !l.IsPlace(c.place) {
			t.Errorf("Demonym(%q) = %q is not a place", c.adj, c.place)
		}
	}
	for _, w := range []string{"", "big", "roman", "attic", "wilsonian", "france"} {
		if got, ok := l.Demonym(w); ok {
			t.Errorf("Demonym(%q) = %q, want none", w, got)
		}
	}
}

func TestNounType(t *testing.T) {
	l := load(t)
	for _, c := range []struct{ word, typ string }{
		{"city", Place}, {"cities", Place}, {"town", Place}, {"country", Place},
		{"province", Place},
		{"company", Organization}, {"army", Organization}, {"police", Organization},
		{"spokesman", Person}, {"official", Person}, {"officials", Person},
		{"minister", Person}, {"president", Person}, {"soldiers", Person},
		{"year", Time}, {"years", Time}, {"month", Time}, {"week", Time},
		{"dollar", Money}, {"euro", Money}, {"money", Money},
		{"number", Quantity},
	} {
		if got, ok := l.NounType(c.word); !ok || got != c.typ {
			t.Errorf("NounType(%q) = %q, %v, want %q", c.word, got, ok, c.typ)
		}
	}
	for _, w := range []string{"", "the", "report", "run", "City"} {
		if got, ok := l.NounType(w); ok {
			t.Errorf("NounType(%q) = %q, want none", w, got)
		}
	}
}

// TestNil checks that a nil or zero Lexicon answers nothing instead of
// panicking, so callers that failed to load degrade gracefully.
func TestNil(t *testing.T) {
	for _, l := range []*Lexicon{nil, {}} {
		if l.Related("win") != nil || l.IsPlace("texas") || l.PlaceKind("texas") != "" || l.MaxPlaceWords() != 0 {
			t.Error("empty lexicon found something")
		}
		if _, ok := l.Base("went"); ok {
			t.Error("empty lexicon has a base")
		}
		if _, ok := l.Demonym("french"); ok {
			t.Error("empty lexicon has a demonym")
		}
		if _, ok := l.NounType("city"); ok {
			t.Error("empty lexicon has a noun type")
		}
	}
}

func TestParse(t *testing.T) {
	l, err := Parse(Files{
		Related:    "win gain winner\nwinner win",
		Exceptions: "went go\n",
		Places:     "new york\ntexas\nlower saxony land\n",
		PlaceKinds: "city new york\nregion texas",
		Demonyms:   "texan texas\n",
		Nouns:      "city place\nyear time\n",
		Acronyms:   "ai artificial intelligence\nai army intelligence\nceo chief executive officer\n",
		Measures:   "big size\ndeep depth\n",
		Antonyms:   "win lose\nlose win\nlarge small\nsmall large\n",
		Units:      "zloty money 1\nzlotys money 1\nday time 2\ntonne measure 3\n",
		Changes:    "rise\ncut\n",
		Verbs:      "play\nborder\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]bool{"play": true, "border": true, "plays": false, "city": false} {
		if got := l.Verb(w); got != want {
			t.Errorf("Verb(%q) = %v, want %v", w, got, want)
		}
	}
	for w, want := range map[string]string{"zlotys": UnitMoney, "day": UnitTime, "tonne": UnitMeasure, "city": ""} {
		if got, ok := l.Unit(w); got != want || ok != (want != "") {
			t.Errorf("Unit(%q) = %q, %v, want %q", w, got, ok, want)
		}
	}
	if got := l.ChangeWords(); len(got) != 2 || !slices.Contains(got, "rise") || !slices.Contains(got, "cut") {
		t.Errorf("ChangeWords() = %q, want rise and cut", got)
	}
	for _, tc := range []struct{ word, want string }{
		{"win", "lose"}, {"wins", "lose"}, {"winning", "lose"}, {"largest", "small"},
		{"smaller", "large"}, {"lost", ""}, {"cat", ""}, {"", ""}, {"s", ""},
	} {
		if got := strings.Join(l.Antonyms(tc.word), " "); got != tc.want {
			t.Errorf("Antonyms(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
	if got := l.Related("win"); !slices.Equal(got, []string{"gain", "winner"}) {
		t.Errorf("Related(win) = %v", got)
	}
	if got := l.Related("winner"); !slices.Equal(got, []string{"win"}) {
		t.Errorf("Related(winner) = %v", got)
	}
	if b, _ := l.Base("went"); b != "go" {
		t.Errorf("Base(went) = %q", b)
	}
	if !l.IsPlace("new york") || l.MaxPlaceWords() != 3 {
		t.Errorf("IsPlace(new york) = %v, MaxPlaceWords() = %d", l.IsPlace("new york"), l.MaxPlaceWords())
	}
	for name, kind := range map[string]string{"new york": City, "New-York": City, "texas": Region, "lower saxony land": "", "ohio": ""} {
		if got := l.PlaceKind(name); got != kind {
			t.Errorf("PlaceKind(%q) = %q, want %q", name, got, kind)
		}
	}
	if p, _ := l.Demonym("texan"); p != "texas" {
		t.Errorf("Demonym(texan) = %q", p)
	}
	if typ, _ := l.NounType("year"); typ != Time {
		t.Errorf("NounType(year) = %q", typ)
	}
	if got := l.Expansions("ai"); !slices.Equal(got, []string{"artificial intelligence", "army intelligence"}) {
		t.Errorf("Expansions(ai) = %q", got)
	}
	if !l.StartsAbbreviated("chief") || l.StartsAbbreviated("officer") {
		t.Errorf("StartsAbbreviated(chief) = %v, (officer) = %v", l.StartsAbbreviated("chief"), l.StartsAbbreviated("officer"))
	}
	if attr, ok := l.Measure("deep"); attr != "depth" || !ok {
		t.Errorf("Measure(deep) = %q, %v, want depth", attr, ok)
	}
	if attr, ok := l.Measure("city"); ok {
		t.Errorf("Measure(city) = %q, want none", attr)
	}
	if !l.Attribute("depth") || l.Attribute("deep") || l.Attribute("city") {
		t.Errorf("Attribute(depth) = %v, (deep) = %v, (city) = %v, want true, false, false", l.Attribute("depth"), l.Attribute("deep"), l.Attribute("city"))
	}
	if got := l.Expansions("CEO"); got != nil {
		t.Errorf("Expansions(CEO) = %q, want nothing: keys are lower case", got)
	}

	empty, err := Parse(Files{})
	if err != nil || empty.MaxPlaceWords() != 0 || empty.Related("win") != nil {
		t.Errorf("Parse(empty) = %v, %v", empty, err)
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		name  string
		files Files
		want  string // in the error message
	}{
		{"related without relations", Files{Related: "win\n"}, "related.txt:1: wrong number of fields"},
		{"related duplicate", Files{Related: "win gain\nwin victory\n"}, "related.txt:2: duplicate"},
		{"blank line", Files{Related: "win gain\n\nwed marry\n"}, "related.txt:2: empty line"},
		{"double space", Files{Related: "win  gain\n"}, "empty field"},
		{"trailing space", Files{Exceptions: "went go \n"}, "empty field"},
		{"leading space", Files{Places: " texas\n"}, "empty field"},
		{"crlf", Files{Places: "texas\r\n"}, "control character"},
		{"tab", Files{Nouns: "city\tplace\n"}, "control character"},
		{"hypernym without senses", Files{Hypernyms: "copper\n"}, "hypernyms.txt:1: wrong number of fields"},
		{"hypernym bad id", Files{Hypernyms: "copper x\n"}, `hypernyms.txt:1: bad synset id "x"`},
		{"hypernym huge id", Files{Hypernyms: "copper 9999999\n"}, `bad synset id "9999999"`},
		{"hypernym negative id", Files{Hypernyms: "5 -1\n"}, `bad synset id "-1"`},
		{"hypernym duplicate word", Files{Hypernyms: "copper 1\ncopper 2\n"}, "hypernyms.txt:2: duplicate"},
		{"hypernym duplicate synset", Files{Hypernyms: "1 2\n1 3\n"}, "hypernyms.txt:2: duplicate"},
		{"leader of no part of speech", Files{Leaders: "x governor\n"}, "leaders.txt:1: wrong number of fields"},
		{"leader duplicate", Files{Leaders: "n governor\nn governor\n"}, "leaders.txt:2: duplicate"},
		{"verb fields", Files{Verbs: "play ball\n"}, "verbs.txt:1: wrong number of fields"},
		{"verb duplicate", Files{Verbs: "play\nplay\n"}, "verbs.txt:2: duplicate"},
		{"exception fields", Files{Exceptions: "went go going\n"}, "exceptions.txt:1: wrong number of fields"},
		{"exception one field", Files{Exceptions: "went\n"}, "wrong number of fields"},
		{"exception duplicate", Files{Exceptions: "went go\nwent walk\n"}, "duplicate"},
		{"place duplicate", Files{Places: "texas\ntexas\n"}, "places.txt:2: duplicate"},
		{"place kind", Files{Places: "texas\n", PlaceKinds: "state texas\n"}, `placekinds.txt:1: unknown place kind "state"`},
		{"place kind case", Files{Places: "texas\n", PlaceKinds: "Region texas\n"}, `placekinds.txt:1: unknown place kind "Region"`},
		{"place kind one field", Files{Places: "texas\n", PlaceKinds: "region\n"}, "placekinds.txt:1: wrong number of fields"},
		{"place kind of no place", Files{Places: "texas\n", PlaceKinds: "region texas\ncity paris\n"}, `placekinds.txt:2: "paris" is not in places.txt`},
		{"place kind unnormalised", Files{Places: "new york\n", PlaceKinds: "city New York\n"}, `placekinds.txt:1: "New York" is not in places.txt`},
		{"place kind duplicate", Files{Places: "texas\n", PlaceKinds: "region texas\nland texas\n"}, "placekinds.txt:2: duplicate"},
		{"place kind tab", Files{Places: "texas\n", PlaceKinds: "region\ttexas\n"}, "placekinds.txt:1: control character"},
		{"demonym of no place", Files{Places: "texas\n", Demonyms: "french france\n"}, `demonyms.txt:1: "france" is not in places.txt`},
		{"head kind", Files{HeadKinds: "stadium venue\n"}, `headkinds.txt:1: unknown head kind "venue"`},
		{"head kind duplicate", Files{HeadKinds: "cup misc\ncup place\n"}, "headkinds.txt:2: duplicate"},
		{"given name fields", Files{GivenNames: "mary ann\n"}, "givennames.txt:1: wrong number of fields"},
		{"given name duplicate", Files{GivenNames: "mary\nmary\n"}, "givennames.txt:2: duplicate"},
		{"demonym one field", Files{Demonyms: "french\n"}, "wrong number of fields"},
		{"noun type", Files{Nouns: "city town\n"}, `unknown noun type "town"`},
		{"noun fields", Files{Nouns: "city place extra\n"}, "wrong number of fields"},
		{"acronym of one word", Files{Acronyms: "eu union\n"}, "acronyms.txt:1: wrong number of fields"},
		{"acronym duplicate", Files{Acronyms: "eu european union\neu european union\n"}, "acronyms.txt:2: duplicate"},
		{"measure fields", Files{Measures: "big\n"}, "measures.txt:1: wrong number of fields"},
		{"measure duplicate", Files{Measures: "big size\nbig bulk\n"}, "measures.txt:2: duplicate"},
		{"antonym fields", Files{Antonyms: "win\n"}, "antonyms.txt:1: wrong number of fields"},
		{"antonym duplicate", Files{Antonyms: "win lose\nwin fail\n"}, "antonyms.txt:2: duplicate"},
		{"unit of no dimension", Files{Units: "zloty currency 1\n"}, "units.txt:1: wrong number of fields"},
		{"unit one field", Files{Units: "zloty\n"}, "units.txt:1: wrong number of fields"},
		{"unit without its sense", Files{Units: "zloty money\n"}, "units.txt:1: wrong number of fields"},
		{"unit of a bad sense", Files{Units: "zloty money -4\n"}, "units.txt:1: wrong number of fields"},
		{"unit duplicate", Files{Units: "day time 1\nday measure 2\n"}, "units.txt:2: duplicate"},
		{"change fields", Files{Changes: "rise fall\n"}, "changes.txt:1: wrong number of fields"},
		{"change duplicate", Files{Changes: "rise\nrise\n"}, "changes.txt:2: duplicate"},
	} {
		_, err := Parse(c.files)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: Parse error %v, want one containing %q", c.name, err, c.want)
		}
	}
}

func TestNormalizeName(t *testing.T) {
	for _, c := range []struct {
		in, out string
		changed bool
	}{
		{"new york", "new york", false},
		{"New York", "new york", true},
		{"st. louis", "st louis", true},
		{"winston-salem", "winston salem", true},
		{"  a -- b . ", "a b", true},
		{"", "", true},
		{"é", "é", false},
	} {
		out, changed := normalizeName(c.in)
		if out != c.out || changed != c.changed {
			t.Errorf("normalizeName(%q) = %q, %v, want %q, %v", c.in, out, changed, c.out, c.changed)
		}
	}
}

// TestConcurrent reads one Lexicon from many goroutines; run with -race.
func TestConcurrent(t *testing.T) {
	l := load(t)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 200; j++ {
				l.Related("win")
				l.Base("went")
				l.IsPlace("New York")
				l.PlaceKind("New York")
				l.Demonym("french")
				l.NounType("city")
				l.MaxPlaceWords()
				l.KindOf("copper", "metal") // the first call parses the hypernyms
			}
		}()
	}
	wg.Wait()
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPlaceKind(b *testing.B) {
	l := load(b)
	for b.Loop() {
		l.PlaceKind("new york")
		l.PlaceKind("report")
		l.PlaceKind("St. Louis")
	}
}

func BenchmarkIsPlace(b *testing.B) {
	l := load(b)
	for b.Loop() {
		l.IsPlace("new york")
		l.IsPlace("report")
		l.IsPlace("St. Louis")
	}
}

func FuzzParse(f *testing.F) {
	f.Add("win gain winner\n", "went go\n", "new york\n", "city new york\n", "yorker new york\n", "city place\n", "big\n", "copper 1\nmetal 0\n1 0\n")
	f.Add("a b\r\n", "x", "", "", "", "y time", "big\nbig", "a 0\n0 1\n1 0\n")
	f.Add("", "", "a  b", "land a  b", "c a b", "", "", "x 99999999999\n")
	f.Add("", "", "a b\nc", "water a b\ncity c\n", "", "", "deep", "1 1\n")
	f.Add(relatedTxt[:2000], exceptionsTxt[:500], placesTxt[:500], "", "", nounsTxt[:500], measuresTxt, hypernymsTxt[:3000])
	f.Fuzz(func(t *testing.T, related, exceptions, places, placeKinds, demonyms, nouns, words, hypernyms string) {
		// The acronym list is fuzzed through the related words' input: both
		// are "key words..." lines.
		// Head kinds and units share the nouns' "word type" form; measures
		// and leaders the demonyms' two words; given names, changes and
		// verbs one word a line.
		l, err := Parse(Files{related, exceptions, places, placeKinds, demonyms, nouns, related, demonyms, related, nouns, words, demonyms, hypernyms, nouns, words, words})
		if err != nil {
			if l != nil {
				t.Fatal("Parse returned a Lexicon with an error")
			}
			return
		}
		for _, line := range strings.Split(related, "\n") {
			w, _, _ := strings.Cut(line, " ")
			_ = l.Antonyms(w + "ing")
		}
		// Whatever parsed must be found again.
		for _, line := range strings.Split(related, "\n") {
			if w, rest, ok := strings.Cut(line, " "); ok {
				if got := strings.Join(l.Related(w), " "); got != rest {
					t.Fatalf("Related(%q) = %q, want %q", w, got, rest)
				}
			}
		}
		for _, line := range strings.Split(places, "\n") {
			if line != "" && !l.IsPlace(line) {
				t.Fatalf("IsPlace(%q) = false", line)
			}
			if n := len(strings.Split(line, " ")); line != "" && n > l.MaxPlaceWords() {
				t.Fatalf("MaxPlaceWords() = %d < %d", l.MaxPlaceWords(), n)
			}
		}
		for _, line := range strings.Split(placeKinds, "\n") {
			if k, p, ok := strings.Cut(line, " "); ok {
				if got := l.PlaceKind(p); got != k || !l.IsPlace(p) {
					t.Fatalf("PlaceKind(%q) = %q, want %q", p, got, k)
				}
			}
		}
		for _, line := range strings.Split(demonyms, "\n") {
			if a, p, ok := strings.Cut(line, " "); ok {
				if got, _ := l.Demonym(a); got != p || !l.IsPlace(got) {
					t.Fatalf("Demonym(%q) = %q, want place %q", a, got, p)
				}
			}
		}
		for _, line := range strings.Split(nouns, "\n") {
			if w, typ, ok := strings.Cut(line, " "); ok {
				if got, _ := l.NounType(w); got != typ {
					t.Fatalf("NounType(%q) = %q, want %q", w, got, typ)
				}
			}
		}
		for _, line := range strings.Split(related, "\n") {
			if a, p, ok := strings.Cut(line, " "); ok && !slices.Contains(l.Expansions(a), p) {
				t.Fatalf("Expansions(%q) = %q, want it to hold %q", a, l.Expansions(a), p)
			}
		}
		for _, line := range strings.Split(demonyms, "\n") {
			if adj, attr, ok := strings.Cut(line, " "); ok {
				if got, _ := l.Measure(adj); got != attr {
					t.Fatalf("Measure(%q) = %q, want %q", adj, got, attr)
				}
			}
		}
		for _, line := range strings.Split(words, "\n") {
			if line != "" && !l.Verb(line) {
				t.Fatalf("Verb(%q) = false", line)
			}
		}
		for _, line := range strings.Split(hypernyms, "\n") {
			// Whatever the graph, cycles included, the walk ends.
			w, _, _ := strings.Cut(line, " ")
			_ = l.KindOf(w, related)
		}
		_ = l.IsPlace(related) // arbitrary input must not panic
		if k := l.PlaceKind(related); k != "" && !l.IsPlace(related) {
			t.Fatalf("PlaceKind(%q) = %q but IsPlace is false", related, k)
		}
	})
}

func TestHeadKind(t *testing.T) {
	l := load(t)
	for _, c := range []struct{ word, kind string }{
		{"stadium", HeadPlace}, {"airport", HeadPlace}, {"bridge", HeadPlace},
		{"council", HeadOrg}, {"league", HeadOrg}, {"rovers", HeadOrg}, // a plural of people: a team
		{"cup", HeadMisc}, {"shield", HeadMisc}, {"tournament", HeadMisc},
		// Surnames of WordNet's people, and nouns of people, head persons' names.
		{"ford", ""}, {"hall", ""}, {"park", ""}, {"smith", ""}, {"minister", ""},
	} {
		got, ok := l.HeadKind(c.word)
		if got != c.kind || ok != (c.kind != "") {
			t.Errorf("HeadKind(%q) = %q, %v; want %q", c.word, got, ok, c.kind)
		}
	}
	for _, c := range []struct {
		word  string
		given bool
	}{{"henry", true}, {"mary", true}, {"stadium", false}, {"council", false}} {
		if got := l.GivenName(c.word); got != c.given {
			t.Errorf("GivenName(%q) = %v, want %v", c.word, got, c.given)
		}
	}
}

// TestKindOf: a word names a kind of a class some levels above it in
// WordNet's noun hierarchy, through either word's most frequent senses;
// never the class itself, never the other way up.
func TestKindOf(t *testing.T) {
	l := load(t)
	for _, c := range []struct {
		word, class string
		kind        bool
	}{
		{"copper", "metal", true},
		{"finches", "bird", true},
		{"violin", "instrument", true},
		{"cholera", "disease", true},
		{"football", "sport", true},
		{"metal", "copper", false},
		{"bird", "bird", false},
		{"violin", "bird", false},
		{"xyzzy", "metal", false},
		{"copper", "", false},
	} {
		if got := l.KindOf(c.word, c.class); (got > 0) != c.kind {
			t.Errorf("KindOf(%q, %q) = %d, want a kind: %v", c.word, c.class, got, c.kind)
		}
	}
	if near, far := l.KindOf("finch", "bird"), l.KindOf("finch", "animal"); near == 0 || far <= near {
		t.Errorf("KindOf(finch, bird) = %d, (finch, animal) = %d: want the nearer class fewer levels up", near, far)
	}
}

// TestKindOfCycle: malformed data that loops ends the walk.
func TestKindOfCycle(t *testing.T) {
	l, err := Parse(Files{Hypernyms: "a 0\nb 2\n0 1\n1 0\n"})
	if err != nil {
		t.Fatal(err)
	}
	if got := l.KindOf("a", "b"); got != 0 {
		t.Errorf("KindOf(a, b) = %d in a graph where b is apart, want 0", got)
	}
}

// BenchmarkKindOf: the span features ask it for each word of the cited
// sentence when a question names what it asks about.
func BenchmarkKindOf(b *testing.B) {
	l, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	words := strings.Fields("the workshop plates each board with copper then ships finches beetles violin contracts")
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			l.KindOf(w, "metal")
		}
	}
}

// TestEmbeddedHypernyms: the hypernyms Load leaves to first use parse
// without error, and answer as the eagerly parsed ones do.
func TestEmbeddedHypernyms(t *testing.T) {
	eager, err := Parse(Files{Exceptions: exceptionsTxt, Hypernyms: hypernymsTxt})
	if err != nil {
		t.Fatal(err)
	}
	lazy := load(t)
	for _, p := range [][2]string{{"copper", "metal"}, {"finches", "bird"}, {"violin", "instrument"}, {"city", "metal"}} {
		if e, l := eager.KindOf(p[0], p[1]), lazy.KindOf(p[0], p[1]); e != l {
			t.Errorf("KindOf(%q, %q) = %d parsed at once, %d parsed on first use", p[0], p[1], e, l)
		}
	}
	if eager.KindOf("copper", "metal") == 0 {
		t.Error("KindOf(copper, metal) = 0")
	}
}
