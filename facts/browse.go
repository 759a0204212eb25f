package facts

import (
	"strings"

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
	var out []string
	for _, m := range fuzzy.Find(typed, b.completions) {
		out = append(out, m.Str)
		if len(out) == n {
			break
		}
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
