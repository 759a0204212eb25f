package main

import (
	"math"
	"slices"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/model"
)

// Fitting settings. They trade fit against generalisation and time; none is
// tuned per data set.
const (
	// l2 is the ridge penalty on standardised weights: larger keeps weights
	// small and spread over features, which holds up better on text of
	// other kinds than the training sets.
	l2 = 1e-3
	// defaultHiddenL2 is the penalty on the fact ranker's hidden units'
	// weights. From their small fixed start a unit's input and output
	// weights grow only together, and at 0.05 every unit's output weight
	// goes to zero: the ranker is linear. Livelier units did not earn
	// their keep: the out-of-fold objective on train was 0.2745 at 0.05,
	// 0.2762 at 0.001 and 0.2766 at 0.0001 (standard error 0.0044), and of
	// settings within one standard error of the best the most penalised
	// stands.
	defaultHiddenL2 = 0.05
	// defaultSpanHiddenL2 is the same penalty on the span ranker's hidden
	// units, which it leaves idle too. Livelier units won out of fold on
	// train: the best span was right for 70.7% of the corpus's questions
	// and 41.1% of SQuAD's at 0.05, 71.8% and 42.8% at 0.001, 71.3% and
	// 42.7% at 0.0001. But with 0.001 the corpus's dev split, asked of
	// each question's own brief, got 11 more right bold answers and 21
	// more wrong ones (346 and 88, against 335 and 67), and SQuAD's train
	// split out of fold 105 more right and 157 more wrong. The units
	// seem to fit the training briefs' phrasing, and a wrong bold answer
	// costs more than a right one gains.
	defaultSpanHiddenL2 = 0.05
	// idleOut is the output weight below which a fitted hidden unit is
	// left out of the weights written: it moves no score by more than
	// that, and at the default penalties every unit is so idle that
	// scoring them cost a quarter of a question's time.
	idleOut = 1e-9
	// defaultSteps and rate drive Adam from a fixed start, so the same data
	// gives the same weights.
	defaultSteps = 600
	rate         = 0.03
	// defaultHidden is the ranker's hidden units: a few let the fit combine
	// features (a date matters for "when", not for "why"); more would fit
	// the training questions rather than questions. The confidence model
	// stays linear unless told otherwise (see confChoices).
	defaultHidden = 4
	// initScale is the spread of the hidden weights' fixed starting values.
	initScale = 0.1
	// defaultEnsemble is how many rankers, each fitted from its own fixed
	// start, are averaged into the one written out. One start moved the
	// figures by about two questions either way; averaging more costs fit
	// time and, at answer time, hidden units.
	defaultEnsemble = 5
)

// settings are the fit's capacity and effort. The -hidden, -hidden-l2,
// -span-hidden-l2 and -steps flags search them, compared by the
// out-of-fold figures on train each fit prints (-span-cv -span-grid
// compares the span ranker's alone); dev is only reported.
type settings struct {
	hidden   int
	hiddenL2 float64
	steps    int
	ensemble int     // rankers averaged; see defaultEnsemble
	lexL2    float64 // penalty on the span model's lexical weights
	spanHid  int     // the span ranker's hidden units; see spanHidden
	spanHL2  float64 // the penalty on them
	start    uint64  // which fixed start the hidden weights take
}

// standardiser maps features to zero mean and unit variance, so one
// learning rate and one penalty suit them all.
type standardiser struct{ mean, std []float64 }

func newStandardiser(rows [][]float64) standardiser {
	n := len(rows[0])
	s := standardiser{mean: make([]float64, n), std: make([]float64, n)}
	for _, r := range rows {
		for j, x := range r {
			s.mean[j] += x
		}
	}
	for j := range s.mean {
		s.mean[j] /= float64(len(rows))
	}
	for _, r := range rows {
		for j, x := range r {
			d := x - s.mean[j]
			s.std[j] += d * d
		}
	}
	for j := range s.std {
		s.std[j] = math.Sqrt(s.std[j] / float64(len(rows)))
		if s.std[j] < 1e-9 {
			s.std[j] = 0 // a constant feature: its weight stays 0
		}
	}
	return s
}

