package facts

import (
	"strings"

	"github.com/briefbot/briefbot/facts/english"
)

// maxObjectWords bounds the object copied into a question made from a
// sentence ("Who won the Northern Counties Cup?"): longer objects make
// questions nobody would type.
const maxObjectWords = 8

// objectEnd lists the words that end a verb's object: what follows them
// says when, where, how or why, which the question leaves out.
var objectEnd = map[string]bool{
	"for": true, "in": true, "on": true, "at": true, "after": true, "before": true, "with": true,
	"by": true, "from": true, "as": true, "while": true, "and": true, "but": true, "which": true,
	"that": true, "when": true, "since": true, "despite": true, "during": true, "under": true,
	"over": true, "into": true, "until": true, "because": true, "than": true, "who": true,
}

// subjectQuestions makes "who did what" questions from a sentence that
// opens with a named person or organisation and a verb in the past:
// "Harwick Rovers won the Northern Counties Cup for the first time …"
// gives "Who won the Northern Counties Cup?" and, when the sentence holds
// a date, "When did Harwick Rovers win the Northern Counties Cup?". An
// apposition after the name ("Corvane Systems, the Lyon-based maker …,
// reported") is skipped, and so is an opening date ("On February 20,
// 2025, …"); two names joined by "and" ("Pakistan and the EU held …")
// are one subject.
func (b *Base) subjectQuestions(fact *Fact) []string {
	ents := fact.Entities
	text, dated := fact.Text, false
	if len(ents) > 1 && ents[0].Kind == Date && leadingDate(text, ents[0]) {
		text, dated = strings.TrimLeft(text[ents[0].Span.End+1:], " "), true
		ents = shiftEntities(ents[1:], len(fact.Text)-len(text))
	}
	if len(ents) == 0 || ents[0].Span.Start != 0 || !subjectKind(ents[0].Kind) {
		return nil
	}
	subj, subjEnd := ents[0].Text, ents[0].Span.End
	if len(ents) > 1 && subjectKind(ents[1].Kind) && ents[1].Span.Start >= subjEnd {
		if between := text[subjEnd:ents[1].Span.Start]; between == " and " || between == " and the " {
			subj, subjEnd = text[:ents[1].Span.End], ents[1].Span.End
		}
	}
	rest := text[subjEnd:]
	if strings.HasPrefix(rest, ",") {
		end := strings.Index(rest[1:], ",")
		if end < 0 || len(strings.Fields(rest[1:end+1])) > 10 {
			return nil
		}
		rest = rest[end+2:]
	}
	words := strings.Fields(rest)
	if len(words) < 2 {
		return nil
	}
	verb := words[0]
	base, ok := b.pastBase(verb)
	if !ok {
		return nil
	}
	var obj []string
	for _, w := range words[1:] {
		clean := strings.TrimRight(w, ".,;:")
		if objectEnd[strings.ToLower(clean)] || len(obj) == maxObjectWords {
			break
		}
		obj = append(obj, clean)
		if clean != w {
			break // a comma or the end of the sentence
		}
	}
	o := strings.Join(obj, " ")
	if len(obj) == 0 || len(obj) == maxObjectWords || strings.ContainsAny(o, "\"“”()") {
		return nil // no object, a clause too long to ask about, or a quotation
	}
	qs := []string{"Who " + verb + " " + o + "?"}
	for _, e := range ents {
		if dated || e.Kind == Date {
			qs = append(qs, "When did "+subj+" "+base+" "+o+"?")
			break
		}
	}
	return qs
}

// subjectKind reports whether a name of kind k can be a sentence's
// subject that "who" asks for: a person, an organisation or a country.
func subjectKind(k Kind) bool { return k == Person || k == Org || k == Place }

// leadingDate reports whether the sentence opens with date e, alone or
// after "On", and a comma.
func leadingDate(text string, e Entity) bool {
	before := strings.TrimSpace(text[:e.Span.Start])
	return (before == "" || before == "On" || before == "on") && strings.HasPrefix(text[e.Span.End:], ",")
}

// shiftEntities returns ents with their spans moved back by off bytes, for
// the text that remains once off bytes are cut from its start.
func shiftEntities(ents []Entity, off int) []Entity {
	out := make([]Entity, 0, len(ents))
	for _, e := range ents {
		if e.Span.Start < off {
			continue
		}
		e.Span.Start -= off
		e.Span.End -= off
		out = append(out, e)
	}
	return out
}

// pastBase returns the base form of a verb in the past tense ("won" →
// "win", "passed" → "pass", "voted" → "vote", "stopped" → "stop"): an
// irregular form from WordNet's exception lists, else a regular "-ed"
// form whose stem is an English word.
func (b *Base) pastBase(w string) (string, bool) {
	if w == "" || strings.ToLower(w) != w {
		return "", false
	}
	if base, ok := b.lang.Wn.Base(w); ok && base != w && english.Known(base) && !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ing") {
		return base, true
	}
	stem, ok := strings.CutSuffix(w, "ed")
	if !ok || len(stem) < 3 {
		return "", false
	}
	n := len(stem)
	switch {
	case n >= 4 && stem[n-1] == stem[n-2] && english.Known(stem[:n-1]):
		return stem[:n-1], true // "stopped"
	case english.Known(stem) && !english.Known(stem+"e"):
		return stem, true // "passed"
	case english.Known(stem + "e"):
		return stem + "e", true // "voted"
	case english.Known(stem):
		return stem, true
	}
	return "", false
}
