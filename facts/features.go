package facts

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/briefbot/briefbot/facts/internal/prose"
)

// The ranker's features, in the order the fitted weights use them. Each is
// a general property of a question and a sentence, not of any brief: the
// model learns from public question sets and the project's corpus how much
// each counts.
const (
	fCover         = iota // weighted share of the question's words the fact holds (synonyms, typos partly)
	fExact                // IDF-weighted share matched word for word
	fMatched              // unweighted share of question words matched in any way
	fBM25                 // BM25 relative to the best candidate
	fAlign                // word-vector alignment: each question word's best cosine in the fact
	fWanted               // holds the kind of thing asked for (a date for when, …), near the matched words
	fTypeless             // asks for a kind of thing the fact does not hold
	fReason               // a why question and the fact states a reason
	fFirst                // the brief's first sentence
	fLength               // log of the fact's length in words
	fNameMiss             // weighted share of the question's names the fact, its brief's lead and the facts it refers back to lack (a first name before a surname the fact holds is not lacking)
	fNumMiss              // a number of the question the fact lacks
	fFocusMiss            // the question's focus word is not in the fact
	fUnknown              // share of the question's weight no fact word matches (question level)
	fBigram               // share of the question's adjacent word pairs adjacent in the fact
	fDefFirst             // a "what is X" question and the brief's first sentence
	fCopula               // a "what is X" question and the fact defines something ("is a")
	fTerms                // log of the number of question words (question level)
	fBriefCover           // weighted share of the question's words found anywhere in the fact's brief
	fFocusUnknown         // the question's focus word is in no brief (question level)
	fEventUnknown         // a why/when/where question whose verb or noun is in no brief (question level)
	fNamesOnly            // the fact matches only the question's names while another of its words is in no brief
	fContentCover         // fCover over the question's words other than names: names pick the brief, the rest the sentence
	fContentAlign         // fAlign over the same words
	fCentroid             // cosine of the IDF-weighted mean word vectors of question and fact
	fWantPerson           // fWanted when a person is asked for: each kind of answer is tagged more or less reliably
	fWantDate             // … a date
	fWantPlace            // … a place
	fWantNumber           // … a number, amount or duration
	fCapUnknown           // share of the question's capitalised words (names) no brief mentions (question level)
	fAlign50              // weighted share of question words with a fact word at cosine ≥ 0.5: loosely related
	fAlign65              // … ≥ 0.65: closely related
	fAlign80              // … ≥ 0.8: near synonyms and inflections
	fBriefNameMiss        // share of the question's capitalised words the fact's brief lacks: names pick the brief
	fAskWho               // the question word is who (question level: how often each kind is answerable differs)
	fAskWhen              // … when
	fAskWhere             // … where
	fAskWhy               // … why
	fAskHow               // … how, not asking an amount ("how did …")
	fAskAmount            // how many, how much, how long, how old
	fAskWhat              // … what or which
	fLocative             // a place is asked for and the fact has one after "in", "at" or "near" that the question does not name
	fNoAge                // an age is asked for and the fact states none
	fCoref                // weighted share of the question's names the fact lacks but refers back to ("the company")
	fAntonym              // weighted share of the question's words the fact lacks but holds an antonym of ("won", "lost")
	fNegQuestion          // the question denies something and the fact denies nothing
	fNegFact              // the fact denies something and the question denies nothing
	fLeadCover            // fCover counting the words of its brief's first sentence as the fact's: a sentence inherits the subject the lead sets
	fPastYear             // the fact names a year before its brief's and the question names none: background, not the news
	fFutureYear           // the fact names a year after its brief's and the question names none: a plan, not what happened
	fCounted              // a "how many" question: how closely a noun the fact counts matches the one asked about (see countedMatch)
	fLeader               // the question asks who heads something and the fact names a person and a post heading a body (see leader.go)
	fNoAmount             // an amount or a date is asked for (how much, how many, when) and the fact holds none of that kind
	fYearClash            // the question asks about a year by a relative phrase ("last year") and the fact names only others (see yearClash)
	fDimHeld              // the question asks for an amount of a dimension (money, a share, a count, a time, a measure) and the fact holds one (see factDims)
	fDimMiss              // … the fact holds amounts, none of that dimension: "how much did it cost" against "95,000 visitors a year"
	fUnitHeld             // the question names a unit of money or measure ("in kroner") and the fact holds an amount in it (see factUnits)
	fUnitMiss             // … the fact holds amounts in units, none in one the question names: "how much in kroner" against "€21.7 billion"
	fCountedPart          // a "how many" question names what it counts in two nouns and the fact's count matches only one: "how many gold coins" against "1,246 coins" (see countedMatch)
	fPlaceClash           // the question asks about a place the fact does not name, and the fact places what it says elsewhere (see placeClash)
	fDateClash            // the question names a weekday or a month, and the fact names another of that grain and not it (see dateClash)
	fBriefs               // how many briefs the question is asked of, on a log scale (see briefsLoaded): alike for every candidate, it tells the confidence how many rival briefs could hold a decoy
	fBackground           // share of the fact's matched words in a clause telling an earlier event, when the question asks no earlier time (see background)
	fAttrHeld             // the question asks "how deep" and the fact gives an amount as that attribute ("at a depth of 38 kilometres"; see amountAttr)
	fAttrMiss             // … the fact gives amounts as attributes, none as that one ("how wide": "229 metres long")
	fBackCover            // fCover counting the words of the sentences just before as the fact's, when it refers back to them ("Its lawyer, …"; see Base.before)
	numFeatures
)

