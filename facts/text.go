package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a sentence or question. Offsets point into the text
// the token came from, so matched words can be highlighted in the original.
type token struct {
	lower      string // folded lower case, used for vocabulary look-ups
	start, end int    // byte offsets of the word in the source text
	pos        int    // word position; compound tokens share their first part's
	cap        bool   // starts with an upper-case letter
	acronym    bool   // two or more letters, all upper case ("EU", "GSP")
	num        bool   // starts with a digit
	poss       bool   // followed by a possessive ’s
	compound   bool   // joined form of a hyphenated word ("counterterrorism")
	hyphenNext bool   // joined to the next token by a hyphen
	cls        wordClass
}

// foldRune maps typographic variants to their plain forms so that “quotes”,
// ’apostrophes’ and dashes typed on phones match the ones in the brief.
func foldRune(r rune) rune {
	switch r {
	case '’', '‘', 'ʼ', '`', '´':
		return '\''
	case '“', '”', '„', '«', '»':
		return '"'
	case '‐', '‑', '‒', '–', '—', '−':
		return '-'
	case '\u00a0', '\u2009', '\u202f', '\t', '\n', '\r', '\v', '\f':
		return ' '
	}
	return r
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenize splits text into word tokens with byte offsets. It never fails:
// invalid UTF-8 and control characters are treated as separators.
func tokenize(text string) []token {
	return tokenizeInto(make([]token, 0, len(text)/6+1), text)
}

// tokenizeInto is tokenize appending to buf, so a builder can reuse one
// buffer for every sentence of a corpus.
func tokenizeInto(buf []token, text string) []token {
	toks := buf[:0]
	pos := 0
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError || !isWordRune(r) {
			i += size
			continue
		}
		start := i
		end := i
		digitStart := unicode.IsDigit(r)
		for end < len(text) {
			r, size := utf8.DecodeRuneInString(text[end:])
			if r != utf8.RuneError && isWordRune(r) {
				end += size
				continue
			}
			// Keep "1,000" and "3.5" whole: a separator between digits.
			if digitStart && (r == ',' || r == '.') && end+1 < len(text) && end > start &&
				isDigitByte(text[end-1]) && isDigitByte(text[end+1]) {
				end++
				continue
			}
			// Keep "don't" whole but split the possessive off "Pakistan’s".
			if foldRune(r) == '\'' && end+size < len(text) {
				nr, _ := utf8.DecodeRuneInString(text[end+size:])
				if unicode.IsLetter(nr) && !isPossessive(text[end+size:]) {
					end += size
					continue
				}
			}
			break
		}
		raw := text[start:end]
		t := token{start: start, end: end, pos: pos}
		t.lower = lowerFold(raw)
		first, _ := utf8.DecodeRuneInString(raw)
		t.cap = unicode.IsUpper(first)
		t.num = unicode.IsDigit(first)
		t.acronym = isAcronym(raw)
		next := end
		if next < len(text) {
			r, size := utf8.DecodeRuneInString(text[next:])
			if foldRune(r) == '\'' && isPossessive(text[next+size:]) {
				t.poss = true
				next += size + 1
			} else if foldRune(r) == '-' && next+size < len(text) {
				nr, _ := utf8.DecodeRuneInString(text[next+size:])
				t.hyphenNext = isWordRune(nr)
			}
		}
		toks = append(toks, t)
		pos++
		i = next
		if i == start {
			i = end
		}
	}
	return withCompounds(toks)
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// isPossessive reports whether s (the text after an apostrophe) is "s" at a
// word end, as in "Pakistan’s".
func isPossessive(s string) bool {
	if len(s) == 0 || (s[0] != 's' && s[0] != 'S') {
		return false
	}
	if len(s) == 1 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[1:])
	return !isWordRune(r)
}

func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// withCompounds adds the joined form of hyphenated words, so "counterterrorism"
// finds "counter-terrorism" and "week long" finds "week-long".
func withCompounds(toks []token) []token {
	out := toks
	for i := 0; i < len(toks); i++ {
		if !toks[i].hyphenNext {
			continue
		}
		j := i
		var b strings.Builder
		for ; j < len(toks); j++ {
			b.WriteString(toks[j].lower)
			if !toks[j].hyphenNext {
				break
			}
		}
		if j >= len(toks) {
			j = len(toks) - 1
		}
		c := token{lower: b.String(), start: toks[i].start, end: toks[j].end,
			pos: toks[i].pos, compound: true, cap: toks[i].cap}
		out = append(out, c)
		i = j
	}
	return out
}

// lowerFold lower-cases s and folds typographic variants.
func lowerFold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || (s[i] >= 'A' && s[i] <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(unicode.ToLower(foldRune(r)))
	}
	return b.String()
}

// key maps a lower-case word to the key it is matched by: British and
// American spellings meet ("radicalisation", "radicalization", from SCOWL's
// variant lists), number words meet digits ("ninth", "9th"), and
// inflections share a Porter2 stem.
func (l *language) key(w string) string {
	if n, ok := numberWord(w); ok {
		return n
	}
	if w != "" && isDigitByte(w[0]) {
		return strings.ReplaceAll(w, ",", "")
	}
	return l.stem(w)
}

// numberWord turns English number words into digits so that "ninth" and
// "9th", "two" and "2" match.
func numberWord(w string) (string, bool) {
	switch w {
	case "zero":
		return "0", true
	case "one", "first":
		return suffixed(w, "1")
	case "two", "second":
		return suffixed(w, "2")
	case "three", "third":
		return suffixed(w, "3")
	case "four", "fourth":
		return suffixed(w, "4")
	case "five", "fifth":
		return suffixed(w, "5")
	case "six", "sixth":
		return suffixed(w, "6")
	case "seven", "seventh":
		return suffixed(w, "7")
	case "eight", "eighth":
		return suffixed(w, "8")
	case "nine", "ninth":
		return suffixed(w, "9")
	case "ten", "tenth":
		return suffixed(w, "10")
	case "eleven", "eleventh":
		return suffixed(w, "11")
	case "twelve", "twelfth":
		return suffixed(w, "12")
	case "twenty", "twentieth":
		return suffixed(w, "20")
	case "hundred":
		return "100", true
	case "thousand":
		return "1000", true
	}
	if len(w) > 2 && isDigitByte(w[0]) {
		for _, s := range [...]string{"st", "nd", "rd", "th"} {
			if strings.HasSuffix(w, s) && allDigits(w[:len(w)-2]) {
				return w[:len(w)-2] + "th", true
			}
		}
	}
	return "", false
}

func suffixed(w, digits string) (string, bool) {
	if ordinalWord(w) {
		return digits + "th", true
	}
	return digits, true
}

func ordinalWord(w string) bool {
	switch w {
	case "first", "second", "third", "fifth", "eighth", "ninth", "twelfth":
		return true
	}
	return strings.HasSuffix(w, "th") && w != "th"
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) {
			return false
		}
	}
	return true
}

// clean makes outside text safe to process: invalid UTF-8 and control
// characters become spaces and typographic variants are folded.
func clean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == '\x1b' && i < len(s) && s[i] == '[' {
			// A terminal escape sequence ("\x1b[31m") pasted from a console.
			j := i + 1
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == '?') {
				j++
			}
			if j < len(s) && (s[j] >= '@' && s[j] <= '~') {
				i = j + 1
				b.WriteByte(' ')
				continue
			}
		}
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteByte(' ')
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			b.WriteByte(' ')
		default:
			b.WriteRune(foldRune(r))
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
