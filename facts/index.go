package facts

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	"github.com/briefbot/briefbot/facts/internal/prose"
	"github.com/briefbot/briefbot/facts/internal/wordnet"
)

// index is an inverted index over fact content words, with the vocabulary
// structures that make misspelled and abbreviated question words usable.
type index struct {
	lang     *prose.Language
	terms    map[string]uint32 // spelling key → term id
	keys     []string
	postings [][]posting
	idf      []float32
	avgLen   float32
	nameTerm []bool  // term occurs inside a person, organisation or place name
	plain    []bool  // term is also written in lower case as an ordinary word ("research" beside "Research Council")
	nameKind []uint8 // the kinds of name the term occurs in (refPerson, refOrg, refPlace)
	vec      []int32 // term → row in the word vectors, -1 for none
	maxIDF   float32

	surface map[string]uint32 // lower-case word in the facts → term id
	// words is the spelling dictionary: every word of the facts plus the
	// lexicon's, sorted. grams maps a byte bigram (with ^ and $ marking the
	// ends) to the words that contain it, for edit-distance candidates.
	words   []string
	byLen   []int         // byLen[n] is the index in words of the first word of n bytes or more
	byFirst [256][]uint32 // words by first byte, for abbreviations
	grams   gramIndex     // word indices by bigram

	synonyms relatedTerms // spelling key → the terms of its synonyms
	// irregular maps the key of a base form to the facts' irregular forms
	// of it ("lead" to "led"): a question word's own relations name base
	// forms ("heads" relates to "lead"), which a fact may hold only
	// inflected.
	irregular relatedTerms
	acronyms  map[string][]uint32 // acronym key → the terms of the words it stands for
	// lemmas maps each WordNet lemma that has antonyms to the terms of
	// the facts' words that are forms of it, so a question word's
	// opposite is found however the fact inflects it.
	lemmas map[string][]uint32
}

type posting struct {
	doc uint32
	tf  uint16
}

const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

func (bd *builder) finish(ds []doc, vec wordVectors) *index {
	ix := &index{lang: bd.lang, terms: bd.terms, keys: bd.keyList, surface: make(map[string]uint32, len(bd.words))}
	// Each term's word vector is that of its most frequent surface form
	// (the vectors are in frequency order).
	ix.vec = make([]int32, len(bd.keyList))
	for i := range ix.vec {
		ix.vec[i] = -1
	}
	for w, wi := range bd.words {
		if wi.id >= 0 {
			ix.surface[w] = uint32(wi.id)
			if vec != nil {
				if v, ok := vec.Index(w); ok && (ix.vec[wi.id] < 0 || int32(v) < ix.vec[wi.id]) {
					ix.vec[wi.id] = int32(v)
				}
			}
		}
	}
	// Count document frequencies first so every posting list is carved
	// from one block at its exact size.
	df := make([]int32, len(bd.keyList))
	total := 0
	for di := range ds {
		total += ds[di].length
		for _, t := range ds[di].terms {
			df[t]++
		}
	}
	sum := 0
	for _, n := range df {
		sum += int(n)
	}
	block := make([]posting, sum)
	ix.postings = make([][]posting, len(bd.keyList))
	off := 0
	for t, n := range df {
		ix.postings[t] = block[off : off : off+int(n)]
		off += int(n)
	}
	for di := range ds {
		for _, o := range ds[di].toks {
			p := ix.postings[o.term]
			if n := len(p); n > 0 && p[n-1].doc == uint32(di) {
				if p[n-1].tf < 65535 {
					p[n-1].tf++
				}
				continue
			}
			ix.postings[o.term] = append(p, posting{doc: uint32(di), tf: 1})
		}
	}
	if len(ds) > 0 {
		ix.avgLen = float32(total) / float32(len(ds))
	}
	n := float64(len(ds))
	ix.idf = make([]float32, len(ix.postings))
	for t, p := range ix.postings {
		ix.idf[t] = idf(n, float64(len(p)))
	}
	ix.maxIDF = idf(n, 1)
	ix.nameTerm = make([]bool, len(ix.keys))
	ix.nameKind = make([]uint8, len(ix.keys))
	ix.plain = make([]bool, len(ix.keys))
	for t := range bd.plainTerm {
		ix.plain[t] = true
	}
	for t, k := range bd.nameTerm {
		ix.nameTerm[t] = true
		ix.nameKind[t] = k
		if !ix.plain[t] {
			ix.vec[t] = -1 // names match by spelling, not by meaning
		}
	}
	// The spelling dictionary: words of the facts and of the lexicon.
	dict := make(map[string]bool, len(ix.surface))
	for w := range ix.surface {
		if utf8.RuneCountInString(w) >= 3 && !bd.lang.Stop[w] && !prose.IsDigitByte(w[0]) {
			dict[w] = true
		}
	}
	for w := range bd.lang.TypeNoun {
		dict[w] = true
	}
	ix.words = make([]string, 0, len(dict))
	for w := range dict {
		ix.words = append(ix.words, w)
	}
	// Sorted by length, then alphabetically: the words of a length range
	// are then a contiguous run of indices, which corrections exploit.
	sort.Slice(ix.words, func(a, b int) bool {
		if len(ix.words[a]) != len(ix.words[b]) {
			return len(ix.words[a]) < len(ix.words[b])
		}
		return ix.words[a] < ix.words[b]
	})
	ix.byLen = make([]int, 0, 64)
	for i, w := range ix.words {
		for len(ix.byLen) <= len(w) {
			ix.byLen = append(ix.byLen, i)
		}
	}
	for wi, w := range ix.words {
		ix.byFirst[w[0]] = append(ix.byFirst[w[0]], uint32(wi))
	}
	ix.grams = buildGrams(ix.words)
	ix.synonyms, ix.irregular = relatedKeys(bd, ix.surface)
	ix.lemmas = antonymLemmas(bd.lang.Wn, ix.surface)
	// Acronyms map to the words they stand for, as index terms.
	ix.acronyms = make(map[string][]uint32)
	for _, an := range bd.acroNames {
		ak := bd.key(an.acronym)
		for _, t := range bd.acroTerms[an.start:an.end] {
			if !slices.Contains(ix.acronyms[ak], t) {
				ix.acronyms[ak] = append(ix.acronyms[ak], t)
			}
		}
	}
	for k := range ix.acronyms {
		slices.Sort(ix.acronyms[k])
	}
	return ix
}

