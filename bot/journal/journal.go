// Package journal is what a community's use of the bot leaves behind: the
// questions asked, how they were answered, and what people thought of the
// answers. It holds the records and the reports made from them; storage
// adapters (journal/sqlite) keep them.
package journal

import (
	"strings"
	"time"
	"unicode"
)

// Question is one question the bot was asked, and how it answered.
type Question struct {
	Time                 time.Time
	Guild, Channel, User string
	Via                  string // command, mention, dm, chat
	Kind                 string // answer, abstain, smalltalk, summary, clarify, language, problem
	Text                 string
	Answered             bool
	Confidence           float64
	Fact, Brief, Version string // the cited fact, its brief, the fact base version; empty when not answered
	Answer               string // the answer's id, which feedback votes name
	Problem              string // why the question could not be asked, if it could not
	// Private is a question only its asker saw answered: a DM, or an
	// ephemeral /ask. No admin view or report shows it. (Questions typed
	// on the operator's console are the operator's own, and not private.)
	Private bool
}

// Vote is one user's verdict on one answer; a later vote by the same user
// on the same answer replaces it.
type Vote struct {
	Time        time.Time
	Guild, User string
	Answer      string // the answer's id
	Fact        string // the fact the answer cited, as shown, whatever has been reloaded since
	Helpful     bool
}

// Scope is whose questions a report covers: one server's (Guild), or
// every server's when Guild is empty. Private questions are in no scope.
type Scope struct {
	Guild string
}

// Unanswered is a question people asked that the briefs did not answer,
// grouped by Normalize.
type Unanswered struct {
	Text  string    `json:"text"` // the latest wording
	Count int       `json:"count"`
	Last  time.Time `json:"last"`
}

// Disputed is a fact that answers were marked wrong for.
type Disputed struct {
	Fact     string   `json:"fact"`
	Brief    string   `json:"brief"`
	Wrong    int      `json:"wrong"`
	Helpful  int      `json:"helpful"`
	Examples []string `json:"examples"` // questions whose answer was marked wrong
}

// Normalize is the form questions are grouped by: lower case, letters and
// digits only, single spaces, so "Who won?" and "who won" count together.
func Normalize(q string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(q) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}

// Forgotten is what deleting one user's records deleted.
type Forgotten struct {
	Questions, Votes int
}
