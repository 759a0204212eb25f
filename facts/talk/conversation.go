package talk

import (
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/english"
	"github.com/briefbot/briefbot/facts/internal/prose"
)

// FollowUpWindow is how long a conversation remembers its last question:
// after it, "who?" is a new conversation's first message.
const FollowUpWindow = 15 * time.Minute

// Conversation is one person's exchange with the bot (a user in a channel,
// a DM, a console session). It remembers the last question, the names
// asked about and answered, and the brief under discussion, so that a
// follow-up — "when?", "and where was it?", "what about Pakistan's?", "how
// many did he score?" — is read against them: a few hundred bytes, not
// the answers themselves. Safe for concurrent use.
type Conversation struct {
	// Brief, when set, scopes every question to that brief.
	Brief string
	// FollowUpThreshold, when above 0, replaces followUpThreshold: for
	// fitting it.
	FollowUpThreshold float64

	mu sync.Mutex
	memory
}

// memory is what a conversation remembers between messages.
type memory struct {
	last     string // the last question, as it was read
	at       time.Time
	mentions []mention // the names asked about and answered, most recent last
	// discussed is the brief under discussion: that of the last answer. A
	// follow-up the brief does not answer leaves it so, and the next
	// follow-up is still about it.
	discussed string
	// quoted is the sentence the last answer quoted (its ID and brief),
	// and quotedConf how sure that answer was: "who said that?" asks
	// about it.
	quoted     facts.Fact
	quotedConf float64
	// who is a question asked back among people the brief describes
	// alike ("the economist"), or the ones not picked: see aboutPeople.
	who whoState
	// pending is a question several briefs answered, asked back as "which
	// do you mean?" among choices; the next message may name one.
	pending string
	choices []string
}

// saved is a copy of the memory that answering another message cannot
// change: to take back a reading of a message that did not answer.
func (m *memory) saved() memory {
	c := *m
	c.mentions = slices.Clone(m.mentions)
	return c
}

// maxParts is how many questions of one message are answered.
const maxParts = 3

// Respond replies to a message in the conversation at time now; a message
// asking several questions gets a reply to each, later ones read against
// the earlier.
func (c *Conversation) Respond(base *facts.Base, message string, now time.Time) Reply {
	c.mu.Lock()
	defer c.mu.Unlock()
	if q, ok := topicFirst(base, message); ok {
		// Read as one question, or else as before: the topic on its own
		// may name the story the question is about.
		before := c.saved()
		if r := c.respond(base, q, now); r.Kind != KindAbstain {
			return r
		}
		c.memory = before
	}
	parts := splitParts(message)
	if len(parts) < 2 {
		return c.respond(base, message, now)
	}
	var r Reply
	for _, p := range parts[:min(maxParts, len(parts))] {
		r.Parts = append(r.Parts, c.respond(base, p, now))
	}
	r.Kind, r.Answer = r.Parts[0].Kind, r.Parts[0].Answer
	for _, p := range r.Parts {
		if p.Kind == KindAnswer {
			r.Kind = KindAnswer
			break
		}
	}
	return r
}

// splitParts splits a message that asks several questions: at question
// marks followed by more, and at "and" or a comma before a question word
// ("who led the EU side and where was it held?"). A message that asks one
// question comes back whole.
func splitParts(message string) []string {
	var parts []string
	for _, q := range strings.SplitAfter(message, "?") {
		if strings.TrimSpace(q) == "" {
			continue
		}
		parts = append(parts, splitAtAnd(q)...)
	}
	var kept []string
	for i, p := range parts {
		p = strings.TrimSpace(p)
		words := strings.Fields(prose.Normalize(p))
		// "… and where?": a bare question word after a question asks
		// that question again, as a follow-up would.
		bare := i > 0 && len(words) > 0 && allIn(words, contextWords) && whPart(words) != ""
		if len(strings.Fields(p)) < 2 && !bare {
			return []string{message} // a fragment: not two questions after all
		}
		kept = append(kept, p)
	}
	return kept
}

// splitAtAnd splits before ", and", " and" or "," when a question word
// follows.
func splitAtAnd(q string) []string {
	words := strings.Fields(q)
	for i := 1; i+1 < len(words); i++ {
		w := strings.ToLower(strings.TrimRight(words[i], ","))
		next := strings.ToLower(words[i+1])
		comma := strings.HasSuffix(words[i-1], ",")
		if (w == "and" || comma && in(whWords, w)) && in(whWords+"|how", strings.Trim(next, "?")) || comma && in(whWords, w) {
			start := i + 1
			if w != "and" {
				start = i
			}
			head := strings.TrimRight(strings.Join(words[:i], " "), ",")
			return append([]string{head}, splitAtAnd(strings.Join(words[start:], " "))...)
		}
	}
	return []string{q}
}

