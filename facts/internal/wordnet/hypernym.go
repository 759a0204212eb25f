package wordnet

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// maxKindLevels bounds the walk up WordNet's noun hierarchy. The deepest
// chain in WordNet 3.0 is under twenty levels; the bound only keeps
// malformed data (a cycle) from costing more than that.
const maxKindLevels = 24

// maxSynsets bounds a synset id: WordNet 3.0 has 82,115 noun synsets, and
// a larger id in the data is an error, not a reason to allocate more.
const maxSynsets = 1 << 18

// hypernymGraph is the part of WordNet's noun hierarchy hypernyms.txt
// keeps: each word's senses and each synset's hypernyms, by id.
type hypernymGraph struct {
	senses  map[string]nounSenses
	parents [][]int32
}

// nounSenses are a noun's senses: the most frequent, which say what the
// word names, and rarer ones that only serve as a class ("which
// instrument": the musical one).
type nounSenses struct {
	common, rare []int32
}

// parseHypernyms reads hypernyms.txt: "word id… [+ id…]" lines give a
// noun's common senses and, after "+", its rare ones; "id parent…" lines a
// synset's hypernyms. An id past every line is a synset with no hypernym.
// Every id lands in one backing array that the senses and parents slice,
// so the Lexicon holds a few large allocations rather than one a line:
// the file has 48k lines and is parsed whenever knowledge loads.
func (l *Lexicon) parseHypernyms(s string) error {
	g := hypernymGraph{senses: make(map[string]nounSenses, countLines(s))}
	ids := make([]int32, 0, strings.Count(s, " "))
	type edges struct{ id, from, to int32 }
	var graph []edges
	var listed [maxSynsets / 64]uint64 // the synsets with a parents line
	maxID := int32(-1)
	err := eachLine("hypernyms.txt", s, func(line string) error {
		head, rest, ok := strings.Cut(line, " ")
		if !ok {
			return errFields
		}
		word := head[0] < '0' || head[0] > '9'
		from, rare := int32(len(ids)), int32(-1)
		for rest != "" {
			var x string
			x, rest, _ = strings.Cut(rest, " ")
			if x == "+" && word && rare < 0 && int32(len(ids)) > from {
				rare = int32(len(ids))
				continue
			}
			n, err := synsetID(x)
			if err != nil {
				return err
			}
			maxID = max(maxID, n)
			ids = append(ids, n)
		}
		to := int32(len(ids))
		if word {
			if _, dup := g.senses[head]; dup {
				return errDuplicate
			}
			ns := nounSenses{common: ids[from:to:to]}
			if rare >= 0 {
				ns = nounSenses{common: ids[from:rare:rare], rare: ids[rare:to:to]}
			}
			g.senses[head] = ns
			return nil
		}
		n, err := synsetID(head)
		if err != nil {
			return err
		}
		if listed[n/64]&(1<<(n%64)) != 0 {
			return errDuplicate
		}
		listed[n/64] |= 1 << (n % 64)
		maxID = max(maxID, n)
		graph = append(graph, edges{n, from, to})
		return nil
	})
	if err != nil {
		return err
	}
	// ids no longer grows: the slices taken while it did may point into
	// an older array, which stays alive through them and is never written.
	g.parents = make([][]int32, maxID+1)
	for _, e := range graph {
		g.parents[e.id] = ids[e.from:e.to:e.to]
	}
	l.hypernyms = g
	return nil
}

// synsetID parses a synset id of hypernyms.txt.
func synsetID(s string) (int32, error) {
	n, err := strconv.ParseInt(s, 10, 32)
	if err != nil || n < 0 || n >= maxSynsets {
		return 0, fmt.Errorf("bad synset id %q", s)
	}
	return int32(n), nil
}

// KindOf reports how many levels of WordNet's noun hierarchy lie between
// word and a class it names a kind of ("copper" is a metal one level up,
// "finches" birds two levels up), through word's most frequent senses and
// any sense of class; 0 when word names no kind of class, or is class
// itself. Both are lower case; plurals are read as their singular.
func (l *Lexicon) KindOf(word, class string) int {
	if l == nil {
		return 0
	}
	g := l.graph()
	from, to := g.nounSenses(l, word), g.nounSenses(l, class)
	if len(from.common) == 0 || len(to.common)+len(to.rare) == 0 {
		return 0
	}
	// The hierarchy above a word holds a few dozen synsets: a flat list
	// walked in order, level by level, costs less than a map.
	var buf [64]int32
	seen := append(buf[:0], from.common...)
	for depth, start := 1, 0; depth <= maxKindLevels && start < len(seen); depth++ {
		end := len(seen)
		for _, id := range seen[start:end] {
			for _, p := range g.parents[id] {
				if slices.Contains(to.common, p) || slices.Contains(to.rare, p) {
					return depth
				}
				if !slices.Contains(seen, p) {
					seen = append(seen, p)
				}
			}
		}
		start = end
	}
	return 0
}

// graph is the hypernym graph, parsed on first use when Load deferred it.
// The embedded text parses (TestLoad); were it ever not to, the graph
// stays empty and KindOf finds no kinds.
func (l *Lexicon) graph() *hypernymGraph {
	l.hypernymsOnce.Do(func() {
		if l.hypernymsText != "" {
			_ = l.parseHypernyms(l.hypernymsText)
		}
	})
	return &l.hypernyms
}

// Noun reports whether the lower-case word, or the singular of a plural,
// is one of WordNet's nouns in the vocabulary: "step" and "steps" are,
// "legal" and "famous" are not.
func (l *Lexicon) Noun(word string) bool {
	if l == nil {
		return false
	}
	s := l.graph().nounSenses(l, word)
	return len(s.common)+len(s.rare) > 0
}

// nounSenses is the senses of a noun, or of the singular of a plural
// (irregular ones from l's exceptions).
func (g *hypernymGraph) nounSenses(l *Lexicon, w string) nounSenses {
	if s, ok := g.senses[w]; ok {
		return s
	}
	if b, ok := l.base[w]; ok {
		if s, ok := g.senses[b]; ok {
			return s
		}
	}
	for _, r := range [...][2]string{{"ies", "y"}, {"ches", "ch"}, {"shes", "sh"}, {"sses", "ss"}, {"xes", "x"}, {"men", "man"}, {"s", ""}} {
		if b, ok := strings.CutSuffix(w, r[0]); ok && b != "" {
			if s, ok := g.senses[b+r[1]]; ok {
				return s
			}
		}
	}
	return nounSenses{}
}
