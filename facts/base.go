package facts

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/briefbot/briefbot/facts/english"
	"github.com/briefbot/briefbot/facts/internal/prose"
)

// Fact is one sentence of a brief, with where it came from and what it
// mentions.
type Fact struct {
	// ID is stable: the same text in the same place of the same brief gets
	// the same ID across runs and reloads.
	ID       string   `json:"id"`
	Text     string   `json:"text"`
	Citation Citation `json:"citation"`
	Entities []Entity `json:"entities,omitempty"`
	// SameAs is the ID of a more informative fact this one restates (the
	// opening summary of an article repeats later sentences), or "".
	SameAs string `json:"same_as,omitempty"`
}

// Citation says where a fact stands in its brief.
type Citation struct {
	Brief     string `json:"brief"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Paragraph int    `json:"paragraph"` // 1-based
	Sentence  int    `json:"sentence"`  // 1-based, within the paragraph
	Start     int    `json:"start"`     // byte offset of the sentence in the brief file
	End       int    `json:"end"`
	// Date is the brief's date, YYYY-MM-DD, when known: with several
	// briefs, which day's news this is.
	Date string `json:"date,omitempty"`
}

// String formats the citation for people: "Title (2025-02-20), paragraph
// 2, sentence 1 (www.geo.tv)".
func (c Citation) String() string {
	title := c.Title
	if c.Date != "" {
		title += " (" + c.Date + ")"
	}
	return fmt.Sprintf("%s, paragraph %d, sentence %d (%s)", title, c.Paragraph, c.Sentence, c.Source)
}

// BriefInfo summarises one loaded brief.
type BriefInfo struct {
	Name   string `json:"name"`
	Title  string `json:"title"`
	Source string `json:"source"`
	Facts  int    `json:"facts"`
	// Hash identifies the brief's content, to tell changed briefs on reload.
	Hash string `json:"hash"`
	// File is its path in the briefs directory, when it was loaded from one.
	File string `json:"file,omitempty"`
	// Date is when its news happened, YYYY-MM-DD, when known.
	Date string `json:"date,omitempty"`
}

// Base is an immutable fact base built from briefs, with the index that
// answers questions over it. It is safe for concurrent use; a reload builds
// a new Base rather than changing one.
type Base struct {
	know    *Knowledge
	lang    *prose.Language
	briefs  []BriefInfo
	sources []*Brief // what it was built from, for a base built on top of it
	facts   []Fact
	docs    []doc
	idx     *index
	version string
	topics  []string          // prominent topics, for suggestions when nothing matches
	spans   map[string][2]int // brief name → its facts' index range
	pool    sync.Pool

	completionsOnce sync.Once
	comp            *completer // built on first use by Complete
}

// doc is a fact as the matcher sees it: compact term occurrences.
type doc struct {
	toks    []docTok
	terms   []uint32 // distinct content term ids, sorted
	length  int      // content words, for BM25 length normalisation
	canon   int32    // most informative fact of its near-duplicate group
	reason  bool     // states a cause or purpose ("crucial to", "because")
	negated bool     // denies something ("not", "never", "didn't")
	refs    uint8    // kinds of name it refers to with "the" and a noun ("the company": refOrg)
	items   []uint16 // word positions where coordinated items begin (", and")
	years   uint8    // yearPast, yearThis, yearFuture: the years it names against its brief's (see yearsAgainst)
	leader  bool     // names a person and a post heading a body, or the heading: see namesLeader
	dims    dimSet   // the dimensions of the amounts it holds: see factDims
}

type docTok struct {
	term uint32
	pos  uint16 // word position in the sentence
}

// New builds a fact base from parsed briefs with the embedded knowledge.
// A program that builds many bases loads the knowledge once with
// LoadKnowledge and calls its New instead.
func New(briefs ...*Brief) (*Base, error) {
	k, err := LoadKnowledge()
	if err != nil {
		return nil, err
	}
	return k.New(briefs...)
}

// New builds a fact base from parsed briefs. Two briefs with the same name
// are an error, since citations could not tell them apart.
func (k *Knowledge) New(briefs ...*Brief) (*Base, error) {
	seen := make(map[string]bool)
	var errs []*BriefError
	for _, b := range briefs {
		key := NameKey(b.Name)
		if seen[key] {
			errs = append(errs, &BriefError{File: b.Name, Err: ErrDuplicate})
		}
		seen[key] = true
	}
	if len(errs) > 0 {
		return nil, &LoadError{Errs: errs}
	}
	sorted := append([]*Brief(nil), briefs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	bs := &Base{know: k, lang: k.lang, sources: sorted}
	size := 0
	for _, b := range sorted {
		size += len(b.Text)
	}
	bd := newBuilder(bs.lang, size)
	bs.facts = make([]Fact, 0, size/150+1) // news sentences run 150 to 200 bytes
	bs.docs = make([]doc, 0, size/150+1)
	vh := sha256.New()
	bs.spans = make(map[string][2]int, len(sorted))
	for _, b := range sorted {
		n := len(bs.facts)
		bs.facts, bs.docs = bd.addBrief(b, bs.facts, bs.docs)
		bs.spans[b.Name] = [2]int{n, len(bs.facts)}
		linkDuplicates(bs.facts[n:], bs.docs[n:], int32(n))
		h := sha256.Sum256([]byte(b.Text))
		bs.briefs = append(bs.briefs, BriefInfo{Name: b.Name, Title: b.Title, Source: b.Source,
			Facts: len(bs.facts) - n, Hash: hex.EncodeToString(h[:6]), File: b.File, Date: b.Date})
		fmt.Fprintf(vh, "%s\x00%x\x00", b.Name, h)
	}
	// The slices were sized from an estimate; when that left much spare
	// capacity, copy them so it is not kept for the life of the base.
	if cap(bs.facts) > len(bs.facts)+len(bs.facts)/8 {
		bs.facts = slices.Clone(bs.facts)
		bs.docs = slices.Clone(bs.docs)
	}
	bs.idx = bd.finish(bs.docs, k.vec)
	bs.version = hex.EncodeToString(vh.Sum(nil))[:12]
	bs.topics = bd.topics(bs.facts)
	bs.pool.New = func() any { return &scratch{acc: make([]float32, len(bs.docs))} }
	return bs, nil
}

// Facts returns a copy of the facts, in brief then text order. The copy is
// deep, so a caller cannot change the facts being served.
func (b *Base) Facts() []Fact {
	out := make([]Fact, len(b.facts))
	for i := range b.facts {
		out[i] = b.facts[i].clone()
	}
	return out
}

// FactsRange returns copies of the facts from index start up to end, in
// the order of Facts, clamped to the base: a page of a listing without
// copying the whole base.
func (b *Base) FactsRange(start, end int) []Fact {
	start, end = max(0, min(start, len(b.facts))), max(0, min(end, len(b.facts)))
	if start >= end {
		return nil
	}
	out := make([]Fact, end-start)
	for i := range out {
		out[i] = b.facts[start+i].clone()
	}
	return out
}

// clone copies f with its own entity slice.
func (f Fact) clone() Fact {
	f.Entities = slices.Clone(f.Entities)
	for i := range f.Entities {
		f.Entities[i].Terms = nil // internal to the base that made it
	}
	return f
}

// Len returns the number of facts.
func (b *Base) Len() int { return len(b.facts) }

// Briefs describes the loaded briefs, sorted by name.
func (b *Base) Briefs() []BriefInfo { return append([]BriefInfo(nil), b.briefs...) }

// Knows reports whether a lower-case word occurs in the facts, so that a
// name of the briefs in a message counts as a word people use here.
func (b *Base) Knows(word string) bool {
	_, ok := b.idx.surface[word]
	return ok
}

// Sources returns the parsed briefs the base was built from, in name
// order, so that a larger base can be built from them and others without
// reading them again. They are shared: a caller must not change them.
func (b *Base) Sources() []*Brief { return slices.Clone(b.sources) }

// Version is a short hash of every brief's name and content: equal versions
// serve equal facts.
func (b *Base) Version() string { return b.version }

// Topics returns prominent topics of the fact base, most frequent first,
// for suggestions and autocompletion.
func (b *Base) Topics() []string { return append([]string(nil), b.topics...) }

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
	arena     []docTok      // doc tokens are carved from large blocks
	termArea  []uint32
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
	named := make(prose.Surnames)
	for pi, p := range b.Paragraphs {
		for si, sp := range bd.lang.Sentences(p.Text) {
			text := p.Text[sp.Start:sp.End]
			toks := prose.TokenizeInto(bd.tokBuf, text)
			bd.tokBuf = toks
			ids := bd.lookup(toks)
			ents := named.Opening(toks, bd.tg.Tag(text, toks), text)
			named.Add(toks, ents)
			toks, ids = bd.withAcronyms(toks, ids)
			bd.tokBuf, bd.idBuf = toks, ids
			f := Fact{Text: text, Entities: ents, Citation: Citation{
				Brief: b.Name, Title: b.Title, Source: b.Source, Paragraph: pi + 1, Sentence: si + 1,
				Start: p.Offset + sp.Start, End: p.Offset + sp.End, Date: b.Date}}
			bd.hashBuf, f.ID = factID(bd.hashBuf, b.Name, pi+1, si+1, text)
			fs = append(fs, f)
			d := bd.doc(text, toks, ids, ents)
			d.years = prose.YearsAgainst(toks, b.Date)
			ds = append(ds, d)
		}
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
	d := doc{canon: -1, toks: carve(&bd.arena, n, bd.chunk), terms: carve(&bd.termArea, n, bd.chunk), refs: bd.definiteRefs(toks)}
	for i, t := range toks {
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
	for ei := range ents {
		e := &ents[ei]
		for x := e.First; x <= e.Last && x < len(ids); x++ {
			if ids[x] >= 0 {
				e.Terms = append(e.Terms, uint32(ids[x]))
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

// IsName reports whether a lower-case word is part of a name in the facts
// (a person, place or organisation), so a message that holds one is about
// the briefs.
func (b *Base) IsName(word string) bool { return b.isName(word) }

// ChatWord returns the word a chat spelling stands for ("whats" → "what",
// "wen" → "when", "u" → "you") or a misspelt question word's proper form
// ("whre" → "where"); any other word comes back as it is.
func (b *Base) ChatWord(w string) string {
	if c, ok := b.lang.Chat[w]; ok {
		return c
	}
	if b.lang.Known[w] || !lowerASCII(w) || english.Known(w) || b.Knows(w) {
		return w
	}
	if q := nearestQuestionWord(w); q != "" {
		return q
	}
	return w
}
