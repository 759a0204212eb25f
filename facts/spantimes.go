package facts

import (
	"cmp"
	"slices"

	"github.com/briefbot/briefbot/facts/internal/prose"
)

// A sentence often gives two values of one thing at two times: "€712
// million, up from €668 million last year", "€45 million, compared with
// €30 million a year earlier", "212 rhinos, up from 187 in 2023". Which one
// answers depends on the time the question asks about, and the words that
// tie each amount to its time differ from brief to brief, so the span
// model is told whether they agree rather than which words stand around
// them. Times are read as the years are (see yearsAgainst): before, at or
// after the brief's own time.

// timeWindow is how many words after an amount may hold the phrase that
// dates it ("187 in 2023", "€30 million a year earlier"): wider reaches
// the next clause's time.
const timeWindow = 5

// askedTime is the time a question asks about, read once and placed
// against each brief's date as its facts are weighed (see at).
type askedTime struct {
	rel   uint8    // its relative time phrases ("last year", "a quarter earlier")
	years []string // the years it names as numbers
	cue   uint8    // the words that ask for an earlier or the present value, when it has no time phrase
}

// questionTime reads the times a question asks about: its time phrases,
// and without one, the words that ask for an earlier or the present value
// of something ("the previous rate", "what was it before", "the new
// price", "now").
func questionTime(toks []prose.Token) askedTime {
	var at askedTime
	for k, t := range toks {
		if t.Num && prose.IsYear(t.Lower) {
			at.years = append(at.years, t.Lower)
		}
		at.rel |= prose.TimeUnitPhrase(toks, k)
	}
	if at.rel != 0 || len(at.years) > 0 {
		return at
	}
	for k, t := range toks {
		switch t.Lower {
		case "old":
			// "how old" asks an age, not for an earlier value.
			if k == 0 || toks[k-1].Lower != "how" {
				at.cue |= prose.YearPast
			}
		case "previous", "previously", "before", "earlier", "former", "prior", "originally", "initially":
			at.cue |= prose.YearPast
		case "now", "new", "currently", "current", "today":
			at.cue |= prose.YearThis
		}
	}
	return at
}

// at places the asked time against a brief's date.
func (at askedTime) at(date string) uint8 {
	out := at.rel | at.cue
	for _, y := range at.years {
		out |= prose.YearAgainst(y, date)
	}
	return out
}

// amountTimes dates each amount of a sentence (the tagger's Number
// entities, ents): the time phrase that follows it within timeWindow
// words, before any other number, or the words that lead into a
// compared value ("up from 187", "against €3.6 billion", "compared with").
// An amount left undated in a sentence that dates another to the past,
// or to a year a brief without a date cannot place, is the present one
// ("€712 million" of "€712 million, up from €668 million last year"). It
// returns the time of each word, 0 outside amounts, and the year each
// is dated to when a year dates it ("187 in 2023"), "" for none.
func amountTimes(toks []prose.Token, ents []entRange, date string) ([]uint8, []string) {
	times, years := make([]uint8, len(toks)), make([]string, len(toks))
	before := false
	open := openingTime(toks, date)
	for _, e := range ents {
		if e.entity != Number || e.i < 0 || e.j >= len(toks) {
			continue
		}
		tm, year := timeAfter(toks, e.j, date)
		if tm == 0 && year == "" {
			tm = timeLead(toks, e.i)
		}
		if tm == 0 && year == "" && open.dates(toks, e.i) {
			tm, year = open.tm, open.year
		}
		for k := e.i; k <= e.j; k++ {
			times[k], years[k] = tm, year
		}
		before = before || tm&prose.YearPast != 0 || tm == 0 && year != ""
	}
	if !before {
		return times, years
	}
	for _, e := range ents {
		if e.entity == Number && e.i >= 0 && e.j < len(toks) && times[e.i] == 0 && years[e.i] == "" {
			for k := e.i; k <= e.j; k++ {
				times[k] = prose.YearThis
			}
		}
	}
	return times, years
}

// maxOpening is the word a time phrase that opens a sentence may end at
// ("In the previous quarter," ends at the fourth): later, a time phrase is
// more often a clause's own than the sentence's.
const maxOpening = 3

