package facts

import (
	"testing"
)

// TestSpanPairsMarksAgree checks that the pairs marked once per sentence
// give every phrase the share that looking word by word gives.
func TestSpanPairsMarksAgree(t *testing.T) {
	b := mustBase(t, "Ice.\n\nThe Tarrow Ice Shelf collapsed in 2008 after a warm summer, and the Norrow shelf, which had collapsed once before, held in 2008 and in 2009.\n\nOriginal Source: example.org\n")
	text := b.facts[1].Text
	for _, q := range []string{"What collapsed in 2008?", "Which ice shelf held in 2008 after collapsing before?", "Which warm summer shelf held in 2009?"} {
		b.withQuestion(q, func(_ string, _ Problem, m *matcher) {
			if len(m.qy.pairs) == 0 {
				t.Fatalf("%q: no word pairs", q)
			}
			st := m.spanWords(text)
			st.evidence = m.sentenceEvidence(&st)
			marked := st.evidence
			for i := range st.toks {
				for j := i; j < len(st.toks); j++ {
					var fast, slow [numSpanFeatures]float64
					st.evidence = marked
					m.spanPairs(&st, i, j, &fast)
					st.evidence.pairEnd = nil
					m.spanPairs(&st, i, j, &slow)
					if fast[sPairNear] != slow[sPairNear] {
						t.Errorf("%q, words %d..%d: marked pairs give %v, word by word %v", q, i, j, fast[sPairNear], slow[sPairNear])
					}
				}
			}
		})
	}
}
