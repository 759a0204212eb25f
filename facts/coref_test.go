package facts

import (
	"testing"

	"github.com/briefbot/briefbot/facts/internal/prose"
)

func TestDefiniteRefs(t *testing.T) {
	bd := newBuilder(testLanguage(t), 1024)
	for _, tt := range []struct {
		text string
		want uint8
	}{
		{"The company employs about 11,000 people.", refOrg},
		{"The minister said the city would pay.", refPerson | refPlace},
		{"The Company of Players opened.", 0}, // a name, not a reference
		{"Sales rose in the quarter.", 0},
	} {
		if got := bd.definiteRefs(prose.Tokenize(tt.text)); got != tt.want {
			t.Errorf("definiteRefs(%q) = %03b, want %03b", tt.text, got, tt.want)
		}
	}
}

// TestCorefShare: a question naming a company finds, in the sentence that
// calls it "the company", a reference to that name; a sentence naming no
// organisation that way does not.
func TestCorefShare(t *testing.T) {
	b := mustBase(t, `Veltra Group reported record sales on Monday.

The company employs about 900 people in Ghana.

Shares rose 4% in Accra.

Original Source: example.com
`)
	share := func(question string, fact int) float64 {
		t.Helper()
		var got float64
		b.withQuestion(question, func(_ string, _ Problem, m *matcher) {
			c := cand{doc: fact}
			m.matchWords(&c, &b.docs[fact], nil, nil)
			got = m.corefShare(&c, &b.docs[fact])
		})
		return got
	}
	if s := share("How many staff does Veltra Group have?", 1); s != 1 {
		t.Errorf("coref share of the company sentence = %v, want 1", s)
	}
	if s := share("How many staff does Veltra Group have?", 2); s != 0 {
		t.Errorf("coref share of the shares sentence = %v, want 0", s)
	}
}

func TestOpensWithPronoun(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Its chief executive declined to comment.", true},
		{"But he said the plan would go ahead.", true},
		{"On Monday, they voted to strike.", true},
		{"The union said it would strike.", false}, // its own subject
		{"Sales rose in the quarter.", false},
	} {
		if got := opensWithPronoun(prose.Tokenize(tt.text)); got != tt.want {
			t.Errorf("opensWithPronoun(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestBackCover: a sentence that opens with a pronoun covers the names of
// the sentence before it, which it stands for, and they are not missing
// from it; a sentence that names its own subject does not borrow them.
func TestBackCover(t *testing.T) {
	b := mustBase(t, `Halvard Marine lost its appeal against the port tender on Friday.

Its lawyer, Nina Okafor, said an appeal was likely.

A harbour official, Tomas Berg, welcomed the ruling.

Original Source: example.com
`)
	feature := func(question string, fact int) (cover, back, nameMiss float64) {
		t.Helper()
		b.withQuestion(question, func(_ string, _ Problem, m *matcher) {
			c := cand{doc: fact}
			m.features(&c, 1)
			cover, back, nameMiss = c.feat[fCover], c.feat[fBackCover], c.feat[fNameMiss]
		})
		return cover, back, nameMiss
	}
	q := "Who is the lawyer for Halvard Marine?"
	cover, back, miss := feature(q, 1)
	if cover > 0.8 || back < 0.99 {
		t.Errorf("pronoun sentence: cover %.2f, back cover %.2f; want the names lacking from the one and held by the other", cover, back)
	}
	if miss != 0 {
		t.Errorf("name miss of the pronoun sentence = %.2f, want 0: the sentence before names the company", miss)
	}
	if _, back, _ := feature(q, 2); back > 0.5 {
		t.Errorf("back cover of the official's sentence = %.2f, want the names lacking", back)
	}
}
