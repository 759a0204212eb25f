package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/briefbot/briefbot/bot"
)

// runCommands registers or removes the bot's slash commands over REST
// and exits, for operators who run the bot with REGISTER_COMMANDS=off and
// set the commands once per deploy.
func runCommands(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs, _ := flags("commands", "briefbot commands register|remove [--guild ID]", stderr)
	guild := fs.String("guild", "", "the server (`ID`) whose commands to set; default $DISCORD_GUILD_ID, else the global ones")
	if help, err := parse(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() != 1 || (fs.Arg(0) != "register" && fs.Arg(0) != "remove") {
		fs.Usage()
		return usageError{fmt.Errorf("commands: want register or remove, got %q", strings.Join(fs.Args(), " "))}
	}
	cfg, err := discordConfig(getenv)
	if err != nil {
		return err
	}
	if g := strings.TrimSpace(*guild); g != "" {
		if !isSnowflake(g) {
			return usageError{fmt.Errorf("--guild %q: not a server id (a number; right-click the server with Developer Mode on, Copy Server ID)", g)}
		}
		cfg.GuildID = g
	}
	where := "global"
	if cfg.GuildID != "" {
		where = "in server " + cfg.GuildID
	}
	if fs.Arg(0) == "remove" {
		if err := bot.RemoveCommands(ctx, cfg); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "slash commands removed (%s)\n", where)
		return nil
	}
	n, err := bot.RegisterCommands(ctx, cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d slash commands registered (%s)\n", n, where)
	return nil
}
