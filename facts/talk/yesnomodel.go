package talk

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/internal/prose"
)

// The verdicts the yes/no model weighs: the brief says yes, says no, or
// says neither (the question asks what the cited sentence does not
// settle, or the sentence is not about it).
const (
	ynYes = iota
	ynNo
	ynNeither
	ynVerdicts
)

// Features of a yes/no question and its cited sentence that the fitted
// verdict weighs (see yesNoFeatures). yesNoFeatureNames names them in
// this order; the fit writes weights in it.
const (
	ynBias            = iota
	ynRuleYes         // yesNoRule says "Yes"
	ynRuleNo          // yesNoRule says "No"
	ynDenied          // a negation denies a matched word
	ynNegated         // a negation in a matched word's clause denies none
	ynContradicted    // another value where the question names one
	ynOpposed         // the sentence holds a question word's antonym
	ynUnsettled       // a modal, intention or directive governs a matched word, not asked "will it"
	ynUnsettledDone   // …asked whether it is done ("has it", "yet")
	ynUnsettledFuture // …asked "will it", and not a commitment ("may", "is expected to")
	ynCommittedFuture // "will", "plans to", asked "will it"
	ynScattered       // the matched words lie in different items of a list
	ynUnmatchedName   // question names the sentence lacks
	ynUnmatchedValue  // question values (numbers, dates) the sentence lacks
	ynUnmatchedWord   // other question words the sentence lacks
	ynOtherName       // a name lacking, and the sentence names another
	ynPronoun         // a name lacking, and the sentence opens with a pronoun
	ynConditional     // the sentence says "if", "unless" or "whether": what follows may not be so
	ynDoubleNegation  // a negation of a verb that denies ("had not ruled out", "did not reject")
	ynConfidence      // the log-odds that the sentence answers
	ynHeldBack        // the matcher held the sentence back (heldBackDenied), or a follow-up's is below TentativeBelow
	ynValueClash      // a value the question names is lacking and the sentence states another of its kind (see valueClash)
	ynFeatures
)

// yesNoFeatureNames are the features' names, by their constants.
var yesNoFeatureNames = [ynFeatures]string{
	ynBias:            "bias",
	ynRuleYes:         "rule_yes",
	ynRuleNo:          "rule_no",
	ynDenied:          "denied",
	ynNegated:         "negated",
	ynContradicted:    "contradicted",
	ynOpposed:         "opposed",
	ynUnsettled:       "unsettled",
	ynUnsettledDone:   "unsettled_done",
	ynUnsettledFuture: "unsettled_future",
	ynCommittedFuture: "committed_future",
	ynScattered:       "scattered",
	ynUnmatchedName:   "unmatched_name",
	ynUnmatchedValue:  "unmatched_value",
	ynUnmatchedWord:   "unmatched_word",
	ynOtherName:       "other_name",
	ynPronoun:         "pronoun",
	ynConditional:     "conditional",
	ynDoubleNegation:  "double_negation",
	ynConfidence:      "confidence",
	ynHeldBack:        "held_back",
	ynValueClash:      "value_clash",
}

// maxLogOdds bounds the confidence feature: past it a sentence is as sure
// as it gets, and an unbounded log-odds would let one feature outweigh
// the rest.
const maxLogOdds = 4

// yesNoAnswer answers a yes/no question from its cited sentence:
// "Yes", "No" (with the words that deny, when a negation does: see
// withDenial) or nothing, when the fitted model (yesNoWeights) puts
// neither verdict at yesNoThreshold or above; then the quote speaks. p is
// the model's probability that the verdict given is right. A question
// that is itself negative ("Didn't they …?") gets no short answer: people
// read "No" to it both ways.
func yesNoAnswer(question string, a facts.Answer) (verdict string, p float64) {
	if len(a.Results) == 0 {
		return "", 0
	}
	qwords := strings.Fields(prose.Normalize(question))
	for _, w := range qwords {
		if negation(w) {
			return "", 0
		}
	}
	r := a.Results[0]
	words := prose.Words(r.Fact.Text)
	sig := readYesNo(qwords, r, words)
	rule := yesNoRule(qwords, r, words, sig)
	f := yesNoFeatures(question, qwords, a, words, sig, rule)
	probs := yesNoProbs(f)
	switch decideVerdict(f, probs, yesNoThreshold) {
	case ynYes:
		return "Yes", probs[ynYes]
	case ynNo:
		if Verdict(rule) == "No" {
			return rule, probs[ynNo]
		}
		return "No", probs[ynNo]
	}
	return "", 0
}

