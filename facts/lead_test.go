package facts_test

import (
	"testing"
	"testing/fstest"

	"github.com/briefbot/briefbot/facts"
)

// TestLead: a brief's lead is the first sentence of each paragraph, in
// order, at most n, restatements and repeats left out, and read from
// that brief alone; what it returns is a copy.
func TestLead(t *testing.T) {
	files := fstest.MapFS{
		"fair.txt": &fstest.MapFile{Data: []byte("The book fair opened in Oslo on Monday. It drew crowds.\n" +
			"Publishers from 40 countries took part. Sales rose.\n" +
			"The book fair opened in Oslo on Monday.\n" +
			"Tickets cost 200 kroner.\n" +
			"Original Source: a.example\n")},
		"vote.txt": &fstest.MapFile{Data: []byte("The council approved the budget. Turnout was low.\nOriginal Source: b.example\n")},
	}
	b, err := facts.LoadFS(files)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		brief string
		n     int
		want  []string
	}{
		{"fair", 5, []string{"The book fair opened in Oslo on Monday.", "Publishers from 40 countries took part.", "Tickets cost 200 kroner."}},
		{"fair", 2, []string{"The book fair opened in Oslo on Monday.", "Publishers from 40 countries took part."}},
		{"vote", 4, []string{"The council approved the budget."}},
		{"fair", 0, nil},
		{"missing", 3, nil},
	} {
		got := b.Lead(tc.brief, tc.n)
		var texts []string
		for _, f := range got {
			texts = append(texts, f.Text)
			if f.Citation.Brief != tc.brief {
				t.Errorf("Lead(%q) cites %q", tc.brief, f.Citation.Brief)
			}
		}
		if len(texts) != len(tc.want) {
			t.Errorf("Lead(%q, %d) = %q, want %q", tc.brief, tc.n, texts, tc.want)
			continue
		}
		for i := range texts {
			if texts[i] != tc.want[i] {
				t.Errorf("Lead(%q, %d)[%d] = %q, want %q", tc.brief, tc.n, i, texts[i], tc.want[i])
			}
		}
	}
	lead := b.Lead("fair", 1)
	lead[0].Entities = append(lead[0].Entities[:0], facts.Entity{Text: "changed"})
	if again := b.Lead("fair", 1); len(again[0].Entities) > 0 && again[0].Entities[0].Text == "changed" {
		t.Error("changing a lead sentence changed the base")
	}
}
