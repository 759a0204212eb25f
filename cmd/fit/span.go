package main

import (
	"fmt"
	"hash/fnv"
	"io"
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/model"
)

// spanGroup is one answerable question's candidate short answers, taken
// from the fact that answers it, and which of them match a gold answer.
type spanGroup struct {
	feats [][]float64
	keys  [][]uint32
	texts []string
	right []bool
	golds []string // normalised
}

// spansOf lists the span candidates of the first right candidate fact of
// a question whose gold short answers are golds; ok is false when the
// question has none of either.
func spansOf(base *facts.Base, source, text string, cands []facts.Candidate, right []bool, golds []string) (spanGroup, bool) {
	if len(golds) == 0 {
		return spanGroup{}, false
	}
	i := slices.Index(right, true)
	if i < 0 {
		return spanGroup{}, false
	}
	norm := make([]string, len(golds))
	for k, g := range golds {
		norm[k] = normalize(g)
	}
	g := spanGroup{golds: norm}
	for _, s := range base.Spans(text, cands[i].Fact) {
		g.feats = append(g.feats, s.Features)
		g.keys = append(g.keys, s.Keys)
		g.texts = append(g.texts, s.Shown)
		g.right = append(g.right, answerMatches(source, s.Shown, norm))
	}
	return g, len(g.feats) > 0
}

// briefExtraWords is how many words of its own a short answer to a
// brief's question may carry beside the gold answer and still be right:
// "41 days" answers "how many days" as well as "41" does, and "Spaniard
// Iker Goñi" names the rider. More would take in clauses ("14 seats to
// 12") that leave the reader to find the answer; fewer would teach the
// span ranker that the unit of an amount is wrong.
const briefExtraWords = 2

// answerMatches reports whether a short answer is right against golds
// (normalised) as each source is judged: SQuAD's scorer credits only the
// exact answer (its F1 docks every extra word), while a brief's reader
// takes an answer that holds the gold one with up to briefExtraWords
// words of its own.
func answerMatches(source, answer string, golds []string) bool {
	a := normalize(answer)
	if slices.Contains(golds, a) {
		return true
	}
	if source == "squad" {
		return false
	}
	words := strings.Fields(a)
	for _, g := range golds {
		gw := strings.Fields(g)
		if len(gw) == 0 || len(words) > len(gw)+briefExtraWords {
			continue
		}
		for i := 0; i+len(gw) <= len(words); i++ {
			if slices.Equal(words[i:i+len(gw)], gw) {
				return true
			}
		}
	}
	return false
}

var articles = regexp.MustCompile(`\b(a|an|the)\b`)

// normalize is SQuAD's answer normalisation: lower case, no ASCII
// punctuation, no articles, single spaces.
func normalize(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < unicode.MaxASCII && (unicode.IsPunct(r) || unicode.IsSymbol(r)) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
	return strings.Join(strings.Fields(articles.ReplaceAllString(s, " ")), " ")
}

// fitSpan learns the span ranker listwise, like the fact ranker, on the
// questions whose gold answer is among the candidates. Each question
// keeps its right spans and a fixed sample of at most spanNegatives wrong
// ones: a sentence offers a hundred phrases or more, and scoring every one
// at every step would make the fit slow without teaching it more.
func fitSpan(qs []question, set settings) model.Net {
	var rows [][]float64
	lex := &lexInput{size: spanLexSize, l2: set.lexL2}
	var groups []group
	var use []question
	for _, q := range qs {
		if q.span != nil && slices.Contains(q.span.right, true) {
			use = append(use, q)
		}
	}
	weight := sourceWeights(use)
	for i, q := range use {
		g := group{from: len(rows), w: weight[i]}
		for k, f := range q.span.feats {
			if q.span.right[k] || nearMiss(q.span.texts[k], q.span.golds) || keepNegative(q.doc, k, len(q.span.feats)) {
				rows = append(rows, f)
				lex.keys = append(lex.keys, q.span.keys[k])
				g.right = append(g.right, q.span.right[k])
			}
		}
		g.to = len(rows)
		groups = append(groups, g)
	}
	set.hidden, set.hiddenL2 = set.spanHid, set.spanHL2
	return trainNetLex(rows, lex, set.hidden, nil, set, rankLoss(groups))
}