func (s standardiser) apply(r []float64) []float64 {
	out := make([]float64, len(r))
	for j, x := range r {
		if s.std[j] > 0 {
			out[j] = (x - s.mean[j]) / s.std[j]
		}
	}
	return out
}

// lossGrad sets dy to the gradient of the loss with respect to each row's
// output y.
type lossGrad func(y, dy []float64)

// trainNet fits a Net to rows under a loss, deterministically: fixed
// starting weights, full-batch Adam for a fixed number of steps.
//
// sign, when not nil, constrains the weights of each feature: +1 never
// below zero, -1 never above, 0 free; with hidden units, the net is then
// monotone in each signed feature (see keepSigns).
func trainNet(rows [][]float64, hidden int, sign []int, set settings, grad lossGrad) model.Net {
	return trainNetLex(rows, nil, hidden, sign, set, grad)
}

// lexInput is the sparse part of a net's input: each row's hashed
// lexical keys, folded into size weights, with their own penalty.
type lexInput struct {
	keys [][]uint32
	size uint32
	l2   float64
}

// trainNetLex is trainNet with a sparse lexical part when lex is not nil.
func trainNetLex(rows [][]float64, lex *lexInput, hidden int, sign []int, set settings, grad lossGrad) model.Net {
	st := newStandardiser(rows)
	dim := len(st.mean)
	z := make([][]float64, len(rows))
	for i, r := range rows {
		z[i] = st.apply(r)
	}
	// Parameters, flattened: linear (dim), bias, then per unit: weights
	// (dim), bias, output, then the lexical weights.
	per := dim + 2
	lexAt := dim + 1 + hidden*per
	p := make([]float64, lexAt+lexSize(lex))
	seed := uint64(88172645463325252) ^ set.start*0x9E3779B97F4A7C15
	for h := range hidden {
		for j := range dim {
			seed ^= seed << 13
			seed ^= seed >> 7
			seed ^= seed << 17
			p[dim+1+h*per+j] = initScale * (float64(seed%2001)/1000 - 1)
			if j < len(sign) && sign[j] != 0 {
				// A monotone net's unit starts on the allowed side, where
				// the projection leaves it something to learn from.
				p[dim+1+h*per+j] = math.Abs(p[dim+1+h*per+j]) * float64(sign[j])
			}
		}
		p[dim+1+h*per+dim+1] = initScale * float64(1-2*(h%2))
		if sign != nil {
			p[dim+1+h*per+dim+1] = initScale // a monotone net's units all add
		}
	}
	y := make([]float64, len(rows))
	dy := make([]float64, len(rows))
	act := make([][]float64, len(rows))
	for i := range act {
		act[i] = make([]float64, hidden)
	}
	project := func(p []float64) {
		keepSigns(p[:dim], sign)
		if sign == nil {
			return
		}
		for h := range hidden {
			u := p[dim+1+h*per : dim+1+(h+1)*per]
			keepSigns(u[:dim], sign)
			u[dim+1] = max(u[dim+1], 0)
		}
	}
	adam(p, set.steps, project, func(p, g []float64) {
		for i, x := range z {
			v := p[dim] + model.Dot(p[:dim], x)
			if lex != nil {
				for _, k := range lex.keys[i] {
					v += p[lexAt+int(k%lex.size)]
				}
			}
			for h := range hidden {
				u := p[dim+1+h*per : dim+1+(h+1)*per]
				a := math.Tanh(u[dim] + model.Dot(u[:dim], x))
				act[i][h] = a
				v += u[dim+1] * a
			}
			y[i] = v
		}
		clear(dy)
		grad(y, dy)
		for i, x := range z {
			d := dy[i]
			if d == 0 {
				continue
			}
			for j, xj := range x {
				g[j] += d * xj
			}
			g[dim] += d
			if lex != nil {
				for _, k := range lex.keys[i] {
					g[lexAt+int(k%lex.size)] += d
				}
			}
			for h := range hidden {
				o := dim + 1 + h*per
				a := act[i][h]
				g[o+dim+1] += d * a
				dp := d * p[o+dim+1] * (1 - a*a)
				for j, xj := range x {
					g[o+j] += dp * xj
				}
				g[o+dim] += dp
			}
		}
		for j := range dim {
			g[j] += 2 * l2 * p[j]
		}
		for h := range hidden {
			o := dim + 1 + h*per
			for j := range dim {
				g[o+j] += 2 * set.hiddenL2 * p[o+j]
			}
			g[o+dim+1] += 2 * set.hiddenL2 * p[o+dim+1]
		}
		if lex != nil {
			for j := lexAt; j < len(p); j++ {
				g[j] += 2 * lex.l2 * p[j]
			}
		}
	})
	// The linear part goes back onto raw features; the hidden layer keeps
	// the standardisation.
	n := model.Net{Linear: make([]float64, dim), Bias: p[dim]}
	for j := range dim {
		if st.std[j] > 0 {
			n.Linear[j] = p[j] / st.std[j]
			n.Bias -= p[j] * st.mean[j] / st.std[j]
		}
	}
	if lex != nil {
		n.Lex = slices.Clone(p[lexAt:])
	}
	if hidden > 0 {
		n.Mean, n.Std = st.mean, st.std
		for h := range hidden {
			o := dim + 1 + h*per
			n.Hidden = append(n.Hidden, slices.Clone(p[o:o+dim]))
			n.HBias = append(n.HBias, p[o+dim])
			n.Out = append(n.Out, p[o+dim+1])
		}
	}
	return n
}

