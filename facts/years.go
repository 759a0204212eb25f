package facts

// News dates what it tells against the day it was written: in a brief of
// 2026, "last year" and "in 2025" are one year. A sentence naming an
// earlier year is background and a later one a plan; and a question that
// asks about last year is a near miss of a sentence that gives this
// year's figure, however well its other words match ("how much did the
// ministry provide last year" against "which provided 4.2 million lira
// this year").

// The years a sentence or question names, against its brief's date.
const (
	yearPast uint8 = 1 << iota
	yearFuture
	yearThis
)

// yearsAgainst says which years toks name against the year of date (a
// brief's date, "YYYY-MM-DD"): written as numbers, which need the date,
// or as "last year", "this year", "next year", which do not.
func yearsAgainst(toks []token, date string) uint8 {
	out := relativeYears(toks)
	if len(date) < 4 {
		return out
	}
	for _, t := range toks {
		if t.num && isYear(t.lower) {
			out |= yearAgainst(t.lower, date)
		}
	}
	return out
}

// yearAgainst places a year against date's: 0 when date has none.
func yearAgainst(year, date string) uint8 {
	switch {
	case len(date) < 4:
		return 0
	case year < date[:4]:
		return yearPast
	case year > date[:4]:
		return yearFuture
	}
	return yearThis
}

// relativeYears says which years toks name relative to the day they were
// written: "last year", "the previous year", "a year ago", "the year
// before", "this year", "next year", "the coming year" (see
// timeUnitPhrase).
func relativeYears(toks []token) uint8 {
	var out uint8
	for i, t := range toks {
		if t.lower == "year" {
			out |= timeUnitPhrase(toks, i)
		}
	}
	return out
}

// yearClash reports whether a fact names only other years than the one a
// question asks about by a relative phrase: the question's years asked,
// the fact's named (see yearsAgainst). A fact that names no year may tell
// any, so it does not clash.
func yearClash(asked, named uint8) bool {
	return asked != 0 && named != 0 && asked&named == 0
}
