package talk

import (
	"math"
	"strings"

	"github.com/briefbot/briefbot/facts"
)

// whoSaidPhrases ask who is behind the sentence the bot just quoted.
const whoSaidPhrases = "who said that|who said this|who said so|who said it|who says|who says so|who says that|" +
	"says who|said who|according to who|according to whom|who was that|who was quoted|who is quoted|" +
	"who is saying that|who's saying that|whos saying that|who was saying that|whose quote is that|" +
	"whose words are those|who said those words|who made that claim|who claimed that|who claims that"

// speakerPrecision is the share of attributions facts.Base.Speaker reads
// right: 57 of 60 sentences drawn at random from the corpus's train
// briefs, checked by hand (the three misses: a name the tagger took for a
// title, a firm named in the speaker's description, "he" for a woman).
const speakerPrecision = 0.95

// whoSaid reports whether a message asks who said what the bot last
// quoted.
func whoSaid(norm string) bool {
	for _, p := range []string{"and ", "so ", "ok ", "but ", "wait "} {
		norm = strings.TrimPrefix(norm, p)
	}
	for _, s := range []string{" then", " exactly", " though", " tho"} {
		norm = strings.TrimSuffix(norm, s)
	}
	return in(whoSaidPhrases, norm)
}

// speakerReply answers "who said that?" about fact f, which the bot
// quoted with confidence conf: the person the sentence attributes it to,
// citing the sentence that names them. The reply is as sure as the
// quote, scaled by how often the attribution is read right.
func speakerReply(base *facts.Base, f facts.Fact, conf float64, message string) Reply {
	who, from, ok := base.Speaker(f)
	if !ok {
		a := facts.Answer{Question: strings.TrimSpace(message),
			Results: []facts.Result{{Fact: f}}}
		return Reply{Kind: KindAbstain, Answer: a}
	}
	c := math.Round(conf*speakerPrecision*1000) / 1000 // three decimals, as the matcher gives
	return Reply{Kind: KindAnswer, Answer: facts.Answer{
		Question: strings.TrimSpace(message), Answered: true,
		Short: who.Text, ShortKind: who.Kind, ShortConfidence: speakerPrecision,
		Confidence: c, FactConfidence: conf,
		Results: []facts.Result{{Fact: from, Confidence: c}},
	}}
}
