package facts

import (
	"github.com/briefbot/briefbot/facts/internal/prose"
)

// A near-miss question often moves what a sentence says to another day:
// "how much did the shares fall on <one weekday>" of a sentence about
// the fall on another, or "how many were sold in <one month>" of a
// sentence counting another month's sales. The sentence shares every
// other word with the question; what marks it is that it dates what it
// says by a weekday or a month, and not by the one asked about. A year is
// a number, which fNumMiss already weighs.

// Date grains a question can name by a word.
const (
	grainWeekday = iota
	grainMonth
	numGrains
)

// askedDates holds the weekdays and months a question names, as the
// index terms of the briefs, with every term of the same grain the
// briefs use: a fact that holds one of the latter and none of the former
// is dated elsewhere.
type askedDates struct {
	asked [numGrains][]uint32
	all   [numGrains][]uint32
	named [numGrains]bool
}

// askedDates reads the weekdays and months a question names. "march" is
// a month only when capitalised or after a word that dates ("in",
// "since"), since lower-case questions use it as a verb.
func (b *Base) askedDates(toks []prose.Token) askedDates {
	var ad askedDates
	for k, t := range toks {
		g := -1
		switch {
		case b.lang.Weekday[t.Lower]:
			g = grainWeekday
		case b.lang.Month[t.Lower] && (t.Cap || t.Lower != "march" || (k > 0 && datingWord(toks[k-1].Lower))):
			g = grainMonth
		}
		if g < 0 || b.lang.Stop[t.Lower] {
			continue // "May" is no index term, so no fact can be seen to hold it
		}
		ad.named[g] = true
		if id, ok := b.idx.terms[b.lang.Key(t.Lower)]; ok {
			ad.asked[g] = append(ad.asked[g], id)
		}
	}
	for g, set := range [numGrains]map[string]bool{b.lang.Weekday, b.lang.Month} {
		if !ad.named[g] {
			continue
		}
		for w := range set {
			if id, ok := b.idx.terms[b.lang.Key(w)]; ok {
				ad.all[g] = append(ad.all[g], id)
			}
		}
	}
	return ad
}

// datingWord reports whether w, before a month, makes it one.
func datingWord(w string) bool {
	switch w {
	case "in", "since", "from", "until", "by", "of", "early", "late", "mid", "last", "next", "this":
		return true
	}
	return false
}

// dateClash reports whether the fact dates what it says by a weekday or
// a month of a grain the question names, and by none the question names.
func (ad *askedDates) dateClash(d *doc) bool {
	for g := range numGrains {
		if ad.named[g] && !hasAnyTerm(d.terms, ad.asked[g]) && hasAnyTerm(d.terms, ad.all[g]) {
			return true
		}
	}
	return false
}
