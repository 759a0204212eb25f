package facts

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/facts/internal/prose"
)

// Short answers are a second, fitted stage: every phrase of the answering
// sentence that could be the answer is a candidate span, described by the
// features below, and the fitted span model picks one. The candidates are
// the tagger's entities, their ranges and lists (joinedSpans), the
// phrases that lead into a date (dateLeads), and every run of up to
// maxSpanWords words within one clause (between commas, brackets,
// dashes), that neither starts nor ends with a function word.

// maxSpanWords bounds a candidate phrase: longer ones are rarely a short
// answer, and the count of candidates grows with the square of it.
const maxSpanWords = 7

// The span model's features, in the order the fitted weights use them.
const (
	sEntity     = iota // the span is exactly one of the tagger's entities
	sWanted            // … of the kind the question asks for, first choice
	sWantedNext        // … of a second-choice kind ("an organisation for where")
	sOtherKind         // … of a kind the question does not ask for, when it asks for one
	sPartEntity        // the span cuts through an entity
	sRule              // the span is what the rule-based short answer picks
	sQOverlap          // share of the span's words the question uses: an answer rarely repeats it
	sDist              // log distance in words to the nearest word the question matched
	sAfter             // the nearest matched word stands before the span
	sNoMatch           // no word of the sentence matches the question
	sLen               // log of the span's words
	sOneWord           // a single word
	sCap               // share of its words that are capitalised
	sNum               // holds a number
	sKindPerson        // an entity of each kind, whatever was asked
	sKindOrg
	sKindPlace
	sKindDate
	sKindNumber
	sClauseStart // starts its clause
	sClauseEnd   // ends its clause
	sSentStart   // starts the sentence: the subject, often
	sHead        // ends with the noun the question asks about ("which plan")
	sAlign       // mean best word-vector cosine of its words with the question's
	sAskWho      // the question word, crossed with the span's shape below
	sAskWhen
	sAskWhere
	sAskAmount
	sAskWhat
	sAskHowWhy
	sWhoCap          // who × capitalised
	sWhenNum         // when × number (years, days)
	sWhereCap        // where × capitalised
	sAmountNum       // how many/much × number
	sWhatCap         // what/which × capitalised
	sLeftQ           // share of the three words before the span that the question uses
	sRightQ          // … of the three words after it
	sBetween         // the question's words stand on both sides within a few words
	sSentEnd         // the span ends the sentence
	sYear            // holds a year
	sNoKind          // the question asks for no kind of entity
	sSameItem        // in a list of coordinated items, the span shares its item with a matched word
	sOtherItem       // … it stands in another item than every matched word
	sDateline        // stands in the dateline that opens a news story ("OSLO, Norway — ")
	sEntities        // is two or more entities of one kind in a list ("Ann Lee and Tom Reyes")
	sCounted         // a "how many" question: how closely the words after the span's number match what is counted
	sWantedElsewhere // the span is not of the kind asked for, and the sentence holds an entity that is ("what date": not "ninth" beside "February 20")
	sNoneWanted      // the question asks for a kind of entity and the sentence holds none of it ("where was she born": no place)
	sFocus           // the best word-vector cosine of the span's words with the question's focus noun ("which instrument": "theorbo")
	sFocusLast       // … of its last word, the head of a noun phrase
	sKindOfFocus     // its last word names a kind of the question's focus noun in WordNet ("copper" for "which metal"): 1 over the levels between them
	sDimSame         // holds an amount of the dimension the question asks for: money, a share, a count, a time (see amountDim)
	sDimClash        // … of another dimension ("3%" for "how much revenue")
	sClaim           // share of the question's words (by IDF) that stand nearer its entity than the rivals of its kind: see claims
	sClaimSoft       // … of the sentence's other words, weighted by their word-vector cosine with the question's ("vehicles" for "cars")
	sRivals          // the sentence holds another entity of its entity's kind
	sObject          // the question word is not the subject ("what did the minister say"): see objectQuestion
	sReferent        // … and the span is the person or body the question names by a title or apposition: see spanReferent
	sMeanDist        // IDF-weighted mean log distance of the question's words from the span: see spanNear
	sNear            // IDF share of the question's words within nearWindow of the span
	sPairNear        // share of the question's adjacent word pairs that stand together within nearWindow of it
	sDateLead        // runs from words before a date to its end ("the first half of 2027"): see dateLeads
	sRange           // joins two amounts or dates into a range, with or without the word before it ("between 55 and 62 tonnes"): see joinedSpans
	sTimeAgree       // holds an amount dated to the time the question asks about ("187 in 2023" for "how many in 2023"): see spanTimes
	sTimeClash       // … dated to another time than the one asked
	sTimeUnasked     // … dated to the past when the question asks no time: the value compared against
	sUnitSame        // is counted in the unit of money or measure the question names ("in kroner": "162 billion Danish kroner"): see spanUnits
	sUnitOther       // … in another unit than every one it names ("in kroner": "€21.7 billion")
	sPlaceSame       // holds an amount placed at a place the question asks about ("11,500 in Germany" for "how many in Germany"): see spanPlaces
	sPlaceOther      // … placed at another place
	sChangeForm      // the question asks for a difference ("by how much") and the span's amount is put as one ("fell 31%", "60 more"): see spanChange
	sLevelForm       // … the span's amount is put as a level ("to 6.25%", "at £9,535")
	sBackground      // stands in a clause telling an earlier event, when the question asks no earlier time: see Language.Background
	sAttrSame        // the question asks "how deep" and the span's amount is given as that attribute ("at a depth of 38 kilometres"): see amountAttr
	sAttrOther       // … as another attribute ("how wide": "229 metres long")
	sPluralList      // the question asks for several ("which villages") and the span is a list of them (see sEntities)
	// sAskKind starts the kind of question crossed with the kind of
	// entity the span is, askKinds × entityKinds of them: how much a date
	// is worth depends on whether "when" or "how many" was asked, which
	// the single wanted feature weighs the same for every question word.
	sAskKind
	numSpanFeatures = sAskKind + askKinds*entityKinds
)

