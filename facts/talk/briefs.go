package talk

import (
	"cmp"
	"slices"
	"strings"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/internal/prose"
)

// maxOtherBriefs is how many briefs besides the answer's a reply shows
// when several answer ("who won?" with a match, a race and an election
// loaded); when more could, the reply asks which is meant, since a wall
// of answers helps no one.
const maxOtherBriefs = 2

// withOtherBriefs adds to an answer those of the other briefs among its
// ranked facts that answer the question too, newest first, or turns the
// reply into a question naming the briefs when more than
// maxOtherBriefs+1 do. A brief answers too when its fact matches every
// word of the question the answer's matches, and the question asked of
// it alone passes the answer threshold, the same bar as any answer.
func withOtherBriefs(base *facts.Base, message string, r Reply) Reply {
	a := r.Answer
	seen := map[string]bool{}
	var others []facts.Answer
	for i, res := range a.Results {
		b := res.Fact.Citation.Brief
		if seen[b] {
			continue
		}
		seen[b] = true
		if i == 0 {
			continue
		}
		if !matchesAsWell(res, a.Results[0]) {
			continue
		}
		if o := base.AskIn(b, message); o.Answered {
			others = append(others, o)
		}
	}
	switch {
	case len(others) == 0:
		return r
	case len(others) > maxOtherBriefs:
		r.Kind = KindClarify
		r.Text, r.choices = whichBrief(append([]facts.Answer{a}, others...))
		r.Answer.Answered = false
		return r
	}
	newest := func(x, y facts.Answer) int { return cmp.Compare(date(y), date(x)) }
	slices.SortStableFunc(others, newest)
	if o := others[0]; a.Short != "" && o.Short == a.Short && date(o) > date(a) {
		// Both say it: the newer news leads.
		others[0], r.Answer = a, o
		slices.SortStableFunc(others, newest)
	}
	r.Others = others
	r.Text = []string{"Two", "Three"}[len(others)-1] + " briefs answer this:"
	return r
}

// maxEachBriefWords is the most words of its own (past question words,
// pronouns and the like: topicOf) a question may have to be answered from
// each brief it fits: "who won?", "what was the score?". A question that
// says more ("how much profit did the company make in the quarter?") is
// after one story, and answering it from whichever briefs fit its words
// would answer wrongly more often than rightly. Higher answers more
// questions from several briefs, and more of them from the wrong ones.
const maxEachBriefWords = 1

// maxBriefsTried is how many briefs fromEachBrief asks a question of
// alone: one more than a reply shows, to know when to ask which is meant.
const maxBriefsTried = maxOtherBriefs + 2

// fromEachBrief answers a question the briefs together did not, when it
// fits several briefs alike and two or more of them answer it alone:
// "who won?" with a match, a race and an election loaded ranks three
// winners against each other, and none stands out enough to answer,
// though each brief says plainly who won. Every word of the question
// must match in each brief's best fact, and each answer passes the
// answer threshold in its own brief. It returns the reply unchanged
// otherwise.
func fromEachBrief(base *facts.Base, message string, r Reply) Reply {
	a := r.Answer
	if a.Answered || a.Gated || len(a.Results) == 0 || len(a.Results[0].Unmatched) > 0 ||
		len(strings.Fields(topicOf(message))) > maxEachBriefWords {
		return r
	}
	seen := map[string]bool{}
	var answers []facts.Answer
	for _, res := range a.Results {
		b := res.Fact.Citation.Brief
		if seen[b] || len(res.Unmatched) > 0 {
			continue
		}
		seen[b] = true
		if len(seen) > maxBriefsTried {
			break
		}
		if o := base.AskIn(b, message); o.Answered {
			answers = append(answers, o)
		}
	}
	if len(answers) < 2 {
		return r
	}
	if len(answers) > maxOtherBriefs+1 {
		r.Kind = KindClarify
		r.Text, r.choices = whichBrief(answers)
		return r
	}
	slices.SortStableFunc(answers, func(x, y facts.Answer) int { return cmp.Compare(date(y), date(x)) })
	r.Kind, r.Answer, r.Others = KindAnswer, answers[0], answers[1:]
	r.Text = []string{"Two", "Three"}[len(r.Others)-1] + " briefs answer this:"
	return r
}

// matchesAsWell reports whether res matches every word of the question
// that top matches: "who won?" fits a match, a race and an election
// alike, "who won the marathon?" only the race.
func matchesAsWell(res, top facts.Result) bool {
	for _, w := range res.Unmatched {
		if !slices.Contains(top.Unmatched, w) {
			return false
		}
	}
	return true
}

// date is the date of the brief an answer cites.
func date(a facts.Answer) string { return a.Results[0].Fact.Citation.Date }

// whichBrief asks which of the briefs that answer is meant, naming them
// newest first, and returns their names in that order.
func whichBrief(as []facts.Answer) (string, []string) {
	as = slices.Clone(as)
	slices.SortStableFunc(as, func(x, y facts.Answer) int { return cmp.Compare(date(y), date(x)) })
	titles := make([]string, len(as))
	briefs := make([]string, len(as))
	for i, a := range as {
		titles[i] = "“" + a.Results[0].Fact.Citation.Title + "”"
		briefs[i] = a.Results[0].Fact.Citation.Brief
	}
	last := len(titles) - 1
	return "Several briefs answer that: " + strings.Join(titles[:last], ", ") + " and " + titles[last] +
		". Which do you mean? Reply with a word from its title.", briefs
}

// maxPickWords is the longest reply read as picking a brief ("the cup
// final one"); a longer message is a question of its own.
const maxPickWords = 5

// chosenBrief is the one of choices (brief names) a reply to "which do you
// mean?" names by a word of its title or name ("the marathon"), or ""
// when it names none or more than one, or is a question of its own.
func chosenBrief(base *facts.Base, message string, choices []string) string {
	words := strings.Fields(prose.Normalize(message))
	if len(words) > maxPickWords || whPart(words) != "" {
		return ""
	}
	var picked string
	for _, info := range base.Briefs() {
		if !slices.Contains(choices, info.Name) {
			continue
		}
		own := strings.Fields(prose.Normalize(info.Title + " " + strings.NewReplacer("-", " ", "_", " ").Replace(info.Name)))
		if !slices.ContainsFunc(words, func(w string) bool { return !in(contextWords, w) && slices.Contains(own, w) }) {
			continue
		}
		if picked != "" {
			return ""
		}
		picked = info.Name
	}
	return picked
}
