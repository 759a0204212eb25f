package facts

import (
	"iter"
	"strings"

	"github.com/briefbot/briefbot/facts/internal/prose"
)

// questionKind finds the question word and what it asks for: the kinds of
// entity that answer, a head noun ("which plan"), a reason. It returns the
// question word's index and that of a type noun ("city", "title") that
// only says what kind of answer is wanted, or -1.
func (m *matcher) questionKind(toks []prose.Token) (wh, typeWord int) {
	m.fixQuestionWord(toks)
	wh, typeWord = questionWord(toks), -1
	if wh >= 0 {
		m.qy.wh = toks[wh].Lower
		typeWord = m.whKind(toks, wh)
	}
	m.setHead()
	if t := m.kindElsewhere(toks, wh); t >= 0 {
		typeWord = t
	}
	m.amountWords(toks)
	if typeWord >= 0 {
		m.qy.placeKind = m.lang.PlaceKind[toks[typeWord].Lower]
		m.qy.plural = m.qy.plural || pluralNoun(toks[typeWord].Lower)
	}
	if typeWord >= 0 && (toks[typeWord].Lower == "age" || toks[typeWord].Lower == "ages") {
		m.qy.age = true // "What is X's age?" asks what "how old" asks
	}
	m.qy.clock = typeWord >= 0 && m.asksClock(toks, typeWord)
	return wh, typeWord
}

// asksClock reports whether the type noun at word k asks for a time of
// day: "what time did the quake hit", "at what time", "what time of day",
// and not "what time zone" or "what time period", whose noun asks for
// something else.
func (m *matcher) asksClock(toks []prose.Token, k int) bool {
	if toks[k].Lower != "time" {
		return false
	}
	switch {
	case k+1 == len(toks):
		return true
	case m.lang.Aux[toks[k+1].Lower]:
		return true
	}
	return k+2 < len(toks) && toks[k+1].Lower == "of" && toks[k+2].Lower == "day"
}

// fixQuestionWord restores a question word mistyped into another real
// word ("were did …", "wat is …"); see MistypedQuestionWord.
func (b *Base) fixQuestionWord(toks []prose.Token) {
	if len(toks) > 1 {
		toks[0].Lower = MistypedQuestionWord(toks[0].Lower, toks[1].Lower)
	}
}

// MistypedQuestionWord returns the question word that a message's first
// word, first, was mistyped for when next, the word after it, is an
// auxiliary verb: "were did …" and "wat is …" ask where and what, since no
// question opens with two verbs. Otherwise it returns first. Both the
// matcher and the conversation layer read a question's first word
// through it, so a slip is never taken for a yes/no question ("were is
// it held" → "Yes").
func MistypedQuestionWord(first, next string) string {
	if !inWordList(prose.AuxList, next) || inWordList(prose.WhList, first) {
		return first
	}
	if q := nearestQuestionWord(first); q != "" {
		return q
	}
	return first
}

// inWordList reports whether w is one of list's space-separated words,
// without building a set: it runs on every message, before any Base.
func inWordList(list, w string) bool {
	for f := range strings.FieldsSeq(list) {
		if f == w {
			return true
		}
	}
	return false
}

// questionWord is the index of the first wh-word anywhere ("In what city
// …"), -1 for none.
func questionWord(toks []prose.Token) int {
	for i, t := range toks {
		switch t.Lower {
		case "who", "whom", "whose", "when", "where", "why", "what", "which", "how":
			return i
		}
	}
	return -1
}

// whKind sets what the question word at wh asks for, and returns the
// index of a type noun that only says so, or -1.
func (m *matcher) whKind(toks []prose.Token, wh int) (typeWord int) {
	switch toks[wh].Lower {
	case "who", "whom", "whose":
		m.qy.kinds = []Kind{Person, Group}
	case "when":
		m.qy.kinds, m.qy.event = []Kind{Date}, true
	case "where":
		m.qy.kinds, m.qy.event = []Kind{Place, Org}, true
		for _, t := range toks {
			if m.lang.Affiliation[m.lang.Key(t.Lower)] {
				m.qy.kinds = []Kind{Org, Place} // "Where does X work?"
			}
		}
	case "why":
		m.qy.why, m.qy.event = true, true
	case "how":
		return m.howKind(toks, wh)
	case "what", "which":
		return m.whatKind(toks, wh)
	}
	return -1
}