// spanLexSize is how many weights the span model's lexical keys are
// folded into: fewer collide more, more make the weights file larger.
const spanLexSize = 1 << 14

// defaultLexL2 is the penalty on the lexical weights: a word seen around
// a few answers should not outweigh the dense features.
const defaultLexL2 = 1e-3

// spanNegatives is how many wrong spans of a question the span ranker is
// fitted on; more is slower and closer to scoring every phrase.
const spanNegatives = 40

// nearMiss reports whether a wrong span shares words with a gold answer
// without being it ("under 6 metres" for "6 metres"): the ranker must
// learn where an answer ends, and a random sample of negatives holds few
// such spans beside the many that are plainly wrong.
func nearMiss(text string, golds []string) bool {
	t := normalize(text)
	for _, g := range golds {
		if t != "" && g != "" && (strings.Contains(t, g) || strings.Contains(g, t)) {
			return true
		}
	}
	return false
}

// keepNegative picks the wrong span k of n for fitting, deterministically.
func keepNegative(doc string, k, n int) bool {
	if n <= spanNegatives {
		return true
	}
	h := fnv.New32a()
	h.Write([]byte(doc))
	h.Write([]byte{byte(k), byte(k >> 8)})
	return int(h.Sum32()%uint32(n)) < spanNegatives
}

// spanHidden is the span ranker's hidden units: they combine the kind of
// question with the shape of the phrase beyond the crossed features.
const spanHidden = 4

// spanOutcome is the span ranker's best span for one question.
type spanOutcome struct {
	question  string // the question and its best span, for reading misses
	best      string
	golds     []string
	conf      []float64
	right     bool
	f1        float64 // the best span's word F1 against the closest gold answer, as SQuAD scores
	reachable bool    // some candidate is right
	// rule and ruleRight say whether the rule-based pick the span model
	// replaced gave an answer, and a right one: the baseline.
	rule, ruleRight bool
	source          string
}

// spanOutcomeOf ranks a question's spans with net; nil when it has none.
// The sentence confidence is filled in once the confidence is fitted.
func spanOutcomeOf(net model.Net, q question) *spanOutcome {
	if q.span == nil {
		return nil
	}
	scores := make([]float64, len(q.span.feats))
	best := 0
	for k, f := range q.span.feats {
		scores[k] = net.EvalKeys(f, q.span.keys[k])
		if scores[k] > scores[best] {
			best = k
		}
	}
	sorted := slices.Clone(scores)
	slices.Sort(sorted)
	slices.Reverse(sorted)
	o := &spanOutcome{question: q.text, best: q.span.texts[best], golds: q.span.golds,
		conf:  model.SpanConfFeatures(sorted, 0, q.span.feats[best]),
		right: q.span.right[best], f1: bestF1(q.span.texts[best], q.span.golds), reachable: slices.Contains(q.span.right, true), source: q.source}
	rule := slices.Index(facts.SpanFeatureNames(), "rule")
	for k, f := range q.span.feats {
		if f[rule] == 1 {
			o.rule, o.ruleRight = true, q.span.right[k]
		}
	}
	return o
}

// sentenceSlot is where SpanConfFeatures keeps the sentence's confidence.
const sentenceSlot = 3

