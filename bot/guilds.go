package bot

import (
	"encoding/json"
	"sync"

	"github.com/bwmarrin/discordgo"
)

// guildSet is the servers the bot is in, as the gateway has told it. A
// server in an outage stays in: Discord then sends GUILD_DELETE marked
// unavailable, and discordgo's own state drops the server, which would
// make a bot in two servers look as if it were in one and hand its
// managers the shared briefs. Only a server that removed the bot leaves.
type guildSet struct {
	mu  sync.Mutex
	ids map[string]bool
}

func (g *guildSet) add(id string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.ids == nil {
		g.ids = make(map[string]bool)
	}
	g.ids[id] = true
}

func (g *guildSet) remove(id string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.ids, id)
}

// others counts the servers other than id.
func (g *guildSet) others(id string) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	n := len(g.ids)
	if g.ids[id] {
		n--
	}
	return n
}

// trackGuilds keeps b.guilds up to date from the gateway's events. It
// reads each event's raw JSON, not discordgo's structs: those belong to its
// state, which rewrites them while handlers run.
func (b *Bot) trackGuilds(s *discordgo.Session) {
	g := &b.guilds
	s.AddHandler(func(_ *discordgo.Session, e *discordgo.Event) {
		switch e.Type {
		case "READY":
			var r struct {
				Guilds []struct {
					ID string `json:"id"`
				} `json:"guilds"`
			}
			if json.Unmarshal(e.RawData, &r) == nil {
				for _, gd := range r.Guilds {
					g.add(gd.ID)
				}
			}
		case "GUILD_CREATE", "GUILD_DELETE":
			var gd struct {
				ID          string `json:"id"`
				Unavailable bool   `json:"unavailable"`
			}
			switch {
			case json.Unmarshal(e.RawData, &gd) != nil || gd.ID == "":
			case e.Type == "GUILD_CREATE":
				g.add(gd.ID)
			case gd.Unavailable:
				b.log.Warn("server unavailable (a Discord outage); it still counts as one of the bot's", "guild", gd.ID)
			default:
				g.remove(gd.ID)
				b.log.Info("removed from a server", "guild", gd.ID)
			}
		}
	})
}
