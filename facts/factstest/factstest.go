// Package factstest holds what the answering packages' tests share. It
// generates synthetic briefs for benchmarks and scale tests: a
// Zipf-distributed vocabulary of tens of thousands of made-up words, with
// people, organisations, places, dates and numbers, so a corpus of
// thousands of briefs exists without committing any data. And it lets
// the tests that are slow under the race detector and check no
// concurrency skip under it (SkipUnderRace).
package factstest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing/fstest"
)

// Corpus is a generated set of briefs.
type Corpus struct {
	// Files maps "brief-0001.txt" to its text, ready for facts.LoadFS.
	Files fstest.MapFS
	// Sentences lists every generated sentence, for building questions.
	Sentences []string
	vocab     []string
}

// Options shape a corpus. The zero value is not useful; see Default.
type Options struct {
	Briefs     int     // number of briefs
	Vocabulary int     // distinct ordinary words
	Zipf       float64 // Zipf exponent s > 1 of word frequencies
	Seed       uint64
}

// Default is the newsroom-scale corpus: 2000 briefs, about 27,000 facts.
func Default() Options { return Options{Briefs: 2000, Vocabulary: 40000, Zipf: 1.07, Seed: 1} }

var months = [...]string{"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

// Generate builds a corpus; the same options give the same corpus.
func Generate(o Options) *Corpus {
	r := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	c := &Corpus{Files: fstest.MapFS{}}
	c.vocab = words(r, o.Vocabulary, 4, 11)
	names := words(r, 3000, 4, 8)
	zipf := rand.NewZipf(rand.New(rand.NewPCG(o.Seed+1, 7)), o.Zipf, 1, uint64(o.Vocabulary-1))
	word := func() string { return c.vocab[zipf.Uint64()] }
	title := func(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
	person := func() string { return title(names[r.IntN(len(names))]) + " " + title(names[r.IntN(len(names))]) }
	org := func() string {
		return "Ministry of " + title(word()) + " " + title(word())
	}
	place := func() string { return title(names[r.IntN(len(names))]) + "ia" }
	date := func() string {
		return fmt.Sprintf("%s %d, %d", months[r.IntN(12)], 1+r.IntN(28), 1990+r.IntN(36))
	}
	sentence := func() string {
		var b strings.Builder
		n := 12 + r.IntN(16)
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			switch x := r.IntN(40); {
			case x == 0:
				b.WriteString(person())
			case x == 1:
				b.WriteString("the " + org())
			case x == 2:
				b.WriteString("in " + place())
			case x == 3:
				b.WriteString("on " + date())
			case x == 4:
				fmt.Fprintf(&b, "%d", r.IntN(100000))
			default:
				w := word()
				if i == 0 {
					w = title(w)
				}
				b.WriteString(w)
			}
		}
		if b.Len() > 0 && b.String()[0] >= 'a' {
			s := b.String()
			return strings.ToUpper(s[:1]) + s[1:] + "."
		}
		return b.String() + "."
	}
	for i := 0; i < o.Briefs; i++ {
		var text strings.Builder
		paras := 5 + r.IntN(4)
		for p := 0; p < paras; p++ {
			sents := 1 + r.IntN(3)
			for s := 0; s < sents; s++ {
				if s > 0 {
					text.WriteByte(' ')
				}
				st := sentence()
				c.Sentences = append(c.Sentences, st)
				text.WriteString(st)
			}
			text.WriteByte('\n')
		}
		fmt.Fprintf(&text, "Original Source: www.source%d.example\n", i%50)
		c.Files[fmt.Sprintf("brief-%04d.txt", i)] = &fstest.MapFile{Data: []byte(text.String())}
	}
	return c
}

// Questions makes n questions from random sentences: a question word and
// four of the sentence's words, one of them misspelt when typo is set, so
// that benchmarks exercise typo tolerance.
func (c *Corpus) Questions(n int, typo bool, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, 3))
	lead := []string{"What", "Who", "When", "Where", "How many", "Which"}
	qs := make([]string, n)
	for i := range qs {
		ws := strings.Fields(strings.TrimSuffix(c.Sentences[r.IntN(len(c.Sentences))], "."))
		var pick []string
		for k := 0; k < 4 && len(ws) > 0; k++ {
			pick = append(pick, ws[r.IntN(len(ws))])
		}
		if typo && len(pick) > 0 {
			j := r.IntN(len(pick))
			if w := pick[j]; len(w) > 4 {
				k := 1 + r.IntN(len(w)-2)
				pick[j] = w[:k] + w[k+1:k+2] + w[k:k+1] + w[k+2:] // swap two letters
			}
		}
		qs[i] = lead[r.IntN(len(lead))] + " " + strings.Join(pick, " ") + "?"
	}
	return qs
}

// words makes n distinct pronounceable lower-case words.
func words(r *rand.Rand, n, minLen, maxLen int) []string {
	const cons, vows = "bcdfghjklmnprstvwz", "aeiou"
	seen := make(map[string]bool, n)
	out := make([]string, 0, n)
	for len(out) < n {
		l := minLen + r.IntN(maxLen-minLen+1)
		var b strings.Builder
		for b.Len() < l {
			b.WriteByte(cons[r.IntN(len(cons))])
			b.WriteByte(vows[r.IntN(len(vows))])
		}
		w := b.String()
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}