// The two sides of the sAskKind cross: the question words from sAskWho
// to sAskHowWhy, the entity kinds from sKindPerson to sKindNumber.
const (
	askKinds    = sAskHowWhy - sAskWho + 1
	entityKinds = sKindNumber - sKindPerson + 1
)

// SpanFeatureNames names the span model's features in order, for the
// weights file, each keyed to its constant as FeatureNames's are.
func SpanFeatureNames() []string {
	names := [numSpanFeatures]string{
		sEntity:          "entity",
		sWanted:          "wanted",
		sWantedNext:      "wanted_next",
		sOtherKind:       "other_kind",
		sPartEntity:      "part_entity",
		sRule:            "rule",
		sQOverlap:        "q_overlap",
		sDist:            "dist",
		sAfter:           "after",
		sNoMatch:         "no_match",
		sLen:             "len",
		sOneWord:         "one_word",
		sCap:             "cap",
		sNum:             "num",
		sKindPerson:      "kind_person",
		sKindOrg:         "kind_org",
		sKindPlace:       "kind_place",
		sKindDate:        "kind_date",
		sKindNumber:      "kind_number",
		sClauseStart:     "clause_start",
		sClauseEnd:       "clause_end",
		sSentStart:       "sent_start",
		sHead:            "head",
		sAlign:           "align",
		sAskWho:          "ask_who",
		sAskWhen:         "ask_when",
		sAskWhere:        "ask_where",
		sAskAmount:       "ask_amount",
		sAskWhat:         "ask_what",
		sAskHowWhy:       "ask_how_why",
		sWhoCap:          "who_cap",
		sWhenNum:         "when_num",
		sWhereCap:        "where_cap",
		sAmountNum:       "amount_num",
		sWhatCap:         "what_cap",
		sLeftQ:           "left_q",
		sRightQ:          "right_q",
		sBetween:         "between",
		sSentEnd:         "sent_end",
		sYear:            "year",
		sNoKind:          "no_kind",
		sSameItem:        "same_item",
		sOtherItem:       "other_item",
		sDateline:        "dateline",
		sEntities:        "entities",
		sCounted:         "counted",
		sWantedElsewhere: "wanted_elsewhere",
		sNoneWanted:      "none_wanted",
		sFocus:           "focus",
		sFocusLast:       "focus_last",
		sKindOfFocus:     "kind_of_focus",
		sDimSame:         "dim_same",
		sDimClash:        "dim_clash",
		sClaim:           "claim",
		sClaimSoft:       "claim_soft",
		sRivals:          "rivals",
		sObject:          "object",
		sReferent:        "referent",
		sMeanDist:        "mean_dist",
		sNear:            "near",
		sPairNear:        "pair_near",
		sDateLead:        "date_lead",
		sRange:           "range",
		sTimeAgree:       "time_agree",
		sTimeClash:       "time_clash",
		sTimeUnasked:     "time_unasked",
		sUnitSame:        "unit_same",
		sUnitOther:       "unit_other",
		sPlaceSame:       "place_same",
		sPlaceOther:      "place_other",
		sChangeForm:      "change_form",
		sLevelForm:       "level_form",
		sBackground:      "background",
		sAttrSame:        "attr_same",
		sAttrOther:       "attr_other",
		sPluralList:      "plural_list",
	}
	for a := range askKinds {
		for k := range entityKinds {
			names[sAskKind+a*entityKinds+k] = names[sAskWho+a] + "_x_" + names[sKindPerson+k]
		}
	}
	return names[:]
}

