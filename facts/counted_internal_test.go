package facts

import (
	"strings"
	"testing"
)

func TestCountedMatch(t *testing.T) {
	sentences := []string{
		"The merged group will have 19,500 employees in 14 countries.",
		"The group will open 14 offices next year.",
		"The group has 3,100 staff in Norway.",
		"In 2019 staff numbers fell.",
		"Revenue rose 12% to 4 billion kroner.",
		"The hoard held 1,246 coins.",
		"The hoard held 1,246 gold coins.",
	}
	br, err := ParseBrief("counted.txt", strings.NewReader(strings.Join(sentences, " ")+"\nOriginal Source: example.com\n"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := New(br)
	if err != nil {
		t.Fatal(err)
	}
	counted := func(question, fact string) (best, part float64) {
		t.Helper()
		b.withQuestion(question, func(_ string, _ Problem, m *matcher) {
			best, part = m.countedMatch(fact)
		})
		return best, part
	}
	match := func(question, fact string) float64 {
		t.Helper()
		best, _ := counted(question, fact)
		return best
	}
	part := func(question, fact string) float64 {
		t.Helper()
		_, p := counted(question, fact)
		return p
	}
	const q = "How many workers will the merged group have?"
	employees, offices := match(q, sentences[0]), match(q, sentences[1])
	if employees <= offices {
		t.Errorf("%q: counting employees scores %.2f, offices %.2f; want employees higher", q, employees, offices)
	}
	if got := match("How many staff does the group have?", sentences[2]); got != 1 {
		t.Errorf("the counted word itself after a number scores %.2f, want 1", got)
	}
	tests := []struct {
		question, fact, why string
	}{
		{"How many staff does the group have?", sentences[3], "a year counts nothing"},
		{"How many staff does the group have?", sentences[4], "no number counts a word like staff"},
		{"When did staff numbers fall?", sentences[2], "the question counts nothing"},
	}
	for _, tt := range tests {
		if got := match(tt.question, tt.fact); got >= 0.5 {
			t.Errorf("countedMatch(%q, %q) = %.2f, want below 0.5: %s", tt.question, tt.fact, got, tt.why)
		}
	}
	if got := match("number of staff", sentences[2]); got != 1 {
		t.Errorf(`"number of staff" against %q scores %.2f, want 1`, sentences[2], got)
	}
	const gold = "How many gold coins were found?"
	if lacking, holding := part(gold, sentences[5]), part(gold, sentences[6]); lacking <= 0.2 || holding != 0 {
		t.Errorf("%q: the part a fact counting coins misses is %.2f, one counting gold coins %.2f; want above 0.2 and 0", gold, lacking, holding)
	}
	for _, tt := range []struct {
		question, fact, why string
	}{
		{"How many coins were found?", sentences[5], "one counted noun: nothing of it is missing"},
		{"How many staff left?", sentences[2], "the verb after the counted noun is not counted"},
		{"How many people died?", sentences[2], "the verb after the counted noun is not counted"},
	} {
		if got := part(tt.question, tt.fact); got != 0 {
			t.Errorf("part of %q that %q misses = %.2f, want 0: %s", tt.question, tt.fact, got, tt.why)
		}
	}
}
