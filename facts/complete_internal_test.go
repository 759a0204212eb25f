package facts

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/facts/seed"
)

// minOffers is how many questions autocomplete must offer with nothing
// typed.
const minOffers = 8

// TestCompleteAnswersWithItsFact: every question autocomplete offers with
// nothing typed, and for typed words, was made from a fact, and asking it
// cites that fact (or the fuller fact standing for it) — on the seed and
// on sixteen briefs of other kinds of news.
func TestCompleteAnswersWithItsFact(t *testing.T) {
	seedB, err := LoadFS(seed.Briefs())
	if err != nil {
		t.Fatal(err)
	}
	corpus, err := LoadFS(os.DirFS("testdata/corpus/briefs"))
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string]*Base{"seed": seedB, "corpus": corpus} {
		offered := b.Complete("", 25)
		// Only questions that cite their own fact are offered, so how many
		// depends on the fitted model: 8 on the seed when this was set.
		if len(offered) < minOffers {
			t.Errorf("%s: %d offers with nothing typed, want at least %d", name, len(offered), minOffers)
		}
		for _, typed := range []string{"who", "what happened", "when did", "who is the"} {
			offered = append(offered, b.Complete(typed, 25)...)
		}
		for _, q := range offered {
			i := slices.IndexFunc(b.comp.list, func(c completion) bool { return c.text == q })
			if i < 0 {
				t.Fatalf("%s: offered %q is not in the list", name, q)
			}
			c := b.comp.list[i]
			a := b.Ask(q)
			switch {
			case c.fact >= 0:
				if !a.Answered || !b.sameFact(a.Results[0].Fact.ID, int(c.fact)) {
					t.Errorf("%s: %q was made from %q but answers %+v", name, q, b.facts[c.fact].Text, a.Results)
				}
			case c.brief != "":
				if !a.Answered || a.Short == "" || a.Results[0].Fact.Citation.Brief != c.brief {
					t.Errorf("%s: %q is about brief %s but answers %+v", name, q, c.brief, a.Results)
				}
			}
		}
	}
}

// TestOfferedQuestionsRead: questions made from facts are grammatical in
// the ways a template can go wrong: no article before a bare name, no
// dateline capitals, no modifier taken for a place, no quotation cut open.
func TestOfferedQuestionsRead(t *testing.T) {
	b := mustBase(t, `MELBOURNE, Australia — Ground staff at Melbourne Airport walked out on Tuesday.

Corvane Systems, the Lyon-based maker of sensors, reported record revenue on April 28, 2026.

Harwick Rovers won the Northern Counties Cup for the first time in 31 years.

Chief Executive Ann Lee said demand had recovered.

Baggage handlers voted to strike in January.

Union leader Jo Park called it "the biggest walkout in years".

Original Source: example.com
`)
	var qs []string
	for f := range b.facts {
		b.factQuestions(f, func(q string) bool { qs = append(qs, q); return true })
	}
	for _, want := range []string{
		"Who won the Northern Counties Cup?",
		"When did Corvane Systems report record revenue?",
		"Who reported record revenue?",
		"Who is Ann Lee?",
		"Who is the Chief Executive?",
		"What did Ann Lee say?",
		"What happened on Tuesday?",
		"What happened in January?",
	} {
		if !slices.Contains(qs, want) {
			t.Errorf("no %q among %q", want, qs)
		}
	}
	for _, q := range qs {
		for _, bad := range []string{"MELBOURNE", "the Lyon", "Baggage?", "\"", "in the Melbourne"} {
			if strings.Contains(q, bad) {
				t.Errorf("made %q", q)
			}
		}
	}
}

func mustBase(t *testing.T, brief string) *Base {
	t.Helper()
	br, err := ParseBrief("test.txt", strings.NewReader(brief))
	if err != nil {
		t.Fatal(err)
	}
	b, err := New(br)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCompleteLettersOnlyWhenNoOfferHoldsTheWords: typed words that
// offers hold are read as words even when none of those offers is
// answered; in-order letters ("w…h…o" in "What happened on …") would
// offer questions about something else.
func TestCompleteLettersOnlyWhenNoOfferHoldsTheWords(t *testing.T) {
	b, err := LoadFS(seed.Briefs())
	if err != nil {
		t.Fatal(err)
	}
	const typed = "who"
	b.Complete("", 1)
	holding := 0
	for i, c := range b.comp.list {
		if slices.Contains(c.words, typed) {
			b.comp.check[int32(i)] = false // asked, it would cite another fact
			holding++
		}
	}
	if holding == 0 {
		t.Fatalf("no offer holds %q", typed)
	}
	if got := b.Complete(typed, 25); len(got) != 0 {
		t.Errorf("Complete(%q) with no answered offer holding it = %q, want none", typed, got)
	}
	if got := b.comp.fuzzyMatches(typed); len(got) <= holding {
		t.Errorf("in-order letters of %q match %d offers, want more than the %d holding the word, or the test shows nothing", typed, len(got), holding)
	}
}
