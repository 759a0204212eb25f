package main

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/model"
)

// TestNormalize: SQuAD's answer normalisation, which decides whether a
// span matches a gold answer.
func TestNormalize(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"The Amazon", "amazon"},
		{"$1.5 million", "15 million"},
		{"  an   apple, a pear ", "apple pear"},
		{"€842 million", "€842 million"},
		{"Then", "then"},
	} {
		if got := normalize(tt.in); got != tt.want {
			t.Errorf("normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestAnswerMatches: SQuAD credits only the exact answer; a brief's
// short answer may carry a word or two of its own beside the gold one,
// but not a clause.
func TestAnswerMatches(t *testing.T) {
	for _, tt := range []struct {
		source, answer string
		golds          []string
		want           bool
	}{
		{"squad", "The Amazon", []string{"amazon"}, true},
		{"squad", "41 days", []string{"41"}, false},
		{"corpus", "41 days", []string{"41"}, true},
		{"corpus", "Spaniard Iker Goñi", []string{"iker goñi"}, true},
		{"corpus", "up to 170 mph", []string{"170 mph"}, true},
		{"corpus", "14 seats to 12", []string{"12"}, false}, // three words of its own
		{"corpus", "41", []string{"41 days"}, false},        // less than the answer
		{"corpus", "2.5%", []string{"2"}, false},            // "25" holds no word "2"
		{"corpus", "Orchard Vale", []string{"orchard vale shareholders", "orchard"}, true},
		{"corpus", "the Greens", nil, false},
	} {
		if got := answerMatches(tt.source, tt.answer, tt.golds); got != tt.want {
			t.Errorf("answerMatches(%s, %q, %q) = %v, want %v", tt.source, tt.answer, tt.golds, got, tt.want)
		}
	}
}

// TestFoldsAreStableAndByDocument: a document's questions share a fold,
// and the fold does not depend on the order questions are read in.
func TestFoldsAreStableAndByDocument(t *testing.T) {
	a := question{source: "squad", doc: "Beyoncé"}
	b := question{source: "squad", doc: "Beyoncé", text: "another"}
	if fold(a) != fold(b) {
		t.Error("one document in two folds")
	}
	for _, d := range []string{"a", "b", "c", "d", "e", "f"} {
		if fold(question{source: "corpus", doc: d}) != fold(question{source: aloneSource, doc: d}) {
			t.Errorf("brief %s asked of every brief and of itself alone falls in two folds", d)
		}
	}
	seen := map[int]bool{}
	for _, d := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"} {
		seen[fold(question{source: "corpus", doc: d})] = true
	}
	if len(seen) < 3 {
		t.Errorf("twelve documents fall in %d folds", len(seen))
	}
	qs := []question{{doc: "x", text: "1"}, {doc: "y", text: "2"}, {doc: "x", text: "3"}}
	got := crossFold(qs, func(rest, part []question) []string {
		var out []string
		for _, q := range part {
			for _, r := range rest {
				if r.doc == q.doc {
					t.Errorf("document %s on both sides of a fold", q.doc)
				}
			}
			out = append(out, q.text)
		}
		return out
	})
	slices.Sort(got)
	if !slices.Equal(got, []string{"1", "2", "3"}) {
		t.Errorf("every question once: %v", got)
	}
}

// TestKeepNegativeIsDeterministic: the sample of wrong spans is the same
// every run, and bounded.
func TestKeepNegativeIsDeterministic(t *testing.T) {
	n, kept := 500, 0
	for k := range n {
		first, again := keepNegative("doc", k, n), keepNegative("doc", k, n)
		if first != again {
			t.Fatal("not deterministic")
		}
		if first {
			kept++
		}
	}
	if kept == 0 || kept > 3*spanNegatives {
		t.Errorf("kept %d of %d", kept, n)
	}
	if !keepNegative("doc", 3, spanNegatives) {
		t.Error("a short list must be kept whole")
	}
}

// TestTinyFitIsDeterministicAndLearns: fitting the same rows twice gives
// the same net, and the net ranks the right candidate first.
func TestTinyFitIsDeterministicAndLearns(t *testing.T) {
	rows := [][]float64{{1, 0}, {0, 1}, {0.9, 0.2}, {0.1, 0.8}}
	groups := []group{{from: 0, to: 2, right: []bool{true, false}, w: 1}, {from: 2, to: 4, right: []bool{true, false}, w: 1}}
	set := settings{hidden: 2, hiddenL2: defaultHiddenL2, steps: 200}
	n1 := trainNet(rows, set.hidden, nil, set, rankLoss(groups))
	n2 := trainNet(rows, set.hidden, nil, set, rankLoss(groups))
	for i, r := range rows {
		if n1.Eval(r) != n2.Eval(r) {
			t.Fatalf("row %d scored %v then %v", i, n1.Eval(r), n2.Eval(r))
		}
	}
	if n1.Eval(rows[0]) <= n1.Eval(rows[1]) || n1.Eval(rows[2]) <= n1.Eval(rows[3]) {
		t.Error("the right candidates are not ranked first")
	}
	m := &model.Model{Threshold: 0.5}
	if answers(outcome{}, m, 0.5) {
		t.Error("a question without candidates answered")
	}
}

// TestLexicalKeysLearn: when only a lexical key tells the right candidate
// from the wrong one, the fit weighs it, and ranks right first on rows
// it has not seen that carry the key.
func TestLexicalKeysLearn(t *testing.T) {
	rows := [][]float64{{0}, {0}, {0}, {0}, {0}, {0}}
	lex := &lexInput{keys: [][]uint32{{3}, {4}, {4}, {3}, {3, 9}, {4, 9}}, size: 8, l2: defaultLexL2}
	groups := []group{
		{from: 0, to: 2, right: []bool{true, false}, w: 1},
		{from: 2, to: 4, right: []bool{false, true}, w: 1},
		{from: 4, to: 6, right: []bool{true, false}, w: 1},
	}
	set := settings{steps: 200}
	n := trainNetLex(rows, lex, 0, nil, set, rankLoss(groups))
	if len(n.Lex) != 8 {
		t.Fatalf("%d lexical weights, want 8", len(n.Lex))
	}
	if right, wrong := n.EvalKeys([]float64{0}, []uint32{11}), n.EvalKeys([]float64{0}, []uint32{12}); right <= wrong {
		t.Errorf("key 3 (folded from 11) scores %v, key 4 (from 12) %v", right, wrong)
	}
	if plain := trainNet(rows, 0, nil, set, rankLoss(groups)); plain.Lex != nil {
		t.Error("a net fitted without keys has lexical weights")
	}
}

// TestEvenOddsCut: the bold threshold is where replies, recalibrated
// against how they came out, are as likely right as wrong.
func TestEvenOddsCut(t *testing.T) {
	// replies builds n replies at each probability 0.05, 0.10, … 0.95,
	// of which the share right(p) came out right.
	replies := func(n int, right func(p float64) float64) []judged {
		var js []judged
		for k := 1; k < 20; k++ {
			p := float64(k) / 20
			good := int(math.Round(right(p) * float64(n)))
			for i := range n {
				js = append(js, judged{p, i < good})
			}
		}
		return js
	}
	tests := []struct {
		name   string
		js     []judged
		want   float64
		within float64
	}{
		{"calibrated: one half", replies(40, func(p float64) float64 { return p }), 0.5, 0.02},
		{"overconfident: higher", replies(40, func(p float64) float64 { return p * p }), math.Sqrt(0.5), 0.05},
		{"underconfident: lower", replies(40, math.Sqrt), 0.25, 0.05},
		{"all right: the lowest", replies(5, func(float64) float64 { return 1 }), minCut, 1e-9},
		{"all wrong: the highest", replies(5, func(float64) float64 { return 0 }), maxCut, 1e-9},
		{"right no likelier at higher probability: the highest", replies(10, func(p float64) float64 { return 1 - p }), maxCut, 1e-9},
		{"none: the highest", nil, maxCut, 1e-9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := evenOddsCut(tt.js); math.Abs(got-tt.want) > tt.within {
				t.Errorf("evenOddsCut = %.3f, want %.3f ± %.2f", got, tt.want, tt.within)
			}
		})
	}
}

func TestSourceShares(t *testing.T) {
	qs := []question{{source: "squad"}, {source: "squad"}, {source: "corpus"}, {source: aloneSource}, {source: aloneSource}}
	w := sourceWeights(qs)
	sum := func(src string) float64 {
		s := 0.0
		for i, q := range qs {
			if q.source == src {
				s += w[i]
			}
		}
		return s
	}
	if got := sum("squad"); math.Abs(got-1) > 1e-12 {
		t.Errorf("squad weighs %v, want 1", got)
	}
	if got := sum("corpus") + sum(aloneSource); math.Abs(got-1) > 1e-12 {
		t.Errorf("the corpus's two readings weigh %v together, want 1", got)
	}
	if sum("corpus") != sum(aloneSource) {
		t.Errorf("the corpus's readings weigh %v and %v, want alike", sum("corpus"), sum(aloneSource))
	}
}

func TestRankedLeavesTheSpanRankersOwn(t *testing.T) {
	qs := []question{{text: "a"}, {text: "b", spanOnly: true}, {text: "c"}}
	var got []string
	for _, q := range ranked(qs) {
		got = append(got, q.text)
	}
	if !slices.Equal(got, []string{"a", "c"}) {
		t.Errorf("ranked kept %v, want [a c]", got)
	}
}

// TestNearestWithin: of the thresholds good enough, the one nearest the
// break-even point wins, the higher of two as near.
func TestNearestWithin(t *testing.T) {
	ts := []float64{0.4, 0.45, 0.5, 0.55, 0.6}
	tests := []struct {
		name   string
		vs     []float64
		floor  float64
		target float64
		want   float64
	}{
		{"flat: the break-even point", []float64{0.30, 0.31, 0.30, 0.31, 0.29}, 0.30, 0.5, 0.5},
		{"break-even too poor", []float64{0.30, 0.31, 0.20, 0.31, 0.29}, 0.30, 0.5, 0.55},
		{"only the best", []float64{0.10, 0.20, 0.30, 0.40, 0.50}, 0.50, 0.5, 0.6},
		{"a tie goes higher", []float64{0.30, 0.30, 0.30, 0.30, 0.30}, 0.30, 0.475, 0.5},
	}
	for _, tt := range tests {
		if got := nearestWithin(ts, tt.vs, tt.floor, tt.target); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestObjectiveSE: no spread when every reply is alike, and the textbook
// error of a mean of ±1 values when half are right and half wrong.
func TestObjectiveSE(t *testing.T) {
	alike := map[string]*stats{"squad": {answerable: 100, answered: 100, right: 100}}
	if got := objectiveSE(alike); got != 0 {
		t.Errorf("all right: SE %v, want 0", got)
	}
	half := map[string]*stats{"squad": {answerable: 100, answered: 100, right: 50}}
	mean := (50 - 50*wrongCost) / 100
	want := math.Sqrt(((50+50*wrongCost*wrongCost)/100 - mean*mean) / 100)
	if got := objectiveSE(half); math.Abs(got-want) > 1e-12 {
		t.Errorf("half right: SE %v, want %v", got, want)
	}
}

// TestValue: a right reply gains one, a wrong one costs wrongCost (a reply
// to a question the brief does not answer included), an abstention
// nothing either way.
func TestValue(t *testing.T) {
	tests := []struct {
		name string
		s    stats
		want float64
	}{
		{"all right", stats{answerable: 4, answered: 4, right: 4}, 1},
		{"abstains on everything", stats{answerable: 3, unanswerable: 1, abstainedUnans: 1}, 0},
		{"half right, half wrong", stats{answerable: 4, answered: 4, right: 2}, (2 - 2*wrongCost) / 4},
		{"answers the unanswerable", stats{answerable: 2, unanswerable: 2, answered: 4, right: 2}, (2 - 2*wrongCost) / 4},
		{"right or silent", stats{answerable: 2, unanswerable: 2, answered: 1, right: 1, abstainedUnans: 2}, 0.25},
	}
	for _, tt := range tests {
		if got := tt.s.value(); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("%s: value = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestSpansJudgedAsShown: a phrase is judged as the reply would show it,
// widened by its amount's qualifier and its date's weekday, so the bare
// number of "at least 23" is right against the gold "at least 23" and
// the bare date right against a gold with its weekday.
func TestSpansJudgedAsShown(t *testing.T) {
	k, err := facts.LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	br, err := facts.ParseBrief("slide.txt", strings.NewReader("Title: Slide\n\n"+
		"Rescuers said at least 23 people died when the hillside came down on Tuesday, March 10, 2026.\n\n"+
		"Original Source: example.com\n"))
	if err != nil {
		t.Fatal(err)
	}
	base, err := k.New(br)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		q, gold, text string
	}{
		{"How many people died?", "at least 23", "23"},
		{"When did the hillside come down?", "Tuesday, March 10, 2026", "March 10, 2026"},
	} {
		cands := base.Candidates(tt.q)
		if len(cands) == 0 {
			t.Fatalf("%q: no candidate fact", tt.q)
		}
		g, ok := spansOf(base, "corpus", tt.q, cands[:1], []bool{true}, []string{tt.gold})
		if !ok {
			t.Fatalf("%q: no spans", tt.q)
		}
		spans := base.Spans(tt.q, cands[0].Fact)
		at := slices.IndexFunc(spans, func(s facts.SpanCandidate) bool { return s.Text == tt.text })
		if at < 0 || len(g.right) != len(spans) {
			t.Fatalf("%q: no candidate %q among %d", tt.q, tt.text, len(spans))
		}
		if spans[at].Shown != tt.gold {
			t.Errorf("%q: %q shown as %q, want %q", tt.q, tt.text, spans[at].Shown, tt.gold)
		}
		if !g.right[at] {
			t.Errorf("%q: %q, shown as %q, is judged wrong against %q", tt.q, tt.text, spans[at].Shown, tt.gold)
		}
	}
}
