package facts

import (
	"container/heap"
	"math"
	"slices"
	"sort"
)

// Candidate gathering. Every fact of a small base is scored, so these only
// matter for bases of many briefs, where they trade time for reach.
const (
	// allFactsBelow is the base size up to which every fact is a candidate;
	// above it BM25 over the question's expanded words gathers them.
	allFactsBelow = 256
	// maxCandidates is how many BM25 candidates are scored on a large base.
	// With the corpus's 108 briefs loaded, the right fact of 839 of its 979
	// answerable train questions is among the 40 best by BM25, of 869
	// among 64 and of 889 among 100; BenchmarkAsk2000's median grows by
	// about 7% from 40 to 64.
	maxCandidates = 64
	// leadBriefs is how many of the best BM25 candidates bring their
	// brief's first sentence along: a lead answers "what is X" questions
	// in words of its own.
	leadBriefs = 3
	// wholeBriefFacts is the most facts the best BM25 candidate's brief
	// may have for all of them to be scored: a question whose names pick
	// the brief may ask about the rest in words those sentences do not
	// use. More finds more paraphrases and scores more facts.
	wholeBriefFacts = 64
)

type cand struct {
	doc   int
	bm25  float32
	feat  []float64
	score float64
	match []float32 // strength per query term
}

func (c *cand) cover() float64 { return c.feat[fCover] }

// gather collects candidate facts: all of a small base, else the best by
// BM25 over every expansion of the question's words plus the leads of
// their briefs.
func (m *matcher) gather() []cand {
	ix := m.idx
	acc := m.sc.acc
	touched := m.sc.docs[:0]
	defer func() { m.sc.docs = touched[:0] }()
	// On a large base, terms in more than a twentieth of all facts only add
	// noise and time to gathering, so they are left to scoring when rarer
	// terms exist.
	common := max(1000, len(m.docs)/20)
	rare := false
	for _, qt := range m.qy.terms {
		for _, e := range qt.exps {
			if len(ix.postings[e.term]) <= common {
				rare = true
			}
		}
	}
	for _, qt := range m.qy.terms {
		for _, e := range qt.exps {
			if rare && len(ix.postings[e.term]) > common {
				continue
			}
			w := ix.idf[e.term] * e.s
			for _, p := range ix.postings[e.term] {
				if !m.qy.within(int(p.doc)) {
					continue
				}
				d := &m.docs[p.doc]
				tf := float32(p.tf)
				norm := tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*float32(d.length)/ix.avgLen))
				if acc[p.doc] == 0 {
					touched = append(touched, int(p.doc))
				}
				acc[p.doc] += w * norm
			}
		}
	}
	lo, hi := 0, len(m.docs)
	if m.qy.only != nil {
		lo, hi = m.qy.only[0], m.qy.only[1]
	}
	// The candidates are carved from the scratch space, reused by the next
	// gathering: a caller keeps what it needs of them (rank, the results)
	// before it gathers again.
	if hi-lo <= allFactsBelow {
		cands := slices.Grow(m.sc.cands[:0], hi-lo)
		for d := lo; d < hi; d++ {
			cands = append(cands, cand{doc: d, bm25: acc[d]})
		}
		for _, d := range touched {
			acc[d] = 0
		}
		m.sc.cands = cands[:0]
		return cands
	}
	// The best maxCandidates, worst on top of the heap; filled before it
	// is ordered, so no candidate is boxed to be pushed.
	h := candHeap(m.sc.cands[:0])
	for _, d := range touched {
		c := cand{doc: d, bm25: acc[d]}
		switch {
		case len(h) < maxCandidates:
			h = append(h, c)
			if len(h) == maxCandidates {
				heap.Init(&h)
			}
		case better(c, h[0]):
			h[0] = c
			heap.Fix(&h, 0)
		}
	}
	cands := []cand(h)
	sort.Slice(cands, func(i, j int) bool { return better(cands[i], cands[j]) })
	if m.sc.have == nil {
		m.sc.have = make(map[int]bool, 2*maxCandidates)
	}
	have := m.sc.have
	clear(have)
	for _, c := range cands {
		have[c.doc] = true
	}
	for _, c := range cands[:min(leadBriefs, len(cands))] {
		lead := m.spans[m.facts[c.doc].Citation.Brief][0]
		if !have[lead] {
			have[lead] = true
			cands = append(cands, cand{doc: lead, bm25: acc[lead]})
		}
	}
	if len(cands) > 0 {
		r := m.spans[m.facts[cands[0].doc].Citation.Brief]
		if r[1]-r[0] <= wholeBriefFacts {
			for d := r[0]; d < r[1]; d++ {
				if !have[d] {
					have[d] = true
					cands = append(cands, cand{doc: d, bm25: acc[d]})
				}
			}
		}
	}
	for _, d := range touched {
		acc[d] = 0
	}
	m.sc.cands = cands[:0]
	return cands
}