// respond replies to one question of the conversation.
func (c *Conversation) respond(base *facts.Base, message string, now time.Time) Reply {
	r := c.respondTo(base, message, now)
	c.pending, c.choices = "", nil
	if r.Kind == KindClarify && len(r.choices) > 0 {
		c.pending, c.choices, c.at = message, r.choices, now
	}
	return r
}

// respondTo replies to one message: the answer to a question asked back
// when the message picks a brief, else a question or follow-up.
func (c *Conversation) respondTo(base *facts.Base, message string, now time.Time) Reply {
	if c.pending != "" && now.Sub(c.at) <= FollowUpWindow {
		if brief := chosenBrief(base, message, c.choices); brief != "" {
			r := RespondIn(base, brief, c.pending)
			c.mentions = nil
			c.remember(base, r, c.pending, now)
			return r
		}
	}
	if c.last == "" || now.Sub(c.at) > FollowUpWindow {
		c.last, c.mentions, c.discussed, c.quoted, c.who = "", nil, "", facts.Fact{}, whoState{}
		r := RespondIn(base, c.Brief, message)
		if p, ok := pronounFragment(base, message, openingPronouns); ok && asked(r) && c.Brief == "" && len(base.Briefs()) > 1 {
			// "did they win?" opening a conversation, with many briefs
			// loaded: any answer would be a guess at who "they" are.
			return clarifyPronoun(base, p, nil)
		}
		c.remember(base, r, message, now)
		return r
	}
	if c.quoted.ID != "" && whoSaid(prose.Normalize(message)) {
		r := speakerReply(base, c.quoted, c.quotedConf, message)
		c.at = now
		c.mentions = rememberMentions(c.mentions, mentionsOf(message, r.Answer))
		return r
	}
	question, unresolved := resolve(message, c.last, c.mentions)
	question = resolveDoers(base, question, c.mentions)
	lean := leansOnContext(base, message, question)
	// A follow-up is about the brief under discussion: ask that brief
	// first, then all of them; one that leans on the conversation, at the
	// threshold fitted for follow-ups.
	inDiscussed := func(q string) facts.Answer {
		if lean {
			return base.AskInAt(c.discussed, q, c.followUpThreshold())
		}
		return base.AskIn(c.discussed, q)
	}
	ask := func(q string) facts.Answer {
		if c.discussed != "" {
			if a := inDiscussed(q); a.Answered {
				// A tentative answer from the brief under discussion
				// gives way to a sure one from another: the reader has
				// moved on to a story the briefs do answer.
				if a.Tentative() {
					if all := base.AskIn(c.Brief, q); all.Answered && !all.Tentative() {
						return all
					}
				}
				return a
			}
		}
		return base.AskIn(c.Brief, q)
	}
	if r, ok := c.aboutPeople(base, message, now, ask); ok {
		return r
	}
	brief := c.Brief
	if c.discussed != "" {
		brief = c.discussed
	}
	r := respond(base, question, ask)
	if r.Kind == KindAbstain {
		if q := withTopic(question, c.last); q != "" {
			if r2 := respond(base, q, ask); r2.Kind == KindAnswer {
				r, question = r2, q
			}
		}
	}
	if r.Kind == KindClarify && len(r.choices) > 0 && c.discussed != "" && !slices.Contains(r.choices, c.discussed) {
		// "How many died?" about a ferry that the ferry's brief does not
		// say, while a storm, a fire and an outbreak do: the reader means
		// the ferry, and a choice among other stories helps no one.
		r = Reply{Kind: KindAbstain, Answer: inDiscussed(question)}
	}
	if unresolved != "" && (r.Kind == KindAbstain || r.Kind == KindAnswer && answeredElsewhere(r.Answer, brief)) {
		if _, ok := pronounFragment(base, message, personalPronouns); ok {
			return clarifyPronoun(base, unresolved, c.mentions)
		}
	}
	if asked(r) {
		r.Answer.Question = strings.TrimSpace(message)
	}
	c.remember(base, r, question, now)
	return r
}

// followUpThreshold is the confidence a follow-up that leans on the
// conversation (leansOnContext) needs to be answered from the brief under
// discussion. A follow-up names less than a question
// asked out of the blue ("how many were hurt?"), so the matcher is less sure of
// it, while the conversation has already said which brief it is about.
// Fitted by cross-validation over the train conversations of
// cmd/briefbot/testdata (go test ./cmd/briefbot -run TestFitFollowUpThreshold
// -fit-followup -v), for the shipped weights: refit it with them. Lower
// answers more follow-ups and more of them wrongly.
const followUpThreshold = 0.18