// FeatureNames names the ranker's features in order, for the weights file.
// Each name is keyed to its constant, so a feature added, removed or moved
// cannot leave another's name on it.
func FeatureNames() []string {
	names := [numFeatures]string{
		fCover:         "cover",
		fExact:         "exact",
		fMatched:       "matched",
		fBM25:          "bm25",
		fAlign:         "align",
		fWanted:        "wanted",
		fTypeless:      "typeless",
		fReason:        "reason",
		fFirst:         "first",
		fLength:        "length",
		fNameMiss:      "name_miss",
		fNumMiss:       "num_miss",
		fFocusMiss:     "focus_miss",
		fUnknown:       "unknown",
		fBigram:        "bigram",
		fDefFirst:      "def_first",
		fCopula:        "copula",
		fTerms:         "terms",
		fBriefCover:    "brief_cover",
		fFocusUnknown:  "focus_unknown",
		fEventUnknown:  "event_unknown",
		fNamesOnly:     "names_only",
		fContentCover:  "content_cover",
		fContentAlign:  "content_align",
		fCentroid:      "centroid",
		fWantPerson:    "want_person",
		fWantDate:      "want_date",
		fWantPlace:     "want_place",
		fWantNumber:    "want_number",
		fCapUnknown:    "cap_unknown",
		fAlign50:       "align50",
		fAlign65:       "align65",
		fAlign80:       "align80",
		fBriefNameMiss: "brief_name_miss",
		fAskWho:        "ask_who",
		fAskWhen:       "ask_when",
		fAskWhere:      "ask_where",
		fAskWhy:        "ask_why",
		fAskHow:        "ask_how",
		fAskAmount:     "ask_amount",
		fAskWhat:       "ask_what",
		fLocative:      "locative",
		fNoAge:         "no_age",
		fCoref:         "coref",
		fAntonym:       "antonym",
		fNegQuestion:   "neg_question",
		fNegFact:       "neg_fact",
		fLeadCover:     "lead_cover",
		fPastYear:      "past_year",
		fFutureYear:    "future_year",
		fCounted:       "counted",
		fLeader:        "leader",
		fNoAmount:      "no_amount",
		fYearClash:     "year_clash",
		fDimHeld:       "dim_held",
		fDimMiss:       "dim_miss",
		fUnitHeld:      "unit_held",
		fUnitMiss:      "unit_miss",
		fCountedPart:   "counted_part",
		fPlaceClash:    "place_clash",
		fDateClash:     "date_clash",
		fBriefs:        "briefs",
		fBackground:    "background",
		fAttrHeld:      "attr_held",
		fAttrMiss:      "attr_miss",
		fBackCover:     "back_cover",
	}
	return names[:]
}

