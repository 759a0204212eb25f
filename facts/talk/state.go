package talk

import (
	"slices"
	"strings"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/internal/prose"
)

// maxMentions bounds the names a conversation remembers: pronouns refer
// to the last few turns, not to the start of a long chat.
const maxMentions = 8

// mention is a name the conversation has used, asked about or answered,
// with what a pronoun needs to refer to it.
type mention struct {
	text   string
	kind   facts.Kind
	gender gender
	// answered is the question this name was the short answer to,
	// normalised, "" for none: "the winner" is then the answer to "who
	// won …" (see resolveDoers).
	answered string
}

// gender is what the brief shows of a person: the pronoun it refers to
// them with, when it does.
type gender byte

const (
	genderUnknown gender = iota
	genderMale
	genderFemale
)

// mentionsOf lists the names an answered question brings into the
// conversation, least salient first: the cited sentence's other names,
// then those the question used, then the short answer, which is what the
// next question most likely means.
func mentionsOf(question string, a facts.Answer) []mention {
	if !a.Answered || len(a.Results) == 0 {
		return nil
	}
	f := a.Results[0].Fact
	asked := strings.Fields(prose.Normalize(question))
	var other, used []mention
	for _, e := range f.Entities {
		if e.Text == a.Short || !referable(e.Kind) {
			continue
		}
		m := mention{text: e.Text, kind: e.Kind, gender: genderIn(f.Text, e.Text)}
		if usesName(asked, e.Text) {
			used = append(used, m)
		} else {
			other = append(other, m)
		}
	}
	out := append(other, used...)
	if a.Short != "" && referable(a.ShortKind) {
		out = append(out, mention{text: a.Short, kind: a.ShortKind, gender: genderIn(f.Text, a.Short), answered: prose.Normalize(question)})
	}
	return out
}

// referable reports whether a pronoun can stand for a name of kind k.
func referable(k facts.Kind) bool {
	return k == facts.Person || k == facts.Org || k == facts.Group || k == facts.Place
}

// usesName reports whether the question's words hold a name: its first
// word, typed in any case, with or without a possessive.
func usesName(asked []string, name string) bool {
	words := strings.Fields(prose.Normalize(name))
	if len(words) == 0 {
		return false
	}
	return slices.ContainsFunc(asked, func(w string) bool {
		return strings.TrimSuffix(w, "'s") == strings.TrimSuffix(words[0], "'s")
	})
}

// genderIn is the gender text shows for a person it names: a title
// before the name, else the first personal pronoun after it in the
// sentence ("Vasko, 54, led the bank … She has promised").
func genderIn(text, name string) gender {
	i := strings.Index(text, name)
	if i < 0 {
		return genderUnknown
	}
	before := strings.Fields(strings.ToLower(text[:i]))
	if len(before) > 0 {
		switch strings.Trim(before[len(before)-1], ".,") {
		case "mr", "sir", "lord", "king", "prince":
			return genderMale
		case "mrs", "ms", "miss", "dame", "lady", "queen", "princess":
			return genderFemale
		}
	}
	for _, w := range strings.Fields(prose.Normalize(text[i+len(name):])) {
		switch w {
		case "he", "his", "him", "himself":
			return genderMale
		case "she", "her", "hers", "herself":
			return genderFemale
		}
	}
	return genderUnknown
}

// rememberMentions adds mentions, most recent last, keeping at most maxMentions
// and each name once, with the last question it answered.
func rememberMentions(ms, add []mention) []mention {
	for _, m := range add {
		if i := slices.IndexFunc(ms, func(x mention) bool { return x.text == m.text }); i >= 0 && m.answered == "" {
			m.answered = ms[i].answered
		}
		ms = slices.DeleteFunc(ms, func(x mention) bool { return x.text == m.text })
		ms = append(ms, m)
	}
	if len(ms) > maxMentions {
		ms = ms[len(ms)-maxMentions:]
	}
	return ms
}

// referent is the most recent mention a pronoun can stand for; ok is false
// when the conversation has none.
func referent(pronoun string, ms []mention) (mention, bool) {
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		switch {
		case in("he|him|his|himself", pronoun):
			if m.kind == facts.Person && m.gender != genderFemale {
				return m, true
			}
		case in("she|her|hers|herself", pronoun):
			if m.kind == facts.Person && m.gender != genderMale {
				return m, true
			}
		case in("they|them|their|theirs", pronoun):
			if m.kind == facts.Org || m.kind == facts.Group {
				return m, true
			}
		case pronoun == "there":
			if m.kind == facts.Place {
				return m, true
			}
		}
	}
	return mention{}, false
}

// personalPronouns are the pronouns the state resolves; openingPronouns
// add "it", which opening a conversation stands for nothing either.
const (
	personalPronouns = "he|him|his|himself|she|her|hers|herself|they|them|their|theirs"
	openingPronouns  = personalPronouns + "|it|its"
)

// resolvePronouns puts the names the pronouns of a message stand for in
// their place; unresolved is the first personal pronoun with no name to
// stand for ("" when every one has).
func resolvePronouns(message string, ms []mention) (resolved, unresolved string) {
	words := strings.Fields(message)
	for i, w := range words {
		bare := strings.ToLower(strings.Trim(w, "?,.!"))
		if !in(personalPronouns, bare) && bare != "there" {
			continue
		}
		m, ok := referent(bare, ms)
		switch {
		case !ok:
			if unresolved == "" && bare != "there" {
				unresolved = bare
			}
		case bare == "there":
			words[i] = "in " + m.text + trailing(w)
		case in("his|their|theirs|hers", bare), bare == "her" && i+1 < len(words) && !endsQuestion(w):
			words[i] = m.text + "'s" + trailing(w)
		default:
			words[i] = m.text + trailing(w)
		}
	}
	return strings.Join(words, " "), unresolved
}

// trailing is the punctuation a word ends with.
func trailing(w string) string { return w[len(strings.TrimRight(w, "?,.!")):] }

// endsQuestion reports whether a word closes its sentence.
func endsQuestion(w string) bool { return strings.ContainsAny(w, "?.!") }

// clarifyPronoun is the reply to a pronoun nothing in the conversation
// stands for: which one is meant, naming the people and organisations
// the conversation has mentioned.
func clarifyPronoun(base *facts.Base, pronoun string, ms []mention) Reply {
	text := "Who do you mean by “" + pronoun + "”?"
	if in("it|its", pronoun) {
		text = "What do you mean by “" + pronoun + "”?"
	}
	var names []string
	for i := len(ms) - 1; i >= 0 && len(names) < 3; i-- {
		if ms[i].kind != facts.Place {
			names = append(names, ms[i].text)
		}
	}
	if len(names) > 0 {
		text += " Do you mean " + orList(names) + "?"
	} else {
		text += " Name them or the story." + examples(base, " For example: ")
	}
	return Reply{Kind: KindClarify, Text: text}
}

// orList joins names as "A, B or C".
func orList(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// pronounFragment reports whether a message leans on a personal pronoun
// for its subject and names nothing of its own: "did they win?", "how
// old is she". Asked of every brief, such a message finds some answer,
// and most likely the wrong one.
func pronounFragment(base *facts.Base, message, pronouns string) (string, bool) {
	words := strings.Fields(prose.Normalize(message))
	if len(words) == 0 || len(words) > maxFollowUpWords {
		return "", false
	}
	pronoun := ""
	for _, w := range words {
		switch {
		case in(pronouns, w):
			if pronoun == "" {
				pronoun = w
			}
		case base.IsName(w):
			return "", false
		}
	}
	return pronoun, pronoun != ""
}