// spanCand is a candidate short answer: a byte range of the fact's text.
type spanCand struct {
	start, end int
	kind       Kind // the entity's kind when the span is one, else 0
	feat       []float64
	keys       []uint32 // lexical keys: see spanKeys
}

// spanToks is a fact's words with what the span features need of each.
type spanToks struct {
	toks    []prose.Token
	matched []bool    // the question uses the word
	clause  []int     // the clause each word is in
	align   []float64 // best word-vector cosine with a question word; -1 for none
	focus   []float64 // word-vector cosine with the question's focus noun; 0 for none
	kindOf  []int     // levels up WordNet's hierarchy to the question's focus noun; 0 for none (Lexicon.KindOf)
	ids     []int64   // each word's term id, -1 when the briefs have none
	shapes  []string  // each word as lexical keys see it: see spanShapes
	// dateline is where the story's dateline ends, -1 for none: see
	// datelineEnd.
	dateline int
	// ents are the sentence's entities in text order, and ranges its
	// ranges of amounts or dates: see joinedSpans.
	ents   []entRange
	ranges []entRange
	// askDims are the dimensions of amount the question asks for, and
	// askUnits the units of money or measure it names.
	askDims  dimSet
	askUnits []int
	// askAttr is the attribute a "how deep" question asks an amount of
	// (see amountAttr), "" for none.
	askAttr string
	// times dates each word of the sentence's amounts, and asked is the
	// time the question asks about: see spanTimes.
	times []uint8
	years []string
	asked uint8
	// back is the clause [from, to) that tells an earlier event: see
	// Language.Background.
	back [2]int
	// focusKind is what a name ending in the question's focus noun
	// names (wordnet.Lexicon.HeadKind: "stadium" a place, "firm" an
	// organisation, "step" another thing), "-" for none.
	focusKind string
	// claims are what each entity of the sentence holds of the question's
	// words against its rivals.
	claims claims
	// item is the coordinated item each word stands in (see itemOf), and
	// named marks the words of names: see reach.
	item  []int
	named []bool
	// evidence weighs the words the question uses: see spanNear.
	evidence evidence
	// wanted says the sentence holds an entity of the kind the question
	// asks for first; anyWanted, of any kind it asks for.
	wanted, anyWanted bool
}

// spanCands lists the candidate short answers of fact di for the question,
// with their features.
func (m *matcher) spanCands(di int) []spanCand {
	var out []spanCand
	m.eachSpan(di, func(c *spanCand) {
		c.feat, c.keys = slices.Clone(c.feat), slices.Clone(c.keys)
		out = append(out, *c)
	})
	return out
}

