package facts

import "strings"

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
number:number numbers amount amounts count total figure figures round rounds edition editions iteration iterations
person:person persons name names individual individuals man woman leader head chief official officials
group:group groups
org:organization organizations organisation organisations agency agencies body bodies institution institutions ministry ministries department departments employer employers company firm
`

// synonymGroups are sets of words that news questions and articles use for
// the same thing. A question word matches any member at reduced strength.
const synonymGroups = `
meet meeting meetings met convene convened convening gather gathered assemble hold held host hosted summit session
talk talks dialogue dialogues discussion discussions discuss discussed conversation negotiation negotiations consultation consultations
lead led leads leading head headed heads chair chaired chairs helm steer spearhead preside presided charge
leader head chief director chairman chairperson
delegation delegations delegate delegates team teams represent represented representing
side sides party parties
condemn condemned condemnation denounce denounced deplore decry censure criticize criticise
terrorism terror terrorist terrorists
militancy militant militants extremist extremists
envoy envoys ambassador ambassadors representative representatives emissary diplomat diplomats
stress stressed emphasize emphasized emphasise emphasised underscore underscored underline underlined highlight highlighted insist
important importance crucial essential vital key critical pivotal significant significance
visit visited trip trips tour toured journey stay mission
length long duration lasted last lasting
trade trading commerce commercial tariff tariffs export exports
money funding financing finance funds fund financial
fighter fighters combatant combatants jihadist jihadists militant militants
radicalization radicalisation radicalize radicalise radical radicalism
prevent prevention stop curb deter thwart avert
counter countering combat combating combatting fight fighting tackle tackling confront
cooperation collaboration collaborate cooperate partnership partner partners coordination alliance
security safety defence defense protection
agreement agreements deal accord pact treaty
plan plans framework strategy roadmap blueprint programme program scheme
challenge challenges threat threats problem problems issue issues risk risks danger dangers concern concerns
region regions regional area areas neighborhood
international global worldwide multilateral world
status standing
review reviewing assessment evaluation examination scrutiny appraisal monitoring
commitment commitments pledge pledged promise promised vow vowed resolve dedication
government governments officials authorities administration state
military army armed forces generals
invest invested investment investments investing stake
progress development advancement growth
approach method methods
comprehensive holistic broad wide-ranging all-encompassing overall
step steps move moves milestone measure measures
practice practices experience experiences lessons expertise knowledge
exchange exchanged share shared sharing swap
link linked links connect connected connection tie tied ties relate related intertwine intertwines associated
stakeholder stakeholders actor actors participant participants
announce announced state stated declare declared express expressed voice voiced
engage engaged engagement interact interacted consult consulted meet met
begin began start started launch launched open opened
end ended finish finished conclude concluded close closed
previous previously earlier prior before formerly
recent recently latest new newest
ongoing continuing current pending underway
help helped assist assisted assistance support supported aid aided
obligation obligations duty duties responsibility responsibilities
emerging rising growing new evolving
enhance enhanced enhancing improve improved strengthen strengthened boost bolster reinforce reinforced reinforcing deepen increase
focus focused focusing center centered concentrate emphasis priority priorities theme themes
online internet digital cyber
movement movements flow flows travel
regulate regulating regulation control controlling monitor manage
violent violence
unequivocal unambiguous clear firm strong strongly
reaffirm reaffirmed reiterate reiterated renew renewed confirm confirmed
country countries nation nations
foreign overseas external
ministry ministries department departments
agency agencies service services
defender defenders advocate advocates activist activists
society public citizens
response respond responded reaction react
effort efforts initiative initiatives attempt attempts
purpose aim aims goal goals objective objectives reason reasons
city capital town
topic topics subject subjects matter matters theme themes item items
keep keeping kept retain retaining retained maintain maintaining preserve
week weekly
`

// auxList holds auxiliary verbs, which follow a question word.
const auxList = `did does do is was are were will can could has have had would should`

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

const weekdayList = `monday tuesday wednesday thursday friday saturday sunday`

// connectorList holds the lower-case words that join a capitalised name:
// "Ministry of Foreign Affairs", "Director for Security and Defence Policy".
const connectorList = `of for and the on de al bin von van der la le`

// peopleList holds nouns for groups of people, which answer "who"
// questions when no one is named.
const peopleList = `officials leaders stakeholders defenders activists members representatives delegates
diplomats ministers experts citizens civilians journalists students soldiers troops officers victims
refugees migrants residents workers lawmakers legislators politicians negotiators envoys observers
analysts militants fighters terrorists extremists society communities community people partners
delegations governments authorities investigators prosecutors judges voters protesters`

const monthList = `january february march april may june july august september october november december`

// placeList is a small gazetteer of countries, regions and capitals. It
// lets the tagger tell "in Brussels" (a place) from "in Parliament".
const placeList = `afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil
brunei bulgaria burkina burundi cambodia cameroon canada chad chile china colombia comoros congo
croatia cuba cyprus czechia czech denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia
fiji finland france gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti
honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan
kenya kiribati korea kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein
lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia
moldova monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands nicaragua
niger nigeria norway oman pakistan palau palestine panama paraguay peru philippines poland portugal qatar
romania russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia spain sudan
suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga tunisia turkey
turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe
kashmir balochistan punjab sindh gaza crimea tibet xinjiang
europe asia africa america americas antarctica oceania arctic eurasia scandinavia balkans caucasus sahel
brussels islamabad karachi lahore peshawar quetta rawalpindi kabul kandahar tehran baghdad damascus beirut
riyadh doha dubai ankara istanbul cairo delhi mumbai dhaka colombo kathmandu beijing shanghai tokyo seoul
moscow kyiv kiev warsaw berlin paris london madrid rome lisbon vienna prague budapest athens amsterdam
hague geneva zurich bern stockholm oslo copenhagen helsinki dublin washington york boston chicago ottawa
toronto brasilia lima bogota caracas nairobi lagos abuja johannesburg pretoria addis ababa khartoum
tripoli tunis algiers rabat jakarta manila bangkok hanoi canberra sydney wellington strasbourg luxembourg`

// multiPlaces are places of more than one word.
const multiPlaces = `middle east|south asia|central asia|east asia|southeast asia|south east asia|north africa|
west africa|east africa|horn of africa|latin america|north america|south america|
united states|united kingdom|saudi arabia|new zealand|sri lanka|south africa|
north korea|south korea|new delhi|new york|gulf region|persian gulf|indo-pacific|asia-pacific|
united arab emirates|abu dhabi|the hague|south sudan|costa rica|el salvador|ivory coast`

// reasonMarkers are phrases that state a cause or purpose.
const reasonMarkers = `because|due to|owing to|in order to|so that|so as to|aimed at|aims to|aim to|to ensure|
crucial to|crucial for|essential to|essential for|vital to|vital for|key to|necessary|as a result|
in a bid to|reason|purpose|in response to|thanks to|given that|in light of|to help|to retain|retaining|to secure|
as they|as it|as this|as these|as we|strive to|seek to|seeks to|in an effort to|so they can|since it|since they`

// language holds the word lists as sets, built once per fact base so that
// the package keeps no mutable or package-level state.
type language struct {
	stop        map[string]bool
	glue        map[string]bool
	typeNoun    map[string]Kind
	synonyms    map[string][]string // lower word → other members of its groups
	title       map[string]bool
	org         map[string]bool
	doc         map[string]bool
	month       map[string]bool
	unit        map[string]bool
	weekday     map[string]bool
	connector   map[string]bool
	people      map[string]bool
	aux         map[string]bool
	wh          map[string]bool
	affiliation map[string]bool
	referent    map[string]bool       // nouns that refer to the participants: "both sides"
	framing     map[string]bool       // verbs of saying that frame a passive question
	passive     map[string]bool       // auxiliaries that make them passive
	collective  map[string]bool       // words before them that make them refer
	reasons     map[string][][]string // first word of a reason marker → the words after it
	classes     map[string]wordClass
	place       map[string]bool
	places      []string // multi-word places, lower case
	known       map[string]bool
	split       *splitter
}

func newLanguage() *language {
	l := &language{
		stop:        wordSet(stopwordList),
		glue:        wordSet(glueList),
		typeNoun:    make(map[string]Kind),
		synonyms:    make(map[string][]string),
		title:       wordSet(titleWords),
		org:         wordSet(orgWords),
		doc:         wordSet(docWords),
		month:       wordSet(monthList),
		unit:        wordSet(unitList),
		weekday:     wordSet(weekdayList),
		connector:   wordSet(connectorList),
		people:      wordSet(peopleList),
		place:       wordSet(placeList),
		split:       newSplitter(),
		aux:         wordSet(auxList),
		wh:          wordSet("who whom whose what which when where why how"),
		affiliation: wordSet(affiliationList),
		referent:    wordSet("side sides party parties"),
		framing:     wordSet("discussed mentioned raised covered addressed talked brought tabled debated said"),
		passive:     wordSet("was were is are been being be get got"),
		collective:  wordSet("both two either each other opposing"),
	}
	for _, line := range strings.Split(strings.TrimSpace(typeNouns), "\n") {
		kind, words, _ := strings.Cut(line, ":")
		for _, w := range strings.Fields(words) {
			l.typeNoun[w] = kindByName(kind)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(synonymGroups), "\n") {
		group := strings.Fields(line)
		for _, w := range group {
			for _, o := range group {
				if o != w {
					l.synonyms[w] = append(l.synonyms[w], o)
				}
			}
		}
	}
	l.reasons = make(map[string][][]string)
	for _, m := range strings.Split(reasonMarkers, "|") {
		if ws := strings.Fields(m); len(ws) > 0 {
			l.reasons[ws[0]] = append(l.reasons[ws[0]], ws[1:])
		}
	}
	for _, p := range strings.Split(multiPlaces, "|") {
		if p = strings.TrimSpace(p); p != "" {
			l.places = append(l.places, p)
		}
	}
	// known words are real English words: a question word among them is
	// not "corrected" into a different word of the brief.
	l.known = make(map[string]bool)
	for _, set := range []map[string]bool{l.stop, l.glue, l.title, l.org, l.doc, l.month, l.place} {
		for w := range set {
			l.known[w] = true
		}
	}
	for w := range l.synonyms {
		l.known[w] = true
	}
	for w := range l.typeNoun {
		l.known[w] = true
	}
	l.buildClasses()
	return l
}

// wordClass says which word lists a word is on, looked up once per distinct
// word while building a fact base rather than once per occurrence.
type wordClass uint16

const (
	cSet wordClass = 1 << iota // the class has been computed
	cStop
	cGlue
	cKnown
	cMonth
	cTitle
	cOrg
	cDoc
	cUnit
	cWeekday
	cConnector
	cPeople
	cPlace
	cReason // first word of a reason marker
)

func (l *language) class(lower string) wordClass {
	return cSet | l.classes[lower]
}

// buildClasses merges the word lists into one map, so classifying a word
// costs one look-up.
func (l *language) buildClasses() {
	l.classes = make(map[string]wordClass)
	for _, x := range []struct {
		set map[string]bool
		bit wordClass
	}{{l.stop, cStop}, {l.glue, cGlue}, {l.known, cKnown}, {l.month, cMonth}, {l.title, cTitle},
		{l.org, cOrg}, {l.doc, cDoc}, {l.unit, cUnit}, {l.weekday, cWeekday}, {l.connector, cConnector},
		{l.people, cPeople}, {l.place, cPlace}} {
		for w := range x.set {
			l.classes[w] |= x.bit
		}
	}
	for w := range l.reasons {
		l.classes[w] |= cReason
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
