package facts

import (
	"strings"

	"github.com/sahilm/fuzzy"

	"github.com/briefbot/briefbot/facts/internal/prose"
)

// highlights returns the spans of fact words matched by the question.
func (m *matcher) highlights(di int) []Span {
	// Offsets are not stored per word (it would double the index); the
	// fact is tokenized again, which costs microseconds for three facts.
	text := m.facts[di].Text
	var out []Span
	m.qy.toks = prose.TokenizeInto(m.qy.toks[:0], text)
	for _, t := range m.qy.toks {
		if t.Compound {
			continue
		}
		id, ok := m.idx.surface[t.Lower]
		if !ok || len(m.qy.wordsMatching()[id]) == 0 {
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
func (m *matcher) suggest(near []cand) []string {
	out := []string{}
	seen := make(map[string]bool)
	push := func(s string) {
		ls := strings.ToLower(s)
		if len(out) >= maxSuggestions || seen[ls] || m.qy.qkeys[m.lang.Key(ls)] {
			return
		}
		seen[ls] = true
		out = append(out, s)
	}
	for _, qt := range m.qy.terms {
		if len(qt.exps) > 0 || len(qt.word) < 4 {
			continue
		}
		for _, fm := range fuzzy.Find(qt.word, m.topics) {
			// Only a near-contiguous match is a misspelt name; letters
			// scattered across a long topic are chance.
			span := fm.MatchedIndexes[len(fm.MatchedIndexes)-1] - fm.MatchedIndexes[0] + 1
			if fm.Score > 0 && span <= len(qt.word)+2 {
				push(fm.Str)
			}
			break
		}
	}
	for _, c := range near {
		if c.cover() == 0 {
			continue
		}
		for ei, e := range m.facts[c.doc].Entities {
			switch e.Kind {
			case Person, Org, Place, Misc:
				if named(m.qy, e.Kind, m.docs[c.doc].entity(ei)) {
					continue
				}
				if e.Kind == Person && !strings.Contains(e.Text, " ") {
					push(m.fullName(m.facts[c.doc].Citation.Brief, e.Text))
					continue
				}
				push(e.Text)
			}
		}
	}
	for _, t := range m.topics {
		push(t)
	}
	return out
}
