package main

import (
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/facts/model"
)

// spanSetting is one choice of the span ranker's capacity and penalties.
type spanSetting struct {
	hidden   int     // hidden units; see spanHidden
	hiddenL2 float64 // penalty on their weights
	lexL2    float64 // penalty on the lexical weights; see defaultLexL2
}

func (s spanSetting) String() string {
	return fmt.Sprintf("%d:%g:%g", s.hidden, s.hiddenL2, s.lexL2)
}

// parseSpanGrid reads a comma-separated list of span settings, each
// "hidden:hiddenL2:lexL2" ("8:0.05:0.001").
func parseSpanGrid(s string) ([]spanSetting, error) {
	var out []spanSetting
	for _, item := range strings.Split(s, ",") {
		parts := strings.Split(strings.TrimSpace(item), ":")
		if len(parts) != 3 {
			return nil, fmt.Errorf("span setting %q: want hidden:hiddenL2:lexL2", item)
		}
		h, err := strconv.Atoi(parts[0])
		if err != nil || h < 0 {
			return nil, fmt.Errorf("span setting %q: hidden units must be a whole number ≥ 0", item)
		}
		var l2 [2]float64
		for i, p := range parts[1:] {
			v, err := strconv.ParseFloat(p, 64)
			if err != nil || !(v >= 0) || math.IsInf(v, 1) {
				return nil, fmt.Errorf("span setting %q: penalty %q must be a number ≥ 0", item, p)
			}
			l2[i] = v
		}
		out = append(out, spanSetting{hidden: h, hiddenL2: l2[0], lexL2: l2[1]})
	}
	return out, nil
}

// spanObjective is how a span setting is judged out of fold: the share of
// questions whose best span is right, averaged over the sources so that
// each weighs the same (SQuAD's questions outnumber the briefs' several
// times, and the briefs are what users load).
func spanObjective(sos []spanOutcome) float64 {
	n, right := map[string]int{}, map[string]int{}
	for _, o := range sos {
		src := foldSource(o.source)
		n[src]++
		if o.right {
			right[src]++
		}
	}
	if len(n) == 0 {
		return 0
	}
	var sum float64
	for _, src := range slices.Sorted(maps.Keys(n)) {
		sum += float64(right[src]) / float64(n[src])
	}
	return sum / float64(len(n))
}

// spanGrid cross-validates each span setting on train and prints its
// figures, its objective and the best: the data are read once and every
// setting sees the same folds.
func spanGrid(w io.Writer, train []question, set settings, grid []spanSetting) {
	var best spanSetting
	bestScore := -1.0
	for _, g := range grid {
		set.spanHid, set.spanHL2, set.lexL2 = g.hidden, g.hiddenL2, g.lexL2
		sos := spanOOF(train, set)
		printSpanFigures(w, "span-cv "+g.String(), sos, &model.Model{SpanThreshold: 1})
		score := spanObjective(sos)
		fmt.Fprintf(w, "span-cv %s: objective %.4f\n", g, score)
		if score > bestScore {
			best, bestScore = g, score
		}
	}
	fmt.Fprintf(w, "span-cv best: %s (objective %.4f)\n", best, bestScore)
}
