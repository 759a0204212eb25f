package facts

import (
	"strings"

	"github.com/briefbot/briefbot/facts/internal/prose"
)

// Some short answers join entities the tagger gives apart, across the
// commas and small words the phrase candidates stop at: a range ("between
// 55 and 62 tonnes", "from June 2021 to August 2023") and a list of names
// ("Denmark, Germany, Poland and Spain"). joinedSpans offers them, with
// the kind of their last entity; which of them answers, with or without
// the word that leads into a range, is the span model's to weigh (sRange,
// sEntities, and the leading word as a lexical key).

// joinedSpans calls add for the ranges (st.ranges) and lists of st's
// entities (sorted by position).
func joinedSpans(st *spanToks, text string, ents []entRange, add func(i, j int, kind Kind)) {
	for _, r := range st.ranges {
		add(r.i, r.j, r.entity)
		if k := r.i - 1; k >= 0 && st.clause[k] == st.clause[r.i] && !st.matched[k] && !st.toks[k].Num && !entityAt(ents, k) {
			add(k, r.j, r.entity) // "between", "from", "up to"
		}
	}
	for first := 0; first < len(ents); {
		last := first
		for last+1 < len(ents) && ents[last+1].entity == ents[first].entity && ents[last].j < ents[last+1].i &&
			listJoin(text, st.toks[ents[last].j].End, st.toks[ents[last+1].i].Start) {
			last++
		}
		if last > first {
			add(ents[first].i, ents[last].j, ents[last].entity)
		}
		first = last + 1
	}
}

// rangesOf lists the ranges among ents (sorted by first word; the
// tagger's entities may overlap): two amounts or dates
// joined ("2014 to 2020", "€250 million and €400 million"), and an
// amount the tagger read as a range whole ("12 to 18 weeks", "2-8
// degrees"), each with the kind of its last entity.
func rangesOf(st *spanToks, text string, ents []entRange) []entRange {
	var out []entRange
	for n, e := range ents {
		if !measured(e.entity) {
			continue
		}
		if n > 0 && measured(ents[n-1].entity) && ents[n-1].j < e.i && rangeJoin(st, text, ents[n-1].j, e.i) {
			out = append(out, entRange{i: ents[n-1].i, j: e.j, entity: e.entity})
			continue
		}
		for k := e.i; k < e.j; k++ {
			if st.toks[k].Num && (st.toks[k].HyphenNext && st.toks[k+1].Num || k+2 <= e.j && st.toks[k+2].Num && rangeJoin(st, text, k, k+2)) {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

// measured reports whether entities of kind k can make a range: amounts,
// spans of time and dates.
func measured(k Kind) bool {
	return k == Number || k == Duration || k == Date
}

// rangeJoin reports whether the words between tokens a and b make a
// range of what they end and start: one of the words that join two
// bounds, or a dash written against both ("2014–2020").
func rangeJoin(st *spanToks, text string, a, b int) bool {
	switch b - a {
	case 1:
		gap := strings.TrimSpace(text[st.toks[a].End:st.toks[b].Start])
		return gap == "-" || gap == "–" || gap == "—"
	case 2:
		w := st.toks[a+1]
		return prose.OnlySpace(text[prose.PercentEnd(text, st.toks[a].End):w.Start]) && prose.OnlySpace(text[w.End:max(w.End, prose.CurrencyStart(text, st.toks[b].Start))]) &&
			(w.Lower == "to" || w.Lower == "and" || w.Lower == "or")
	}
	return false
}

// listJoin reports whether text[s:e], between two entities, joins items
// of a list: a comma, "and" or both, and the article the next item may
// take ("Japan, Germany and the United Arab Emirates").
func listJoin(text string, s, e int) bool {
	gap := strings.TrimSpace(text[s:e])
	comma := strings.HasPrefix(gap, ",")
	gap = strings.TrimSpace(strings.TrimPrefix(gap, ","))
	for _, a := range [...]string{"the", "a", "an"} {
		if gap == a || strings.HasSuffix(gap, " "+a) {
			gap = strings.TrimSpace(strings.TrimSuffix(gap, a))
			break
		}
	}
	return gap == "" && comma || gap == "and" || gap == "&"
}

// entityAt reports whether token k stands in one of ents.
func entityAt(ents []entRange, k int) bool {
	for _, e := range ents {
		if e.i <= k && k <= e.j {
			return true
		}
	}
	return false
}

// inRange reports whether words i..j of st are one of its ranges, with
// or without the word before it.
func inRange(st *spanToks, i, j int) bool {
	for _, r := range st.ranges {
		if r.j == j && (r.i == i || r.i == i+1) {
			return true
		}
	}
	return false
}
