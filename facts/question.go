package facts

import (
	"slices"
	"strings"

	"github.com/briefbot/briefbot/facts/english"
	"github.com/briefbot/briefbot/facts/internal/prose"
	"github.com/briefbot/briefbot/facts/internal/wordnet"
)

type qterm struct {
	word    string
	exps    []exp
	weight  float32
	unknown bool  // no word of the facts matches it in any way
	name    bool  // names a person, organisation or place of the facts
	plain   bool  // the facts also write it in lower case, as an ordinary word
	numeric bool  // a number or ordinal ("2019", "eighth")
	focus   bool  // the first content word after the question word
	vec     int32 // the word's row in the word vectors, or -1
	cap     bool  // written with a capital inside the question, or an acronym
	// opposed are the fact terms that are the word's antonyms: a fact
	// holding "lost" where the question asks who "won" states the
	// opposite of what is asked.
	opposed []uint32
}

type query struct {
	kinds        []Kind
	head         string   // key of the noun in "which plan …"
	headActive   bool     // some candidate fact names a thing of that noun
	headTerms    []uint32 // the head noun and its synonyms as fact terms
	why          bool
	amount       bool    // "how much": a quantity, not an ordinal
	age          bool    // "how old": an age
	measure      string  // the attribute a "how deep" adjective names ("depth"), when of a clear dimension: see measureDims
	clock        bool    // "what time did …": a time of day, not a day or a year
	money        bool    // the question names money ("revenue", "profit"): an amount of money answers
	placeKind    string  // "city", "country", "region" when the question names one ("in what city")
	plural       bool    // "which councillors": a list of several answers the question
	only         *[2]int // when set, the question is asked of these facts (one brief's) alone
	threshold    float64 // the confidence an answer needs: see Answers
	percent      bool    // the question asks for a share ("percentage", "share"): a percentage answers
	wh           string  // the question word, "" for none
	event        bool    // why, when or where: the question is about an event
	terms        []qterm
	qkeys        map[string]bool    // keys of every question word
	qterms       map[uint32]bool    // index terms of every question word
	matching     map[uint32][]int32 // see wordsMatching; nil until first used
	pairs        [][2]uint32        // adjacent content words, as exact terms
	definition   bool               // "what is X", "who was X": a definition is asked for
	year         bool               // names a year ("in 2025", "last year"): a fact of that year is no background
	years        uint8              // the years it names by a relative phrase ("last year"): see relativeYears
	time         askedTime          // the time it asks about, for dating amounts: see spanTimes
	past         bool               // asks about an earlier time or event ("last", "since", "ever", "in 2019"): see Language.Background
	briefCover   map[string]briefMatch
	centroid     []float32    // IDF-weighted mean word vector of the question's words
	negated      bool         // the question denies something ("Who did not …"): see fNegQuestion
	counted      []int        // the terms of the words a "how many" question counts: see countedMatch
	countedNouns []int        // … those that are nouns, when two are: see countedNouns
	leader       bool         // asks who heads something: see asksLeader
	object       bool         // its question word is not the subject: see objectQuestion
	dims         dimSet       // the dimensions of the amount it asks for: see questionDims
	units        []int        // the units of money or measure it names: see questionUnits
	places       []askedPlace // the names it places what it asks about at: see askedPlaces
	dates        askedDates   // the weekdays and months it names: see dateClash
	difference   bool         // asks by how much something changed or differs: see asksDifference
	// focus is the word-vector row of the noun after "which" or "what"
	// ("which instrument"), -1 for none: the answer's words are often of
	// its kind ("violin"), which its vector tells where no word list does.
	focus int32
	// focusWord is that noun as written (lower case), "" for none: the
	// answer's head is often a kind of it in WordNet ("copper" of
	// "which metal").
	focusWord string
	// cues are the question's function and common words besides its
	// question word ("before", "last", "new", "now"): see questionCues.
	cues []string
	// toks is a buffer for the words of the candidate facts, which a
	// question reads one at a time (see countedMatch and highlights).
	toks []prose.Token
	// seen is the set of spans eachSpan has listed for one candidate
	// fact, kept for the next one (see spansSeen).
	seen map[[2]int]bool
}

