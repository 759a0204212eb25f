package talk

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/english"
	"github.com/briefbot/briefbot/facts/internal/foreign"
)

// A message with at least minForeignFunctionWords function words of other
// languages ("und", "où", "kwa"), making up at least minForeignShare of
// its words that are either those or English, is taken for another
// language; French shares many words with English ("Où le dialogue a-t-il
// eu lieu"), English quotes few foreign ones ("what did Le Pen say").
// Higher values miss short foreign messages; lower ones take English with
// foreign names for foreign.
const (
	minForeignFunctionWords = 2
	minForeignShare         = 0.4
)

// otherScriptShare is the share of a message's letters in a script other
// than Latin (Han, Cyrillic, Arabic, …) from which it is not English.
const otherScriptShare = 0.5

// otherLanguage reports whether a message is clearly in another language: most
// of its letters in another script, more function words of other languages
// than English words, or a few words of which few are English or words of
// the briefs.
func otherLanguage(base *facts.Base, message, norm string) bool {
	if otherScript(message) {
		return true
	}
	words := strings.Fields(norm)
	lowerAccented := accentedWords(message)
	other, eng := 0, 0
	for _, w := range words {
		switch {
		case foreign.Word(w) && !base.Knows(w):
			// A foreign word the briefs use is part of a name people
			// ask about ("Banque du Sud"), no sign of their language.
			other++
		case lowerAccented[w] && !english.Known(w) && !base.Knows(w):
			// English writes letters outside a–z only in borrowed
			// words ("café", which it knows) and in names, which it
			// capitalises: such a word in lower case is another
			// language's ("Wer hat die Gespräche geführt?").
			other++
		case english.Known(w) || english.Known(strings.TrimSuffix(w, "'s")):
			eng++
		}
	}
	if other >= minForeignFunctionWords && float64(other) >= minForeignShare*float64(other+eng) {
		return true
	}
	if len(words) < minForeignWords || eng > 0 && other == 0 {
		return false
	}
	known := 0
	for _, w := range words {
		if english.Known(w) || english.Known(strings.TrimSuffix(w, "'s")) || base.Knows(w) || isDigits(w) {
			known++
		}
	}
	return float64(known) < maxEnglishShare*float64(len(words))
}

// accentedWords is the set of the message's words written in lower case
// with a letter outside a–z ("geführt", "año", "się"), lower-cased as the
// normalised message has them.
func accentedWords(message string) map[string]bool {
	out := make(map[string]bool)
	for _, f := range strings.Fields(message) {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) })
		first, _ := utf8.DecodeRuneInString(w)
		if w == "" || !unicode.IsLower(first) {
			continue
		}
		if strings.ContainsFunc(w, func(r rune) bool { return r > unicode.MaxASCII && unicode.IsLetter(r) }) {
			out[strings.ToLower(w)] = true
		}
	}
	return out
}

// otherScript reports whether most of the message's letters are of a
// script other than Latin.
func otherScript(message string) bool {
	letters, other := 0, 0
	for _, r := range message {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if !unicode.Is(unicode.Latin, r) {
			other++
		}
	}
	return letters > 0 && float64(other) >= otherScriptShare*float64(letters)
}
