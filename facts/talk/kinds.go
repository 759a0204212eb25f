package talk

import (
	"slices"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/english"
)

// The messages of each kind are closed sets of English phrases, matched on
// the normalised message; none is about any brief.
const (
	greetings = "hi|hello|helo|hey|hiya|yo|howdy|good morning|good afternoon|good evening|morning|hi there|" +
		"hello there|hey there|sup|what's up|whats up|gm|anyone there|anyone home|hello anyone home|" +
		"hey how are you|hi how are you|how are you|you there|are you there|whats good|what's good|yo whats good"
	thanks = "thanks|thank you|thx|thnx|thanx|tnx|thankyou|tysm|ty|ta|cheers|thanks a lot|thank you so much|" +
		"thanks so much|many thanks|great thanks|ok thanks|ok thank you|appreciate it|appreciated|much appreciated"
	acks = "ok|okay|ok cool|cool|nice|great|got it|k|kk|alright|perfect|awesome|good|lol|haha|bye|goodbye|" +
		"see you|cya|ok bye|np|no problem|brb|lmao|lmfao|rofl|omg|wow|hehe|xd|gg|nice one|sorry|oops|my bad|" +
		"test|testing|ping|good job|great job|well done"
	meta = "help|help me|what can you do|what do you do|who are you|what are you|how do you work|" +
		"what do you know|what can i ask|what can i ask you|how does this work|what is this bot|are you a bot|commands"
	summaries = "tldr|tl dr|summary|summarize|summarise|give me a summary|summarize this|summarise this|" +
		"summarize the brief|summarise the brief|what's this about|whats this about|what is this about|" +
		"what is it about|what's it about|what happened|what's the news|whats the news|what is the news|news|" +
		"what's new|whats new|the gist|gist|brief me|give me the gist|what's going on|whats going on|" +
		"what is going on|what's the story|sum it up|overview|recap|headlines|the headlines|what are the headlines|" +
		"news roundup|roundup|any news|anything new|what did i miss|catch me up|fill me in|in a nutshell|" +
		"what's the big story|whats the big story|the big story|what stories do you have|what stories are there|" +
		"anything interesting happening|what's happening|whats happening|updates|any updates"
	questionWords = "who|what|when|where|why|how|which|whose|whom|how many|how much|how long|and who|and what|" +
		"and when|and where|and why|and how|then what|what about it|why is that|when was that|where was that|" +
		"who was that|and then"
	auxiliaries = "is|are|was|were|did|does|do|has|have|had|can|could|will|would|should|may|might|must"
	// smalltalkWords make up messages that are only small talk, however
	// arranged: "good morning all", "cool thx", "thanks, gn all".
	smalltalkWords = "hi|hello|hey|hiya|yo|howdy|good|morning|afternoon|evening|night|gn|gm|all|everyone|guys|folks|" +
		"people|team|bot|briefbot|thanks|thank|you|thx|ty|ta|cheers|ok|okay|cool|nice|great|got|it|k|kk|alright|perfect|" +
		"awesome|lol|haha|bye|goodbye|see|ya|cya|later|so|much|a|lot|many|again|mate|there|o|wow|yay|sup|up|whats|what's|" +
		"fam|bro|dude|sorry|wrong|channel|today|job|appreciate|test|testing|lmao|nice|one|brb|np|omg|anyone|home|" +
		"are|is|doing|r|well|done|love|this|that|was|helpful|useful|amazing|thnx|tysm|helo|whats good|" +
		"have|day|weekend|i|needed|helps|helped|exactly|wanted|really|super|very"
	// farewells end a conversation: a message of small-talk words and
	// signOffWords with one of them is a sign-off ("ok thanks, bye",
	// "that's all for now"), answered with a goodbye, not the bot's
	// introduction.
	farewells = "bye|goodbye|byebye|cya|later|night|gn|goodnight|ttyl|that's all|thats all|signing off|" +
		"good day|nice day|great day|good weekend|nice weekend|great weekend"
	signOffWords = "for|now|that's|thats|all|im|i'm|off|signing|done|ttyl|goodnight|byebye|then|and"
	// summaryVerbs open a request to summarise a brief named by the rest:
	// "summarize the strike story", "tldr on the election".
	summaryVerbs = "summarize|summarise|summary of|tldr|tl dr|tldr on|sum up|recap|recap of|give me a summary of|" +
		"brief me on|overview of|give me a quick summary of|quick summary of|a quick summary of|rundown of|" +
		"quick rundown of|a rundown of|break down|breakdown of|short version of|the short version of|key points of|" +
		"the key points of|give me the key points of|main points of|fill me in on|catch me up on|any updates on|" +
		"updates on|what happened with|what's the story with|whats the story with|what's the deal with|" +
		"whats the deal with|what's up with|whats up with|eli5|explain|in a nutshell|the gist of|gist of|" +
		"what's the news on|news on|headlines on|catch me up|fill me in"
)