// eachSpan calls visit with each candidate short answer of fact di for the
// question. The candidate's features and keys are valid only during the
// call: the matcher scores a hundred phrases a question and keeps one, so
// they are written over rather than allocated for each.
func (m *matcher) eachSpan(di int, visit func(c *spanCand)) {
	f := &m.facts[di]
	st := m.spanSentence(di)
	if len(st.toks) == 0 {
		return
	}
	rule, _ := m.short(di)
	ask := spanAskKey(m.qy)
	headType, _ := m.lang.Wn.NounType(m.qy.head)
	seen := m.qy.spansSeen()
	var fv [numSpanFeatures]float64
	keys := make([]uint32, 0, spanFixedKeys+len(m.qy.cues))
	var c spanCand
	add := func(i, j int, kind Kind) {
		i, s, e := st.bounds(f.Text, i, j)
		if seen[[2]int{s, e}] {
			return
		}
		seen[[2]int{s, e}] = true
		c = spanCand{start: s, end: e, kind: kind}
		m.spanFeatures(di, st, i, j, &c, rule, &fv)
		c.feat = fv[:]
		keys = m.spanKeys(keys[:0], st, f.Text, i, j, ask, headType, kind, fv[sOtherItem] == 1, amountCues(m.qy, c.feat))
		c.keys = keys
		visit(&c)
	}
	for _, e := range st.ents {
		add(e.i, e.j, e.entity)
	}
	joinedSpans(st, f.Text, st.ents, add)
	m.dateLeads(st, func(i, j int) { add(i, j, Date) })
	for i := range st.toks {
		if m.lang.Stop[st.toks[i].Lower] {
			continue
		}
		for j := i; j < len(st.toks) && j-i < maxSpanWords && st.clause[j] == st.clause[i]; j++ {
			if st.toks[i].Start < st.dateline && st.toks[j].End > st.dateline {
				break // the dateline's place and the story's first words say nothing together
			}
			if !m.lang.Stop[st.toks[j].Lower] {
				add(i, j, 0)
			}
		}
	}
}

// spanSentence reads fact di for the span features: its words and what
// each feature needs of the sentence as a whole.
func (m *matcher) spanSentence(di int) *spanToks {
	f := &m.facts[di]
	st := m.spanWords(f.Text)
	if len(st.toks) == 0 {
		return &st
	}
	st.shapes = m.spanShapes(&st)
	st.askDims, st.askUnits, st.askAttr = m.qy.dims, m.qy.units, m.qy.measure
	st.focusKind = "-"
	if k, ok := m.lang.Wn.HeadKind(m.qy.focusWord); ok {
		st.focusKind = k
	}
	st.claims = m.sentenceClaims(di, &st)
	st.evidence = m.sentenceEvidence(&st)
	for ei := range f.Entities {
		rank := m.wantedEntity(di, ei)
		st.wanted = st.wanted || rank == 0
		st.anyWanted = st.anyWanted || rank >= 0
	}
	st.ents = slices.Clone(st.claims.ents)
	slices.SortFunc(st.ents, func(a, b entRange) int { return a.i - b.i })
	st.ranges = rangesOf(&st, f.Text, st.ents)
	st.times, st.years = amountTimes(st.toks, st.ents, f.Citation.Date)
	st.asked = m.qy.time.at(f.Citation.Date)
	return &st
}

// amountCues are the question's cue words a phrase is keyed with: a
// phrase holding a number has them, since it is amounts and dates a
// sentence gives two of ("up from 187 to 212"); for names and other
// phrases the cues would key noise.
func amountCues(qy *query, feat []float64) []string {
	if feat[sNum] == 0 {
		return nil
	}
	return qy.cues
}

