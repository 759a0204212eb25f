package talk

import (
	"slices"
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
	shown := shownLanguages(base, words)
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
		case sharedWith(w, shown):
			// "hat" and "den" are English words, and German ones
			// beside "wer": "Wer hat den Dialog geleitet?"
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

// shownLanguages are the languages a message shows itself to be in
// beside English: each has a function word there that no English word
// spells, no brief uses and no chat spelling stands for ("wer", not
// "wat"), and at least minShownWords of the message's words are its
// function words, English ones included ("wer hat den": German). Each is
// a code of foreign.Languages.
func shownLanguages(base *facts.Base, words []string) []string {
	anchored := map[string]bool{}
	for _, w := range words {
		if foreign.Word(w) && !base.Knows(w) && base.ChatWord(w) == w {
			for l := range strings.SplitSeq(foreign.Languages(w), ",") {
				anchored[l] = true
			}
		}
	}
	if len(anchored) == 0 {
		return nil
	}
	count := map[string]int{}
	for _, w := range words {
		for l := range strings.SplitSeq(foreign.Languages(w), ",") {
			if anchored[l] {
				count[l]++
			}
		}
	}
	var out []string
	for l, n := range count {
		if n >= minShownWords {
			out = append(out, l)
		}
	}
	return out
}

// minShownWords is how many of a message's words must be function words
// of a language for its English-looking ones to count as that language's:
// fewer take an English question with a foreign name or a typo in it
// ("how tal is …") for another language; more miss short questions.
const minShownWords = 3

// sharedWith reports whether w, a word English has too, is a function
// word of one of the languages shown.
func sharedWith(w string, shown []string) bool {
	if len(shown) == 0 {
		return false
	}
	for l := range strings.SplitSeq(foreign.Languages(w), ",") {
		if slices.Contains(shown, l) {
			return true
		}
	}
	return false
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
