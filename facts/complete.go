package facts

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/briefbot/briefbot/facts/english"
	"github.com/briefbot/briefbot/facts/internal/prose"
)

// MaxCompletion is the longest completion Complete returns: Discord's limit
// for an autocomplete choice.
const MaxCompletion = 100

// Bounds on the questions made for autocompletion.
const (
	// completionFacts is how many of a brief's facts, from its lead,
	// questions are made from: more offers deeper questions but lengthens
	// the first build at thousands of briefs.
	completionFacts = 12
	// questionsPerFact caps the questions one fact contributes, so a
	// sentence full of names does not crowd out the rest of its brief.
	questionsPerFact = 4
)

// completion is one offer: a question made from a fact, a question about a
// brief's subject, or a bare topic.
type completion struct {
	text  string
	words []string // lower-case words, for word matching
	fact  int32    // the fact the question was made from; -1 otherwise
	brief string   // for a question about a brief's subject: that brief
	round int      // its place among its brief's offers, 0 first
}

// completer holds the offers, built once, and which questions the base
// was found to answer with the fact they came from. Questions are checked
// when first offered rather than all at build time, so a base of
// thousands of briefs builds its list in milliseconds.
type completer struct {
	list  []completion
	texts []string  // list's texts, for sahilm/fuzzy
	words wordIndex // list's words, for matching typed words

	mu    sync.Mutex
	check map[int32]bool // list index → offered question answered as made
}

// Complete offers up to n questions and topics the facts answer that match
// what a user has typed so far, for autocompletion. The questions are
// made from the facts themselves (who is the person a sentence names,
// what a speaker said, what happened on a date or in a place) and each is
// offered only when the base answers it with the fact it was made from.
// Typed words match in any order, as a prefix of a word of the offer or
// one edit from it ("where was", "dialog", "ceo"); when no offer holds
// them, as sahilm/fuzzy's in-order letters ("gsp rev"). With nothing typed it
// offers the lead questions of each brief, newest brief first. Every
// completion is at most MaxCompletion bytes.
func (b *Base) Complete(typed string, n int) []string {
	b.completionsOnce.Do(func() { b.comp = b.buildCompleter() })
	typed = strings.TrimSpace(prose.Clean(typed))
	if n <= 0 {
		return nil
	}
	if len(typed) > MaxCompletion {
		typed = typed[:MaxCompletion]
	}
	c := b.comp
	var out []string
	take := func(i int) bool {
		if !slices.Contains(out, c.list[i].text) && b.offerable(i) {
			out = append(out, c.list[i].text)
		}
		return len(out) == n
	}
	if typed == "" {
		for i := range c.list {
			if c.list[i].fact >= 0 && take(i) {
				break
			}
		}
		for i := range c.list {
			if len(out) > 0 {
				break // topics only when no question is answered
			}
			if c.list[i].fact < 0 && c.list[i].brief == "" && take(i) {
				break
			}
		}
		return out
	}
	words := c.wordMatches(typed, b.typedAcronyms)
	for _, i := range words {
		if take(i) {
			return out
		}
	}
	if len(words) == 0 {
		// Word matches read as what was typed; letters in order, which
		// match almost anything at thousands of offers, only fill in
		// when no offer holds the typed words ("gsp rev"). Typed words
		// that offers hold but no answered question does ("who is
		// abdul") are read again without their function words, below.
		for _, i := range c.fuzzyMatches(typed) {
			if take(i) {
				break
			}
		}
	}
	if len(out) == 0 {
		// "who is abdul" when no question about Abdul is answered: the
		// topics the rest names are still worth offering.
		if rest := b.withoutLeadingStopwords(typed); rest != "" && rest != typed {
			return b.Complete(rest, n)
		}
	}
	return out
}

// withoutLeadingStopwords drops the function words a typed text opens
// with ("who is", "what about the").
func (b *Base) withoutLeadingStopwords(typed string) string {
	words := strings.Fields(typed)
	k := 0
	for k < len(words) && b.lang.Stop[strings.ToLower(words[k])] {
		k++
	}
	return strings.Join(words[k:], " ")
}

