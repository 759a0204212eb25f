package talk

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/internal/prose"
)

func TestValueClass(t *testing.T) {
	for _, c := range []struct{ word, want string }{
		{"tenth", "ordinal"}, {"10th", "ordinal"}, {"1st", "ordinal"}, {"th", ""},
		{"26", "number"}, {"€26", "number"}, {"18.4", "number"}, {"1,200", "number"}, {"five", "number"},
		{"2019", "year"}, {"9999", "number"}, {"March", "month"}, {"friday", "weekday"},
		{"summit", ""}, {"", ""}, {"$", ""}, {"%", ""},
	} {
		if got := valueClass(c.word); got != c.want {
			t.Errorf("valueClass(%q) = %q, want %q", c.word, got, c.want)
		}
	}
}

// TestContradicted builds results by hand: which question words matched
// (highlighted in the sentence) and which did not.
func TestContradicted(t *testing.T) {
	for _, c := range []struct {
		name, sentence string
		matched        []string // words of the sentence the question matched
		unmatched      []string
		opposed        []string // of unmatched, the words the sentence holds an antonym of
		want           bool
	}{
		{"another ordinal", "It was the ninth round of talks.", []string{"round", "talks"}, []string{"tenth"}, nil, true},
		{"another amount", "The court ordered it to pay €18.4 million.", []string{"court", "ordered", "pay", "million"}, []string{"26"}, nil, true},
		{"another year", "The plant opened in 2019.", []string{"plant", "opened"}, []string{"2021"}, nil, true},
		{"another month", "It opened in March.", []string{"opened"}, []string{"april"}, nil, true},
		{"a modal is no month", "It may open soon.", []string{"open"}, []string{"april"}, nil, false},
		{"no value of that kind", "The plant opened in 2019.", []string{"plant", "opened"}, []string{"tenth"}, nil, false},
		{"another kind of word missing", "The plant opened in 2019.", []string{"plant"}, []string{"2021", "closed"}, nil, false},
		{"all matched", "The plant opened in 2019.", []string{"plant", "opened", "2019"}, nil, nil, false},
		{"the value is the one matched", "It was the ninth round.", []string{"ninth", "round"}, []string{"tenth"}, nil, false},
		{"the opposite", "The line was closed.", []string{"line"}, []string{"open"}, []string{"open"}, true},
		{"the opposite and another value", "The line was closed in 2019.", []string{"line"}, []string{"open", "2021"}, []string{"open"}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := facts.Result{Fact: facts.Fact{Text: c.sentence}, Unmatched: c.unmatched, Opposed: c.opposed}
			for _, m := range c.matched {
				i := strings.Index(c.sentence, m)
				if i < 0 {
					t.Fatalf("%q is not in the sentence", m)
				}
				r.Highlights = append(r.Highlights, facts.Span{Start: i, End: i + len(m)})
			}
			if got := contradicted(r, prose.Words(c.sentence)); got != c.want {
				t.Errorf("contradicted = %v, want %v", got, c.want)
			}
		})
	}
}

// TestValueClash: a value the question names and the sentence lacks,
// where the sentence states another of its kind, whatever other words it
// lacks; a bound ("more than") is not denied by another value.
func TestValueClash(t *testing.T) {
	for _, c := range []struct {
		name, question, sentence string
		matched, unmatched       []string
		want                     bool
	}{
		{"another amount, another word lacking", "Did the fraud involve 412 fuel deliveries?",
			"The fraud involved 312 deliveries.", []string{"fraud", "involved", "deliveries"}, []string{"412", "fuel"}, true},
		{"another year", "Did the museum buy the masks in 1952?",
			"It bought the masks in 1938.", []string{"bought", "masks"}, []string{"museum", "1952"}, true},
		{"a bound", "Did the dig find more than 1,200 coins?",
			"The dig found 1,246 coins.", []string{"dig", "found", "coins"}, []string{"1,200"}, false},
		{"at least", "Was she at least 40?",
			"She was 45.", []string{"She"}, []string{"40"}, false},
		{"no value of that kind", "Did it open in 2021?",
			"It opened last spring.", []string{"opened"}, []string{"2021"}, false},
		{"no value lacking", "Did the plant open?",
			"The plant opened in 2019.", []string{"plant", "opened"}, []string{"open"}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := facts.Result{Fact: facts.Fact{Text: c.sentence}, Unmatched: c.unmatched}
			for _, m := range c.matched {
				i := strings.Index(c.sentence, m)
				if i < 0 {
					t.Fatalf("%q is not in the sentence", m)
				}
				r.Highlights = append(r.Highlights, facts.Span{Start: i, End: i + len(m)})
			}
			qwords := strings.Fields(prose.Normalize(c.question))
			if got := valueClash(qwords, r, prose.Words(c.sentence)); got != c.want {
				t.Errorf("valueClash = %v, want %v", got, c.want)
			}
		})
	}
}

func TestMisattached(t *testing.T) {
	tests := []struct {
		q, sentence string
		want        bool
	}{
		{"Did it strike at a depth of 62 kilometres?", "It struck at a depth of 38 kilometres, about 62 kilometres north.", true},
		{"Did it strike at a depth of 38 kilometres?", "It struck at a depth of 38 kilometres, about 62 kilometres north.", false},
		{"Was there a fine of 500 euros?", "A fine of 200 euros, then a fine of 500 euros.", false},     // both are there
		{"Was the total 11 seats?", "A total of 14 seats.", false},                                      // no "N of V" in the question
		{"Was it a depth of 62 kilometres?", "The depth was 38 kilometres, 62 kilometres away.", false}, // no "N of V" in the sentence
		{"Was it the ninth of March?", "It was the ninth of May.", false},                               // a value before "of" is no noun
	}
	for _, tt := range tests {
		if got := misattached(strings.Fields(prose.Normalize(tt.q)), tt.sentence, prose.Words(tt.sentence)); got != tt.want {
			t.Errorf("misattached(%q, %q) = %v, want %v", tt.q, tt.sentence, got, tt.want)
		}
	}
}
