package facts

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/briefbot/briefbot/facts/internal/prose"
)

// builder turns briefs into facts and index postings. It caches spelling
// keys, which dominate build time on large corpora.
type builder struct {
	lang      *prose.Language
	tg        prose.Tagger
	keys      map[string]string
	terms     map[string]uint32
	keyList   []string
	hashBuf   []byte
	tokBuf    []prose.Token // reused for every sentence
	idBuf     []int32       // reused for every sentence
	clauseBuf []int         // reused for every sentence
	arena     []docTok      // doc tokens are carved from large blocks
	termArea  []uint32
	entArea   [][2]int32          // each fact's entity ranges, carved as the above
	before    []int32             // reused: how many of a fact's tokens before each one are terms
	chunk     int                 // the blocks' size: the whole text's tokens, up to blockMax
	words     map[string]wordInfo // lower-case word → term id (-1 for stop words) and class
	nameTerm  map[uint32]uint8    // name term → the kinds of name it is part of (refPerson, …)
	plainTerm map[uint32]bool     // term also written in lower case as an ordinary word
	acroNames []acroName          // multi-word names by their initials
	acroTerms []uint32            // the names' words, as index terms
	topicN    map[string]int
}

// newBuilder sizes its maps from the corpus size: about one new word per
// 64 bytes on large corpora, which saves rehashing as they grow.
func newBuilder(l *prose.Language, size int) *builder {
	words := min(size/64+64, 1<<20)
	return &builder{lang: l, tg: prose.Tagger{Lang: l}, chunk: min(size/bytesPerToken+64, blockMax),
		keys: make(map[string]string), terms: make(map[string]uint32, words),
		words: make(map[string]wordInfo, words), nameTerm: make(map[uint32]uint8),
		plainTerm: make(map[uint32]bool),
		topicN:    make(map[string]int)}
}

func (bd *builder) key(lower string) string {
	if k, ok := bd.keys[lower]; ok {
		return k
	}
	k := bd.lang.Key(lower)
	bd.keys[lower] = k
	return k
}

func (bd *builder) term(key string) uint32 {
	if id, ok := bd.terms[key]; ok {
		return id
	}
	id := uint32(len(bd.keyList))
	bd.terms[key] = id
	bd.keyList = append(bd.keyList, key)
	return id
}

func (bd *builder) addBrief(b *Brief, fs []Fact, ds []doc) ([]Fact, []doc) {
	an := bd.analyse(b)
	for i := range an.sents {
		f := an.sents[i].fact(b)
		toks := prose.TokenizeInto(bd.tokBuf, f.Text)
		ids := bd.lookup(toks)
		toks, ids = bd.withAcronyms(toks, ids)
		bd.tokBuf, bd.idBuf = toks, ids
		fs = append(fs, f)
		d := bd.doc(f.Text, toks, ids, f.Entities)
		d.years = prose.YearsAgainst(toks, b.Date)
		bd.clauseBuf = clausesInto(bd.clauseBuf, f.Text, toks)
		if from, to := bd.lang.Background(toks, bd.clauseBuf); to > from {
			d.back = [2]uint16{uint16(min(toks[from].Pos, 65535)), uint16(min(toks[to-1].Pos+1, 65535))}
		}
		ds = append(ds, d)
	}
	return fs, ds
}

func factID(buf []byte, brief string, p, s int, text string) ([]byte, string) {
	buf = append(buf[:0], brief...)
	buf = append(buf, 0)
	buf = strconv.AppendInt(buf, int64(p), 10)
	buf = append(buf, 0)
	buf = strconv.AppendInt(buf, int64(s), 10)
	buf = append(buf, 0)
	buf = append(buf, text...)
	sum := sha256.Sum256(buf)
	return buf, "p" + strconv.Itoa(p) + "s" + strconv.Itoa(s) + "-" + hex.EncodeToString(sum[:4])
}

// The token blocks' size: a base's whole text fits in one (a brief's
// tokens run about one per bytesPerToken bytes) up to blockMax tokens, so
// a small base wastes little and a large one allocates rarely.
const (
	bytesPerToken = 5
	blockMax      = 1 << 14
)

