// Package model holds the fitted weights that turn a candidate fact's
// features into a ranking score, and the top candidate's into a
// confidence, and the arithmetic both use.
//
// The weights are not set by hand. `go run ./cmd/fit` computes the
// features of every candidate of every question in its training sets with
// the matcher itself, fits the ranker (a small net trained listwise:
// softmax over each question's candidates) and then the confidence (a
// logistic model of the top candidate, so that it is a probability that
// the cited fact answers), picks the answer threshold by cross-validation on
// the training data, and writes weights.json. That file names the data it
// was fitted on and the licences of that data.
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
	// SpanFeatures names the span model's features; see Span.
	SpanFeatures []string `json:"span_features"`
	// Span scores a candidate short answer (a phrase of the answering
	// sentence) from its features; the best scoring one is the short
	// answer.
	Span Net `json:"span"`
	// SpanConf maps SpanConfFeatures of the best span to the log-odds
	// that it is the right short answer, given that the sentence answers.
	SpanConf Net `json:"span_conf"`
	// SpanThreshold is the probability that the whole reply is right
	// (the sentence's confidence times the short answer's) that a short
	// answer needs to be shown in bold; below it the reply quotes the
	// sentence alone. Raising it trades short answers shown for fewer
	// wrong ones. See Bold.
	SpanThreshold float64 `json:"span_threshold"`
	// Trained records the data and licences the weights come from.
	Trained []string `json:"trained"`
	// Scores records what the fit reached on its train and dev splits.
	Scores map[string]string `json:"scores,omitempty"`
}

// ConfNames names the confidence model's features, in order, before the
// top candidate's own ranker features: how clearly the top fact wins, and
// how clearly the best phrase of it wins as the short answer (a sentence
// that shares the question's words but offers nothing of the kind asked
// for is a near miss).
func ConfNames() []string {
	return []string{"top", "margin", "softmax", "single", "span_top", "span_margin", "span_softmax"}
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
	if len(m.SpanFeatures) > 0 {
		if !m.Span.valid(len(m.SpanFeatures)) {
			return nil, fmt.Errorf("model weights: the span model does not fit %d features or is not finite", len(m.SpanFeatures))
		}
		if !m.SpanConf.valid(len(SpanConfNames()) + len(m.SpanFeatures)) {
			return nil, fmt.Errorf("model weights: the span confidence does not fit %d features or is not finite",
				len(SpanConfNames())+len(m.SpanFeatures))
		}
		if math.IsNaN(m.SpanThreshold) || m.SpanThreshold < 0 || m.SpanThreshold > 1 {
			return nil, fmt.Errorf("model weights: span threshold %v is not in [0, 1]", m.SpanThreshold)
		}
	}
	return &m, nil
}

// Check reports an error unless the model weighs exactly the named
// features, in that order, and its span model (when it has one) the named
// span features.
func (m *Model) Check(features, spanFeatures []string) error {
	if !slices.Equal(m.Features, features) {
		return fmt.Errorf("model weights were fitted for features %v, the matcher computes %v: rerun go run ./cmd/fit", m.Features, features)
	}
	if len(m.SpanFeatures) > 0 && !slices.Equal(m.SpanFeatures, spanFeatures) {
		return fmt.Errorf("model weights were fitted for span features %v, the matcher computes %v: rerun go run ./cmd/fit", m.SpanFeatures, spanFeatures)
	}
	return nil
}

// HasSpan reports whether the model picks short answers; without a span
// model the matcher gives none.
func (m *Model) HasSpan() bool { return len(m.SpanFeatures) > 0 }

// SpanConfNames names the span confidence's features, in order, before
// the best span's own features.
func SpanConfNames() []string { return []string{"span_top", "span_margin", "span_softmax", "sentence"} }

// SpanConfFeatures describes how clearly the best span wins (scores best
// first), how sure the sentence is, and the best span's own features.
func SpanConfFeatures(scores []float64, sentence float64, top []float64) []float64 {
	s1, margin, p1, _ := win(scores)
	return append([]float64{s1, margin, p1, sentence}, top...)
}

// Bold reports whether a short answer is shown in bold when the reply
// with it is right with probability p: the sentence's confidence times
// the short answer's. Both the matcher and the fit command's choice of
// SpanThreshold use this rule, so the threshold chosen is the one the
// bot applies. A phrase the span model is sure of is still no answer when
// the sentence may well be the wrong one.
func (m *Model) Bold(p float64) bool { return p >= m.SpanThreshold }

// SpanConfidence is the probability that the best span is the right short
// answer, from its SpanConfFeatures.
func (m *Model) SpanConfidence(cf []float64) float64 { return Sigmoid(m.SpanConf.Eval(cf)) }

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

// ConfFeatures describes how clearly the top candidate wins and how
// clearly its best span wins, followed by its own ranker features. scores
// are the ranking scores of all candidates, best first; top is the best
// one's features; spans are the span scores of its phrases, best first
// (none without a span model).
func ConfFeatures(scores, top, spans []float64) []float64 {
	s1, margin, p1, single := win(scores)
	out := make([]float64, 0, len(ConfNames())+len(top))
	out = append(out, s1, margin, p1, single)
	if len(spans) > 0 {
		t, m, p, _ := win(spans)
		out = append(out, t, m, p)
	} else {
		out = append(out, 0, 0, 0)
	}
	return append(out, top...)
}

// win describes how clearly the first of scores (best first) wins: its
// score, its margin over the second, its softmax share, and whether it is
// alone.
func win(scores []float64) (s1, margin, p1, single float64) {
	p1, single = 1, 1
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
	return s1, margin, p1, single
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
