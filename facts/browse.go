package facts

import (
	"fmt"
	"sort"
	"strings"

	"github.com/briefbot/briefbot/facts/english"
	"github.com/sahilm/fuzzy"
)

// MaxCompletion is the longest completion Complete returns: Discord's limit
// for an autocomplete choice.
const MaxCompletion = 100

// Search returns up to n facts about a topic or question, best first, with
// the same matching as Ask but without deciding whether they answer: it is
// for browsing ("/facts GSP+"). An empty or unreadable query finds nothing.
func (b *Base) Search(topic string, n int) []Result {
	var out []Result
	if n <= 0 {
		return nil
	}
	b.withQuestion(topic, func(_ string, _ Problem, qy *query, sc *scratch) {
		if qy == nil || len(qy.terms) == 0 {
			return
		}
		for _, c := range b.rank(qy, sc, n) {
			if c.cover() > 0 {
				out = append(out, Result{Fact: b.facts[c.doc].clone(), Confidence: round3(c.cover()),
					Highlights: b.highlights(qy, c.doc)})
			}
		}
	})
	return out
}

// Complete offers up to n questions and topics the facts can answer that
// match what a user has typed so far, for autocompletion. Matching is
// sahilm/fuzzy's in-order character matching, which is made for exactly
// this: "skoog" finds "Who is Olof Skoog?", "gsp rev" finds the GSP+
// review. With nothing typed it offers the most prominent ones. Every
// completion is at most MaxCompletion bytes.
func (b *Base) Complete(typed string, n int) []string {
	b.completionsOnce.Do(b.buildCompletions)
	typed = strings.TrimSpace(clean(typed))
	if n <= 0 {
		return nil
	}
	if typed == "" {
		return append([]string(nil), b.completions[:min(n, len(b.completions))]...)
	}
	if len(typed) > MaxCompletion {
		typed = typed[:MaxCompletion]
	}
	// Whole words first, in any order, each a prefix of a word of the
	// completion or one edit from it ("where was", "dialog", "who won");
	// then sahilm/fuzzy's in-order letters ("gsp rev").
	var out []string
	seen := make(map[string]bool)
	for _, c := range b.wordMatches(typed, n) {
		seen[c] = true
		out = append(out, c)
	}
	for _, m := range fuzzy.Find(typed, b.completions) {
		if len(out) == n {
			break
		}
		if !seen[m.Str] {
			out = append(out, m.Str)
		}
	}
	return out
}

// subject makes a title the subject of a question: "Water summit" reads
// "the water summit", but a name keeps its capital ("the Pakistan EU
// dialogue").
func (b *Base) subject(title string) string {
	first, _, _ := strings.Cut(title, " ")
	lower := strings.ToLower(first)
	if first == "" || lower == first || b.lang.wn.IsPlace(lower) || !english.Known(lower) {
		return title
	}
	return lower + title[len(first):]
}

// wordMatches ranks the completions holding every typed word, as a prefix
// of one of their words or one edit from it, fewer edits and earlier
// completions first.
func (b *Base) wordMatches(typed string, n int) []string {
	words := strings.Fields(strings.ToLower(typed))
	if len(words) == 0 {
		return nil
	}
	type hit struct {
		i, cost int
	}
	var hits []hit
	for i, c := range b.completions {
		cw := strings.FieldsFunc(strings.ToLower(c), func(r rune) bool { return !isWordRune(r) })
		cost, ok := 0, true
		for j, w := range words {
			best := 3
			for _, x := range cw {
				switch {
				case x == w:
					best = 0
				case strings.HasPrefix(x, w) && j == len(words)-1:
					best = min(best, 0) // the word being typed
				case len(w) >= 4 && osaDistance(w, x, 1) == 1, len(w) >= 4 && len(x) > len(w) && osaDistance(w, x[:len(w)], 1) == 1:
					best = min(best, 1)
				}
			}
			if best > 1 {
				ok = false
				break
			}
			cost += best
		}
		if ok {
			hits = append(hits, hit{i, cost})
		}
	}
	sort.SliceStable(hits, func(a, c int) bool { return hits[a].cost < hits[c].cost })
	out := make([]string, 0, min(n, len(hits)))
	for _, h := range hits[:min(n, len(hits))] {
		out = append(out, b.completions[h.i])
	}
	return out
}

// completionTemplate is the question form offered for a topic of kind k;
// only the questions the base then answers are kept.
func completionTemplate(k Kind) string {
	switch k {
	case Person:
		return "Who is %s?"
	case Title:
		return "Who is the %s?"
	case Org, Misc:
		return "What is the %s?"
	case Place:
		return "What happened in %s?"
	case Date:
		return "What happened on %s?"
	}
	return ""
}

// buildCompletions makes the autocomplete list once, on first use: for the
// base's prominent topics, a question about each that the base itself
// answers, then the topics themselves.
func (b *Base) buildCompletions() {
	seen := make(map[string]bool)
	var questions, topics []string
	add := func(list *[]string, s string) {
		if len(s) > MaxCompletion || seen[strings.ToLower(s)] {
			return
		}
		seen[strings.ToLower(s)] = true
		*list = append(*list, s)
	}
	kinds := b.topicKinds()
	for _, t := range b.topics {
		tmpl := completionTemplate(kinds[t])
		if tmpl == "" || kinds[t] == Person && b.surnameOnly(t, kinds) {
			continue
		}
		if strings.Contains(t, "'s ") || strings.Contains(t, "’s ") {
			tmpl = strings.Replace(tmpl, "the %s", "%s", 1) // "Pakistan’s Ministry …"
		}
		q := strings.Replace(tmpl, "%s", t, 1)
		if a := b.Ask(q); a.Answered {
			add(&questions, q)
		}
		add(&topics, t)
	}
	// Questions about each brief's subject, its title: when, where, who.
	for _, bi := range b.briefs {
		for _, tmpl := range []string{"When was the %s?", "Where was the %s?", "Who took part in the %s?"} {
			q := fmt.Sprintf(tmpl, b.subject(bi.Title))
			if a := b.AskIn(bi.Name, q); a.Answered && a.Short != "" {
				add(&questions, q)
			}
		}
	}
	b.completions = append(questions, topics...)
}

// surnameOnly reports whether t is a one-word name that a fuller person
// topic ends with ("Skoog" beside "Olof Skoog").
func (b *Base) surnameOnly(t string, kinds map[string]Kind) bool {
	if strings.Contains(t, " ") {
		return false
	}
	for _, o := range b.topics {
		if kinds[o] == Person && strings.HasSuffix(o, " "+t) {
			return true
		}
	}
	return false
}

// topicKinds maps each topic to the kind it was tagged with most often.
func (b *Base) topicKinds() map[string]Kind {
	want := make(map[string]bool, len(b.topics))
	for _, t := range b.topics {
		want[t] = true
	}
	counts := make(map[string]map[Kind]int)
	for i := range b.facts {
		for _, e := range b.facts[i].Entities {
			if !want[e.Text] {
				continue
			}
			if counts[e.Text] == nil {
				counts[e.Text] = make(map[Kind]int)
			}
			counts[e.Text][e.Kind]++
		}
	}
	out := make(map[string]Kind, len(counts))
	for t, c := range counts {
		best, bestN := Kind(0), 0
		for k := Person; k <= Group; k++ {
			if c[k] > bestN {
				best, bestN = k, c[k]
			}
		}
		out[t] = best
	}
	return out
}
