// Package talk answers a message the way a person chatting with the bot
// expects: a question gets the matcher's answer, but a greeting, thanks, a
// request for a summary, a bare "who?" or a message in another language
// each get a reply of their own kind instead of "The brief doesn't say."
package talk

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/internal/prose"
)

// Kind is what kind of reply a message gets.
type Kind string

// The kinds of reply.
const (
	KindAnswer    Kind = "answer"    // a cited answer
	KindAbstain   Kind = "abstain"   // the briefs do not say
	KindSmalltalk Kind = "smalltalk" // hello, thanks, help, who are you
	KindSummary   Kind = "summary"   // tldr, what's this about
	KindClarify   Kind = "clarify"   // "who?" with nothing to refer to
	KindLanguage  Kind = "language"  // not English
	KindProblem   Kind = "problem"   // empty, too long, no words
)

// Reply is the bot's reply to one message.
type Reply struct {
	Kind Kind
	// Text is the reply for the kinds that are not answers: small talk, a
	// request to clarify, a note on language, a summary's heading.
	Text string
	// Answer is the matcher's answer, for answer, abstain and problem.
	Answer facts.Answer
	// Summary holds the cited sentences of a summary.
	Summary []facts.Fact
	// Others are the answers of other briefs that answer the question
	// too, newest first, shown beside the answer ("Two briefs answer
	// this"). When more briefs answer than a reply shows, the reply asks
	// which is meant instead.
	Others []facts.Answer
	// Parts are the replies to each question of a message that asked
	// several ("who won and what was the score?"); Kind and Answer are
	// then the first part's.
	Parts []Reply

	// choices are the briefs a question back asks the reader to choose
	// among, newest first; a conversation answers from the one the next
	// message names.
	choices []string
}

// Summary sizes: a brief's summary is its lead sentences, at most
// summaryFacts; with several briefs, one lead line each, at most
// summaryBriefs.
const (
	summaryFacts  = 4
	summaryBriefs = 5
	// minForeignWords is how many words a message needs before it can be
	// judged not English; a short one may be a name.
	minForeignWords = 3
	// maxEnglishShare is the share of English words below which a message
	// is taken for another language.
	maxEnglishShare = 0.34
)

// Respond replies to one message about base, with no conversation around
// it.
func Respond(base *facts.Base, message string) Reply { return RespondIn(base, "", message) }

// RespondIn is Respond with questions answered from one brief alone, or
// from all when brief is "". A question the briefs together do not answer
// may be answered by several of them alone (fromEachBrief); a follow-up
// is not, since it is about the brief under discussion.
func RespondIn(base *facts.Base, brief, message string) Reply {
	r := respond(base, message, func(q string) facts.Answer { return base.AskIn(brief, q) })
	if r.Kind == KindAbstain && !yesNoQuestion(canonical(base, prose.Normalize(message))) {
		r = fromEachBrief(base, message, r)
	}
	return r
}

// respond replies with ask answering the questions.
func respond(base *facts.Base, message string, ask func(string) facts.Answer) Reply {
	norm := prose.Normalize(message)
	canon := canonical(base, norm)
	told := storyRequest(base, canon)
	switch {
	case norm == "" && emoji(message):
		return Reply{Kind: KindSmalltalk, Text: greeting(base, norm)} // "👍", "😂😂"
	case norm == "" && strings.TrimSpace(message) != "":
		// Only symbols: the matcher says what is wrong.
	case smalltalk(norm) || smalltalk(canon) || aboutTheBot(base, strings.Fields(canon)) && !isSummary(canon):
		return Reply{Kind: KindSmalltalk, Text: greeting(base, canon)}
	case isSummary(norm):
		topic, _ := summaryRequest(norm)
		return summarize(base, topic)
	case told != "":
		return summarize(base, told)
	case isSummary(canon):
		topic, _ := summaryRequest(canon)
		return summarize(base, topic)
	case bareQuestionWord(canon):
		return Reply{Kind: KindClarify, Text: "What would you like to know?" + examples(base, " For example: ")}
	case otherLanguage(base, message, norm):
		return Reply{Kind: KindLanguage, Text: "I understand questions in English, for example: “" + firstExample(base) + "”"}
	}
	a := ask(message)
	r := Reply{Answer: a, Kind: KindAbstain}
	story := storyAsked(base, canon)
	switch {
	case a.Problem != facts.ProblemNone:
		r.Kind = KindProblem
	case !a.Answered && yesNoQuestion(canon) && (a.Gated || story == ""):
		r = heldBackDenied(message, r)
	case a.Answered:
		r.Kind = KindAnswer
		yn := yesNoQuestion(canon)
		if yn {
			// A yes/no question is answered yes or no, not with a name
			// the sentence holds; "Was it in Lyon or Paris?" asks for one.
			r.Answer = sentenceOnly(a)
			r.Answer.Short, r.Answer.Confidence = yesNoVerdict(message, a)
		}
		if !yn && (story != "" || rankForCount(canon, a)) {
			// "How did Holm Telecom do?": the sentence tells; no one
			// phrase of it is the answer. Nor is a rank of something
			// else the count asked for (see rankForCount).
			r.Answer = sentenceOnly(a)
		}
		if !yn {
			// Other briefs may answer too; a yes or no speaks of one.
			r = withOtherBriefs(base, message, r)
		}
	case story != "":
		// "What happened at Holm Telecom?" that no one sentence answers:
		// the story of the brief that names it, not "the brief doesn't
		// say".
		return summarize(base, story)
	}
	return r
}

