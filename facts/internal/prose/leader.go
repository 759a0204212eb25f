package prose

// "Who heads the central bank?" is answered by "Governor Ana Ruiz told
// reporters", "Its chairman, Park Ji-hoon, said …" or "… the alliance,
// led by Mira Kestrova": news names whoever heads a body by the title of
// the post, and the question by the verb of heading it. WordNet's words for
// both (see wordnet.Lexicon.LeaderWords) let a question of the one kind
// find a sentence of the other.

// Leads reports whether a lower-case word heads a body or names one who
// does, in any inflection ("heads", "led", "chairmen").
func (l *Language) Leads(w string) bool { return l.InflectionOf(l.Leader, w) }

// InflectionOf reports whether lower-case word w, or the base form WordNet
// gives it ("led" for "lead"), has its key in set.
func (l *Language) InflectionOf(set map[string]bool, w string) bool {
	if set[l.Key(w)] {
		return true
	}
	base, ok := l.Wn.Base(w)
	return ok && set[l.Key(base)]
}

// AsksLeader reports whether a question asks who heads something: a "who"
// question with a word of heading ("who chairs …", "who is the head of
// …").
func (l *Language) AsksLeader(toks []Token, wh string) bool {
	if wh != "who" && wh != "whom" && wh != "whose" {
		return false
	}
	for _, t := range toks {
		if l.Leads(t.Lower) {
			return true
		}
	}
	return false
}

// NamesLeader reports whether a sentence names a person and a word of
// heading a body: a title ("Chief Executive …", "its chairman, …") or the
// verb ("led by …").
func (l *Language) NamesLeader(toks []Token, ents []Entity) bool {
	person := false
	for _, e := range ents {
		person = person || e.Kind == Person
	}
	if !person {
		return false
	}
	for _, t := range toks {
		if l.Leads(t.Lower) {
			return true
		}
	}
	return false
}