// offerable reports whether offer i may be shown: a topic always, a
// question only when the base answers it as it was made, with the fact it
// came from, or for a brief's subject with a short answer from that brief.
func (b *Base) offerable(i int) bool {
	c := b.comp
	o := &c.list[i]
	if o.fact < 0 && o.brief == "" {
		return true
	}
	c.mu.Lock()
	ok, done := c.check[int32(i)]
	c.mu.Unlock()
	if done {
		return ok
	}
	a := b.Ask(o.text)
	ok = a.Answered && len(a.Results) > 0
	if ok && o.fact >= 0 {
		ok = b.sameFact(a.Results[0].Fact.ID, int(o.fact))
	} else if ok {
		ok = a.Short != "" && a.Results[0].Fact.Citation.Brief == o.brief
	}
	c.mu.Lock()
	c.check[int32(i)] = ok
	c.mu.Unlock()
	return ok
}

// typedAcronyms returns the content words of the phrases a typed word
// abbreviates, when it is no English word ("ceo", "gdp").
func (b *Base) typedAcronyms(w string) []string {
	if english.Known(w) {
		return nil
	}
	var out []string
	for _, p := range b.lang.Wn.Expansions(w) {
		for _, x := range strings.Fields(p) {
			if !b.lang.Stop[x] && !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
	}
	return out
}

// sameFact reports whether id is fact f or the fuller fact that stands for
// it among near-duplicates, which an answer cites in its place.
func (b *Base) sameFact(id string, f int) bool {
	if b.facts[f].ID == id {
		return true
	}
	c := b.docs[f].canon
	return c >= 0 && b.facts[c].ID == id
}

// buildCompleter makes the offers: each brief's questions, newest brief
// first and round by round (every brief's first question, then every
// brief's second …), then the topics.
func (b *Base) buildCompleter() *completer {
	c := &completer{check: make(map[int32]bool)}
	seen := make(map[string]bool)
	add := func(o completion) bool {
		key := strings.ToLower(o.text)
		if len(o.text) > MaxCompletion || seen[key] {
			return false
		}
		seen[key] = true
		o.words = strings.FieldsFunc(key, func(r rune) bool { return !prose.IsWordRune(r) })
		c.list = append(c.list, o)
		return true
	}
	for _, bi := range b.newestFirst() {
		round := 0
		r := b.spans[bi.Name]
		for f := r[0]; f < min(r[1], r[0]+completionFacts); f++ {
			b.factQuestions(f, func(q string) bool {
				if add(completion{text: q, fact: int32(f), round: round}) {
					round++
					return true
				}
				return false
			})
		}
		for _, tmpl := range []string{"When was the %s?", "Where was the %s?", "Who took part in the %s?"} {
			q := fmt.Sprintf(tmpl, b.subject(bi.Title))
			if add(completion{text: q, fact: -1, brief: bi.Name, round: round}) {
				round++
			}
		}
	}
	slices.SortStableFunc(c.list, func(x, y completion) int { return cmp.Compare(x.round, y.round) })
	for _, t := range b.topics {
		add(completion{text: t, fact: -1, round: -1})
	}
	c.texts = make([]string, len(c.list))
	for i := range c.list {
		c.texts[i] = c.list[i].text
	}
	c.words = indexWords(c.list)
	return c
}

// newestFirst lists the briefs by date, newest first; briefs without a
// date follow, in load order.
func (b *Base) newestFirst() []BriefInfo {
	out := slices.Clone(b.briefs)
	slices.SortStableFunc(out, func(x, y BriefInfo) int {
		switch {
		case x.Date == y.Date:
			return 0
		case x.Date == "":
			return 1
		case y.Date == "":
			return -1
		}
		return -cmp.Compare(x.Date, y.Date)
	})
	return out
}

// subject makes a title the subject of a question: "Water summit" reads
// "the water summit", but a name keeps its capital ("the Pakistan EU
// dialogue").
func (b *Base) subject(title string) string {
	first, _, _ := strings.Cut(title, " ")
	lower := strings.ToLower(first)
	if first == "" || lower == first || b.lang.Wn.IsPlace(lower) || !english.Known(lower) {
		return title
	}
	return lower + title[len(first):]
}
