package talk

import (
	"slices"
	"strings"

	"github.com/briefbot/briefbot/facts"
)

// negationScope is how many words after a negation it is taken to deny:
// "did not reach", "no one was arrested", "without any arrests". Wider
// catches more "No"s and more negations of something else.
const negationScope = 3

// maxDenialWords bounds the clause a "No" quotes after it ("No — no
// arrests were made"): a longer one is left to the quoted sentence, since
// a bold answer that runs on is read as the whole reply.
const maxDenialWords = 12

// denialSep stands between a "No" and the words that deny: withDenial
// writes it and Verdict reads it.
const denialSep = " — "

// negations deny what follows them; the verbs among them deny the verb
// they govern ("refused to pay").
const negations = "not|no|never|neither|nor|without|none|nobody|denied|refused|rejected|failed|declined"

// yesNo reports whether a question asks yes or no: it opens with an
// auxiliary verb ("Did they agree …?", "Is trade linked …?").
func yesNo(norm string) bool {
	words := strings.Fields(norm)
	if len(words) == 0 || !openingAuxiliary(words[0]) {
		return false
	}
	// "Can you tell me who won?", "Do you know when it starts?": a
	// question put to the bot politely, not a yes/no question. One about
	// the news keeps its question words and verbs to itself: "Did she
	// show any emotion when the verdicts were read?" asks yes or no.
	if len(words) < 2 || words[1] != "you" && words[1] != "u" {
		return true
	}
	for _, w := range words[2:] {
		if in(whWords, w) || in(requestVerbs, w) {
			return false
		}
	}
	return true
}

// openingAuxiliary reports whether a question's first word makes it a
// yes/no question: an auxiliary, or its negated contraction ("didn't",
// "won't", "can't").
func openingAuxiliary(w string) bool {
	if in(auxiliaries, w) {
		return true
	}
	stem, ok := strings.CutSuffix(w, "n't")
	switch stem {
	case "wo":
		stem = "will"
	case "ca":
		stem = "can"
	}
	return ok && in(auxiliaries, stem)
}

// yesNoSignals are what a yes/no question's cited sentence shows for and
// against what was asked, read once for the rule (yesNoRule) and the
// model's features (yesNoFeatures).
type yesNoSignals struct {
	// denier is the negation that denies a matched word, or -1; negated
	// says a negation stands in a matched word's clause denying none
	// (see negationOf).
	denier  int
	negated bool
	// contradicted: another value where the question names one.
	contradicted bool
	// unsettled: a modal, intention or directive governs a matched word;
	// committed: each such word commits to it (see unsettled).
	unsettled, committed bool
	// asksFuture and asksDone: what the question asks (see asksFuture,
	// asksDone).
	asksFuture, asksDone bool
}

// readYesNo reads the signals of a yes/no question's cited sentence:
// qwords are the question's normalised words, r the cited result and
// words its sentence's words.
func readYesNo(qwords []string, r facts.Result, words []facts.Span) yesNoSignals {
	var sig yesNoSignals
	sig.denier, sig.negated = negationOf(r, words)
	sig.contradicted = contradicted(r, words)
	sig.unsettled, sig.committed = unsettled(qwords, r, words)
	sig.asksFuture, sig.asksDone = asksFuture(qwords), asksDone(qwords)
	return sig
}

