package facts

import (
	"slices"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/facts/english"
	"github.com/briefbot/briefbot/facts/internal/wordnet"
)

// Kind is what an entity is.
type Kind uint8

// Entity kinds. The short answer to a question is an entity of the kind the
// question asks for.
const (
	Person Kind = iota + 1
	Org
	Place
	Date
	Number
	Duration
	Title
	Misc  // a named thing that is none of the above: a plan, a status
	Group // people described rather than named: "government officials"
)

// String is the kind's name as it appears in JSON: "person", "date", ….
func (k Kind) String() string {
	switch k {
	case Person:
		return "person"
	case Org:
		return "org"
	case Place:
		return "place"
	case Date:
		return "date"
	case Number:
		return "number"
	case Duration:
		return "duration"
	case Title:
		return "title"
	case Misc:
		return "misc"
	case Group:
		return "group"
	}
	return "unknown"
}

// MarshalText writes the kind's name, so JSON and golden files stay readable.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Entity is a tagged span of a fact's text.
type Entity struct {
	Kind Kind   `json:"kind"`
	Text string `json:"text"`
	Span Span   `json:"-"`
	// first, last index the sentence's tokens the entity covers.
	first, last int
	// terms are the entity's content words as index terms, so the matcher
	// compares them with a question without re-analysing the text.
	terms []uint32
}

// dateQualifiers narrow a date: "early 2027", "late March", "mid-2026".
var dateQualifiers = []string{"early", "late", "mid"}

// tagger finds entities in a sentence with rules over its tokens.
type tagger struct {
	lang *language
	used []bool // reused across sentences
}

// baseCount is the number of tokens before the appended compound tokens.
func baseCount(toks []token) int {
	for i, t := range toks {
		if t.compound {
			return i
		}
	}
	return len(toks)
}

// tag returns the entities of one sentence, in text order. Each pass
// takes the words the ones before it left: dates, then durations, then
// amounts, then groups of people, then capitalised names.
func (tg *tagger) tag(text string, toks []token) []Entity {
	n := baseCount(toks)
	toks = toks[:n]
	for i := range toks {
		if toks[i].cls == 0 {
			toks[i].cls = tg.lang.class(toks[i].lower)
		}
	}
	used := slices.Grow(tg.used[:0], n)[:n]
	clear(used)
	tg.used = used
	st := &sentenceTags{tg: tg, text: text, toks: toks, used: used}
	st.dates()
	st.durations()
	st.amounts()
	st.groups()
	st.names()
	ents := tg.possessiveOrgs(text, toks, st.ents)
	placesByContext(toks, ents)
	sortEntities(ents)
	return ents
}

// sentenceTags is one sentence being tagged: its words, which of them an
// entity has taken, and the entities so far.
type sentenceTags struct {
	tg   *tagger
	text string
	toks []token
	used []bool
	ents []Entity
}

// add records the entity of kind k over words i..j and takes them.
func (st *sentenceTags) add(k Kind, i, j int) {
	st.addSpan(k, i, j, st.toks[i].start, st.toks[j].end)
}

// addSpan records the entity of kind k over words i..j, whose text runs
// from byte start to end (an amount's signs stand outside its words).
func (st *sentenceTags) addSpan(k Kind, i, j, start, end int) {
	st.ents = append(st.ents, Entity{Kind: k, Text: st.text[start:end], Span: Span{start, end}, first: i, last: j})
	for x := i; x <= j; x++ {
		st.used[x] = true
	}
}

// gap is the text between word i and the next.
func (st *sentenceTags) gap(i int) string { return st.text[st.toks[i].end:st.toks[i+1].start] }

// spaced reports whether only spaces, or a hyphen, separate word i from
// the next.
func (st *sentenceTags) spaced(i int) bool {
	return i+1 < len(st.toks) && (strings.TrimSpace(st.gap(i)) == "" || st.toks[i].hyphenNext)
}

