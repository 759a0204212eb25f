package main

import (
	"math"
	"testing"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/model"
	"github.com/briefbot/briefbot/facts/seed"
)

// TestFitDecidesAsTheMatcher: the fit chooses the answer and bold
// thresholds by replaying the matcher's decisions on out-of-fold
// outcomes, so its replay must be the matcher's: for each question, the
// shipped model's confidence, answer and bold answer as the fit computes
// them from candidates and spans equal what Base.Ask gives.
func TestFitDecidesAsTheMatcher(t *testing.T) {
	m, err := model.Load()
	if err != nil {
		t.Fatal(err)
	}
	base, err := facts.LoadFS(seed.Briefs())
	if err != nil {
		t.Fatal(err)
	}
	questions := []string{
		"Where was the dialogue held?",
		"When did the ninth dialogue take place?",
		"Who led the EU delegation?",
		"How long was Skoog's visit?",
		"What is the capital of Australia?",
		"Which EU countries voted against the plan?",
		"counterterrorism dialog brussels",
		"who is olof skoog",
	}
	for _, text := range questions {
		q := question{source: "seed", doc: "seed", answerable: true, base: base, text: text}
		q.cands = base.Candidates(text)
		q.right = make([]bool, len(q.cands))
		o := outcomes(m, []question{q})[0]
		a := base.Ask(text)
		if got := answers(o, m, m.Threshold); got != a.Answered {
			t.Errorf("%q: the fit answers %v, the matcher %v", text, got, a.Answered)
		}
		if o.conf == nil {
			continue
		}
		if c := m.Confidence(o.conf); math.Abs(c-a.FactConfidence) > 0.0005 {
			t.Errorf("%q: the fit's confidence %.4f, the matcher's %.3f", text, c, a.FactConfidence)
		}
		if !a.Answered || o.bold.conf == nil {
			continue
		}
		if got := m.Bold(boldConfidence(m, o)); got != (a.Short != "") {
			t.Errorf("%q: the fit shows a bold answer: %v; the matcher shows %q", text, got, a.Short)
		}
	}
}