// yesNoRule is the verdict the sentence's wording gives a yes/no
// question, by rule: "No" when a negation in the sentence denies a word
// the question asked about ("Did the union rule out strikes?" — "did not
// rule out"), "Yes" when the sentence matches every topic word of the
// question with no negation in a clause that holds one of them, "No"
// when it states another value where the question names one (see
// contradicted), and nothing otherwise: a negation of something else in
// the words' own clause, or another name ("Lyon" asked, "Munich"
// written), is left to the quote. It is one feature of the fitted
// verdict (yesNoAnswer), which weighs it against what it misses.
// qwords are the question's normalised words, r the cited result, words
// its sentence's words and sig what they show (readYesNo).
func yesNoRule(qwords []string, r facts.Result, words []facts.Span, sig yesNoSignals) string {
	// "Did A win 11 seats?" of "A came third with 14 seats, while B won
	// 11": every word is there, said of different things; no "Yes". A
	// question that joins things itself ("led by A and B?") asks about
	// several items.
	scattered := r.Scattered && !slices.Contains(qwords, "and")
	if sig.denier >= 0 {
		return withDenial(r.Fact.Text, words, sig.denier)
	}
	if sig.negated {
		// A negation of something else: the quote speaks, unless the
		// sentence states another value where the question names one
		// ("5 million euros" asked, "a claim of 3 million euros and
		// would not pay it" written), which no negation elsewhere makes
		// so.
		if sig.contradicted {
			return "No"
		}
		return ""
	}
	if sig.unsettled {
		switch {
		case len(r.Unmatched) > 0 && sig.committed && sig.asksFuture && sig.contradicted:
			// "Will it run 96 beds?" of "will run 40 beds".
			return "No"
		case len(r.Unmatched) > 0:
			return ""
		case sig.asksDone:
			// "Has it been approved?" of "must still be approved": not yet.
			return "No"
		case sig.committed && sig.asksFuture && !scattered:
			// "Will they raise the price?" of "will raise the price".
			return "Yes"
		}
		// "Will it be approved?" of "is expected to be approved": the
		// quote answers.
		return ""
	}
	if len(r.Unmatched) > 0 {
		// Another value where the question names one says "No"; any
		// other word of the question the sentence lacks ("Lyon" asked,
		// "Munich" written) leaves the quote to speak.
		if sig.contradicted {
			return "No"
		}
		return ""
	}
	if misattached(qwords, r.Fact.Text, words) || otherOrdinal(qwords, r.Fact.Text, words) {
		return "No"
	}
	if scattered {
		return ""
	}
	return "Yes"
}

// negationOf finds, in the cited sentence, a negation that denies a word
// the question matched within negationScope words of its clause (denier,
// or -1), and whether a negation stands in the clause of a matched word
// without denying one (negated): "testified for the prosecution and was
// not charged" denies nothing asked about "testified".
func negationOf(r facts.Result, words []facts.Span) (denier int, negated bool) {
	for i, w := range words {
		if !denies(r.Fact.Text, words, i) || highlighted(r.Highlights, w) {
			continue
		}
		for k := i + 1; k < min(len(words), i+1+negationScope); k++ {
			if clauseEnds(r.Fact.Text, words[k-1].End, words[k].Start) {
				break // "who did not testify, was fined": not of the fine
			}
			if highlighted(r.Highlights, words[k]) {
				return i, negated
			}
		}
		// A negation in a clause of its own, apart from every word the
		// question matched, denies something else ("testified for the
		// prosecution and was not charged").
		negated = negated || clauseHolds(r.Fact.Text, words, i, r.Highlights)
	}
	return -1, negated
}

// modals are English's modal auxiliaries, and intentions the verbs that,
// followed by "to", put what follows in the future or leave it undone: a
// sentence that says a thing "must still be approved", "is expected to",
// "plans to", "tried to", "promised to" or "is needed to" happen does not
// say it happened.
const (
	modals     = "will|would|could|may|might|must|should|shall"
	intentions = "plan|plans|planned|expect|expects|expected|intend|intends|intended|aim|aims|aimed|hope|hopes|hoped|propose|proposes|proposed|seek|seeks|set|due|scheduled|likely|" +
		"need|needs|needed|want|wants|wanted|try|tries|tried|attempt|attempts|attempted|threaten|threatens|threatened|" +
		"promise|promises|promised|pledge|pledges|pledged|vow|vows|vowed|agree|agrees|agreed|offer|offers|offered"
	// directives are the verbs that tell someone to do a thing ("ordered
	// the company to pay"): told to, it is not yet done.
	directives = "order|orders|ordered|ask|asks|asked|urge|urges|urged|require|requires|required|instruct|instructs|instructed|tell|tells|told|direct|directs|directed|invite|invites|invited"
)