// bounds returns where the phrase of words i..j of text starts and ends,
// and its first word. An amount's signs stand outside its words but
// belong to it: 5.75 is not 5.75%, and "€250 million" is the tagger's
// entity whole. (Its qualifiers, "about" or "up to", come with the
// tagger's entity, beside the bare number: which one answers is the span
// model's choice.)
func (st *spanToks) bounds(text string, i, j int) (first, start, end int) {
	s, e := prose.CurrencyStart(text, st.toks[i].Start), abbrevEnd(text, prose.PercentEnd(text, st.toks[j].End))
	if i > 0 && s < st.toks[i-1].End {
		if s <= st.toks[i-1].Start {
			i-- // the country of a currency, a word of its own: "A$5"
		} else {
			s = st.toks[i-1].End // letters glued to a longer word: only the sign
		}
	}
	return i, s, e
}

// spanWords tokenizes a fact's text for spans: its words, which the
// question uses, and which clause each stands in.
func (m *matcher) spanWords(text string) spanToks {
	all := prose.Tokenize(text)
	toks := all[:prose.BaseCount(all)]
	st := spanToks{toks: toks, matched: make([]bool, len(toks)), ids: make([]int64, len(toks)),
		dateline: datelineEnd(text, toks)}
	// A word matches when it is one a topic word of the question expands
	// to; the question's own words for what it asks ("how long", "what
	// year") are no topic words and match nothing.
	topic := make(map[uint32]bool)
	for _, qt := range m.qy.terms {
		for _, e := range qt.exps {
			topic[e.term] = true
		}
	}
	st.clause = clauses(text, toks)
	st.back[0], st.back[1] = m.lang.Background(toks, st.clause)
	for i, t := range toks {
		st.ids[i] = -1
		// The fact's words were keyed when the base was built; only a
		// function word needs its key worked out again.
		id, ok := m.idx.surface[t.Lower]
		if !ok {
			id, ok = m.idx.terms[m.lang.Key(t.Lower)]
		}
		if ok {
			st.ids[i] = int64(id)
			st.matched[i] = topic[id] && !m.lang.Stop[t.Lower]
		}
	}
	m.wordAlign(&st)
	return st
}

// clauseBreak reports whether the text between two words ends a clause.
func clauseBreak(gap string) bool {
	return strings.ContainsAny(gap, ",;:()[]\"") || strings.Contains(gap, " - ") || strings.Contains(gap, "--")
}

// wordRange finds the words a byte span covers.
func (st *spanToks) wordRange(sp Span) (int, int, bool) {
	i, j := -1, -1
	for k, t := range st.toks {
		if i < 0 && t.Start >= sp.Start {
			i = k
		}
		if t.End <= sp.End {
			j = k
		}
	}
	return i, j, i >= 0 && j >= i
}

