package bot

import (
	"context"
	"fmt"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot/library"
)

// noServerBriefsText answers /brief watch and unwatch on a bot without a
// library: a briefs channel's posts would have nowhere to be kept.
const noServerBriefsText = "This bot keeps no briefs for each server, so it cannot watch a channel for them: " +
	"its operator runs it without a briefs store."

// watchHowText tells a manager how posts in the briefs channel are read.
const watchHowText = "A post's first line is its title when it starts with `#`, `**` or `Title:`, or is short with no full stop; " +
	"its first link names the source, and a .txt file attached is the brief instead of the text. " +
	"I react " + loadedMark + " when a post is loaded, or reply saying what is wrong; editing a post changes its brief, and deleting it removes it. " +
	"I need to see the channel, send messages and add reactions there."

// watchChannel makes a channel the server's briefs channel (/brief watch).
func (b *Bot) watchChannel(ctx context.Context, w *ResponseWriter, r *Request, sub *discordgo.ApplicationCommandInteractionDataOption) error {
	channel, _ := subOption(sub, "channel").(string)
	if channel == "" {
		return w.Reply(Message{Content: "Pick the channel this server's news is posted in.", Ephemeral: true})
	}
	if _, err := b.changeWatch(ctx, r, channel); err != nil {
		return w.Reply(Message{Content: storeDownText, Ephemeral: true})
	}
	msg := fmt.Sprintf("Posts in <#%s> by this server's managers (Manage Server) now become its briefs. %s", channel, watchHowText)
	if !b.cfg.MessageContent {
		msg += "\n**I can't read posts there yet:** the bot's operator must turn on the Message Content intent " +
			"in the Discord developer portal and set MESSAGE_CONTENT=on."
	}
	return w.Reply(Message{Content: msg, Ephemeral: true})
}

// unwatchChannel stops the server's briefs channel (/brief unwatch); the
// briefs already posted stay.
func (b *Bot) unwatchChannel(ctx context.Context, w *ResponseWriter, r *Request) error {
	was, err := b.changeWatch(ctx, r, "")
	switch {
	case err != nil:
		return w.Reply(Message{Content: storeDownText, Ephemeral: true})
	case was == "":
		return w.Reply(Message{Content: "No channel's posts become this server's briefs; `/brief watch` picks one.", Ephemeral: true})
	}
	return w.Reply(Message{Content: fmt.Sprintf("Posts in <#%s> no longer become briefs. The briefs posted there stay; "+
		"`/brief remove` removes one.", was), Ephemeral: true})
}

// changeWatch makes channel ("" for none) the server's briefs channel and
// returns the one it replaced.
func (b *Bot) changeWatch(ctx context.Context, r *Request, channel string) (was string, err error) {
	ctx, cancel := context.WithTimeout(ctx, libraryTimeout)
	defer cancel()
	set, err := b.cfg.Library.Settings(ctx, r.GuildID)
	if err == nil && set.Watch != channel {
		was, set.Watch = set.Watch, channel
		err = b.cfg.Library.PutSettings(ctx, set)
	} else if err == nil {
		was = channel
	}
	if err != nil {
		b.log.Error("change a server's briefs channel", "guild", r.GuildID, "channel", channel, "err", err)
		return "", fmt.Errorf("change the briefs channel of %s: %w", r.GuildID, err)
	}
	b.watched.drop(library.Change{Guild: r.GuildID})
	b.log.Info("briefs channel changed", "guild", r.GuildID, "channel", channel, "was", was, "user", r.UserID())
	return was, nil
}