// analyze reads a question: what it asks for, its topic words and how each
// can match the facts. The matcher it returns lives in sc.
func (b *Base) analyze(all []prose.Token, sc *scratch) *matcher {
	// "whats the date": a question word typed with its "is" run on
	// ("whats" is "what" + "s") reads as "what is the date".
	copula := len(all) > 1 && b.lang.Chat[all[0].Lower]+"s" == all[0].Lower
	for i := range all {
		all[i].Lower = b.respell(all[i].Lower, sc)
	}
	toks := all[:prose.BaseCount(all)]
	qy := &query{qkeys: make(map[string]bool), qterms: make(map[uint32]bool), focus: -1, toks: sc.toks, seen: sc.seen}
	sc.m = matcher{Base: b, qy: qy, sc: sc}
	m := &sc.m
	for _, t := range all {
		k := b.lang.Key(t.Lower)
		qy.qkeys[k] = true
		if id, ok := b.idx.terms[k]; ok {
			qy.qterms[id] = true
		}
	}
	qy.negated = b.lang.Negated(all)
	wh, typeWord := m.questionKind(toks)
	m.contentTerms(toks, wh, typeWord)
	m.acronymExpansions(toks)
	m.markFocus(toks, wh, typeWord)
	qy.counted = m.countedTerms(toks, countWord(toks, wh))
	qy.countedNouns = m.countedNouns()
	qy.leader = b.lang.AsksLeader(toks, qy.wh)
	qy.object = objectQuestion(toks, qy.wh)
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
	qy.definition = wh == 0 && len(toks) > 1 && (copula || b.lang.Passive[toks[1].Lower]) &&
		(toks[0].Lower == "what" || toks[0].Lower == "who") && len(qy.terms) <= maxDefinitionWords
	qy.years = prose.RelativeYears(toks)
	qy.time = questionTime(toks)
	qy.past = asksPast(qy.time, toks)
	qy.year = qy.years != 0 || slices.ContainsFunc(toks, func(t prose.Token) bool { return t.Num && prose.IsYear(t.Lower) })
	qy.pairs = adjacentPairs(qy.terms)
	qy.centroid = b.centroid(qy.terms)
	qy.dims = m.questionDims(toks)
	qy.units = questionUnits(b.lang, toks)
	qy.places = b.askedPlaces(toks)
	qy.dates = b.askedDates(toks)
	qy.difference = asksDifference(toks)
	qy.cues = b.questionCues(toks, wh)
	return m
}