// in reports whether s is one of the "|"-separated phrases.
func in(phrases, s string) bool {
	for p := range strings.SplitSeq(phrases, "|") {
		if p == s {
			return true
		}
	}
	return false
}

// politeTail strips what people add after a phrase: "thanks!!", "hi bot".
func politeTail(norm string) string {
	for _, tail := range []string{" bot", " briefbot", " please", " pls", " mate", " man", " again", " so much"} {
		norm = strings.TrimSuffix(norm, tail)
	}
	return strings.TrimPrefix(strings.TrimPrefix(norm, "oh "), "so ")
}

func smalltalk(norm string) bool {
	if signOff(norm) {
		return true
	}
	n := politeTail(norm)
	if in(greetings, n) || in(thanks, n) || in(acks, n) || in(meta, n) {
		return true
	}
	words := strings.Fields(n)
	return len(words) > 0 && allIn(words, smalltalkWords) && !allIn(words, "you|it|a|all|so|much|many|there|up|see|got")
}

// tellAbout opens a request, in the reader's words, for what the briefs
// say of something: "tell me about the earthquake in Peru".
const tellAbout = "tell me about|tell me more about|tell us about|what can you tell me about|what do you know about"

// storyRequest is the topic of a request for a story the briefs report
// ("tell me about the earthquake in Peru": "earthquake peru"), answered
// with its brief's summary; "" for any other message. Someone asked about
// ("tell me about the mayor", "tell me about Ana Ruiz") or a name alone
// ("tell me about Peru") is left to the matcher: the reader wants what the
// briefs say of them, not one whole story.
func storyRequest(base *facts.Base, canon string) string {
	var rest string
	for p := range strings.SplitSeq(tellAbout, "|") {
		if r, ok := strings.CutPrefix(politeTail(canon), p+" "); ok {
			rest = r
			break
		}
	}
	if rest == "" || asks(rest) {
		return ""
	}
	topic := topicWords(rest)
	event := false
	for _, w := range strings.Fields(topic) {
		switch {
		case base.Role(w):
			return ""
		case !base.IsName(w) && base.Knows(w):
			event = true
		}
	}
	if !event {
		return ""
	}
	return topic
}

// ownName reports whether a message's word is one the briefs use and no
// English word spells ("Kovaria", "Holubová"): a name of theirs, whether
// or not the tagger knew it for one, and never a common word that is also
// part of a name ("new" of "New Zealand").
func ownName(base *facts.Base, w string) bool {
	return base.Knows(w) && !english.Known(w)
}

// storyQuestions ask, of something named, for its story: the words
// before the name and, for some, after it.
var storyQuestions = [][2]string{
	{"what happened at ", ""}, {"what happened to ", ""}, {"what happened in ", ""}, {"what happened on ", ""},
	{"what happened with ", ""}, {"what's going on at ", ""}, {"whats going on at ", ""},
	{"what's going on with ", ""}, {"whats going on with ", ""}, {"what's the latest on ", ""},
	{"whats the latest on ", ""}, {"what's the latest with ", ""}, {"whats the latest with ", ""},
	{"any news on ", ""}, {"any news about ", ""}, {"how did ", " do"}, {"how is ", " doing"}, {"how are ", " doing"},
}

// storyAsked is the topic of a question that asks for the story of
// something a brief names, and of nothing else ("what happened at Holm
// Telecom", "how did Corvane do": "holm telecom", "corvane"); "" for any
// other message, one that names nothing of the briefs' own (see ownName:
// "what happened to the stock", "what happened at the mine"), or one that
// asks about one thing of the story ("how did Corvane do in 2019").
func storyAsked(base *facts.Base, canon string) string {
	for _, q := range storyQuestions {
		rest, ok := strings.CutPrefix(canon, q[0])
		if !ok {
			continue
		}
		if q[1] != "" {
			if rest, ok = strings.CutSuffix(rest, q[1]); !ok {
				continue
			}
		}
		// Only the name: "how did it do in 2019", "what happened to its
		// bonds" ask about one thing of the story, which may not say.
		topic := topicWords(rest)
		words := strings.Fields(topic)
		if len(words) == 0 || !slices.ContainsFunc(words, func(w string) bool { return ownName(base, strings.TrimSuffix(w, "'s")) }) ||
			slices.ContainsFunc(words, func(w string) bool { w = strings.TrimSuffix(w, "'s"); return !ownName(base, w) && !base.IsName(w) }) {
			return ""
		}
		return topic
	}
	return ""
}

