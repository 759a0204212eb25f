// Command gen derives pairs.txt, the British-to-American spelling table
// embedded by package spelling, from the SCOWL word lists (as installed by
// Debian's scowl package in /usr/share/dict/scowl).
//
// It is run by go generate from the package directory:
//
//	go run ./gen -scowl /usr/share/dict/scowl
//
// SCOWL splits its vocabulary by spelling: english-words.NN holds the words
// every variety shares, american-words.NN the American-only spellings, and
// british-, british_z-, canadian- and australian-words.NN the spellings of
// those varieties (NN is the size level, lower is more common). gen takes
// every lower-case alphabetic word of the four non-American lists up to
// level 70 that no American list (english- or american-words, any level)
// contains, rewrites it with the usual British-to-American patterns
// (colour/color, organise/organize, centre/center, ...), in every
// combination, and keeps a pair only if the rewrite is a word of the
// American dictionary (english- plus american-words up to level 70). So
// the table never invents a word and never rewrites a word that is
// already a valid American spelling.
//
// The output is a pure function of the input files: pairs are sorted and no
// map iteration order leaks into them, so two runs on the same lists give
// byte-identical files.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/facts/internal/wordlist"
)

// maxLevel is the largest SCOWL size level read for the pairs. Level 70
// ("large") is where SCOWL's own large dictionaries stop; beyond it the
// lists are full of rare and archaic words.
const maxLevel = 70

// britishCategories are the SCOWL spelling categories whose words may be
// rewritten. british_z is British with -ize; the Canadian and Australian
// lists add spellings such as "colour" that British shares with them.
var britishCategories = []string{"british", "british_z", "canadian", "australian"}

// americanCategories together make SCOWL's American dictionary. The
// common english list is needed as well as the American-only one because
// SCOWL files words such as "program", "license" and "meter" there: British
// uses them too (in some senses), so they are not American-only.
var americanCategories = []string{"english", "american"}

func main() {
	scowl := flag.String("scowl", "/usr/share/dict/scowl", "directory holding the SCOWL final word lists (english-words.10, ...)")
	out := flag.String("out", "pairs.txt", "file to write the British-American pairs to")
	flag.Parse()
	data, err := generate(*scowl)
	if err == nil {
		err = os.WriteFile(*out, data, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "spelling gen:", err)
		os.Exit(1)
	}
}

// generate reads the word lists in dir and returns the contents of
// pairs.txt. It writes nothing, so tests can compare its output directly.
func generate(dir string) ([]byte, error) {
	british := map[string]bool{}
	for _, c := range britishCategories {
		if err := readCategory(dir, c, maxLevel, british); err != nil {
			return nil, err
		}
	}
	// anyAmerican holds every American spelling at every level: a word in
	// it is never rewritten, however rare, because it is already correct.
	anyAmerican := map[string]bool{}
	american := map[string]bool{} // the attested targets, up to maxLevel
	for _, c := range americanCategories {
		if err := readCategory(dir, c, 100, anyAmerican); err != nil {
			return nil, err
		}
		if err := readCategory(dir, c, maxLevel, american); err != nil {
			return nil, err
		}
	}
	var lines []string
	for w := range british {
		if anyAmerican[w] {
			continue
		}
		if a, ok := americanize(w, american); ok {
			lines = append(lines, w+" "+a)
		}
	}
	slices.Sort(lines) // the British words are distinct, so this sorts by them
	var b bytes.Buffer
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}

// readCategory adds to set the lower-case alphabetic words of every
// <category>-words.NN file in dir with NN <= upTo. A category without any
// such file is an error, so a wrong -scowl directory cannot silently give
// an empty table.
func readCategory(dir, category string, upTo int, set map[string]bool) error {
	names, err := filepath.Glob(filepath.Join(dir, category+"-words.*"))
	if err != nil {
		return err
	}
	n := 0
	for _, name := range names {
		level, err := strconv.Atoi(strings.TrimPrefix(filepath.Ext(name), "."))
		if err != nil || level > upTo {
			continue
		}
		if err := readWords(name, set); err != nil {
			return err
		}
		n++
	}
	if n == 0 {
		return fmt.Errorf("no %s-words.NN files with NN <= %d in %s", category, upTo, dir)
	}
	return nil
}

// readWords adds the lower-case alphabetic words of one list to set. The
// lists are ISO-8859-1, but only ASCII words are kept, so no decoding is
// needed; capitalised names, possessives and accented words are skipped.
func readWords(name string, set map[string]bool) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if w := strings.TrimRight(s.Text(), "\r"); wordlist.IsLower(w) {
			set[w] = true
		}
	}
	if err := s.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// A rule rewrites one British spelling of a letter sequence into the
// American one. Rules apply anywhere in a word where at allows them,
// because the sequences also occur before suffixes and inside compounds
// ("centrepiece"); a rewrite that is not an American word is thrown away.
// The position checks exist because the lists hold many rare words in
// which the same letters are not the British spelling at all: the "oe" of
// "shoer", the "re" of "preformative", the Latin plural "-ae" of "fossae"
// would otherwise turn into unrelated American words (sher, performative,
// fosse).
type rule struct {
	from, to string
	at       func(w string, i int) bool // nil: anywhere
}

