package facts

import (
	"container/heap"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	"github.com/briefbot/briefbot/facts/english"
)

// MaxQuestionBytes bounds a question. Real questions are a sentence or two;
// a longer text is refused with a clear problem rather than matched slowly.
const MaxQuestionBytes = 1000

// Problem says why a question could not be asked at all.
type Problem string

// Problems with a question itself, as opposed to the brief not answering it.
const (
	ProblemNone    Problem = ""
	ProblemEmpty   Problem = "empty"
	ProblemTooLong Problem = "too_long"
	ProblemNoWords Problem = "no_words"
)

// Answer is the matcher's reply to one question.
type Answer struct {
	Question string
	// Answered is true only when the top fact answers the question; an
	// unanswered reply never carries a short answer.
	Answered bool
	// Short is the short answer ("Brussels") when the question asks for a
	// person, date, place, duration, number, title or named thing.
	Short      string
	ShortKind  Kind
	Confidence float64
	// Results are the best facts, most relevant first; when Answered,
	// Results[0] is the fact that answers.
	Results     []Result
	Suggestions []string
	Problem     Problem
}

// Result is one ranked fact.
type Result struct {
	Fact       Fact
	Confidence float64
	// Highlights are the byte spans in Fact.Text of words the question
	// matched, for bolding.
	Highlights []Span
}

// Explain is the sentence to show a person when the question was not
// answered.
func (a Answer) Explain() string {
	switch a.Problem {
	case ProblemEmpty:
		return "Please ask a question about the brief."
	case ProblemTooLong:
		return "That question is too long; please ask it in under 1000 characters."
	case ProblemNoWords:
		return "I could not find any words in that question; please ask it in words."
	}
	if a.Answered {
		return ""
	}
	return "The brief doesn't say."
}

// answerThreshold is the coverage a fact needs to be given as the answer.
// Tuned on the development question set; below it the reply says the brief
// does not say, which is always preferred to a confident wrong answer.
const answerThreshold = 0.5

// unmatchedKnownWeight discounts a question word the brief uses elsewhere
// but the candidate fact lacks: the question is about the brief, the word
// just was not repeated in this sentence.
const unmatchedKnownWeight = 0.5

// Strengths of the ways a question word can match a fact word.
const (
	strengthExact   = 1.0
	strengthAcronym = 0.8
	strengthVariant = 0.8
	strengthTypo1   = 0.85
	strengthTypo2   = 0.65
	strengthSynonym = 0.6
	strengthAbbrev  = 0.6
	maxCandidates   = 30
	maxResults      = 3
	maxSuggestions  = 3
	canonicalSlack  = 0.05
	// restateSlack lets the fuller fact of a restatement answer even when
	// the shorter one words the question more closely ("held" against
	// "convened"), as long as it still answers and holds what is asked.
	restateSlack     = 0.15
	bm25RankWeight   = 0.02
	typeWeightFactor = 0.6
	// nameWeight discounts names: they say what a question is about, but a
	// brief repeats its names in most sentences, so the question's other
	// words decide which sentence answers.
	nameWeight = 0.5
	// unknownWeight scales a question word no fact uses: as heavy as a
	// rare word of the brief, a little less, since questions carry verbs
	// ("cover", "view") that a brief phrases differently.
	unknownWeight = 0.75
)