// dates tags times of day, dates around a month, years and weekdays.
func (st *sentenceTags) dates() {
	tg, text, toks, n := st.tg, st.text, st.toks, len(st.toks)
	for i := 0; i < n; i++ {
		t := toks[i]
		if e := clockEnd(text, toks, i); e > i {
			st.add(Date, i, e)
			i = e
			continue
		}
		switch {
		case tg.isMonth(t, i):
			s, e := i, i
			if i > 0 && isDay(toks[i-1].lower) && st.spaced(i-1) {
				s = i - 1
			}
			if e+1 < n && isDay(toks[e+1].lower) && st.spaced(e) {
				e++
			}
			if e+1 < n && isYear(toks[e+1].lower) && strings.TrimSpace(strings.Trim(st.gap(e), ", ")) == "" {
				e++
			}
			st.add(Date, tg.qualifier(text, toks, st.used, s, toks[s].start, dateQualifiers...), e)
			i = e
		case isClockWord(t.lower) && !st.used[i]:
			st.add(Date, tg.qualifier(text, toks, st.used, i, t.start), i)
		case t.num && isYear(t.lower) && !st.used[i]:
			st.add(Date, tg.qualifier(text, toks, st.used, i, t.start, dateQualifiers...), i)
		case (t.cls&cWeekday != 0) || t.lower == "yesterday" || t.lower == "today" || t.lower == "tomorrow":
			st.add(Date, i, i)
		}
	}
}

// durations tags "week-long", "two-day", "three years", "a month".
func (st *sentenceTags) durations() {
	tg, text, toks, n := st.tg, st.text, st.toks, len(st.toks)
	for i := 0; i < n; i++ {
		if st.used[i] {
			continue
		}
		t := toks[i]
		switch {
		case (t.cls&cUnit != 0) && t.hyphenNext && i+1 < n && toks[i+1].lower == "long":
			s := i
			if i > 0 && toks[i-1].hyphenNext && tg.isQuantity(toks[i-1].lower) {
				s = i - 1
			}
			st.add(Duration, s, i+1)
			i++
		case tg.isQuantity(t.lower) && i+1 < n && (toks[i+1].cls&cUnit != 0) && !st.used[i+1] &&
			!(i+2 < n && toks[i+2].lower == "old") && // "30 years old", "47-year-old" are ages
			!tg.rateAfterAmount(toks, i): // "100 steps a minute" is a rate
			s, e := i, i+1
			if toks[i+1].hyphenNext && i+2 < n && toks[i+2].lower == "long" {
				e = i + 2
				if t.lower == "a" || t.lower == "an" {
					s = i + 1
				}
			}
			s = tg.qualifier(text, toks, st.used, s, toks[s].start, "within")
			st.add(Duration, s, e)
			i = e
		}
	}
}

// amounts tags numbers and ordinals, grown into the amount phrase around
// them.
func (st *sentenceTags) amounts() {
	tg, text, toks, n := st.tg, st.text, st.toks, len(st.toks)
	for i := 0; i < n; i++ {
		if st.used[i] {
			continue
		}
		t := toks[i]
		// "one" counts only before a measure ("one metre"); elsewhere it
		// is a pronoun ("one of the …").
		one := t.lower == "one" && i+1 < n && !st.used[i+1] && tg.measureNoun(toks[i+1])
		if !t.num && !isNumberWord(t.lower) && !one || i > 0 && numberedName(toks[i-1], t) {
			continue
		}
		first, last, start, end := tg.quantity(text, toks, st.used, i)
		if !t.num && last > i && toks[i].hyphenNext && !tg.measureNoun(toks[last]) && !isAge(text[start:end]) {
			// "two-way trade", "a three-time champion": a spelled-out
			// number joined to a word describes; it is no amount.
			i = last
			continue
		}
		st.addSpan(Number, first, last, start, end)
		i = last
	}
}

// groups tags groups of people: "government officials", "human rights
// defenders".
func (st *sentenceTags) groups() {
	toks := st.toks
	for i := range toks {
		if st.used[i] || !(toks[i].cls&cPeople != 0) || toks[i].cap {
			continue
		}
		s := i
		for s > 0 && i-s < 2 && !st.used[s-1] && !toks[s-1].cap && !toks[s-1].num && st.spaced(s-1) &&
			!(toks[s-1].cls&cStop != 0) && !(toks[s-1].cls&cGlue != 0) && !(toks[s-1].cls&cPeople != 0) &&
			!strings.HasSuffix(toks[s-1].lower, "ing") && !strings.HasSuffix(toks[s-1].lower, "ed") {
			s--
		}
		st.add(Group, s, i)
	}
}

