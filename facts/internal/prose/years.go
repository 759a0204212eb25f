package prose

// News dates what it tells against the day it was written: in a brief of
// 2026, "last year" and "in 2025" are one year. A sentence naming an
// earlier year is background and a later one a plan; and a question that
// asks about last year is a near miss of a sentence that gives this
// year's figure, however well its other words match ("how much did the
// ministry provide last year" against "which provided 4.2 million lira
// this year").

// The years a sentence or question names, against its brief's date.
const (
	YearPast uint8 = 1 << iota
	YearFuture
	YearThis
)

// YearsAgainst says which years toks name against the year of date (a
// brief's date, "YYYY-MM-DD"): written as numbers, which need the date,
// or as "last year", "this year", "next year", which do not.
func YearsAgainst(toks []Token, date string) uint8 {
	out := RelativeYears(toks)
	if len(date) < 4 {
		return out
	}
	for _, t := range toks {
		if t.Num && IsYear(t.Lower) {
			out |= YearAgainst(t.Lower, date)
		}
	}
	return out
}

// YearAgainst places a year against date's: 0 when date has none.
func YearAgainst(year, date string) uint8 {
	switch {
	case len(date) < 4:
		return 0
	case year < date[:4]:
		return YearPast
	case year > date[:4]:
		return YearFuture
	}
	return YearThis
}

// RelativeYears says which years toks name relative to the day they were
// written: "last year", "the previous year", "a year ago", "the year
// before", "this year", "next year", "the coming year" (see
// timeUnitPhrase).
func RelativeYears(toks []Token) uint8 {
	var out uint8
	for i, t := range toks {
		if t.Lower == "year" {
			out |= TimeUnitPhrase(toks, i)
		}
	}
	return out
}

// YearClash reports whether a fact names only other years than the one a
// question asks about by a relative phrase: the question's years asked,
// the fact's named (see yearsAgainst). A fact that names no year may tell
// any, so it does not clash.
func YearClash(asked, named uint8) bool {
	return asked != 0 && named != 0 && asked&named == 0
}

// timeUnit reports whether w is a span of time a relative phrase counts
// in ("a quarter earlier", "last month").
func timeUnit(w string) bool {
	switch w {
	case "year", "month", "quarter", "week", "season", "half":
		return true
	}
	return false
}

// TimeUnitPhrase reads the relative time phrase whose unit is toks[k]:
// "last year", "the previous quarter", "this month", "next season", "a
// year earlier", "the year before", "a month ago". 0 when it is none.
func TimeUnitPhrase(toks []Token, k int) uint8 {
	if !timeUnit(toks[k].Lower) {
		return 0
	}
	if k > 0 {
		switch toks[k-1].Lower {
		case "last", "previous", "prior", "preceding": // not "past": "the past year" runs up to today
			return YearPast
		case "this", "current":
			return YearThis
		case "next", "coming":
			return YearFuture
		}
	}
	if k+1 < len(toks) {
		switch toks[k+1].Lower {
		case "earlier", "ago", "before", "prior":
			return YearPast
		case "later":
			return YearFuture
		}
	}
	return 0
}
