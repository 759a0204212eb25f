package talk

import (
	"strings"
	"unicode"

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
	other, eng := 0, 0
	for _, w := range words {
		switch {
		case foreign.Word(w) && !base.Knows(w):
			// A foreign word the briefs use is part of a name people
			// ask about ("Banque du Sud"), no sign of their language.
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