// leansOnContext reports whether a follow-up needs the conversation to be
// understood: it was read against the question before or the names
// mentioned (question is not message), or it names nothing of its own
// ("how many died?", "what's the captain's name?"). One that names its
// own subject ("is <a person of the brief> married?") is a question like
// any other: the conversation makes the matcher no surer of it, so it is
// held to the matcher's own threshold. A name here is a word the briefs
// write as one and no English word list holds: with many briefs loaded,
// "Company" or "Building" opens some name or other.
func leansOnContext(base *facts.Base, message, question string) bool {
	if question != message {
		return true
	}
	for _, w := range strings.Fields(prose.Normalize(message)) {
		if base.IsName(w) && !english.Known(w) {
			return false
		}
	}
	return true
}

func (c *Conversation) followUpThreshold() float64 {
	if c.FollowUpThreshold > 0 {
		return c.FollowUpThreshold
	}
	return followUpThreshold
}

// asked reports whether a reply is the matcher's, answered or not: the
// message was a question, not small talk or a request for a summary.
func asked(r Reply) bool { return r.Kind == KindAnswer || r.Kind == KindAbstain }

// answeredElsewhere reports whether an answer cites another brief than
// the one the conversation is about.
func answeredElsewhere(a facts.Answer, brief string) bool {
	return brief != "" && a.Answered && len(a.Results) > 0 && a.Results[0].Fact.Citation.Brief != brief
}

// remember keeps a question and its answer for the next message; other
// kinds of reply (thanks, a summary) leave the conversation where it was.
func (c *Conversation) remember(base *facts.Base, r Reply, question string, now time.Time) {
	if b := summarised(r); b != "" {
		// "Tell me about the earthquake", then "how many died?": the
		// story summarised is the one the follow-ups are about.
		c.last, c.at, c.discussed, c.mentions = question, now, b, nil
		c.quoted, c.quotedConf = facts.Fact{}, 0
		return
	}
	if !asked(r) {
		return
	}
	c.last, c.at = question, now
	c.mentions = rememberMentions(c.mentions, mentionsOf(question, r.Answer))
	c.quoted, c.quotedConf = facts.Fact{}, 0
	if r.Answer.Answered && len(r.Answer.Results) > 0 {
		top := r.Answer.Results[0].Fact
		c.discussed = top.Citation.Brief
		c.quoted = facts.Fact{ID: top.ID, Citation: facts.Citation{Brief: top.Citation.Brief}}
		c.quotedConf = r.Answer.FactConfidence
	} else if b := namedBrief(base, question, r.Answer); b != "" {
		c.discussed = b
	}
}

// summarised is the brief a summary reply is of, "" for any other reply
// or a summary of several briefs.
func summarised(r Reply) string {
	if r.Kind != KindSummary || len(r.Summary) == 0 {
		return ""
	}
	b := r.Summary[0].Citation.Brief
	for _, f := range r.Summary[1:] {
		if f.Citation.Brief != b {
			return ""
		}
	}
	return b
}

// namedBrief is the brief a question the briefs do not answer is about,
// "" when that is unclear: the brief of the fact that ranked first, when
// the question names something and that fact matches every name it
// uses ("how big is Valmora's budget" names the Valmora brief even
// when no sentence gives the figure), so the follow-ups are asked of it.
func namedBrief(base *facts.Base, question string, a facts.Answer) string {
	if len(a.Results) == 0 {
		return ""
	}
	top := a.Results[0]
	named := false
	for _, w := range strings.Fields(prose.Normalize(question)) {
		w = strings.TrimSuffix(w, "'s")
		if !base.IsName(w) {
			continue
		}
		named = true
		if slices.ContainsFunc(top.Unmatched, func(u string) bool { return strings.EqualFold(u, w) }) {
			return ""
		}
	}
	if !named {
		return ""
	}
	return top.Fact.Citation.Brief
}

// contextWords carry no topic of their own: a message of only these
// ("and where was it?", "how many did he get") takes its topic from the
// question before.
const contextWords = "and|so|then|ok|the|a|was|were|is|are|did|does|do|it|that|this|there|he|she|they|him|her|them|" +
	"his|its|their|get|got|have|had|has|be|been|happen|happened|take|took|place|about|what|who|when|where|why|how|" +
	"which|many|much|long|old|exactly|again|one|ones|other"

// whWords open the questions a follow-up can swap in.
const whWords = "who|what|when|where|why|how|which|whose|whom"

