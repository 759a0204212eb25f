package facts

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"sync"

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
	toks     []docTok
	terms    []uint32  // distinct content term ids, sorted
	length   int       // content words, for BM25 length normalisation
	canon    int32     // most informative fact of its near-duplicate group
	reason   bool      // states a cause or purpose ("crucial to", "because")
	negated  bool      // denies something ("not", "never", "didn't")
	refs     uint8     // kinds of name it refers to with "the" and a noun ("the company": refOrg)
	opensRef bool      // opens with a pronoun ("Its lawyer", "He said") standing for a name of the sentences before
	items    []uint16  // word positions where coordinated items begin (", and")
	years    uint8     // yearPast, yearThis, yearFuture: the years it names against its brief's (see yearsAgainst)
	leader   bool      // names a person and a post heading a body, or the heading: see namesLeader
	dims     dimSet    // the dimensions of the amounts it holds: see factDims
	back     [2]uint16 // word positions [from, to) of a clause telling an earlier event: see Language.Background
	// ents holds each entity's content words as a range of toks, in the
	// order of the fact's Entities, so the matcher compares a name with a
	// question without re-analysing the text.
	ents [][2]int32
}

// entity returns the content words of the fact's entity ei.
func (d *doc) entity(ei int) []docTok {
	r := d.ents[ei]
	return d.toks[r[0]:r[1]]
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
