package main

import (
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// configError names the variable whose value stopped start-up.
func configError(name, value, problem string) error {
	if value == "" {
		return fmt.Errorf("%s: %s", name, problem)
	}
	return fmt.Errorf("%s=%q: %s", name, value, problem)
}

// onOff reads a switch: on, true, 1 or yes; off, false, 0 or no, in any
// case; def when unset. Any other value is an error naming the variable,
// with want saying what it takes.
func onOff(getenv func(string) string, name string, def bool, want string) (bool, error) {
	switch v := strings.ToLower(strings.TrimSpace(getenv(name))); v {
	case "":
		return def, nil
	case "on", "true", "1", "yes":
		return true, nil
	case "off", "false", "0", "no":
		return false, nil
	default:
		return def, configError(name, v, want)
	}
}

// discordConfig reads the Discord settings and the token. Every bad value
// is an error naming its variable; the token itself is never quoted back.
func discordConfig(getenv func(string) string) (bot.Config, error) {
	cfg, err := discordSettings(getenv)
	if err != nil {
		return cfg, err
	}
	tok := strings.TrimSpace(getenv("DISCORD_TOKEN"))
	tok = strings.TrimSpace(strings.TrimPrefix(tok, "Bot "))
	if tok == "" || strings.ContainsAny(tok, " \t\r\n") {
		return cfg, configError("DISCORD_TOKEN", "", "not a bot token (copy it from the Bot page of your application in the Discord Developer Portal)")
	}
	cfg.Token = tok
	return cfg, nil
}

// discordSettings reads the Discord settings other than the token. The
// console checks them too, so that a bad value is found before the bot
// is first started on Discord with it.
func discordSettings(getenv func(string) string) (bot.Config, error) {
	cfg := bot.Config{CooldownQuestions: 5, CooldownWindow: 30 * time.Second, Version: version()}
	if g := strings.TrimSpace(getenv("DISCORD_GUILD_ID")); g != "" {
		if !isSnowflake(g) {
			return cfg, configError("DISCORD_GUILD_ID", g, "not a server id (a number; right-click the server with Developer Mode on, Copy Server ID)")
		}
		cfg.GuildID = g
	}
	if raw := strings.TrimSpace(getenv("DISCORD_API_URL")); raw != "" {
		u, err := url.Parse(raw)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.Trim(u.Path, "/") != "" || u.RawQuery != "" || u.User != nil {
			return cfg, configError("DISCORD_API_URL", raw, "want scheme://host[:port], e.g. http://localhost:8080")
		}
		cfg.APIURL = &url.URL{Scheme: u.Scheme, Host: u.Host}
	}
	var err error
	if cfg.AdminUserIDs, err = idList("ADMIN_USER_IDS", getenv); err != nil {
		return cfg, err
	}
	if cfg.AdminRoleIDs, err = idList("ADMIN_ROLE_IDS", getenv); err != nil {
		return cfg, err
	}
	if v := strings.TrimSpace(getenv("COOLDOWN_QUESTIONS")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 1000 {
			return cfg, configError("COOLDOWN_QUESTIONS", v, "want a whole number from 0 (no cooldown) to 1000")
		}
		cfg.CooldownQuestions = n
	}
	if cfg.ShardID, cfg.ShardCount, err = shards(getenv); err != nil {
		return cfg, err
	}
	if cfg.MessageContent, err = onOff(getenv, "MESSAGE_CONTENT", false,
		"want on or off (on needs the Message Content intent turned on in the Discord developer portal)"); err != nil {
		return cfg, err
	}
	register, err := onOff(getenv, "REGISTER_COMMANDS", true,
		"want on (shard 0 sets the slash commands at start-up) or off (set them with briefbot commands register)")
	if err != nil {
		return cfg, err
	}
	cfg.KeepCommands = !register
	if v := strings.TrimSpace(getenv("COOLDOWN_SECONDS")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 86400 {
			return cfg, configError("COOLDOWN_SECONDS", v, "want a whole number of seconds from 1 to 86400")
		}
		cfg.CooldownWindow = time.Duration(n) * time.Second
	}
	return cfg, nil
}

// isSnowflake accepts Discord ids: unsigned 64-bit decimal numbers.
func isSnowflake(s string) bool {
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil && s[0] != '+'
}

func idList(name string, getenv func(string) string) ([]string, error) {
	var ids []string
	for _, f := range strings.Split(getenv(name), ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !isSnowflake(f) {
			return nil, configError(name, f, "not a Discord id; want comma-separated numbers")
		}
		ids = append(ids, f)
	}
	return ids, nil
}

// newLogger makes the structured logger LOG_LEVEL and LOG_FORMAT ask for.
func newLogger(getenv func(string) string, w io.Writer) (*slog.Logger, error) {
	opts := &slog.HandlerOptions{Level: slog.LevelInfo}
	if v := strings.TrimSpace(getenv("LOG_LEVEL")); v != "" {
		var l slog.Level
		if err := l.UnmarshalText([]byte(v)); err != nil {
			return nil, configError("LOG_LEVEL", v, "want debug, info, warn or error")
		}
		opts.Level = l
	}
	switch f := strings.ToLower(strings.TrimSpace(getenv("LOG_FORMAT"))); f {
	case "", "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	default:
		return nil, configError("LOG_FORMAT", f, "want text or json")
	}
}

// version is the module version and VCS revision the binary was built from.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := bi.Main.Version
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
	}
	return v
}