type scratch struct {
	acc    []float32
	counts []uint8
	fixes  map[string][]string // corrections already computed for this question
	hits   []uint32            // dictionary words touched by a correction search
	docs   []int               // facts touched by candidate gathering
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

type qterm struct {
	word    string
	exps    []exp
	weight  float32
	unknown bool // no word of the facts matches it in any way
	name    bool // names a person, organisation or place of the facts
	numeric bool // a number or ordinal ("2019", "eighth")
	focus   bool // the first content word after the question word
}

type query struct {
	kinds      []Kind
	head       string   // key of the noun in "which plan …"
	headActive bool     // some candidate fact names a thing of that noun
	headTerms  []uint32 // the head noun and its synonyms as fact terms
	why        bool
	amount     bool // "how much": a quantity, not an ordinal
	event      bool // why, when or where: the question is about an event
	terms      []qterm
	qkeys      map[string]bool // keys of every question word
	qterms     map[uint32]bool // index terms of every question word
}

// Ask answers a question from the fact base. It never panics on any input
// and is deterministic: the same question on the same base gives the same
// answer and confidence.
func (b *Base) Ask(question string) Answer {
	q := clean(question)
	a := Answer{Question: q, Suggestions: []string{}}
	switch {
	case q == "":
		a.Problem = ProblemEmpty
		return a
	case len(q) > MaxQuestionBytes:
		a.Question = truncate(q, 80)
		a.Problem = ProblemTooLong
		return a
	}
	toks := tokenize(q)
	if len(toks) == 0 {
		a.Problem = ProblemNoWords
		return a
	}
	sc := b.pool.Get().(*scratch)
	defer b.pool.Put(sc)
	clear(sc.fixes)
	qy := b.analyze(toks, sc)
	b.answer(qy, &a, sc)
	return a
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// analyze reads a question: what it asks for, its topic words and how each
// can match the facts.
func (b *Base) analyze(all []token, sc *scratch) *query {
	for i := range all {
		all[i].lower = b.respell(all[i].lower, sc)
	}
	toks := all[:baseCount(all)]
	qy := &query{qkeys: make(map[string]bool), qterms: make(map[uint32]bool)}
	for _, t := range all {
		k := spellingKey(t.lower)
		qy.qkeys[k] = true
		if id, ok := b.idx.terms[k]; ok {
			qy.qterms[id] = true
		}
	}
	wh, typeWord := b.questionKind(qy, toks)
	b.contentTerms(qy, toks, wh, typeWord, sc)
	b.markFocus(qy, toks, wh, typeWord)
	// "Who is Olof Skoog?" asks for the person's role, not for a person.
	if wantsKind(qy.kinds, Person) && len(qy.terms) > 0 {
		allNames := true
		for _, qt := range qy.terms {
			if !qt.name {
				allNames = false
			}
		}
		if allNames {
			qy.kinds = []Kind{Title, Org}
		}
	}
	return qy
}

// questionKind finds the question word and what it asks for: the kinds of
// entity that answer, a head noun ("which plan"), a reason. It returns the
// question word's index and that of a type noun ("city", "title") that
// only says what kind of answer is wanted, or -1.
func (b *Base) questionKind(qy *query, toks []token) (wh, typeWord int) {
	lang := b.lang
	// "were did …", "wat is …": a question word mistyped into another
	// real word, told by the auxiliary verb that follows it.
	if len(toks) > 1 && lang.aux[toks[1].lower] && !lang.wh[toks[0].lower] {
		if q := nearestQuestionWord(toks[0].lower); q != "" {
			toks[0].lower = q
		}
	}
	// The question word: the first wh-word anywhere ("In what city …").
	wh, typeWord = -1, -1
	for i, t := range toks {
		switch t.lower {
		case "who", "whom", "whose", "when", "where", "why", "what", "which", "how":
			wh = i
		}
		if wh >= 0 {
			break
		}
	}
	if wh >= 0 {
		next := func(k int) string {
			if wh+k < len(toks) {
				return toks[wh+k].lower
			}
			return ""
		}
		switch toks[wh].lower {
		case "who", "whom", "whose":
			qy.kinds = []Kind{Person, Group}
		case "when":
			qy.kinds, qy.event = []Kind{Date}, true
		case "where":
			qy.kinds, qy.event = []Kind{Place, Org}, true
			for _, t := range toks {
				if lang.affiliation[spellingKey(t.lower)] {
					qy.kinds = []Kind{Org, Place} // "Where does X work?"
				}
			}
		case "why":
			qy.why, qy.event = true, true
		case "how":
			switch next(1) {
			case "long":
				qy.kinds, typeWord = []Kind{Duration}, wh+1
			case "many", "often":
				qy.kinds = []Kind{Number}
			case "much":
				qy.kinds, qy.amount = []Kind{Number}, true
			}
		case "what", "which":
			// The noun the question is about: "which plan", "what kind of
			// approach", or a type noun anywhere ("Skoog's title").
			k := wh + 1
			for k < len(toks) && k <= wh+3 && (toks[k].lower == "kind" || toks[k].lower == "type" ||
				toks[k].lower == "sort" || toks[k].lower == "of") {
				k++
			}
			if k < len(toks) {
				w := toks[k].lower
				next := ""
				if k+1 < len(toks) {
					next = toks[k+1].lower
				}
				if kind, ok := lang.typeNoun[w]; ok {
					qy.kinds, typeWord = kindsFor(kind), k
				} else if kind, ok := lang.typeNoun[next]; ok && next != "long" && next != "where" && !lang.stop[w] {
					// "which dialogue number", "what meeting date".
					qy.kinds, typeWord = kindsFor(kind), k+1
				} else if lang.doc[w] {
					// "which agreement", "what framework": any named
					// document or programme answers.
					qy.kinds = []Kind{Misc}
					qy.head = spellingKey(w)
				} else if !lang.stop[w] && !lang.glue[w] && !b.isName(w) {
					qy.head = spellingKey(w)
				}
			}
		}
	}
	if qy.head != "" {
		qy.headActive = true
		if id, ok := b.idx.terms[qy.head]; ok {
			qy.headTerms = append(qy.headTerms, id)
		}
		for _, k := range b.idx.synonyms[qy.head] {
			if id, ok := b.idx.terms[k]; ok {
				qy.headTerms = append(qy.headTerms, id)
			}
		}
	}
	if qy.kinds == nil && qy.head == "" && !qy.why && (wh < 0 || toks[wh].lower == "what" || toks[wh].lower == "which") {
		// A type noun anywhere: "What is Skoog's title?", "skoog role".
		for k := range toks {
			if k > 0 && toks[k].lower == "place" && lang.glue[toks[k-1].lower] {
				continue // "take place"
			}
			if kind, ok := lang.typeNoun[toks[k].lower]; ok && toks[k].lower != "long" && toks[k].lower != "where" {
				qy.kinds, typeWord = kindsFor(kind), k
				break
			}
		}
	}
	if len(qy.kinds) == 1 && qy.kinds[0] == Place {
		qy.kinds = []Kind{Place, Org}
	}
	return wh, typeWord
}

// contentTerms turns the question's topic words into query terms: stop
// words, framing words and the words that set the question's kind are
// dropped; hyphenated words are matched by their parts.
func (b *Base) contentTerms(qy *query, toks []token, wh, typeWord int, sc *scratch) {
	lang := b.lang
	seen := make(map[string]bool)
	for i, t := range toks {
		w := t.lower
		if i == typeWord || i == wh || lang.stop[w] && !t.acronym || lang.glue[w] {
			continue
		}
		// "the two sides": a count that only restates "both".
		if i > 0 && toks[i-1].lower == "the" && t.lower == "two" {
			continue
		}
		// "both sides", "the EU side", "the two parties" refer to the
		// participants, like a pronoun, rather than name a topic.
		if i > 0 && lang.referent[w] {
			prev := toks[i-1].lower
			if lang.collective[prev] || b.isName(prev) || b.demonym(prev) {
				continue
			}
		}
		// "Was X discussed?", "What X was raised?": a passive verb of
		// saying only frames the question.
		if i > 0 && lang.framing[w] && lang.passive[toks[i-1].lower] {
			continue
		}
		// "take place" frames a when or where question.
		if i > 0 && w == "place" && lang.glue[toks[i-1].lower] {
			continue
		}
		k := spellingKey(w)
		if seen[k] {
			continue
		}
		if wantsKind(qy.kinds, Org) && lang.affiliation[k] {
			// "Where does X work?", "Which agency does X work for?": the
			// verb only restates that an organisation is asked for.
			continue
		}
		seen[k] = true
		qy.terms = append(qy.terms, b.expand(w, sc))
	}
}

// markFocus marks the focus of a wh-question: its first word past the
// question word that is not a stop word, a framing word or a name ("What
// was the outcome of …", "What is the EU's budget …", "Who won …").
func (b *Base) markFocus(qy *query, toks []token, wh, typeWord int) {
	lang := b.lang
	if wh >= 0 {
		for k := wh + 1; k < len(toks); k++ {
			w := toks[k].lower
			if lang.stop[w] || lang.glue[w] || b.isName(w) {
				continue
			}
			if _, ok := lang.typeNoun[w]; ok || k == typeWord || spellingKey(w) == qy.head {
				// "Which plan frames …": the head noun is the focus, and
				// the verb after it may be the question's own wording.
				break
			}
			key := spellingKey(w)
			for i := range qy.terms {
				if spellingKey(qy.terms[i].word) == key {
					qy.terms[i].focus = true
				}
			}
			break
		}
	}
}

// kindsFor lists the kinds that answer a type noun: a person noun is also
// answered by a described group ("government officials").
func kindsFor(k Kind) []Kind {
	if k == Person {
		return []Kind{Person, Group}
	}
	return []Kind{k}
}

func wantsKind(kinds []Kind, k Kind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

// demonym reports whether w names the people of a place of the facts or
// the gazetteer: "Pakistani", "European", "Afghan".
func (b *Base) demonym(w string) bool {
	for _, suf := range [...]string{"i", "an", "ian", "n", "ese", "ish"} {
		if s, ok := strings.CutSuffix(w, suf); ok && len(s) >= 3 {
			if b.isName(s) || b.lang.place[s] || b.isName(s+"e") || b.lang.place[s+"e"] {
				return true
			}
		}
	}
	return false
}

// isName reports whether a question word is part of a name in the facts.
func (b *Base) isName(w string) bool {
	id, _, ok := b.idx.termOf(w)
	return ok && b.idx.nameTerm[id]
}

// respell corrects a misspelt question word to a question word proper
// ("titel" → "title", "whre" → "where") so the question's kind is still
// understood; other words are left to expand.
func (b *Base) respell(w string, sc *scratch) string {
	if b.lang.known[w] || !lowerASCII(w) || english.Known(w) {
		return w
	}
	if _, _, ok := b.idx.termOf(w); ok {
		return w
	}
	if q := nearestQuestionWord(w); q != "" {
		return q
	}
	for _, c := range b.corrections(w, sc) {
		if _, ok := b.lang.typeNoun[c]; ok {
			return c
		}
	}
	return w
}

// nearestQuestionWord returns the question word one edit from w ("whn",
// "wher", "hwo"), or "". Swapped and dropped letters are likelier than
// wrong ones: "whn" is "when" rather than "who".
func nearestQuestionWord(w string) string {
	if len(w) < 3 || w[0] != 'w' && w[0] != 'h' {
		return ""
	}
	best, bestRank := "", 3
	for _, q := range [...]string{"who", "what", "when", "where", "which", "why", "how"} {
		if osaDistance(w, q, 1) != 1 {
			continue
		}
		rank := 2
		switch {
		case len(q) == len(w) && sortedLetters(q) == sortedLetters(w):
			rank = 0
		case len(q) == len(w)+1:
			rank = 1
		}
		if rank < bestRank {
			best, bestRank = q, rank
		}
	}
	return best
}

func sortedLetters(s string) string {
	b := []byte(s)
	slices.Sort(b)
	return string(b)
}

// expand finds the fact words a question word can match, and how strongly.
func (b *Base) expand(w string, sc *scratch) qterm {
	ix, lang := b.idx, b.lang
	qt := qterm{word: w}
	if k := spellingKey(w); k != "" && isDigitByte(k[0]) {
		qt.numeric = true
	}
	add := func(id uint32, s float32) {
		for i := range qt.exps {
			if qt.exps[i].term == id {
				qt.exps[i].s = max(qt.exps[i].s, s)
				return
			}
		}
		qt.exps = append(qt.exps, exp{id, s})
	}
	exact := func(word string, s float32) bool {
		id, k, ok := ix.termOf(word)
		if ok {
			add(id, s)
		}
		for _, sk := range ix.synonyms[k] {
			if sid, ok := ix.terms[sk]; ok {
				add(sid, s*strengthSynonym)
			}
		}
		for _, aid := range ix.acronyms[k] {
			add(aid, s*strengthAcronym)
		}
		return ok
	}
	if id, _, ok := ix.termOf(w); ok {
		qt.weight = ix.idf[id]
		qt.name = ix.nameTerm[id]
	}
	found := exact(w, strengthExact)
	if !found {
		// Derivations Porter2 leaves apart differ by a letter of their
		// stems: "financial" (financi) and "financing" (financ).
		if k := spellingKey(w); len(k) >= 6 && lowerASCII(k) {
			if id, ok := ix.terms[k[:len(k)-1]]; ok {
				add(id, strengthVariant)
			}
			for c := byte('a'); c <= 'z'; c++ {
				if id, ok := ix.terms[k+string(c)]; ok {
					add(id, strengthVariant)
				}
			}
		}
	}
	if !found && len(qt.exps) == 0 && !lang.known[w] && lowerASCII(w) {
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

type cand struct {
	doc   int
	bm25  float32
	cov   float64
	final float64
	match []float32 // strength per query term
}

func (b *Base) answer(qy *query, a *Answer, sc *scratch) {
	if len(qy.terms) == 0 {
		a.Suggestions = b.suggest(qy, nil)
		return
	}
	results := b.rank(qy, sc, maxResults)
	if len(results) == 0 {
		a.Suggestions = b.suggest(qy, nil)
		return
	}
	top := results[0]
	a.Confidence = round3(top.cov)
	a.Answered = b.decide(qy, top)
	for _, r := range results {
		a.Results = append(a.Results, Result{Fact: b.facts[r.doc].clone(), Confidence: round3(r.cov),
			Highlights: b.highlights(qy, r.doc)})
	}
	if !a.Answered {
		a.Suggestions = b.suggest(qy, results)
		return
	}
	a.Short, a.ShortKind = b.short(qy, top.doc)
}

// rank gathers candidate facts with BM25 over every expansion of the
// question's words, scores each by coverage, lets restatements give way to
// the fuller fact, and returns the best limit facts, one per group of
// near-duplicates, best first.
func (b *Base) rank(qy *query, sc *scratch, limit int) []cand {
	ix := b.idx
	// BM25 over every expansion gathers candidates. On a large base, terms
	// in more than a twentieth of all facts only add noise and time to
	// gathering, so they are left to scoring when rarer terms exist.
	acc := sc.acc
	touched := sc.docs[:0]
	defer func() { sc.docs = touched[:0] }()
	common := max(1000, len(b.docs)/20)
	rare := false
	for _, qt := range qy.terms {
		for _, e := range qt.exps {
			if len(ix.postings[e.term]) <= common {
				rare = true
			}
		}
	}
	for _, qt := range qy.terms {
		for _, e := range qt.exps {
			if rare && len(ix.postings[e.term]) > common {
				continue
			}
			w := ix.idf[e.term] * e.s
			for _, p := range ix.postings[e.term] {
				d := &b.docs[p.doc]
				tf := float32(p.tf)
				norm := tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*float32(d.length)/ix.avgLen))
				if acc[p.doc] == 0 {
					touched = append(touched, int(p.doc))
				}
				acc[p.doc] += w * norm
			}
		}
	}
	h := &candHeap{}
	for _, d := range touched {
		c := cand{doc: d, bm25: acc[d]}
		acc[d] = 0
		if h.Len() < max(maxCandidates, limit) {
			heap.Push(h, c)
		} else if better(c, (*h)[0]) {
			(*h)[0] = c
			heap.Fix(h, 0)
		}
	}
	cands := []cand(*h)
	if len(cands) == 0 {
		return nil
	}
	var maxBM float32
	for _, c := range cands {
		maxBM = max(maxBM, c.bm25)
	}
	if qy.head != "" && len(qy.kinds) == 0 {
		// A head noun ("which official") counts only when some candidate
		// names such a thing; otherwise it is just a topic word.
		qy.headActive = false
		for _, c := range cands {
			for _, e := range b.facts[c.doc].Entities {
				if b.wantedEntity(qy, c.doc, e) >= 0 {
					qy.headActive = true
				}
			}
		}
	}
	for i := range cands {
		b.score(qy, &cands[i], maxBM)
	}
	// A restated fact gives way to the most informative one of its group
	// when that one answers as well.
	for i := range cands {
		c := &cands[i]
		canon := int(b.docs[c.doc].canon)
		if canon == c.doc {
			continue
		}
		cc := cand{doc: canon}
		b.score(qy, &cc, maxBM)
		switch {
		case cc.cov >= c.cov-canonicalSlack:
			cc.final = max(cc.final, c.final)
			*c = cc
		case cc.cov >= answerThreshold && b.wantedScore(qy, canon, cc.match) >= b.wantedScore(qy, c.doc, c.match):
			// The fuller fact answers too, in other words ("convened"
			// for "held"): cite it, with the restatement's confidence.
			c.doc = canon
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].final != cands[j].final {
			return cands[i].final > cands[j].final
		}
		return cands[i].doc < cands[j].doc
	})
	// One result per near-duplicate group.
	var results []cand
	groups := make(map[int32]bool)
	for _, c := range cands {
		g := b.docs[c.doc].canon
		if groups[g] {
			continue
		}
		groups[g] = true
		results = append(results, c)
		if len(results) == limit {
			break
		}
	}
	return results
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

func better(a, b cand) bool {
	if a.bm25 != b.bm25 {
		return a.bm25 > b.bm25
	}
	return a.doc < b.doc
}

// candHeap keeps the best candidates seen so far, worst on top, for
// container/heap.
type candHeap []cand

func (h candHeap) Len() int           { return len(h) }
func (h candHeap) Less(i, j int) bool { return better(h[j], h[i]) }
func (h candHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *candHeap) Push(x any)        { *h = append(*h, x.(cand)) }
func (h *candHeap) Pop() any          { old := *h; x := old[len(old)-1]; *h = old[:len(old)-1]; return x }

// score computes a candidate's coverage: the weighted share of the
// question's words that the fact contains, with partial credit for
// synonyms and corrected spellings, and a share for containing the kind of
// thing the question asks for.
func (b *Base) score(qy *query, c *cand, maxBM float32) {
	d := &b.docs[c.doc]
	c.match = make([]float32, len(qy.terms))
	var num, den, sumW float64
	for i, qt := range qy.terms {
		var s float32
		for _, e := range qt.exps {
			if e.s > s && hasTerm(d.terms, e.term) {
				s = e.s
			}
		}
		c.match[i] = s
		w := float64(qt.weight)
		if qt.name {
			w *= nameWeight
		}
		sumW += w
		switch {
		case s > 0:
			num += w * float64(s)
			den += w
		case qt.unknown:
			den += w
		default:
			den += unmatchedKnownWeight * w
		}
	}
	if len(qy.kinds) > 0 || qy.headActive || qy.why {
		tw := typeWeightFactor * sumW / float64(len(qy.terms))
		den += tw
		num += tw * b.wantedScore(qy, c.doc, c.match)
	}
	if den > 0 {
		c.cov = num / den
	}
	c.final = c.cov
	if maxBM > 0 {
		c.final += bm25RankWeight * float64(c.bm25/maxBM)
	}
}

func containsTerm(ts []uint32, t uint32) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

func hasTerm(terms []uint32, t uint32) bool {
	i := sort.Search(len(terms), func(i int) bool { return terms[i] >= t })
	return i < len(terms) && terms[i] == t
}

// wantedScore says how well the fact holds what the question asks for, in
// [0,1]: an entity of the wanted kind that the question does not already
// name (or a named thing whose head noun the question uses, or a stated
// reason), scored higher the closer it stands to the matched words.
func (b *Base) wantedScore(qy *query, di int, match []float32) float64 {
	if qy.why {
		if b.docs[di].reason {
			return 1
		}
		return 0
	}
	d := &b.docs[di]
	var pos []int
	for _, t := range d.toks {
		for i, qt := range qy.terms {
			if match[i] == 0 {
				continue
			}
			for _, e := range qt.exps {
				if e.term == t.term {
					pos = append(pos, int(t.pos))
				}
			}
		}
	}
	best := 0.0
	for _, e := range b.facts[di].Entities {
		rank := b.wantedEntity(qy, di, e)
		if rank < 0 {
			continue
		}
		dist := 1 << 20
		for _, p := range pos {
			switch {
			case p < e.first:
				dist = min(dist, e.first-p)
			case p > e.last:
				dist = min(dist, p-e.last)
			}
		}
		s := 0.6
		if dist < 1<<20 {
			s += 0.4 / (1 + float64(dist)/6)
		}
		if rank > 0 {
			s *= 0.7 // a second-choice kind: an organisation for "where"
		}
		if e.Kind == Title {
			s += 0.02 * float64(min(e.last-e.first, 5)) // a fuller title says more
		}
		best = max(best, s)
	}
	return best
}

// wantedEntity ranks e for the question: the index of its kind among the
// wanted kinds, len(kinds) for a head-noun match, -1 when it does not fit.
func (b *Base) wantedEntity(qy *query, di int, e Entity) int {
	if b.named(qy, e) {
		return -1
	}
	for i, k := range qy.kinds {
		if e.Kind == k {
			if qy.amount && e.Kind == Number {
				if n, ok := numberWord(strings.ToLower(e.Text)); ok && strings.HasSuffix(n, "th") {
					return -1
				}
			}
			return i
		}
	}
	if qy.head != "" && e.Kind != Date && e.Kind != Number {
		if n := len(e.terms); n > 1 && containsTerm(qy.headTerms[:min(1, len(qy.headTerms))], e.terms[n-1]) {
			return len(qy.kinds)
		}
		// "the framework of the Strategic Engagement Plan": a name that
		// follows the question's noun names it.
		if e.Kind == Misc || e.Kind == Org {
			for _, t := range b.docs[di].toks {
				if gap := e.first - int(t.pos); gap >= 1 && gap <= 4 && containsTerm(qy.headTerms, t.term) {
					return len(qy.kinds)
				}
			}
		}
	}
	return -1
}

// named reports whether the question already names entity e, in which case
// e cannot be its answer.
func (b *Base) named(qy *query, e Entity) bool {
	in := 0
	for _, t := range e.terms {
		if qy.qterms[t] {
			in++
		}
	}
	if e.Kind == Person {
		return in > 0 // one shared name word is the same person
	}
	return len(e.terms) > 0 && in*2 > len(e.terms)
}

// decide says whether the top candidate answers the question.
func (b *Base) decide(qy *query, top cand) bool {
	if top.cov < answerThreshold {
		return false
	}
	content, contentHit, anyHit := 0, 0, 0
	for i, qt := range qy.terms {
		if top.match[i] > 0 {
			anyHit++
		}
		if qt.name {
			continue
		}
		content++
		if top.match[i] > 0 {
			contentHit++
		}
	}
	if anyHit == 0 {
		return false
	}
	for i, qt := range qy.terms {
		// Numbers are exact: "the eighth dialogue" is not the ninth.
		if top.match[i] == 0 && qt.numeric {
			return false
		}
		// What the question is about is a word the briefs never use.
		if qt.focus && qt.unknown {
			return false
		}
		// Why, when and where ask about an event: an event the briefs
		// never mention ("Why was the dialogue postponed?") has no answer
		// in them, however well the rest matches.
		if qt.unknown && !qt.name && qy.event && !b.lang.known[qt.word] {
			return false
		}
	}
	if content > 0 && contentHit == 0 {
		// A question whose own words (beyond names) the fact lacks is not
		// answered by a fact that merely shares the names in it, when a
		// word it never uses ("age", "population") is the point of it.
		for i, qt := range qy.terms {
			if !qt.name && top.match[i] == 0 && qt.unknown {
				return false
			}
		}
	}
	return true
}

// highlights returns the spans of fact words matched by the question.
func (b *Base) highlights(qy *query, di int) []Span {
	// Offsets are not stored per word (it would double the index); the
	// fact is tokenized again, which costs microseconds for three facts.
	text := b.facts[di].Text
	var out []Span
	for _, t := range tokenize(text) {
		if t.compound {
			continue
		}
		id, ok := b.idx.surface[t.lower]
		if !ok {
			continue
		}
		hit := false
		for _, qt := range qy.terms {
			for _, e := range qt.exps {
				if e.term == id {
					hit = true
				}
			}
		}
		if !hit {
			continue
		}
		s := Span{t.start, t.end}
		if n := len(out); n > 0 && strings.TrimSpace(text[out[n-1].End:s.Start]) == "" {
			out[n-1].End = s.End // adjacent words form one highlight
			continue
		}
		out = append(out, s)
	}
	return out
}

// short picks the short answer from the answering fact: the entity of the
// wanted kind that stands closest to what the question matched, within the
// same item of a coordinated list.
func (b *Base) short(qy *query, di int) (string, Kind) {
	if len(qy.kinds) == 0 && !qy.headActive {
		return "", 0
	}
	f, d := &b.facts[di], &b.docs[di]
	type hit struct {
		pos int
		w   float64
	}
	var hits []hit
	for _, t := range d.toks {
		for _, qt := range qy.terms {
			for _, e := range qt.exps {
				if e.term == t.term {
					hits = append(hits, hit{int(t.pos), float64(qt.weight * e.s)})
				}
			}
		}
	}
	item := func(pos int) int {
		n := 0
		for _, s := range d.items {
			if pos >= int(s) {
				n++
			}
		}
		return n
	}
	// Words before the first candidate are shared by every list item
	// ("Delegations were led by A …, and B …").
	first := -1
	for _, e := range f.Entities {
		if b.wantedEntity(qy, di, e) >= 0 {
			first = e.first
			break
		}
	}
	best, bestScore, bestKind := "", math.Inf(-1), Kind(0)
	for _, e := range f.Entities {
		rank := b.wantedEntity(qy, di, e)
		if rank < 0 {
			continue
		}
		score := -0.5 * float64(rank)
		for _, h := range hits {
			if h.pos >= e.first && h.pos <= e.last {
				continue
			}
			if h.pos >= first && item(h.pos) == item(e.first) && len(d.items) > 0 {
				score += h.w
			}
			dist := h.pos - e.last
			if h.pos < e.first {
				dist = e.first - h.pos
			}
			near := 1 / float64(1+dist)
			if e.Kind == Title {
				// Titles stand in apposition ("EU Special Representative
				// for Human Rights, Ambassador Olof Skoog"): any one near
				// the name fits, and the fuller one says more.
				near = min(1, 4/float64(1+dist))
			}
			score += h.w * 0.5 * near
		}
		if e.Kind == Title {
			score += 0.05 * float64(e.last-e.first)
		}
		if e.Kind == Place {
			before := strings.ToLower(strings.TrimRight(f.Text[:e.Span.Start], " "))
			if strings.HasSuffix(before, " in") || strings.HasSuffix(before, " at") {
				score += 0.3
			}
		}
		score += 0.01 * float64(e.last-e.first)
		if score > bestScore {
			best, bestScore, bestKind = e.Text, score, e.Kind
		}
	}
	if bestKind == Person && !strings.Contains(best, " ") {
		best = b.fullName(f.Citation.Brief, best)
	}
	return best, bestKind
}

// fullName expands a surname ("Skoog") to the fullest name the same brief
// gives that person ("Olof Skoog").
func (b *Base) fullName(brief, surname string) string {
	best := surname
	r := b.spans[brief]
	for i := r[0]; i < r[1]; i++ {
		f := &b.facts[i]
		for _, e := range f.Entities {
			if e.Kind == Person && strings.HasSuffix(e.Text, " "+surname) && len(e.Text) > len(best) {
				best = e.Text
			}
		}
	}
	return best
}

// suggest offers up to three topics to ask about instead: names that the
// question's unmatched words spell approximately (found with sahilm/fuzzy's
// in-order matching), then names from the closest facts, then the brief's
// main topics.
func (b *Base) suggest(qy *query, near []cand) []string {
	out := []string{}
	seen := make(map[string]bool)
	push := func(s string) {
		ls := strings.ToLower(s)
		if len(out) >= maxSuggestions || seen[ls] || qy.qkeys[spellingKey(ls)] {
			return
		}
		seen[ls] = true
		out = append(out, s)
	}
	for _, qt := range qy.terms {
		if len(qt.exps) > 0 || len(qt.word) < 4 {
			continue
		}
		for _, m := range fuzzy.Find(qt.word, b.topics) {
			// Only a near-contiguous match is a misspelt name; letters
			// scattered across a long topic are chance.
			span := m.MatchedIndexes[len(m.MatchedIndexes)-1] - m.MatchedIndexes[0] + 1
			if m.Score > 0 && span <= len(qt.word)+2 {
				push(m.Str)
			}
			break
		}
	}
	for _, c := range near {
		if c.cov == 0 {
			continue
		}
		for _, e := range b.facts[c.doc].Entities {
			switch e.Kind {
			case Person, Org, Place, Misc:
				if b.named(qy, e) {
					continue
				}
				if e.Kind == Person && !strings.Contains(e.Text, " ") {
					push(b.fullName(b.facts[c.doc].Citation.Brief, e.Text))
					continue
				}
				push(e.Text)
			}
		}
	}
	for _, t := range b.topics {
		push(t)
	}
	return out
}
