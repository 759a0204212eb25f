package bot

import (
	"slices"

	"github.com/bwmarrin/discordgo"
)

// otherGuilds counts the servers the bot is in besides id, a server in an
// outage included (see guildSet).
func (b *Bot) otherGuilds(id string) int { return b.guilds.others(id) }

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
	case b.cfg.GuildID == "" && b.otherGuilds(r.GuildID) == 0:
		return adminAllowed
	}
	return adminOtherServers
}
