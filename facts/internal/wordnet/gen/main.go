// Command gen derives the compact word lists embedded by package wordnet
// from a Princeton WordNet 3.0 database (the wndb(5) files shipped by, for
// example, Debian's wordnet-base package).
//
// It is run by go generate from the package directory:
//
//	go run ./gen -dict /usr/share/wordnet
//
// The output is a pure function of the input files: every list is sorted
// and no map iteration order leaks into it, so running it twice on the same
// database gives byte-identical files.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
)

func main() {
	dict := flag.String("dict", "/usr/share/wordnet", "directory holding the WordNet 3.0 data.*, index.*, *.exc and cntlist.rev files")
	words := flag.String("words", "../../english/words.txt", "lower-case English word list (one word a line) restricting related.txt and nouns.txt")
	out := flag.String("out", ".", "package directory to write the .txt files into")
	flag.Parse()
	if err := run(*dict, *words, *out); err != nil {
		fmt.Fprintln(os.Stderr, "wordnet gen:", err)
		os.Exit(1)
	}
}

// run writes every output file into out. It refuses a directory that is not
// the wordnet package, so a mistyped -out cannot litter the repository.
func run(dict, wordsPath, out string) error {
	if _, err := os.Stat(filepath.Join(out, "wordnet.go")); err != nil {
		return fmt.Errorf("-out %s is not the wordnet package directory: %w", out, err)
	}
	files, err := generate(dict, wordsPath)
	if err != nil {
		return err
	}
	for _, name := range outputNames {
		if err := os.WriteFile(filepath.Join(out, name), files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// outputNames lists the files generate produces, in a fixed order.
var outputNames = []string{"related.txt", "exceptions.txt", "places.txt", "placekinds.txt", "demonyms.txt", "nouns.txt", "acronyms.txt", "measures.txt", "antonyms.txt", "headkinds.txt", "givennames.txt", "leaders.txt", "hypernyms.txt", "units.txt", "changes.txt", "verbs.txt"}

// generate reads the database and returns the contents of every output file
// by name. It writes nothing, so tests can compare its output directly.
func generate(dict, wordsPath string) (map[string][]byte, error) {
	db, err := loadDB(dict)
	if err != nil {
		return nil, err
	}
	vocab, err := readVocab(wordsPath)
	if err != nil {
		return nil, err
	}
	places, err := db.places(vocab)
	if err != nil {
		return nil, err
	}
	kinds, err := db.placeKinds(places)
	if err != nil {
		return nil, err
	}
	nouns, err := db.nounTypes(vocab)
	if err != nil {
		return nil, err
	}
	exc, err := db.exceptions(dict)
	if err != nil {
		return nil, err
	}
	measures, err := db.measureAdjectives(vocab)
	if err != nil {
		return nil, err
	}
	heads, err := db.headKinds(vocab)
	if err != nil {
		return nil, err
	}
	given, err := db.givenNames()
	if err != nil {
		return nil, err
	}
	leaders, err := db.leaders(vocab)
	if err != nil {
		return nil, err
	}
	units, err := db.units()
	if err != nil {
		return nil, err
	}
	changes, err := db.changes(vocab)
	if err != nil {
		return nil, err
	}
	return map[string][]byte{
		"related.txt":    lines(db.related(vocab)),
		"exceptions.txt": lines(exc),
		"places.txt":     lines(places.lines()),
		"placekinds.txt": lines(kinds),
		"demonyms.txt":   lines(db.demonyms(places.set, places.syn)),
		"nouns.txt":      lines(nouns),
		"acronyms.txt":   lines(db.acronyms()),
		"measures.txt":   lines(measures),
		"antonyms.txt":   lines(db.antonyms(vocab)),
		"headkinds.txt":  lines(heads),
		"givennames.txt": lines(given),
		"leaders.txt":    lines(leaders),
		"hypernyms.txt":  lines(db.hypernyms(vocab)),
		"units.txt":      lines(units),
		"changes.txt":    lines(changes),
		"verbs.txt":      lines(db.verbs(vocab)),
	}, nil
}

// lines joins sorted, distinct lines into file contents.
func lines(ls []string) []byte {
	sort.Strings(ls)
	ls = slices.Compact(ls)
	var b bytes.Buffer
	for _, l := range ls {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// poses are WordNet's parts of speech in the order their files are read and
// their senses are listed when nothing else decides.
var poses = []byte{'n', 'v', 'a', 'r'}

var posFile = map[byte]string{'n': "noun", 'v': "verb", 'a': "adj", 'r': "adv"}

// key identifies a synset: its part of speech file and byte offset in it.
type key struct {
	pos byte // 'n', 'v', 'a' or 'r'; adjective satellites live in 'a'
	off int
}

type pointer struct {
	sym      string
	to       key
	src, dst int // 1-based word numbers; 0 means the whole synset
}

type synset struct {
	words []string // as written in the data file, markers such as "(a)" removed
	ptrs  []pointer
}

type sense struct {
	offs []int // synset offsets, most frequent sense first
}

type db struct {
	syn   map[key]*synset
	index map[byte]map[string]sense // pos -> lemma (lower case, '_' for space)
	// tags counts how often sense n (1-based) of a lemma was tagged in the
	// semantic concordances: tags[pos][lemma][n-1].
	tags map[byte]map[string][]int
	// nounExc maps irregular plurals to their first base ("mice" -> "mouse").
	nounExc map[string]string
	// artifacts and artifactMemo serve isArtifact, built on first use.
	artifacts    map[key]bool
	artifactMemo map[key]bool
}

func loadDB(dir string) (*db, error) {
	d := &db{
		syn:   make(map[key]*synset),
		index: make(map[byte]map[string]sense),
		tags:  make(map[byte]map[string][]int),
	}
	for _, p := range poses {
		if err := d.readData(filepath.Join(dir, "data."+posFile[p]), p); err != nil {
			return nil, err
		}
		if err := d.readIndex(filepath.Join(dir, "index."+posFile[p]), p); err != nil {
			return nil, err
		}
	}
	if err := d.readCounts(filepath.Join(dir, "cntlist.rev")); err != nil {
		return nil, err
	}
	d.nounExc = make(map[string]string)
	err := eachLine(filepath.Join(dir, "noun.exc"), func(line string, _ int) error {
		if f := strings.Fields(line); len(f) >= 2 && f[1] != f[0] {
			d.nounExc[f[0]] = f[1]
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// eachLine calls fn for every line of a WordNet file that is not part of
// the licence header (header lines start with two spaces).
func eachLine(path string, fn func(line string, n int) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.HasPrefix(line, "  ") || line == "" {
			continue
		}
		if err := fn(line, n); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	return sc.Err()
}

func (d *db) readData(path string, pos byte) error {
	return eachLine(path, func(line string, _ int) error {
		if i := strings.Index(line, " | "); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) < 5 {
			return errors.New("short synset line")
		}
		off, err := strconv.Atoi(f[0])
		if err != nil {
			return err
		}
		wcnt, err := strconv.ParseInt(f[3], 16, 32)
		if err != nil {
			return err
		}
		s := &synset{}
		i := 4
		for w := 0; w < int(wcnt); w++ {
			if i+1 >= len(f) {
				return errors.New("truncated word list")
			}
			word := f[i]
			if j := strings.IndexByte(word, '('); j > 0 && pos == 'a' {
				word = word[:j] // adjective syntactic marker
			}
			s.words = append(s.words, word)
			i += 2
		}
		pcnt, err := strconv.Atoi(f[i])
		if err != nil {
			return err
		}
		i++
		for k := 0; k < pcnt; k++ {
			if i+3 >= len(f) {
				return errors.New("truncated pointer list")
			}
			to, err := strconv.Atoi(f[i+1])
			if err != nil {
				return err
			}
			tpos := f[i+2][0]
			if tpos == 's' {
				tpos = 'a'
			}
			st := f[i+3]
			src, err1 := strconv.ParseInt(st[:2], 16, 32)
			dst, err2 := strconv.ParseInt(st[2:], 16, 32)
			if err1 != nil || err2 != nil || len(st) != 4 {
				return fmt.Errorf("bad source/target %q", st)
			}
			s.ptrs = append(s.ptrs, pointer{sym: f[i], to: key{tpos, to}, src: int(src), dst: int(dst)})
			i += 4
		}
		d.syn[key{pos, off}] = s
		return nil
	})
}

func (d *db) readIndex(path string, pos byte) error {
	m := make(map[string]sense)
	d.index[pos] = m
	return eachLine(path, func(line string, _ int) error {
		f := strings.Fields(line)
		if len(f) < 6 {
			return errors.New("short index line")
		}
		n, err := strconv.Atoi(f[2])
		if err != nil {
			return err
		}
		if n > len(f)-4 {
			return errors.New("bad synset_cnt")
		}
		var s sense
		for _, o := range f[len(f)-n:] {
			off, err := strconv.Atoi(o)
			if err != nil {
				return err
			}
			if d.syn[key{pos, off}] == nil {
				return fmt.Errorf("offset %s not in data file", o)
			}
			s.offs = append(s.offs, off)
		}
		m[f[0]] = s
		return nil
	})
}

// readCounts reads cntlist.rev: "lemma%ss_type:... sense_number tag_cnt".
func (d *db) readCounts(path string) error {
	ssPos := map[byte]byte{'1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 'a'}
	return eachLine(path, func(line string, _ int) error {
		f := strings.Fields(line)
		if len(f) != 3 {
			return errors.New("want 3 fields")
		}
		lemma, rest, ok := strings.Cut(f[0], "%")
		if !ok || rest == "" {
			return errors.New("bad sense key")
		}
		pos, ok := ssPos[rest[0]]
		if !ok {
			return errors.New("bad ss_type")
		}
		n, err1 := strconv.Atoi(f[1])
		c, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil || n < 1 || n > 1000 {
			return errors.New("bad numbers")
		}
		m := d.tags[pos]
		if m == nil {
			m = make(map[string][]int)
			d.tags[pos] = m
		}
		lemma = strings.ToLower(lemma)
		for len(m[lemma]) < n {
			m[lemma] = append(m[lemma], 0)
		}
		m[lemma][n-1] += c
		return nil
	})
}

// tagCount is how often sense n (1-based) of lemma was tagged.
func (d *db) tagCount(pos byte, lemma string, n int) int {
	c := d.tags[pos][lemma]
	if n-1 < len(c) {
		return c[n-1]
	}
	return 0
}

// root names a synset by lemma and sense number, with the offset it is
// expected to have, so a different WordNet version fails loudly instead of
// silently classifying against the wrong concept.
type root struct {
	lemma string
	sense int
	off   int
}

func (d *db) resolve(pos byte, rs []root) (map[key]bool, error) {
	m := make(map[key]bool)
	for _, r := range rs {
		s, ok := d.index[pos][r.lemma]
		if !ok || len(s.offs) < r.sense || s.offs[r.sense-1] != r.off {
			return nil, fmt.Errorf("%s.%c.%02d is not at offset %08d: wrong WordNet version?", r.lemma, pos, r.sense, r.off)
		}
		m[key{pos, r.off}] = true
	}
	return m, nil
}

// isClassHypernym reports whether p leads to a more general class, not to
// an individual the synset is part of or an instance of.
func isClassHypernym(p pointer) bool { return p.sym == "@" }

// isHypernym reports whether p leads to a more general synset.
func isHypernym(p pointer) bool { return p.sym == "@" || p.sym == "@i" }

// under reports whether k is one of roots or reaches one through hypernym
// and instance-hypernym pointers. Results are memoised in memo, which must
// be used with one roots set only.
func (d *db) under(k key, roots map[key]bool, memo map[key]bool) bool {
	return d.underVia(k, roots, memo, isHypernym)
}

// underVia is under following only the pointers follow accepts.
func (d *db) underVia(k key, roots map[key]bool, memo map[key]bool, follow func(pointer) bool) bool {
	if v, ok := memo[k]; ok {
		return v
	}
	memo[k] = false // the hierarchy is acyclic; this only guards bad input
	v := roots[k]
	if s := d.syn[k]; s != nil && !v {
		for _, p := range s.ptrs {
			if follow(p) && d.underVia(p.to, roots, memo, follow) {
				v = true
				break
			}
		}
	}
	memo[k] = v
	return v
}

// ranked resolves groups of noun roots, ranking each root by its group's
// index, for nearestRoot.
func (d *db) ranked(groups [][]root) (map[key]int, error) {
	roots := make(map[key]int)
	for i, g := range groups {
		m, err := d.resolve('n', g)
		if err != nil {
			return nil, err
		}
		for k := range m {
			roots[k] = i
		}
	}
	return roots, nil
}

// nearestRoot walks up from start through hypernym and instance-hypernym
// pointers, a level at a time, and returns the rank roots gives the first
// root it meets (start itself is level zero). Of roots met on the same
// level the lowest rank wins. It returns -1 if no root is above start.
func (d *db) nearestRoot(start key, roots map[key]int) int {
	level := []key{start}
	seen := map[key]bool{start: true}
	for len(level) > 0 {
		best := -1
		for _, k := range level {
			if r, ok := roots[k]; ok && (best < 0 || r < best) {
				best = r
			}
		}
		if best >= 0 {
			return best
		}
		var next []key
		for _, k := range level {
			for _, p := range d.syn[k].ptrs {
				if isHypernym(p) && !seen[p.to] {
					seen[p.to] = true
					next = append(next, p.to)
				}
			}
		}
		level = next
	}
	return -1
}

// ---- related.txt ----

// isSimpleWord accepts the single lower-case words related.txt is about:
// letters and inner hyphens only.
func isSimpleWord(w string) bool {
	if w == "" || w[0] == '-' || w[len(w)-1] == '-' {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if (c < 'a' || c > 'z') && c != '-' {
			return false
		}
	}
	return true
}

// related lists, for every single-word lemma in vocab, up to maxRelated
// words related through the first two senses of each part of speech: the
// derivations of sense 1, its synonyms (and for a verb what it causes and
// the acts it is a kind of), then the same for sense 2, and last
// the words whose own first two senses derive this word. That last step
// makes derivation symmetric where WordNet attaches it to a rarer sense:
// "marry" derives "marriage" (the wedding, its third sense), so "marriage"
// relates to "marry" too.
func (d *db) related(vocab map[string]bool) []string {
	const maxRelated = 12
	ok := func(w string) bool { return isSimpleWord(w) && vocab[w] }
	own := make(map[string][]string)
	reverse := make(map[string][]string)
	lemmas := d.lemmas()
	kinds := d.verbKinds()
	for _, lemma := range lemmas {
		if !ok(lemma) {
			continue
		}
		var rel []string
		for n := 0; n < 2; n++ {
			for _, p := range d.posOrder(lemma) {
				s := d.index[p][lemma]
				if n >= len(s.offs) {
					continue
				}
				syn := d.syn[key{p, s.offs[n]}]
				self := 0 // 1-based position of lemma in the synset
				for i, w := range syn.words {
					if strings.ToLower(w) == lemma {
						self = i + 1
						break
					}
				}
				// Derivations of this word in this sense: win -> winner.
				for _, ptr := range syn.ptrs {
					if ptr.sym != "+" || ptr.src != self || self == 0 {
						continue
					}
					if t := d.syn[ptr.to]; t != nil && ptr.dst >= 1 && ptr.dst <= len(t.words) {
						w := t.words[ptr.dst-1]
						rel = append(rel, w)
						if ok(w) {
							reverse[w] = append(reverse[w], lemma)
						}
					}
				}
				// Synonyms. Words written with capitals fail isSimpleWord,
				// so "Nice" does not make "nice" a synonym of a city.
				rel = append(rel, syn.words...)
				if p == 'v' {
					rel = append(rel, d.causedWords(syn)...)
					rel = append(rel, d.hypernymWords(syn, kinds)...)
				}
			}
		}
		own[lemma] = rel
	}
	var out []string
	for _, lemma := range lemmas {
		if !ok(lemma) {
			continue
		}
		seen := map[string]bool{lemma: true}
		var rel []string
		for _, w := range slices.Concat(own[lemma], reverse[lemma]) {
			if len(rel) < maxRelated && ok(w) && !seen[w] {
				seen[w] = true
				rel = append(rel, w)
			}
		}
		if len(rel) > 0 {
			slices.Sort(rel)
			out = append(out, lemma+" "+strings.Join(rel, " "))
		}
	}
	return out
}

// causedWords lists the words of what a verb sense causes, by WordNet's
// cause pointer: to "kill" is to cause to "die", to "raise" to cause to
// "rise", to "fell" to cause to "fall". News writes one and readers ask
// with the other ("how many died" of "killing at least 37"), and the two
// share no synset. Only the words for which that act is one of their two
// commonest senses count, as for the relations of a word itself: "die"
// and "perish", not "go" or "pass", which mean it only rarely.
func (d *db) causedWords(syn *synset) []string {
	var out []string
	for _, ptr := range syn.ptrs {
		if ptr.sym != ">" {
			continue
		}
		t := d.syn[ptr.to]
		if t == nil {
			continue
		}
		for _, w := range t.words {
			offs := d.index['v'][strings.ToLower(w)].offs
			if slices.Contains(offs[:min(2, len(offs))], ptr.to.off) {
				out = append(out, w)
			}
		}
	}
	return out
}

// maxKinds is the most direct kinds (hyponyms) a verb synset may have for
// its words to stand for a verb that is one of them. "Defeat" has 11
// kinds, "beat" among them; "travel, go, move" has 123, "rise" and "fall"
// among them, and naming it would match almost any act. Higher relates
// more verbs, through more general words.
const maxKinds = 40

// hypernymWords lists the words of the synsets a verb sense is a kind of,
// when those are specific enough (maxKinds; kinds counts each synset's):
// to "beat" (come out better in a competition) is to "defeat", to "scrap"
// is to "discard". News and its readers name one act at these two levels,
// and the two words share no synset. Nouns are left out: their hypernyms
// are classes ("dog" is a "canine"), which answer another kind of
// question.
func (d *db) hypernymWords(syn *synset, kinds map[key]int) []string {
	var out []string
	for _, ptr := range syn.ptrs {
		if isClassHypernym(ptr) && kinds[ptr.to] <= maxKinds {
			if t := d.syn[ptr.to]; t != nil {
				out = append(out, t.words...)
			}
		}
	}
	return out
}

// verbKinds counts the direct hyponyms of every verb synset.
func (d *db) verbKinds() map[key]int {
	n := make(map[key]int)
	for k, s := range d.syn {
		if k.pos != 'v' {
			continue
		}
		for _, p := range s.ptrs {
			if p.sym == "~" {
				n[k]++
			}
		}
	}
	return n
}

// lemmas returns every lemma of every index file, sorted and distinct.
func (d *db) lemmas() []string {
	var ls []string
	for _, p := range poses {
		for l := range d.index[p] {
			ls = append(ls, l)
		}
	}
	sort.Strings(ls)
	return slices.Compact(ls)
}

// posOrder orders the parts of speech of lemma by how often their first
// sense was tagged, so "win" lists its verb relations before its noun ones.
func (d *db) posOrder(lemma string) []byte {
	var ps []byte
	for _, p := range poses {
		if _, ok := d.index[p][lemma]; ok {
			ps = append(ps, p)
		}
	}
	sort.SliceStable(ps, func(i, j int) bool {
		return d.tagCount(ps[i], lemma, 1) > d.tagCount(ps[j], lemma, 1)
	})
	return ps
}

// ---- exceptions.txt ----

// exceptions maps irregular inflections to one base form. When several
// lists or bases disagree the verb list wins, then noun, adjective and
// adverb, each taking its first base: "is" is "be", not the noun "is".
func (d *db) exceptions(dir string) ([]string, error) {
	base := make(map[string]string)
	for _, p := range []byte{'v', 'n', 'a', 'r'} {
		err := eachLine(filepath.Join(dir, posFile[p]+".exc"), func(line string, _ int) error {
			f := strings.Fields(line)
			if len(f) < 2 {
				return errors.New("want inflected form and base")
			}
			infl := f[0]
			if _, done := base[infl]; done || !isSimpleWord(infl) {
				return nil
			}
			for _, b := range f[1:] {
				if isSimpleWord(b) && b != infl {
					base[infl] = b
					break
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]string, 0, len(base))
	for infl, b := range base {
		out = append(out, infl+" "+b)
	}
	return out, nil
}

// ---- places.txt and demonyms.txt ----

// placeRoots are the concepts whose instances are geographical places.
// location covers cities, towns, countries, states, regions and
// continents; water, land and geological formations cover rivers, seas,
// lakes, islands and mountains, which WordNet files under physical objects.
var placeRoots = []root{
	{"location", 1, 27167},               // a point or extent in space
	{"body_of_water", 1, 9225146},        // rivers, lakes, seas, oceans
	{"land", 4, 9334396},                 // dry land: islands
	{"geological_formation", 1, 9287968}, // mountains, valleys, deserts
	{"state", 4, 8168978},                // nation as a political unit
}

// placeName turns a WordNet lemma into the form places.txt stores: lower
// case, with underscores, hyphens and periods becoming single spaces, which
// is how a tokenizer splitting on punctuation sees "St. Louis" or
// "Winston-Salem". It rejects names with other characters (digits, etc.).
func placeName(lemma string) (string, bool) {
	var b strings.Builder
	space := true
	for i := 0; i < len(lemma); i++ {
		c := lemma[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case c >= 'a' && c <= 'z', c == '\'':
			b.WriteByte(c)
			space = false
		case c == '_' || c == '-' || c == '.':
			if !space {
				b.WriteByte(' ')
				space = true
			}
		default:
			return "", false
		}
	}
	s := strings.TrimSuffix(b.String(), " ")
	if s == "" || strings.Contains(" "+s+" ", " ' ") {
		return "", false
	}
	return s, true
}

// majorPlaceRoots are the concepts whose instances are important enough
// in news to keep even when the name is also an ordinary word: "china" and
// "japan" stay places although china is porcelain and japan a lacquer.
var majorPlaceRoots = []root{
	{"country", 1, 8168978},      // nation as a political unit
	{"country", 2, 8544813},      // the territory of a nation
	{"continent", 1, 9254614},    // Europe, Africa
	{"ocean", 1, 9376198},        // the Pacific
	{"principality", 1, 8558488}, // Wales
}

// placeSet is what places finds.
type placeSet struct {
	set   map[string]bool   // the place names, as placeName writes them
	lemma map[string]string // each name's first noun lemma (in sorted order) kept as a place
	syn   map[key]bool      // the place synsets; the value marks major places
}

// lines returns the places.txt lines.
func (p placeSet) lines() []string {
	out := make([]string, 0, len(p.set))
	for n := range p.set {
		out = append(out, n)
	}
	return out
}

// places finds the place names and synsets. vocab is the lower-case English
// word list, which marks single-word names that are ordinary words without
// a WordNet lemma of their own ("me", "or", "wales", "tours" are state
// abbreviations, plurals and city names).
func (d *db) places(vocab map[string]bool) (placeSet, error) {
	roots, err := d.resolve('n', placeRoots)
	if err != nil {
		return placeSet{}, err
	}
	major, err := d.resolve('n', majorPlaceRoots)
	if err != nil {
		return placeSet{}, err
	}
	memo, majorMemo := make(map[key]bool), make(map[key]bool)
	// inst marks the synsets that are instances of a place concept, and
	// whether that concept is a major one.
	inst := make(map[key]bool)
	for k, s := range d.syn {
		if k.pos != 'n' {
			continue
		}
		for _, p := range s.ptrs {
			if p.sym == "@i" && d.under(p.to, roots, memo) {
				// Only class hypernyms count here: "North" is an
				// instance of the instance "United States", which
				// does not make the compass word a country.
				inst[k] = inst[k] || d.underVia(p.to, major, majorMemo, isClassHypernym)
			}
		}
	}
	set, lemmaOf := make(map[string]bool), make(map[string]string)
	for _, lemma := range d.lemmas() {
		s, ok := d.index['n'][lemma]
		if !ok {
			continue
		}
		isPlace, isMajor := false, false
		for _, off := range s.offs {
			if m, ok := inst[key{'n', off}]; ok {
				isPlace, isMajor = true, isMajor || m
			}
		}
		if !isPlace {
			continue
		}
		name, ok := placeName(lemma)
		if !ok {
			continue
		}
		// A name that is also an ordinary lower-case word ("reading",
		// "nice", "split", "north", "us") would match ordinary text, so it
		// is dropped, unless it is not a two-letter word and a country,
		// continent or ocean sense ranks before its ordinary noun senses
		// (senses are ordered by frequency): "china" and "japan" stay,
		// "turkey" (the bird first) goes.
		common := d.commonUse(lemma) || (!strings.Contains(name, " ") && vocab[name])
		if common && !(len(name) > 2 && d.majorFirst(lemma, inst)) {
			continue
		}
		// Two-letter names are postal abbreviations ("de", "co", "al",
		// "ne") that collide with name particles and other abbreviations
		// once lower-cased; only countries ("uk") are kept.
		if len(name) <= 2 && !isMajor {
			continue
		}
		if !set[name] {
			set[name], lemmaOf[name] = true, lemma
		}
	}
	return placeSet{set: set, lemma: lemmaOf, syn: inst}, nil
}

// majorFirst reports whether a sense of the noun lemma that is an instance
// of a major place comes before any ordinary (lower-case, non-instance)
// noun sense of it.
func (d *db) majorFirst(lemma string, inst map[key]bool) bool {
	for _, off := range d.index['n'][lemma].offs {
		k := key{'n', off}
		if inst[k] {
			return true
		}
		if _, isInst := inst[k]; !isInst && slices.Contains(d.syn[k].words, lemma) {
			return false
		}
	}
	return false
}

// commonUse reports whether lemma is written in lower case in some
// non-instance synset of any part of speech.
func (d *db) commonUse(lemma string) bool {
	for _, p := range poses {
		for _, off := range d.index[p][lemma].offs {
			syn := d.syn[key{p, off}]
			if p == 'n' && slices.ContainsFunc(syn.ptrs, func(q pointer) bool { return q.sym == "@i" }) {
				continue
			}
			if slices.Contains(syn.words, lemma) {
				return true
			}
		}
	}
	return false
}

// demonyms pairs adjectives with the place they pertain to ("french
// france"), taking for each adjective its most frequent sense that has a
// pertainym pointer to a place.
func (d *db) demonyms(places map[string]bool, placeSyn map[key]bool) []string {
	var out []string
	for _, lemma := range d.lemmas() {
		s, ok := d.index['a'][lemma]
		// An adjective that is also an ordinary word ("attic", "roman")
		// would turn ordinary text into a place.
		if !ok || !isSimpleWord(lemma) || strings.Contains(lemma, "-") || d.commonUse(lemma) {
			continue
		}
	senses:
		for _, off := range s.offs {
			syn := d.syn[key{'a', off}]
			self := 0
			for i, w := range syn.words {
				if strings.ToLower(w) == lemma {
					self = i + 1
				}
			}
			for _, p := range syn.ptrs {
				if p.sym != `\` || p.to.pos != 'n' || p.src != self {
					continue
				}
				t := d.syn[p.to]
				if t == nil || p.dst < 1 || p.dst > len(t.words) {
					continue
				}
				name, ok := placeName(t.words[p.dst-1])
				// The target synset itself must be a place: "Wilsonian"
				// points at the president, not at Wilson, North Carolina.
				_, isPlace := placeSyn[p.to]
				if ok && isPlace && places[name] && name != lemma {
					out = append(out, lemma+" "+name)
					break senses
				}
			}
		}
	}
	return out
}

// ---- placekinds.txt ----

// placeKindRoots map concepts to the kind of the places below them, in the
// order of preference when a place is as close to roots of several kinds.
// A place takes the kind of the nearest root above it, so a desert, which
// WordNet files as a tract of land under geographical area, is land rather
// than a region, while Paris, an instance of both national capital and
// city, is a city. Places below none of them are land, the kind for other
// geographic features (mountain passes, faults, meridians, trade routes).
var placeKindRoots = []struct {
	kind  string
	roots []root
}{
	{"city", []root{
		{"city", 1, 8524735},               // city, metropolis, urban center
		{"city", 2, 8540903},               // incorporated administrative district
		{"town", 1, 8665504},               // urban area smaller than a city
		{"village", 2, 8672738},            // village, hamlet
		{"national_capital", 1, 8691669},   // Paris, Brussels
		{"state_capital", 1, 8695539},      // Austin, Sacramento
		{"provincial_capital", 1, 8695198}, // Edmonton, Halifax
		{"capital", 3, 8518505},            // a seat of government: Cardiff
		{"port", 1, 8633957},               // port cities: Le Havre, Tampico
		{"conurbation", 1, 8539717},        // Luda
	}},
	{"country", []root{
		{"country", 2, 8544813},      // the territory of a nation: Pakistan
		{"country", 1, 8168978},      // the nation as a political unit
		{"kingdom", 2, 8591269},      // a country with a king: Britain
		{"sultanate", 1, 8896327},    // Brunei
		{"city_state", 1, 8177958},   // a sovereign city
		{"principality", 1, 8558488}, // Monaco, Wales
	}},
	{"region", []root{
		{"region", 3, 8630985},      // administrative districts, states, areas
		{"region", 1, 8630039},      // belts and zones
		{"continent", 1, 9254614},   // Europe, Africa
		{"island", 1, 9316454},      // Sicily as an island, Bermuda
		{"isle", 1, 9319456},        // Isle of Wight
		{"archipelago", 1, 9203827}, // Orkney Islands
		{"peninsula", 1, 9388848},   // Crimea, Balkan Peninsula
	}},
	{"water", []root{
		{"body_of_water", 1, 9225146}, // rivers, lakes, seas, oceans
	}},
	{"land", []root{
		{"geological_formation", 1, 9287968}, // mountain ranges, valleys
		{"land", 4, 9334396},                 // dry land
		{"tract", 1, 8673395},                // deserts, national parks, plains
		{"point", 2, 8620061},                // mountain peaks, poles
	}},
}

// islandRoots are the concepts of places a country of the same name may
// occupy: Japan is first the archipelago, then the nation on it.
var islandRoots = []root{
	{"island", 1, 9316454},
	{"archipelago", 1, 9203827},
}

// placeKinds returns placekinds.txt lines, "kind name", giving every place
// one kind. A name's kind is that of its most frequent place sense, as
// WordNet orders senses by how often they were tagged. Senses tagged no
// less often (in practice senses never tagged at all, which WordNet lists
// in no particular order) compete with it, and the first kind in the
// order of placeKindRoots wins: "jordan" is first the river, but neither
// sense was tagged, so it is a country, as "ottawa" is a city; "georgia"
// stays the American state, the more frequent sense, not the country. A
// country also wins over an island or archipelago of the same name that
// is more frequent, since it occupies it: "japan" and "bahrain" are
// countries.
func (d *db) placeKinds(p placeSet) ([]string, error) {
	roots := make(map[key]int)
	for i, g := range placeKindRoots {
		m, err := d.resolve('n', g.roots)
		if err != nil {
			return nil, err
		}
		for k := range m {
			roots[k] = i
		}
	}
	islands, err := d.resolve('n', islandRoots)
	if err != nil {
		return nil, err
	}
	country := -1
	for i, g := range placeKindRoots {
		if g.kind == "country" {
			country = i
		}
	}
	islandMemo := make(map[key]bool)
	// rank is the index into placeKindRoots of a place synset's kind.
	rank := func(k key) int {
		if r := d.nearestRoot(k, roots); r >= 0 {
			return r
		}
		return len(placeKindRoots) - 1 // land
	}
	out := make([]string, 0, len(p.set))
	for name, lemma := range p.lemma {
		best, bestTags, island, hasCountry := -1, 0, false, false
		for i, off := range d.index['n'][lemma].offs {
			k := key{'n', off}
			if _, ok := p.syn[k]; !ok {
				continue
			}
			r, tags := rank(k), d.tagCount('n', lemma, i+1)
			hasCountry = hasCountry || r == country
			switch {
			case best < 0:
				best, bestTags = r, tags
				island = d.under(k, islands, islandMemo)
			case tags >= bestTags && r < best:
				best = r
			}
		}
		if best < 0 {
			return nil, fmt.Errorf("place %q (%s) has no place sense", name, lemma)
		}
		if island && hasCountry {
			best = country
		}
		out = append(out, placeKindRoots[best].kind+" "+name)
	}
	return out, nil
}

// ---- nouns.txt ----

// nounTypeRoots map concepts to the answer type of their hyponyms. A word
// takes the type of the nearest root above its first noun sense; at equal
// distance the earlier entry wins.
var nounTypeRoots = []struct {
	typ   string
	roots []root
}{
	{"money", []root{
		{"monetary_unit", 1, 13604718},
		{"money", 1, 13384557},
		{"money", 3, 13384877},
		{"sum", 1, 13331198},
		{"currency", 1, 13385913},
		// Prices, costs, fees and tariffs are answered with an amount
		// of money ("What price will growers be paid?").
		{"monetary_value", 1, 5145118},
		{"cost", 1, 13275847},
	}},
	{"time", []root{
		{"time_period", 1, 15113229},
		{"time_unit", 1, 15154774},
		{"calendar_month", 1, 15209413},
	}},
	{"person", []root{{"person", 1, 7846}}},
	{"organization", []root{{"organization", 1, 8008335}}},
	// A country's first sense is the nation as a political unit, which
	// WordNet files under groups; as an answer it is a place.
	{"place", []root{{"location", 1, 27167}, {"country", 1, 8168978}}},
	{"quantity", []root{
		{"measure", 2, 33615},
		{"amount", 2, 5107765},
		{"number", 1, 5121418},
		{"number", 2, 13582013},
		// Percentages, ratios and rates ("What share of goods …?").
		{"magnitude_relation", 1, 13815152},
	}},
}

// nounTypes classifies each vocabulary word by its first noun sense. Words
// that are not noun lemmas ("officials", "cities") are classified through
// their singular, found with the noun exception list or the regular plural
// endings, so a question about "how many officials" knows to want people.
func (d *db) nounTypes(vocab map[string]bool) ([]string, error) {
	groups := make([][]root, len(nounTypeRoots))
	for i, g := range nounTypeRoots {
		groups[i] = g.roots
	}
	roots, err := d.ranked(groups)
	if err != nil {
		return nil, err
	}
	classify := func(start key) string {
		if i := d.nearestRoot(start, roots); i >= 0 {
			return nounTypeRoots[i].typ
		}
		return ""
	}
	var out []string
	words := slices.Sorted(maps.Keys(vocab))
	for _, w := range words {
		lemma := d.nounLemma(w)
		if lemma == "" {
			continue
		}
		if t := classify(key{'n', d.index['n'][lemma].offs[0]}); t != "" {
			out = append(out, w+" "+t)
		}
	}
	return out, nil
}

// nounLemma returns the noun lemma w is a form of, or "".
func (d *db) nounLemma(w string) string {
	nouns := d.index['n']
	if _, ok := nouns[w]; ok {
		return w
	}
	if b, ok := d.nounExc[w]; ok {
		if _, ok := nouns[b]; ok {
			return b
		}
	}
	for _, r := range [][2]string{{"ies", "y"}, {"ches", "ch"}, {"shes", "sh"}, {"sses", "ss"}, {"xes", "x"}, {"zes", "z"}, {"men", "man"}, {"s", ""}} {
		if b, ok := strings.CutSuffix(w, r[0]); ok && b != "" {
			if _, ok := nouns[b+r[1]]; ok {
				return b + r[1]
			}
		}
	}
	return ""
}

// readVocab reads the lower-case word list that bounds the output.
func readVocab(path string) (map[string]bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m := make(map[string]bool)
	for _, w := range strings.Fields(string(data)) {
		m[w] = true
	}
	if len(m) == 0 {
		return nil, fmt.Errorf("%s: no words", path)
	}
	return m, nil
}
