package main

import (
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/facts/internal/wordnet"
)

// Limits on what counts as an acronym in a synset: two to six capital
// letters. Longer capitalised lemmas are names ("NASCAR"-like brands and
// codes) rather than abbreviations a question would use for a phrase.
const (
	minAcronym = 2
	maxAcronym = 6
)

// acronyms lists "acronym word word ..." for every synset that holds both
// an all-capital lemma and a phrase whose initials spell it ("CEO" and
// "chief executive officer", "GDP" and "gross domestic product"), so a
// question that writes the short form finds a brief that spells it out.
// The initials may skip the phrase's function words ("FBI" is "Federal
// Bureau of Investigation"); mixed-case forms ("MoD") are not taken.
func (d *db) acronyms() []string {
	var out []string
	for _, s := range d.syn {
		for _, a := range s.words {
			if !isAcronym(a) {
				continue
			}
			for _, p := range s.words {
				words := phraseWords(p)
				if len(words) < minAcronym || !spells(a, words) {
					continue
				}
				out = append(out, strings.ToLower(a)+" "+strings.Join(words, " "))
			}
		}
	}
	return out
}

func isAcronym(w string) bool {
	if len(w) < minAcronym || len(w) > maxAcronym {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// phraseWords splits a multi-word lemma ("chief_executive_officer",
// "fiber-optic_cable") into lower-case words, or returns nil when a part is
// not plain letters (digits, apostrophes, dots make names, not phrases).
func phraseWords(lemma string) []string {
	parts := strings.FieldsFunc(lemma, func(r rune) bool { return r == '_' || r == '-' })
	for _, p := range parts {
		for _, r := range p {
			if !unicode.IsLetter(r) || r > unicode.MaxASCII {
				return nil
			}
		}
	}
	for i, p := range parts {
		parts[i] = strings.ToLower(p)
	}
	return parts
}

// spells reports whether the initials of words, with or without their
// function words, are the acronym.
func spells(acronym string, words []string) bool {
	var all, content strings.Builder
	for _, w := range words {
		all.WriteByte(w[0])
		if !wordnet.FunctionWord(w) {
			content.WriteByte(w[0])
		}
	}
	a := strings.ToLower(acronym)
	return all.String() == a || content.String() == a
}
