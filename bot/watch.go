package bot

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot/library"
)

// A server's briefs channel (/brief watch) is where its news is posted
// already: each post there by one of its managers becomes one of its
// briefs, an edit of the post changes the brief and deleting the post
// removes it.

// loadedMark is the reaction that tells a post's author it was loaded.
const loadedMark = "✅"

// unreadableText tells a briefs channel, once, that the bot is sent no
// text from it: Discord withholds the text of messages that do not
// mention the bot from a bot without the Message Content intent.
const unreadableText = "I can't read the posts in this channel, so they cannot become this server's briefs: Discord sends me " +
	"their text only with the Message Content intent. The bot's operator can turn it on in the Discord developer portal " +
	"(Bot → Privileged Gateway Intents → Message Content Intent) and set MESSAGE_CONTENT=on."

// channelSession is what a briefs channel needs of the Discord session:
// replying to a post, and marking it loaded.
type channelSession interface {
	MessageSender
	MessageReactionAdd(channelID, messageID, emojiID string, options ...discordgo.RequestOption) error
}

var _ channelSession = (*discordgo.Session)(nil)

// watchedChannel is guild's briefs channel, "" for none (or when the
// library cannot be read: its messages are then treated as any others).
func (b *Bot) watchedChannel(ctx context.Context, guild string) string {
	if b.cfg.Library == nil || guild == "" {
		return ""
	}
	now := b.now()
	channel, ok, gen := b.watched.get(guild, now)
	if ok {
		return channel
	}
	ctx, cancel := context.WithTimeout(ctx, libraryTimeout)
	defer cancel()
	set, err := b.cfg.Library.Settings(ctx, guild)
	if err != nil {
		b.log.Warn("read a server's briefs channel; its posts are not loaded meanwhile", "guild", guild, "err", err)
		b.watched.put(guild, "", now.Add(watchRetry), gen)
		return ""
	}
	b.watched.put(guild, set.Watch, now.Add(watchTTL), gen)
	return set.Watch
}

// onWatchedPost handles a message posted in its server's briefs channel
// and reports whether it did. A post by someone who may not change the
// server's briefs is left to OnMessage, which answers it if it mentions
// the bot.
func (b *Bot) onWatchedPost(ctx context.Context, s channelSession, m *discordgo.Message) bool {
	if !b.inBriefsChannel(ctx, m) {
		return false
	}
	if m.Type != discordgo.MessageTypeDefault && m.Type != discordgo.MessageTypeReply {
		return true // a pin, a thread, a join: Discord's, not a post
	}
	if b.unreadable(m) {
		b.noticeUnreadable(ctx, s, m)
		return true
	}
	if !b.mayPost(m) {
		b.log.Info("briefs-channel post ignored: its author may not change this server's briefs",
			"guild", m.GuildID, "channel", m.ChannelID, "message", m.ID, "user", m.Author.ID)
		return false
	}
	b.loadPost(ctx, s, m)
	return true
}

// onWatchedEdit applies an edit of a post in a briefs channel to its
// brief. Discord also sends MESSAGE_UPDATE when it adds a link's preview;
// only an edit by the author has an edit time.
func (b *Bot) onWatchedEdit(ctx context.Context, s channelSession, m *discordgo.Message) {
	if m == nil || m.EditedTimestamp == nil || !b.inBriefsChannel(ctx, m) || b.unreadable(m) {
		return
	}
	if !b.mayPost(m) {
		b.log.Info("briefs-channel edit ignored: its author may not change this server's briefs",
			"guild", m.GuildID, "channel", m.ChannelID, "message", m.ID, "user", m.Author.ID)
		return
	}
	b.loadPost(ctx, s, m)
}

// inBriefsChannel reports whether m is a person's message in its server's
// briefs channel; bots' and webhooks' are never briefs.
func (b *Bot) inBriefsChannel(ctx context.Context, m *discordgo.Message) bool {
	if m == nil || m.Author == nil || m.GuildID == "" || m.Author.Bot || m.WebhookID != "" {
		return false
	}
	return m.ChannelID == b.watchedChannel(ctx, m.GuildID)
}

// unreadable reports whether m arrived as Discord sends a message to a
// bot without the Message Content intent: with no text and no files.
func (b *Bot) unreadable(m *discordgo.Message) bool {
	return !b.cfg.MessageContent && m.Content == "" && len(m.Attachments) == 0
}

// noticeUnreadable tells a briefs channel, once a process, why its posts
// arrive empty.
func (b *Bot) noticeUnreadable(ctx context.Context, s channelSession, m *discordgo.Message) {
	if !b.watched.firstNotice(m.ChannelID) {
		b.log.Debug("briefs-channel post unreadable; the channel was told", "guild", m.GuildID, "channel", m.ChannelID, "message", m.ID)
		return
	}
	b.log.Warn("briefs-channel posts arrive without text: set MESSAGE_CONTENT=on and turn the Message Content intent on in the Discord developer portal",
		"guild", m.GuildID, "channel", m.ChannelID)
	_, err := s.ChannelMessageSendComplex(m.ChannelID, Message{Content: unreadableText}.send(nil), discordgo.WithContext(ctx))
	if err != nil {
		b.watched.unnotice(m.ChannelID)
		b.log.Error("tell a briefs channel its posts cannot be read", "guild", m.GuildID, "channel", m.ChannelID, "err", err)
	}
}