// spanFeatures describes words i..j of the fact, candidate c (its bytes,
// signs included, and the kind of entity it is, 0 for none), as the
// answer, in fv.
func (m *matcher) spanFeatures(di int, st *spanToks, i, j int, c *spanCand, rule string, fv *[numSpanFeatures]float64) {
	f := &m.facts[di]
	*fv = [numSpanFeatures]float64{}
	s, e, kind := c.start, c.end, c.kind
	m.spanEntity(di, f, s, e, kind, fv)
	if rule != "" && f.Text[s:e] == rule {
		fv[sRule] = 1
	}
	words, inQ, caps, num := 0, 0, 0, false
	for k := i; k <= j; k++ {
		t := st.toks[k]
		words++
		if st.matched[k] {
			inQ++
		}
		if t.Cap && (k > 0 || t.Acronym) {
			caps++
		}
		num = num || t.Num || prose.IsNumberWord(t.Lower)
	}
	fv[sQOverlap] = float64(inQ) / float64(words)
	dist, after := spanDistance(st, i, j)
	if dist < 0 {
		fv[sNoMatch] = 1
		dist = len(st.toks)
	}
	fv[sDist] = math.Log(1 + float64(dist))
	if after {
		fv[sAfter] = 1
	}
	fv[sLen] = math.Log(float64(words))
	fv[sOneWord] = b2f(words == 1)
	fv[sCap] = float64(caps) / float64(words)
	fv[sNum] = b2f(num)
	fv[sClauseStart] = b2f(i == 0 || st.clause[i-1] != st.clause[i])
	fv[sClauseEnd] = b2f(j == len(st.toks)-1 || st.clause[j+1] != st.clause[j])
	fv[sSentStart] = b2f(i == 0)
	if id := st.ids[j]; id >= 0 && slices.Contains(m.qy.headTerms, uint32(id)) {
		fv[sHead] = 1
	}
	fv[sAlign] = m.spanAlign(st, i, j)
	spanContext(st, i, j, fv)
	fv[sSentEnd] = b2f(j == len(st.toks)-1)
	for k := i; k <= j; k++ {
		if prose.IsYear(st.toks[k].Lower) {
			fv[sYear] = 1
		}
	}
	fv[sNoKind] = b2f(len(m.qy.kinds) == 0)
	spanItems(m.docs[di].items, st, i, j, fv)
	fv[sDateline] = b2f(e <= st.dateline)
	fv[sEntities] = b2f(entityList(f, s, e))
	fv[sPluralList] = b2f(m.qy.plural && fv[sEntities] == 1)
	fv[sRange] = b2f(inRange(st, i, j))
	spanTimes(st, m.qy.time, i, j, fv)
	fv[sBackground] = b2f(!m.qy.past && i >= st.back[0] && j < st.back[1])
	m.spanPlaces(st, i, j, fv)
	m.spanChange(st, i, j, fv)
	fv[sCounted] = m.spanCounted(st, i, j)
	fv[sWantedElsewhere] = b2f(st.wanted && fv[sWanted] == 0)
	// Alike for every phrase of the sentence, so it moves no ranking; the
	// short answer's confidence reads it from the best phrase's features.
	fv[sNoneWanted] = b2f(len(m.qy.kinds) > 0 && !st.anyWanted)
	for k := i; k <= j; k++ {
		fv[sFocus] = max(fv[sFocus], st.focus[k])
	}
	fv[sFocusLast] = st.focus[j]
	if n := st.kindOf[j]; n > 0 {
		fv[sKindOfFocus] = 1 / float64(n)
	}
	m.spanDims(st, f.Text, i, j, fv)
	spanClaim(&st.claims, i, j, fv)
	spanNear(&st.evidence, i, j, fv)
	m.spanPairs(st, i, j, fv)
	fv[sObject] = b2f(m.qy.object)
	m.spanReferent(st, i, j, kind, fv)
	spanAsk(m.qy, fv)
	spanAskKind(fv)
}

// spanEntity fills the features that say what kind of thing the span is.
// A phrase given the kind of the entity it ends with is what that entity
// is: one leading into a date (see dateLeads), a range or a list (see
// joinedSpans).
func (m *matcher) spanEntity(di int, f *Fact, s, e int, kind Kind, fv *[numSpanFeatures]float64) {
	for ei, en := range f.Entities {
		lead := kind != 0 && en.Kind == kind && en.Span.End == e && s < en.Span.Start
		if lead && kind == Date {
			fv[sDateLead] = 1
		}
		if en.Span.Start == s && en.Span.End == e || lead {
			fv[sEntity] = 1
			switch rank := m.wantedEntity(di, ei); {
			case rank == 0:
				fv[sWanted] = 1
			case rank > 0:
				fv[sWantedNext] = 1
			case len(m.qy.kinds) > 0:
				fv[sOtherKind] = 1
			}
			if k := entityKindIndex(en.Kind); k >= 0 {
				fv[sKindPerson+k] = 1
			}
			continue
		}
		// Holding a whole entity ("the minister Ann Lee", a list of names)
		// cuts nothing; crossing one's edge, or taking part of it, does.
		overlaps := en.Span.Start < e && s < en.Span.End
		inside := en.Span.Start <= s && e <= en.Span.End
		holds := s <= en.Span.Start && en.Span.End <= e
		if overlaps && !inside && !holds || inside && (en.Span.Start != s || en.Span.End != e) && en.Kind != Title {
			fv[sPartEntity] = 1
		}
	}
}

