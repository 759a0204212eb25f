package facts

import (
	"slices"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/facts/internal/prose"
	"github.com/briefbot/briefbot/facts/internal/wordnet"
)

// People are asked about by what they are: "what did the economist say?",
// "and the other deputy?". News describes a person where it names them —
// a title before the name ("Deputy leader Nadia Farouk"), an apposition
// after it (", an economist at Moravska Banka,"), or a phrase set off
// before it ("The other deputy leader, Graham Tilley") — and a reader
// picks among them by those words.

// Personage is someone a brief names, with the words that describe them.
type Personage struct {
	// Name is the fullest form of the name the brief uses.
	Name string
	// Described is what the brief calls them where it names them,
	// descriptions joined by "; " ("chief economist at the Prague
	// brokerage Kolar & Benes"); "" when it only names them.
	Described string
	// Fact is the first sentence that describes them, else the first
	// that names them.
	Fact Fact
	// Quoted is whether the brief attributes words to them: see Speaker.
	Quoted bool
}

// describeWords bounds a description: a title or apposition is a few
// words; a longer run is a clause about something else.
const describeWords = 10

// People lists the people brief names, in the order it first names them,
// with what it calls them. A surname alone ("Kolar said") is the person
// the brief named in full; a name inside another person's description
// (", an economist at Moravska Banka,") is not a person of its own, even
// when the tagger took it for one.
func (b *Base) People(brief string) []Personage {
	r, ok := b.spans[brief]
	if !ok {
		return nil
	}
	var out []Personage
	at := map[string]int{} // last word of the name → index in out
	quoted := map[string]bool{}
	for i := r[0]; i < r[1]; i++ {
		f := &b.facts[i]
		if e, _, ok := b.speakerAt(i); ok && e.Kind == Person {
			quoted[lastWord(e.Text)] = true
		}
		inside := -1 // where the last person's description ends
		for k, e := range f.Entities {
			if e.Kind != Person || e.Span.Start < inside {
				continue
			}
			d, end := b.describe(f, k)
			inside = end
			last := lastWord(e.Text)
			j, seen := at[last]
			if !seen {
				at[last] = len(out)
				out = append(out, Personage{Name: e.Text, Described: d, Fact: f.clone()})
				continue
			}
			p := &out[j]
			if len(e.Text) > len(p.Name) {
				p.Name = e.Text
			}
			if d != "" && !strings.Contains(p.Described, d) {
				if p.Described == "" {
					p.Fact = f.clone()
					p.Described = d
				} else {
					p.Described += "; " + d
				}
			}
		}
	}
	for i := range out {
		out[i].Quoted = quoted[lastWord(out[i].Name)]
	}
	return out
}

// lastWord is the last word of a name, lower case: "Kolar said" is the
// "Milan Kolar" named before.
func lastWord(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return ""
	}
	return strings.ToLower(f[len(f)-1])
}

// describe is what fact f calls its entity k, and where in f's text that
// description ends: the title words of its clause before the name ("Deputy
// leader Nadia Farouk"), or the phrase set off before it ("The other
// deputy leader, Graham Tilley"), and the apposition after it (", an
// economist at Moravska Banka,"), joined by "; ".
func (b *Base) describe(f *Fact, k int) (string, int) {
	e := f.Entities[k]
	var parts []string
	before := f.Text[:e.Span.Start]
	setOff := false
	if c := strings.LastIndexAny(before, ",;:(\"“—"); c >= 0 && strings.TrimSpace(before[c+1:]) == "" && before[c] == ',' {
		// The name is itself set off: the clause before the comma
		// describes it, and what follows it is the sentence's verb.
		prev := before[:c]
		if p := strings.LastIndexAny(prev, ",;:(\"“—"); p >= 0 {
			prev = prev[p+1:]
		}
		parts, setOff = append(parts, b.title(prev)), true
	} else {
		if c >= 0 {
			before = before[c+1:]
		}
		parts = append(parts, b.title(before))
	}
	end := e.Span.End
	after := f.Text[e.Span.End:]
	switch {
	case setOff:
	case strings.HasPrefix(after, ", "):
		// ", an economist at Moravska Banka," or ", who leads the union,"
		app, _, closed := strings.Cut(after[2:], ",")
		first, _, _ := strings.Cut(app, " ")
		if n := len(strings.Fields(app)); (closed || n <= describeWords/2) && n <= describeWords && !saying(first) {
			parts = append(parts, strings.TrimRight(app, "."))
			end += 2 + len(app)
		}
	case strings.HasPrefix(after, " of "), strings.HasPrefix(after, " at "), strings.HasPrefix(after, " from "):
		// "analyst Ana Ruiz of Vass Securities said"
		run := capitalisedRun(after)
		parts = append(parts, run)
		end += len(run) + 1
	}
	parts = slices.DeleteFunc(parts, func(s string) bool { return s == "" })
	return strings.Join(parts, "; "), end
}

