package prose

// A date is often a part of a year or a month: "the first half of 2027",
// "the end of March", "the spring of 2026". The part is what a "when"
// question asks; the year alone says less than the sentence does.

// periodStart returns where a date that starts at word s begins once the
// part of it named before it is included ("the first half of", "the end
// of", "the spring of"), or s when none is.
func (st *sentenceTags) periodStart(s int) int {
	toks := st.toks
	if s < 2 || toks[s-1].Lower != "of" || !st.spaced(s-1) || !st.spaced(s-2) {
		return s
	}
	p := s - 2
	switch w := toks[p].Lower; {
	case periodPart(w):
	case (w == "half" || w == "quarter") && p > 0 && periodOrdinal(toks[p-1].Lower) && st.spaced(p-1):
		p--
	default:
		return s
	}
	if p > 0 && toks[p-1].Lower == "the" && st.spaced(p-1) {
		p--
	}
	for x := p; x < s; x++ {
		if st.used[x] {
			return s
		}
	}
	return p
}

// periodPart reports whether w names a part of a year or a month that
// "of" joins to it: its end or start, or a season.
func periodPart(w string) bool {
	switch w {
	case "end", "start", "beginning", "middle", "close", "turn", "spring", "summer", "autumn", "fall", "winter":
		return true
	}
	return false
}

// periodOrdinal reports whether w counts the halves or quarters of a year.
func periodOrdinal(w string) bool {
	switch w {
	case "first", "second", "third", "fourth", "final", "last":
		return true
	}
	return false
}
