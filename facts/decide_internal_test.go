package facts

import (
	"testing"
)

// TestAnswers: the answer rule the bot and the fit share answers only a
// confident top fact that matches a word of the question and is not
// gated.
func TestAnswers(t *testing.T) {
	feat := func(set ...int) []float64 {
		f := make([]float64, numFeatures)
		f[fMatched] = 0.5
		for _, i := range set {
			f[i] = 1
		}
		return f
	}
	noMatch := feat()
	noMatch[fMatched] = 0
	for _, c := range []struct {
		name string
		conf float64
		feat []float64
		want bool
	}{
		{"confident", 0.8, feat(), true},
		{"at the threshold", 0.5, feat(), true},
		{"below the threshold", 0.49, feat(), false},
		{"no question word matched", 0.9, noMatch, false},
		{"a number of the question missing", 0.9, feat(fNumMiss), false},
		{"no age when one is asked", 0.9, feat(fNoAge), false},
		{"features of another length", 0.9, feat()[1:], false},
	} {
		if got := Answers(c.conf, 0.5, c.feat); got != c.want {
			t.Errorf("%s: Answers = %v, want %v", c.name, got, c.want)
		}
	}
}
