package facts

import (
	"sort"
	"strings"

	"github.com/sahilm/fuzzy"
)

// Autocomplete runs on every keystroke, over the offers of every brief: at
// thousands of briefs, tens of thousands. So typed words are looked up in
// an index from the offers' words to the offers that use them, and
// sahilm/fuzzy reads only the offers that hold every typed letter, rather
// than every offer being read for every keystroke.

// wordIndex maps each word the offers use, sorted, to the offers that use
// it, in offer order; masks holds each offer's letters (see letterMask).
type wordIndex struct {
	vocab    []string
	postings [][]int32
	masks    []uint64
}

// indexWords builds the word index of offers.
func indexWords(list []completion) wordIndex {
	at := make(map[string][]int32)
	masks := make([]uint64, len(list))
	for i := range list {
		for _, w := range list[i].words {
			p := at[w]
			if len(p) == 0 || p[len(p)-1] != int32(i) {
				at[w] = append(p, int32(i))
			}
		}
		masks[i] = letterMask(list[i].text)
	}
	ix := wordIndex{vocab: make([]string, 0, len(at)), masks: masks}
	for w := range at {
		ix.vocab = append(ix.vocab, w)
	}
	sort.Strings(ix.vocab)
	ix.postings = make([][]int32, len(ix.vocab))
	for k, w := range ix.vocab {
		ix.postings[k] = at[w]
	}
	return ix
}

// wordCosts calls use with each word of the vocabulary typed word w
// matches (index k) and what the match costs: 0 for the word itself, a
// word of the phrase it abbreviates (alts) or, when w is the word being
// typed (last), a word it begins; 1 for one edit, a typo, looked for only
// in words of four letters or more that start right, since a first letter
// is rarely mistyped and checking it spares most edit distances.
func (ix *wordIndex) wordCosts(w string, alts []string, last bool, use func(k, cost int)) {
	from := sort.SearchStrings(ix.vocab, w)
	if from < len(ix.vocab) && ix.vocab[from] == w {
		use(from, 0)
	}
	if last {
		for k := from; k < len(ix.vocab) && strings.HasPrefix(ix.vocab[k], w); k++ {
			if ix.vocab[k] != w {
				use(k, 0)
			}
		}
	}
	for _, a := range alts {
		if k := sort.SearchStrings(ix.vocab, a); k < len(ix.vocab) && ix.vocab[k] == a && a != w {
			use(k, 0)
		}
	}
	if len(w) < 4 {
		return
	}
	lo := sort.SearchStrings(ix.vocab, w[:1])
	for k := lo; k < len(ix.vocab) && ix.vocab[k][0] == w[0]; k++ {
		x := ix.vocab[k]
		if abs(len(x)-len(w)) <= 1 && osaDistance(w, x, 1) == 1 || len(x) > len(w) && osaDistance(w, x[:len(w)], 1) == 1 {
			use(k, 1)
		}
	}
}

// wordMatches returns the offers holding every typed word, as a prefix of
// one of their words (the last typed word) or one edit from it, fewer
// edits first, then in offer order. A typed acronym also matches a word
// of the phrase it stands for (phrase: "ceo" → chief, executive, officer).
func (c *completer) wordMatches(typed string, phrase func(string) []string) []int {
	words := strings.Fields(strings.ToLower(typed))
	if len(words) == 0 {
		return nil
	}
	n := len(c.list)
	matched := make([]uint8, n) // typed words matched so far
	cost := make([]uint8, n)    // their edits
	best := make([]int8, n)     // this typed word's cheapest match; -1 for none yet
	for i := range best {
		best[i] = -1
	}
	var touched []int32
	for j, w := range words {
		ix := &c.words
		ix.wordCosts(w, phrase(w), j == len(words)-1, func(k, e int) {
			for _, o := range ix.postings[k] {
				if int(matched[o]) != j {
					continue // missed an earlier typed word
				}
				if best[o] < 0 {
					touched = append(touched, o)
					best[o] = int8(e)
				} else if int8(e) < best[o] {
					best[o] = int8(e)
				}
			}
		})
		for _, o := range touched {
			matched[o]++
			cost[o] += uint8(best[o])
			best[o] = -1
		}
		touched = touched[:0]
	}
	var out []int
	for e := 0; e <= len(words); e++ {
		for o := range n {
			if int(matched[o]) == len(words) && int(cost[o]) == e {
				out = append(out, o)
			}
		}
	}
	return out
}

// fuzzyOffers is how many offers the in-order letters fallback reads, in
// offer order (every brief's first questions, newest brief first): more
// finds rarer matches at thousands of briefs, fewer answers the keystroke
// sooner, since sahilm/fuzzy scores and sorts every offer it reads.
const fuzzyOffers = 2000

// fuzzyMatches is sahilm/fuzzy's in-order letter matches of typed, best
// first, among the first fuzzyOffers offers that hold every letter typed.
func (c *completer) fuzzyMatches(typed string) []int {
	need := letterMask(typed)
	var idx []int
	for i, m := range c.words.masks {
		if m&need == need {
			idx = append(idx, i)
			if len(idx) == fuzzyOffers {
				break
			}
		}
	}
	out := make([]int, 0, len(idx))
	for _, m := range fuzzy.FindFrom(typed, offerTexts{c.texts, idx}) {
		out = append(out, idx[m.Index])
	}
	return out
}

// offerTexts is the texts of some offers, as sahilm/fuzzy reads them.
type offerTexts struct {
	texts []string
	idx   []int
}

func (o offerTexts) String(i int) string { return o.texts[o.idx[i]] }
func (o offerTexts) Len() int            { return len(o.idx) }

// letterMask is the ASCII letters and digits s holds, in any case, one
// bit each: an offer that lacks a typed letter cannot match it in order.
func letterMask(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); i++ {
		switch ch := s[i] | 0x20; {
		case ch >= 'a' && ch <= 'z':
			m |= 1 << (ch - 'a')
		case s[i] >= '0' && s[i] <= '9':
			m |= 1 << (26 + s[i] - '0')
		}
	}
	return m
}
