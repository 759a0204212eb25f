package facts

import (
	"math"
	"strings"
)

// short picks the short answer from the answering fact: the entity of the
// wanted kind that stands closest to what the question matched, within the
// same item of a coordinated list.
func (m *matcher) short(di int) (string, Kind) {
	if len(m.qy.kinds) == 0 && !m.qy.headActive {
		return "", 0
	}
	f, d := &m.facts[di], &m.docs[di]
	type hit struct {
		pos int
		w   float64
	}
	var hits []hit
	for _, t := range d.toks {
		for _, qt := range m.qy.terms {
			for _, e := range qt.exps {
				if e.term == t.term {
					hits = append(hits, hit{int(t.pos), float64(qt.weight * e.s)})
				}
			}
		}
	}
	item := func(pos int) int { return itemOf(d.items, pos) }
	// Words before the first candidate are shared by every list item
	// ("Delegations were led by A …, and B …").
	first := -1
	for ei, e := range f.Entities {
		if m.wantedEntity(di, ei) >= 0 {
			first = e.First
			break
		}
	}
	best, bestScore, bestKind, bestRank := "", math.Inf(-1), Kind(0), math.MaxInt
	bestAt := -1
	for ei, e := range f.Entities {
		rank := m.wantedEntity(di, ei)
		if rank < 0 {
			continue
		}
		score := 0.0
		for _, h := range hits {
			if h.pos >= e.First && h.pos <= e.Last {
				continue
			}
			if h.pos >= first && item(h.pos) == item(e.First) && len(d.items) > 0 {
				score += h.w
			}
			dist := h.pos - e.Last
			if h.pos < e.First {
				dist = e.First - h.pos
			}
			near := 1 / float64(1+dist)
			if e.Kind == Title {
				// Titles stand in apposition ("EU Special Representative
				// for Human Rights, Ambassador Olof Skoog"): any one near
				// the name fits, and the fuller one says more.
				near = min(1, 4/float64(1+dist))
			}
			score += h.w * 0.5 * near
		}
		if e.Kind == Title {
			score += 0.05 * float64(e.Last-e.First)
		}
		if e.Kind == Place {
			before := strings.ToLower(strings.TrimRight(f.Text[:e.Span.Start], " "))
			if strings.HasSuffix(before, " in") || strings.HasSuffix(before, " at") {
				score += 0.3
			}
		}
		score += 0.01 * float64(e.Last-e.First)
		// A first-choice kind beats a second choice however near the
		// second stands: "how much revenue" wants "€842 million", not the
		// nearer "14%".
		if rank < bestRank || rank == bestRank && score > bestScore {
			best, bestScore, bestKind, bestRank = e.Text, score, e.Kind, rank
			bestAt = ei
		}
	}
	if m.qy.plural && bestAt >= 0 && (bestKind == Person || bestKind == Org || bestKind == Place || bestKind == Misc) {
		best = listFrom(f, bestAt)
	}
	if bestKind == Person && !strings.Contains(best, " ") {
		best = m.fullName(f.Citation.Brief, best)
	}
	return best, bestKind
}

// fullName expands a surname ("Skoog") to the fullest name the same brief
// gives that person ("Olof Skoog").
func (b *Base) fullName(brief, surname string) string {
	best := surname
	r := b.spans[brief]
	for i := r[0]; i < r[1]; i++ {
		f := &b.facts[i]
		for _, e := range f.Entities {
			if e.Kind == Person && strings.HasSuffix(e.Text, " "+surname) && len(e.Text) > len(best) {
				best = e.Text
			}
		}
	}
	return best
}

// listFrom returns entity i of fact f with the entities of its kind
// coordinated after it ("Greg Tanaka and Louise Ferreira", "China, India
// and Japan"), for a question that asks for several.
func listFrom(f *Fact, i int) string {
	ents := f.Entities
	end := ents[i].Span.End
	for j := i + 1; j < len(ents); j++ {
		e := ents[j]
		if e.Span.Start < end {
			continue // nested in the list so far
		}
		for k := j + 1; e.Kind != ents[i].Kind && k < len(ents) && ents[k].Span.Start == e.Span.Start; k++ {
			e, j = ents[k], k // "Brazil's Congress" rather than the "Brazil" in it
		}
		sep := strings.TrimSuffix(strings.TrimSpace(f.Text[end:e.Span.Start]), " the")
		if sep == "the" {
			sep = ""
		}
		if e.Kind != ents[i].Kind || (sep != "," && sep != "and" && sep != ", and" && sep != "or") {
			break
		}
		end = e.Span.End
	}
	return f.Text[ents[i].Span.Start:end]
}