// rules are the British-to-American patterns. Inflected forms need their
// own rules where the American stem changes shape (centred/centered,
// catalogued/cataloged).
var rules = []rule{
	// colour, favourite, behaviour, colouring; not four, pour, tour,
	// whose "our" is not a suffix.
	{"our", "or", func(w string, i int) bool { return i >= 2 }},
	// organise, organised, organises, organising, organisation, organiser
	{"ise", "ize", nil}, {"isi", "izi", nil}, {"isa", "iza", nil},
	// analyse, analysed, analysing
	{"yse", "yze", nil}, {"ysi", "yzi", nil},
	// centre, centres, centrepiece, sombrely, ochreous: "re" after a
	// consonant that is not the first letter (preformative), and not
	// before a, e, i or u (increate, stree).
	{"re", "er", func(w string, i int) bool {
		return afterConsonant(w, i) && (i+2 == len(w) || strings.IndexByte("aeiu", w[i+2]) < 0)
	}},
	// centred, mitred
	{"red", "ered", func(w string, i int) bool { return afterConsonant(w, i) && i+3 == len(w) }},
	// centring, manoeuvring, centrings
	{"ring", "ering", func(w string, i int) bool {
		return afterConsonant(w, i) && (i+4 == len(w) || w[i+4:] == "s")
	}},
	// defence, licence, offence; licencing
	{"ence", "ense", nil}, {"encing", "ensing", nil},
	// practise, practised, practising: the verb the British spell with s
	// is "practice" in American. Limited to this stem, because the general
	// -ise/-ice rewrite would also turn "prise" into "price".
	{"practis", "practic", nil},
	// travelled, cancelling, traveller, cruellest, woollen, counsellor,
	// medallist, tranquillise, tranquillity: a doubled l before e, i or
	// "or" (the spelling patterns above list the endings -ed, -ing and -er;
	// -est, -en, -ist, -ise, -ity and -or double the l the same way).
	{"ll", "l", func(w string, i int) bool {
		rest := w[i+2:]
		return strings.HasPrefix(rest, "e") || strings.HasPrefix(rest, "i") || strings.HasPrefix(rest, "or")
	}},
	// catalogue, catalogues; catalogued, cataloguing
	{"ogue", "og", nil}, {"ogu", "og", nil},
	// paediatric, anaemia, aeon, aphaeresis; not the Latin plural of
	// fossae or the "aer" (air) of aerogenic.
	{"ae", "e", func(w string, i int) bool { return i+2 < len(w) && !(i == 0 && w[2] == 'r') }},
	// manoeuvre, oestrogen, diarrhoea, foetus; not the "oe" of shoes,
	// vetoed, shoer, goey, loesses, proemial or chloroethylene, where o
	// and e belong to different parts of the word.
	{"oe", "e", func(w string, i int) bool {
		switch rest := w[i+2:]; rest {
		case "", "s", "d", "r", "rs":
			return false
		default:
			return !strings.HasPrefix(rest, "y") && !strings.HasPrefix(rest, "ss") &&
				!strings.HasPrefix(rest, "m") && !strings.HasPrefix(rest, "th")
		}
	}},
	// programme, programmes
	{"amme", "am", nil},
	// judgement, acknowledgement
	{"ement", "ment", nil},
}

// afterConsonant reports whether w[i] follows a consonant that is not the
// first letter of w: the "re" of "centre" and "metre", not of "prefer".
func afterConsonant(w string, i int) bool { return i >= 2 && !isVowel(w[i-1]) }

// isVowel reports whether c is a vowel letter; y counts, as in "fayre".
func isVowel(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }

// denied are British words that the rules, even with their position
// checks, rewrite into a different American word. Each was found by
// reading the generated table; rare words that SCOWL itself files as a
// British/American pair ("kaed"/"ked", "wisen"/"wizen") are kept.
var denied = map[string]bool{
	"haem":   true, // American "heme"; the rewrite "hem" is another word
	"caesar": true, // the name (and salad); American "cesar" is not its spelling
	// im-prescriptible: the "re" is a prefix, and "imperscriptible"
	// (which SCOWL lists as American) is a different word.
	"imprescriptible": true,
}

// maxVariants bounds the rewrites tried for one word. Real words have only
// a handful of rule sites; the bound only guards against pathological
// input, and is far above what any SCOWL word needs.
const maxVariants = 1 << 12

// americanize returns the American spelling of the British word w: of the
// rewrites of w by any combination of non-overlapping rule matches that
// are in american, the one needing the fewest rewrites, then the shortest,
// then the alphabetically first. Fewest rewrites comes first because an
// extra rewrite is an extra guess: "concretise" has the one-rewrite
// "concretize" and the two-rewrite "concertize", and is the former. ok is
// false if no rewrite is American or w is denied.
func americanize(w string, american map[string]bool) (best string, ok bool) {
	if denied[w] {
		return "", false
	}
	bestN := 0
	for v, n := range variants(w) {
		if n == 0 || !american[v] {
			continue
		}
		if !ok || n < bestN || n == bestN && (len(v) < len(best) || len(v) == len(best) && v < best) {
			best, bestN, ok = v, n, true
		}
	}
	return best, ok
}

// variants returns every spelling reachable from w by rewriting any set of
// non-overlapping rule matches, with the fewest rewrites that reach it; w
// itself is there with 0.
func variants(w string) map[string]int {
	out := map[string]int{}
	var walk func(prefix string, i, n int)
	walk = func(prefix string, i, n int) {
		if len(out) >= maxVariants {
			return
		}
		if i == len(w) {
			if m, seen := out[prefix]; !seen || n < m {
				out[prefix] = n
			}
			return
		}
		walk(prefix+w[i:i+1], i+1, n)
		for _, r := range rules {
			if strings.HasPrefix(w[i:], r.from) && (r.at == nil || r.at(w, i)) {
				walk(prefix+r.to, i+len(r.from), n+1)
			}
		}
	}
	walk("", 0, 0)
	return out
}
