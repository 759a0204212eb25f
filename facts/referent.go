package facts

import "github.com/briefbot/briefbot/facts/internal/prose"

// A question names what it is about and asks for something else: "What
// did the finance minister say about …" is about the person the sentence
// calls "Finance Minister Ana Ruiz", and asks for what was said.
// Where the question word is the object of its verb (an auxiliary, then
// the subject, follow it), the name beside the question's own words is
// the subject the question already knows, rarely the answer. "Who is the
// finance minister?" and "Who has won …?" put the question word first as
// the subject or the complement; there the name is the answer.

// doAux reports whether w is a form of "do" or a modal or "have", which
// after a question word leave the subject to follow. Forms of "be" do
// not tell ("who is the minister", "what is the company planning").
func doAux(w string) bool {
	switch w {
	case "did", "does", "do", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "shall":
		return true
	}
	return false
}

// subjectStart reports whether a word can open the subject noun phrase
// after an auxiliary: a determiner, a possessive or a pronoun. "Has won"
// is a verb; "has the leader" is a subject.
func subjectStart(w string) bool {
	switch w {
	case "the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those",
		"he", "she", "it", "they", "we", "you", "i", "our", "my", "your":
		return true
	}
	return false
}

// whAuxReach is how many words may stand between the question word and
// its auxiliary: "how many people did", "which company has".
const whAuxReach = 3

// objectQuestion reports whether the question word of toks is not the
// subject: an auxiliary follows it, then a subject ("what did the
// minister say", "how has the company", "who will she face"). After "do"
// forms any word opens the subject ("what did officials say"); after a
// modal or "have" only a determiner, pronoun or name does, since "who has
// won" puts the verb there.
func objectQuestion(toks []prose.Token, wh string) bool {
	if wh == "" {
		return false
	}
	at := -1
	for k, t := range toks {
		if t.Lower == wh {
			at = k
			break
		}
	}
	if at < 0 {
		return false
	}
	for k := at + 1; k < len(toks)-1 && k <= at+whAuxReach; k++ {
		w := toks[k].Lower
		if !doAux(w) {
			continue
		}
		next := toks[k+1]
		return w == "did" || w == "does" || w == "do" || subjectStart(next.Lower) || next.Cap
	}
	return false
}

// spanReferent says whether words i..j are a person or organisation the
// question names by a noun beside it in the sentence, its title before it
// ("Finance Minister Ana Ruiz") or an apposition after a comma ("Tom
// Reyes, director of the charity"), while its question word is
// the object: the one who said or did what is asked, not the answer. A
// verb before the name ("the court ordered Acme") makes it the object,
// which may well be the answer, so only nouns (WordNet's) name it.
func (m *matcher) spanReferent(st *spanToks, i, j int, kind Kind, fv *[numSpanFeatures]float64) {
	if !m.qy.object || kind != Person && kind != Org {
		return
	}
	noun := func(k int) bool {
		_, ok := m.lang.Wn.NounType(st.toks[k].Lower)
		return st.matched[k] && ok
	}
	named := i > 0 && st.clause[i-1] == st.clause[i] && noun(i-1)
	if j+1 < len(st.toks) && st.clause[j+1] != st.clause[j] {
		for k := j + 1; k <= min(len(st.toks)-1, j+spanWindow); k++ {
			named = named || noun(k)
		}
	}
	fv[sReferent] = b2f(named)
}