// keepSigns sets to zero each weight whose sign its feature's meaning
// forbids (sign +1: never below zero, -1: never above, 0: free).
//
// A net with hidden units stays monotone in each signed feature when every
// unit's input weights keep the signs too and its output weight is never
// negative: tanh rises, so each unit then moves the output the way the
// linear part does. Interactions (a date matters for "when") are still
// free through the unsigned features.
func keepSigns(w []float64, sign []int) {
	for j, sg := range sign {
		switch {
		case sg > 0 && w[j] < 0, sg < 0 && w[j] > 0:
			w[j] = 0
		}
	}
}

func lexSize(lex *lexInput) int {
	if lex == nil {
		return 0
	}
	return int(lex.size)
}

// adam minimises a loss given its gradient, in place from p, projecting p
// back onto the allowed weights after each step.
func adam(p []float64, steps int, project func([]float64), grad func(p, g []float64)) {
	g := make([]float64, len(p))
	m := make([]float64, len(p))
	v := make([]float64, len(p))
	const b1, b2, eps = 0.9, 0.999, 1e-8
	for t := 1; t <= steps; t++ {
		clear(g)
		grad(p, g)
		c1, c2 := 1-math.Pow(b1, float64(t)), 1-math.Pow(b2, float64(t))
		for j := range p {
			m[j] = b1*m[j] + (1-b1)*g[j]
			v[j] = b2*v[j] + (1-b2)*g[j]*g[j]
			p[j] -= rate * (m[j] / c1) / (math.Sqrt(v[j]/c2) + eps)
		}
		project(p)
	}
}

// fitRanker learns the ranker listwise: for each question with right and
// wrong candidates, it maximises the softmax probability of the right
// ones. Each source weighs the same in all, whatever its size.
func fitRanker(qs []question, set settings) model.Net {
	var rows [][]float64
	var groups []group
	var use []question
	for _, q := range ranked(qs) {
		if slices.Contains(q.right, true) && slices.Contains(q.right, false) {
			use = append(use, q)
		}
	}
	weight := sourceWeights(use)
	for i, q := range use {
		g := group{from: len(rows), right: q.right, w: weight[i]}
		for _, c := range q.cands {
			rows = append(rows, c.Features)
		}
		g.to = len(rows)
		groups = append(groups, g)
	}
	nets := make([]model.Net, max(set.ensemble, 1))
	parallel(len(nets), func(k int) {
		set := set
		set.start = uint64(k)
		nets[k] = trainNet(rows, set.hidden, nil, set, rankLoss(groups))
	})
	return average(nets)
}

