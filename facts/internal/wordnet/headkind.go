package wordnet

import (
	_ "embed"
	"fmt"
	"strings"
)

var (
	//go:embed headkinds.txt
	headKindsTxt string
	//go:embed givennames.txt
	givenNamesTxt string
)

// Kinds of thing a name's last word makes it name (HeadKind).
const (
	HeadPlace = "place" // "… Stadium", "… Airport", "… Bridge"
	HeadOrg   = "org"   // "… Council", "… League", "… Rovers"
	HeadMisc  = "misc"  // "… Cup", "… Shield", "… Tournament"
)

// parseHeads fills the head kinds and given names.
func (l *Lexicon) parseHeads(heads, given string) error {
	l.headKind = make(map[string]string, countLines(heads))
	err := eachLine("headkinds.txt", heads, func(line string) error {
		word, kind, ok := strings.Cut(line, " ")
		if !ok || strings.Contains(kind, " ") {
			return errFields
		}
		switch kind {
		case HeadPlace:
			kind = HeadPlace
		case HeadOrg:
			kind = HeadOrg
		case HeadMisc:
			kind = HeadMisc
		default:
			return fmt.Errorf("unknown head kind %q", kind)
		}
		return put(l.headKind, word, kind)
	})
	if err != nil {
		return err
	}
	l.given, err = parseWords("givennames.txt", given)
	return err
}

// HeadKind returns what a capitalised name of several words ending in the
// lower-case noun word names when it is not a person: "Carrow Stadium" a
// place, "Shire Council" an organisation, "Autumn Cup" another thing.
// Nouns that are also the surnames of WordNet's people ("ford", "hall")
// have none.
func (l *Lexicon) HeadKind(word string) (string, bool) {
	if l == nil {
		return "", false
	}
	k, ok := l.headKind[word]
	return k, ok
}

// GivenName reports whether the lower-case word opens the name of one of
// WordNet's people ("henry", "mary"): a name it opens is a person's.
func (l *Lexicon) GivenName(word string) bool {
	return l != nil && l.given[word]
}
