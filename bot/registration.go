package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"
)

// register replaces the application's commands with Commands in one bulk
// overwrite, so that stale ones vanish.
func (b *Bot) register(ctx context.Context, s *discordgo.Session, appID string) (int, error) {
	return overwriteCommands(ctx, s, appID, b.cfg.GuildID, Commands(), b.log.Warn)
}

// overwriteCommands sets the application's commands, globally or in one
// server, to cmds; an empty cmds removes them all.
func overwriteCommands(ctx context.Context, s *discordgo.Session, appID, guildID string, cmds []*discordgo.ApplicationCommand, warn func(string, ...any)) (int, error) {
	if cmds == nil {
		// Discord reads a JSON null as a bad body; an empty list clears.
		cmds = []*discordgo.ApplicationCommand{}
	}
	_, err := s.ApplicationCommandBulkOverwrite(appID, guildID, cmds, discordgo.WithContext(ctx))
	switch {
	case err == nil:
		return len(cmds), nil
	case errors.Is(err, discordgo.ErrJSONUnmarshal):
		// The overwrite succeeded; only its echo of the commands was unreadable.
		warn("slash commands set; could not read Discord's answer", "err", err)
		return len(cmds), nil
	case isUnauthorized(err):
		return 0, fmt.Errorf("set slash commands: %w", ErrTokenRejected)
	}
	where := "globally"
	if guildID != "" {
		where = "in server " + guildID + " (is the bot invited there with the applications.commands scope?)"
	}
	return 0, fmt.Errorf("set slash commands %s: %w", where, err)
}

// RegisterCommands sets the application's slash commands to the bot's,
// globally or, with cfg.GuildID, in that one server, over REST alone, and
// returns how many it set. It is for operators who manage commands apart
// from start-up (Config.KeepCommands): a deploy registers once rather
// than every shard's restart overwriting them.
func RegisterCommands(ctx context.Context, cfg Config) (int, error) {
	s, appID, err := restSession(ctx, cfg)
	if err != nil {
		return 0, err
	}
	return overwriteCommands(ctx, s, appID, cfg.GuildID, Commands(), func(string, ...any) {})
}

// RemoveCommands deletes every slash command of the application, globally
// or, with cfg.GuildID, in that one server: what an operator runs when
// moving commands from one server to global ones, or retiring the bot.
func RemoveCommands(ctx context.Context, cfg Config) error {
	s, appID, err := restSession(ctx, cfg)
	if err != nil {
		return err
	}
	_, err = overwriteCommands(ctx, s, appID, cfg.GuildID, nil, func(string, ...any) {})
	return err
}

// restSession makes a session for REST calls only and asks Discord which
// application the token belongs to; a bot user's id is its application's.
func restSession(ctx context.Context, cfg Config) (*discordgo.Session, string, error) {
	s, err := discordgo.New("Bot " + cfg.Token)
	if err != nil {
		return nil, "", fmt.Errorf("create Discord session: %w", err)
	}
	s.Client = &http.Client{Timeout: 20 * time.Second, Transport: apiTransport(cfg.APIURL)}
	me, err := s.User("@me", discordgo.WithContext(ctx))
	switch {
	case isUnauthorized(err):
		return nil, "", ErrTokenRejected
	case err != nil:
		return nil, "", fmt.Errorf("ask Discord who the bot is: %w", err)
	case me == nil || me.ID == "":
		return nil, "", errors.New("ask Discord who the bot is: the answer named no user")
	}
	return s, me.ID, nil
}
