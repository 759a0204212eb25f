package facts

import (
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/facts/internal/prose"
)

// offersOf makes a completer of the given offer texts, as buildCompleter
// indexes them.
func offersOf(texts ...string) *completer {
	c := &completer{check: map[int32]bool{}}
	for _, t := range texts {
		key := strings.ToLower(t)
		c.list = append(c.list, completion{text: t, fact: -1,
			words: strings.FieldsFunc(key, func(r rune) bool { return !prose.IsWordRune(r) })})
		c.texts = append(c.texts, t)
	}
	c.words = indexWords(c.list)
	return c
}

// TestWordMatches: every typed word must be in an offer, the last as the
// start of a word; a word of four letters or more may be one edit off;
// an acronym matches a word of its phrase; exact offers come before
// those that needed an edit, each in offer order.
func TestWordMatches(t *testing.T) {
	c := offersOf(
		"Who is the minister of finance?",   // 0
		"When was the dialogue held?",       // 1
		"Who led the dialog in Brussels?",   // 2
		"What did the chief executive say?", // 3
		"Where was the summit?",             // 4
	)
	acronyms := func(w string) []string {
		if w == "ceo" {
			return []string{"chief", "executive", "officer"}
		}
		return nil
	}
	for _, tc := range []struct {
		typed string
		want  []int
	}{
		{"who", []int{0, 2}},
		{"wh", []int{0, 1, 2, 3, 4}},
		{"the minis", []int{0}},
		{"minis the", nil},          // only the word being typed may be cut short
		{"dialogu", []int{1, 2}},    // 2 by one edit: "dialog"
		{"dialog", []int{1, 2}},     // 1 as the word being typed, 2 exactly
		{"dialouge held", []int{1}}, // a transposition is one edit
		{"ceo", []int{3}},
		{"who summit", nil},
		{"zq", nil},
		{"", nil},
	} {
		got := c.wordMatches(tc.typed, acronyms)
		if !slices.Equal(got, tc.want) {
			t.Errorf("wordMatches(%q) = %v, want %v", tc.typed, got, tc.want)
		}
	}
}

// TestFuzzyMatchesNeedEveryLetter: the in-order letters fallback reads
// only offers holding every typed letter, and finds them in any case.
func TestFuzzyMatchesNeedEveryLetter(t *testing.T) {
	c := offersOf("GSP+ revenue rose", "Growth stalled", "Quiz night")
	if got := c.fuzzyMatches("gsp rev"); !slices.Equal(got, []int{0}) {
		t.Errorf("fuzzyMatches(gsp rev) = %v, want [0]", got)
	}
	if got := c.fuzzyMatches("zq"); len(got) != 0 {
		t.Errorf("fuzzyMatches(zq) = %v, want none", got)
	}
	if letterMask("Ab9")&letterMask("aB") != letterMask("ab") {
		t.Error("letterMask depends on case")
	}
}
