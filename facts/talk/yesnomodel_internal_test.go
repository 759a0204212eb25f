package talk

import (
	"slices"
	"testing"
	"time"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/internal/prose"
	"github.com/briefbot/briefbot/facts/seed"
)

// TestSaysNo: a "No" needs the sentence to say something against what was
// asked, and a sentence the matcher held back a negation or another
// value; however likely the model makes "No", a sentence that only lacks
// a question's words gets no verdict.
func TestSaysNo(t *testing.T) {
	sure := [ynVerdicts]float64{ynYes: 0.05, ynNo: 0.9, ynNeither: 0.05}
	for _, tt := range []struct {
		name string
		on   []int
		want int
	}{
		{"a word lacking", []int{ynBias, ynUnmatchedWord}, ynNeither},
		{"a value lacking", []int{ynBias, ynUnmatchedValue}, ynNeither},
		{"held back", []int{ynBias, ynHeldBack}, ynNeither},
		{"a negation of a matched word", []int{ynBias, ynDenied}, ynNo},
		{"another value", []int{ynBias, ynUnmatchedValue, ynContradicted}, ynNo},
		{"expected to, asked did it", []int{ynBias, ynUnsettled}, ynNo},
		{"another name", []int{ynBias, ynUnmatchedName, ynOtherName}, ynNo},
		{"held back, another name", []int{ynBias, ynHeldBack, ynUnmatchedName, ynOtherName}, ynNeither},
		{"held back, expected to", []int{ynBias, ynHeldBack, ynUnsettled}, ynNeither},
		{"held back, another value", []int{ynBias, ynHeldBack, ynUnmatchedValue, ynContradicted}, ynNo},
	} {
		var f [ynFeatures]float64
		for _, i := range tt.on {
			f[i] = 1
		}
		if got := decideVerdict(f, sure, 0.5); got != tt.want {
			t.Errorf("%s: verdict %d, want %d", tt.name, got, tt.want)
		}
	}
}

// TestDecideVerdict: the likelier verdict shows when it reaches the
// threshold, and none when neither does; a held-back sentence gives no
// "Yes".
func TestDecideVerdict(t *testing.T) {
	var denied [ynFeatures]float64
	denied[ynDenied] = 1
	for _, tt := range []struct {
		p    [ynVerdicts]float64
		want int
	}{
		{[ynVerdicts]float64{0.7, 0.2, 0.1}, ynYes},
		{[ynVerdicts]float64{0.2, 0.7, 0.1}, ynNo},
		{[ynVerdicts]float64{0.45, 0.45, 0.1}, ynNeither},
		{[ynVerdicts]float64{0.3, 0.2, 0.5}, ynNeither},
	} {
		if got := decideVerdict(denied, tt.p, 0.5); got != tt.want {
			t.Errorf("%v: verdict %d, want %d", tt.p, got, tt.want)
		}
	}
	var heldBack [ynFeatures]float64
	heldBack[ynHeldBack] = 1
	if got := decideVerdict(heldBack, [ynVerdicts]float64{0.9, 0.05, 0.05}, 0.5); got != ynNeither {
		t.Errorf("held back, sure of yes: verdict %d, want none", got)
	}
}

// TestYesNoFitLearns: the fit finds what separates the verdicts in a
// small made-up set, and gives the same weights every time.
func TestYesNoFitLearns(t *testing.T) {
	var rows []ynExample
	add := func(label, feature, n int) {
		for range n {
			var f [ynFeatures]float64
			f[ynBias], f[feature] = 1, 1
			rows = append(rows, ynExample{f: f, label: label, weight: 1})
		}
	}
	add(ynYes, ynRuleYes, 20)
	add(ynNo, ynDenied, 20)
	add(ynNeither, ynUnmatchedWord, 20)
	add(ynYes, ynUnmatchedWord, 2)
	w := yesNoFit(rows, 0.01)
	for _, tt := range []struct{ feature, want int }{
		{ynRuleYes, ynYes},
		{ynDenied, ynNo},
		{ynUnmatchedWord, ynNeither},
	} {
		var f [ynFeatures]float64
		f[ynBias], f[tt.feature] = 1, 1
		p := probsWith(w, f)
		if best := slices.Index(p[:], slices.Max(p[:])); best != tt.want || p[best] < 0.8 {
			t.Errorf("%s: probabilities %.2f, want verdict %d likeliest and above 0.8", yesNoFeatureNames[tt.feature], p, tt.want)
		}
	}
	if again := yesNoFit(rows, 0.01); again != w {
		t.Error("two fits of the same rows differ")
	}
}

// TestSentenceSignals: the words that leave what follows open, and a
// negation of a denying verb, are found; plain sentences hold neither.
func TestSentenceSignals(t *testing.T) {
	for _, tt := range []struct {
		text                   string
		conditional, negDenial bool
	}{
		{"If the vote is tied, the chair will decide.", true, false},
		{"The board has not decided whether to appeal.", true, false},
		{"The minister had not ruled out new taxes.", false, true},
		{"The union did not reject the offer.", false, true},
		{"The union rejected the offer.", false, false},
		{"The council did not approve the plan.", false, false},
		{"The court did not rule on the appeal.", false, false},
		{"Shares rose 4% on Monday.", false, false},
	} {
		words := prose.Words(tt.text)
		if got := conditional(tt.text, words); got != tt.conditional {
			t.Errorf("%q: conditional %v, want %v", tt.text, got, tt.conditional)
		}
		if got := doubleNegation(tt.text, words); got != tt.negDenial {
			t.Errorf("%q: negated denial %v, want %v", tt.text, got, tt.negDenial)
		}
	}
}

// TestFollowUpYesNoNotSure: a yes/no follow-up answered below the
// matcher's own threshold, as follow-ups may be, gets no "Yes": the
// sentence is as doubtful as one the matcher held back, and a name it
// never mentions ("Paris") is not there to say yes to.
func TestFollowUpYesNoNotSure(t *testing.T) {
	base, err := facts.LoadFS(seed.Briefs())
	if err != nil {
		t.Fatal(err)
	}
	var c Conversation
	now := time.Date(2026, 5, 20, 9, 0, 0, 0, time.UTC)
	c.Respond(base, "when was it held?", now)
	c.Respond(base, "was it the ninth one?", now.Add(time.Minute))
	r := c.Respond(base, "was it in Paris?", now.Add(2*time.Minute))
	if Verdict(r.Answer.Short) == "Yes" {
		t.Errorf(`"was it in Paris?" after questions about a dialogue held in Brussels: %q at %.2f`, r.Answer.Short, r.Answer.Confidence)
	}
}
