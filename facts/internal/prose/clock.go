package prose

import "strconv"

// isClockWord reports whether w names a time of day by itself: "shortly
// after midnight" answers "when" as "4:17 a.m." does. A closed class of
// English, not the vocabulary of any brief.
func isClockWord(w string) bool {
	switch w {
	case "noon", "midday", "midnight":
		return true
	}
	return false
}

// clockEnd is the index of the last word of a time of day that starts at
// word i ("4:17 a.m.", "03:40", "7:30pm"), or -1 when none starts there.
// Split at its colon, a time would read as two unrelated numbers, and a
// "what time" or "when" question would find nothing to answer with.
func clockEnd(text string, toks []Token, i int) int {
	if i+1 >= len(toks) || text[toks[i].End:toks[i+1].Start] != ":" {
		return -1
	}
	h, err := strconv.Atoi(toks[i].Lower)
	if err != nil || len(toks[i].Lower) > 2 || h > 24 {
		return -1
	}
	m := toks[i+1].Lower
	suffix := len(m) == 4 && (m[2:] == "am" || m[2:] == "pm")
	if suffix {
		m = m[:2]
	}
	if mm, err := strconv.Atoi(m); err != nil || len(m) != 2 || mm > 59 {
		return -1
	}
	e := i + 1
	if suffix {
		return e
	}
	switch {
	case e+1 < len(toks) && (toks[e+1].Lower == "am" || toks[e+1].Lower == "pm") && spaceOnly(text[toks[e].End:toks[e+1].Start]):
		e++
	case e+2 < len(toks) && (toks[e+1].Lower == "a" || toks[e+1].Lower == "p") && toks[e+2].Lower == "m" &&
		spaceOnly(text[toks[e].End:toks[e+1].Start]) && text[toks[e+1].End:toks[e+2].Start] == ".":
		e += 2
	}
	return e
}

// spaceOnly reports whether a gap between words holds nothing but spaces.
func spaceOnly(gap string) bool {
	for _, r := range gap {
		if r != ' ' {
			return false
		}
	}
	return true
}