// yesNoQuestion reports whether a canonical message asks yes or no: "Was
// it in Lyon or Paris?" asks for one of two.
func yesNoQuestion(canon string) bool {
	return yesNo(canon) && !strings.Contains(" "+canon+" ", " or ")
}

// rankForCount reports whether a "how many" question's short answer is a
// rank ("ninth") that does not rank what the question counts: "how many
// dialogues" is answered by "their ninth dialogue", "how many people live
// there" is not, nor "how many rate-setters" by "the first rise".
func rankForCount(canon string, a facts.Answer) bool {
	counted, ok := strings.CutPrefix(canon, "how many ")
	if !ok || valueClass(a.Short) != "ordinal" || len(a.Results) == 0 {
		return false
	}
	noun := strings.Fields(counted)
	if len(noun) == 0 {
		return false
	}
	stem := strings.TrimSuffix(strings.TrimSuffix(noun[0], "s"), "e")
	text := a.Results[0].Fact.Text
	i := strings.Index(text, a.Short)
	if i < 0 {
		return false
	}
	after := strings.Fields(strings.ToLower(text[i+len(a.Short):]))
	for _, w := range after[:min(len(after), rankedWithin)] {
		if strings.HasPrefix(w, stem) {
			return false
		}
	}
	return true
}

// rankedWithin is how many words after a rank the thing it ranks may
// come: "the ninth counter-terrorism dialogue". Wider takes a noun of
// another phrase for the ranked one.
const rankedWithin = 3

// sentenceOnly is an answer that stands on its sentence: the phrase the
// span model picked is not shown, and the reply is as sure as the
// sentence.
func sentenceOnly(a facts.Answer) facts.Answer {
	a.Short, a.ShortConfidence, a.ShortKind = "", 0, 0
	a.Confidence = a.FactConfidence
	if len(a.Results) > 0 {
		a.Results = append([]facts.Result(nil), a.Results...)
		a.Results[0].Confidence = a.FactConfidence
	}
	return a
}

// heldBackDenied answers "No" to a yes/no question whose sentence the
// matcher held back, when the sentence says something against it and the
// yes/no model makes "No" likelier than not ("Was turnout 48%?" of
// "Turnout was 41%": a sentence that lacks the number asked about cannot
// say what the question wants, but it can say the number is not so);
// otherwise the reply stays an abstention.
func heldBackDenied(message string, r Reply) Reply {
	a := r.Answer
	if len(a.Results) == 0 {
		return r
	}
	no, p := yesNoAnswer(message, a)
	if Verdict(no) != "No" {
		return r
	}
	a = sentenceOnly(a)
	a.Answered, a.Short, a.Suggestions, a.Confidence = true, no, nil, p
	return Reply{Answer: a, Kind: KindAnswer}
}

func isSummary(norm string) bool {
	_, ok := summaryRequest(norm)
	return ok
}

// emoji reports whether a message holds a pictograph or other symbol of
// the kind people react with.
func emoji(message string) bool {
	for _, r := range message {
		if r != utf8.RuneError && unicode.Is(unicode.So, r) {
			return true
		}
	}
	return false
}

func firstExample(base *facts.Base) string {
	if ex := base.Complete("", 10); len(ex) > 0 {
		for _, e := range ex {
			if strings.HasSuffix(e, "?") {
				return e
			}
		}
	}
	return "Who is named in the brief?"
}

// examples offers up to two questions the base answers, after prefix.
func examples(base *facts.Base, prefix string) string {
	var qs []string
	for _, e := range base.Complete("", 20) {
		if strings.HasSuffix(e, "?") && len(qs) < 2 {
			qs = append(qs, "“"+e+"”")
		}
	}
	if len(qs) == 0 {
		return ""
	}
	return prefix + strings.Join(qs, " or ")
}

func isDigits(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}
