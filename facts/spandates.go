package facts

// maxDateLead bounds how many words before a date a candidate short answer
// may take in to say which part of the date is meant: "late spring 2027"
// leads with two words, "spring 2027" with one. More would reach the
// clause's verb and subject, and add phrases the span model must tell
// apart from the answer.
const maxDateLead = 3

// dateLeads calls add for the phrases that run from a word before one of
// st's dates up to the date's end, within its clause and short of the
// question's own words: "spring 2027", "late spring 2027", and a range
// whose first date ends the lead ("2014 to 2020"). Whether one of them
// answers rather than the bare date is the span model's to weigh
// (sDateLead, and the leading words as lexical keys). The part of a year
// or month joined by "of" ("the first half of 2027", "the end of March")
// is the tagger's date already (see prose's periodStart): the model, left
// to weigh those leads, preferred the bare year too often.
func (b *Base) dateLeads(st *spanToks, add func(i, j int)) {
	owner := make([]int, len(st.toks))
	for k := range owner {
		owner[k] = -1
	}
	for n, e := range st.claims.ents {
		for k := e.i; k <= e.j && k < len(owner); k++ {
			owner[k] = n
		}
	}
	for _, e := range st.claims.ents {
		if e.entity != Date {
			continue
		}
		for k := e.i - 1; k >= 0 && k >= e.i-maxDateLead; k-- {
			if st.clause[k] != st.clause[e.i] || st.matched[k] {
				break
			}
			if o := owner[k]; o >= 0 {
				if x := st.claims.ents[o]; x.entity == Date && x.i == k {
					add(k, e.j) // a range
				}
				break
			}
			if !b.lang.Stop[st.toks[k].Lower] && !b.lang.Glue[st.toks[k].Lower] {
				add(k, e.j)
			}
		}
	}
}