// fitSpanConf calibrates the probability that the best span is right, on
// out-of-fold outcomes, each source weighing the same. A short answer is
// right far more often in a news brief than in an encyclopaedia paragraph
// whatever the features say, so each source gets an intercept of its own
// while fitting and the model keeps home's: the source most like the
// briefs users load. The reliability tables show how it holds on each.
func fitSpanConf(os []spanOutcome, home string, set settings) model.Net {
	n, family := make(map[string]float64), make(map[string]bool)
	for _, o := range os {
		n[o.source]++
		family[foldSource(o.source)] = true
	}
	// The corpus's two readings of one question share its intercept:
	// the same sentences, the same phrases.
	sources := slices.Sorted(maps.Keys(family))
	rows := make([][]float64, len(os))
	for i, o := range os {
		rows[i] = slices.Clone(o.conf)
		for _, src := range sources {
			rows[i] = append(rows[i], b2f(src == foldSource(o.source)))
		}
	}
	net := trainNet(rows, 0, nil, set, func(y, dy []float64) {
		for i, o := range os {
			dy[i] = (model.Sigmoid(y[i]) - b2f(o.right)) * sourceShare(o.source) / n[o.source]
		}
	})
	dim := len(rows[0]) - len(sources)
	if i := slices.Index(sources, home); i >= 0 {
		net.Bias += net.Linear[dim+i]
	}
	net.Linear = net.Linear[:dim]
	return net
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// chooseBoldThreshold picks the probability that the whole reply is
// right (the sentence's confidence times its short answer's) that a short
// answer needs to be shown in bold, over home's answered questions: a
// bold answer from the wrong sentence is wrong however sure the span model
// is of its phrase, so those count too. A wrong bold answer costs what a
// right one gains, so the threshold is where a reply is as likely right
// as wrong (see evenOddsCut). Home's questions count in both their
// readings (see readCorpus). The sentence confidences p are cross-fitted
// (see crossConfidence): taken on the rows the confidence was fitted on,
// they are surer than they will be on a new brief, and the cut would let
// through bold answers that a new brief's sentences cannot carry.
func chooseBoldThreshold(os []outcome, p []float64, home string, m *model.Model) float64 {
	var bs []judged
	for i, o := range os {
		if foldSource(o.source) == home && o.bold.judged && o.bold.conf != nil && answersAt(o, p[i], m.Threshold) {
			bs = append(bs, judged{boldAt(m, o, p[i]), o.bold.right})
		}
	}
	return evenOddsCut(bs)
}

// judged is a probability and whether what it was for came out right.
type judged struct {
	p     float64
	right bool
}

// Bounds of a chosen threshold: below minCut nearly every reply would be
// shown in bold, above maxCut nearly none.
const (
	minCut = 0.05
	maxCut = 0.95
)

// cutL2 is the penalty on the recalibration's two weights: it keeps them
// finite when every reply came out right (or wrong) and barely moves them
// otherwise.
const cutL2 = 1e-3

// evenOddsCut is the probability at which a reply is as likely right as
// wrong once the probabilities are recalibrated against how the replies
// came out (Platt scaling of their log-odds: P(right) = σ(a·logit p + b),
// fitted by Newton's method). The count of right minus wrong replies
// above a cut is flat over a wide range, so its peak moved with every
// refit (0.42 to 0.54); the recalibrated curve crosses one half at one
// place.
func evenOddsCut(js []judged) float64 {
	if len(js) == 0 {
		return maxCut
	}
	var a, b float64
	for range 50 {
		// Gradient and Hessian of the penalised log-loss in (a, b).
		var ga, gb, haa, hab, hbb float64
		for _, j := range js {
			x := logit(j.p)
			q := model.Sigmoid(a*x + b)
			r := q - b2f(j.right)
			w := q * (1 - q)
			ga, gb = ga+r*x, gb+r
			haa, hab, hbb = haa+w*x*x, hab+w*x, hbb+w
		}
		ga, gb = ga+cutL2*a, gb+cutL2*b
		haa, hbb = haa+cutL2, hbb+cutL2
		det := haa*hbb - hab*hab
		if det <= 0 {
			break
		}
		a -= (hbb*ga - hab*gb) / det
		b -= (haa*gb - hab*ga) / det
	}
	if a <= 0 {
		// Right no likelier at higher probability: every reply is, or
		// none is, as likely right as wrong.
		if model.Sigmoid(a*logit(minCut)+b) >= 0.5 && model.Sigmoid(a*logit(maxCut)+b) >= 0.5 {
			return minCut
		}
		return maxCut
	}
	return min(max(model.Sigmoid(-b/a), minCut), maxCut)
}

// logit is the log-odds of p, kept finite at 0 and 1.
func logit(p float64) float64 {
	p = min(max(p, 1e-4), 1-1e-4)
	return math.Log(p / (1 - p))
}

// boldConfidence is the probability that o's reply, with its best phrase
// in bold, is right.
func boldConfidence(m *model.Model, o outcome) float64 {
	return boldAt(m, o, m.Confidence(o.conf))
}

// boldAt is boldConfidence with the sentence's confidence c given.
func boldAt(m *model.Model, o outcome, c float64) float64 {
	cf := slices.Clone(o.bold.conf)
	cf[sentenceSlot] = c
	return c * m.SpanConfidence(cf)
}

// printBold prints, per source, how many answered questions would show a
// bold answer and how many of those are right, wrong sentences included.
// The sentence confidences are p (see measureAt).
func printBold(w io.Writer, split string, os []outcome, p []float64, m *model.Model) {
	shown, right := map[string]int{}, map[string]int{}
	for i, o := range os {
		if !o.bold.judged || o.bold.conf == nil || !answersAt(o, p[i], m.Threshold) || !m.Bold(boldAt(m, o, p[i])) {
			continue
		}
		shown[o.source]++
		if o.bold.right {
			right[o.source]++
		}
	}
	for _, src := range slices.Sorted(maps.Keys(shown)) {
		fmt.Fprintf(w, "%s/%s bold answers (questions with gold short answers or none): shown %d, right %d (%.3f), wrong %d, at reply confidence %.2f\n",
			split, src, shown[src], right[src], ratio(right[src], shown[src]), shown[src]-right[src], m.SpanThreshold)
	}
}

// home is the source most like the briefs users load.
const home = "corpus"

// fitSpans fits the span confidence and threshold on the out-of-fold
// rows, each row's sentence held at its cross-fitted confidence p[i] (see
// crossConfidence), then the span ranker on all of train, and prints the
// out-of-fold figures.
func fitSpans(w io.Writer, m *model.Model, rows []oofRow, p []float64, set settings) {
	var sos []spanOutcome
	for i, r := range rows {
		if r.span != nil {
			so := *r.span
			so.conf = slices.Clone(so.conf)
			so.conf[sentenceSlot] = p[i]
			sos = append(sos, so)
		}
	}
	m.SpanConf = fitSpanConf(sos, home, set)
	oof := make([]outcome, len(rows))
	for i, r := range rows {
		oof[i] = r.o
	}
	m.SpanThreshold = chooseBoldThreshold(oof, p, home, m)
	printSpanFigures(w, "train-oof", sos, m)
	printBold(w, "train-oof", oof, p, m)
}

// sentence is the confidence of an outcome's top fact.
func sentence(m *model.Model, o outcome) float64 {
	if o.conf == nil {
		return 0
	}
	return m.Confidence(o.conf)
}

// spanReport prints the dev figures of the short answers, over dev
// questions whose answering fact is known and that have gold answers.
func spanReport(w io.Writer, m *model.Model, dev []question, devOut []outcome) {
	var sos []spanOutcome
	for i, q := range dev {
		if so := spanOutcomeOf(m.Span, q); so != nil {
			so.conf[sentenceSlot] = sentence(m, devOut[i])
			sos = append(sos, *so)
		}
	}
	printSpanFigures(w, "dev", sos, m)
	printBold(w, "dev", devOut, confidences(devOut, m), m)
}

// printSpanFigures prints, per source, how often the best span is right,
// how many are shown and how many of those are right, and a reliability
// table of the span confidence.
func printSpanFigures(w io.Writer, split string, os []spanOutcome, m *model.Model) {
	type tally struct {
		n, reach, top, shown, shownRight, rule, ruleRight int
		f1                                                float64
	}
	by := map[string]*tally{}
	const buckets = 10
	bn, br := map[string]*[buckets]int{}, map[string]*[buckets]int{}
	for _, o := range os {
		if bn[o.source] == nil {
			bn[o.source], br[o.source] = new([buckets]int), new([buckets]int)
		}
		t := by[o.source]
		if t == nil {
			t = &tally{}
			by[o.source] = t
		}
		t.n++
		t.f1 += o.f1
		if o.reachable {
			t.reach++
		}
		if o.rule {
			t.rule++
		}
		if o.ruleRight {
			t.ruleRight++
		}
		p := m.SpanConfidence(o.conf)
		b := min(int(p*buckets), buckets-1)
		bn[o.source][b]++
		if o.right {
			t.top++
			br[o.source][b]++
		}
		if m.Bold(o.conf[sentenceSlot] * p) {
			t.shown++
			if o.right {
				t.shownRight++
			}
		}
	}
	for _, src := range slices.Sorted(maps.Keys(by)) {
		t := by[src]
		fmt.Fprintf(w, "%s/%s short answers: a candidate is right for %d/%d, the best span for %d (%.3f, F1 %.3f), shown %d, shown right %d (%.3f) at threshold %.2f\n",
			split, src, t.reach, t.n, t.top, ratio(t.top, t.n), t.f1/float64(t.n), t.shown, t.shownRight, ratio(t.shownRight, t.shown), m.SpanThreshold)
		fmt.Fprintf(w, "%s/%s rule-based short answers (the baseline): given %d, right %d (%.3f)\n",
			split, src, t.rule, t.ruleRight, ratio(t.ruleRight, t.rule))
	}
	for _, src := range slices.Sorted(maps.Keys(bn)) {
		fmt.Fprintf(w, "%s span reliability (%s): confidence → share right (n)\n", split, src)
		for b := range buckets {
			if n := bn[src][b]; n > 0 {
				fmt.Fprintf(w, "  %.1f–%.1f  %.2f (%d)\n", float64(b)/buckets, float64(b+1)/buckets, ratio(br[src][b], n), n)
			}
		}
	}
}

// bestF1 is SQuAD's word F1 of an answer against the closest of golds
// (normalised already).
func bestF1(answer string, golds []string) float64 {
	got := strings.Fields(normalize(answer))
	best := 0.0
	for _, g := range golds {
		want := strings.Fields(g)
		counts := make(map[string]int)
		for _, w := range want {
			counts[w]++
		}
		common := 0
		for _, w := range got {
			if counts[w] > 0 {
				counts[w]--
				common++
			}
		}
		if common == 0 {
			continue
		}
		p, r := float64(common)/float64(len(got)), float64(common)/float64(len(want))
		best = max(best, 2*p*r/(p+r))
	}
	return best
}

// spanCV prints how the span ranker alone does out of fold on train: the
// quick measure for choosing its features and penalties. When misses is
// not nil, it also gets every wrong best span, for reading what the
// ranker gets wrong (train only: dev is read once, to report).
func spanCV(w, misses io.Writer, train []question, set settings) {
	sos := spanOOF(train, set)
	printSpanFigures(w, "span-cv", sos, &model.Model{SpanThreshold: 1})
	if misses == nil {
		return
	}
	for _, o := range sos {
		if !o.right && o.reachable {
			fmt.Fprintf(misses, "%s\t%s\t%q\t%q\n", o.source, o.question, o.best, o.golds)
		}
	}
}

// spanOOF is the span ranker's best span for every question of train
// that has candidates, each from a ranker fitted on the other folds.
func spanOOF(train []question, set settings) []spanOutcome {
	set.ensemble = 1
	return crossFold(train, func(rest, part []question) []spanOutcome {
		net := fitSpan(rest, set)
		var out []spanOutcome
		for _, q := range part {
			if so := spanOutcomeOf(net, q); so != nil {
				out = append(out, *so)
			}
		}
		return out
	})
}
