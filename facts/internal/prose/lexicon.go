package prose

import (
	"strings"

	"github.com/briefbot/briefbot/facts/internal/spelling"
	"github.com/briefbot/briefbot/facts/internal/wordnet"
)

// The word lists below are general English and general news vocabulary. They
// are data for rules, not answers: nothing here names anything in a brief.

// stopwordList holds function words: they carry no topic, so questions and
// facts are matched without them.
const stopwordList = `a an the of in on at to for with by from into onto upon over under about above
below between among amid amidst through during before after since until till within without against
toward towards across along around behind beyond near off out up down via per than then
and or but nor so yet also too very just only even still already again ever not no
is are was were be been being am do does did done doing have has had having
will would shall should can could may might must ought
i me my mine myself we us our ours ourselves you your yours yourself yourselves
he him his himself she her hers herself it its itself they them their theirs themselves
this that these those there here where when who whom whose which what why how whether
all any both each either every few many more most much other others own same some such several
if as because while whereas although though unless once whenever wherever
something anything everything nothing someone anyone everyone one ones
furthermore moreover additionally however meanwhile nevertheless nonetheless thus hence therefore
indeed instead likewise similarly overall finally firstly secondly lastly
s t d ll re ve m o y`

// glueList holds words that questions use to frame what they ask without
// naming a topic ("When did the talks take place?", "What was said about…").
const glueList = `happen happened happening happens occur occurred occurs occurring take took taken takes taking
come came comes coming go went goes going gone get got gets getting make made makes making
tell told tells know known say said says saying mention mentioned mentions note noted
thing things kind kinds type types sort sorts way ways part parts lot lots
brief article report reports reported news story text according give gave given
please could would anyone someone tell me explain describe detail details
exactly actually really specifically roughly approximately
mean means meant regarding concerning about related relating relate relates
like likes liked plus try tries tried trying want wants wanted`

// typeNouns name the kind of answer a "what/which …" question wants.
const typeNouns = `
date:date dates day days year years month months time times
place:city cities town towns country countries place places location locations venue venues capital capitals where nation nations
title:title titles role roles position positions job jobs post posts rank office designation capacity
duration:length duration period long
number:number numbers amount amounts count total figure figures round rounds edition editions iteration iterations age ages
person:person persons name names individual individuals man woman leader head chief official officials
group:group groups
org:organization organizations organisation organisations agency agencies body bodies institution institutions ministry ministries department departments employer employers company firm
`

// AuxList holds auxiliary verbs, which follow a question word.
const AuxList = `did does do is was are were will can could has have had would should`

// WhList holds the question words.
const WhList = `who whom whose what which when where why how`

// affiliationList holds the keys of verbs that only restate membership
// when an organisation is asked for ("Which agency does X work for?").
const affiliationList = `work employ serv base belong member affili repres`

// titleWords mark a capitalised phrase as a role or office.
const titleWords = `president vice minister secretary ambassador envoy representative director general commissioner
chancellor governor senator mayor chief chairman chairwoman chairperson spokesperson spokesman spokeswoman
king queen prince princess premier prime deputy undersecretary advisor adviser attache consul counsellor
counselor officer commander colonel captain lieutenant major sergeant admiral judge justice head special
high coordinator rapporteur delegate emissary ambassador-at-large chair`

// orgWords mark a capitalised phrase as an organisation.
const orgWords = `union ministry service services council commission committee agency department office
organisation organization parliament assembly senate congress bank fund court party army navy police
forces force nations affairs institute university association authority group company corporation inc ltd
foundation federation alliance coalition secretariat bureau directorate administration government cabinet
embassy mission delegation consulate tribunal board network centre center league movement front`

// docWords mark a capitalised phrase as a named document or programme.
const docWords = `plan agreement treaty act accord strategy framework programme program initiative declaration
charter convention protocol pact roadmap resolution report status policy policies`

const unitList = `second seconds minute minutes hour hours day days week weeks month months year years decade decades century centuries`

// deicticList holds the words that place a time against now ("last
// year", "next month"): after an amount they start a time, never name
// what the amount counts.
const deicticList = `last next past coming previous following`

const weekdayList = `monday tuesday wednesday thursday friday saturday sunday`

// connectorList holds the lower-case words that join a capitalised name:
// "Ministry of Foreign Affairs", "Director for Security and Defence Policy",
// and the particles of names in many languages ("del", "dos", "du", "ibn").
const connectorList = `of for and the on de al bin von van der la le del della da di du dos das des ibn ten ter den`

