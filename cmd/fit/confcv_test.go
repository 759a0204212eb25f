package main

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/facts/model"
)

// interactionRows are rows whose first feature makes an answer likelier
// right only when the third is positive: a linear model cannot say that,
// a net with hidden units can. The second feature, of sign -1, makes it
// likelier right when the third is negative: the fit must not learn that.
func interactionRows() (rows [][]float64, right []bool) {
	seed := uint64(7)
	next := func() float64 {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		return float64(seed%2001)/1000 - 1
	}
	for range 600 {
		x := []float64{next(), next(), next()}
		rows = append(rows, x)
		right = append(right, x[2] > 0 && x[0] > 0 || x[2] < 0 && x[1] > 0.5)
	}
	return rows, right
}

func logLoss(n model.Net, rows [][]float64, right []bool) float64 {
	sum := 0.0
	for i, r := range rows {
		p := model.Sigmoid(n.Eval(r))
		if right[i] {
			sum -= math.Log(max(p, 1e-12))
		} else {
			sum -= math.Log(max(1-p, 1e-12))
		}
	}
	return sum / float64(len(rows))
}

// TestMonotoneConfidence: with hidden units the confidence learns an
// interaction the linear one cannot, and still never falls as a feature
// of sign +1 rises nor rises as one of sign -1 does.
func TestMonotoneConfidence(t *testing.T) {
	rows, right := interactionRows()
	var os []outcome
	for i, r := range rows {
		os = append(os, outcome{conf: r, right: right[i], answerable: true, source: "squad"})
	}
	signs := []int{1, -1, 0}
	set := settings{steps: 400}
	linear := fitConfidence(os, signs, confChoice{}, set)
	net := fitConfidence(os, signs, confChoice{4, defaultHiddenL2}, set)
	if l, h := logLoss(linear, rows, right), logLoss(net, rows, right); h >= l {
		t.Errorf("log loss with hidden units %.3f, linear %.3f: the interaction was not learned", h, l)
	}
	const step = 0.05
	for _, r := range rows {
		for j, sg := range signs {
			if sg == 0 {
				continue
			}
			up := append([]float64(nil), r...)
			up[j] += step
			if d := float64(sg) * (net.Eval(up) - net.Eval(r)); d < -1e-12 {
				t.Fatalf("at %v raising feature %d moved the confidence against its sign by %g", r, j, d)
			}
		}
	}
}

// TestCrossConfidence: every outcome with a candidate gets a probability
// from the model fitted without its fold, the same on every run; one
// without a candidate gets none.
func TestCrossConfidence(t *testing.T) {
	rows, right := interactionRows()
	var os []outcome
	for i, r := range rows {
		os = append(os, outcome{conf: r, right: right[i], answerable: true, source: "squad", fold: i % folds})
	}
	os = append(os, outcome{answerable: true, source: "squad"})
	set := settings{steps: 100}
	p := crossConfidence(os, []int{1, -1, 0}, confChoice{2, defaultHiddenL2}, set)
	again := crossConfidence(os, []int{1, -1, 0}, confChoice{2, defaultHiddenL2}, set)
	for i := range os {
		if p[i] != again[i] {
			t.Fatalf("outcome %d: %v then %v", i, p[i], again[i])
		}
		if os[i].conf == nil && p[i] != 0 || os[i].conf != nil && (p[i] <= 0 || p[i] >= 1) {
			t.Errorf("outcome %d: confidence %v", i, p[i])
		}
	}
}

// TestOutcomesRoundTrip: what -oof-out writes, -conf-cv reads back the
// same, and a fold out of range is refused.
func TestOutcomesRoundTrip(t *testing.T) {
	in := []outcome{
		{conf: []float64{0.5, -1, 2}, right: true, answerable: true, source: "squad", fold: 3},
		{answerable: true, source: "brief", fold: 0},
	}
	var buf strings.Builder
	if err := writeOutcomes(&buf, in); err != nil {
		t.Fatal(err)
	}
	out, err := readOutcomes(strings.NewReader(buf.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != len(in) {
		t.Fatalf("read %d outcomes, wrote %d", len(out), len(in))
	}
	for i := range in {
		if !slices.Equal(out[i].conf, in[i].conf) || out[i].right != in[i].right || out[i].answerable != in[i].answerable ||
			out[i].source != in[i].source || out[i].fold != in[i].fold {
			t.Errorf("outcome %d: read %+v, wrote %+v", i, out[i], in[i])
		}
	}
	for _, bad := range []string{`{"fold": 9}`, `{"fold": -1}`, `{"conf": "x"}`} {
		if _, err := readOutcomes(strings.NewReader(bad)); err == nil {
			t.Errorf("%s read without an error", bad)
		}
	}
}
