package facts

import (
	"slices"
	"strings"

	"github.com/briefbot/briefbot/facts/internal/prose"
)

// A short answer is often told by the words around it: "in" before a
// year answers when, "by" before a name answers who, a name followed by
// "said" is a speaker. The span model weighs such words as lexical keys:
// each key is a template (the word before, the word after, …) filled with
// the words there, crossed with the kind of question, and hashed. Content
// words are reduced to their shape, so the weights learn how English
// frames an answer, never which names a brief holds.

// Templates of the lexical keys, one byte each in the hash.
const (
	kPrev      byte = iota + 1 // the word before the span
	kNext                      // the word after it
	kPrev2                     // the two words before it
	kNext2                     // the two words after it
	kFirst                     // its first word
	kLast                      // its last word
	kGapBefore                 // the punctuation before it
	kGapAfter                  // the punctuation after it
	kLastType                  // the WordNet type of its last word
	kHeadType                  // … crossed with the type of the question's noun
	kWords                     // its length in words
	kAround                    // the words on both sides, whatever the question
	kPathLeft                  // the words between the nearest matched word before it and it
	kPathRight                 // … between it and the nearest matched word after it
	kKind                      // the tagger's kind of entity it is, if it is one
	kFocusKind                 // what a name ending in the question's focus noun names, crossed with that kind
	kCuePrev                   // a cue word of the question (see questionCues) crossed with the word before the span
)

// Shapes standing for words that are not function words.
const (
	shapeStart   = "^"  // before the sentence
	shapeEnd     = "$"  // after it
	shapeMatched = "#m" // a word the question uses
	shapeNumber  = "#n"
	shapeCap     = "#C"
	shapeWord    = "#w"
)

// spanAskKey is the question's side of every key: its question word and the
// kind of answer it wants.
func spanAskKey(qy *query) string {
	k := qy.wh
	if len(qy.kinds) > 0 {
		k += "/" + qy.kinds[0].String()
	}
	if qy.amount {
		k += "/amount"
	}
	return k
}

// spanKeys appends to keys the lexical keys of words i..j of st as the answer to a
// question whose key is ask and whose noun has WordNet type headType;
// kind is the entity the span is, 0 for none; otherItem says the span
// stands in another item of a list than the question's words (see
// spanItems); cues are the question's cue words (see questionCues).
func (b *Base) spanKeys(keys []uint32, st *spanToks, text string, i, j int, ask, headType string, kind Kind, otherItem bool, cues []string) []uint32 {
	w := func(k int) string {
		switch {
		case k < 0:
			return shapeStart
		case k >= len(st.toks):
			return shapeEnd
		}
		return st.shapes[k]
	}
	last, _ := b.lang.Wn.NounType(st.toks[j].Lower)
	if last == "" {
		last = "-"
	}
	words := string(rune('0' + min(j-i+1, 6)))
	// In a list whose other item holds the question's words ("led by A,
	// of X, and B, of Y" asked about Y), the words leading to A lead to
	// every item: for A they are no evidence, so they key apart.
	lead := ask
	if otherItem {
		lead += "/other-item"
	}
	keys = append(keys,
		lexKey(kPrev, lead, w(i-1), ""),
		lexKey(kNext, ask, w(j+1), ""),
		lexKey(kPrev2, lead, w(i-2), w(i-1)),
		lexKey(kNext2, ask, w(j+1), w(j+2)),
		lexKey(kFirst, ask, w(i), ""),
		lexKey(kLast, ask, w(j), ""),
		lexKey(kGapBefore, ask, gapBefore(st, text, i), ""),
		lexKey(kGapAfter, ask, gapAfter(st, text, j), ""),
		lexKey(kLastType, ask, last, ""),
		lexKey(kHeadType, ask, headType, last),
		lexKey(kWords, ask, words, ""),
		lexKey(kAround, "", w(i-1), w(j+1)),
		lexKey(kPathLeft, lead, spanPath(st, i-1, -1)),
		lexKey(kPathRight, lead, spanPath(st, j+1, 1)),
		// Each pairing of a kind of question with a kind of entity ("when"
		// and a duration) gets its own weight, beside the dense features
		// that only say whether the kind is the one asked for.
		lexKey(kKind, ask, kind.String(), ""),
		// "What step" is seldom answered by a person's name, "which
		// stadium" often by a place's: see spanToks.focusKind.
		lexKey(kFocusKind, ask, st.focusKind, kind.String()),
	)
	for _, c := range cues {
		keys = append(keys, lexKey(kCuePrev, c, w(i-1), ""))
	}
	return keys
}

