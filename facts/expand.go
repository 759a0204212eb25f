package facts

import (
	"strings"

	"github.com/briefbot/briefbot/facts/english"
	"github.com/briefbot/briefbot/facts/internal/prose"
)

// unmatchedKnownWeight discounts a question word the brief uses elsewhere
// but the candidate fact lacks, in the coverage feature: the question is
// about the brief, the word just was not repeated in this sentence.
const unmatchedKnownWeight = 0.5

// Strengths of the ways a question word can match a fact word, in the
// coverage feature; the ranker weighs coverage against exact matches and
// vector similarity, so these only order the kinds of match.
const (
	strengthExact   = 1.0
	strengthAcronym = 0.8
	strengthVariant = 0.8 // an irregular form's base ("won" for "win")
	strengthTypo1   = 0.85
	strengthTypo2   = 0.65
	strengthSynonym = 0.6
	strengthAbbrev  = 0.6
	// maxResults is how many facts an answer ranks: the answer, related
	// facts, and enough of other briefs to tell when several answer.
	maxResults     = 5
	maxSuggestions = 3
	// canonicalSlack is how much less of the question the fuller fact of a
	// restatement may cover and still be cited in its place.
	canonicalSlack = 0.05
	// unknownWeight scales a question word no fact uses: as heavy as a
	// rare word of the brief, a little less, since questions carry verbs
	// ("cover", "view") that a brief phrases differently.
	unknownWeight = 0.75
)

type scratch struct {
	// m is the question's matcher: kept here, so that asking allocates
	// none.
	m      matcher
	acc    []float32
	counts []uint8
	fixes  map[string][]string // corrections already computed for this question
	hits   []uint32            // dictionary words touched by a correction search
	docs   []int               // facts touched by candidate gathering
	scores []float64           // ranking scores of the last question's candidates, best first
	// best is the last question's best-scored candidate, before a fuller
	// fact of its group may take its place as the one cited: its features
	// are what the confidence was fitted on.
	best cand
	// feats and matches are the candidates' feature vectors and word
	// matches of the question being answered, carved from one block each
	// and reused by the next question: made fresh per candidate, they were
	// the largest allocation of a question.
	feats   []float64
	matches []float32
	// cands and have are gathering's: the candidates of the last
	// gathering and the facts among them.
	cands []cand
	have  map[int]bool
	// toks and seen are the buffers a question borrows as query.toks and
	// query.seen, given back grown (see keep).
	toks []prose.Token
	seen map[[2]int]bool
}

// keep takes back the buffers the question qy borrowed, as it grew them,
// for the next question: one made for each question was a fifth of what
// answering allocates.
func (sc *scratch) keep(qy *query) {
	sc.toks, sc.seen = qy.toks[:0], qy.seen
}

// reset readies the scratch space for a new question. What the last one
// carved from it must no longer be in use.
func (sc *scratch) reset() {
	clear(sc.fixes)
	sc.feats, sc.matches = sc.feats[:0], sc.matches[:0]
}

// carveBlock is how many candidates' features the scratch space first
// makes room for: a question gathers a few dozen, so one block serves most
// questions, and a base whose questions gather more doubles it until one
// block serves them too.
const carveBlock = 64

// carveZero returns n zeroed elements carved from the scratch block,
// which the last question wrote to. A full block is replaced by one twice
// its size; what was carved before keeps the old array, so it stays
// valid.
func carveZero[T float64 | float32](block *[]T, n int) []T {
	out := carve(block, n, max(2*cap(*block), carveBlock*n))[:n]
	clear(out)
	return out
}

// corrections memoises index.corrections within one question.
func (b *Base) corrections(w string, sc *scratch) []string {
	if fx, ok := sc.fixes[w]; ok {
		return fx
	}
	if sc.counts == nil {
		sc.counts = make([]uint8, len(b.idx.words))
	}
	if sc.fixes == nil {
		sc.fixes = make(map[string][]string)
	}
	fx := b.idx.corrections(w, sc.counts, &sc.hits)
	sc.fixes[w] = fx
	return fx
}

type exp struct {
	term uint32
	s    float32
}

// addExp lets the question word match fact term id at strength s, keeping
// the strongest way when it already matches that term.
func (qt *qterm) addExp(id uint32, s float32) {
	for i := range qt.exps {
		if qt.exps[i].term == id {
			qt.exps[i].s = max(qt.exps[i].s, s)
			return
		}
	}
	qt.exps = append(qt.exps, exp{id, s})
}