// directiveObject is how many words may stand between a directive and its
// "to": the one told ("ordered the logistics company Mendes to pay").
// Wider reaches a "to" of another clause.
const directiveObject = 6

// unsettled reports whether the cited sentence puts a word the question
// matched under a modal, an intention ("is expected to approve") or a
// directive ("ordered the company to pay"), and whether every such word
// only commits to what follows ("will", "plans to"): then a plain "Yes"
// would say more than the sentence does.
func unsettled(qwords []string, r facts.Result, words []facts.Span) (found, committed bool) {
	committed = true
	lower := func(k int) string { return strings.ToLower(r.Fact.Text[words[k].Start:words[k].End]) }
	for i, w := range words {
		lw := lower(i)
		if highlighted(r.Highlights, w) && slices.ContainsFunc(qwords, func(q string) bool { return inflects(q, lw) }) || month(r.Fact.Text, words, i) ||
			len(qwords) > 0 && in(possibility, qwords[0]) && in(possibility, lw) {
			// "Is it expected to …?" asks about the expectation itself
			// ("asked" matching "expected" does not), and "Can they be
			// fined?" asks whether they could be.
			continue
		}
		from := -1 // where the words it governs begin
		switch {
		case in(modals, lw):
			from = i + 1
		case in(intentions, lw) && i+1 < len(words) && lower(i+1) == "to":
			from = i + 1
		case in(directives, lw):
			for k := i + 1; k < min(len(words), i+2+directiveObject); k++ {
				if lower(k) == "to" {
					from = k + 1
					break
				}
			}
		}
		if from < 0 || from >= len(words) {
			continue
		}
		for k := from; k < min(len(words), from+modalScope); k++ {
			if k > from && clauseEnds(r.Fact.Text, words[k-1].End, words[k].Start) {
				break // a modal does not govern the next clause
			}
			if highlighted(r.Highlights, words[k]) {
				found = true
				committed = committed && in(commitments, lw)
				break
			}
		}
	}
	return found, found && committed
}

// inflects reports whether two words are one word inflected, as far as
// a yes/no question and its sentence need: one begins with the other,
// of three letters or more ("order", "ordered"; "plan", "planned").
func inflects(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 3 && strings.HasPrefix(b, a)
}

// possibility are the modals that say a thing can happen: asked with one,
// a question asks just what a sentence with one says.
const possibility = "can|could|may|might"

// month reports whether word i of text (its words) is "May" written as
// the month's name past the sentence's first word ("on May 14"), not the
// modal.
func month(text string, words []facts.Span, i int) bool {
	return i > 0 && text[words[i].Start:words[i].End] == "May"
}

// commitments are the modals and intentions that say a thing will happen
// rather than that it may or is hoped to: "will raise", "plans to build",
// "is set to become".
const commitments = "will|plan|plans|planned|set|scheduled|due|promise|promises|promised|pledge|pledges|pledged|vow|vows|vowed|agree|agrees|agreed"

// asksFuture reports whether a yes/no question asks about what will
// happen: it opens with "will", says "going to", or asks in the
// progressive ("Is the council raising fares?").
func asksFuture(qwords []string) bool {
	if len(qwords) == 0 {
		return false
	}
	if qwords[0] == "will" {
		return true
	}
	for i, w := range qwords {
		if w == "going" && i+1 < len(qwords) && qwords[i+1] == "to" {
			return true
		}
	}
	if in("is|are", qwords[0]) {
		for _, w := range qwords[1:] {
			if strings.HasSuffix(w, "ing") && len(w) > 5 {
				return true
			}
		}
	}
	return false
}

// asksDone reports whether a yes/no question asks if something has
// already happened: it opens with a perfect auxiliary ("Has it opened?")
// or says "already" or "yet".
func asksDone(qwords []string) bool {
	if len(qwords) > 0 && in("has|have|had", qwords[0]) {
		return true
	}
	for _, w := range qwords {
		if w == "already" || w == "yet" {
			return true
		}
	}
	return false
}