// summaryRequest recognises a request for a summary, and the topic it
// names when it names one ("summarize the strike story": "strike").
func summaryRequest(norm string) (topic string, ok bool) {
	n := politeTail(norm)
	if in(summaries, n) {
		return "", true
	}
	for _, p := range []string{"can you ", "could you ", "can u ", "please ", "pls ", "just ", "give me ", "gimme ",
		"i want ", "can i get ", "could i get ", "ok so ", "so "} {
		n = strings.TrimPrefix(n, p)
	}
	for _, w := range []string{" today", " now", " rn", " this morning", " then", " pls", " please", " for me"} {
		n = strings.TrimSuffix(n, w)
	}
	if in(summaries, n) {
		return "", true
	}
	if t, ok := aboutWhat(n); ok {
		return t, true // "what's the AI ad labels thing about"
	}
	for v := range strings.SplitSeq(summaryVerbs, "|") {
		rest, found := strings.CutPrefix(n, v+" ")
		if !found {
			continue
		}
		if t, ok := aboutWhat(rest); ok {
			return t, true // "in a nutshell what's the storm article saying"
		}
		if asks(rest) {
			return "", false // "tldr how many seats did they get": a question
		}
		return topicWords(rest), true
	}
	return "", false
}

// aboutWhat recognises "what's the X about", "what's the X thing", "what
// is the X article saying": a request for X's story, and X.
func aboutWhat(n string) (string, bool) {
	for _, p := range []string{"what's ", "whats ", "what is "} {
		rest, ok := strings.CutPrefix(n, p)
		if !ok {
			continue
		}
		// Only a story asked about as a story: "what is the dispute
		// about?" asks for a cause the brief states.
		for _, end := range []string{" thing about", " thing", " article about", " article saying", " story about",
			" story", " piece about", " article", " news about"} {
			if x, ok := strings.CutSuffix(rest, end); ok && !asks(x) {
				return topicWords(x), true
			}
		}
	}
	return "", false
}

// asks reports whether words hold a question of their own: a question
// word, or an auxiliary verb opening them.
func asks(s string) bool {
	words := strings.Fields(s)
	for i, w := range words {
		w = strings.TrimSuffix(w, "'s")
		if in(whWords, w) || in("whats|whos|wheres|whens|hows", w) || i == 0 && in(auxiliaries, w) {
			return true
		}
	}
	return false
}

// topicWords keeps the words of a summary request that name its topic.
func topicWords(s string) string {
	var keep []string
	for _, w := range strings.Fields(s) {
		if !in("the|a|an|on|of|about|story|brief|article|news|it|this|that|me|for|us|thing|piece|deal|report|one|up|"+
			"in|with|whole|new|latest", w) {
			keep = append(keep, w)
		}
	}
	return strings.Join(keep, " ")
}

// clarifyWords, with a question word, make a question that only a
// question before it could give a topic: "who said that", "what year",
// "why tho", "by how much".
const clarifyWords = contextWords + "|tho|though|exactly|come|year|said|say|by|she|he|one|ones|then|so|and|ok|tell|me|more"

func bareQuestionWord(norm string) bool {
	for _, p := range []string{"and ", "so ", "then ", "ok "} {
		norm = strings.TrimPrefix(norm, p)
	}
	if in(questionWords, norm) || in("and|so|and then|then|and so", norm) {
		return true
	}
	words := strings.Fields(norm)
	return len(words) > 0 && len(words) <= 5 && allIn(words, clarifyWords) && slices.ContainsFunc(words, func(w string) bool { return in(whWords, w) })
}

// signOff reports whether a message ends the conversation: small talk
// with a farewell in it.
func signOff(norm string) bool {
	words := strings.Fields(politeTail(norm))
	if len(words) == 0 || !allIn(words, smalltalkWords+"|"+signOffWords) {
		return false
	}
	for i, w := range words {
		if in(farewells, w) || i > 0 && in(farewells, words[i-1]+" "+w) || w == "see" && i+1 < len(words) && in("you|ya|u", words[i+1]) {
			return true
		}
	}
	return false
}