// expand finds the fact words a question word can match, and how strongly.
func (b *Base) expand(w string, sc *scratch) qterm {
	ix, lang := b.idx, b.lang
	qt := qterm{word: w, vec: -1}
	if b.know.vec != nil {
		if v, ok := b.know.vec.Index(w); ok {
			qt.vec = int32(v)
		}
	}
	if k := b.lang.Key(w); k != "" && prose.IsDigitByte(k[0]) {
		qt.numeric = true
	}
	add := qt.addExp
	exact := func(word string, s float32) bool {
		id, k, ok := ix.termOf(word)
		if ok {
			add(id, s)
		}
		for _, sid := range ix.synonyms.of(k) {
			add(sid, s*strengthSynonym)
		}
		// WordNet relates a word through its two commonest senses, so a
		// relation may be listed from one side only: "talks" names
		// "dialogue" (its first sense is a negotiation), while
		// "dialogue" is first a conversation. The question word's own
		// relations match too, an inflected word's through its base
		// ("scrapped" through "scrap").
		for _, r := range lang.Wn.RelatedForm(word) {
			ix.addRelated(&qt, r, s*strengthSynonym)
		}
		for _, aid := range ix.acronyms[k] {
			add(aid, s*strengthAcronym)
		}
		return ok
	}
	if id, _, ok := ix.termOf(w); ok {
		qt.weight = ix.idf[id]
		qt.name, qt.plain = ix.nameTerm[id], ix.plain[id]
	}
	found := exact(w, strengthExact)
	if base, ok := lang.Wn.Base(w); ok && (!found || !lang.Wn.Verb(base)) {
		// An irregular form ("won", "children") finds its base form. One
		// the briefs hold ("biggest") finds it too, and what it relates
		// to ("largest"), as it does where no brief holds it: what a word
		// matches must not depend on which other briefs are loaded. A
		// verb's is left to its own form: "won" would reach all that
		// "win" relates to ("gain", "profits"), which most sentences of
		// a match report hold.
		found = exact(base, strengthVariant) || found
	}
	if qt.numeric {
		// "stage seven" is "the seventh stage", "round 2" "the second
		// round": a number finds its ordinal and the other way round.
		exact(ordinalPartner(b.lang.Key(w)), strengthVariant)
	}
	if !found && len(qt.exps) == 0 && !lang.Known[w] && lowerASCII(w) {
		// A real English word is a word, not a typo: it may only be a
		// misspelt name of the brief ("hammed" for "Hameed").
		word := english.Known(w)
		for _, c := range b.corrections(w, sc) {
			d := osaDistance(w, c, 2)
			if word && (d > 1 || !b.isName(c)) {
				continue
			}
			s := float32(strengthTypo1)
			if d == 2 {
				s = strengthTypo2
			}
			exact(c, s)
		}
		if len(qt.exps) == 0 && !word {
			for _, c := range ix.abbreviations(w) {
				exact(c, strengthAbbrev)
			}
		}
		if len(qt.exps) > 0 {
			best := qt.exps[0]
			for _, e := range qt.exps {
				if e.s > best.s {
					best = e
				}
			}
			qt.name = ix.nameTerm[best.term] && best.s >= strengthTypo2
			qt.plain = ix.plain[best.term]
			if qt.vec < 0 {
				qt.vec = ix.vec[best.term]
			}
		}
	}
	if qt.weight == 0 {
		if len(qt.exps) == 0 {
			qt.unknown = true
			qt.weight = unknownWeight * ix.maxIDF
		} else {
			for _, e := range qt.exps {
				qt.weight = max(qt.weight, ix.idf[e.term])
			}
		}
	}
	return qt
}

// addRelated lets the question word qt match the fact words of r, a word
// WordNet relates to it, at strength s: r itself, and its irregular forms,
// since a relation names a base form the fact may hold only inflected
// ("heads" relates to "lead", the fact says "led").
func (ix *index) addRelated(qt *qterm, r string, s float32) {
	rid, rk, ok := ix.termOf(r)
	if ok {
		qt.addExp(rid, s)
	}
	for _, iid := range ix.irregular.of(rk) {
		qt.addExp(iid, s)
	}
}

// ordinalPartner is the ordinal key of a cardinal one ("7" → "7th") and
// the cardinal of an ordinal ("7th" → "7"); "" for any other key.
func ordinalPartner(k string) string {
	if d, ok := strings.CutSuffix(k, "th"); ok {
		if prose.AllDigits(d) {
			return d
		}
		return ""
	}
	if prose.AllDigits(k) && len(k) <= 2 {
		return k + "th"
	}
	return ""
}