// resolve reads a follow-up against the question before it and the names
// the conversation has mentioned, returning the question to ask and the
// first personal pronoun that no name stands for ("" when none); a
// message that stands on its own comes back as it is.
func resolve(message, last string, ms []mention) (string, string) {
	norm := prose.Normalize(message)
	words := strings.Fields(norm)
	if len(words) == 0 {
		return message, ""
	}
	// "what about Pakistan's?", "and the other team?": the question before,
	// about something else; "and her?" about whom "her" stands for.
	if rest, ok := aboutOther(norm); ok {
		if in(personalPronouns, rest) {
			m, ok := referent(rest, ms)
			if !ok {
				return message, rest
			}
			rest = m.text
		}
		return replaceNames(last, rest), ""
	}
	// Only a question word and words that refer back: the question before,
	// asking something else about the same thing; "by how much" keeps its
	// preposition.
	if allIn(words, contextWords+"|"+prepositions) {
		if wh := whPart(words); wh != "" {
			if in(prepositions, words[0]) {
				wh = words[0] + " " + wh
			}
			return swapQuestionWord(last, wh), ""
		}
	}
	return resolvePronouns(message, ms)
}

// prepositions may open an elliptical follow-up: "by how much", "for how
// long", "since when".
const prepositions = "by|for|since|until|from|to|with|in|at|on"

// withTopic is a short follow-up with a pronoun ("how long is it", "why
// did they raise it") with the words of the question before it added, for
// when it is not answered as it stands: "it" is what that question was
// about. It returns "" for any other message.
func withTopic(message, last string) string {
	norm := prose.Normalize(message)
	words := strings.Fields(norm)
	if len(words) > maxFollowUpWords || smalltalk(norm) || isSummary(norm) ||
		!slices.ContainsFunc(words, func(w string) bool { return in(pronouns, w) }) {
		return ""
	}
	topic := topicOf(last)
	if topic == "" {
		return ""
	}
	return message + " " + topic
}

// maxFollowUpWords is the longest message whose pronouns are read as the
// question before's topic; longer ones usually name their own.
const maxFollowUpWords = 7

// pronouns refer back to the question before.
const pronouns = "it|its|they|them|their|he|she|him|her|his|this|that|there"

// topicOf is the words of a question that say what it is about: all but
// question words, pronouns and the words of contextWords.
func topicOf(question string) string {
	var keep []string
	for _, w := range strings.Fields(question) {
		bare := strings.ToLower(strings.Trim(w, "?,.!;:"))
		if bare == "" || in(contextWords, bare) || in(auxiliaries, bare) || in(pronouns, bare) ||
			in("in|on|at|of|for|to|with|by|from|an|end|now", bare) {
			continue
		}
		keep = append(keep, strings.Trim(w, "?,.!;:"))
	}
	return strings.Join(keep, " ")
}

func allIn(words []string, set string) bool {
	for _, w := range words {
		if !in(set, w) {
			return false
		}
	}
	return true
}

// aboutOther recognises "what about X", "how about X", "and X": the rest.
func aboutOther(norm string) (string, bool) {
	for _, p := range []string{"what about ", "how about ", "and what about ", "and for ", "and "} {
		if rest, ok := strings.CutPrefix(norm, p); ok && rest != "" {
			first, _, _ := strings.Cut(rest, " ")
			if in(whWords, first) || in(auxiliaries, first) {
				return "", false // "and when was that": a question of its own
			}
			return rest, true
		}
	}
	return "", false
}

// whPart is the question word (with "many", "much", "long", "old") a
// follow-up asks.
func whPart(words []string) string {
	for i, w := range words {
		if in(whWords, w) {
			if w == "how" && i+1 < len(words) && in("many|much|long|old", words[i+1]) {
				return "how " + words[i+1]
			}
			return w
		}
	}
	return ""
}

// swapQuestionWord puts wh in place of the last question's question word,
// or before it when it had none ("Olof Skoog visited Pakistan" + "when?").
func swapQuestionWord(last, wh string) string {
	words := strings.Fields(last)
	if len(words) == 0 {
		return wh
	}
	skip := 0
	first := strings.ToLower(strings.Trim(words[0], "?,.!"))
	if in(whWords, first) {
		skip = 1
		if first == "how" && len(words) > 1 && in("many|much|long|old", strings.ToLower(words[1])) {
			skip = 2
		}
	}
	return wh + " " + strings.Join(words[skip:], " ")
}

// replaceNames asks the last question about other: its capitalised names
// (past the first word) give way to other, or other is added.
func replaceNames(last, other string) string {
	words := strings.Fields(last)
	var kept []string
	replaced := false
	for i, w := range words {
		bare := strings.Trim(w, "?,.!'’s")
		if i > 0 && bare != "" && strings.ToUpper(bare[:1]) == bare[:1] && strings.ToLower(bare) != bare {
			if !replaced {
				kept = append(kept, other)
				replaced = true
			}
			continue
		}
		kept = append(kept, w)
	}
	if !replaced {
		kept = append(kept, other)
	}
	return strings.Join(kept, " ")
}
