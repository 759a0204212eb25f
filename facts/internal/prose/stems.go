package prose

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/kljensen/snowball/english"
)

// maxStems is how many words a language remembers the stem of. Stemming
// is about a tenth of answering a question, and the words of briefs and
// questions repeat; past this many (about 15 MB) new words are stemmed
// each time, so that a stream of typos cannot grow the process.
const maxStems = 100_000

// stemCache remembers the stems of the words a language has stemmed. Any
// number of bases and questions share it.
type stemCache struct {
	m sync.Map // word → its stem
	n atomic.Int64
}

// stem is the English stem of the American spelling of w (see key).
func (l *Language) stem(w string) string {
	if s, ok := l.stems.m.Load(w); ok {
		return s.(string)
	}
	s := english.Stem(l.spell.American(w), true)
	// Both are cloned: w may point into a whole brief's text, which the
	// cache would otherwise keep alive.
	if l.stems.n.Add(1) <= maxStems {
		s = strings.Clone(s)
		l.stems.m.Store(strings.Clone(w), s)
	}
	return s
}