// questionCues lists the question's function words and common words (by
// GloVe rank, see commonWord), once each, but for its question word.
// Crossed with the words around a phrase in the span model's keys, they
// tell which of two amounts of a sentence is asked: "from 187 to 212"
// asked of "the year before" or "now", "€96 million, up from €81 million"
// asked of "last year". Which pairings matter is learnt; the words are
// not listed.
func (b *Base) questionCues(toks []prose.Token, wh int) []string {
	var out []string
	for i, t := range toks {
		w := t.Lower
		if i == wh || t.Num || !b.lang.Stop[w] && !b.commonWord(w) || slices.Contains(out, w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// centroid is the IDF-weighted sum of the question words' vectors, nil when
// none has one.
func (b *Base) centroid(terms []qterm) []float32 {
	if b.know.vec == nil {
		return nil
	}
	var c []float32
	for _, qt := range terms {
		if qt.vec >= 0 {
			if c == nil {
				c = make([]float32, vectorDims)
			}
			b.know.vec.Add(c, int(qt.vec), qt.weight)
		}
	}
	return c
}

// within reports whether fact d may answer the question.
func (qy *query) within(d int) bool {
	return qy.only == nil || d >= qy.only[0] && d < qy.only[1]
}

// maxDefinitionWords bounds "what is X" questions treated as asking for a
// definition: a longer X is a question about X, not what X is.
const maxDefinitionWords = 4

// adjacentPairs lists consecutive question words matched exactly, for the
// phrase feature.
func adjacentPairs(terms []qterm) [][2]uint32 {
	var out [][2]uint32
	for i := 0; i+1 < len(terms); i++ {
		a, aok := exactTerm(terms[i])
		c, cok := exactTerm(terms[i+1])
		if aok && cok {
			out = append(out, [2]uint32{a, c})
		}
	}
	return out
}

func exactTerm(qt qterm) (uint32, bool) {
	for _, e := range qt.exps {
		if e.s >= strengthExact {
			return e.term, true
		}
	}
	return 0, false
}

// contentTerms turns the question's topic words into query terms: stop
// words, framing words and the words that set the question's kind are
// dropped; hyphenated words are matched by their parts.
func (m *matcher) contentTerms(toks []prose.Token, wh, typeWord int) {
	lang := m.lang
	seen := make(map[string]bool)
	for i, t := range toks {
		w := t.Lower
		if i == typeWord || i == wh || lang.Stop[w] && !t.Acronym || lang.Glue[w] {
			continue
		}
		// "the two sides": a count that only restates "both".
		if i > 0 && toks[i-1].Lower == "the" && t.Lower == "two" {
			continue
		}
		// "both sides", "the EU side", "the two parties" refer to the
		// participants, like a pronoun, rather than name a topic.
		if i > 0 && lang.Referent[w] {
			prev := toks[i-1].Lower
			if lang.Collective[prev] || m.isName(prev) || m.demonym(prev) {
				continue
			}
		}
		// "Was X discussed?", "What X was raised?": a passive verb of
		// saying only frames the question; not when an amount follows
		// it ("been raised to $5"): then it says what changed.
		if i > 0 && lang.Framing[w] && lang.Passive[toks[i-1].Lower] && !amountAfter(toks, i) {
			continue
		}
		// "take place" frames a when or where question.
		if i > 0 && w == "place" && lang.Glue[toks[i-1].Lower] {
			continue
		}
		k := m.lang.Key(w)
		if seen[k] {
			continue
		}
		if wantsKind(m.qy.kinds, Org) && lang.Affiliation[k] {
			// "Where does X work?", "Which agency does X work for?": the
			// verb only restates that an organisation is asked for.
			continue
		}
		seen[k] = true
		qt := m.expand(w, m.sc)
		// A capitalised word past the first names something; one the
		// briefs never mention says the question is about something else.
		qt.cap = (t.Cap && i > 0) || t.Acronym
		// "research" asked in lower case is the word the brief writes
		// ("in the research"), not a part of "Medical Research Council".
		qt.name = qt.name && (qt.cap || !qt.plain)
		if !qt.cap && !qt.name {
			qt.opposed = m.idx.opposites(w)
		}
		if qt.cap || qt.name {
			// Names match by spelling only: how alike two names' vectors
			// are says nothing about the brief, and an answer must not
			// change when a brief names other people and places.
			qt.vec = -1
		}
		m.qy.terms = append(m.qy.terms, qt)
	}
}

// markFocus marks the focus of a wh-question: its first word past the
// question word that is not a stop word, a framing word or a name ("What
// was the outcome of …", "What is the EU's budget …", "Who won …").
func (m *matcher) markFocus(toks []prose.Token, wh, typeWord int) {
	lang := m.lang
	if wh >= 0 {
		start := wh + 1
		if w := toks[wh].Lower; w == "what" || w == "which" {
			start = m.phraseNoun(toks, start) // "what legal step": the step
		}
		for k := start; k < len(toks); k++ {
			w := toks[k].Lower
			if lang.Stop[w] || lang.Glue[w] || m.isName(w) {
				continue
			}
			if _, ok := lang.TypeNoun[w]; ok || k == typeWord || m.lang.Key(w) == m.qy.head {
				// "Which plan frames …": the head noun is the focus, and
				// the verb after it may be the question's own wording.
				break
			}
			key := m.lang.Key(w)
			for i := range m.qy.terms {
				if m.lang.Key(m.qy.terms[i].word) == key {
					m.qy.terms[i].focus = true
				}
			}
			break
		}
	}
}

// kindsFor lists the kinds that answer a type noun: a person noun is also
// answered by a described group ("government officials").
func kindsFor(k Kind) []Kind {
	switch k {
	case Person:
		return []Kind{Person, Group}
	case Org:
		// A company the tagger cannot place among its kinds is still a
		// name: "Astreon Space", "Delmont Securities".
		return []Kind{Org, Misc}
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

// nounKind is the kind of entity that answers a question about a noun,
// from WordNet's noun types: "company" an organisation, "minister" a
// person, "revenue" an amount.
//
// A function word names no kind of thing, whatever rare noun WordNet
// spells the same: "was" is the plural of an abbreviation of a state,
// "does" of a deer, and "what was the final score" asks for no place.
func (b *Base) nounKind(w string) (Kind, bool) {
	if b.lang.Stop[w] || b.lang.Aux[w] || b.lang.Glue[w] {
		return 0, false
	}
	t, ok := b.lang.Wn.NounType(w)
	if !ok && !english.Known(w) {
		// An acronym asks for what its phrase's last word names: "ceo",
		// chief executive officer, a person.
		for _, p := range b.lang.Wn.Expansions(w) {
			if t, ok = b.lang.Wn.NounType(p[strings.LastIndexByte(p, ' ')+1:]); ok {
				break
			}
		}
	}
	if !ok {
		return 0, false
	}
	switch t {
	case wordnet.Person:
		return Person, true
	case wordnet.Organization:
		return Org, true
	case wordnet.Place:
		return Place, true
	case wordnet.Time:
		return Date, true
	case wordnet.Quantity, wordnet.Money:
		return Number, true
	}
	return 0, false
}

// demonym reports whether w names the people of a place (WordNet's
// pertainyms: "Pakistani", "European") or of a name of the facts.
func (b *Base) demonym(w string) bool {
	if _, ok := b.lang.Wn.Demonym(w); ok {
		return true
	}
	for _, suf := range [...]string{"i", "an", "ian", "n", "ese", "ish"} {
		if s, ok := strings.CutSuffix(w, suf); ok && len(s) >= 3 {
			if b.isName(s) || b.isName(s+"e") {
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
	if c, ok := b.lang.Chat[w]; ok {
		return c // "whats", "wheres", "u": chat spellings of question words
	}
	if b.lang.Known[w] || !lowerASCII(w) || english.Known(w) {
		return w
	}
	if _, _, ok := b.idx.termOf(w); ok {
		return w
	}
	if q := nearestQuestionWord(w); q != "" {
		return q
	}
	for _, c := range b.corrections(w, sc) {
		if _, ok := b.lang.TypeNoun[c]; ok {
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

// pluralNoun reports whether w looks like a plural noun ("councillors",
// "roads", "bodies"): an -s ending that is not -ss, -us or -is ("boss",
// "status", "analysis").
func pluralNoun(w string) bool {
	if len(w) < 4 || !strings.HasSuffix(w, "s") {
		return false
	}
	for _, end := range []string{"ss", "us", "is"} {
		if strings.HasSuffix(w, end) {
			return false
		}
	}
	return true
}

// amountAfter reports whether the word after toks[i] is a number, or "to",
// "by" or "from" and then a number: "raised to 5%", "raised by two points".
func amountAfter(toks []prose.Token, i int) bool {
	k := i + 1
	if k < len(toks) && (toks[k].Lower == "to" || toks[k].Lower == "by" || toks[k].Lower == "from") {
		k++
	}
	return k < len(toks) && (toks[k].Num || prose.IsNumberWord(toks[k].Lower))
}
