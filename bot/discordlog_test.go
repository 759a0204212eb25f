package bot_test

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
)

// TestRouteDiscordLogs: a line discordgo logs arrives in the program's
// structured log at its level, marked as discordgo's.
func TestRouteDiscordLogs(t *testing.T) {
	old := discordgo.Logger
	defer func() { discordgo.Logger = old }()
	var buf bytes.Buffer
	bot.RouteDiscordLogs(slog.New(slog.NewTextHandler(&buf, nil)))
	discordgo.Logger(discordgo.LogWarning, 0, "heartbeat missed %d times", 2)
	if got := buf.String(); !strings.Contains(got, "level=WARN") || !strings.Contains(got, `msg="heartbeat missed 2 times"`) ||
		!strings.Contains(got, "from=discordgo") {
		t.Errorf("log = %q", got)
	}
}
