package talk

import (
	"slices"
	"strings"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/internal/prose"
)

// topicLeads open a topic named before its question and carry no topic of
// their own: "ok what about Kovaria, who won there", "and the other lander,
// what was it called".
var topicLeads = [][]string{
	{"what", "about"}, {"how", "about"}, {"as", "for"},
	{"and"}, {"ok"}, {"okay"}, {"so"}, {"right"}, {"now"}, {"well"},
}

// anaphors are the words a question after a named topic uses for it, in
// the order they are looked for: "that one" before "that".
var anaphors = [][]string{
	{"that", "one"}, {"this", "one"}, {"the", "one"}, {"that"}, {"this"}, {"it"}, {"there"}, {"they"}, {"them"},
	{"its"}, {"their"},
}

// topicFirst reads a message that names its topic first and then asks
// about it, after a comma — "what about the port strike, how long is that
// one", "and the ruling party candidate, what party is that" — as the one
// question it is: "how long is the port strike", "what party is the ruling
// party candidate". The word standing for the topic gives way to it ("there"
// to "in" and it, "its" to its possessive). Any other message comes back
// as it is, ok false.
func topicFirst(base *facts.Base, message string) (string, bool) {
	head, question, ok := strings.Cut(message, ",")
	if !ok || strings.Contains(question, ",") {
		return message, false
	}
	topic := strings.Fields(head)
	// "the Kovaria election I mean, who won it": a repair, not the topic.
	for _, repair := range [][]string{{"i", "mean"}, {"i", "meant"}} {
		if n := len(topic) - len(repair); n > 0 && leads(topic[n:], repair) {
			topic = topic[:n]
		}
	}
	for lead := true; lead && len(topic) > 0; {
		lead = false
		for _, l := range topicLeads {
			if leads(topic, l) {
				topic, lead = topic[len(l):], true
				break
			}
		}
	}
	question = strings.TrimSpace(question)
	words := strings.Fields(question)
	if len(topic) == 0 || len(words) < 2 || !asksOfItsOwn(base, words[0]) ||
		slices.ContainsFunc(topic, func(w string) bool { return asksOfItsOwn(base, w) }) {
		return message, false
	}
	name := strings.Join(topic, " ")
	for _, a := range anaphors {
		for i := 1; i+len(a) <= len(words); i++ {
			if !leads(words[i:], a) {
				continue
			}
			with := name
			switch a[0] {
			case "there":
				with = "in " + name
			case "its", "their":
				with = name + "'s"
			}
			out := slices.Concat(words[:i], []string{with + trailing(words[i+len(a)-1])}, words[i+len(a):])
			return strings.Join(out, " "), true
		}
	}
	// With no word standing for it, the topic is left to the conversation:
	// "the ferry strike, how many sailings were cancelled" asks best as two
	// messages, the topic naming the story and the question asked of it.
	return message, false
}

// leads reports whether words open with the lower-case phrase p, the
// punctuation around each word aside.
func leads(words, p []string) bool {
	if len(words) < len(p) {
		return false
	}
	for i, w := range p {
		if prose.Normalize(words[i]) != w {
			return false
		}
	}
	return true
}

// asksOfItsOwn reports whether a word opens a question of its own: a
// question word, in any chat spelling ("whats", "who's"), or an auxiliary
// ("is", "did"). A topic holds none; the question after it starts with one.
func asksOfItsOwn(base *facts.Base, w string) bool {
	w = strings.TrimSuffix(prose.Normalize(w), "'s")
	if w == "" {
		return false
	}
	w = base.ChatWord(w)
	return in(whWords, w) || in(auxiliaries, w)
}