// spanWindow is how many words on each side of a span count as its
// context: the question's words close to a phrase say it is the one asked
// about; wider windows reach into neighbouring clauses.
const spanWindow = 3

// spanContext fills the features of the question's words around the span.
func spanContext(st *spanToks, i, j int, fv *[numSpanFeatures]float64) {
	left, right := 0, 0
	for k := max(0, i-spanWindow); k < i; k++ {
		if st.matched[k] {
			left++
		}
	}
	for k := j + 1; k <= min(len(st.toks)-1, j+spanWindow); k++ {
		if st.matched[k] {
			right++
		}
	}
	fv[sLeftQ] = float64(left) / spanWindow
	fv[sRightQ] = float64(right) / spanWindow
	fv[sBetween] = b2f(left > 0 && right > 0)
}

// spanItems says whether the span stands in the same item of a
// coordinated list as the words the question matched: in "led by A,
// Director of X, and B, Director of Y" the question about Y wants B.
// Matched words before the list's first item are shared by every item.
func spanItems(items []uint16, st *spanToks, i, j int, fv *[numSpanFeatures]float64) {
	if len(items) == 0 {
		return
	}
	item := func(pos int) int { return itemOf(items, pos) }
	own, any := item(st.toks[i].Pos), false
	for k, m := range st.matched {
		if !m || k >= i && k <= j || item(st.toks[k].Pos) == 0 {
			continue
		}
		any = true
		if item(st.toks[k].Pos) == own {
			fv[sSameItem] = 1
		}
	}
	if any && fv[sSameItem] == 0 {
		fv[sOtherItem] = 1
	}
}

// spanDistance is the distance in words from span i..j to the nearest
// word the question uses, and whether that word stands before the span;
// -1 when the question uses none.
func spanDistance(st *spanToks, i, j int) (int, bool) {
	best, after := -1, false
	for k, m := range st.matched {
		if !m || k >= i && k <= j {
			continue
		}
		d, before := k-j, false
		if k < i {
			d, before = i-k, true
		}
		if best < 0 || d < best {
			best, after = d, before
		}
	}
	return best, after
}

