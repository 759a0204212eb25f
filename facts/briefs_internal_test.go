package facts

import (
	"math"
	"strings"
	"testing"
)

func TestBriefsLoaded(t *testing.T) {
	brief := func(name, text string) *Brief {
		t.Helper()
		br, err := ParseBrief(name, strings.NewReader(text+"\nOriginal Source: example.com\n"))
		if err != nil {
			t.Fatal(err)
		}
		return br
	}
	one, err := New(brief("a.txt", "The council approved the budget on Monday."))
	if err != nil {
		t.Fatal(err)
	}
	var many []*Brief
	for i := range manyBriefs + 4 {
		many = append(many, brief(string(rune('a'+i%26))+strings.Repeat("x", i/26)+".txt", "The council approved the budget on Monday."))
	}
	two, err := New(many[:2]...)
	if err != nil {
		t.Fatal(err)
	}
	past, err := New(many...)
	if err != nil {
		t.Fatal(err)
	}
	only := [2]int{0, 1}
	tests := []struct {
		name string
		b    *Base
		only *[2]int
		want float64
	}{
		{"one brief", one, nil, 0},
		{"two briefs", two, nil, math.Log(2) / math.Log(manyBriefs)},
		{"two briefs, asked of one", two, &only, 0},
		{"more than manyBriefs", past, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (&matcher{Base: tt.b, qy: &query{only: tt.only}}).briefsLoaded(); math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("briefsLoaded = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestQuestionFocus(t *testing.T) {
	b := mustBase(t, "The mine produced 300 tonnes of copper in May.\nOriginal Source: example.com\n")
	tests := []struct{ q, want string }{
		{"Which instrument did she play?", "instrument"},
		{"What kind of engine powers it?", "engine"},
		{"How much copper does the mine produce?", ""},
		{"What did he say?", ""},
		{"How many did they sell?", ""},
		{"Who runs the mine?", ""},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			want := int32(-1)
			if tt.want != "" {
				i, ok := b.know.vec.Index(tt.want)
				if !ok {
					t.Fatalf("no vector for %q", tt.want)
				}
				want = int32(i)
			}
			got := int32(-2)
			b.withQuestion(tt.q, func(_ string, _ Problem, m *matcher) {
				if m.qy != nil {
					got = m.qy.focus
				}
			})
			if got != want {
				t.Errorf("focus = %d, want %d (%q)", got, want, tt.want)
			}
		})
	}
}
