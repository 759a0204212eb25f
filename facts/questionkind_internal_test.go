package facts

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/facts/internal/prose"
)

// TestPhraseNoun checks which word of a "what" or "which" phrase is the
// noun the question asks about: past adjectives and names, never past a
// verb or a function word.
func TestPhraseNoun(t *testing.T) {
	b := mustBase(t, "Filing.\n\nThe lawyer Ana Ruiz is planning a class action.\n\nOriginal Source: example.org\n")
	tests := []struct{ q, want string }{
		{"What legal step is the lawyer planning?", "step"},
		{"Which political party does Ruiz belong to?", "party"},
		{"Which Ruiz firm won?", "firm"},
		{"What new agency was set up?", "agency"},
		{"What plan is the lawyer making?", "plan"},
		{"What caused the delay?", "caused"},
		{"What made investors sell?", "made"},
		{"What does the lawyer want?", "does"},
		{"What exactly can go wrong?", "exactly"},
		{"What else did she say?", "else"},
		// Compounds end at their last noun; a verb after a noun ends them.
		{"What power plant was damaged?", "plant"},
		{"Which board members wanted a cut?", "members"},
		{"What prison term is the prosecution seeking?", "term"},
		{"What TV network listed her first?", "network"},
		{"Which country music star sang?", "star"},
		{"What causes food prices to rise?", "causes"},
		{"What team plays in the final?", "team"},
		{"Which countries border the lake?", "countries"},
		{"What metal rose in value?", "metal"},
		{"What group carries the flag?", "group"},
		{"What wind speed?", "speed"},
	}
	for _, tt := range tests {
		toks := prose.Tokenize(tt.q)
		toks = toks[:prose.BaseCount(toks)]
		wh := questionWord(toks)
		if got := toks[b.phraseNoun(toks, wh+1)].Lower; got != tt.want {
			t.Errorf("%q: the phrase's noun is %q, want %q", tt.q, got, tt.want)
		}
	}
}

// TestMeasureFocus: "how ADJ" takes the adjective's attribute as its focus,
// so that the amount's unit is weighed against what is measured.
func TestMeasureFocus(t *testing.T) {
	b := mustBase(t, "Well.\n\nThe well is 40 metres deep and weighs 3 tonnes.\n\nOriginal Source: example.org\n")
	tests := []struct{ q, want string }{
		{"How deep is the well?", "depth"},
		{"How far did the rover drive?", "distance"},
		{"How heavy is the probe?", "weight"},
		{"How fast was the car going?", "speed"},
		{"How long is the well?", ""}, // a time or a length: no one attribute
		{"How many wells are there?", ""},
		{"How old is the well?", ""},
	}
	for _, tt := range tests {
		b.withQuestion(tt.q, func(_ string, _ Problem, m *matcher) {
			if m.qy == nil {
				t.Fatalf("%q: no query", tt.q)
			}
			if m.qy.focusWord != tt.want {
				t.Errorf("%q: focus %q, want %q", tt.q, m.qy.focusWord, tt.want)
			}
			if tt.want != "" && m.qy.focus < 0 {
				t.Errorf("%q: focus %q has no word vector", tt.q, m.qy.focusWord)
			}
		})
	}
}

// TestTerseTypeNoun checks that a terse question asks for what the head
// of its phrase names, the last noun before a preposition, and a
// wh-question for its first type noun.
func TestTerseTypeNoun(t *testing.T) {
	tests := []struct {
		q    string
		wh   int
		want string
	}{
		{"first round date", -1, "date"},
		{"number of rounds", -1, "number"},
		{"job title of the finance director", -1, "title"},
		{"meeting venue", -1, "venue"},
		{"what round date", 0, "round"},
	}
	b := mustBase(t, "Cup.\n\nThe final is in May.\n\nOriginal Source: example.org\n")
	for _, tt := range tests {
		toks := prose.Tokenize(tt.q)
		got := ""
		for k := range typeNounOrder(toks, tt.wh) {
			if _, ok := b.lang.TypeNoun[toks[k].Lower]; ok {
				got = toks[k].Lower
				break
			}
		}
		if got != tt.want {
			t.Errorf("%q: type noun %q, want %q", tt.q, got, tt.want)
		}
	}
}

// TestFunctionWordNamesNoKind: the auxiliary after "what" is no noun,
// though WordNet spells rare nouns the same ("was", "does"), so "what
// was the final score" asks for no place and "what does the law require"
// for no organisation; a noun after "what" still names its kind.
func TestFunctionWordNamesNoKind(t *testing.T) {
	b := mustBase(t, "Match.\n\nThe home side won 3-1 in Reykjavik.\n\nOriginal Source: example.org\n")
	tests := []struct {
		q    string
		want []Kind
	}{
		{"What was the final score?", nil},
		{"What does the law require?", nil},
		{"What has changed since then?", nil},
		{"What company won?", []Kind{Org, Misc}},
	}
	for _, tt := range tests {
		b.withQuestion(tt.q, func(_ string, _ Problem, m *matcher) {
			if !slices.Equal(m.qy.kinds, tt.want) {
				t.Errorf("%q asks for %v, want %v", tt.q, m.qy.kinds, tt.want)
			}
		})
	}
}