// carve returns an empty slice with room for n elements, cut from a shared
// block of chunk elements so that one allocation serves many facts.
func carve[T any](block *[]T, n, chunk int) []T {
	if cap(*block)-len(*block) < n {
		*block = make([]T, 0, max(n, chunk))
	}
	b := *block
	*block = b[:len(b)+n]
	return b[len(b) : len(b) : len(b)+n]
}

// lookup finds each token's term id (-1 for a stop word) and word class,
// with one map access per token.
func (bd *builder) lookup(toks []prose.Token) []int32 {
	ids := slices.Grow(bd.idBuf[:0], len(toks))[:len(toks)]
	bd.idBuf = ids
	for i := range toks {
		t := &toks[i]
		wi, ok := bd.words[t.Lower]
		if !ok {
			wi.cls = bd.lang.Class(t.Lower)
			wi.id = -1
			if wi.cls&prose.CStop == 0 {
				wi.id = int32(bd.term(bd.lang.Key(t.Lower)))
			}
			bd.words[t.Lower] = wi
		}
		t.Cls = wi.cls
		ids[i] = wi.id
		if wi.id < 0 && t.Acronym {
			ids[i] = int32(bd.term(bd.key(t.Lower))) // "US" is a name, "us" a pronoun
		}
	}
	return ids
}

type wordInfo struct {
	id  int32
	cls prose.WordClass
}

func (bd *builder) doc(text string, toks []prose.Token, ids []int32, ents []Entity) doc {
	n := 0
	for _, id := range ids {
		if id >= 0 {
			n++
		}
	}
	d := doc{canon: -1, toks: carve(&bd.arena, n, bd.chunk), terms: carve(&bd.termArea, n, bd.chunk), refs: bd.definiteRefs(toks), opensRef: opensWithPronoun(toks)}
	bd.before = slices.Grow(bd.before[:0], len(toks)+1)
	for i, t := range toks {
		bd.before = append(bd.before, int32(len(d.toks)))
		id := ids[i]
		if id < 0 {
			continue
		}
		if !t.Compound {
			d.length++
		}
		d.toks = append(d.toks, docTok{term: uint32(id), pos: uint16(min(t.Pos, 65535))})
		if !t.Cap && !t.Acronym && !t.Num {
			bd.plainTerm[uint32(id)] = true
		}
		d.terms = append(d.terms, uint32(id))
	}
	bd.before = append(bd.before, int32(len(d.toks)))
	if len(ents) > 0 {
		// A fact has about one entity for every eight tokens: blocks an
		// eighth the tokens' size leave little unused at a base's end.
		d.ents = carve(&bd.entArea, len(ents), bd.chunk/8+1)[:len(ents)]
	}
	for ei := range ents {
		e := &ents[ei]
		d.ents[ei] = [2]int32{bd.before[min(e.First, len(ids))], bd.before[min(e.Last+1, len(ids))]}
		for x := e.First; x <= e.Last && x < len(ids); x++ {
			if ids[x] >= 0 {
				if r := refKind(e.Kind); r != 0 {
					bd.nameTerm[uint32(ids[x])] |= r
				}
			}
		}
		if e.Kind != Date && e.Kind != Number && e.Kind != Group {
			bd.topicN[e.Text]++
		}
		if e.Last > e.First && (e.Kind == Org || e.Kind == Place || e.Kind == Misc) {
			bd.acronym(toks[e.First:e.Last+1], ids[e.First:e.Last+1])
		}
	}
	slices.Sort(d.terms)
	d.terms = slices.Compact(d.terms)
	d.reason = bd.lang.HasReason(toks)
	d.leader = bd.lang.NamesLeader(toks, ents)
	d.negated = bd.lang.Negated(toks)
	d.items = coordinatedItems(text, toks)
	d.dims = factDims(bd.lang, text, toks[:prose.BaseCount(toks)], ents)
	return d
}

// acronym records "European Union" under "eu", so a question saying "EU"
// finds facts that spell the name out, and the other way round.
func (bd *builder) acronym(toks []prose.Token, ids []int32) {
	var buf [16]byte
	ac := buf[:0]
	start := len(bd.acroTerms)
	for i, t := range toks {
		if t.Compound || t.Cls&prose.CConnector != 0 && !t.Cap {
			continue
		}
		if !t.Cap || t.Acronym || ids[i] < 0 || len(ac) == len(buf) {
			bd.acroTerms = bd.acroTerms[:start]
			return
		}
		ac = utf8.AppendRune(ac, []rune(t.Lower[:min(len(t.Lower), 4)])[0])
		bd.acroTerms = append(bd.acroTerms, uint32(ids[i]))
	}
	if len(bd.acroTerms)-start < 2 {
		bd.acroTerms = bd.acroTerms[:start]
		return
	}
	bd.acroNames = append(bd.acroNames, acroName{string(ac), start, len(bd.acroTerms)})
}