// modalScope is how many words after a modal or intention it is taken to
// govern: "must still be approved by parliament", "is expected to formally
// sign". Wider withholds "Yes" from more sentences.
const modalScope = 4

func negation(w string) bool {
	return in(negations, w) || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t")
}

// denies reports whether word i of text (its words) denies what follows:
// a negation, where "failed" and "declined" deny only an act they govern
// ("failed to reach", "declined to comment"); "calls failed during the
// outage" and "shares declined 4%" deny nothing.
func denies(text string, words []facts.Span, i int) bool {
	w := strings.ToLower(text[words[i].Start:words[i].End])
	if !negation(w) {
		return false
	}
	if w == "failed" || w == "declined" {
		return i+1 < len(words) && strings.EqualFold(text[words[i+1].Start:words[i+1].End], "to")
	}
	return true
}

// highlighted reports whether word w overlaps a span of a word the
// question matched.
func highlighted(hs []facts.Span, w facts.Span) bool {
	for _, h := range hs {
		if h.Start < w.End && w.Start < h.End {
			return true
		}
	}
	return false
}

// Verdict is the "Yes" or "No" a yes/no reply's short answer opens with,
// without the words that deny ("No — did not vote": "No"); any other
// short answer is returned whole.
func Verdict(short string) string {
	v, _, _ := strings.Cut(short, denialSep)
	return v
}

// withDenial is the "No" that a negation in the cited sentence gives,
// with the words that deny ("No — did not vote on the tram line", "No —
// no arrests were made"): from the auxiliary the negation leans on, or
// the negation itself, to the end of its clause. A reader sees why, and
// the words are the brief's own. words are text's words and neg is the
// negation's index among them.
func withDenial(text string, words []facts.Span, neg int) string {
	word := func(k int) string { return strings.ToLower(text[words[k].Start:words[k].End]) }
	first := neg
	// "did not", "had never": the auxiliary is the verb denied; "were no
	// plans" is said by what follows "no".
	if w := word(neg); (w == "not" || w == "never") && neg > 0 && in(auxiliaries, word(neg-1)) &&
		strings.TrimSpace(text[words[neg-1].End:words[neg].Start]) == "" {
		first--
	}
	last := neg
	for last+1 < len(words) && !clauseEnds(text, words[last].End, words[last+1].Start) {
		last++
	}
	if last-first+1 > maxDenialWords {
		return "No"
	}
	return "No" + denialSep + text[words[first].Start:words[last].End]
}

// clauseEnds reports whether the text between two words (text[end:start])
// ends a clause: punctuation, but for the point or comma inside a number
// ("€3.5 million", "1,800").
func clauseEnds(text string, end, start int) bool {
	gap := text[end:start]
	if (gap == "." || gap == ",") && isDigit(text[end-1]) && isDigit(text[start]) {
		return false
	}
	return strings.ContainsAny(gap, ",;:()[]\"“”.!?—–") || strings.Contains(gap, " - ")
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// clauseHolds reports whether the clause of word i of text (its words)
// holds a highlighted word: the clause runs to punctuation that ends one
// (clauseEnds) or a conjunction that joins two ("and was not charged").
func clauseHolds(text string, words []facts.Span, i int, hs []facts.Span) bool {
	joins := func(k int) bool { return in(conjunctions, strings.ToLower(text[words[k].Start:words[k].End])) }
	for k := i; k >= 0; k-- {
		if highlighted(hs, words[k]) {
			return true
		}
		if k == 0 || joins(k) || clauseEnds(text, words[k-1].End, words[k].Start) {
			break
		}
	}
	for k := i + 1; k < len(words); k++ {
		if joins(k) || clauseEnds(text, words[k-1].End, words[k].Start) {
			break
		}
		if highlighted(hs, words[k]) {
			return true
		}
	}
	return false
}

// conjunctions join two clauses: a negation after one denies what its
// own clause says.
const conjunctions = "and|but|while|whereas|although|though|yet"
