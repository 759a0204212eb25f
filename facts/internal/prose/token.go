package prose

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word of a sentence or question. Offsets point into the text
// the token came from, so matched words can be highlighted in the original.
type Token struct {
	Lower      string // folded lower case, used for vocabulary look-ups
	Start, End int    // byte offsets of the word in the source text
	Pos        int    // word position; compound tokens share their first part's
	Cap        bool   // starts with an upper-case letter
	Acronym    bool   // two or more letters, all upper case ("EU", "GSP")
	Num        bool   // starts with a digit
	Poss       bool   // followed by a possessive ’s
	Compound   bool   // joined form of a hyphenated word ("counterterrorism")
	HyphenNext bool   // joined to the next token by a hyphen
	Cls        WordClass
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

// IsWordRune reports whether r belongs inside a word: a letter, a digit
// or a combining mark.
func IsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Tokenize splits text into word tokens with byte offsets. It never fails:
// invalid UTF-8 and control characters are treated as separators.
func Tokenize(text string) []Token {
	return TokenizeInto(make([]Token, 0, len(text)/6+1), text)
}

// TokenizeInto is tokenize appending to buf, so a builder can reuse one
// buffer for every sentence of a corpus.
func TokenizeInto(buf []Token, text string) []Token {
	toks := buf[:0]
	pos := 0
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError || !IsWordRune(r) {
			i += size
			continue
		}
		start := i
		end := i
		digitStart := unicode.IsDigit(r)
		for end < len(text) {
			r, size := utf8.DecodeRuneInString(text[end:])
			if r != utf8.RuneError && IsWordRune(r) {
				end += size
				continue
			}
			// Keep "1,000" and "3.5" whole: a separator between digits.
			if digitStart && (r == ',' || r == '.') && end+1 < len(text) && end > start &&
				IsDigitByte(text[end-1]) && IsDigitByte(text[end+1]) {
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
		t := Token{Start: start, End: end, Pos: pos}
		t.Lower = LowerFold(raw)
		first, _ := utf8.DecodeRuneInString(raw)
		t.Cap = unicode.IsUpper(first)
		t.Num = unicode.IsDigit(first)
		t.Acronym = isAcronym(raw)
		next := end
		if next < len(text) {
			r, size := utf8.DecodeRuneInString(text[next:])
			if foldRune(r) == '\'' && isPossessive(text[next+size:]) {
				t.Poss = true
				next += size + 1
			} else if foldRune(r) == '-' && next+size < len(text) {
				nr, _ := utf8.DecodeRuneInString(text[next+size:])
				t.HyphenNext = IsWordRune(nr)
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

// IsDigitByte reports whether b is an ASCII digit.
func IsDigitByte(b byte) bool { return b >= '0' && b <= '9' }

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
	return !IsWordRune(r)
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
func withCompounds(toks []Token) []Token {
	out := toks
	for i := 0; i < len(toks); i++ {
		if !toks[i].HyphenNext {
			continue
		}
		j := i
		var b strings.Builder
		for ; j < len(toks); j++ {
			b.WriteString(toks[j].Lower)
			if !toks[j].HyphenNext {
				break
			}
		}
		if j >= len(toks) {
			j = len(toks) - 1
		}
		c := Token{Lower: b.String(), Start: toks[i].Start, End: toks[j].End,
			Pos: toks[i].Pos, Compound: true, Cap: toks[i].Cap}
		out = append(out, c)
		i = j
	}
	return out
}

// LowerFold lower-cases s and folds typographic variants.
func LowerFold(s string) string {
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

// Key maps a lower-case word to the key it is matched by: British and
// American spellings meet ("radicalisation", "radicalization", from SCOWL's
// variant lists), number words meet digits ("ninth", "9th"), and
// inflections share a Porter2 stem.
func (l *Language) Key(w string) string {
	if n, ok := NumberWord(w); ok {
		return n
	}
	if w != "" && IsDigitByte(w[0]) {
		return strings.ReplaceAll(w, ",", "")
	}
	return l.stem(w)
}

// NumberWord turns English number words into digits so that "ninth" and
// "9th", "two" and "2" match.
func NumberWord(w string) (string, bool) {
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
	if len(w) > 2 && IsDigitByte(w[0]) {
		for _, s := range [...]string{"st", "nd", "rd", "th"} {
			if strings.HasSuffix(w, s) && AllDigits(w[:len(w)-2]) {
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

// AllDigits reports whether s is non-empty and all ASCII digits.
func AllDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !IsDigitByte(s[i]) {
			return false
		}
	}
	return true
}

// Clean makes outside text safe to process: invalid UTF-8 and control
// characters become spaces and typographic variants are folded.
func Clean(s string) string {
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
