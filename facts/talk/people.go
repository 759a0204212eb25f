package talk

import (
	"slices"
	"strings"
	"time"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/internal/prose"
)

// People are asked about by what they are: "what did the economist say?"
// when the brief under discussion quotes two economists is a question
// only the reader can settle. The bot asks back, naming each with what the
// brief calls them; the next message picks one ("the Moravska Banka
// one"), and "and the other one?" then asks the same of the other.

// maxPeopleChoices is how many people a question back may list; more and
// the reader is better served by naming the person.
const maxPeopleChoices = 4

// describeLen is how many words after "the" may describe a person ("the
// deputy leader", "the chief economist at the bank" is too long to be
// asked that way).
const describeLen = 3

// whoState is a question asked back because its description fits several
// people of the brief under discussion, or, once one is picked, the
// people still unpicked.
type whoState struct {
	question string   // as asked, normalised: "what did the economist say"
	desc     string   // its words that describe: "economist"
	names    []string // the people it fits, not yet picked
	picked   bool     // one has been picked and answered
}

// aboutPeople replies when a follow-up's description fits several people
// of the brief under discussion, or picks among those asked back about.
// ok is false when the message is neither.
func (c *Conversation) aboutPeople(base *facts.Base, message string, now time.Time, ask func(string) facts.Answer) (Reply, bool) {
	w := c.who
	c.who = whoState{}
	if c.discussed == "" {
		return Reply{}, false
	}
	norm := prose.Normalize(message)
	if len(w.names) > 0 {
		if name := pickPerson(base, c.discussed, norm, w); name != "" {
			q := strings.Replace(w.question, "the "+w.desc, name, 1)
			r := respond(base, q, ask)
			if asked(r) {
				r.Answer.Question = strings.TrimSpace(message)
			}
			c.remember(base, r, q, now)
			rest := slices.DeleteFunc(slices.Clone(w.names), func(n string) bool { return n == name })
			c.who = whoState{question: w.question, desc: w.desc, names: rest, picked: true}
			return r, true
		}
	}
	desc, people := describedPeople(base, c.discussed, norm)
	if len(people) < 2 || len(people) > maxPeopleChoices {
		return Reply{}, false
	}
	c.who = whoState{question: norm, desc: desc}
	labels := make([]string, len(people))
	for i, p := range people {
		c.who.names = append(c.who.names, p.Name)
		labels[i] = p.Name
		if d, _, _ := strings.Cut(p.Described, "; "); d != "" {
			labels[i] += " (" + d + ")"
		}
	}
	c.at = now
	return Reply{Kind: KindClarify, Text: "Which " + desc + " do you mean: " + orList(labels) + "?"}, true
}

// describedPeople finds the words after a "the" in a message that name a
// role several people of brief hold, longest first, and those people.
// A role the brief gives one person by that very name ("Governor" beside
// "Deputy Governor") is no question to ask back.
func describedPeople(base *facts.Base, brief, norm string) (string, []facts.Personage) {
	words := strings.Fields(norm)
	saying := slices.ContainsFunc(words, func(w string) bool { return in(sayingWords, w) })
	for i, w := range words {
		if w != "the" {
			continue
		}
		for n := min(describeLen, len(words)-i-1); n >= 1; n-- {
			phrase := words[i+1 : i+1+n]
			if slices.ContainsFunc(phrase, func(w string) bool { return in(contextWords+"|"+notPeople, w) }) {
				continue
			}
			desc := strings.Join(phrase, " ")
			if !base.Role(desc) {
				continue
			}
			ps, exact := base.Described(brief, desc)
			if saying {
				ps, exact = quotedOnly(ps, exact)
			}
			switch {
			case exact == 1:
				return "", nil // "the governor": the one called just that
			case exact > 1:
				return desc, ps[:exact]
			case len(ps) > 0:
				return desc, ps
			}
		}
	}
	return "", nil
}

// quotedOnly keeps the people the brief quotes, of ps whose first exact
// are exact matches, and counts the exact matches kept: "what did the
// judge say?" means, of the judges, those quoted.
func quotedOnly(ps []facts.Personage, exact int) ([]facts.Personage, int) {
	var out []facts.Personage
	n := 0
	for i, p := range ps {
		if !p.Quoted {
			continue
		}
		out = append(out, p)
		if i < exact {
			n++
		}
	}
	return out, n
}

// sayingWords ask what someone said: only the people the brief quotes
// can be meant.
const sayingWords = "say|said|says|saying|think|thinks|thought|tell|told|claim|claimed|argue|argued|warn|warned|react|reacted|comment|commented"

// notPeople are words after "the" that name the news, not a person.
const notPeople = "brief|story|article|news|report|briefs|stories|one|ones|other|first|second|last|same"

// otherOne are the ways to ask about the person not yet picked.
const otherOne = "the other one|other one|the other|and the other|and the other one|what about the other one|" +
	"and the other person|the other person|what about the other"

// pickPerson is the one of w.names a message picks: by "the other one"
// once one is picked, else by words of their name or of what the brief
// calls them ("the Moravska Banka one", "the transport one", "the cto").
// "" when it picks none, or several.
func pickPerson(base *facts.Base, brief, norm string, w whoState) string {
	n := strings.TrimSuffix(norm, " then")
	if w.picked && (in(otherOne, n) || in(otherOne, strings.TrimSuffix(n, " "+w.desc)) || n == "and the other "+w.desc) {
		if len(w.names) == 1 {
			return w.names[0]
		}
		return ""
	}
	var words []string
	for _, x := range strings.Fields(n) {
		if !in(contextWords+"|"+notPeople+"|what|about|guy|woman|man|person|lady", x) {
			words = append(words, x)
		}
	}
	if len(words) == 0 || len(words) > maxPickWords {
		return ""
	}
	picked := ""
	ps, _ := base.Described(brief, strings.Join(words, " "))
	for _, p := range ps {
		if !slices.Contains(w.names, p.Name) {
			continue
		}
		if picked != "" {
			return ""
		}
		picked = p.Name
	}
	return picked
}
