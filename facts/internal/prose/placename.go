package prose

// PlaceName reads the name that starts at word n, after "in" or "at" (and
// "the"): the capitalised words up to one that is not, or to the end of
// the clause when clause numbers them. It returns where the name ends, or
// n for none: when no capitalised word stands at n, when a month or a
// weekday does ("in March" dates), or when the name modifies the word
// after it ("in Danish kroner", "at the Labour conference").
func (l *Language) PlaceName(toks []Token, clause []int, n int) int {
	j := n
	for j < len(toks) && toks[j].Cap && !l.Month[toks[j].Lower] && !l.Weekday[toks[j].Lower] &&
		(clause == nil || clause[j] == clause[n]) {
		j++
	}
	if j == n || j == len(toks) || clause != nil && clause[j] != clause[n] {
		return j
	}
	if w := toks[j]; l.Stop[w.Lower] || l.Glue[w.Lower] || w.Num || l.Month[w.Lower] || l.Weekday[w.Lower] {
		return j
	}
	return n
}