// title keeps the words before a name that can describe it: after any
// leading function words ("The other", "Its"), a run of at most
// describeWords words with no function word in it ("deputy leader",
// "SkyPort chief executive"). A run with one is a clause about something
// else ("is led by").
func (b *Base) title(s string) string {
	words := strings.Fields(s)
	i := 0
	for i < len(words) && b.lang.Stop[strings.ToLower(words[i])] {
		i++
	}
	words = words[i:]
	if len(words) == 0 || len(words) > describeWords {
		return ""
	}
	for _, w := range words {
		if b.lang.Stop[strings.ToLower(w)] {
			return ""
		}
	}
	return strings.Join(words, " ")
}

// capitalisedRun is " of " or " at " and the capitalised words after it:
// the organisation a title belongs to.
func capitalisedRun(s string) string {
	words := strings.Fields(s)
	n := 1
	for n < len(words) && (startsUpper(words[n]) || words[n] == "&") {
		n++
	}
	if n == 1 {
		return ""
	}
	return strings.TrimRight(strings.Join(words[:n], " "), ",.")
}

func startsUpper(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// Described lists the people of brief whom the words of what (a title or
// role: "economist", "deputy leader", "ceo", or part of a name) describe:
// every content word of it, or of the phrase an acronym stands for,
// stands in their name or what the brief calls them, in any form
// ("economists", "Chief Executive"). The first exact of them are those
// the brief calls by those words and no others: "Governor Ana Ruiz"
// before "Deputy Governor Tom Bell", for "the governor".
func (b *Base) Described(brief, what string) (people []Personage, exact int) {
	phrases := b.describingKeys(what)
	var rest []Personage
	for _, p := range b.People(brief) {
		have := b.keysOf(p.Name + " " + p.Described)
		if !slices.ContainsFunc(phrases, func(keys []string) bool { return allKeys(keys, have) }) {
			continue
		}
		if b.exactly(p.Described, phrases) {
			people = append(people, p)
		} else {
			rest = append(rest, p)
		}
	}
	return append(people, rest...), len(people)
}

// describingKeys are the index keys of the content words of what, and of
// each phrase an acronym of it stands for.
func (b *Base) describingKeys(what string) [][]string {
	var phrases [][]string
	for _, p := range append([]string{what}, b.lang.Wn.Expansions(strings.ToLower(what))...) {
		keys := b.keysOf(p)
		if len(keys) > 0 {
			phrases = append(phrases, keys)
		}
		if len(keys) == 3 {
			// "chief executive officer" is written "Chief Executive".
			phrases = append(phrases, keys[:2], keys[1:])
		}
	}
	return phrases
}

// keysOf is the index keys of the content words of s.
func (b *Base) keysOf(s string) []string {
	var keys []string
	for _, t := range prose.Tokenize(s) {
		if !b.lang.Stop[t.Lower] {
			keys = append(keys, b.lang.Key(t.Lower))
		}
	}
	return keys
}

// exactly reports whether one of the descriptions (joined by "; ") is
// one of phrases, word for word.
func (b *Base) exactly(described string, phrases [][]string) bool {
	for d := range strings.SplitSeq(described, "; ") {
		keys := b.keysOf(d)
		if slices.ContainsFunc(phrases, func(p []string) bool { return slices.Equal(p, keys) }) {
			return true
		}
	}
	return false
}

// Doer reports whether noun, a kind of person in WordNet ("winner",
// "buyer", "founder"), names whoever does what word says ("won", "buys",
// "founded") by WordNet's derivations, or is word itself: a follow-up's
// "the winner" is then the answer to "who won".
func (b *Base) Doer(noun, word string) bool {
	noun, word = strings.ToLower(noun), strings.ToLower(word)
	wn := b.lang.Wn
	if t, _ := wn.NounType(noun); t != wordnet.Person && wn.KindOf(noun, "person") == 0 {
		return false
	}
	if noun == word {
		return true
	}
	forms := []string{word}
	if base, ok := wn.Base(word); ok { // "won", "bought"
		forms = append(forms, base)
	}
	return slices.ContainsFunc(forms, func(f string) bool { return slices.Contains(wn.RelatedForm(f), noun) })
}

// Role reports whether words name what a person is — their last word, or
// that of the phrase an acronym stands for, is a kind of person in
// WordNet ("economist", "deputy leader", "ceo") — and are singular: "the
// mayors" asks about all of them.
func (b *Base) Role(words string) bool {
	for _, p := range append([]string{words}, b.lang.Wn.Expansions(strings.ToLower(words))...) {
		f := strings.Fields(strings.ToLower(p))
		if len(f) == 0 {
			continue
		}
		last := f[len(f)-1]
		if s, ok := strings.CutSuffix(last, "s"); ok && b.lang.Key(s) == b.lang.Key(last) {
			return false
		}
		if t, _ := b.lang.Wn.NounType(last); t == wordnet.Person {
			return true
		}
	}
	return false
}

// allKeys reports whether every key of want is among have.
func allKeys(want, have []string) bool {
	for _, k := range want {
		if !slices.Contains(have, k) {
			return false
		}
	}
	return true
}