// buildDescription says what the binary was built from, for `briefbot
// version`: the module version, the commit and its time (with
// "+modified" for a dirty tree) and the Go release.
func buildDescription() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "briefbot (no build information)"
	}
	s := "briefbot " + bi.Main.Version
	var rev, at, dirty string
	for _, kv := range bi.Settings {
		switch kv.Key {
		case "vcs.revision":
			rev = kv.Value
		case "vcs.time":
			at = kv.Value
		case "vcs.modified":
			if kv.Value == "true" {
				dirty = "+modified"
			}
		}
	}
	if rev != "" {
		s += ", commit " + rev + dirty
		if at != "" {
			s += " (" + at + ")"
		}
	}
	return s + ", " + bi.GoVersion
}

// dataConfig is where the question log and feedback live.
type dataConfig struct {
	dir          string
	retention    time.Duration
	logQuestions bool // LOG_QUESTIONS: off keeps no questions at all
}

// dbPath is the journal's database file.
func (c dataConfig) dbPath() string { return filepath.Join(c.dir, "briefbot.db") }

// readDataConfig reads DATA_DIR (default ./data) and LOG_RETENTION_DAYS
// (default 90).
func readDataConfig(getenv func(string) string) (dataConfig, error) {
	c := dataConfig{dir: "data", retention: 90 * 24 * time.Hour}
	var err error
	if c.logQuestions, err = onOff(getenv, "LOG_QUESTIONS", true, "want on or off"); err != nil {
		return c, err
	}
	if d := strings.TrimSpace(getenv("DATA_DIR")); d != "" {
		c.dir = d
	}
	if v := strings.TrimSpace(getenv("LOG_RETENTION_DAYS")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 36500 {
			return c, configError("LOG_RETENTION_DAYS", v, "want a whole number of days from 1 to 36500")
		}
		c.retention = time.Duration(n) * 24 * time.Hour
	}
	return c, nil
}

// shards reads SHARD_COUNT and SHARD_ID (0-based): both or neither.
func shards(getenv func(string) string) (id, count int, err error) {
	c, i := strings.TrimSpace(getenv("SHARD_COUNT")), strings.TrimSpace(getenv("SHARD_ID"))
	if c == "" && i == "" {
		return 0, 0, nil
	}
	count, err = strconv.Atoi(c)
	if err != nil || count < 1 || count > 4096 {
		return 0, 0, configError("SHARD_COUNT", c, "want the number of shards, 1 to 4096 (set SHARD_ID too)")
	}
	id, err = strconv.Atoi(i)
	if err != nil || id < 0 || id >= count {
		return 0, 0, configError("SHARD_ID", i, fmt.Sprintf("want this process's shard, 0 to %d (SHARD_COUNT-1)", count-1))
	}
	return id, count, nil
}

// metricsAddr reads METRICS_ADDR, host:port for /metrics and /healthz; empty
// turns them off.
func metricsAddr(getenv func(string) string) (string, error) {
	a := strings.TrimSpace(getenv("METRICS_ADDR"))
	if a == "" {
		return "", nil
	}
	host, port, err := net.SplitHostPort(a)
	if n, perr := strconv.Atoi(port); err != nil || perr != nil || n < 0 || n > 65535 || strings.ContainsAny(host, "/ ") {
		return "", configError("METRICS_ADDR", a, "want host:port, e.g. 127.0.0.1:9090 or :9090")
	}
	return a, nil
}
