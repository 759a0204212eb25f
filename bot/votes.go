package bot

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// voteMACLen is the length of a vote button's signature in base64
// characters: 96 bits, far beyond guessing within Discord's rate limits,
// and short enough to leave a custom id room for the fact and answer ids.
const voteMACLen = 16

// voteMAC signs a vote button: the server it was shown in, the fact it
// cites and the answer it belongs to. A vote counts only with the MAC of
// an answer the bot gave, in that server, for that fact.
func voteMAC(key []byte, guild, fact, answer string) string {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(guild + "\x00" + fact + "\x00" + answer))
	return base64.RawURLEncoding.EncodeToString(h.Sum(nil))[:voteMACLen]
}

// newVoteKey draws a key for a bot whose store keeps none: its buttons then
// stop counting when it restarts.
func newVoteKey() []byte {
	k := make([]byte, 32)
	_, _ = rand.Read(k) // crypto/rand.Read never fails on supported platforms
	return k
}

// signVotes appends the MAC to every vote button of m, for the server
// it is shown in.
func (b *Bot) signVotes(m Message, guild string) Message {
	for _, c := range m.Components {
		row, ok := c.(discordgo.ActionsRow)
		if !ok {
			continue
		}
		for i, bc := range row.Components {
			btn, ok := bc.(discordgo.Button)
			if !ok || !strings.HasPrefix(btn.CustomID, feedbackPrefix+":") {
				continue
			}
			if _, fact, answer, ok := parseFeedbackID(btn.CustomID); ok {
				btn.CustomID += ":" + voteMAC(b.voteKey, guild, fact, answer)
				row.Components[i] = btn
			}
		}
	}
	return m
}

// validVote reports whether a vote button's MAC is the bot's for that
// server, fact and answer.
func (b *Bot) validVote(guild, fact, answer, mac string) bool {
	return hmac.Equal([]byte(mac), []byte(voteMAC(b.voteKey, guild, fact, answer)))
}
