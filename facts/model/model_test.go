package model

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// TestEmbeddedWeightsLoad: the shipped weights parse, name their data and
// have a span model.
func TestEmbeddedWeightsLoad(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if !m.HasSpan() {
		t.Error("the shipped weights have no span model")
	}
	joined := strings.Join(m.Trained, "\n")
	for _, want := range []string{"SQuAD", "CC BY-SA 4.0", "corpus"} {
		if !strings.Contains(joined, want) {
			t.Errorf("trained notes lack %q: %q", want, joined)
		}
	}
	for _, banned := range []string{"WikiQA", "TrecQA"} {
		if strings.Contains(joined, banned) {
			t.Errorf("the shipped weights name %s as training data, whose terms forbid it", banned)
		}
	}
}

// TestParseRejects: sizes that do not fit the features, thresholds out of
// range and values that are not finite are refused, naming the part.
func TestParseRejects(t *testing.T) {
	good := func() map[string]any {
		return map[string]any{
			"features":       []string{"a", "b"},
			"rank":           map[string]any{"linear": []float64{1, 2}},
			"conf":           map[string]any{"linear": make([]float64, len(ConfNames())+2)},
			"threshold":      0.5,
			"span_features":  []string{"x"},
			"span":           map[string]any{"linear": []float64{1}},
			"span_conf":      map[string]any{"linear": make([]float64, len(SpanConfNames())+1)},
			"span_threshold": 0.5,
		}
	}
	if _, err := Parse(mustJSON(t, good())); err != nil {
		t.Fatalf("a well-formed model: %v", err)
	}
	tests := []struct {
		name   string
		change func(m map[string]any)
		want   string
	}{
		{"ranker size", func(m map[string]any) { m["rank"] = map[string]any{"linear": []float64{1}} }, "ranker"},
		{"span size", func(m map[string]any) { m["span"] = map[string]any{"linear": []float64{1, 2}} }, "span model"},
		{"span conf size", func(m map[string]any) { m["span_conf"] = map[string]any{"linear": []float64{1}} }, "span confidence"},
		{"threshold", func(m map[string]any) { m["threshold"] = 1.5 }, "threshold"},
		{"span threshold", func(m map[string]any) { m["span_threshold"] = -0.1 }, "span threshold"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := good()
			tt.change(m)
			_, err := Parse(mustJSON(t, m))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want one naming %q", err, tt.want)
			}
		})
	}
}

// TestConfFeatures: the layout the fit and the matcher share.
func TestConfFeatures(t *testing.T) {
	got := ConfFeatures([]float64{2, 1}, []float64{7}, []float64{3, 3})
	if len(got) != len(ConfNames())+1 || got[len(got)-1] != 7 {
		t.Fatalf("layout %v", got)
	}
	if got[0] != 2 || got[1] != 1 || math.Abs(got[2]-1/(1+math.Exp(-1))) > 1e-12 || got[3] != 0 {
		t.Errorf("fact part %v", got[:4])
	}
	if got[4] != 3 || got[5] != 0 || math.Abs(got[6]-0.5) > 1e-12 {
		t.Errorf("span part %v", got[4:7])
	}
	if none := ConfFeatures([]float64{1}, nil, nil); none[3] != 1 || none[4] != 0 || none[6] != 0 {
		t.Errorf("a single candidate without spans: %v", none)
	}
	s := SpanConfFeatures([]float64{1, 0}, 0.8, []float64{5})
	if len(s) != len(SpanConfNames())+1 || s[3] != 0.8 || s[4] != 5 {
		t.Errorf("span confidence layout %v", s)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestEvalKeys: each lexical key adds the weight it folds onto, and a net
// without lexical weights ignores keys.
func TestEvalKeys(t *testing.T) {
	tests := []struct {
		name string
		net  Net
		keys []uint32
		want float64
	}{
		{"folded keys", Net{Linear: []float64{1}, Bias: 0.5, Lex: []float64{0.1, 0.2, 0.3}}, []uint32{1, 5}, 0.5 + 2 + 0.2 + 0.3},
		{"a key twice counts twice", Net{Linear: []float64{1}, Lex: []float64{0.25}}, []uint32{7, 7}, 2 + 0.5},
		{"no lexical weights", Net{Linear: []float64{1}}, []uint32{1, 2}, 2},
		{"no keys", Net{Linear: []float64{1}, Lex: []float64{9}}, nil, 2},
	}
	for _, tt := range tests {
		if got := tt.net.EvalKeys([]float64{2}, tt.keys); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestWithoutIdleUnits: units whose output weight cannot move a score by
// the bound are dropped and the scores stay within it; a live unit stays,
// and a net left without units drops the standardiser with them.
func TestWithoutIdleUnits(t *testing.T) {
	n := Net{
		Linear: []float64{0.5, -1}, Bias: 0.25,
		Mean: []float64{1, 2}, Std: []float64{2, 4},
		Hidden: [][]float64{{1, 1}, {3, -2}, {-1, 4}},
		HBias:  []float64{0.1, 0, -0.3},
		Out:    []float64{1e-14, 0.7, -3e-12},
	}
	const bound = 1e-9
	p := n.WithoutIdleUnits(bound)
	if len(p.Hidden) != 1 || p.Out[0] != 0.7 || p.HBias[0] != 0 || p.Mean == nil {
		t.Fatalf("kept units %v, out %v, hbias %v, mean %v; want the one live unit and the standardiser", p.Hidden, p.Out, p.HBias, p.Mean)
	}
	for _, x := range [][]float64{{0, 0}, {3, -1}, {-2, 7}} {
		if d := math.Abs(n.Eval(x) - p.Eval(x)); d > 2*bound {
			t.Errorf("Eval(%v) moved by %g", x, d)
		}
	}
	n.Out[1] = 0
	lin := n.WithoutIdleUnits(bound)
	if lin.Hidden != nil || lin.Mean != nil || lin.Std != nil {
		t.Errorf("a net with every unit idle kept %v, mean %v, std %v", lin.Hidden, lin.Mean, lin.Std)
	}
	if got, want := lin.Eval([]float64{3, -1}), 0.25+1.5+1; math.Abs(got-want) > 1e-12 {
		t.Errorf("linear Eval = %v, want %v", got, want)
	}
	if len(n.Hidden) != 3 {
		t.Error("WithoutIdleUnits changed the net it was called on")
	}
}