// howKind sets what "how" and the word after it ask for: an amount, a
// duration, an age.
func (m *matcher) howKind(toks []prose.Token, wh int) (typeWord int) {
	next := ""
	if wh+1 < len(toks) {
		next = toks[wh+1].Lower
	}
	switch next {
	case "long":
		// A duration, or a length: "how long was the boat" is
		// answered by "14 metres".
		m.qy.kinds = []Kind{Duration, Number}
		return wh + 1
	case "many":
		// A count, or a count of days or years: "41 days" answers
		// "how many days".
		m.qy.kinds = []Kind{Number, Duration}
	case "often":
		m.qy.kinds = []Kind{Number}
	case "much":
		m.qy.kinds, m.qy.amount = []Kind{Number}, true
	case "old":
		// An age: only an amount written as one ("47-year-old",
		// "aged 47", "30 years old") answers.
		m.qy.kinds, m.qy.age = []Kind{Number}, true
		return wh + 1
	default:
		// "How big", "how deep", "how far": an adjective of a
		// measure asks for an amount; it is not a topic word. Its
		// attribute is what the amount measures, the focus a unit's
		// word vector stands near: "metres" near depth, "tonnes" near
		// weight.
		if attr, ok := m.lang.Wn.Measure(next); ok {
			m.qy.kinds, m.qy.amount = []Kind{Number}, true
			if measureDims(attr) != 0 {
				m.qy.measure = attr
			}
			m.setFocus(attr)
			return wh + 1
		}
	}
	return -1
}

// maxModifiers bounds how many words after "what" or "which" are passed
// over as modifiers of the noun the question asks about ("what legal
// step", "which famous Ardfield club"): more would reach past a short phrase
// into the rest of the question.
const maxModifiers = 2

// maxCompound bounds how many nouns past the first a "what" phrase's noun
// may run to ("what power plant", "which country music star"): more would
// reach past a short phrase into the rest of the question.
const maxCompound = 2

// phraseNoun is where the noun of a "what" or "which" phrase starting at
// k stands: past words that are no noun, verb or function word (most
// often adjectives) when a noun follows them, and then to the last noun
// of a compound ("what power plant": the plant). Only WordNet's nouns and
// verbs and the shapes of English inflection decide, never a list of
// adjectives.
func (b *Base) phraseNoun(toks []prose.Token, k int) int {
	for n := 0; n < maxModifiers && k+1 < len(toks); n++ {
		next := toks[k+1].Lower
		if !b.modifier(toks[k].Lower) || b.lang.Stop[next] || b.lang.Glue[next] || !b.lang.Wn.Noun(next) {
			break
		}
		k++
	}
	for n := 0; n < maxCompound && k+1 < len(toks) && b.compoundNoun(toks, k); n++ {
		k++
	}
	return k
}

// compoundNoun reports whether the word after the noun toks[k] continues a
// compound ("power plant", "board members") rather than being the
// question's verb ("what team plays"). Inflection tells: a singular
// subject's verb ends in -s ("the team plays"), a plural's does not ("the
// teams play"), and a past form ("rose", "listed") is a verb. An
// auxiliary after the word makes it a noun whatever its form ("what prison
// term is …").
func (b *Base) compoundNoun(toks []prose.Token, k int) bool {
	w, next := toks[k].Lower, toks[k+1].Lower
	lang, wn := b.lang, b.lang.Wn
	for _, x := range [...]string{w, next} {
		if x == "" || lang.Stop[x] || lang.Glue[x] || !wn.Noun(x) || b.isName(x) {
			return false
		}
	}
	if pluralNoun(w) && b.verbS(w) {
		return false // "what causes food prices to rise": the question's verb
	}
	if k+2 < len(toks) && lang.Aux[toks[k+2].Lower] {
		return true
	}
	if base, irregular := wn.Base(next); irregular {
		return !wn.Verb(base)
	}
	switch {
	case strings.HasSuffix(next, "ed") && (wn.Verb(next[:len(next)-2]) || wn.Verb(next[:len(next)-1])):
		return false
	case pluralNoun(next) && !pluralNoun(w):
		return !b.verbS(next)
	case pluralNoun(w):
		return !wn.Verb(next)
	}
	return true
}

// verbS reports whether w is a verb's third-person form: "plays",
// "reaches", "carries".
func (b *Base) verbS(w string) bool {
	wn := b.lang.Wn
	if stem, ok := strings.CutSuffix(w, "ies"); ok && wn.Verb(stem+"y") {
		return true
	}
	stem := strings.TrimSuffix(w, "s")
	return wn.Verb(stem) || wn.Verb(strings.TrimSuffix(stem, "e"))
}

// modifier reports whether w may only modify a noun: it is no function
// word, no noun and no inflected verb ("made", "does", "caused",
// "happening"). A name before a noun modifies it too: "which Ardfield
// player".
func (b *Base) modifier(w string) bool {
	if w == "" || b.lang.Stop[w] || b.lang.Glue[w] || b.lang.Wn.Noun(w) {
		return false
	}
	if _, irregular := b.lang.Wn.Base(w); irregular {
		return false
	}
	for _, suffix := range [...]string{"ed", "s", "ing"} {
		if strings.HasSuffix(w, suffix) {
			return false
		}
	}
	return true
}

