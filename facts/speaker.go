package facts

import (
	"strings"

	"github.com/briefbot/briefbot/facts/internal/prose"
)

// News attributes what it reports: "X said …", "… , said X", "X told
// the court …", "according to X". A reader who has just been shown a
// sentence asks "who said that?"; Speaker answers from the sentence's own
// grammar, following "she said" back to the speaker of the quote before.

// saying reports whether a word is a verb that attributes words to its
// subject or, after a comma, to the name that follows ("…, said the
// minister"): the grammar of reported speech, not of any brief.
func saying(w string) bool {
	switch w {
	case "said", "says", "saying", "told", "tells", "added", "adds", "stated", "states",
		"warned", "wrote", "writes", "argued", "explained", "noted", "insisted", "claimed", "announced":
		return true
	}
	return false
}

// placePreposition reports whether a word opens a phrase of place or
// time after a saying verb ("said in Brussels", "said outside court"),
// where no speaker stands.
func placePreposition(w string) bool {
	switch w {
	case "in", "at", "on", "outside", "inside", "after", "before", "during", "to", "from",
		"with", "for", "by", "near", "following", "ahead":
		return true
	}
	return false
}

// speakerReach is how many words may stand between a saying verb and the
// name it attributes to: a title or apposition ("said Finance Minister
// Ana Ruiz", "Ruiz, the minister, said"). Longer reaches find names that
// are not the speaker.
const speakerReach = 8

// speakerLookBack is how many sentences back "she said" may look for the
// person it means: further back, another person has usually been named.
const speakerLookBack = 3

// Speaker returns who fact f's words are attributed to (a person or an
// organisation, or several joined by "and"), and the fact that names
// them: f itself, or for "she said" the nearest sentence before it that
// quotes someone by name. ok is false when f attributes its words to no
// one, or to someone no sentence near it names, or f is not a fact of
// this base. Only f's ID and brief are read.
func (b *Base) Speaker(f Fact) (who Entity, from Fact, ok bool) {
	di := b.factIndex(f)
	if di < 0 {
		return Entity{}, Fact{}, false
	}
	return b.speakerAt(di)
}

// speakerAt is Speaker of the base's fact di.
func (b *Base) speakerAt(di int) (Entity, Fact, bool) {
	at := &b.facts[di]
	e, pronoun, found := attribution(at)
	if !found {
		return Entity{}, Fact{}, false
	}
	if pronoun == "" {
		return Entity{Kind: e.Kind, Text: e.Text, Span: e.Span}, at.clone(), true
	}
	return b.antecedent(di, pronoun)
}

// antecedent is who a pronoun that speaks in fact di stands for: the
// named speaker of the nearest sentence before it that quotes someone
// ("Governor Ana Ruiz said …. She said …"). A sentence that merely names
// people is no evidence: which of them "she" is takes knowing who is a
// she, and the names' kinds are the tagger's guesses.
func (b *Base) antecedent(di int, pronoun string) (Entity, Fact, bool) {
	r := b.spans[b.facts[di].Citation.Brief]
	for i := di - 1; i >= max(r[0], di-speakerLookBack); i-- {
		p := &b.facts[i]
		e, pr, ok := attribution(p)
		switch {
		case !ok || pr != "":
			continue // no one quoted, or a pronoun again: further back
		case (pronoun == "it") == (e.Kind == Org) && (pronoun == "they") == strings.Contains(e.Text, " and "):
			return Entity{Kind: e.Kind, Text: e.Text, Span: e.Span}, p.clone(), true
		}
		return Entity{}, Fact{}, false
	}
	return Entity{}, Fact{}, false
}

// factIndex is where fact f stands in the base, -1 when it is not one of
// its facts.
func (b *Base) factIndex(f Fact) int {
	r, ok := b.spans[f.Citation.Brief]
	if !ok {
		return -1
	}
	for i := r[0]; i < r[1]; i++ {
		if b.facts[i].ID == f.ID {
			return i
		}
	}
	return -1
}

// attribution finds whom a fact attributes its words to: a named person
// or organisation, or the pronoun standing for one ("he", "she", "it",
// "they").
func attribution(f *Fact) (e Entity, pronoun string, ok bool) {
	toks := prose.Tokenize(f.Text)
	for k, t := range toks {
		verb := saying(t.Lower) ||
			t.Lower == "according" && k+1 < len(toks) && toks[k+1].Lower == "to"
		if !verb {
			continue
		}
		after := t.End
		if t.Lower == "according" {
			after = toks[k+1].End
		}
		// "…, said X": the name after the verb, when the verb follows a
		// comma or quote, or is "according to".
		if t.Lower == "according" || k > 0 && strings.ContainsAny(f.Text[toks[k-1].End:t.Start], ",\"”") {
			if e, ok := speakerAfter(f, toks, k, after); ok {
				return e, "", true
			}
		}
		// "X said", "X, the minister, said", "she said".
		if k > 0 {
			if p := toks[k-1].Lower; p == "he" || p == "she" || p == "it" || p == "they" {
				return Entity{}, p, true
			}
			if e, ok := speakerBefore(f, toks, k); ok {
				return e, "", true
			}
		}
	}
	return Entity{}, "", false
}