// relatedTerms maps the spelling key of a word WordNet relates to a word
// of the facts ("winner", "victory" to "won") to the terms of those fact
// words, so a question in other words finds them. Inflected forms are
// related through their base form ("won" through "win", "defeating"
// through "defeat").
//
// A base holds one of these for every brief it serves, and a process
// serving many servers holds many bases: the terms sit in one flat slice,
// with no pointers for the collector to follow, rather than in a slice of
// key strings per related word.
type relatedTerms struct {
	at    map[string][2]uint32 // key → the range of terms its words relate to
	terms []uint32             // in the order of their spelling keys
}

// of is the terms the word with spelling key k relates to.
func (r *relatedTerms) of(k string) []uint32 {
	span, ok := r.at[k]
	if !ok {
		return nil
	}
	return r.terms[span[0]:span[1]]
}

// relatedKeys returns the facts' words by the keys of the words WordNet
// relates them to, and their irregular forms by the key of the base.
func relatedKeys(bd *builder, surface map[string]uint32) (related, irregular relatedTerms) {
	wn := bd.lang.Wn
	byKey := make(map[string][]uint32)
	byBase := make(map[string][]uint32)
	keyOf := make(map[string]string)
	key := func(w string) string {
		k, ok := keyOf[w]
		if !ok {
			k = bd.lang.Key(w)
			keyOf[w] = k
		}
		return k
	}
	total := 0
	for w, id := range surface {
		fk := bd.keyList[id]
		add := func(r string) {
			rk := key(r)
			if rk != fk && !slices.Contains(byKey[rk], id) {
				byKey[rk] = append(byKey[rk], id)
				total++
			}
		}
		if base, ok := wn.Base(w); ok {
			add(base)
			if bk := key(base); bk != fk && !slices.Contains(byBase[bk], id) {
				byBase[bk] = append(byBase[bk], id)
			}
			for _, r := range wn.Related(base) {
				add(r)
			}
		}
		for _, r := range wn.RelatedForm(w) {
			add(r)
		}
	}
	return flatTerms(bd, byKey, total), flatTerms(bd, byBase, 0)
}

// flatTerms lays out terms by key in one slice, each key's sorted by
// spelling key so that the order does not depend on the map's; total is
// how many there are, when known.
func flatTerms(bd *builder, byKey map[string][]uint32, total int) relatedTerms {
	out := relatedTerms{at: make(map[string][2]uint32, len(byKey)), terms: make([]uint32, 0, total)}
	for k, ids := range byKey {
		slices.SortFunc(ids, func(a, b uint32) int { return strings.Compare(bd.keyList[a], bd.keyList[b]) })
		start := uint32(len(out.terms))
		out.terms = append(out.terms, ids...)
		out.at[k] = [2]uint32{start, uint32(len(out.terms))}
	}
	return out
}

func idf(n, df float64) float32 {
	return float32(math.Log(1 + (n-df+0.5)/(df+0.5)))
}

func forBigrams(w string, f func(uint16)) {
	prev := byte('^')
	for i := 0; i < len(w); i++ {
		f(uint16(prev)<<8 | uint16(w[i]))
		prev = w[i]
	}
	f(uint16(prev)<<8 | '$')
}

// termOf returns the term id for a lower-case word, if the facts contain it.
func (ix *index) termOf(lower string) (uint32, string, bool) {
	if id, ok := ix.surface[lower]; ok {
		return id, ix.keys[id], true
	}
	k := ix.lang.Key(lower)
	id, ok := ix.terms[k]
	return id, k, ok
}

