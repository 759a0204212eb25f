// Package model holds the fitted weights that turn a candidate fact's
// features into a ranking score, and the top candidate's into a
// confidence, and the arithmetic both use.
//
// The weights are not set by hand. `go run ./facts/model/fit` computes the
// features of every candidate of every question in its training sets with
// the matcher itself, fits the ranker (a linear model trained listwise:
// softmax over each question's candidates) and then the confidence (a
// logistic regression on the top candidate, so that it is a probability
// that the cited fact answers), picks the answer threshold on the dev
// splits, and writes weights.json. That file names the data it was fitted
// on and the licences of that data.
package model

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
)

//go:embed weights.json
var weightsJSON []byte

// Model is a fitted ranker and confidence model. It is read-only once
// loaded and safe for concurrent use.
type Model struct {
	// Features names the ranker's features in the order Rank weighs them;
	// a model whose names differ from the matcher's is refused at load, so
	// stale weights cannot silently score the wrong features.
	Features []string `json:"features"`
	// Rank scores a candidate from its features.
	Rank Net `json:"rank"`
	// Conf maps ConfFeatures of the top candidate to the log-odds that it
	// answers.
	Conf Net `json:"conf"`
	// Threshold is the confidence an answer needs; below it the reply is
	// that the brief does not say. Chosen on the dev splits (see the fit
	// command): raising it trades answered questions for fewer wrong ones.
	Threshold float64 `json:"threshold"`
	// Trained records the data and licences the weights come from.
	Trained []string `json:"trained"`
	// Scores records what the fit reached on its train and dev splits.
	Scores map[string]string `json:"scores,omitempty"`
}

// ConfNames names the confidence model's features, in order.
func ConfNames() []string {
	return []string{"top", "margin", "softmax", "single"}
}

// Load parses the embedded weights.
func Load() (*Model, error) { return Parse(weightsJSON) }

// Parse reads a weights file and checks that its sizes agree.
func Parse(data []byte) (*Model, error) {
	var m Model
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("parse model weights: %w", err)
	}
	if !m.Rank.valid(len(m.Features)) {
		return nil, fmt.Errorf("model weights: the ranker does not fit %d features or is not finite", len(m.Features))
	}
	if !m.Conf.valid(len(ConfNames()) + len(m.Features)) {
		return nil, fmt.Errorf("model weights: the confidence model does not fit %d features or is not finite",
			len(ConfNames())+len(m.Features))
	}
	if math.IsNaN(m.Threshold) || m.Threshold < 0 || m.Threshold > 1 {
		return nil, fmt.Errorf("model weights: threshold %v is not in [0, 1]", m.Threshold)
	}
	return &m, nil
}

// Check reports an error unless the model weighs exactly the named
// features, in that order.
func (m *Model) Check(features []string) error {
	if !slices.Equal(m.Features, features) {
		return fmt.Errorf("model weights were fitted for features %v, the matcher computes %v: rerun go run ./facts/model/fit", m.Features, features)
	}
	return nil
}

// Score is the ranking score of one candidate.
func (m *Model) Score(f []float64) float64 { return m.Rank.Eval(f) }

// Dot is the dot product of weights and features, up to the shorter.
func Dot(w, f []float64) float64 {
	s := 0.0
	for i := range min(len(w), len(f)) {
		s += w[i] * f[i]
	}
	return s
}

// ConfFeatures describes how clearly the top candidate wins, followed by
// its own ranker features. scores are the ranking scores of all
// candidates, best first; top is the best one's features.
func ConfFeatures(scores []float64, top []float64) []float64 {
	s1, margin, p1, single := 0.0, 0.0, 1.0, 1.0
	if len(scores) > 0 {
		s1 = scores[0]
	}
	if len(scores) > 1 {
		single = 0
		margin = scores[0] - scores[1]
		sum := 0.0
		for _, s := range scores {
			sum += math.Exp(s - s1)
		}
		p1 = 1 / sum
	}
	out := make([]float64, 0, 4+len(top))
	out = append(out, s1, margin, p1, single)
	return append(out, top...)
}

// Confidence is the probability that the top candidate answers, from its
// ConfFeatures.
func (m *Model) Confidence(cf []float64) float64 { return Sigmoid(m.Conf.Eval(cf)) }

// Sigmoid is the logistic function, safe at any input.
func Sigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}