// features fills c.feat for one candidate.
func (m *matcher) features(c *cand, maxBM float32) {
	d := &m.docs[c.doc]
	f := &m.facts[c.doc]
	fv := (*[numFeatures]float64)(carveZero(&m.sc.feats, numFeatures))
	c.match = carveZero(&m.sc.matches, len(m.qy.terms))
	t := m.matchWords(c, d, m.lead(f.Citation.Brief), m.before(c.doc, f.Citation.Brief))
	t.fill(fv)
	fv[fNamesOnly] = namesOnly(m.qy, c.match)
	fv[fCoref] = m.corefShare(c, d)
	if maxBM > 0 {
		fv[fBM25] = float64(c.bm25 / maxBM)
	}
	if t.sumW > 0 {
		cover, capMiss := m.briefCover(f.Citation.Brief)
		fv[fBriefCover] = cover / t.sumW
		if t.caps > 0 {
			fv[fBriefNameMiss] = float64(capMiss) / float64(t.caps)
		}
	}
	if len(m.qy.kinds) > 0 || m.qy.headActive {
		m.typeFeatures(c, f, fv)
	}
	m.factFeatures(d, f, fv)
	fv[fCounted], fv[fCountedPart] = m.countedMatch(f.Text)
	fv[fLeader] = b2f(m.qy.leader && d.leader)
	fv[fBriefs] = m.briefsLoaded()
	fv[fBackground] = m.background(c, d)
	askFeatures(m.qy, fv)
	c.feat = fv[:]
}

// manyBriefs is the count of briefs from which the confidence takes a
// question as asked of many: the fit's corpus split asks its questions of
// its 96 briefs together, so the weights have seen nothing beyond, and a
// scale that grew on would move confidences by a count they never learnt.
const manyBriefs = 96

// briefsLoaded is how many briefs the question is asked of, as a share of
// manyBriefs on a log scale: 0 for one brief, 1 for manyBriefs or more.
func (m *matcher) briefsLoaded() float64 {
	n := len(m.spans)
	if m.qy.only != nil {
		n = 1
	}
	if n <= 1 {
		return 0
	}
	return min(1, math.Log(float64(n))/math.Log(manyBriefs))
}

// wordTally adds up, over the question's words, how the fact matches them.
type wordTally struct {
	num, den, sumW, exactW, nameW, nameMissW, unknownW, alignS float64
	antonymW                                                   float64
	cNum, cDen, cAlign, cW                                     float64 // the same over words other than names
	a50, a65, a80                                              float64
	leadNum                                                    float64 // cover's numerator, with the lead's words the fact's
	backNum                                                    float64 // … with the words of the facts it refers back to the fact's
	matched, caps, capsUnknown, terms                          int
	numMiss, focusMiss, focusUnknown, eventUnknown             bool
}

// lead is the first sentence of a brief: in news it names the subject
// (who, where, which event) that the later sentences leave out. Nil for
// a brief the base does not hold.
func (b *Base) lead(brief string) *doc {
	r, ok := b.spans[brief]
	if !ok || r[0] >= r[1] {
		return nil
	}
	return &b.docs[r[0]]
}

// matchWords matches each question word against the fact, recording the
// strength of each match in c.match. A word its brief's lead holds counts
// towards the lead coverage, and a name the lead holds is not missing:
// "Turnout reached 68.4%" answers a question about the Kovaria election
// when the lead names it. The facts before, which it refers back to
// (nil when it does not), count the same way towards the back coverage:
// "Its lawyer, …" answers who the lawyer for the company named just
// before is.
func (m *matcher) matchWords(c *cand, d, lead *doc, before []doc) wordTally {
	if len(c.match) != len(m.qy.terms) {
		c.match = make([]float32, len(m.qy.terms))
	}
	t := wordTally{terms: len(m.qy.terms)}
	for i, qt := range m.qy.terms {
		var s, sLead, sBack float32
		exact := false
		for _, e := range qt.exps {
			if hasTerm(d.terms, e.term) {
				s = max(s, e.s)
				exact = exact || e.s >= strengthExact
			}
			if lead != nil && e.s > sLead && hasTerm(lead.terms, e.term) {
				sLead = e.s
			}
			if e.s > sBack && heldBefore(before, e.term) {
				sBack = e.s
			}
		}
		c.match[i] = s
		t.leadNum += float64(qt.weight) * float64(max(s, sLead))
		t.backNum += float64(qt.weight) * float64(max(s, sBack))
		// "Pavel Dren" asked, "Dren, 61, said" written: after its first
		// mention news names a person by surname alone.
		surname := s == 0 && qt.name && i+1 < len(m.qy.terms) && m.qy.terms[i+1].name && holds(d, m.qy.terms[i+1])
		t.add(qt, s, sLead > 0 || sBack > 0 || surname, exact, max(float64(s), m.align(qt, d)))
		if !exact && hasAnyTerm(d.terms, qt.opposed) {
			t.antonymW += float64(qt.weight)
		}
		t.numMiss = t.numMiss || s == 0 && qt.numeric
		t.focusMiss = t.focusMiss || s == 0 && qt.focus
		t.focusUnknown = t.focusUnknown || qt.focus && qt.unknown
		t.eventUnknown = t.eventUnknown || qt.unknown && !qt.name && m.qy.event && !m.lang.Known[qt.word]
	}
	return t
}

