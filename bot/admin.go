package bot

import (
	"slices"
	"sync"

	"github.com/bwmarrin/discordgo"
)

// guildSet is the servers the bot is in, kept from the gateway's READY,
// GUILD_CREATE and GUILD_DELETE events. Every server shares one fact base,
// so who may change it depends on how many servers there are.
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

// others counts the servers the bot is in besides id.
func (g *guildSet) others(id string) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	n := len(g.ids)
	if g.ids[id] {
		n--
	}
	return n
}

// trackGuilds keeps b.guilds current. A GUILD_DELETE for an outage
// (unavailable) does not mean the bot left.
func (b *Bot) trackGuilds(s *discordgo.Session) {
	s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
		for _, g := range r.Guilds {
			b.guilds.add(g.ID)
		}
	})
	s.AddHandler(func(_ *discordgo.Session, g *discordgo.GuildCreate) { b.guilds.add(g.ID) })
	s.AddHandler(func(_ *discordgo.Session, g *discordgo.GuildDelete) {
		if g.Guild != nil && !g.Unavailable {
			b.guilds.remove(g.ID)
		}
	})
}

// adminDecision says whether a member may change the facts every server
// shares, and if not, why.
type adminDecision int

const (
	adminAllowed      adminDecision = iota
	adminNotManager                 // neither a configured admin nor a manager
	adminOtherServers               // a manager, but of a server that is not the bot's home
)

// mayChangeFacts decides who may reload (and change) the briefs: users in
// ADMIN_USER_IDS or with a role in ADMIN_ROLE_IDS anywhere; members with
// Manage Server or Administrator only in the home server
// (DISCORD_GUILD_ID), or in the one server the bot is in when no home is
// set — so that the manager of some other server cannot change what every
// server is told.
func (b *Bot) mayChangeFacts(r *Request) adminDecision {
	if r.Member == nil {
		return adminNotManager
	}
	if slices.Contains(b.cfg.AdminUserIDs, r.UserID()) {
		return adminAllowed
	}
	for _, role := range r.Member.Roles {
		if slices.Contains(b.cfg.AdminRoleIDs, role) {
			return adminAllowed
		}
	}
	if r.Member.Permissions&(discordgo.PermissionAdministrator|discordgo.PermissionManageGuild) == 0 {
		return adminNotManager
	}
	switch {
	case b.cfg.GuildID != "" && r.GuildID == b.cfg.GuildID:
		return adminAllowed
	case b.cfg.GuildID == "" && b.guilds.others(r.GuildID) == 0:
		return adminAllowed
	}
	return adminOtherServers
}