// average is the net whose output is the mean of the nets' outputs: the
// mean linear part and bias, and every net's hidden units with their
// output weights divided by the count. The nets share one standardiser,
// fitted on the same rows.
func average(nets []model.Net) model.Net {
	k := float64(len(nets))
	out := model.Net{Linear: make([]float64, len(nets[0].Linear)), Mean: nets[0].Mean, Std: nets[0].Std}
	for _, n := range nets {
		for j, w := range n.Linear {
			out.Linear[j] += w / k
		}
		out.Bias += n.Bias / k
		out.Hidden = append(out.Hidden, n.Hidden...)
		out.HBias = append(out.HBias, n.HBias...)
		for _, o := range n.Out {
			out.Out = append(out.Out, o/k)
		}
	}
	return out
}

// group is one question's candidates among the training rows: which are
// right, and how much the question weighs.
type group struct {
	from, to int
	right    []bool
	w        float64
}

// rankLoss is the listwise loss over groups of candidates: the softmax
// probability mass the ranking gives the right candidates of each
// question, as a negative log, weighted per question.
func rankLoss(groups []group) lossGrad {
	return func(y, dy []float64) {
		for _, g := range groups {
			s := y[g.from:g.to]
			top := slices.Max(s)
			var sum, sumRight float64
			for k, v := range s {
				e := math.Exp(v - top)
				sum += e
				if g.right[k] {
					sumRight += e
				}
			}
			for k, v := range s {
				e := math.Exp(v - top)
				d := e / sum
				if g.right[k] {
					d -= e / sumRight
				}
				dy[g.from+k] = g.w * d
			}
		}
	}
}

// sourceWeights gives each question its source's share divided by the
// source's size, so every source counts the same whatever its size: the
// project's corpus is most like the briefs users load, SQuAD far larger
// and more varied.
func sourceWeights(qs []question) []float64 {
	n := make(map[string]int)
	for _, q := range qs {
		n[q.source]++
	}
	out := make([]float64, len(qs))
	for i, q := range qs {
		// Weights add up to the number of sources, which keeps the
		// penalty l2 at the strength it was chosen for.
		out[i] = sourceShare(q.source) / float64(n[q.source])
	}
	return out
}

// sourceShare is the weight a source's questions carry together: one
// vote for each body of questions, so the corpus's questions asked two
// ways (see readCorpus) split theirs rather than outvote SQuAD.
func sourceShare(source string) float64 {
	if foldSource(source) == home {
		return 0.5
	}
	return 1
}

// outcome is the ranker's top candidate for one question.
type outcome struct {
	conf       []float64 // its confidence features; nil when there was no candidate
	right      bool      // it answers the question
	answerable bool
	source     string
	fold       int  // the cross-validation part its document is in
	bold       bold // its best phrase as the short answer
}

// bold is what choosing when to show a short answer needs of the top
// fact's best phrase: how sure the span model is of it, and whether it is
// the right answer to the question, which it never is when the fact is
// the wrong one.
type bold struct {
	conf []float64 // SpanConfFeatures; the sentence's slot is filled in once that is fitted
	// right says the phrase is a gold short answer of the question and the
	// fact answers it; judged says that can be told: the question has gold
	// short answers, or none is right because nothing answers it.
	right, judged bool
}

