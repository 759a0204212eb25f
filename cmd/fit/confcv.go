package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"

	"github.com/briefbot/briefbot/facts/model"
)

// confChoice is one size of the confidence model: its hidden units and
// the penalty on their weights.
type confChoice struct {
	hidden int
	l2     float64
}

// confChoices are the confidence model's sizes -conf-cv compares,
// simplest first: hidden units let it weigh evidence by the kind of
// question (how much a shared word counts for "when" against "why"), but
// each costs rows it might otherwise learn from, and a weaker penalty lets
// them follow the training sources more closely. The first is the linear
// model, which the fit uses unless told otherwise (-conf-hidden): 8 units
// at 0.001 reached a higher objective out of fold, but made the sentence
// confidences sharper, so that more bold answers cleared their threshold,
// some of them wrong; a larger confidence model waits for the bold
// threshold to be chosen with it.
var confChoices = []confChoice{
	{0, 0},
	{4, 0.01}, {8, 0.01},
	{4, 0.001}, {8, 0.001}, {16, 0.001},
}

// compareConf prints, for each of confChoices, the objective its
// cross-fitted confidences reach at their best threshold (a model fitted
// on the other folds gives each fold's confidences), and the best of them
// (the simpler of equals).
func compareConf(w io.Writer, os []outcome, signs []int, set settings) {
	var best confChoice
	bestV := math.Inf(-1)
	for _, c := range confChoices {
		_, t, v, se := chooseThreshold(os, crossConfidence(os, signs, c, set))
		fmt.Fprintf(w, "confidence with %d hidden units at penalty %g: objective %.4f ± %.4f at %.2f, cross-fitted\n",
			c.hidden, c.l2, v, se, t)
		if v > bestV {
			best, bestV = c, v
		}
	}
	fmt.Fprintf(w, "best: %d hidden units at penalty %g\n", best.hidden, best.l2)
}

// crossConfidence is each outcome's confidence from a model of size c
// fitted on the outcomes of the other folds; 0 where the outcome has no
// candidate.
func crossConfidence(os []outcome, signs []int, c confChoice, set settings) []float64 {
	p := make([]float64, len(os))
	parallel(folds, func(k int) {
		var rest []outcome
		for _, o := range os {
			if o.fold != k {
				rest = append(rest, o)
			}
		}
		m := &model.Model{Conf: fitConfidence(rest, signs, c, set)}
		for i, o := range os {
			if o.fold == k && o.conf != nil {
				p[i] = m.Confidence(o.conf)
			}
		}
	})
	return p
}

// cachedOutcome is an outcome as -oof-out writes it and -conf-cv reads
// it: what fitting the confidence needs, so that its sizes can be tried
// in a minute rather than after the half hour the rankers take.
type cachedOutcome struct {
	Conf       []float64 `json:"conf"`
	Right      bool      `json:"right"`
	Answerable bool      `json:"answerable"`
	Source     string    `json:"source"`
	Fold       int       `json:"fold"`
}

// writeOutcomes writes the outcomes one JSON object a line.
func writeOutcomes(w io.Writer, os []outcome) error {
	enc := json.NewEncoder(w)
	for _, o := range os {
		if err := enc.Encode(cachedOutcome{o.conf, o.right, o.answerable, o.source, o.fold}); err != nil {
			return fmt.Errorf("write outcome: %w", err)
		}
	}
	return nil
}

// readOutcomes reads what writeOutcomes wrote.
func readOutcomes(r io.Reader) ([]outcome, error) {
	var out []outcome
	dec := json.NewDecoder(r)
	for dec.More() {
		var c cachedOutcome
		if err := dec.Decode(&c); err != nil {
			return nil, fmt.Errorf("read outcome %d: %w", len(out)+1, err)
		}
		if c.Fold < 0 || c.Fold >= folds {
			return nil, fmt.Errorf("read outcome %d: fold %d is not one of %d", len(out)+1, c.Fold, folds)
		}
		out = append(out, outcome{conf: c.Conf, right: c.Right, answerable: c.Answerable, source: c.Source, fold: c.Fold})
	}
	return out, nil
}