// decideVerdict is the verdict shown for a question with features f and
// verdict probabilities p at threshold th: the likelier of yes and no,
// when it reaches th; "Yes" only from a sentence the matcher did not
// hold back. "No" also needs the sentence to say something
// against what was asked (saysNo): a sentence that lacks a question's
// words may be about something else, and a "No" there would be a guess
// from how often the training questions' answer was no.
func decideVerdict(f [ynFeatures]float64, p [ynVerdicts]float64, th float64) int {
	switch {
	case p[ynYes] >= th && p[ynYes] >= p[ynNo] && f[ynHeldBack] == 0:
		// A sentence the matcher held back is not taken as saying yes:
		// out of fold, "Yes" from one was as often wrong as right.
		return ynYes
	case p[ynNo] >= th && saysNo(f) && (f[ynHeldBack] == 0 || deniesOutright(f)):
		return ynNo
	}
	return ynNeither
}

// deniesOutright reports whether a question's features hold what says
// "No" even of a sentence the matcher held back: the rule's "No", a
// negation of a matched word, or another value where the question names
// one (with or without other words lacking: see valueClash). A
// held-back sentence that only lacks words or names another may
// well be from another story that shares a word with the question.
func deniesOutright(f [ynFeatures]float64) bool {
	return f[ynRuleNo] != 0 || f[ynDenied] != 0 || f[ynContradicted] != 0 || f[ynValueClash] != 0
}

// saysNo reports whether a question's features hold something in the
// sentence that speaks against what was asked: a negation, another value
// or name where the question names one, an antonym, words scattered over
// a list's items, or a modal or intention where the question asks what
// happened.
func saysNo(f [ynFeatures]float64) bool {
	for _, i := range []int{ynRuleNo, ynDenied, ynNegated, ynContradicted, ynValueClash, ynOpposed, ynUnsettled, ynUnsettledDone, ynScattered, ynOtherName} {
		if f[i] != 0 {
			return true
		}
	}
	return false
}

// yesNoProbs is the fitted model's probability of each verdict, given a
// question's features.
func yesNoProbs(f [ynFeatures]float64) [ynVerdicts]float64 { return probsWith(yesNoWeights, f) }

// probsWith is each verdict's probability under weights w: a softmax
// over linear scores of the features f.
func probsWith(w [ynVerdicts][ynFeatures]float64, f [ynFeatures]float64) [ynVerdicts]float64 {
	var p [ynVerdicts]float64
	top := math.Inf(-1)
	for v := range p {
		for i, x := range f {
			p[v] += w[v][i] * x
		}
		top = max(top, p[v])
	}
	sum := 0.0
	for v := range p {
		p[v] = math.Exp(p[v] - top)
		sum += p[v]
	}
	for v := range p {
		p[v] /= sum
	}
	return p
}

// yesNoFeatures describes a yes/no question (as asked, and its
// normalised words) and the top result of its answer a (words are its
// sentence's words, sig what they show and rule yesNoRule's verdict) for
// the fitted model.
func yesNoFeatures(question string, qwords []string, a facts.Answer, words []facts.Span, sig yesNoSignals, rule string) [ynFeatures]float64 {
	var f [ynFeatures]float64
	r := a.Results[0]
	set := func(i int, on bool) {
		if on {
			f[i] = 1
		}
	}
	f[ynBias] = 1
	set(ynRuleYes, rule == "Yes")
	set(ynRuleNo, Verdict(rule) == "No")
	set(ynDenied, sig.denier >= 0)
	set(ynNegated, sig.negated)
	set(ynContradicted, sig.contradicted)
	set(ynOpposed, len(r.Opposed) > 0)
	set(ynUnsettled, sig.unsettled && !sig.asksFuture)
	set(ynUnsettledDone, sig.unsettled && sig.asksDone)
	set(ynUnsettledFuture, sig.unsettled && sig.asksFuture && !sig.committed)
	set(ynCommittedFuture, sig.committed && sig.asksFuture)
	set(ynScattered, r.Scattered)
	names := questionNames(question)
	for _, u := range r.Unmatched {
		switch {
		case names[u]:
			f[ynUnmatchedName]++
		case valueClass(u) != "" || strings.ContainsAny(u, "0123456789"):
			f[ynUnmatchedValue]++
		default:
			f[ynUnmatchedWord]++
		}
	}
	set(ynOtherName, f[ynUnmatchedName] > 0 && namesOther(r, words, qwords))
	set(ynPronoun, f[ynUnmatchedName] > 0 && len(words) > 0 && in(pronouns, strings.ToLower(r.Fact.Text[words[0].Start:words[0].End])))
	set(ynConditional, conditional(r.Fact.Text, words))
	set(ynDoubleNegation, doubleNegation(r.Fact.Text, words))
	f[ynConfidence] = logOdds(a.Confidence)
	// A follow-up may be answered below the matcher's threshold (see
	// followUpThreshold): its sentence is as doubtful as one held back.
	set(ynHeldBack, !a.Answered || a.FactConfidence < facts.TentativeBelow)
	set(ynValueClash, valueClash(qwords, r, words))
	return f
}

