package prose

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
	// First and Last index the sentence's tokens the entity covers, so a
	// reader of the tokens finds the entity without searching for it.
	First int `json:"-"`
	Last  int `json:"-"`
}

// dateQualifiers narrow a date: "early 2027", "late March", "mid-2026".
var dateQualifiers = []string{"early", "late", "mid"}

// Tagger finds entities in a sentence with rules over its tokens.
type Tagger struct {
	Lang *Language
	used []bool // reused across sentences
}

// BaseCount is the number of tokens before the appended compound tokens.
func BaseCount(toks []Token) int {
	for i, t := range toks {
		if t.Compound {
			return i
		}
	}
	return len(toks)
}

// Tag returns the entities of one sentence, in text order. Each pass
// takes the words the ones before it left: dates, then durations, then
// amounts, then groups of people, then capitalised names.
func (tg *Tagger) Tag(text string, toks []Token) []Entity {
	n := BaseCount(toks)
	toks = toks[:n]
	for i := range toks {
		if toks[i].Cls == 0 {
			toks[i].Cls = tg.Lang.Class(toks[i].Lower)
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
	tg   *Tagger
	text string
	toks []Token
	used []bool
	ents []Entity
}

// add records the entity of kind k over words i..j and takes them.
func (st *sentenceTags) add(k Kind, i, j int) {
	st.addSpan(k, i, j, st.toks[i].Start, st.toks[j].End)
}

// addSpan records the entity of kind k over words i..j, whose text runs
// from byte start to end (an amount's signs stand outside its words).
func (st *sentenceTags) addSpan(k Kind, i, j, start, end int) {
	st.ents = append(st.ents, Entity{Kind: k, Text: st.text[start:end], Span: Span{start, end}, First: i, Last: j})
	for x := i; x <= j; x++ {
		st.used[x] = true
	}
}

// gap is the text between word i and the next.
func (st *sentenceTags) gap(i int) string { return st.text[st.toks[i].End:st.toks[i+1].Start] }

// spaced reports whether only spaces, or a hyphen, separate word i from
// the next.
func (st *sentenceTags) spaced(i int) bool {
	return i+1 < len(st.toks) && (strings.TrimSpace(st.gap(i)) == "" || st.toks[i].HyphenNext)
}

// dates tags times of day, dates around a month, years and weekdays.
func (st *sentenceTags) dates() {
	tg, text, toks, n := st.tg, st.text, st.toks, len(st.toks)
	for i := 0; i < n; i++ {
		t := toks[i]
		if e := elapsedEnd(text, toks, i); e >= i {
			st.add(Duration, tg.qualifier(text, toks, st.used, i, t.Start), e)
			i = e
			continue
		}
		if e := clockEnd(text, toks, i); e >= i {
			e = st.clockDay(e)
			st.add(Date, tg.qualifier(text, toks, st.used, i, t.Start), e)
			i = e
			continue
		}
		switch {
		case tg.isMonth(t, i):
			s, e := i, i
			if i > 0 && isDay(toks[i-1].Lower) && st.spaced(i-1) {
				s = i - 1
			}
			if e+1 < n && isDay(toks[e+1].Lower) && st.spaced(e) {
				e++
			}
			if e+1 < n && IsYear(toks[e+1].Lower) && strings.TrimSpace(strings.Trim(st.gap(e), ", ")) == "" {
				e++
			}
			st.add(Date, st.periodStart(tg.qualifier(text, toks, st.used, s, toks[s].Start, dateQualifiers...)), e)
			i = e
		case isClockWord(t.Lower) && !st.used[i]:
			st.add(Date, tg.qualifier(text, toks, st.used, i, t.Start), i)
		case t.Num && IsYear(t.Lower) && !st.used[i]:
			st.add(Date, st.periodStart(tg.qualifier(text, toks, st.used, i, t.Start, dateQualifiers...)), i)
		case (t.Cls&cWeekday != 0) || t.Lower == "yesterday" || t.Lower == "today" || t.Lower == "tomorrow":
			st.add(Date, i, i)
		}
	}
}

// clockDay extends a time of day ending at word e over the day it is
// given on, "4:17 a.m. local time on Tuesday", "4am on 15 September":
// one answer to "when", which read as two loses its day.
func (st *sentenceTags) clockDay(e int) int {
	toks, n := st.toks, len(st.toks)
	k := e + 1
	if k+1 < n && toks[k].Lower == "local" && toks[k+1].Lower == "time" {
		k += 2
	}
	if k+1 >= n || toks[k].Lower != "on" || !st.spaced(k) {
		return e
	}
	// "a.m." ends in a full stop that is no sentence end.
	abbrev := k == e+1 && toks[e].Lower == "m" && strings.TrimSpace(st.gap(e)) == "."
	if !st.spaced(k-1) && !abbrev {
		return e
	}
	d := k + 1
	switch {
	case toks[d].Cls&cWeekday != 0:
		return d
	case st.tg.isMonth(toks[d], d):
		if d+1 < n && isDay(toks[d+1].Lower) && st.spaced(d) {
			return d + 1
		}
		return d
	case isDay(toks[d].Lower) && d+1 < n && st.spaced(d) && st.tg.isMonth(toks[d+1], d+1):
		return d + 1
	}
	return e
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
		case (t.Cls&cUnit != 0) && t.HyphenNext && i+1 < n && toks[i+1].Lower == "long":
			s := i
			if i > 0 && toks[i-1].HyphenNext && tg.isQuantity(toks[i-1].Lower) {
				s = i - 1
			}
			st.add(Duration, s, i+1)
			i++
		case tg.isQuantity(t.Lower) && i+1 < n && (toks[i+1].Cls&cUnit != 0) && !st.used[i+1] &&
			!(i+2 < n && toks[i+2].Lower == "old") && // "30 years old", "47-year-old" are ages
			!tg.rateAfterAmount(toks, i): // "100 steps a minute" is a rate
			s, e := i, i+1
			if toks[i+1].HyphenNext && i+2 < n && toks[i+2].Lower == "long" {
				e = i + 2
				if t.Lower == "a" || t.Lower == "an" {
					s = i + 1
				}
			}
			s = tg.qualifier(text, toks, st.used, s, toks[s].Start, "within")
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
		one := t.Lower == "one" && i+1 < n && !st.used[i+1] && tg.measureNoun(toks[i+1])
		if !t.Num && !IsNumberWord(t.Lower) && !one || i > 0 && numberedName(toks[i-1], t) {
			continue
		}
		first, last, start, end := tg.quantity(text, toks, st.used, i)
		if !t.Num && last > i && toks[i].HyphenNext && !tg.measureNoun(toks[last]) && !isAge(text[start:end]) {
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
		if st.used[i] || !(toks[i].Cls&cPeople != 0) || toks[i].Cap {
			continue
		}
		s := i
		for s > 0 && i-s < 2 && !st.used[s-1] && !toks[s-1].Cap && !toks[s-1].Num && st.spaced(s-1) &&
			!(toks[s-1].Cls&CStop != 0) && !(toks[s-1].Cls&cGlue != 0) && !(toks[s-1].Cls&cPeople != 0) &&
			!strings.HasSuffix(toks[s-1].Lower, "ing") && !strings.HasSuffix(toks[s-1].Lower, "ed") {
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
		if j+1 < n && st.spaced(j) && !toks[j+1].Cap && toks[j+1].Cls&cOrg != 0 {
			// "the Civic Renewal party", "the Halden group": a name the
			// next word says is an organisation.
			for k := range found {
				if found[k].Last == j && (found[k].Kind == Misc || found[k].Kind == Person) {
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
		for k < n && (toks[k].Cls&CConnector != 0) && !toks[k].Cap && st.spaced(k-1) && k-j <= 2 {
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
func placesByContext(toks []Token, ents []Entity) {
	for i := range ents {
		e := &ents[i]
		if e.Kind != Misc && !(e.Kind == Person && e.Last == e.First) {
			continue
		}
		if e.First > 0 && placeBefore(toks[e.First-1].Lower) {
			e.Kind = Place
			continue
		}
		if e.Last+1 < len(toks) && toks[e.Last].HyphenNext && toks[e.Last+1].Lower == "based" {
			e.Kind = Place
		}
	}
}

func (tg *Tagger) isMonth(t Token, i int) bool {
	if !(t.Cls&cMonth != 0) || !t.Cap {
		return false
	}
	// "May" and "March" open sentences as verbs and names too often.
	return i > 0 || (t.Lower != "may" && t.Lower != "march")
}

func isDay(s string) bool {
	if !AllDigits(s) || len(s) > 2 {
		if n, ok := NumberWord(s); ok && strings.HasSuffix(n, "th") {
			return len(n) <= 4
		}
		if len(s) > 2 && AllDigits(s[:len(s)-2]) {
			_, ok := NumberWord(s)
			return ok
		}
		return false
	}
	return s != "0" && s != "00" && (len(s) == 1 || s < "32")
}

// IsYear reports whether s is a year as news writes one: four digits
// from 1900 to 2099.
func IsYear(s string) bool {
	return len(s) == 4 && AllDigits(s) && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20"))
}

// IsNumberWord reports whether s is a number written as a word ("three",
// "dozen").
func IsNumberWord(s string) bool {
	if s == "one" || s == "second" {
		return false // pronoun and time unit far more often than numbers
	}
	_, ok := NumberWord(s)
	switch s {
	case "million", "millions", "billion", "billions", "dozen", "dozens", "hundreds", "thousands":
		return true
	}
	return ok
}

func (tg *Tagger) isQuantity(s string) bool {
	return s == "a" || s == "an" || AllDigits(s) || IsNumberWord(s) || s == "several" || s == "few"
}

// nameSyllable reports whether next, written against t with a hyphen,
// continues a name in lower case: the "hoon" of "Ji-hoon". A word English
// knows makes an adjective instead ("Paris-based", "state-owned").
func nameSyllable(t, next Token) bool {
	return t.Cap && t.HyphenNext && !next.Cap && !next.Num && !english.Known(next.Lower) &&
		strings.IndexFunc(next.Lower, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
}

// numberedName reports whether next is a number written against the
// capitalised word t with a hyphen: "Aurelia-3", "Falcon-9" name one
// thing, a craft or a model, not a word and an amount.
func numberedName(t, next Token) bool {
	return t.Cap && !t.Num && t.Cls&(cMonth|cWeekday) == 0 && t.HyphenNext && next.Num
}

// properWord reports whether t can continue a capitalised phrase.
func (tg *Tagger) properWord(t Token) bool {
	if !t.Cap || t.Num {
		return false
	}
	if t.Cls&cMonth != 0 {
		return false
	}
	return t.Acronym || !(t.Cls&CStop != 0) && !tg.contraction(t.Lower)
}

// contraction reports whether lower is a function word with a clitic ("i've",
// "we're", "i'll"): capitalised, it is still no name. A stem before another
// ending ("o'brien", "d'angelo") is a name's prefix.
func (tg *Tagger) contraction(lower string) bool {
	stem, clitic, ok := strings.Cut(lower, "'")
	if !ok {
		return false
	}
	switch clitic {
	case "ve", "m", "d", "ll", "re":
		return tg.Lang.Class(stem)&CStop != 0
	}
	return false
}

// properStart reports whether toks[i] can open a capitalised phrase. A
// sentence's first word is capitalised anyway, so it opens a phrase only when
// it is a known name word or another capitalised word follows it.
func (tg *Tagger) properStart(toks []Token, i int, spacedNext bool) bool {
	t := toks[i]
	if !tg.properWord(t) {
		return false
	}
	if i > 0 {
		return true
	}
	if t.Acronym || tg.Lang.Wn.IsPlace(t.Lower) || (t.Cls&cTitle != 0) || (t.Cls&cOrg != 0) {
		return true
	}
	if (t.Cls&cGlue != 0) || (t.Cls&cKnown != 0) {
		return false
	}
	return spacedNext && tg.properWord(toks[i+1])
}

// classify turns the capitalised phrase toks[i..j] into entities: a title
// followed by a name ("Ambassador Olof Skoog") becomes a title and a person,
// a title followed by "of" and an organisation becomes both.
func (tg *Tagger) classify(text string, toks []Token, i, j int) []Entity {
	for i < j && (toks[i].Lower == "the" || (toks[i].Cls&CConnector != 0) && !toks[i].Cap) {
		i++
	}
	for j > i && (toks[j].Cls&CConnector != 0) {
		j--
	}
	// "the Aurelia-3 probe": a name with a number is a craft's or a
	// model's, no person's.
	for x := i; x <= j; x++ {
		if toks[x].Num {
			return []Entity{entityOf(text, toks, Misc, i, j)}
		}
	}
	// "Colombian Ana Ruiz": a nationality before a name is no part of it.
	if j-i >= 2 {
		if _, ok := tg.Lang.Wn.Demonym(toks[i].Lower); ok {
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
	// "director Hakan Erdem of Anatolian Heritage University": a title in
	// lower case before the phrase.
	if i > 0 && !toks[i-1].Cap && (toks[i-1].Cls&cTitle != 0 || tg.personNoun(toks[i-1])) {
		if es, ok := tg.nameOfBody(text, toks, i, j); ok {
			return es
		}
	}
	return []Entity{entityOf(text, toks, tg.nameKind(text, toks, i, j), i, j)}
}

// maxNameWords bounds the words of a person's name before "of" in
// nameOfBody: "Mei Tanaka", "Grace Achieng Nyamweya"; more reads on
// into a body's own name.
const maxNameWords = 3

// nameOfBody splits toks[i..j], read after a title, into a person's name
// and the organisation or place the person belongs to: "Jonathan Reyes
// of Calder Brothers", "Mei Tanaka at Kyoto University". The name is two
// or three plain capitalised words, none a title, body or place word,
// with no head noun that makes it a place or body ("Harbour of Sellin");
// ok is false when the phrase reads otherwise ("Bank of England").
func (tg *Tagger) nameOfBody(text string, toks []Token, i, j int) ([]Entity, bool) {
	for x := i + 2; x < j; x++ {
		if toks[x].Lower != "of" && toks[x].Lower != "at" || toks[x].Cap {
			continue
		}
		if x-i > maxNameWords || tg.keywordIn(toks, i, x-1) || tg.connectorIn(toks, i, x-1) || tg.placeIn(toks, i, x-1) {
			return nil, false
		}
		if _, headed := tg.headKind(toks, i, x-1); headed {
			return nil, false
		}
		right := x + 1
		for right < j && toks[right].Lower == "the" {
			right++
		}
		body := tg.classify(text, toks, right, j)
		if len(body) == 1 && body[0].Kind == Person {
			// "of Calder Brothers": what a person is of is a body, though
			// its name reads as a person's.
			body[0].Kind = Org
		}
		return append([]Entity{entityOf(text, toks, Person, i, x-1)}, body...), true
	}
	return nil, false
}

// personNoun reports whether t is a noun WordNet says names a kind of
// person ("analyst", "director"), which titles the name after it.
func (tg *Tagger) personNoun(t Token) bool {
	typ, _ := tg.Lang.Wn.NounType(t.Lower)
	return typ == wordnet.Person
}

// entityOf is the entity of kind k over toks[a..b].
func entityOf(text string, toks []Token, k Kind, a, b int) Entity {
	return Entity{Kind: k, Text: text[toks[a].Start:toks[b].End], Span: Span{toks[a].Start, toks[b].End}, First: a, Last: b}
}

// hasTitle reports whether the phrase holds a title word, or opens with
// a person noun used as one ("Striker Tomas Verhoek").
func (tg *Tagger) hasTitle(toks []Token, i, j int) bool {
	if tg.personTitle(toks, i, j) {
		return true
	}
	for x := i; x <= j; x++ {
		if toks[x].Cls&cTitle != 0 {
			return true
		}
	}
	return false
}

// splitAnd splits "X and Y" into the entities of each when Y does not
// complete a named office or body; ok is false when the phrase stays whole.
func (tg *Tagger) splitAnd(text string, toks []Token, i, j int) ([]Entity, bool) {
	for x := i + 1; x < j; x++ {
		if toks[x].Lower != "and" {
			continue
		}
		left := strings.ToLower(text[toks[i].Start:toks[x-1].End])
		if toks[x+1].Lower == "the" || tg.isPlace(left) || x-1 == i && toks[i].Acronym ||
			!tg.keywordIn(toks, x+1, j) || tg.keywordAt(toks[x-1]) {
			return append(tg.classify(text, toks, i, x-1), tg.classify(text, toks, x+1, j)...), true
		}
	}
	return nil, false
}

// titled splits a phrase holding a title into the title and the person or
// organisation it belongs to; ok is false when the phrase ends in an
// organisation word ("Trade Ministry") and reads on as a name.
func (tg *Tagger) titled(text string, toks []Token, i, j int) ([]Entity, bool) {
	mk := func(k Kind, a, b int) Entity { return entityOf(text, toks, k, a, b) }
	// "Analyst Jonathan Reyes of Calder Brothers", "Professor Mei Tanaka
	// of Kyoto University": leading title words, a name, and the body
	// the person belongs to.
	k := i
	for k <= j && tg.leadingTitle(toks, i, k, j) {
		k++
	}
	if k > i {
		if es, ok := tg.nameOfBody(text, toks, k, j); ok {
			return append([]Entity{mk(Title, i, k-1)}, es...), true
		}
	}
	// "Director … of the European External Action Service".
	for x := i + 1; x < j; x++ {
		if (toks[x].Lower == "of" || toks[x].Lower == "at") && !toks[x].Cap && tg.titleIn(toks, i, x-1) {
			right := x + 1
			for right < j && toks[right].Lower == "the" {
				right++
			}
			if tg.orgIn(toks, right, j) || tg.nameKind(text, toks, right, j) == Org {
				return append([]Entity{mk(Title, i, x-1)}, tg.classify(text, toks, right, j)...), true
			}
		}
	}
	// "Ambassador Olof Skoog", "Chief Executive Ann Lee", "Striker
	// Tomas Verhoek": leading title words, then a name.
	if k > i && k <= j && !tg.keywordIn(toks, k, j) && j-k < 4 && !tg.connectorIn(toks, k, j) {
		return []Entity{mk(Title, i, k-1), mk(Person, k, j)}, true
	}
	// "Vietnamese Trade Minister Nguyen Van An", "Chief Executive
	// Hélène Marchetti": modifiers, then a title word, then a name.
	if x := tg.lastTitle(toks, i, j); x > i && x < j && j-x <= 3 &&
		!tg.keywordIn(toks, x+1, j) && !tg.connectorIn(toks, x+1, j) && !tg.placeIn(toks, x+1, j) {
		return []Entity{mk(Title, i, x), mk(Person, x+1, j)}, true
	}
	if toks[j].Cls&cOrg == 0 {
		return []Entity{mk(Title, i, j)}, true
	}
	return nil, false
}

// nameKind is the kind of a name with no title in it: a place WordNet or
// the briefs know, an organisation by its words, a named document, else a
// short name is a person's unless its head noun says otherwise.
func (tg *Tagger) nameKind(text string, toks []Token, i, j int) Kind {
	phrase := strings.ToLower(text[toks[i].Start:toks[j].End])
	last := toks[j].Lower
	switch {
	case tg.isPlace(phrase):
		return Place
	case tg.Lang.org[last] || (toks[i].Cls&cOrg != 0) && i < j || i == j && toks[i].Acronym:
		return Org
	case tg.Lang.Doc[last]:
		return Misc
	case i == j:
		return Misc
	case j-i <= 3 && !tg.keywordIn(toks, i, j) && !tg.placeIn(toks, i, j):
		if k, ok := tg.headKind(toks, i, j); ok {
			return k
		}
		return Person
	case tg.givenPlaceName(toks, i, j):
		return Person
	}
	return Misc
}

// placeBefore reports whether w, right before a name, places something
// there: the name is a place's.
func placeBefore(w string) bool {
	switch w {
	case "in", "near", "outside", "across", "throughout":
		return true
	}
	return false
}

// givenPlaceName reports whether a name of two or three words that holds
// a place's name is a person's all the same: it opens with a given name
// that is no people's adjective, its words stand apart, and it ends in a
// surname, a word that is no English noun or is a place's name ("Sydney
// Marwick", "Lena Lyon", but not "Victoria Symphony", "in Roman Britain"
// or "Saint-Pierre").
func (tg *Tagger) givenPlaceName(toks []Token, i, j int) bool {
	wn := tg.Lang.Wn
	if j-i < 1 || j-i > 2 || !wn.GivenName(toks[i].Lower) || tg.keywordIn(toks, i, j) || tg.connectorIn(toks, i, j) ||
		i > 0 && placeBefore(toks[i-1].Lower) {
		return false
	}
	if _, people := wn.Demonym(toks[i].Lower); people {
		return false
	}
	for x := i; x < j; x++ {
		if toks[x].HyphenNext {
			return false
		}
	}
	last := toks[j].Lower
	if _, headed := wn.HeadKind(last); headed {
		return false
	}
	return !wn.Noun(last) || wn.IsPlace(last)
}

// headKind is the kind of a name of several words that its head word, a
// common noun, gives it ("Carrow Stadium" a place, "Autumn Cup" a thing)
// rather than a person's. The head is the last word, or, when that gives
// no kind, the word before "of" ("Harbour of Sellin" a place). A name
// opening with a given name
// stays a person's whatever its head ("Sally Field").
func (tg *Tagger) headKind(toks []Token, i, j int) (Kind, bool) {
	if i == j || tg.Lang.Wn.GivenName(toks[i].Lower) {
		return 0, false
	}
	k, _ := tg.Lang.Wn.HeadKind(toks[j].Lower)
	for x := i + 1; x < j && k == ""; x++ {
		if toks[x].Lower == "of" {
			k, _ = tg.Lang.Wn.HeadKind(toks[x-1].Lower)
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
func (tg *Tagger) lastTitle(toks []Token, i, j int) int {
	for x := j; x >= i; x-- {
		if toks[x].Cls&cTitle != 0 {
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

func (tg *Tagger) isPlace(phrase string) bool {
	return tg.Lang.Wn.IsPlace(phrase)
}

func (tg *Tagger) keywordAt(t Token) bool {
	return (t.Cls&cTitle != 0) || (t.Cls&cOrg != 0) || (t.Cls&cDoc != 0)
}

func (tg *Tagger) keywordIn(toks []Token, i, j int) bool {
	for x := i; x <= j; x++ {
		if tg.keywordAt(toks[x]) {
			return true
		}
	}
	return false
}

func (tg *Tagger) connectorIn(toks []Token, i, j int) bool {
	for x := i; x <= j; x++ {
		if (toks[x].Cls&CConnector != 0) && !toks[x].Cap {
			return true
		}
	}
	return false
}

func (tg *Tagger) titleIn(toks []Token, i, j int) bool {
	for x := i; x <= j; x++ {
		if toks[x].Cls&cTitle != 0 {
			return true
		}
	}
	return false
}

func (tg *Tagger) orgIn(toks []Token, i, j int) bool {
	if i > j {
		return false
	}
	return (toks[j].Cls&cOrg != 0) || i == j && toks[i].Acronym || tg.isPlace(strings.ToLower(toks[i].Lower))
}

func (tg *Tagger) placeIn(toks []Token, i, j int) bool {
	for x := i; x <= j; x++ {
		if tg.Lang.Wn.IsPlace(toks[x].Lower) {
			return true
		}
	}
	return false
}

// possessiveOrgs adds "Pakistan’s Ministry of Foreign Affairs" as one
// organisation when a place or body owns the organisation that follows it;
// the parts stay tagged too.
func (tg *Tagger) possessiveOrgs(text string, toks []Token, ents []Entity) []Entity {
	sortEntities(ents)
	n := len(ents)
	for a := 0; a+1 < n; a++ {
		owner, org := ents[a], ents[a+1]
		if org.Kind != Org || (owner.Kind != Place && owner.Kind != Org) || !toks[owner.Last].Poss || org.First != owner.Last+1 {
			continue
		}
		ents = append(ents, Entity{Kind: Org, Text: text[owner.Span.Start:org.Span.End],
			Span: Span{owner.Span.Start, org.Span.End}, First: owner.First, Last: org.Last})
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
func (tg *Tagger) leadingTitle(toks []Token, i, k, j int) bool {
	t := toks[k]
	return t.Cls&cTitle != 0 || t.Acronym || tg.personTitle(toks, k, j)
}

// personTitle reports whether toks[k] is a noun WordNet says names a kind
// of person ("Executive", "Striker") with a name of at least two words
// after it in the run ending at j, so that "Baker Mayfield", "Hunter
// Biden" and the "Tom" of "Officer Tom Reyes" stay names.
func (tg *Tagger) personTitle(toks []Token, k, j int) bool {
	return tg.personNoun(toks[k]) && j-k >= 2
}

// rateAfterAmount reports whether toks[i] is the "a" of a rate written
// after an amount ("100 steps a minute", "$7,900 a tonne"), which belongs
// to the amount rather than being a duration of its own.
func (tg *Tagger) rateAfterAmount(toks []Token, i int) bool {
	if toks[i].Lower != "a" && toks[i].Lower != "an" || i == 0 {
		return false
	}
	return toks[i-1].Num || i > 1 && toks[i-2].Num && tg.unitNoun(toks[i-1])
}

// measureNoun reports whether t names a unit an amount is counted in: a
// unit of time or a measure or currency WordNet knows ("metre", "tonne",
// "euro").
func (tg *Tagger) measureNoun(t Token) bool {
	if t.Cls&cUnit != 0 {
		return true
	}
	typ, _ := tg.Lang.Wn.NounType(t.Lower)
	return typ == wordnet.Quantity || typ == wordnet.Money
}