// opening is the time phrase a sentence opens with ("In 2023, 187 were
// counted", "Last year the firm sold 4,100"): it dates the amounts after
// it that have no time of their own.
type opening struct {
	tm   uint8
	year string
	end  int // its last word; -1 for none
}

// openingTime reads the time phrase a sentence opens with: a year after
// at most one other word ("In 2023", "During 2022"; not "Since 2019",
// which runs up to now), or a relative phrase ("Last year", "A year
// earlier").
func openingTime(toks []prose.Token, date string) opening {
	for k := 0; k < len(toks) && k <= maxOpening; k++ {
		t := toks[k]
		if t.Num && prose.IsYear(t.Lower) && k <= 1 && (k == 0 || toks[0].Lower != "since") {
			return opening{tm: prose.YearAgainst(t.Lower, date), year: t.Lower, end: k}
		}
		if tm := prose.TimeUnitPhrase(toks, k); tm != 0 {
			return opening{tm: tm, end: k}
		}
		if amountWord(t) {
			break
		}
	}
	return opening{end: -1}
}

// dates reports whether the opening dates the amount starting at word i:
// it comes before it, and no word that places what follows in the present
// ("now", "currently", "today") stands between.
func (o opening) dates(toks []prose.Token, i int) bool {
	if o.end < 0 || i <= o.end {
		return false
	}
	for k := o.end + 1; k < i; k++ {
		switch toks[k].Lower {
		case "now", "currently", "today":
			return false
		}
	}
	return true
}

// amountWord reports whether t is a number that is not a year.
func amountWord(t prose.Token) bool {
	return (t.Num || prose.IsNumberWord(t.Lower)) && !prose.IsYear(t.Lower)
}

// timeAfter reads the time phrase after the amount ending at word j,
// and the year it names when it is one. Another number ends the search:
// its time is its own.
func timeAfter(toks []prose.Token, j int, date string) (uint8, string) {
	for k := j + 1; k < len(toks) && k <= j+timeWindow; k++ {
		if t := toks[k]; t.Num && prose.IsYear(t.Lower) {
			return prose.YearAgainst(t.Lower, date), t.Lower
		}
		if tm := prose.TimeUnitPhrase(toks, k); tm != 0 {
			return tm, ""
		}
		if amountWord(toks[k]) {
			return 0, ""
		}
	}
	return 0, ""
}

// timeLead reads the words before the amount starting at word i that make it the
// value compared against, which news gives as the earlier one: "up from",
// "down from", "against", "compared with", "versus".
func timeLead(toks []prose.Token, i int) uint8 {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		switch toks[k].Lower {
		case "from", "against", "versus", "vs":
			return prose.YearPast
		case "with":
			if k > 0 && toks[k-1].Lower == "compared" {
				return prose.YearPast
			}
		}
		if amountWord(toks[k]) {
			return 0
		}
	}
	return 0
}

// spanTimes fills the features of how the time of the amount in words
// i..j agrees with the time the question asks about: asked, placed
// against the brief's date, and the years it names. A year names itself
// where the brief has no date to place it against: "187 in 2023" agrees
// with "how many in 2023", and the present amount beside it clashes.
func spanTimes(st *spanToks, at askedTime, i, j int, fv *[numSpanFeatures]float64) {
	var tm uint8
	year := ""
	for k := i; k <= j; k++ {
		tm |= st.times[k]
		year = cmp.Or(year, st.years[k])
	}
	switch {
	case year != "" && len(at.years) > 0:
		if slices.Contains(at.years, year) {
			fv[sTimeAgree] = 1
		} else {
			fv[sTimeClash] = 1
		}
		return
	case tm == prose.YearThis && st.asked == 0 && slices.ContainsFunc(at.years, func(y string) bool { return slices.Contains(st.years, y) }):
		// Asked the year the sentence gives another amount.
		fv[sTimeClash] = 1
		return
	}
	asked := st.asked
	switch {
	case tm == 0 && year == "":
	case asked == 0:
		fv[sTimeUnasked] = b2f(tm&prose.YearPast != 0 || tm == 0 && year != "")
	case asked&tm != 0:
		fv[sTimeAgree] = 1
	default:
		fv[sTimeClash] = 1
	}
}