// corrections returns dictionary words within a small edit distance of w:
// one edit for words of four or five letters, two for longer ones, fewer
// edits preferred. It answers misspellings such as "delegaton", "lenght",
// "hamid".
func (ix *index) corrections(w string, counts []uint8, touched *[]uint32) []string {
	n := utf8.RuneCountInString(w)
	if n < 4 || len(w) > 40 {
		return nil
	}
	maxD := 1
	if n >= 5 {
		maxD = 2
	}
	// q-gram filter: strings within k edits share at least len+1-2k bigrams.
	need := len(w) + 1 - 2*maxD
	if need < 1 {
		need = 1
	}
	// Only words within maxD bytes of w's length can be close enough;
	// they are one contiguous index range in every posting list.
	lo, hi := ix.lenRange(len(w)-maxD), ix.lenRange(len(w)+maxD+1)
	hits := (*touched)[:0]
	defer func() { *touched = hits[:0] }()
	forBigrams(w, func(g uint16) {
		list := ix.grams.words(g)
		a, _ := slices.BinarySearch(list, uint32(lo))
		b, _ := slices.BinarySearch(list, uint32(hi))
		for _, i := range list[a:b] {
			if counts[i] == 0 {
				hits = append(hits, i)
			}
			if counts[i] < 255 {
				counts[i]++
			}
		}
	})
	type cand struct {
		w string
		d int
	}
	var cands []cand
	for _, i := range hits {
		c := int(counts[i])
		counts[i] = 0
		if c < need {
			continue
		}
		word := ix.words[i]
		if abs(len(word)-len(w)) > maxD {
			continue
		}
		d := osaDistance(w, word, maxD)
		if d > maxD || d == 0 {
			continue
		}
		if d == 2 && word[0] != w[0] {
			continue // two edits and a different first letter: too far
		}
		cands = append(cands, cand{word, d})
	}
	if len(cands) == 0 {
		return nil
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].d != cands[j].d {
			return cands[i].d < cands[j].d
		}
		return cands[i].w < cands[j].w
	})
	best := cands[0].d
	var out []string
	for _, c := range cands {
		if c.d != best || len(out) == 3 {
			break
		}
		out = append(out, c.w)
	}
	return out
}

// lenRange returns the index of the first word at least n bytes long.
func (ix *index) lenRange(n int) int {
	switch {
	case n <= 0:
		return 0
	case n >= len(ix.byLen):
		return len(ix.words)
	}
	return ix.byLen[n]
}

// abbreviations returns dictionary words that contain w's letters in order,
// starting with its first letter ("govt" → "government", "extrem" →
// "extremism"). sahilm/fuzzy is built for exactly this kind of in-order
// matching and scores prefix and adjacent-letter matches highest.
func (ix *index) abbreviations(w string) []string {
	if utf8.RuneCountInString(w) < 4 || len(w) > 40 {
		return nil
	}
	bucket := ix.byFirst[w[0]]
	ms := fuzzy.FindFrom(w, wordList{ix.words, bucket})
	var out []string
	for _, m := range ms {
		if len(out) == 2 || m.Score <= 0 {
			break
		}
		if len(m.Str) > 2*len(w)+2 || len(m.MatchedIndexes) == 0 || m.MatchedIndexes[0] != 0 {
			continue
		}
		out = append(out, m.Str)
	}
	return out
}

// wordList presents some dictionary words to sahilm/fuzzy.
type wordList struct {
	words []string
	which []uint32
}

func (l wordList) String(i int) string { return l.words[l.which[i]] }
func (l wordList) Len() int            { return len(l.which) }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// osaDistance is the optimal-string-alignment edit distance (Levenshtein
// plus adjacent transpositions), giving up once it must exceed max. Written
// here rather than imported: the common libraries have no bound or no
// transpositions, and this runs on every unknown question word.
func osaDistance(a, b string, max int) int {
	if a == b {
		return 0
	}
	ra, rb := []rune(a), []rune(b)
	if abs(len(ra)-len(rb)) > max {
		return max + 1
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// lowerASCII reports whether s is plain lower-case ASCII letters, the only
// words worth spelling-correcting.
func lowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

// antonymLemmas maps the lemmas with antonyms to the fact terms whose words
// are forms of them ("largest" under "large").
func antonymLemmas(wn *wordnet.Lexicon, surface map[string]uint32) map[string][]uint32 {
	out := make(map[string][]uint32)
	for w, id := range surface {
		for _, l := range wn.AntonymLemmas(w) {
			if !slices.Contains(out[l], id) {
				out[l] = append(out[l], id)
			}
		}
	}
	for _, ts := range out {
		slices.Sort(ts)
	}
	return out
}

// opposites returns the fact terms that are antonyms of a question word
// ("won" finds "lost"), nil when there are none.
func (ix *index) opposites(w string) []uint32 {
	var out []uint32
	for _, a := range ix.lang.Wn.Antonyms(w) {
		for _, t := range ix.lemmas[a] {
			if !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
	}
	return out
}