// peopleList holds nouns for groups of people, which answer "who"
// questions when no one is named.
const peopleList = `officials leaders stakeholders defenders activists members representatives delegates
diplomats ministers experts citizens civilians journalists students soldiers troops officers victims
refugees migrants residents workers lawmakers legislators politicians negotiators envoys observers
analysts militants fighters terrorists extremists society communities community people partners
delegations governments authorities investigators prosecutors judges voters protesters`

const monthList = `january february march april may june july august september october november december`

// reasonMarkers are phrases that state a cause or purpose.
const reasonMarkers = `because|due to|owing to|in order to|so that|so as to|aimed at|aims to|aim to|to ensure|
crucial to|crucial for|essential to|essential for|vital to|vital for|key to|necessary|as a result|
in a bid to|reason|purpose|in response to|thanks to|given that|in light of|to help|to retain|retaining|to secure|
as they|as it|as this|as these|as we|strive to|seek to|seeks to|in an effort to|so they can|since it|since they`

// Language holds the word lists as sets, with the WordNet and spelling
// data the tagger reads. Nothing changes it once built but its stem cache,
// which is safe for concurrent use, so one Language serves every fact base
// of a process and the package keeps no package-level state.
type Language struct {
	// The closed word lists, lower-case, as the constants above give them:
	// stop words, verbs of happening (Glue), type nouns and the kind they
	// ask for, document nouns, months, weekdays, auxiliaries, question
	// words and the stems of affiliation verbs.
	Stop        map[string]bool
	Glue        map[string]bool
	TypeNoun    map[string]Kind
	title       map[string]bool
	org         map[string]bool
	Doc         map[string]bool
	Month       map[string]bool
	unit        map[string]bool
	deictic     map[string]bool
	Weekday     map[string]bool
	connector   map[string]bool
	people      map[string]bool
	Aux         map[string]bool
	Wh          map[string]bool
	Affiliation map[string]bool
	Referent    map[string]bool       // nouns that refer to the participants: "both sides"
	Framing     map[string]bool       // verbs of saying that frame a passive question
	Passive     map[string]bool       // auxiliaries that make them passive
	Collective  map[string]bool       // words before them that make them refer
	Reasons     map[string][][]string // first word of a reason marker → the words after it
	classes     map[string]WordClass
	// Wn is WordNet: places for the tagger, related words for matching.
	Wn *wordnet.Lexicon
	// spell maps British spellings to American ones (SCOWL).
	spell *spelling.Table
	// stems remembers the stems key has found: see stem.
	stems stemCache
	// Qty holds the closed word classes of amount phrases.
	Qty quantityWords
	// PlaceKind maps the type nouns that ask for a kind of place to the
	// kind, as WordNet files places.
	PlaceKind map[string]string
	// Chat maps how questions are typed in chat to the words they stand
	// for: "whats" (what's), "wheres", "u", "ur", "pls".
	Chat map[string]string
	// PercentWords ask for a share, answered by a percentage.
	PercentWords map[string]bool
	// Known holds the words of the stop, glue, title, organisation,
	// document, month and type-noun lists: real words, which a spelling
	// fix never turns into a word of a brief.
	Known map[string]bool
	split *splitter
	// Negation are the words that deny what they govern.
	Negation map[string]bool
	// Leader holds the keys of WordNet's words for heading a body, nouns
	// and verbs ("governor", "chairs", "led"): see leads.
	Leader map[string]bool
	// Change holds the keys of WordNet's words for a change of magnitude
	// ("rose", "cut", "growth"): see asksChange.
	Change map[string]bool
}