// holds reports whether fact d matches question word qt in any way.
func holds(d *doc, qt qterm) bool {
	for _, e := range qt.exps {
		if hasTerm(d.terms, e.term) {
			return true
		}
	}
	return false
}

// add counts one question word matched at strength s (exact when word for
// word) and aligned at cosine a; a name the fact lacks is not missing when
// named is true (its brief's lead holds it, or the fact the surname after
// it).
func (t *wordTally) add(qt qterm, s float32, named, exact bool, a float64) {
	w := float64(qt.weight)
	t.sumW += w
	if qt.cap {
		t.caps++
		if qt.unknown {
			t.capsUnknown++
		}
	}
	if qt.name {
		t.nameW += w
		if s == 0 && !named {
			t.nameMissW += w
		}
	}
	if qt.unknown {
		t.unknownW += w
	}
	// Coverage: a word the brief uses elsewhere but this fact lacks counts
	// against it less than one no brief uses.
	dw := w
	if s == 0 && !qt.unknown {
		dw = unmatchedKnownWeight * w
	}
	if s > 0 {
		t.matched++
	}
	t.num += w * float64(s)
	t.den += dw
	if !qt.name {
		t.cW += w
		t.cAlign += w * a
		t.cNum += w * float64(s)
		t.cDen += dw
	}
	if exact {
		t.exactW += w
	}
	t.alignS += w * a
	for _, x := range [...]struct {
		at  float64
		sum *float64
	}{{0.5, &t.a50}, {0.65, &t.a65}, {0.8, &t.a80}} {
		if a >= x.at {
			*x.sum += w
		}
	}
}

// fill writes the tally's features.
func (t *wordTally) fill(fv *[numFeatures]float64) {
	fv[fCover] = ratio(t.num, t.den)
	fv[fLeadCover] = ratio(t.leadNum, t.sumW)
	fv[fBackCover] = ratio(t.backNum, t.sumW)
	fv[fContentCover] = ratio(t.cNum, t.cDen)
	fv[fContentAlign] = ratio(t.cAlign, t.cW)
	fv[fExact] = ratio(t.exactW, t.sumW)
	fv[fAlign] = ratio(t.alignS, t.sumW)
	fv[fUnknown] = ratio(t.unknownW, t.sumW)
	fv[fAlign50], fv[fAlign65], fv[fAlign80] = ratio(t.a50, t.sumW), ratio(t.a65, t.sumW), ratio(t.a80, t.sumW)
	fv[fNameMiss] = ratio(t.nameMissW, t.nameW)
	fv[fAntonym] = ratio(t.antonymW, t.sumW)
	fv[fCapUnknown] = ratio(float64(t.capsUnknown), float64(t.caps))
	fv[fMatched] = ratio(float64(t.matched), float64(t.terms))
	if t.terms > 0 {
		fv[fTerms] = math.Log(float64(t.terms))
	}
	for _, x := range [...]struct {
		on bool
		f  int
	}{{t.numMiss, fNumMiss}, {t.focusMiss, fFocusMiss}, {t.focusUnknown, fFocusUnknown}, {t.eventUnknown, fEventUnknown}} {
		if x.on {
			fv[x.f] = 1
		}
	}
}

// typeFeatures says whether the fact holds the kind of thing asked for.
func (m *matcher) typeFeatures(c *cand, f *Fact, fv *[numFeatures]float64) {
	fv[fWanted] = m.wantedScore(c.doc, c.match)
	if fv[fWanted] == 0 {
		fv[fTypeless] = 1
		if m.qy.age {
			fv[fNoAge] = 1
		}
		// When "what" asks for a thing, any phrase may answer; an amount
		// or a date is written as one, and a fact that holds none is a
		// near miss however well it matches ("how much will the cranes
		// cost" against "will install 18 cranes by 2028"). The confidence
		// weighs single features, so the pairing is one.
		if k := m.qy.kinds; len(k) > 0 && (k[0] == Number || k[0] == Duration || k[0] == Date) {
			fv[fNoAmount] = 1
		}
	}
	if wantsKind(m.qy.kinds, Place) && m.locative(&m.docs[c.doc], f) {
		fv[fLocative] = 1
	}
	if len(m.qy.kinds) == 0 {
		return
	}
	switch m.qy.kinds[0] {
	case Person:
		fv[fWantPerson] = fv[fWanted]
	case Date:
		fv[fWantDate] = fv[fWanted]
	case Place:
		fv[fWantPlace] = fv[fWanted]
	case Number, Duration:
		fv[fWantNumber] = fv[fWanted]
	}
}

