package talk

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/internal/prose"
)

var fitYesNo = flag.Bool("fit-yesno", false, "fit the yes/no model on the yes/no training sets and write yesno_weights.go")

// yesNoTrainSets are the yes/no questions the model is fitted on, each
// written by a helper who had not read the matcher. The dev set is not
// among them: it is read once, to report.
var yesNoTrainSets = []string{"../testdata/yesno/train.jsonl", "../testdata/yesno.jsonl", "../testdata/yesno/train2.jsonl"}

// Fitting settings. yesNoFolds splits the briefs for cross-validation;
// more folds fit on more briefs each time but cost a fit each.
// yesNoSteps and yesNoRate run gradient descent to convergence on a few
// hundred questions. yesNoL2s are the penalties cross-validation chooses
// among: a larger one trusts each feature less.
const (
	yesNoFolds = 5
	yesNoSteps = 4000
	yesNoRate  = 0.5
)

var yesNoL2s = []float64{0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1}

// ynExample is one yes/no question asked in one scope: its features, the
// verdict the brief gives (ynNeither when it does not say), the rule's
// verdict, and the brief it is about (the fold it falls in).
type ynExample struct {
	f     [ynFeatures]float64
	label int
	rule  string
	brief string
	set   string
	// weight is how much the example counts in the fit: see classWeights.
	weight float64
	// question and sentence are kept for the log of wrong verdicts.
	question, sentence string
}

// TestFitYesNo fits the yes/no model (yesNoWeights) by softmax regression
// on the yes/no training sets, each question asked of its own brief and of
// every brief at once, as servers ask. The penalty and the threshold a
// verdict needs are chosen by cross-validation over folds of briefs: a
// right verdict gains one, a wrong one costs one, the quote alone
// nothing. It writes yesno_weights.go. Only with -fit-yesno.
func TestFitYesNo(t *testing.T) {
	if !*fitYesNo {
		t.Skip("fits the yes/no model; run with -fit-yesno")
	}
	base, err := facts.LoadFS(os.DirFS("../testdata/corpus/briefs"))
	if err != nil {
		t.Fatal(err)
	}
	var rows []ynExample
	for _, file := range yesNoTrainSets {
		rows = append(rows, yesNoExamples(t, base, file)...)
	}
	classWeights(rows)
	bestL2, bestTh, bestValue := 0.0, 0.0, math.Inf(-1)
	var bestOOF [][ynVerdicts]float64
	for _, l2 := range yesNoL2s {
		oof := yesNoOutOfFold(rows, l2)
		th, v := yesNoBestThreshold(rows, oof)
		t.Logf("l2 %g: threshold %.2f, right less wrong %d", l2, th, v)
		if float64(v) > bestValue {
			bestL2, bestTh, bestValue, bestOOF = l2, th, float64(v), oof
		}
	}
	right, wrong := yesNoScore(rows, bestOOF, bestTh)
	ruleRight, ruleWrong := ruleScore(rows)
	t.Logf("%d examples: out of fold at l2 %g, threshold %.2f: %d right, %d wrong; the rule alone: %d right, %d wrong",
		len(rows), bestL2, bestTh, right, wrong, ruleRight, ruleWrong)
	for i, r := range rows {
		if v := decideVerdict(r.f, bestOOF[i], bestTh); v != ynNeither && v != r.label {
			t.Logf("wrong out of fold: %q is %d, given %d (%.2f) rule %q: %s", r.question, r.label, v, bestOOF[i][v], r.rule, r.sentence)
		}
	}
	for _, file := range yesNoTrainSets {
		var in []ynExample
		var probs [][ynVerdicts]float64
		for i, r := range rows {
			if r.set == file {
				in, probs = append(in, r), append(probs, bestOOF[i])
			}
		}
		right, wrong := yesNoScore(in, probs, bestTh)
		ruleRight, ruleWrong := ruleScore(in)
		t.Logf("%s: %d examples, %d right, %d wrong out of fold; the rule alone: %d right, %d wrong", file, len(in), right, wrong, ruleRight, ruleWrong)
	}
	logReliability(t, rows, bestOOF, bestTh)
	w := yesNoFit(rows, bestL2)
	if err := writeYesNoWeights("yesno_weights.go", w, bestTh, len(rows), bestL2); err != nil {
		t.Fatal(err)
	}
}

