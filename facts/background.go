package facts

import "github.com/briefbot/briefbot/facts/internal/prose"

// A sentence that measures the story against an earlier event shares the
// story's words in the clause that tells the earlier one ("the deadliest
// storm since a tornado killed 11 people there in May 1999"): "how many
// died in the tornado" matches it as well as the sentence with today's
// toll. The ranker and the span model are told where the question's
// words and the phrase stand against that clause (see
// Language.Background), unless the question asks about an earlier time.

// asksPast reports whether a question asks about an earlier time or
// event: a year, a relative time phrase or an earlier-value cue (see
// questionTime), or the words that ask for a record or a last time.
func asksPast(at askedTime, toks []prose.Token) bool {
	if len(at.years) > 0 || (at.rel|at.cue)&prose.YearPast != 0 {
		return true
	}
	for _, t := range toks {
		switch t.Lower {
		case "last", "since", "ever", "record", "history", "past":
			return true
		}
	}
	return false
}

// background is the share of the fact's words that the question matched
// which stand in its clause telling an earlier event, 0 when it has none
// or the question asks about the past.
func (m *matcher) background(c *cand, d *doc) float64 {
	if m.qy.past || d.back[1] <= d.back[0] {
		return 0
	}
	matching := m.qy.wordsMatching()
	in, all := 0, 0
	for _, t := range d.toks {
		for _, i := range matching[t.term] {
			if c.match[i] != 0 {
				all++
				if t.pos >= d.back[0] && t.pos < d.back[1] {
					in++
				}
				break
			}
		}
	}
	if all == 0 {
		return 0
	}
	return float64(in) / float64(all)
}
