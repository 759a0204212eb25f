package prose

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Chat messages are read as plain words: letters, digits and apostrophes,
// and an ampersand between letters ("R&D", "AT&T"), so that "what's",
// "don't" and "o'clock" stay one word, and "R&D" is not the chat "r"
// ("are") and a "d", while punctuation
// and emoji only separate words. Tokenize, which the matcher uses, splits
// a possessive off and folds more; the conversation layer needs the words
// as typed, to match its phrase lists.

// chatWordRune reports whether r belongs inside a chat word.
func chatWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’'
}

// inWord reports whether the rune r at byte i of s belongs inside a chat
// word: a word rune, or an ampersand joining two.
func inWord(s string, i int, r rune) bool {
	if r != '&' {
		return chatWordRune(r)
	}
	if i == 0 || i+1 >= len(s) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[i+1:])
	return unicode.IsLetter(prev) && unicode.IsLetter(next)
}

// Words returns the byte spans of the chat words of s.
func Words(s string) []Span {
	var out []Span
	start := -1
	for i, r := range s {
		word := inWord(s, i, r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			out = append(out, Span{Start: start, End: i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, Span{Start: start, End: len(s)})
	}
	return out
}

// Normalize is s as lower-case chat words joined by single spaces, with
// typographic apostrophes made plain: the form phrase lists are written in.
func Normalize(s string) string {
	var b strings.Builder
	space := false
	low := strings.ToLower(s)
	for i, r := range low {
		if inWord(low, i, r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			if r == '’' {
				r = '\''
			}
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}