// factFeatures describes the fact itself: a reason, its place in the
// brief, its length, its phrasing, its shape.
func (m *matcher) factFeatures(d *doc, f *Fact, fv *[numFeatures]float64) {
	if m.qy.why && d.reason {
		fv[fReason] = 1
	}
	first := f.Citation.Paragraph == 1 && f.Citation.Sentence == 1
	if first {
		fv[fFirst] = 1
	}
	fv[fLength] = math.Log(1 + float64(d.length))
	fv[fBigram] = bigramShare(m.qy, d)
	if m.qy.definition {
		if first {
			fv[fDefFirst] = 1
		}
		if definesSomething(f.Text) {
			fv[fCopula] = 1
		}
	}
	fv[fCentroid] = m.centroidCos(d)
	fv[fYearClash] = b2f(prose.YearClash(m.qy.years, d.years))
	fv[fPlaceClash] = b2f(m.placeClash(d, f))
	fv[fDateClash] = b2f(m.qy.dates.dateClash(d))
	if m.qy.dims != 0 && d.dims != 0 {
		held := m.qy.dims&d.dims != 0
		fv[fDimHeld], fv[fDimMiss] = b2f(held), b2f(!held)
	}
	if len(m.qy.units) > 0 {
		if us := factUnits(m.lang, f.Text, f.Entities); len(us) > 0 {
			held := slices.ContainsFunc(us, func(u int) bool { return slices.Contains(m.qy.units, u) })
			fv[fUnitHeld], fv[fUnitMiss] = b2f(held), b2f(!held)
		}
	}
	if m.qy.measure != "" {
		if as := factAttrs(m.lang, f.Text, f.Entities); len(as) > 0 {
			held := attrHeld(m.lang, m.qy.measure, as)
			fv[fAttrHeld], fv[fAttrMiss] = b2f(held), b2f(!held)
		}
	}
	if !m.qy.year {
		fv[fPastYear] = b2f(d.years&prose.YearPast != 0)
		fv[fFutureYear] = b2f(d.years&prose.YearFuture != 0)
	}
	if m.qy.negated != d.negated {
		fv[fNegQuestion+boolIndex(d.negated)] = 1
	}
}

// boolIndex is 1 for true and 0 for false.
func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

// centroidCos compares the question and the fact as wholes: the cosine of
// their IDF-weighted mean word vectors, which credits a paraphrase whose
// words each match only loosely.
func (m *matcher) centroidCos(d *doc) float64 {
	if m.know.vec == nil || m.qy.centroid == nil {
		return 0
	}
	var fc [vectorDims]float32
	any := false
	for _, t := range d.terms {
		if v := m.idx.vec[t]; v >= 0 {
			m.know.vec.Add(fc[:], int(v), m.idx.idf[t])
			any = true
		}
	}
	if !any {
		return 0
	}
	return float64(cosine(m.qy.centroid, fc[:]))
}

// vectorDims is the word vectors' dimension.
const vectorDims = 100

func cosine(a, b []float32) float32 {
	var ab, aa, bb float32
	for i := range a {
		ab += a[i] * b[i]
		aa += a[i] * a[i]
		bb += b[i] * b[i]
	}
	if aa == 0 || bb == 0 {
		return 0
	}
	return ab / float32(math.Sqrt(float64(aa)*float64(bb)))
}

// locative reports whether the fact places something: a place the
// question does not name, right after "in", "at" or "near".
func (m *matcher) locative(d *doc, f *Fact) bool {
	for ei, e := range f.Entities {
		if e.Kind != Place || named(m.qy, e.Kind, d.entity(ei)) {
			continue
		}
		before := strings.TrimRight(f.Text[:e.Span.Start], " ")
		i := strings.LastIndexByte(before, ' ')
		switch strings.ToLower(before[i+1:]) {
		case "in", "at", "near":
			return true
		}
	}
	return false
}