// spanAlign is the mean, over the span's content words, of the best
// word-vector cosine with a question word: "what instrument" finds
// "violin".
func (b *Base) spanAlign(st *spanToks, i, j int) float64 {
	sum, n := 0.0, 0
	for k := i; k <= j; k++ {
		if st.align[k] >= 0 {
			sum += st.align[k]
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// wordAlign is each word's best word-vector cosine with a question word,
// computed once per sentence rather than once per span; -1 for function
// words, words the question uses and words without a vector.
func (m *matcher) wordAlign(st *spanToks) {
	st.align = make([]float64, len(st.toks))
	st.focus = make([]float64, len(st.toks))
	st.kindOf = make([]int, len(st.toks))
	for k, t := range st.toks {
		st.align[k] = -1
		if m.qy.focusWord != "" && !m.lang.Stop[t.Lower] && !st.matched[k] {
			st.kindOf[k] = m.lang.Wn.KindOf(t.Lower, m.qy.focusWord)
		}
		if m.know.vec == nil || m.lang.Stop[t.Lower] || st.matched[k] {
			continue
		}
		id := st.ids[k]
		if id < 0 || m.idx.vec[id] < 0 {
			continue
		}
		if m.qy.focus >= 0 {
			st.focus[k] = float64(max(0, m.know.vec.Cos(int(m.qy.focus), int(m.idx.vec[id]))))
		}
		best := float32(0)
		for _, qt := range m.qy.terms {
			if qt.vec >= 0 {
				best = max(best, m.know.vec.Cos(int(qt.vec), int(m.idx.vec[id])))
			}
		}
		st.align[k] = float64(best)
	}
}

// spanAsk marks the kind of question, alone and crossed with the span's
// shape, so a linear model can weigh capitals for who and numbers for
// how many.
func spanAsk(qy *query, fv *[numSpanFeatures]float64) {
	switch qy.wh {
	case "who", "whom", "whose":
		fv[sAskWho], fv[sWhoCap] = 1, fv[sCap]
	case "when":
		fv[sAskWhen], fv[sWhenNum] = 1, fv[sNum]
	case "where":
		fv[sAskWhere], fv[sWhereCap] = 1, fv[sCap]
	case "how":
		if len(qy.kinds) > 0 {
			fv[sAskAmount], fv[sAmountNum] = 1, fv[sNum]
		} else {
			fv[sAskHowWhy] = 1
		}
	case "why":
		fv[sAskHowWhy] = 1
	case "what", "which":
		fv[sAskWhat], fv[sWhatCap] = 1, fv[sCap]
	}
}

// spanAskKind sets the one sAskKind feature of the span's question word
// and entity kind, if it has both.
func spanAskKind(fv *[numSpanFeatures]float64) {
	for a := range askKinds {
		for k := range entityKinds {
			if fv[sAskWho+a] == 1 && fv[sKindPerson+k] == 1 {
				fv[sAskKind+a*entityKinds+k] = 1
			}
		}
	}
}

// abbrevEnd keeps the closing full stop of an abbreviation written with
// a stop after each letter ("4:17 a.m.", "the U.S."), which the words
// leave out as they would a sentence's: a short answer cut before it reads
// as a typo. end is where the span's last word ends.
func abbrevEnd(text string, end int) int {
	if end >= len(text) || text[end] != '.' {
		return end
	}
	j := end
	for j > 0 && (isLetter(text[j-1]) || text[j-1] == '.') {
		j--
	}
	run := text[j:end]
	if len(run) < 3 || len(run)%2 == 0 {
		return end
	}
	for k := 0; k < len(run); k++ {
		if k%2 == 0 != isLetter(run[k]) {
			return end
		}
	}
	return end + 1
}

// isLetter reports whether c is an ASCII letter.
func isLetter(c byte) bool { c |= 0x20; return c >= 'a' && c <= 'z' }

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// datelineWords bounds a dateline: a city and its country or state.
const datelineWords = 5

// datelineEnd is where the dateline that opens a news story ends ("OSLO,
// Norway — The …": the dash), or -1 when text opens with none: a word in
// capitals, then at most datelineWords words before a dash. It says where
// the story was filed, which answers "where" and little else.
func datelineEnd(text string, toks []prose.Token) int {
	if len(toks) < 2 || !allUpper(text[toks[0].Start:toks[0].End]) {
		return -1
	}
	for k := 1; k < len(toks) && k <= datelineWords; k++ {
		gap := text[toks[k-1].End:toks[k].Start]
		if strings.Contains(gap, "—") || strings.Contains(gap, "–") || strings.Contains(gap, " - ") || strings.Contains(gap, "--") {
			return toks[k-1].End
		}
	}
	return -1
}

// allUpper reports whether a word has two or more letters, all capitals.
func allUpper(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// entityList reports whether text[s:e] of f is two or more of its
// entities of one kind and nothing but the commas and "and" between them:
// "founded by Ann Lee and Tom Reyes" names both founders.
func entityList(f *Fact, s, e int) bool {
	n, at := 0, s
	var kind Kind
	for _, en := range f.Entities {
		if en.Span.Start < at || en.Span.End > e {
			continue
		}
		if n == 0 && en.Span.Start != s || n > 0 && !listJoin(f.Text, at, en.Span.Start) || n > 0 && en.Kind != kind {
			return false
		}
		n, at, kind = n+1, en.Span.End, en.Kind
	}
	return n >= 2 && at == e
}

// spansSeen is an empty set of spans (start and end offsets): the same
// map for every candidate fact of the question and, through the scratch
// space, of the next question. eachSpan lists each span once, and a new
// map for each fact was a tenth of what answering allocated.
func (qy *query) spansSeen() map[[2]int]bool {
	if qy.seen == nil {
		qy.seen = make(map[[2]int]bool)
	}
	clear(qy.seen)
	return qy.seen
}
