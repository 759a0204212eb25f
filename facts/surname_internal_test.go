package facts

import (
	"strings"
	"testing"
)

// TestSurnameOpeningASentence: a surname alone at the start of a sentence
// is a person when the brief named that person in full before, and not
// otherwise; nor when it is an English word.
func TestSurnameOpeningASentence(t *testing.T) {
	tests := []struct {
		text   string
		person string // the person tagged at the last sentence's start; "" for none
	}{
		{"Former judge Irena Osk won the election.\n\nOsk, 54, beat the incumbent.", "Osk"},
		{"Osk, 54, beat the incumbent.\n\nFormer judge Irena Osk won the election.", ""},
		{"Former judge Irena Osk won the election.\n\nOsk's lawyer spoke.", "Osk"},
		{"The singer Will Young performed.\n\nYoung people cheered.", ""},
		{"Former judge Irena Osk won the election.\n\nDren conceded.", ""},
	}
	for _, tt := range tests {
		br, err := ParseBrief("b.txt", strings.NewReader("Title: T\n\n"+tt.text+"\n\nOriginal Source: a.example\n"))
		if err != nil {
			t.Fatal(err)
		}
		b, err := New(br)
		if err != nil {
			t.Fatal(err)
		}
		fs := b.Facts()
		last := fs[len(fs)-1]
		got := ""
		for _, e := range last.Entities {
			if e.Kind == Person && e.Span.Start == 0 {
				got = e.Text
			}
		}
		if got != tt.person {
			t.Errorf("%q: person at the start %q, want %q (entities %v)", last.Text, got, tt.person, last.Entities)
		}
	}
}