// questionNames are the lower-cased words a question writes with a
// capital past its first word: names, as the matcher's Unmatched words
// are lower-cased.
func questionNames(question string) map[string]bool {
	names := make(map[string]bool)
	for i, w := range prose.Words(question) {
		text := question[w.Start:w.End]
		if i > 0 && capitalised(text) {
			names[strings.ToLower(text)] = true
		}
	}
	return names
}

// namesOther reports whether the sentence writes a name (a capitalised
// word past its first) that the question did not match and does not
// hold: "Did Judge A write the dissent?" of "Judge B wrote the dissent".
func namesOther(r facts.Result, words []facts.Span, qwords []string) bool {
	for i, w := range words {
		text := r.Fact.Text[w.Start:w.End]
		if i == 0 || !capitalised(text) || highlighted(r.Highlights, w) {
			continue
		}
		if !slices.Contains(qwords, strings.ToLower(text)) {
			return true
		}
	}
	return false
}

// conditionals are the words that make what follows them depend on
// something or leave it open: "if the match is tied, tie-breaks will be
// played", "no decision on whether to drop".
const conditionals = "if|unless|whether"

// conditional reports whether text (its words) holds a conditional.
func conditional(text string, words []facts.Span) bool {
	for _, w := range words {
		if in(conditionals, strings.ToLower(text[w.Start:w.End])) {
			return true
		}
	}
	return false
}

// denyingVerbs are the verbs that deny: negated themselves ("had not
// ruled out", "did not reject") they deny nothing.
const denyingVerbs = "deny|denies|denied|refuse|refuses|refused|reject|rejects|rejected|fail|fails|failed|decline|declines|declined"

// denyingVerb reports whether word k of text (its words) is a verb that
// denies: one of denyingVerbs, or "rule out".
func denyingVerb(text string, words []facts.Span, k int) bool {
	w := strings.ToLower(text[words[k].Start:words[k].End])
	if in("rule|rules|ruled", w) {
		return k+1 < len(words) && strings.EqualFold(text[words[k+1].Start:words[k+1].End], "out")
	}
	return in(denyingVerbs, w)
}

// doubleNegation reports whether text (its words) negates a verb that
// denies, within negationScope words.
func doubleNegation(text string, words []facts.Span) bool {
	for i := range words {
		if !denies(text, words, i) || denyingVerb(text, words, i) {
			continue
		}
		for k := i + 1; k < min(len(words), i+1+negationScope); k++ {
			if denyingVerb(text, words, k) {
				return true
			}
		}
	}
	return false
}

// capitalised reports whether a word opens with a capital letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// logOdds is p's log-odds, bounded by maxLogOdds.
func logOdds(p float64) float64 {
	p = min(max(p, 1e-6), 1-1e-6)
	return min(max(math.Log(p/(1-p)), -maxLogOdds), maxLogOdds)
}

// yesNoVerdict is the short answer and confidence of an answered yes/no
// question's reply: with a verdict, the model's probability that it is
// right, since a reader takes the bold "Yes" or "No" for the reply;
// without one, the quote's own confidence.
func yesNoVerdict(question string, a facts.Answer) (string, float64) {
	if v, p := yesNoAnswer(question, a); v != "" {
		return v, p
	}
	return "", a.Confidence
}