// rank scores every candidate with the fitted model and returns them best
// first, one per group of near-duplicates, at most limit.
func (m *matcher) rank(limit int) []cand {
	cands := m.gather()
	if len(cands) == 0 {
		return nil
	}
	var maxBM float32
	for _, c := range cands {
		maxBM = max(maxBM, c.bm25)
	}
	for i := range cands {
		m.features(&cands[i], maxBM)
		cands[i].score = m.know.model.Score(cands[i].feat)
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return cands[i].doc < cands[j].doc
	})
	var results []cand
	groups := make(map[int32]bool)
	for _, c := range cands {
		g := m.docs[c.doc].canon
		if groups[g] {
			continue
		}
		groups[g] = true
		results = append(results, m.fuller(c, maxBM))
		if len(results) == limit {
			break
		}
	}
	// The scores of all candidates say how clearly the top one wins.
	scores := m.sc.scores[:0]
	for _, c := range cands {
		scores = append(scores, c.score)
	}
	m.sc.scores = scores
	m.sc.best = cands[0]
	return results
}

// fuller lets a restatement (the opening summary) give way to the most
// informative fact of its group when that one covers the question as well,
// so answers cite the fuller sentence.
func (m *matcher) fuller(c cand, maxBM float32) cand {
	canon := int(m.docs[c.doc].canon)
	if canon == c.doc || canon < 0 {
		return c
	}
	cc := cand{doc: canon}
	m.features(&cc, maxBM)
	if cc.cover() >= c.cover()-canonicalSlack {
		cc.score = c.score
		return cc
	}
	return c
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

func better(a, b cand) bool {
	if a.bm25 != b.bm25 {
		return a.bm25 > b.bm25
	}
	return a.doc < b.doc
}

// candHeap keeps the best candidates seen so far, worst on top, for
// container/heap.
type candHeap []cand

func (h candHeap) Len() int           { return len(h) }
func (h candHeap) Less(i, j int) bool { return better(h[j], h[i]) }
func (h candHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *candHeap) Push(x any)        { *h = append(*h, x.(cand)) }
func (h *candHeap) Pop() any          { old := *h; x := old[len(old)-1]; *h = old[:len(old)-1]; return x }

// Candidate is a fact the matcher considers for a question, with the
// features the ranker weighs. The fit command learns the weights from
// these; answering never needs them.
type Candidate struct {
	Fact     Fact
	Features []float64
}

// Candidates returns every fact the matcher would score for the question,
// with its features, in fact order. A question that cannot be asked gives
// none.
func (b *Base) Candidates(question string) []Candidate {
	var out []Candidate
	b.withQuestion(question, func(_ string, _ Problem, m *matcher) {
		if m == nil || len(m.qy.terms) == 0 {
			return
		}
		cands := m.gather()
		var maxBM float32
		for _, c := range cands {
			maxBM = max(maxBM, c.bm25)
		}
		sort.Slice(cands, func(i, j int) bool { return cands[i].doc < cands[j].doc })
		for i := range cands {
			m.features(&cands[i], maxBM)
			// The scratch space is the next question's: the features are copied out.
			out = append(out, Candidate{Fact: b.facts[cands[i].doc].clone(), Features: slices.Clone(cands[i].feat)})
		}
	})
	return out
}
