package prose

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) into a text.
type Span struct {
	Start, End int
}

// abbreviations end in a period that does not end a sentence. Lower-case,
// without the final period.
const abbreviationList = `mr mrs ms dr prof sr jr st gen col lt maj capt sgt adm gov sen rep amb pres
rev hon messrs mt ft nos vol pp fig inc ltd corp plc bros dept univ est approx vs etc al
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri`

// capitalAbbreviations are abbreviations only when capitalised, since in
// lower case they are words that can end a sentence ("The cat sat.").
const capitalAbbreviations = `co sat sun`

// numberAbbreviations are abbreviations only before a number ("No. 5"),
// since otherwise they are words ("The answer was no.").
const numberAbbreviations = `no`

// sentenceStarters are words that, capitalised after a dotted abbreviation
// such as "U.S.", show that a new sentence has begun.
const sentenceStarters = `the a an it he she they we i this that these those there in on at but and or
however meanwhile also after before during when while if as his her their its our`

// splitter splits paragraphs into sentences.
type splitter struct {
	abbrev    map[string]bool
	capAbbrev map[string]bool
	numAbbrev map[string]bool
	starter   map[string]bool
}

func newSplitter() *splitter {
	return &splitter{abbrev: wordSet(abbreviationList), capAbbrev: wordSet(capitalAbbreviations),
		numAbbrev: wordSet(numberAbbreviations), starter: wordSet(sentenceStarters)}
}

func wordSet(list string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// SplitSentences splits a paragraph into sentence spans, trimmed of
// surrounding space. It keeps abbreviations ("Dr.", "Feb."), initials
// ("J. R. Smith"), dotted acronyms ("U.S. officials"), decimals ("3.5") and
// quoted sentence ends ("…done," he said) inside their sentence.
func SplitSentences(text string) []Span {
	return newSplitter().split(text)
}

func (sp *splitter) split(text string) []Span {
	var spans []Span
	start := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		// Absorb runs like "?!" or "..." and closing quotes or brackets.
		end := i
		for end < len(text) {
			nr, ns := utf8.DecodeRuneInString(text[end:])
			if nr == '.' || nr == '!' || nr == '?' || nr == '…' || isCloser(nr) {
				end += ns
				continue
			}
			break
		}
		if !sp.boundary(text, i-size, end, r) {
			i = end
			continue
		}
		if s := trimSpan(text, start, end); s.End > s.Start {
			spans = append(spans, s)
		}
		start = end
		i = end
	}
	if s := trimSpan(text, start, len(text)); s.End > s.Start {
		spans = append(spans, s)
	}
	return spans
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '’', '”', '»', ')', ']', '}':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '‘', '“', '«', '(', '[':
		return true
	}
	return false
}

// boundary decides whether the punctuation at text[p] (ending at end, after
// closers) ends a sentence.
func (sp *splitter) boundary(text string, p, end int, punct rune) bool {
	// A sentence ends only before space then a capital, digit or opener, or
	// at the end of the text.
	rest := text[end:]
	trimmed := strings.TrimLeftFunc(rest, unicode.IsSpace)
	if trimmed == "" {
		return true
	}
	if len(trimmed) == len(rest) {
		return false // "3.5", "U.S", "e.g.x": no space after
	}
	next, _ := utf8.DecodeRuneInString(trimmed)
	if isOpener(next) {
		_, ns := utf8.DecodeRuneInString(trimmed)
		next, _ = utf8.DecodeRuneInString(trimmed[ns:])
	}
	if !unicode.IsUpper(next) && !unicode.IsDigit(next) {
		return false
	}
	if punct != '.' || end-p > 1 && text[p+1] == '.' {
		return true
	}
	// The word before the period.
	ws := p
	for ws > 0 {
		r, s := utf8.DecodeLastRuneInString(text[:ws])
		if unicode.IsSpace(r) || isOpener(r) {
			break
		}
		ws -= s
	}
	word := text[ws:p]
	lw := strings.ToLower(word)
	nextWord := strings.ToLower(firstWord(trimmed))
	switch {
	case sp.abbrev[lw]:
		return false
	case sp.capAbbrev[lw] && unicode.IsUpper(firstRune(word)):
		return false // "Co.", "Sat."
	case sp.numAbbrev[lw] && unicode.IsDigit(next):
		return false // "No. 5"
	case utf8.RuneCountInString(word) == 1 && unicode.IsUpper(firstRune(word)):
		return false // an initial: "J. Smith"
	case strings.Contains(word, "."):
		// Dotted acronym ("U.S.", "e.g."): a sentence ends only when a
		// typical sentence opener follows.
		return sp.starter[nextWord]
	}
	return true
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func firstWord(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool { return !IsWordRune(r) })
	end := strings.IndexFunc(s, func(r rune) bool { return !IsWordRune(r) })
	if end < 0 {
		return s
	}
	return s[:end]
}

func trimSpan(text string, start, end int) Span {
	for start < end {
		r, s := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += s
	}
	for end > start {
		r, s := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= s
	}
	return Span{start, end}
}

// Sentences splits a paragraph into sentence spans as SplitSentences does,
// with the splitter the language already built.
func (l *Language) Sentences(text string) []Span { return l.split.split(text) }