// spanFixedKeys is how many keys every span has beside its cue keys.
const spanFixedKeys = 16

// spanPathWords is how far a path key looks for a matched word: the words
// between a question's word and the answer ("born in", "was founded by")
// say how they relate, as a parse's path would; farther ones relate less
// and are rarer, so their weights rest on fewer answers.
const spanPathWords = 4

// spanPath is the shapes of the words from k, stepping by dir, up to the
// first word the question uses, joined; "-" when none is that close.
func spanPath(st *spanToks, k, dir int) string {
	var buf [spanPathWords]string // on the stack: this runs for every span of every candidate
	path := buf[:0]
	for n := 0; n < spanPathWords && k >= 0 && k < len(st.toks); n, k = n+1, k+dir {
		if st.matched[k] {
			if dir < 0 {
				slices.Reverse(path)
			}
			return strings.Join(path, " ")
		}
		path = append(path, st.shapes[k])
	}
	return "-"
}

// spanCommonWords is how many of the most frequent English words (by
// their rank in the GloVe vocabulary) a key keeps as themselves: "said",
// "born", "led" frame answers as function words do. More keeps rarer
// words, whose weights rest on fewer answers.
const spanCommonWords = 1000

// spanShapes is each word of st as a lexical key sees it: a function word
// or a very common one as itself, any other word by its shape.
func (b *Base) spanShapes(st *spanToks) []string {
	out := make([]string, len(st.toks))
	for k, t := range st.toks {
		switch {
		case st.matched[k]:
			out[k] = shapeMatched
		case b.lang.Stop[t.Lower] || b.commonWord(t.Lower):
			out[k] = t.Lower
		case t.Num || prose.IsNumberWord(t.Lower):
			out[k] = shapeNumber
		case t.Cap && k > 0:
			out[k] = shapeCap
		default:
			out[k] = shapeWord
		}
	}
	return out
}

// commonWord reports whether a lower-case word is among the
// spanCommonWords most frequent.
func (b *Base) commonWord(w string) bool {
	if b.know.vec == nil {
		return false
	}
	i, ok := b.know.vec.Index(w)
	return ok && i < spanCommonWords
}

// gapBefore is the punctuation between word i and the one before it.
func gapBefore(st *spanToks, text string, i int) string {
	if i == 0 {
		return punctOf(text[:st.toks[0].Start])
	}
	return punctOf(text[st.toks[i-1].End:st.toks[i].Start])
}

// gapAfter is the punctuation between word j and the one after it.
func gapAfter(st *spanToks, text string, j int) string {
	if j == len(st.toks)-1 {
		return punctOf(text[st.toks[j].End:])
	}
	return punctOf(text[st.toks[j].End:st.toks[j+1].Start])
}

// punctOf keeps the punctuation of a gap between words, at most two marks.
func punctOf(gap string) string {
	out := make([]byte, 0, 2)
	for k := 0; k < len(gap) && len(out) < 2; k++ {
		if c := gap[k]; c > ' ' && c < 0x80 {
			out = append(out, c)
		}
	}
	return string(out)
}

// lexKey hashes a template and its fillers (FNV-1a), with separators so
// that no two fillings run together.
func lexKey(template byte, parts ...string) uint32 {
	h := uint32(2166136261)
	mix := func(c byte) {
		h ^= uint32(c)
		h *= 16777619
	}
	mix(template)
	for _, p := range parts {
		mix(0)
		for k := 0; k < len(p); k++ {
			mix(p[k])
		}
	}
	return h
}