// names tags capitalised phrases, each classified into titles, people,
// organisations, places and other names.
func (st *sentenceTags) names() {
	tg, toks, n := st.tg, st.toks, len(st.toks)
	for i := 0; i < n; i++ {
		if st.used[i] || !tg.properStart(toks, i, st.spaced(i)) {
			continue
		}
		j := st.nameEnd(i)
		found := tg.classify(st.text, toks, i, j)
		if j+1 < n && st.spaced(j) && !toks[j+1].cap && toks[j+1].cls&cOrg != 0 {
			// "the Civic Renewal party", "the Halden group": a name the
			// next word says is an organisation.
			for k := range found {
				if found[k].last == j && (found[k].Kind == Misc || found[k].Kind == Person) {
					found[k].Kind = Org
				}
			}
		}
		st.ents = append(st.ents, found...)
		for x := i; x <= j; x++ {
			st.used[x] = true
		}
		i = j
	}
}

// nameEnd is the last word of the capitalised phrase opening at word i:
// proper words, name syllables and numbered names, and connectors ("of",
// "de") only when a capitalised word follows them.
func (st *sentenceTags) nameEnd(i int) int {
	tg, toks, n := st.tg, st.toks, len(st.toks)
	j := i
	for j+1 < n && (st.spaced(j) || nameSyllable(toks[j], toks[j+1]) || numberedName(toks[j], toks[j+1])) && !st.used[j+1] {
		nx := toks[j+1]
		if tg.properWord(nx) || nameSyllable(toks[j], nx) || numberedName(toks[j], nx) {
			j++
			continue
		}
		k := j + 1
		for k < n && (toks[k].cls&cConnector != 0) && !toks[k].cap && st.spaced(k-1) && k-j <= 2 {
			k++
		}
		if k > j+1 && k < n && st.spaced(k-1) && !st.used[k] && tg.properWord(toks[k]) {
			j = k
			continue
		}
		break
	}
	return j
}

// placesByContext tags as places the names that only their context shows
// to be one, so that a town no word list knows still answers "where":
// a name right after a preposition of place ("in Košice", "near Brno")
// and the first part of "Lyon-based".
func placesByContext(toks []token, ents []Entity) {
	for i := range ents {
		e := &ents[i]
		if e.Kind != Misc && !(e.Kind == Person && e.last == e.first) {
			continue
		}
		if e.first > 0 {
			switch toks[e.first-1].lower {
			case "in", "near", "outside", "across", "throughout":
				e.Kind = Place
				continue
			}
		}
		if e.last+1 < len(toks) && toks[e.last].hyphenNext && toks[e.last+1].lower == "based" {
			e.Kind = Place
		}
	}
}

func (tg *tagger) isMonth(t token, i int) bool {
	if !(t.cls&cMonth != 0) || !t.cap {
		return false
	}
	// "May" and "March" open sentences as verbs and names too often.
	return i > 0 || (t.lower != "may" && t.lower != "march")
}

func isDay(s string) bool {
	if !allDigits(s) || len(s) > 2 {
		if n, ok := numberWord(s); ok && strings.HasSuffix(n, "th") {
			return len(n) <= 4
		}
		if len(s) > 2 && allDigits(s[:len(s)-2]) {
			_, ok := numberWord(s)
			return ok
		}
		return false
	}
	return s != "0" && s != "00" && (len(s) == 1 || s < "32")
}

func isYear(s string) bool {
	return len(s) == 4 && allDigits(s) && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20"))
}

func isNumberWord(s string) bool {
	if s == "one" || s == "second" {
		return false // pronoun and time unit far more often than numbers
	}
	_, ok := numberWord(s)
	switch s {
	case "million", "millions", "billion", "billions", "dozen", "dozens", "hundreds", "thousands":
		return true
	}
	return ok
}

func (tg *tagger) isQuantity(s string) bool {
	return s == "a" || s == "an" || allDigits(s) || isNumberWord(s) || s == "several" || s == "few"
}