// whatKind sets what "what" or "which" asks for from the noun after it:
// "which plan", "what kind of approach", "which dialogue number".
func (m *matcher) whatKind(toks []prose.Token, wh int) (typeWord int) {
	lang := m.lang
	k := wh + 1
	for k < len(toks) && k <= wh+3 && (toks[k].Lower == "kind" || toks[k].Lower == "type" ||
		toks[k].Lower == "sort" || toks[k].Lower == "of") {
		k++
	}
	k = m.phraseNoun(toks, k)
	if k >= len(toks) {
		return -1
	}
	w := toks[k].Lower
	m.qy.plural = pluralNoun(w)
	m.setFocus(w)
	next := ""
	if k+1 < len(toks) {
		next = toks[k+1].Lower
	}
	if kind, ok := lang.TypeNoun[w]; ok {
		m.qy.kinds = kindsFor(kind)
		return k
	}
	if kind, ok := lang.TypeNoun[next]; ok && next != "long" && next != "where" && !lang.Stop[w] {
		// "which dialogue number", "what meeting date".
		m.qy.kinds = kindsFor(kind)
		return k + 1
	}
	if kind, ok := m.nounKind(w); ok {
		// "which company", "what price": WordNet says what kind of
		// thing the noun is; it stays a topic word.
		m.qy.kinds = kindsFor(kind)
	} else if lang.Doc[w] {
		// "which agreement", "what framework": any named document or
		// programme answers.
		m.qy.kinds = []Kind{Misc}
		m.qy.head = m.lang.Key(w)
	} else if !lang.Stop[w] && !lang.Glue[w] && !m.isName(w) {
		m.qy.head = m.lang.Key(w)
	}
	return -1
}

// setFocus keeps a question's focus noun w and its vector, when it has one
// and is no function word.
func (m *matcher) setFocus(w string) {
	if m.lang.Stop[w] || m.lang.Glue[w] {
		return
	}
	m.qy.focusWord = w
	if m.know.vec == nil {
		return
	}
	if i, ok := m.know.vec.Index(w); ok {
		m.qy.focus = int32(i)
	}
}

// setHead finds the fact terms of the question's head noun and its
// synonyms.
func (m *matcher) setHead() {
	if m.qy.head == "" {
		return
	}
	m.qy.headActive = true
	if id, ok := m.idx.terms[m.qy.head]; ok {
		m.qy.headTerms = append(m.qy.headTerms, id)
	}
	m.qy.headTerms = append(m.qy.headTerms, m.idx.synonyms.of(m.qy.head)...)
}

// typeNounOrder is the order in which a question's words are tried as
// its type noun: first to last, except in a terse question, whose head
// is the last noun before any preposition ("first round date" asks a
// date, "number of rounds" a number), so its words are tried from that
// noun back, then the rest.
func typeNounOrder(toks []prose.Token, wh int) iter.Seq[int] {
	return func(yield func(int) bool) {
		end := len(toks)
		if wh < 0 {
			for k, t := range toks {
				if k > 0 && inWordList(headEnders, t.Lower) {
					end = k
					break
				}
			}
		}
		for k := end - 1; k >= 0 && wh < 0; k-- {
			if !yield(k) {
				return
			}
		}
		for k := range toks {
			if (wh >= 0 || k >= end) && !yield(k) {
				return
			}
		}
	}
}

// headEnders end the head phrase of a terse question: what follows them
// qualifies it.
const headEnders = "of for in on at from to by with about"

// kindElsewhere sets what a question asks for when its question word did
// not say: a type noun anywhere ("What is Skoog's title?", "skoog role"),
// or a terse question's last noun. A place may also be answered by an
// organisation. It returns the type noun's index, or -1.
func (m *matcher) kindElsewhere(toks []prose.Token, wh int) (typeWord int) {
	typeWord = -1
	lang := m.lang
	if m.qy.kinds == nil && m.qy.head == "" && !m.qy.why && (wh < 0 || toks[wh].Lower == "what" || toks[wh].Lower == "which") {
		for k := range typeNounOrder(toks, wh) {
			if k > 0 && toks[k].Lower == "place" && lang.Glue[toks[k-1].Lower] {
				continue // "take place"
			}
			if kind, ok := lang.TypeNoun[toks[k].Lower]; ok && toks[k].Lower != "long" && toks[k].Lower != "where" {
				m.qy.kinds, typeWord = kindsFor(kind), k
				break
			}
		}
	}
	if len(m.qy.kinds) == 1 && m.qy.kinds[0] == Place {
		m.qy.kinds = []Kind{Place, Org}
	}
	if wh < 0 && m.qy.kinds == nil && len(toks) > 0 {
		// A terse question ("analyst firm", "parks budget") asks for what
		// its last noun, the head of the phrase, names.
		if kind, ok := m.nounKind(toks[len(toks)-1].Lower); ok {
			m.qy.kinds = kindsFor(kind)
			m.qy.plural = pluralNoun(toks[len(toks)-1].Lower)
		}
	}
	return typeWord
}

// amountWords notes whether the question names money ("revenue",
// "profit") or a share ("percentage"): which amount answers.
func (m *matcher) amountWords(toks []prose.Token) {
	for i, t := range toks {
		if m.lang.MoneyNoun(t.Lower) {
			m.qy.money = true
		}
		if m.lang.PercentWords[t.Lower] && !m.lang.ModifierUse(toks, i) {
			m.qy.percent = true
		}
	}
}