func outcomes(m *model.Model, qs []question) []outcome {
	var out []outcome
	for _, q := range qs {
		o := outcome{answerable: q.answerable, source: q.source, fold: fold(q)}
		if len(q.cands) == 0 {
			out = append(out, o)
			continue
		}
		order := make([]int, len(q.cands))
		scores := make([]float64, len(q.cands))
		for k, c := range q.cands {
			order[k] = k
			scores[k] = m.Score(c.Features)
		}
		slices.SortStableFunc(order, func(a, b int) int {
			switch {
			case scores[a] > scores[b]:
				return -1
			case scores[a] < scores[b]:
				return 1
			}
			return 0
		})
		sorted := make([]float64, len(order))
		for k, i := range order {
			sorted[k] = scores[i]
		}
		spans, best := topSpans(m, q, order[0])
		o.conf = model.ConfFeatures(sorted, q.cands[order[0]].Features, spans)
		o.right = q.right[order[0]]
		if best != nil {
			o.bold = bold{conf: model.SpanConfFeatures(spans, 0, best.Features),
				right:  o.right && q.answerable && answerMatches(q.source, best.Shown, q.golds),
				judged: len(q.golds) > 0 || !q.answerable}
		}
		out = append(out, o)
	}
	return out
}

// topSpans are the span model's scores of candidate k's phrases, best
// first, and its best phrase; none without a span model.
func topSpans(m *model.Model, q question, k int) ([]float64, *facts.SpanCandidate) {
	if !m.HasSpan() || q.base == nil {
		return nil, nil
	}
	spans := q.base.Spans(q.text, q.cands[k].Fact)
	scores := make([]float64, len(spans))
	best := -1
	for i, s := range spans {
		scores[i] = m.Span.EvalKeys(s.Features, s.Keys)
		if best < 0 || scores[i] > scores[best] {
			best = i // the first of equals, as the matcher picks
		}
	}
	if best < 0 {
		return nil, nil
	}
	slices.Sort(scores)
	slices.Reverse(scores)
	return scores, &spans[best]
}

// fitConfidence learns the probability that the top candidate answers
// (log loss) from out-of-fold outcomes; an unanswerable question's top
// candidate never does. Each source weighs the same in all, so the one
// intercept is a compromise between their base rates: the reliability
// tables the fit prints show how it holds on each.
//
// Each feature's weight keeps the sign that its meaning gives it (signs):
// a question word no brief uses never makes an answer likelier right,
// however the training sources happen to mix. With hidden units the
// confidence stays monotone in each such feature (see keepSigns).
func fitConfidence(os []outcome, signs []int, c confChoice, set settings) model.Net {
	var rows [][]float64
	var use []outcome
	n := make(map[string]float64)
	for _, o := range os {
		if o.conf == nil {
			continue
		}
		rows = append(rows, o.conf)
		use = append(use, o)
		n[o.source]++
	}
	set.hiddenL2 = c.l2
	return trainNet(rows, c.hidden, signs, set, func(y, dy []float64) {
		for i, o := range use {
			t := 0.0
			if o.right && o.answerable {
				t = 1
			}
			dy[i] = (model.Sigmoid(y[i]) - t) * sourceShare(o.source) / n[o.source]
		}
	})
}

// confSigns gives each confidence feature the sign of its weight: +1 for
// evidence that the fact answers, -1 for evidence that it does not, 0 where
// either can hold (the kind of question, the fact's length or place).
func confSigns(names []string) []int {
	out := make([]int, len(names))
	for i, n := range names {
		switch n {
		case "top", "margin", "softmax", "span_top", "span_margin", "span_softmax", "cover", "exact", "matched", "align", "wanted", "reason",
			"bigram", "brief_cover", "content_cover", "content_align", "centroid", "align50", "align65", "lead_cover",
			"align80", "locative", "want_person", "want_date", "want_place", "want_number", "coref", "dim_held", "unit_held":
			out[i] = 1
		case "name_miss", "num_miss", "focus_miss", "unknown", "focus_unknown", "event_unknown",
			"names_only", "cap_unknown", "brief_name_miss", "typeless", "no_age", "antonym", "neg_question", "no_amount", "year_clash",
			"dim_miss", "unit_miss", "counted_part", "place_clash", "briefs":
			out[i] = -1
		}
	}
	return out
}
