// Package foreign knows the function words of languages other than
// English: "und", "pour", "dónde", "het", "kwa", "berapa". A few of them in
// a message, outnumbering its English words, say it is not in English.
//
// The list is every stop word of the Latin-script languages of
// stopwords-iso that is not an English word in SCOWL's lists, with the
// languages of every such stop word beside it, produced by ./gen; see
// LICENSE.
package foreign

//go:generate go run ./gen -stopwords /tmp/data/sw/package/stopwords-iso.json

import (
	_ "embed"

	"github.com/briefbot/briefbot/facts/internal/wordlist"
)

//go:embed words.txt
var words string

//go:embed languages.txt
var languages string

// Word reports whether w, in lower case, is a function word of another
// language and no English word, allocating nothing.
func Word(w string) bool { return wordlist.Has(words, w) }

// Languages returns the codes of the languages w, in lower case, is a
// function word of, joined by commas ("de,hu" for "hat"), "" for none.
// English words are among them: "hat" and "den" are German ones too,
// which a message in German shows when a word only German has
// ("wer") stands beside them.
func Languages(w string) string {
	ls, _ := wordlist.Field(languages, w)
	return ls
}
