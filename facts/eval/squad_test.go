package eval

import (
	"strings"
	"testing"
)

// TestSquadOffsets: a gold answer's start, counted in characters as SQuAD
// counts, lands on the same text in the brief the paragraph becomes, past
// accented letters and the Title line.
func TestSquadOffsets(t *testing.T) {
	const doc = `{"data":[{"title":"Frédéric_Chopin","paragraphs":[{"context":"Chopin, né à Żelazowa Wola, wrote études in Paris.",
		"qas":[{"id":"q1","question":"Where did he write études?","answers":[{"text":"Paris","answer_start":44}],"is_impossible":false},
		{"id":"q2","question":"Where was he buried?","answers":[],"is_impossible":true}]}]}]}`
	paras, err := ReadSquad(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(paras) != 1 || len(paras[0].QAs) != 2 {
		t.Fatalf("got %+v", paras)
	}
	p := paras[0]
	if p.Name() != "fr-d-ric-chopin-01" || p.Article() != "Frédéric_Chopin" {
		t.Errorf("name %q, article %q", p.Name(), p.Article())
	}
	b, err := p.Brief()
	if err != nil {
		t.Fatal(err)
	}
	if b.Title != "Frédéric Chopin (1)" {
		t.Errorf("title %q", b.Title)
	}
	off := p.Offset(p.QAs[0].Answers[0].Start)
	if got := b.Text[off : off+len("Paris")]; got != "Paris" {
		t.Errorf("offset %d points at %q", off, got)
	}
	for _, bad := range []int{-1, 1000} {
		if got := p.Offset(bad); got != -1 {
			t.Errorf("Offset(%d) = %d, want -1", bad, got)
		}
	}
	if !p.QAs[1].Impossible {
		t.Error("the unanswerable question lost its flag")
	}
}

// TestReadSquadErrors: a file that is not SQuAD JSON is an error.
func TestReadSquadErrors(t *testing.T) {
	if _, err := ReadSquad(strings.NewReader("{not json")); err == nil {
		t.Error("no error")
	}
}

// FuzzReadSquad: any input is read or refused, never a panic, and every
// paragraph read gives offsets inside its brief or -1.
func FuzzReadSquad(f *testing.F) {
	f.Add(`{"data":[{"title":"T","paragraphs":[{"context":"Né à Paris.","qas":[{"id":"1","question":"Où?","answers":[{"text":"Paris","answer_start":5}]}]}]}]}`)
	f.Add(`{"data":[{"title":"","paragraphs":[{"context":"","qas":[]}]}]}`)
	f.Add(`{"data":null}`)
	f.Fuzz(func(t *testing.T, s string) {
		paras, err := ReadSquad(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, p := range paras {
			b, err := p.Brief()
			for _, qa := range p.QAs {
				for _, a := range qa.Answers {
					off := p.Offset(a.Start)
					if err == nil && off > len(b.Text) {
						t.Fatalf("offset %d past the brief's %d bytes", off, len(b.Text))
					}
				}
			}
		}
	})
}