// nameSyllable reports whether next, written against t with a hyphen,
// continues a name in lower case: the "hoon" of "Ji-hoon". A word English
// knows makes an adjective instead ("Paris-based", "state-owned").
func nameSyllable(t, next token) bool {
	return t.cap && t.hyphenNext && !next.cap && !next.num && !english.Known(next.lower) &&
		strings.IndexFunc(next.lower, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
}

// numberedName reports whether next is a number written against the
// capitalised word t with a hyphen: "Aurelia-3", "Falcon-9" name one
// thing, a craft or a model, not a word and an amount.
func numberedName(t, next token) bool {
	return t.cap && !t.num && t.cls&(cMonth|cWeekday) == 0 && t.hyphenNext && next.num
}

// properWord reports whether t can continue a capitalised phrase.
func (tg *tagger) properWord(t token) bool {
	if !t.cap || t.num {
		return false
	}
	if t.cls&cMonth != 0 {
		return false
	}
	return t.acronym || !(t.cls&cStop != 0) && !tg.contraction(t.lower)
}

// contraction reports whether lower is a function word with a clitic ("i've",
// "we're", "i'll"): capitalised, it is still no name. A stem before another
// ending ("o'brien", "d'angelo") is a name's prefix.
func (tg *tagger) contraction(lower string) bool {
	stem, clitic, ok := strings.Cut(lower, "'")
	if !ok {
		return false
	}
	switch clitic {
	case "ve", "m", "d", "ll", "re":
		return tg.lang.class(stem)&cStop != 0
	}
	return false
}

// properStart reports whether toks[i] can open a capitalised phrase. A
// sentence's first word is capitalised anyway, so it opens a phrase only when
// it is a known name word or another capitalised word follows it.
func (tg *tagger) properStart(toks []token, i int, spacedNext bool) bool {
	t := toks[i]
	if !tg.properWord(t) {
		return false
	}
	if i > 0 {
		return true
	}
	if t.acronym || tg.lang.wn.IsPlace(t.lower) || (t.cls&cTitle != 0) || (t.cls&cOrg != 0) {
		return true
	}
	if (t.cls&cGlue != 0) || (t.cls&cKnown != 0) {
		return false
	}
	return spacedNext && tg.properWord(toks[i+1])
}

// classify turns the capitalised phrase toks[i..j] into entities: a title
// followed by a name ("Ambassador Olof Skoog") becomes a title and a person,
// a title followed by "of" and an organisation becomes both.
func (tg *tagger) classify(text string, toks []token, i, j int) []Entity {
	for i < j && (toks[i].lower == "the" || (toks[i].cls&cConnector != 0) && !toks[i].cap) {
		i++
	}
	for j > i && (toks[j].cls&cConnector != 0) {
		j--
	}
	// "the Aurelia-3 probe": a name with a number is a craft's or a
	// model's, no person's.
	for x := i; x <= j; x++ {
		if toks[x].num {
			return []Entity{entityOf(text, toks, Misc, i, j)}
		}
	}
	// "Colombian Ana Ruiz": a nationality before a name is no part of it.
	if j-i >= 2 {
		if _, ok := tg.lang.wn.Demonym(toks[i].lower); ok {
			if rest := tg.classify(text, toks, i+1, j); len(rest) == 1 && rest[0].Kind == Person {
				return rest
			}
		}
	}
	if parts, ok := tg.splitAnd(text, toks, i, j); ok {
		return parts
	}
	if tg.hasTitle(toks, i, j) {
		if es, ok := tg.titled(text, toks, i, j); ok {
			return es
		}
	}
	return []Entity{entityOf(text, toks, tg.nameKind(text, toks, i, j), i, j)}
}

// entityOf is the entity of kind k over toks[a..b].
func entityOf(text string, toks []token, k Kind, a, b int) Entity {
	return Entity{Kind: k, Text: text[toks[a].start:toks[b].end], Span: Span{toks[a].start, toks[b].end}, first: a, last: b}
}

// hasTitle reports whether the phrase holds a title word, or opens with
// a person noun used as one ("Striker Tomas Verhoek").
func (tg *tagger) hasTitle(toks []token, i, j int) bool {
	if tg.personTitle(toks, i, j) {
		return true
	}
	for x := i; x <= j; x++ {
		if toks[x].cls&cTitle != 0 {
			return true
		}
	}
	return false
}

// splitAnd splits "X and Y" into the entities of each when Y does not
// complete a named office or body; ok is false when the phrase stays whole.
func (tg *tagger) splitAnd(text string, toks []token, i, j int) ([]Entity, bool) {
	for x := i + 1; x < j; x++ {
		if toks[x].lower != "and" {
			continue
		}
		left := strings.ToLower(text[toks[i].start:toks[x-1].end])
		if toks[x+1].lower == "the" || tg.isPlace(left) || x-1 == i && toks[i].acronym ||
			!tg.keywordIn(toks, x+1, j) || tg.keywordAt(toks[x-1]) {
			return append(tg.classify(text, toks, i, x-1), tg.classify(text, toks, x+1, j)...), true
		}
	}
	return nil, false
}

// titled splits a phrase holding a title into the title and the person or
// organisation it belongs to; ok is false when the phrase ends in an
// organisation word ("Trade Ministry") and reads on as a name.
func (tg *tagger) titled(text string, toks []token, i, j int) ([]Entity, bool) {
	mk := func(k Kind, a, b int) Entity { return entityOf(text, toks, k, a, b) }
	// "Director … of the European External Action Service".
	for x := i + 1; x < j; x++ {
		if (toks[x].lower == "of" || toks[x].lower == "at") && !toks[x].cap && tg.titleIn(toks, i, x-1) {
			right := x + 1
			for right < j && toks[right].lower == "the" {
				right++
			}
			if tg.orgIn(toks, right, j) {
				return append([]Entity{mk(Title, i, x-1)}, tg.classify(text, toks, right, j)...), true
			}
		}
	}
	// "Ambassador Olof Skoog", "Chief Executive Ann Lee", "Striker
	// Tomas Verhoek": leading title words, then a name.
	k := i
	for k <= j && tg.leadingTitle(toks, i, k, j) {
		k++
	}
	if k > i && k <= j && !tg.keywordIn(toks, k, j) && j-k < 4 && !tg.connectorIn(toks, k, j) {
		return []Entity{mk(Title, i, k-1), mk(Person, k, j)}, true
	}
	// "Vietnamese Trade Minister Nguyen Van An", "Chief Executive
	// Hélène Marchetti": modifiers, then a title word, then a name.
	if x := tg.lastTitle(toks, i, j); x > i && x < j && j-x <= 3 &&
		!tg.keywordIn(toks, x+1, j) && !tg.connectorIn(toks, x+1, j) && !tg.placeIn(toks, x+1, j) {
		return []Entity{mk(Title, i, x), mk(Person, x+1, j)}, true
	}
	if toks[j].cls&cOrg == 0 {
		return []Entity{mk(Title, i, j)}, true
	}
	return nil, false
}

// nameKind is the kind of a name with no title in it: a place WordNet or
// the briefs know, an organisation by its words, a named document, else a
// short name is a person's unless its head noun says otherwise.
func (tg *tagger) nameKind(text string, toks []token, i, j int) Kind {
	phrase := strings.ToLower(text[toks[i].start:toks[j].end])
	last := toks[j].lower
	switch {
	case tg.isPlace(phrase):
		return Place
	case tg.lang.org[last] || (toks[i].cls&cOrg != 0) && i < j || i == j && toks[i].acronym:
		return Org
	case tg.lang.doc[last]:
		return Misc
	case i == j:
		return Misc
	case j-i <= 3 && !tg.keywordIn(toks, i, j) && !tg.placeIn(toks, i, j):
		if k, ok := tg.headKind(toks, i, j); ok {
			return k
		}
		return Person
	}
	return Misc
}

// headKind is the kind of a name of several words that its head word, a
// common noun, gives it ("Carrow Stadium" a place, "Autumn Cup" a thing)
// rather than a person's. The head is the last word, or, when that gives
// no kind, the word before "of" ("Harbour of Sellin" a place). A name
// opening with a given name
// stays a person's whatever its head ("Sally Field").
func (tg *tagger) headKind(toks []token, i, j int) (Kind, bool) {
	if i == j || tg.lang.wn.GivenName(toks[i].lower) {
		return 0, false
	}
	k, _ := tg.lang.wn.HeadKind(toks[j].lower)
	for x := i + 1; x < j && k == ""; x++ {
		if toks[x].lower == "of" {
			k, _ = tg.lang.wn.HeadKind(toks[x-1].lower)
		}
	}
	switch k {
	case wordnet.HeadPlace:
		return Place, true
	case wordnet.HeadOrg:
		return Org, true
	case wordnet.HeadMisc:
		return Misc, true
	}
	return 0, false
}

// lastTitle is the index of the last title word in toks[i..j], or -1.
func (tg *tagger) lastTitle(toks []token, i, j int) int {
	for x := j; x >= i; x-- {
		if toks[x].cls&cTitle != 0 {
			// "Chief Executive": person nouns after the title word
			// still belong to the title.
			for x < j-1 && tg.leadingTitle(toks, i, x+1, j) {
				x++
			}
			return x
		}
	}
	return -1
}

func (tg *tagger) isPlace(phrase string) bool {
	return tg.lang.wn.IsPlace(phrase)
}

func (tg *tagger) keywordAt(t token) bool {
	return (t.cls&cTitle != 0) || (t.cls&cOrg != 0) || (t.cls&cDoc != 0)
}

func (tg *tagger) keywordIn(toks []token, i, j int) bool {
	for x := i; x <= j; x++ {
		if tg.keywordAt(toks[x]) {
			return true
		}
	}
	return false
}

func (tg *tagger) connectorIn(toks []token, i, j int) bool {
	for x := i; x <= j; x++ {
		if (toks[x].cls&cConnector != 0) && !toks[x].cap {
			return true
		}
	}
	return false
}

func (tg *tagger) titleIn(toks []token, i, j int) bool {
	for x := i; x <= j; x++ {
		if toks[x].cls&cTitle != 0 {
			return true
		}
	}
	return false
}

func (tg *tagger) orgIn(toks []token, i, j int) bool {
	if i > j {
		return false
	}
	return (toks[j].cls&cOrg != 0) || i == j && toks[i].acronym || tg.isPlace(strings.ToLower(toks[i].lower))
}

func (tg *tagger) placeIn(toks []token, i, j int) bool {
	for x := i; x <= j; x++ {
		if tg.lang.wn.IsPlace(toks[x].lower) {
			return true
		}
	}
	return false
}

// possessiveOrgs adds "Pakistan’s Ministry of Foreign Affairs" as one
// organisation when a place or body owns the organisation that follows it;
// the parts stay tagged too.
func (tg *tagger) possessiveOrgs(text string, toks []token, ents []Entity) []Entity {
	sortEntities(ents)
	n := len(ents)
	for a := 0; a+1 < n; a++ {
		owner, org := ents[a], ents[a+1]
		if org.Kind != Org || (owner.Kind != Place && owner.Kind != Org) || !toks[owner.last].poss || org.first != owner.last+1 {
			continue
		}
		ents = append(ents, Entity{Kind: Org, Text: text[owner.Span.Start:org.Span.End],
			Span: Span{owner.Span.Start, org.Span.End}, first: owner.first, last: org.last})
	}
	return ents
}

func sortEntities(ents []Entity) {
	// Insertion sort: a sentence has a handful of entities.
	for i := 1; i < len(ents); i++ {
		for j := i; j > 0 && entityLess(ents[j], ents[j-1]); j-- {
			ents[j], ents[j-1] = ents[j-1], ents[j]
		}
	}
}

func entityLess(a, b Entity) bool {
	if a.Span.Start != b.Span.Start {
		return a.Span.Start < b.Span.Start
	}
	return a.Span.End > b.Span.End
}

// leadingTitle reports whether toks[k], inside the capitalised run i..j,
// is part of a title in front of a name: a title word, an acronym, or a
// person noun (see personTitle).
func (tg *tagger) leadingTitle(toks []token, i, k, j int) bool {
	t := toks[k]
	return t.cls&cTitle != 0 || t.acronym || tg.personTitle(toks, k, j)
}

// personTitle reports whether toks[k] is a noun WordNet says names a kind
// of person ("Executive", "Striker") with a name of at least two words
// after it in the run ending at j, so that "Baker Mayfield", "Hunter
// Biden" and the "Tom" of "Officer Tom Reyes" stay names.
func (tg *tagger) personTitle(toks []token, k, j int) bool {
	typ, _ := tg.lang.wn.NounType(toks[k].lower)
	return typ == wordnet.Person && j-k >= 2
}

// rateAfterAmount reports whether toks[i] is the "a" of a rate written
// after an amount ("100 steps a minute", "$7,900 a tonne"), which belongs
// to the amount rather than being a duration of its own.
func (tg *tagger) rateAfterAmount(toks []token, i int) bool {
	if toks[i].lower != "a" && toks[i].lower != "an" || i == 0 {
		return false
	}
	return toks[i-1].num || i > 1 && toks[i-2].num && tg.unitNoun(toks[i-1])
}

// measureNoun reports whether t names a unit an amount is counted in: a
// unit of time or a measure or currency WordNet knows ("metre", "tonne",
// "euro").
func (tg *tagger) measureNoun(t token) bool {
	if t.cls&cUnit != 0 {
		return true
	}
	typ, _ := tg.lang.wn.NounType(t.lower)
	return typ == wordnet.Quantity || typ == wordnet.Money
}
