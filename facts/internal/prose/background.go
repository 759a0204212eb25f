package prose

// News measures today's event against an earlier one: "the deadliest
// storm since a tornado killed 11 people there in May 1999", "the region
// was last hit by a comparable quake in 2001", "beat the previous record
// set in August 2021". Such a clause shares the story's words (the
// storm, the quake, the record) yet tells another event, so its figures
// and dates answer a question about the story wrongly. The words that
// open it are a closed class of English; a year dates it as past
// whatever the brief's own date.

// backgroundLead is how near the start of a sentence "last" or "previous"
// must stand for the whole sentence to tell the earlier event ("The last
// major strike …, in 2019, lasted nine days"); further on, only the words
// from it on do. Wider takes in sentences whose subject is today's news.
const backgroundLead = 4

// Background returns the words [from, to) of toks that tell an earlier
// event than the story's, or 0, 0 when none do:
//   - from "since" to the end of its clause, when a year dates it, and on
//     through a clause that follows with "when" ("since 2019, when a
//     rival paid …"); "since 2019" alone runs up to now and is no other
//     event;
//   - from "last", "previous" or "prior" to the sentence end, or the whole
//     sentence when it stands among its first words, when a year follows
//     it ("last hit … in 2001"); "last year" is a time phrase, not this.
//
// clause numbers the clause each word stands in.
func (l *Language) Background(toks []Token, clause []int) (from, to int) {
	for k, t := range toks {
		switch t.Lower {
		case "since":
			if e, ok := l.sinceClause(toks, clause, k); ok {
				return k, e
			}
		case "last", "previous", "prior":
			if k+1 >= len(toks) || TimeUnitPhrase(toks, k+1) != 0 || !yearAfter(toks, k+1, len(toks)) {
				continue
			}
			if k <= backgroundLead {
				return 0, len(toks)
			}
			return k, len(toks)
		}
	}
	return 0, 0
}

// sinceClause reads the clause "since" at word k opens: its end, and
// whether it tells an earlier event, being dated by a year and either
// followed by a "when" clause or holding more than the date ("since a
// tornado killed 11 people there in May 1999").
func (l *Language) sinceClause(toks []Token, clause []int, k int) (int, bool) {
	e := clauseEnd(clause, k)
	if !yearAfter(toks, k+1, e) {
		return 0, false
	}
	if e < len(toks) && toks[e].Lower == "when" {
		return clauseEnd(clause, e), true
	}
	// "since 2019", "since August 2021": a date alone runs up to now.
	for i := k + 1; i < e; i++ {
		if !toks[i].Num && !l.Month[toks[i].Lower] && toks[i].Lower != "the" && toks[i].Lower != "early" &&
			toks[i].Lower != "late" && toks[i].Lower != "mid" {
			return e, true
		}
	}
	return 0, false
}

// clauseEnd is the index after the last word of the clause word k
// stands in.
func clauseEnd(clause []int, k int) int {
	e := k
	for e < len(clause) && clause[e] == clause[k] {
		e++
	}
	return e
}

// yearAfter reports whether a year stands among words [k, e).
func yearAfter(toks []Token, k, e int) bool {
	for i := k; i < e && i < len(toks); i++ {
		if toks[i].Num && IsYear(toks[i].Lower) {
			return true
		}
	}
	return false
}
