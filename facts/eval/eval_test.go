package eval

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/facts"
)

// answers is a fake Asker with canned replies, to test the scoring rules.
type answers map[string]facts.Answer

func (a answers) Ask(q string) facts.Answer { return a[q] }

func answered(text, short string) facts.Answer {
	return facts.Answer{Answered: true, Short: short, Results: []facts.Result{{Fact: facts.Fact{Text: text,
		Citation: facts.Citation{Source: "www.geo.tv"}}}}}
}

func TestScore(t *testing.T) {
	cases, err := Read(strings.NewReader(`
{"kind": "para", "q": "a", "expect": ["Brussels"], "short": ["Brussels"]}
{"kind": "typo", "q": "b", "expect": ["ninth"]}
{"kind": "oos", "q": "c"}
{"kind": "hard_oos", "q": "d"}
`))
	if err != nil {
		t.Fatal(err)
	}
	r := Score(answers{
		"a": answered("held in Brussels", "brussels"),
		"b": answered("the tenth one", ""),
		"c": {},
		"d": answered("x", ""),
	}, cases)
	if r.InScope != (Ratio{1, 2}) || r.Para != (Ratio{1, 1}) || r.Typo != (Ratio{0, 1}) ||
		r.OOS != (Ratio{1, 1}) || r.HardOOS != (Ratio{0, 1}) || r.Short != (Ratio{1, 1}) || len(r.Misses) != 2 {
		t.Fatalf("report %+v", r)
	}
	if r.Meets(Targets()) {
		t.Fatal("a failing report meets the targets")
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{"{", `{"kind":"para"}`, `["q"]`} {
		if _, err := Read(strings.NewReader(in)); err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("Read(%q) err = %v, want a line-1 error", in, err)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add(`{"kind": "para", "q": "a", "expect": ["x"]}` + "\n\n" + `{"kind":"oos","q":"b"}`)
	f.Add("{\n")
	f.Add(`{"id":"Q1","q":"who","sentences":["a","b"],"answers":[1]}`)
	f.Fuzz(func(t *testing.T, s string) {
		if rows, err := ReadExternal(strings.NewReader(s)); err == nil {
			for _, x := range rows {
				if x.Q == "" || len(x.Sentences) == 0 {
					t.Fatal("external row without a question or sentences accepted")
				}
				if b, err := x.Brief(); err == nil && len(b.Paragraphs) > len(x.Sentences) {
					t.Fatalf("%d sentences made %d paragraphs", len(x.Sentences), len(b.Paragraphs))
				}
			}
		}
		cases, err := Read(strings.NewReader(s))
		if err == nil {
			for _, c := range cases {
				if c.Q == "" {
					t.Fatal("case without a question accepted")
				}
			}
		}
	})
}
