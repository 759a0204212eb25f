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
			m.matchWords(&c, &b.docs[fact], nil)
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
