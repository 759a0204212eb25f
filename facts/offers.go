package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/facts/english"
	"github.com/briefbot/briefbot/facts/internal/prose"
)

// factQuestions makes the natural questions fact f answers from its
// entities, and passes each to add until add has accepted
// questionsPerFact of them:
//
//   - a person named with a title: "Who is Olof Skoog?" and "Who is the
//     EU Special Representative for Human Rights?";
//   - a person who speaks: "What did Ellen Brask say?";
//   - a date: "What happened on February 20, 2025?", "… in January?";
//   - a place: "What happened in Brussels?";
//   - an organisation or named thing: "What about the Strategic
//     Engagement Plan?".
//
// Names are copied as the fact writes them, with "the" when the fact puts
// one before them, so the questions stay grammatical. Whether the base
// answers them with this fact is checked when they are offered.
func (b *Base) factQuestions(f int, add func(q string) bool) {
	fact := &b.facts[f]
	n := 0
	offer := func(q string) bool {
		if add(q) {
			n++
		}
		return n == questionsPerFact
	}
	ents := fact.Entities
	for _, q := range b.subjectQuestions(fact) {
		if offer(q) {
			return
		}
	}
	// People first: "Who is …?" is what a reader asks of a name.
	var later []string
	places, others := 0, 0
	for i, e := range ents {
		switch e.Kind {
		case Person:
			if t, ok := titleBeside(fact.Text, ents, i); ok {
				if offer("Who is " + e.Text + "?") {
					return
				}
				later = append(later, "Who is "+article(fact.Text, t, true)+titleText(t.Text)+"?")
			}
			if speaks(fact.Text[e.Span.End:]) {
				later = append(later, "What did "+e.Text+" say?")
			}
		case Date:
			if p := b.datePreposition(e.Text); p != "" {
				later = append(later, "What happened "+p+" "+e.Text+"?")
			}
		case Place:
			if places == 0 && b.nameLike(fact.Text, e) {
				later = append(later, "What happened in "+article(fact.Text, e, false)+e.Text+"?")
			}
			places++
		case Org, Misc:
			if others == 0 && b.nameLike(fact.Text, e) {
				later = append(later, "What about "+article(fact.Text, e, false)+e.Text+"?")
			}
			others++
		}
	}
	for _, q := range later {
		if offer(q) {
			return
		}
	}
}

// titleBeside returns the title written next to the person ents[i]:
// "Ambassador Olof Skoog", "Maciej Stadejek, Director for …".
func titleBeside(text string, ents []Entity, i int) (Entity, bool) {
	if i > 0 && ents[i-1].Kind == Title && gap(text, ents[i-1].Span.End, ents[i].Span.Start) {
		return ents[i-1], true
	}
	if i+1 < len(ents) && ents[i+1].Kind == Title && gap(text, ents[i].Span.End, ents[i+1].Span.Start) {
		return ents[i+1], true
	}
	return Entity{}, false
}

// gap reports whether text[a:b] only separates two neighbouring phrases:
// spaces and at most one comma.
func gap(text string, a, b int) bool {
	if a > b || b-a > 3 {
		return false
	}
	return strings.Trim(text[a:b], " ,") == "" && strings.Count(text[a:b], ",") <= 1
}

// speaks reports whether the words after a name are a verb of saying:
// "Ellen Brask said …".
func speaks(after string) bool {
	f := strings.Fields(after)
	return len(f) > 0 && (f[0] == "said" || f[0] == "says" || f[0] == "told")
}

// article returns "the " when the fact writes "the" right before the
// entity, or, for a title, unless it is a possessive ("Pakistan's
// Minister"): "Who is the Chief Executive?" but "What about Corvane?".
func article(text string, e Entity, title bool) string {
	before := strings.TrimRight(text[:e.Span.Start], " ")
	if i := strings.LastIndexByte(before, ' '); i >= 0 {
		before = before[i+1:]
	}
	if strings.EqualFold(before, "the") {
		return "the "
	}
	if title && !strings.Contains(e.Text, "'s ") && !strings.Contains(e.Text, "’s ") {
		return "the "
	}
	return ""
}

// datePreposition is "on" for a day ("February 20, 2025", "Tuesday"), "in"
// for a month or year ("January", "2019"), and "" for a date that takes
// neither ("last week", "the autumn").
func (b *Base) datePreposition(date string) string {
	words := strings.Fields(strings.ToLower(date))
	if len(words) == 0 || !properName(date) && !prose.IsDigitByte(date[0]) {
		return ""
	}
	day, month := false, false
	for _, w := range words {
		w = strings.Trim(w, ",.")
		switch {
		case b.lang.Weekday[w]:
			day = true
		case b.lang.Month[w]:
			month = true
		case w != "" && prose.IsDigitByte(w[0]) && len(w) <= 2:
			day = true
		}
	}
	switch {
	case day:
		return "on"
	case month || len(words) == 1 && len(words[0]) == 4 && prose.IsDigitByte(words[0][0]):
		return "in"
	}
	return ""
}

// nameLike reports whether an entity reads as a name in a question: it
// starts with a capital, is not a dateline in capitals ("MELBOURNE,
// Australia —"), not a modifier ("Lyon-based"), and not a common word that
// opens the sentence ("Baggage handlers …").
func (b *Base) nameLike(text string, e Entity) bool {
	if !properName(e.Text) || strings.ToUpper(e.Text) == e.Text && len(e.Text) > 3 {
		return false
	}
	if strings.HasPrefix(text[e.Span.End:], "-") {
		return false
	}
	return strings.Contains(e.Text, " ") || !english.Known(strings.ToLower(e.Text))
}

// titleText writes a one-word title in lower case, as a question would:
// "Who is the striker?"; longer titles keep the brief's capitals.
func titleText(t string) string {
	if strings.Contains(t, " ") {
		return t
	}
	return strings.ToLower(t)
}

// properName reports whether a phrase starts with a capital letter, as a
// name does; "government officials" is a description.
func properName(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
