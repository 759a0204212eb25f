package bot

import (
	"context"
	"fmt"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot/journal"
)

// Eraser deletes one user's records from the store, for /forget-me.
type Eraser interface {
	Forget(ctx context.Context, user string) (journal.Forgotten, error)
}

// forgetMeCommand lets anyone delete what the bot kept of them, in every
// server and in DMs: Discord asks verified bots to offer this.
func forgetMeCommand() *discordgo.ApplicationCommand {
	return &discordgo.ApplicationCommand{Name: "forget-me",
		Description: "Delete every question and vote of yours the bot has kept, in every server"}
}

// forgetMe deletes the caller's logged questions and votes and what the
// bot remembers of their conversations, and confirms privately.
func (b *Bot) forgetMe(ctx context.Context, w *ResponseWriter, r *Request) error {
	user := r.UserID()
	b.convs.forget(user)
	if b.cfg.Eraser == nil {
		return w.Reply(Message{Content: "This bot keeps no log of questions or votes; it has forgotten your conversations with it.", Ephemeral: true})
	}
	if err := w.Defer(true); err != nil {
		return err
	}
	f, err := b.cfg.Eraser.Forget(ctx, user)
	if err != nil {
		b.log.Error("forget a user", "user", user, "err", err)
		return w.Reply(Message{Content: "I could not delete your records just now; nothing was half-deleted. Please try again in a minute.", Ephemeral: true})
	}
	b.log.Info("user forgotten", "user", user, "questions", f.Questions, "votes", f.Votes)
	return w.Reply(Message{Content: fmt.Sprintf("Deleted %d question%s and %d vote%s of yours, in every server. New questions are logged as before.",
		f.Questions, plural(f.Questions), f.Votes, plural(f.Votes)), Ephemeral: true})
}
