package bot

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/bwmarrin/discordgo"
)

// RouteDiscordLogs sends discordgo's own log lines (a failed heartbeat, a
// reconnect, an event it could not decode) through log, at the matching
// level and marked as discordgo's, instead of to the standard logger in
// another format. discordgo keeps one logger for the whole process, so
// only the program's wiring calls this, once, before the bot runs.
func RouteDiscordLogs(log *slog.Logger) {
	discordgo.Logger = func(msgL, _ int, format string, a ...any) {
		level := slog.LevelDebug
		switch msgL {
		case discordgo.LogError:
			level = slog.LevelError
		case discordgo.LogWarning:
			level = slog.LevelWarn
		case discordgo.LogInformational:
			level = slog.LevelInfo
		}
		log.Log(context.Background(), level, fmt.Sprintf(format, a...), "from", "discordgo")
	}
}
