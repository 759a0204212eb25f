package facts

import (
	"strings"

	"github.com/sahilm/fuzzy"

	"github.com/briefbot/briefbot/facts/internal/prose"
)

// highlights returns the spans of fact words matched by the question.
func (b *Base) highlights(qy *query, di int) []Span {
	// Offsets are not stored per word (it would double the index); the
	// fact is tokenized again, which costs microseconds for three facts.
	text := b.facts[di].Text
	var out []Span
	qy.toks = prose.TokenizeInto(qy.toks[:0], text)
	for _, t := range qy.toks {
		if t.Compound {
			continue
		}
		id, ok := b.idx.surface[t.Lower]
		if !ok || len(qy.wordsMatching()[id]) == 0 {
			continue
		}
		s := Span{Start: t.Start, End: t.End}
		if n := len(out); n > 0 && strings.TrimSpace(text[out[n-1].End:s.Start]) == "" {
			out[n-1].End = s.End // adjacent words form one highlight
			continue
		}
		out = append(out, s)
	}
	return out
}

// suggest offers up to three topics to ask about instead: names that the
// question's unmatched words spell approximately (found with sahilm/fuzzy's
// in-order matching), then names from the closest facts, then the brief's
// main topics.
func (b *Base) suggest(qy *query, near []cand) []string {
	out := []string{}
	seen := make(map[string]bool)
	push := func(s string) {
		ls := strings.ToLower(s)
		if len(out) >= maxSuggestions || seen[ls] || qy.qkeys[b.lang.Key(ls)] {
			return
		}
		seen[ls] = true
		out = append(out, s)
	}
	for _, qt := range qy.terms {
		if len(qt.exps) > 0 || len(qt.word) < 4 {
			continue
		}
		for _, m := range fuzzy.Find(qt.word, b.topics) {
			// Only a near-contiguous match is a misspelt name; letters
			// scattered across a long topic are chance.
			span := m.MatchedIndexes[len(m.MatchedIndexes)-1] - m.MatchedIndexes[0] + 1
			if m.Score > 0 && span <= len(qt.word)+2 {
				push(m.Str)
			}
			break
		}
	}
	for _, c := range near {
		if c.cover() == 0 {
			continue
		}
		for ei, e := range b.facts[c.doc].Entities {
			switch e.Kind {
			case Person, Org, Place, Misc:
				if named(qy, e.Kind, b.docs[c.doc].entity(ei)) {
					continue
				}
				if e.Kind == Person && !strings.Contains(e.Text, " ") {
					push(b.fullName(b.facts[c.doc].Citation.Brief, e.Text))
					continue
				}
				push(e.Text)
			}
		}
	}
	for _, t := range b.topics {
		push(t)
	}
	return out
}