// speakerAfter is the person or organisation named within speakerReach
// words after the verb at word k, with nothing between but a title or
// capitalised words ("said Finance Minister Ana Ruiz").
func speakerAfter(f *Fact, toks []prose.Token, k, after int) (Entity, bool) {
	limit := len(f.Text)
	if k+speakerReach < len(toks) {
		limit = toks[k+speakerReach].End
	}
	for _, e := range f.Entities {
		if e.Span.Start < after || e.Span.Start > limit {
			continue
		}
		if e.Kind == Person || e.Kind == Org {
			gap := f.Text[after:e.Span.Start]
			// "said outside Osgoode Hall": a place said in, not a speaker.
			first, _, _ := strings.Cut(strings.TrimSpace(gap), " ")
			return e, !strings.ContainsAny(gap, ".;:\"“”") && !placePreposition(strings.ToLower(first))
		}
	}
	return Entity{}, false
}

// speakerBefore is the person or organisation whose name ends right
// before the verb at word k, or before an apposition set off by commas.
// A person outranks the organisation after them ("Ana Ruiz, an analyst
// at Vass Securities, said", "analyst Ana Ruiz of Vass Securities said"),
// and names joined by "and" speak together.
func speakerBefore(f *Fact, toks []prose.Token, k int) (Entity, bool) {
	verb := toks[k].Start
	from := 0
	if k-speakerReach > 0 {
		from = toks[k-speakerReach].Start
	}
	for i := len(f.Entities) - 1; i >= 0; i-- {
		e := f.Entities[i]
		if e.Span.End > verb || e.Span.End < from {
			continue
		}
		if e.Kind != Person && e.Kind != Org {
			continue
		}
		if !apposition(f.Text[e.Span.End:verb]) {
			return Entity{}, false
		}
		if p, ok := personBefore(f, i, from, verb); ok {
			return p, true
		}
		return joined(f, i), true
	}
	return Entity{}, false
}

// apposition reports whether the text between a name and its verb lets
// the name be the verb's subject: nothing, or a phrase set off by commas
// (", the minister,").
func apposition(gap string) bool {
	gap = strings.TrimSpace(gap)
	return gap == "" || strings.HasPrefix(gap, ",") && strings.HasSuffix(gap, ",") && !strings.ContainsAny(gap, ".;:\"“”")
}

// personBefore is a person named before entity i of f whom the words up
// to that entity describe ("X, an analyst at ORG, said", "X of ORG
// said"): the person, not the name in their description, is speaking.
func personBefore(f *Fact, i, from, verb int) (Entity, bool) {
	for j := i - 1; j >= 0; j-- {
		p := f.Entities[j]
		if p.Span.End < from {
			break
		}
		if p.Kind != Person {
			continue
		}
		gap := f.Text[p.Span.End:f.Entities[i].Span.Start]
		rest := strings.TrimSpace(f.Text[f.Entities[i].Span.End:verb])
		of := strings.HasPrefix(gap, " of ") || strings.HasPrefix(gap, " at ") || strings.HasPrefix(gap, " from ")
		// ", an analyst at": an apposition, not a list of names.
		described := strings.HasPrefix(gap, ", ") && len(strings.Fields(gap)) > 2 && !strings.Contains(gap, " and ")
		if (of && rest == "" || described && rest == ",") && !strings.ContainsAny(gap, ".;:\"“”") {
			return p, true
		}
		return Entity{}, false
	}
	return Entity{}, false
}

// joined is entity i of f with the names of its kind that come before it
// joined by "and" or commas: "Mei Lin and Tom Wren said" names both.
func joined(f *Fact, i int) Entity {
	e := f.Entities[i]
	for j := i - 1; j >= 0; j-- {
		p := f.Entities[j]
		gap := strings.TrimSpace(f.Text[p.Span.End:e.Span.Start])
		if p.Kind != e.Kind || gap != "and" && gap != "," && gap != ", and" {
			break
		}
		e.Span.Start = p.Span.Start
	}
	e.Text = f.Text[e.Span.Start:e.Span.End]
	return e
}
