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
// reported") is skipped.
func (b *Base) subjectQuestions(fact *Fact) []string {
	ents := fact.Entities
	if len(ents) == 0 || ents[0].Span.Start != 0 || ents[0].Kind != Person && ents[0].Kind != Org {
		return nil
	}
	subj := ents[0]
	rest := fact.Text[subj.Span.End:]
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
		if e.Kind == Date {
			qs = append(qs, "When did "+subj.Text+" "+base+" "+o+"?")
			break
		}
	}
	return qs
}

// pastBase returns the base form of a verb in the past tense ("won" →
// "win", "passed" → "pass", "voted" → "vote", "stopped" → "stop"): an
// irregular form from WordNet's exception lists, else a regular "-ed"
// form whose stem is an English word.
func (b *Base) pastBase(w string) (string, bool) {
	if w == "" || strings.ToLower(w) != w {
		return "", false
	}
	if base, ok := b.lang.wn.Base(w); ok && base != w && english.Known(base) && !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ing") {
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