// loadPost makes a post a brief of its server, or changes the brief it
// is, then marks it loaded; or replies saying what is wrong.
func (b *Bot) loadPost(ctx context.Context, s channelSession, m *discordgo.Message) {
	reply := func(text string) {
		_, err := s.ChannelMessageSendComplex(m.ChannelID, Message{Content: text}.send(softReference(m)), discordgo.WithContext(ctx))
		if err != nil {
			b.log.Error("reply to a briefs-channel post", "guild", m.GuildID, "message", m.ID, "err", err)
		}
	}
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("briefs-channel post failed", "guild", m.GuildID, "message", m.ID,
				"err", fmt.Sprintf("panic: %v\n%s", p, debug.Stack()))
			reply(apology)
		}
	}()
	defer b.watched.lock(m.GuildID)()
	lctx, cancel := context.WithTimeout(ctx, libraryTimeout)
	prev, err := b.cfg.Library.BriefByMessage(lctx, m.GuildID, m.ID)
	cancel()
	found := err == nil
	if err != nil && !errors.Is(err, library.ErrNotFound) {
		b.log.Error("find a post's brief", "guild", m.GuildID, "message", m.ID, "err", err)
		reply(storeDownText)
		return
	}
	pb, refusal := b.briefOfPost(ctx, m)
	if refusal != "" {
		b.log.Info("briefs-channel post refused", "guild", m.GuildID, "message", m.ID, "user", m.Author.ID, "why", refusal)
		if found {
			reply(fmt.Sprintf("`%s` was not changed: %s", prev.Name, refusal))
		} else {
			reply("Nothing was added: " + refusal)
		}
		return
	}
	if found && prev.Text == pb.text {
		return
	}
	br := library.Brief{Guild: m.GuildID, Name: pb.name, Text: pb.text, AddedBy: m.Author.ID, Added: b.now().UTC(), Message: m.ID}
	lctx, cancel = context.WithTimeout(ctx, libraryTimeout)
	defer cancel()
	if found {
		br.Name, br.Added = prev.Name, prev.Added
		err = b.cfg.Library.PutBrief(lctx, br, true)
	} else {
		br.Name, refusal, err = b.putNewPost(lctx, br)
	}
	switch {
	case err != nil:
		b.log.Error("store a posted brief", "guild", m.GuildID, "message", m.ID, "brief", br.Name, "err", err)
		reply(storeDownText)
		return
	case refusal != "":
		reply(refusal)
		return
	}
	b.servers.forget(m.GuildID)
	b.log.Info("briefs-channel post loaded", "guild", m.GuildID, "message", m.ID, "brief", br.Name, "user", m.Author.ID, "changed", found)
	if err := s.MessageReactionAdd(m.ChannelID, m.ID, loadedMark, discordgo.WithContext(ctx)); err != nil {
		b.log.Warn("mark a briefs-channel post loaded (may the bot add reactions there?)", "guild", m.GuildID, "message", m.ID, "err", err)
	}
}

// putNewPost keeps a post's brief under its name, or the first of
// name-2, name-3, … that no other brief of the server has. refusal says
// why it could not, for the author.
func (b *Bot) putNewPost(ctx context.Context, br library.Brief) (name, refusal string, err error) {
	kept, err := b.cfg.Library.Briefs(ctx, br.Guild)
	if err != nil {
		return "", "", err
	}
	if len(kept) >= maxServerBriefs {
		return "", fmt.Sprintf("Nothing was added: this server keeps %d briefs, the most it may; `/brief remove` one first.", len(kept)), nil
	}
	taken := make(map[string]bool, len(kept))
	for _, k := range kept {
		taken[k.Name] = true
	}
	base := br.Name
	for i := 1; i <= maxServerBriefs+1; i++ {
		if br.Name = numbered(base, i); taken[br.Name] {
			continue
		}
		err := b.cfg.Library.PutBrief(ctx, br, false)
		if !errors.Is(err, library.ErrExists) {
			return br.Name, "", err
		}
		taken[br.Name] = true // added meanwhile
	}
	return "", fmt.Sprintf("Nothing was added: this server has too many briefs named `%s`; give the post another title.", base), nil
}

// numbered is the i-th choice of a brief's name: name itself, then
// name-2, name-3, …, all within maxBriefName.
func numbered(name string, i int) string {
	if i == 1 {
		return name
	}
	suffix := fmt.Sprintf("-%d", i)
	return strings.TrimRight(cutRunes(name, maxBriefName-len(suffix)), "-") + suffix
}

// onWatchedDelete removes the brief a deleted post in a briefs channel
// was. Discord names only the message, its channel and its server.
func (b *Bot) onWatchedDelete(ctx context.Context, guild, channel, id string) {
	if guild == "" || channel == "" || b.watchedChannel(ctx, guild) != channel {
		return
	}
	defer b.watched.lock(guild)()
	ctx, cancel := context.WithTimeout(ctx, libraryTimeout)
	defer cancel()
	prev, err := b.cfg.Library.BriefByMessage(ctx, guild, id)
	if errors.Is(err, library.ErrNotFound) {
		return
	}
	if err == nil {
		err = b.cfg.Library.RemoveBrief(ctx, guild, prev.Name)
	}
	if err != nil && !errors.Is(err, library.ErrNotFound) {
		b.log.Error("remove the brief of a deleted post: /brief remove removes it", "guild", guild, "message", id, "brief", prev.Name, "err", err)
		return
	}
	b.servers.forget(guild)
	b.log.Info("briefs-channel post deleted; its brief removed", "guild", guild, "message", id, "brief", prev.Name)
}
