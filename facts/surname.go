package facts

import (
	"slices"

	"github.com/briefbot/briefbot/facts/english"
)

// News writing names a person in full once ("Former judge Irena Osk won")
// and by surname after ("Osk, 54, beat the incumbent"). A surname opening
// a sentence looks like any capitalised first word, so the tagger, which
// reads one sentence, leaves it untagged; the brief's earlier sentences
// say it is a person.

// surnames collects, over one brief's sentences in order, the last words
// of the people named in full so far.
type surnames map[string]bool

// add records the surnames of the sentence's people of two or more words.
func (s surnames) add(toks []token, ents []Entity) {
	for _, e := range ents {
		if e.Kind == Person && e.last > e.first && e.last < len(toks) {
			s[toks[e.last].lower] = true
		}
	}
}

// opening returns ents with a person added for the sentence's first word
// when it is a surname seen before in the brief, stands in no entity and
// is no English word ("Young people …" may follow a "Will Young").
func (s surnames) opening(toks []token, ents []Entity, text string) []Entity {
	if len(toks) == 0 || len(s) == 0 {
		return ents
	}
	t := toks[0]
	if !t.cap || t.acronym || t.num || !s[t.lower] || english.Known(t.lower) {
		return ents
	}
	for _, e := range ents {
		if e.first == 0 {
			return ents
		}
	}
	return slices.Insert(ents, 0, Entity{Kind: Person, Text: text[t.start:t.end], Span: Span{t.start, t.end}})
}