// acroName is an acronym and the range of builder.acroTerms it stands for.
type acroName struct {
	acronym    string
	start, end int
}

// coordinatedItems finds where the items of a ", and"-joined list begin:
// "led by A, Director of X, and B, Director of Y" has items at A and B, so a
// question about Y is answered with B, not A.
func coordinatedItems(text string, toks []prose.Token) []uint16 {
	var items []uint16
	for i := 1; i < len(toks); i++ {
		t := toks[i]
		if t.Compound || t.Lower != "and" && t.Lower != "while" && t.Lower != "whereas" {
			continue
		}
		before := strings.TrimRight(text[:t.Start], " ")
		if strings.HasSuffix(before, ",") || strings.HasSuffix(before, ";") {
			items = append(items, uint16(min(t.Pos+1, 65535)))
		}
	}
	return items
}

// linkDuplicates marks facts of one brief that restate another: when most
// of a fact's content words are in a longer fact, the longer one answers.
func linkDuplicates(fs []Fact, ds []doc, offset int32) {
	for i := range ds {
		ds[i].canon = offset + int32(i)
	}
	// A long brief compares its opening paragraph with every fact and the
	// rest only with nearby facts and the opening, so linking stays linear
	// in brief length: facts are in text order, so the opening paragraph is
	// a prefix and nearby facts a window.
	const window = 64
	infos := make([]float64, len(ds))
	lead := 0
	for i := range ds {
		infos[i] = info(&ds[i], &fs[i])
		if fs[i].Citation.Paragraph == 1 {
			lead = i + 1
		}
	}
	for i := range ds {
		if len(ds[i].terms) < 4 {
			continue
		}
		best, bestInfo := -1, infos[i]
		consider := func(j int) {
			if i == j || infos[j] <= bestInfo {
				return
			}
			small := min(len(ds[i].terms), len(ds[j].terms))
			if small < 4 || float64(sharedTerms(ds[i].terms, ds[j].terms)) < 0.7*float64(small) {
				return
			}
			best, bestInfo = j, infos[j]
		}
		if i < lead {
			for j := range ds {
				consider(j)
			}
		} else {
			for j := range min(lead, max(0, i-window)) {
				consider(j)
			}
			for j := max(0, i-window); j < min(len(ds), i+window+1); j++ {
				consider(j)
			}
		}
		if best >= 0 {
			ds[i].canon = offset + int32(best)
		}
	}
	// Follow chains so every member points at its group's best fact.
	for i := range ds {
		c := ds[i].canon
		for steps := 0; steps < len(ds) && ds[c-offset].canon != c; steps++ {
			c = ds[c-offset].canon
		}
		ds[i].canon = c
		if c != offset+int32(i) {
			fs[i].SameAs = fs[c-offset].ID
		}
	}
}

// info scores how much a fact says: distinct content words plus entities.
func info(d *doc, f *Fact) float64 {
	return float64(len(d.terms)) + 2*float64(len(f.Entities)) + float64(len(f.Text))/1000
}

func sharedTerms(a, b []uint32) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// topics lists entity names that occur in the base, most frequent first
// (ties alphabetically). Only the buckets of counts that reach the top are
// sorted: a large base has tens of thousands of names seen once.
func (bd *builder) topics(fs []Fact) []string {
	const maxTopics = 200
	byCount := make(map[int][]string)
	var counts []int
	for t, n := range bd.topicN {
		if byCount[n] == nil {
			counts = append(counts, n)
		}
		byCount[n] = append(byCount[n], t)
	}
	slices.Sort(counts)
	var out []string
	for i := len(counts) - 1; i >= 0 && len(out) < maxTopics; i-- {
		bucket := byCount[counts[i]]
		slices.Sort(bucket)
		out = append(out, bucket[:min(len(bucket), maxTopics-len(out))]...)
	}
	return out
}