// NewLanguage builds the word lists and classes from WordNet and the
// spelling table. It costs tens of milliseconds, so a process builds one
// and every fact base shares it.
func NewLanguage(wn *wordnet.Lexicon, spell *spelling.Table) *Language {
	l := &Language{
		Stop:      wordSet(stopwordList),
		Glue:      wordSet(glueList),
		TypeNoun:  make(map[string]Kind),
		title:     wordSet(titleWords),
		org:       wordSet(orgWords),
		Doc:       wordSet(docWords),
		Month:     wordSet(monthList),
		unit:      wordSet(unitList),
		deictic:   wordSet(deicticList),
		Weekday:   wordSet(weekdayList),
		connector: wordSet(connectorList),
		people:    wordSet(peopleList),
		Wn:        wn,
		spell:     spell,
		PlaceKind: map[string]string{
			"city": wordnet.City, "cities": wordnet.City, "town": wordnet.City, "towns": wordnet.City,
			"capital": wordnet.City, "capitals": wordnet.City, "country": wordnet.Country,
			"countries": wordnet.Country, "nation": wordnet.Country, "nations": wordnet.Country,
		},
		Qty:          newQuantityWords(),
		PercentWords: wordSet("percent percentage percentages proportion share rate"),
		Chat: map[string]string{"whats": "what", "wheres": "where", "whos": "who", "whens": "when", "hows": "how", "hw": "how",
			"whys": "why", "wats": "what", "wat": "what", "wich": "which", "whitch": "which", "wen": "when", "wher": "where", "u": "you", "ur": "your", "pls": "please", "plz": "please",
			"thx": "thanks", "abt": "about", "bc": "because", "cuz": "because", "r": "are", "yr": "year"},
		split:       newSplitter(),
		Aux:         wordSet(AuxList),
		Wh:          wordSet(WhList),
		Affiliation: wordSet(affiliationList),
		Referent:    wordSet("side sides party parties"),
		Framing:     wordSet("discussed mentioned raised covered addressed talked brought tabled debated said"),
		Passive:     wordSet("was were is are been being be get got"),
		Collective:  wordSet("both two either each other opposing"),
		Negation:    wordSet("not no never neither nor none nobody nothing nowhere cannot without"),
	}
	l.Leader = make(map[string]bool)
	for _, w := range wn.LeaderWords() {
		l.Leader[l.Key(w)] = true
	}
	l.Change = make(map[string]bool)
	for _, w := range wn.ChangeWords() {
		l.Change[l.Key(w)] = true
	}
	for _, line := range strings.Split(strings.TrimSpace(typeNouns), "\n") {
		kind, words, _ := strings.Cut(line, ":")
		for _, w := range strings.Fields(words) {
			l.TypeNoun[w] = kindByName(kind)
		}
	}
	l.Reasons = make(map[string][][]string)
	for _, m := range strings.Split(reasonMarkers, "|") {
		if ws := strings.Fields(m); len(ws) > 0 {
			l.Reasons[ws[0]] = append(l.Reasons[ws[0]], ws[1:])
		}
	}
	// known words are real English words: a question word among them is
	// not "corrected" into a different word of the brief.
	l.Known = make(map[string]bool)
	for _, set := range []map[string]bool{l.Stop, l.Glue, l.title, l.org, l.Doc, l.Month} {
		for w := range set {
			l.Known[w] = true
		}
	}
	for w := range l.TypeNoun {
		l.Known[w] = true
	}
	l.buildClasses()
	return l
}

// WordClass says which word lists a word is on, looked up once per distinct
// word while building a fact base rather than once per occurrence.
type WordClass uint16

const (
	CSet WordClass = 1 << iota // the class has been computed
	CStop
	cGlue
	cKnown
	cMonth
	cTitle
	cOrg
	cDoc
	cUnit
	cWeekday
	CConnector
	cPeople
	cPlace
	CReason // first word of a reason marker
)

// Class is the closed word classes a lower-case word belongs to; every
// word is in CSet, so a zero class means no look-up happened.
func (l *Language) Class(lower string) WordClass {
	return CSet | l.classes[lower]
}

// buildClasses merges the word lists into one map, so classifying a word
// costs one look-up.
func (l *Language) buildClasses() {
	l.classes = make(map[string]WordClass)
	for _, x := range []struct {
		set map[string]bool
		bit WordClass
	}{{l.Stop, CStop}, {l.Glue, cGlue}, {l.Known, cKnown}, {l.Month, cMonth}, {l.title, cTitle},
		{l.org, cOrg}, {l.Doc, cDoc}, {l.unit, cUnit}, {l.Weekday, cWeekday}, {l.connector, CConnector},
		{l.people, cPeople}} {
		for w := range x.set {
			l.classes[w] |= x.bit
		}
	}
	for w := range l.Reasons {
		l.classes[w] |= CReason
	}
}

func kindByName(s string) Kind {
	for k := Person; k <= Group; k++ {
		if k.String() == s {
			return k
		}
	}
	return Misc
}
