package main

import (
	"hash/fnv"
	"runtime"
	"sync"

	"github.com/briefbot/briefbot/facts"

	"github.com/briefbot/briefbot/facts/model"
)

// folds is how many parts cross-validation splits the training questions
// into, by document. More folds fit each held-out ranker on more data (its
// scores then resemble the final ranker's more closely) at the cost of fit
// time.
const folds = 5

// fold is the part a document falls in: a hash of source and document, so
// the split does not depend on the order of the files.
func fold(q question) int {
	h := fnv.New32a()
	h.Write([]byte(foldSource(q.source)))
	h.Write([]byte{0})
	h.Write([]byte(q.doc))
	return int(h.Sum32() % folds)
}

// byFold splits questions into their folds, keeping their order.
func byFold(qs []question) [][]question {
	out := make([][]question, folds)
	for _, q := range qs {
		out[fold(q)] = append(out[fold(q)], q)
	}
	return out
}

// crossFold calls heldOut for each fold with the questions of the other
// folds and of that fold, in parallel, and joins the results in fold
// order, so the outcome does not depend on scheduling.
func crossFold[T any](qs []question, heldOut func(rest, part []question) []T) []T {
	parts := byFold(qs)
	res := make([][]T, folds)
	parallel(folds, func(k int) {
		var rest []question
		for j, part := range parts {
			if j != k {
				rest = append(rest, part...)
			}
		}
		res[k] = heldOut(rest, parts[k])
	})
	var out []T
	for _, r := range res {
		out = append(out, r...)
	}
	return out
}

// parallel runs f(0) … f(n-1) on as many goroutines as there are CPUs.
func parallel(n int, f func(i int)) {
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			f(i)
		}()
	}
	wg.Wait()
}

// oofRow is what the fact and span rankers fitted on the other folds make
// of one training question.
type oofRow struct {
	o    outcome
	span *spanOutcome // nil without gold short answers
}

// outOfFold ranks every training question, and its answering fact's
// spans, with rankers fitted on the other folds only, so the outcomes are
// what the shipped model does on documents it has not seen. The
// confidences and thresholds are fitted on these, never on the dev
// splits.
func outOfFold(qs []question, set settings) []oofRow {
	set.ensemble = 1 // one start per fold: the folds average out starts already
	return crossFold(qs, func(rest, part []question) []oofRow {
		m := &model.Model{Rank: fitRanker(rest, set), SpanFeatures: facts.SpanFeatureNames(), Span: fitSpan(rest, set)}
		part = ranked(part)
		os := outcomes(m, part)
		out := make([]oofRow, len(part))
		for i, q := range part {
			out[i] = oofRow{o: os[i], span: spanOutcomeOf(m.Span, q)}
		}
		return out
	})
}
