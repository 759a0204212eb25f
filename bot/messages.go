package bot

import (
	"context"
	"fmt"
	"regexp"
	"runtime/debug"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/facts"
)

// OnMessage answers a message that mentions the bot, or any DM to it, as a
// reply to that message. Messages from bots, the bot itself included, and
// messages that neither mention it nor come in a DM are ignored.
func (b *Bot) OnMessage(ctx context.Context, s MessageSender, m *discordgo.Message) {
	start := time.Now()
	self := b.self()
	if m == nil || m.Author == nil {
		return
	}
	ignore := func(why string) { b.log.Debug("message ignored", "message", m.ID, "why", why) }
	switch {
	case m.Author.Bot || m.WebhookID != "":
		ignore("from a bot or webhook")
		return
	case m.Author.ID == self || self == "":
		ignore("the bot's own")
		return
	case m.Type != discordgo.MessageTypeDefault && m.Type != discordgo.MessageTypeReply:
		ignore("not a plain message")
		return
	}
	dm := m.GuildID == ""
	if !dm && !mentions(m, self) {
		ignore("does not mention the bot")
		return
	}
	via := "mention"
	if dm {
		via = "dm"
	}
	reply := func(msg Message) error {
		_, err := s.ChannelMessageSendComplex(m.ChannelID, msg.send(softReference(m)), discordgo.WithContext(ctx))
		return err
	}
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("message handler failed", "via", via, "user", m.Author.ID, "guild", m.GuildID,
				"err", fmt.Sprintf("panic: %v\n%s", p, debug.Stack()))
			_ = reply(Message{Content: apology})
		}
	}()
	// Every message counts against the budget, a bare mention too: it is
	// answered as much as a question is.
	ok, wait := b.cooldown.Allow(m.Author.ID, b.now())
	if !ok {
		b.log.Info("refused by cooldown", "user", m.Author.ID, "guild", m.GuildID, "via", via, "wait", wait.Round(time.Second))
		if b.cooldown.Warn(m.Author.ID) {
			if err := reply(Message{Content: cooldownText(wait)}); err != nil {
				b.log.Error("send cooldown notice", "user", m.Author.ID, "err", err)
			}
		}
		return
	}
	base, err := b.servers.base(ctx, m.GuildID)
	if err != nil {
		b.log.Warn("no fact base for a server", "guild", m.GuildID, "err", err)
		if err := reply(Message{Content: libraryDownText}); err != nil {
			b.log.Error("reply to a question", "user", m.Author.ID, "err", err)
		}
		return
	}
	text := cleanQuestion(stripMention(m.Content, self))
	if text == "" {
		if err := reply(hintMessage(base)); err != nil {
			b.log.Error("reply to empty mention", "user", m.Author.ID, "err", err)
		}
		return
	}
	r := b.convs.get(m.Author.ID, m.ChannelID, b.now()).Respond(base, text, b.now())
	q := question{via: via, user: m.Author.ID, guild: m.GuildID, channel: m.ChannelID, answerID: m.ID,
		text: text, reply: r, start: start, version: base.Version()}
	b.journalQuestion(q)
	err = reply(b.signVotes(replyMessage(r, m.ID), m.GuildID))
	b.record(q, err)
}

// hintMessage answers a mention that asks nothing.
func hintMessage(base *facts.Base) Message {
	hint := "Ask me a question about the brief"
	if ex := exampleQuestions(base.Complete("", 60), 1); len(ex) > 0 {
		hint += ", e.g. “" + escape(ex[0]) + "”"
	}
	return Message{Content: hint + ", in a message that mentions me, or with `/ask`. `/help` says more."}
}

// softReference replies to m, or posts plainly if m was deleted meanwhile.
func softReference(m *discordgo.Message) *discordgo.MessageReference {
	no := false
	return &discordgo.MessageReference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID, FailIfNotExists: &no}
}

// mentions reports whether m mentions the user self directly (not through
// @everyone or a role).
func mentions(m *discordgo.Message, self string) bool {
	for _, u := range m.Mentions {
		if u != nil && u.ID == self {
			return true
		}
	}
	return strings.Contains(m.Content, "<@"+self+">") || strings.Contains(m.Content, "<@!"+self+">")
}

// stripMention removes the bot's own mentions and surrounding space, and
// caps what is left at a length the matcher will refuse clearly.
func stripMention(content, self string) string {
	if self != "" {
		content = strings.NewReplacer("<@"+self+">", " ", "<@!"+self+">", " ").Replace(content)
	}
	content = strings.TrimSpace(content)
	content = strings.TrimLeft(content, ",:;- ")
	return cutRunes(strings.TrimSpace(content), 4*facts.MaxQuestionChars)
}

// discordMarkup matches mentions of users, roles and channels, custom
// emoji, and @everyone/@here: none of them is words of a question.
var (
	discordMarkup = regexp.MustCompile(`<(?:@[!&]?|#)\d+>|<a?:(\w+):\d+>`)
	everyone      = regexp.MustCompile(`(?:^|\s)@(?:everyone|here)(?:\s|$)`)
)

// cleanQuestion removes Discord markup from a question before it is
// asked; a custom emoji keeps its name.
func cleanQuestion(q string) string {
	q = discordMarkup.ReplaceAllString(q, " $1 ")
	q = everyone.ReplaceAllString(q, " ")
	return strings.Join(strings.Fields(q), " ")
}