// askFeatures marks the kind of question.
func askFeatures(qy *query, fv *[numFeatures]float64) {
	switch qy.wh {
	case "who", "whom", "whose":
		fv[fAskWho] = 1
	case "when":
		fv[fAskWhen] = 1
	case "where":
		fv[fAskWhere] = 1
	case "why":
		fv[fAskWhy] = 1
	case "how":
		if len(qy.kinds) > 0 {
			fv[fAskAmount] = 1
		} else {
			fv[fAskHow] = 1
		}
	case "what", "which":
		fv[fAskWhat] = 1
	}
}

// namesOnly is 1 when the fact shares only names with the question while
// the point of the question is a word no brief uses ("What is X's age?").
func namesOnly(qy *query, match []float32) float64 {
	content, hit, unknown := 0, 0, false
	for i, qt := range qy.terms {
		if qt.name {
			continue
		}
		content++
		if match[i] > 0 {
			hit++
		} else if qt.unknown {
			unknown = true
		}
	}
	if content > 0 && hit == 0 && unknown {
		return 1
	}
	return 0
}

// gated reports whether a fact cannot answer, whatever its confidence: a
// number of the question it lacks (numbers are exact: the eighth is not the
// ninth), or no age when one is asked for (an age is written in a few
// ways the tagger knows: "47-year-old", "aged 47", "47 years old"). Other
// kinds of answer are left to the confidence: dates, names and places are
// written in too many ways for their absence to be sure, and gating on
// them lost more right answers than wrong ones on the dev splits.
func gated(feat []float64) bool {
	return feat[fNumMiss] > 0 || feat[fNoAge] > 0
}

// briefCover is the weight of the question's words that the brief holds
// somewhere: with several briefs loaded, it tells which one a question is
// about when the answering sentence does not repeat the brief's subject.
// It is memoised per question and brief.
func (m *matcher) briefCover(brief string) (w float64, capMiss int) {
	if bc, ok := m.qy.briefCover[brief]; ok {
		return bc.w, bc.capMiss
	}
	r := m.spans[brief]
	for _, qt := range m.qy.terms {
		found := false
		for _, e := range qt.exps {
			// Postings are in fact order: the first at or after the
			// brief's start tells whether the brief holds the word.
			ps := m.idx.postings[e.term]
			i := sort.Search(len(ps), func(i int) bool { return int(ps[i].doc) >= r[0] })
			if i < len(ps) && int(ps[i].doc) < r[1] {
				found = true
				break
			}
		}
		if found {
			w += float64(qt.weight)
		} else if qt.cap {
			capMiss++
		}
	}
	if m.qy.briefCover == nil {
		m.qy.briefCover = make(map[string]briefMatch)
	}
	m.qy.briefCover[brief] = briefMatch{w, capMiss}
	return w, capMiss
}

// briefMatch is how a question matches one brief as a whole.
type briefMatch struct {
	w       float64 // weight of the question words the brief holds
	capMiss int     // capitalised question words it lacks
}

// align is the best cosine between a question word and any word of the
// fact, from the word vectors; 0 when either has none.
func (b *Base) align(qt qterm, d *doc) float64 {
	if qt.vec < 0 || b.know.vec == nil {
		return 0
	}
	best := float32(0)
	for _, t := range d.terms {
		if v := b.idx.vec[t]; v >= 0 {
			best = max(best, b.know.vec.Cos(int(qt.vec), int(v)))
		}
	}
	return float64(best)
}

// bigramShare is the share of the question's adjacent content-word pairs
// that stand next to each other in the fact: phrases, not only words.
func bigramShare(qy *query, d *doc) float64 {
	if len(qy.pairs) == 0 {
		return 0
	}
	hit := 0
	for _, p := range qy.pairs {
		for i := 0; i+1 < len(d.toks); i++ {
			if d.toks[i].term == p[0] && d.toks[i+1].term == p[1] {
				hit++
				break
			}
		}
	}
	return float64(hit) / float64(len(qy.pairs))
}

// definesSomething reports whether a sentence has the shape of a
// definition: "X is a …", "X was an …", "X are the …".
func definesSomething(text string) bool {
	l := strings.ToLower(text)
	for _, m := range [...]string{" is a ", " is an ", " is the ", " was a ", " was an ", " was the ",
		" are a ", " are the ", " were a ", " were the ", " refers to "} {
		if i := strings.Index(l, m); i >= 0 && i < 120 {
			return true
		}
	}
	return false
}

// ratio is a/b, or 0 when b is 0: a share of nothing is none.
func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}
