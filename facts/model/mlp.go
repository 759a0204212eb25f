package model

import "math"

// Net is a small feed-forward scorer: a linear part on the raw features
// plus one hidden layer of tanh units on the standardised features, which
// lets the fit find interactions (a date matters for "when", not for
// "why") that a linear model cannot. With no hidden units it is linear.
type Net struct {
	Linear []float64   `json:"linear"`
	Bias   float64     `json:"bias"`
	Mean   []float64   `json:"mean,omitempty"`
	Std    []float64   `json:"std,omitempty"`
	Hidden [][]float64 `json:"hidden,omitempty"` // one row of input weights per unit
	HBias  []float64   `json:"hbias,omitempty"`
	Out    []float64   `json:"out,omitempty"` // output weight per unit
	// Lex is a sparse linear part: the weight of each hashed lexical key
	// (a word next to a phrase, crossed with the kind of question), looked
	// up by the key modulo its length. Words say what dense features
	// cannot ("in" before a year for when, "by" before a name for who),
	// and only the keys a candidate has cost anything to score.
	Lex []float64 `json:"lex,omitempty"`
}

// EvalKeys scores one feature vector with its lexical keys.
func (n *Net) EvalKeys(x []float64, keys []uint32) float64 {
	y := n.Eval(x)
	if m := uint32(len(n.Lex)); m > 0 {
		for _, k := range keys {
			y += n.Lex[k%m]
		}
	}
	return y
}

// Eval scores one feature vector.
func (n *Net) Eval(x []float64) float64 {
	y := n.Bias + Dot(n.Linear, x)
	if len(n.Hidden) == 0 {
		return y
	}
	// Scored once per candidate fact and per candidate phrase, a hundred
	// phrases a question: an input of up to 128 features (the span
	// model's 105 among them) is standardised on the stack, not the heap,
	// which the garbage collector would have to sweep between questions.
	var buf [128]float64
	z := buf[:0]
	if len(x) > len(buf) {
		z = make([]float64, 0, len(x))
	}
	z = n.standardise(z[:len(x)], x)
	for h, w := range n.Hidden {
		y += n.Out[h] * math.Tanh(n.HBias[h]+Dot(w, z))
	}
	return y
}

// standardise writes x's standardised values into z, which has x's length.
func (n *Net) standardise(z, x []float64) []float64 {
	clear(z)
	for j := range min(len(x), len(n.Mean), len(n.Std)) {
		if n.Std[j] > 0 {
			z[j] = (x[j] - n.Mean[j]) / n.Std[j]
		}
	}
	return z
}

// valid reports whether the net's sizes fit inputs of dim features.
func (n *Net) valid(dim int) bool {
	if len(n.Linear) != dim || len(n.Hidden) != len(n.HBias) || len(n.Hidden) != len(n.Out) {
		return false
	}
	if len(n.Hidden) > 0 && (len(n.Mean) != dim || len(n.Std) != dim) {
		return false
	}
	for _, w := range n.Hidden {
		if len(w) != dim {
			return false
		}
	}
	return finite(n.Linear) && finite(n.Lex) && finite(n.Mean) && finite(n.Std) && finite(n.HBias) && finite(n.Out) &&
		finite([]float64{n.Bias}) && finiteRows(n.Hidden)
}

func finite(xs []float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

func finiteRows(rows [][]float64) bool {
	for _, r := range rows {
		if !finite(r) {
			return false
		}
	}
	return true
}

// WithoutIdleUnits is n without the hidden units whose output weight is
// below bound in size: tanh stays within ±1, so such a unit moves no
// score by more than bound, and dropping it saves a dot product and a
// tanh on every candidate scored. A penalty strong enough to idle every
// unit leaves a linear net, without the standardiser only units use.
func (n Net) WithoutIdleUnits(bound float64) Net {
	out := n
	out.Hidden, out.HBias, out.Out = nil, nil, nil
	for h, o := range n.Out {
		if math.Abs(o) >= bound {
			out.Hidden = append(out.Hidden, n.Hidden[h])
			out.HBias = append(out.HBias, n.HBias[h])
			out.Out = append(out.Out, o)
		}
	}
	if len(out.Hidden) == 0 {
		out.Mean, out.Std = nil, nil
	}
	return out
}