// yesNoExamples asks every yes/no question of file of its own brief and
// of all the briefs, and describes each answered one as the bot would
// weigh it.
func yesNoExamples(t *testing.T, base *facts.Base, file string) []ynExample {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []ynExample
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var row struct{ Brief, Question, Answer string }
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, scope := range []string{row.Brief, ""} {
			if ex, ok := yesNoExample(base, scope, row.Question); ok {
				ex.label, ex.brief, ex.set = verdictIndex(row.Answer), row.Brief, file
				rows = append(rows, ex)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// yesNoExample describes a yes/no question asked in scope as respond
// would weigh it, and reports false when respond would give no verdict
// whatever the model said: not a yes/no question, itself negative, a
// problem with the question, or no sentence found.
func yesNoExample(base *facts.Base, scope, question string) (ynExample, bool) {
	if !yesNoQuestion(canonical(base, prose.Normalize(question))) {
		return ynExample{}, false
	}
	a := base.AskIn(scope, question)
	if a.Problem != facts.ProblemNone || len(a.Results) == 0 {
		return ynExample{}, false
	}
	qwords := strings.Fields(prose.Normalize(question))
	if slices.ContainsFunc(qwords, negation) {
		return ynExample{}, false
	}
	r := a.Results[0]
	words := prose.Words(r.Fact.Text)
	sig := readYesNo(qwords, r, words)
	rule := yesNoRule(qwords, r, words, sig)
	return ynExample{f: yesNoFeatures(question, qwords, a, words, sig, rule), rule: rule, question: question, sentence: r.Fact.Text}, true
}

// verdictIndex is a set's answer ("yes", "no", "unknown") or a reply's
// verdict as the model's verdict index.
func verdictIndex(s string) int {
	switch s {
	case "yes", "Yes":
		return ynYes
	case "no", "No":
		return ynNo
	}
	return ynNeither
}

// yesNoOutOfFold is each example's verdict probabilities from a model
// fitted on the folds of briefs it is not in.
func yesNoOutOfFold(rows []ynExample, l2 float64) [][ynVerdicts]float64 {
	fold := yesNoFoldOf(rows)
	oof := make([][ynVerdicts]float64, len(rows))
	for k := range yesNoFolds {
		var train []ynExample
		for i, r := range rows {
			if fold[i] != k {
				train = append(train, r)
			}
		}
		w := yesNoFit(train, l2)
		for i, r := range rows {
			if fold[i] == k {
				oof[i] = probsWith(w, r.f)
			}
		}
	}
	return oof
}

// yesNoFoldOf assigns each example's brief to a fold, briefs in name
// order dealt round the folds, so that a brief's questions are never
// both fitted on and scored.
func yesNoFoldOf(rows []ynExample) []int {
	var briefs []string
	for _, r := range rows {
		briefs = append(briefs, r.brief)
	}
	slices.Sort(briefs)
	briefs = slices.Compact(briefs)
	fold := make([]int, len(rows))
	for i, r := range rows {
		k, _ := slices.BinarySearch(briefs, r.brief)
		fold[i] = k % yesNoFolds
	}
	return fold
}

// yesNoBestThreshold is the threshold, in hundredths from
// facts.TentativeBelow up, at which the verdicts given right less those
// given wrong is greatest; ties go to the higher threshold, which says
// less. A verdict below TentativeBelow is more likely wrong than right.
func yesNoBestThreshold(rows []ynExample, probs [][ynVerdicts]float64) (float64, int) {
	best, top := 0.0, math.MinInt
	for h := int(facts.TentativeBelow * 100); h <= 99; h++ {
		right, wrong := yesNoScore(rows, probs, float64(h)/100)
		if right-wrong >= top {
			best, top = float64(h)/100, right-wrong
		}
	}
	return best, top
}

// yesNoScore counts the verdicts given right and wrong at threshold th,
// by the rule yesNoAnswer applies.
func yesNoScore(rows []ynExample, probs [][ynVerdicts]float64, th float64) (right, wrong int) {
	return countVerdicts(rows, func(i int) int { return decideVerdict(rows[i].f, probs[i], th) })
}

// countVerdicts counts the verdicts given right and wrong, verdict(i)
// being the one given to rows[i].
func countVerdicts(rows []ynExample, verdict func(i int) int) (right, wrong int) {
	for i, r := range rows {
		switch v := verdict(i); {
		case v == ynNeither:
		case v == r.label:
			right++
		default:
			wrong++
		}
	}
	return right, wrong
}

// yesNoFit fits softmax regression weights to rows by gradient descent
// on the mean cross-entropy plus l2/2 times the squared weights (all but
// the bias). It is deterministic: it starts from zero and takes fixed
// steps.
func yesNoFit(rows []ynExample, l2 float64) [ynVerdicts][ynFeatures]float64 {
	var w [ynVerdicts][ynFeatures]float64
	n := 0.0
	for _, r := range rows {
		n += r.weight
	}
	for range yesNoSteps {
		var g [ynVerdicts][ynFeatures]float64
		for _, r := range rows {
			p := probsWith(w, r.f)
			for v := range p {
				d := p[v]
				if v == r.label {
					d--
				}
				for i, x := range r.f {
					g[v][i] += r.weight * d * x / n
				}
			}
		}
		for v := range w {
			for i := range w[v] {
				if i != ynBias {
					g[v][i] += l2 * w[v][i]
				}
				w[v][i] -= yesNoRate * g[v][i]
			}
		}
	}
	return w
}

// writeYesNoWeights writes the fitted weights and threshold as Go source.
func writeYesNoWeights(path string, w [ynVerdicts][ynFeatures]float64, th float64, n int, l2 float64) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by TestFitYesNo (go test ./facts/talk -run TestFitYesNo -fit-yesno); DO NOT EDIT.\n\n")
	fmt.Fprintf(&b, "package talk\n\n")
	fmt.Fprintf(&b, "// yesNoThreshold is the probability a verdict needs to be shown, chosen by\n")
	fmt.Fprintf(&b, "// cross-validation over folds of briefs for right verdicts less wrong ones.\n")
	fmt.Fprintf(&b, "// Raising it shows fewer verdicts and fewer wrong ones.\n")
	fmt.Fprintf(&b, "const yesNoThreshold = %.2f\n\n", th)
	fmt.Fprintf(&b, "// yesNoFitFeatures names the features yesNoWeights were fitted with, in\n")
	fmt.Fprintf(&b, "// order: weights fitted with other features fail TestYesNoWeightsCurrent.\n")
	fmt.Fprintf(&b, "var yesNoFitFeatures = [...]string{\n")
	for _, name := range yesNoFeatureNames {
		fmt.Fprintf(&b, "\t%q,\n", name)
	}
	fmt.Fprintf(&b, "}\n\n")
	fmt.Fprintf(&b, "// yesNoWeights are the yes/no model's weights, by verdict and feature,\n")
	fmt.Fprintf(&b, "// fitted on %d yes/no questions with a sentence to weigh (penalty %g).\n", n, l2)
	fmt.Fprintf(&b, "var yesNoWeights = [ynVerdicts][ynFeatures]float64{\n")
	for v, name := range []string{"ynYes", "ynNo", "ynNeither"} {
		fmt.Fprintf(&b, "\t%s: {\n", name)
		for i, x := range w[v] {
			fmt.Fprintf(&b, "\t\t%.4f, // %s\n", x, yesNoFeatureNames[i])
		}
		fmt.Fprintf(&b, "\t},\n")
	}
	fmt.Fprintf(&b, "}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		return fmt.Errorf("format yes/no weights: %w", err)
	}
	return os.WriteFile(path, src, 0o644)
}

// logReliability logs, by tenths of the probability of the verdict given,
// how many out-of-fold verdicts were given and how many were right: the
// probability is the reply's confidence, so it should match the share.
func logReliability(t *testing.T, rows []ynExample, probs [][ynVerdicts]float64, th float64) {
	t.Helper()
	var given, right [10]int
	for i, r := range rows {
		v := decideVerdict(r.f, probs[i], th)
		if v == ynNeither {
			continue
		}
		b := min(int(probs[i][v]*10), 9)
		given[b]++
		if v == r.label {
			right[b]++
		}
	}
	for b := range given {
		if given[b] > 0 {
			t.Logf("confidence %.1f-%.1f: %d of %d right", float64(b)/10, float64(b+1)/10, right[b], given[b])
		}
	}
}

// TestYesNoWeightsCurrent: the shipped weights were fitted with the
// features yesNoFeatures computes, in its order; after a change to the
// features, refit (-fit-yesno).
func TestYesNoWeightsCurrent(t *testing.T) {
	if !slices.Equal(yesNoFitFeatures[:], yesNoFeatureNames[:]) {
		t.Errorf("yes/no weights fitted with features %q, the model computes %q: refit with -fit-yesno", yesNoFitFeatures, yesNoFeatureNames)
	}
}

// classWeights weighs each example so that every verdict (yes, no,
// neither) counts the same in the fit, whatever its share of the sets:
// the helpers wrote questions by kind, several kinds of "No" to one of
// "Yes", and users' questions need not lean that way. Unweighted, the
// model learned to say "No" where it could not tell.
func classWeights(rows []ynExample) {
	var count [ynVerdicts]float64
	for _, r := range rows {
		count[r.label]++
	}
	for i := range rows {
		rows[i].weight = float64(len(rows)) / (ynVerdicts * count[rows[i].label])
	}
}

// ruleScore counts the verdicts yesNoRule alone gives right and wrong.
func ruleScore(rows []ynExample) (right, wrong int) {
	return countVerdicts(rows, func(i int) int { return verdictIndex(Verdict(rows[i].rule)) })
}
