package prose

import (
	"strings"

	"github.com/briefbot/briefbot/facts/internal/wordnet"
)

// MoneyNoun reports whether WordNet files a noun, singular or plural,
// under money: "revenue", "wages".
func (l *Language) MoneyNoun(w string) bool {
	t, ok := l.Wn.NounType(w)
	if !ok {
		t, _ = l.Wn.NounType(strings.TrimSuffix(w, "s"))
	}
	return t == wordnet.Money
}

// ModifierUse reports whether toks[i] qualifies another word rather than
// naming what is asked: "per share", "the share buyback", "the rate cut".
func (l *Language) ModifierUse(toks []Token, i int) bool {
	return i > 0 && toks[i-1].Lower == "per" || i+1 < len(toks) && !l.Stop[toks[i+1].Lower] && !toks[i+1].Num
}
