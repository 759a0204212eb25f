package facts_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefbot/briefbot/facts"
)

// TestAcronyms: an acronym in the question finds the phrase a brief spells
// out, and the phrase finds the acronym, through WordNet's general list;
// words that are also English words stay words.
func TestAcronyms(t *testing.T) {
	brief := `Veltra Foods reported higher sales on Monday.

Chief Executive Ann Lee said demand had recovered in every region.

Chief Financial Officer Tom Reyes said costs would fall next year.

Analysts warned that the country's gross domestic product could shrink.

The IMF praised the government's reforms.

Original Source: example.com
`
	b, err := facts.LoadFS(fstest.MapFS{"veltra.txt": {Data: []byte(brief)}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		q, short, fact string // fact: a word the cited sentence must hold
	}{
		{"who is the ceo", "Ann Lee", "Chief Executive"},
		{"Who is the CEO of Veltra?", "Ann Lee", "Chief Executive"},
		{"who is the cfo", "Tom Reyes", "Chief Financial Officer"},
		{"What could happen to GDP?", "", "gross domestic product"},
		{"What did the International Monetary Fund praise?", "", "IMF"},
	}
	for _, tt := range tests {
		a := b.Ask(tt.q)
		if !a.Answered || !strings.Contains(a.Results[0].Fact.Text, tt.fact) || tt.short != "" && a.Short != tt.short {
			t.Errorf("Ask(%q) = answered %v short %q from %q; want %q from a fact with %q",
				tt.q, a.Answered, a.Short, first(a), tt.short, tt.fact)
		}
	}
}

func first(a facts.Answer) string {
	if len(a.Results) == 0 {
		return ""
	}
	return a.Results[0].Fact.Text
}
