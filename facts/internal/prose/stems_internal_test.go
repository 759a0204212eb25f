package prose

import (
	"sync"
	"testing"

	"github.com/kljensen/snowball/english"
)

// TestStemCache: a remembered stem is the stem, however many questions
// ask for it at once; past maxStems words, new ones are stemmed but not
// remembered.
func TestStemCache(t *testing.T) {
	l := testLanguage(t)
	words := []string{"organisations", "running", "ministries", "colour", "analysed", "the"}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 3 {
				for _, w := range words {
					if got, want := l.stem(w), english.Stem(l.spell.American(w), true); got != want {
						t.Errorf("stem(%q) = %q, want %q", w, got, want)
					}
				}
			}
		})
	}
	wg.Wait()
	if _, ok := l.stems.m.Load("ministries"); !ok {
		t.Error("a stemmed word is not remembered")
	}
	l.stems.n.Store(maxStems)
	if got, want := l.stem("analysing"), english.Stem("analyzing", true); got != want {
		t.Errorf("past the limit: stem(analysing) = %q, want %q", got, want)
	}
	if _, ok := l.stems.m.Load("analysing"); ok {
		t.Error("a word past the limit is remembered")
	}
}
