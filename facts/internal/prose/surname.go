package prose

import (
	"slices"

	"github.com/briefbot/briefbot/facts/english"
)

// News writing names a person in full once ("Former judge Irena Osk won")
// and by surname after ("Osk, 54, beat the incumbent"). A surname opening
// a sentence looks like any capitalised first word, so the tagger, which
// reads one sentence, leaves it untagged; the brief's earlier sentences
// say it is a person.

// Surnames collects, over one brief's sentences in order, the last words
// of the people named in full so far.
type Surnames map[string]bool

// Add records the surnames of the sentence's people of two or more words.
func (s Surnames) Add(toks []Token, ents []Entity) {
	for _, e := range ents {
		if e.Kind == Person && e.Last > e.First && e.Last < len(toks) {
			s[toks[e.Last].Lower] = true
		}
	}
}

// Opening returns ents with a person added for the sentence's first word
// when it is a surname seen before in the brief, stands in no entity and
// is no English word ("Young people …" may follow a "Will Young").
func (s Surnames) Opening(toks []Token, ents []Entity, text string) []Entity {
	if len(toks) == 0 || len(s) == 0 {
		return ents
	}
	t := toks[0]
	if !t.Cap || t.Acronym || t.Num || !s[t.Lower] || english.Known(t.Lower) {
		return ents
	}
	for _, e := range ents {
		if e.First == 0 {
			return ents
		}
	}
	return slices.Insert(ents, 0, Entity{Kind: Person, Text: text[t.Start:t.End], Span: Span{t.Start, t.End}})
}