// thanked reports whether a message says thanks in a word of its own
// ("perfect, thank you").
func thanked(norm string) bool {
	return slices.ContainsFunc(strings.Fields(norm), func(w string) bool { return in("thanks|thank|thx|ty|ta|cheers|tysm|thnx", w) })
}

// praised reports whether a message says the bot's reply helped ("that
// helps a lot", "super useful").
func praised(norm string) bool {
	return slices.ContainsFunc(strings.Fields(norm), func(w string) bool { return in("helps|helped|helpful|useful", w) })
}

// greeting is the small-talk reply: what the bot is, what it knows, and a
// question or two it really answers.
func greeting(base *facts.Base, norm string) string {
	n := politeTail(norm)
	var b strings.Builder
	switch {
	case signOff(n):
		// Whoever leaves needs no introduction: a goodbye, and thanks
		// taken when given.
		if thanked(n) {
			return "You're welcome — bye! 👋"
		}
		return "Bye! 👋 Ask me about the briefs any time."
	case praised(n):
		// Praise wants no introduction either.
		if thanked(n) {
			return "You're welcome, glad it helped! 👍"
		}
		return "Glad it helped! 👍"
	case in(thanks, n) || thanked(n):
		b.WriteString("You're welcome! ")
	case in(acks, n):
		b.WriteString("👍 ")
	case in(greetings, n):
		b.WriteString("Hello! ")
	}
	b.WriteString("I answer questions about " + briefNames(base) + ", quoting the sentence that says so.")
	b.WriteString(examples(base, " Try "))
	b.WriteString(" Ask “tldr” for a summary.")
	return b.String()
}

// briefNames names the loaded briefs for a person: one title, or a count
// and the first few.
func briefNames(base *facts.Base) string {
	bs := base.Briefs()
	switch len(bs) {
	case 0:
		return "the briefs"
	case 1:
		return "the brief “" + bs[0].Title + "”"
	}
	names := make([]string, 0, 3)
	for _, b := range bs[:min(3, len(bs))] {
		names = append(names, "“"+b.Title+"”")
	}
	more := ""
	if len(bs) > 3 {
		more = " and more"
	}
	return strings.Join(names, ", ") + more + " (" + strconv.Itoa(len(bs)) + " briefs)"
}

// Summarize is the summary of every brief, or of the one named (its
// name, as in citations), for a /summary command.
func Summarize(base *facts.Base, brief string) Reply {
	if brief == "" {
		return summarize(base, "")
	}
	for _, b := range base.Briefs() {
		if b.Name == brief {
			return summaryOf(base, b)
		}
	}
	return Reply{Kind: KindSummary, Text: "No brief named “" + brief + "” is loaded."}
}

// summarize picks the lead sentences: of the one brief (or the one the
// topic names), the first sentence of each of its first paragraphs,
// restatements left out; of several, one lead line each.
func summarize(base *facts.Base, topic string) Reply {
	bs := base.Briefs()
	r := Reply{Kind: KindSummary}
	if len(bs) == 0 {
		r.Text = "No brief is loaded."
		return r
	}
	if topic != "" {
		if found := base.Search(topic, 1); len(found) > 0 {
			name := found[0].Fact.Citation.Brief
			for _, b := range bs {
				if b.Name == name {
					bs = []facts.BriefInfo{b}
				}
			}
		}
	}
	if len(bs) == 1 {
		return summaryOf(base, bs[0])
	}
	r.Text = "The briefs, newest first, one line each:"
	for _, b := range newestBriefs(bs, summaryBriefs) {
		r.Summary = append(r.Summary, base.Lead(b.Name, 1)...)
	}
	return r
}

// newestBriefs is the n newest of bs, newest first, briefs without a date
// after those with one and ties in load order: picked in one pass, since
// a summary lists a handful of the thousands a base may hold.
func newestBriefs(bs []facts.BriefInfo, n int) []facts.BriefInfo {
	out := make([]facts.BriefInfo, 0, n+1)
	for _, b := range bs {
		i := len(out)
		for i > 0 && b.Date > out[i-1].Date {
			i--
		}
		if i < n {
			out = slices.Insert(out, i, b)
			out = out[:min(len(out), n)]
		}
	}
	return out
}

// summaryOf is one brief's lead sentences: the first of each of its first
// paragraphs, restatements left out.
func summaryOf(base *facts.Base, b facts.BriefInfo) Reply {
	return Reply{Kind: KindSummary, Text: "In short, from “" + b.Title + "”:", Summary: base.Lead(b.Name, summaryFacts)}
}
