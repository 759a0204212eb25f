package talk

import (
	"strings"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/english"
)

// canonical rewrites a normalised message the way people mean it, for
// telling its kind: drawn-out letters shortened ("hiii" → "hi", "heyy" →
// "hey", "lmaooo" → "lmao") and chat spellings spelt out ("wen" → "when",
// "u" → "you", "were is" → "where is"). Questions are still asked as typed: the matcher has its
// own spelling correction.
func canonical(base *facts.Base, norm string) string {
	words := strings.Fields(norm)
	for i, w := range words {
		w = shortenRuns(w)
		if !english.Known(w) && !base.Knows(w) {
			if n := len(w); n > 2 && w[n-1] == w[n-2] {
				w = w[:n-1] // "heyy", "byee", "okk"
			}
		}
		words[i] = base.ChatWord(w)
	}
	if len(words) > 1 {
		words[0] = facts.MistypedQuestionWord(words[0], words[1])
	}
	return strings.Join(words, " ")
}

// shortenRuns cuts a letter repeated three times or more to one: no
// English word has a letter three times in a row.
func shortenRuns(w string) string {
	var b strings.Builder
	var prev rune
	run := 0
	for _, r := range w {
		if r == prev {
			run++
		} else {
			prev, run = r, 1
		}
		if run <= 2 {
			b.WriteRune(r)
		}
	}
	s := b.String()
	if s != w && !english.Known(s) {
		// "hiii" → "hii" → "hi"; "sooo" → "soo" → "so".
		if t := strings.TrimSuffix(s, s[len(s)-1:]); english.Known(t) || len(t) <= 3 {
			return t
		}
	}
	return s
}

// secondPerson words address the bot; requestVerbs after them ask it to
// tell something ("can you tell me who won").
const (
	secondPerson = "you|u|ur|your|you're|youre|yourself|ya|bot|briefbot"
	requestVerbs = "tell|show|explain|find|know|give|summarize|summarise|list|name|say|think"
)

// aboutTheBot reports whether a message speaks to or about the bot rather
// than asking about the news: "are you a bot", "who made you", "bad bot",
// "ur answers are too long". A question word or a request after the
// address ("do you know who won", "can you tell me …") makes it a
// question, and so does a name of the briefs anywhere.
func aboutTheBot(base *facts.Base, words []string) bool {
	at := -1
	for i, w := range words {
		if in(secondPerson, w) {
			at = i
			break
		}
	}
	if at < 0 || genericYou(words, at) {
		return false
	}
	for i, w := range words {
		if base.IsName(w) || isDigits(w) || i > at && (in(whWords, w) || in(requestVerbs, w)) {
			return false // a name, a number or a request: about the news
		}
	}
	return true
}

// genericYou reports whether the "you" at words[at] means anyone, as in
// "do you have to run marathons", "if you walk 7,000 steps", "can you get
// a refund": a question about the news put to the reader.
func genericYou(words []string, at int) bool {
	if at > 0 && in("if|when|unless|should|would|can|could", words[at-1]) && at+1 < len(words) && !in("you|u|be|do|help", words[at+1]) {
		return true
	}
	if at+2 < len(words) && in("have|need|got", words[at+1]) && words[at+2] == "to" {
		return true
	}
	// A question word before it and a verb with its own complement
	// after it: "how much do you get for an old phone", "where do you
	// buy tickets". What the bot is asked about itself is shorter: "what
	// do you know", "how do you work".
	return at > 1 && in(whWords, words[0]) && len(words)-at > genericYouTail
}

// genericYouTail is how many words after "you" make a question asked of
// anyone rather than of the bot: fewer takes "what can you do for me" for
// news, more takes "how much do you get for it" for small talk.
const genericYouTail = 3
