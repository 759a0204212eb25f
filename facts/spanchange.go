package facts

import "github.com/briefbot/briefbot/facts/internal/prose"

// "By how much did the stock climb?" and "how much more will a household
// pay?" ask for a difference, and news gives a difference in its own
// form: "climbed 7.2%", "fell by 31%", "up 5.4%", "about PLN 160 more",
// "another 190 million". The levels beside it ("to €38.15", "capped at
// £9,535", "up from 12,760") answer another question. The span model is
// told which form each amount takes, when a difference is asked.

// asksDifference reports whether the question asks by how much something
// changed or differs: "by how much", "by how many", "how much more", "how
// many fewer".
func asksDifference(toks []prose.Token) bool {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Lower != "how" || toks[i+1].Lower != "much" && toks[i+1].Lower != "many" {
			continue
		}
		if i > 0 && toks[i-1].Lower == "by" {
			return true
		}
		return i+2 < len(toks) && comparative(toks[i+2].Lower)
	}
	return false
}

// comparative reports whether w, after an amount or "how much", makes it
// a difference: "60 more schools", "7.8 fewer days".
func comparative(w string) bool {
	switch w {
	case "more", "less", "fewer", "higher", "lower", "extra":
		return true
	}
	return false
}

// maxFormLead is how many words before an amount may hold the word that
// puts it as a difference or a level, past a qualifier: "by about 200
// million", "to nearly 6%". More reaches the clause's other amounts.
const maxFormLead = 2

// amountForm reads how the amount in words i..j of toks is put: as a
// difference ("by 7.2%", "up 5.4%", "fell 31%", "another 190 million",
// "60 more") or as a level ("to 6.25%", "at £9,535", "from 12,760").
func amountForm(l *prose.Language, toks []prose.Token, i, j int) (change, level bool) {
	if j+1 < len(toks) && comparative(toks[j+1].Lower) {
		return true, false
	}
	for k := i - 1; k >= 0 && k >= i-maxFormLead; k-- {
		w := toks[k].Lower
		switch w {
		case "by", "up", "down", "another", "further", "extra", "additional":
			return true, false
		case "to", "at", "from":
			return false, true
		}
		if amountWord(toks[k]) {
			break
		}
		if l.InflectionOf(l.Change, w) {
			return true, false
		}
	}
	return false, false
}

// spanChange fills the features of the form of the amount in words i..j
// when the question asks for a difference.
func (m *matcher) spanChange(st *spanToks, i, j int, fv *[numSpanFeatures]float64) {
	if !m.qy.difference || lastCount(st.toks, i, j) < 0 {
		return
	}
	first := i
	for first < j && !isCount(st.toks[first]) {
		first++
	}
	change, level := amountForm(m.lang, st.toks, first, j)
	fv[sChangeForm], fv[sLevelForm] = b2f(change), b2f(level)
}
