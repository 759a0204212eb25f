package prose

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxAge bounds a bare number read as a person's age.
const maxAge = 120

// AgeIn reports whether amount e of text gives an age: written as one
// ("47-year-old", "aged 47"), after "aged" or "the age of" ("died at the
// age of 41", "volunteers aged 60 to 79"), or as a bare number between
// commas right after a name ("Vasko, 54, led the bank"), which is how
// news writing gives a person's age. For that last, owner is the name
// the age belongs to ("Vasko"): in "Osk, 54, beat Pavel Dren" it is no
// answer to how old Dren is.
func AgeIn(text string, e Entity) (ok bool, owner string) {
	if isAge(e.Text) {
		return true, ""
	}
	before := strings.ToLower(strings.TrimRight(text[:e.Span.Start], " "))
	if strings.HasSuffix(before, " aged") || before == "aged" || strings.HasSuffix(before, "age of") {
		return true, ""
	}
	owner = appositiveAge(text, e.Span)
	return owner != "", owner
}

// appositiveAge is the capitalised word that a whole number of at most
// maxAge follows between commas ("Osk" in "Osk, 54, beat"), or "" when sp
// is no such number.
func appositiveAge(text string, sp Span) string {
	n, err := strconv.Atoi(text[sp.Start:sp.End])
	if err != nil || n < 1 || n > maxAge {
		return ""
	}
	before, ok := strings.CutSuffix(text[:sp.Start], ", ")
	if !ok || !strings.HasPrefix(text[sp.End:], ",") {
		return ""
	}
	word := before[strings.LastIndexAny(before, " \t\n(")+1:]
	if r, _ := utf8.DecodeRuneInString(word); !unicode.IsUpper(r) || len(word) < 2 {
		return ""
	}
	return word
}

// isAge reports whether an amount is written as an age.
func isAge(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "year-old") || strings.Contains(l, "years old") || strings.HasPrefix(l, "aged ")
}
