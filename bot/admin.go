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
	switch {
	case r.Member == nil:
		return adminNotManager
	case b.isBotAdmin(r):
		return adminAllowed
	case !isManager(r):
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

// isBotAdmin reports whether the member is one of the bot's own admins:
// a user in ADMIN_USER_IDS or a member with a role in ADMIN_ROLE_IDS.
func (b *Bot) isBotAdmin(r *Request) bool {
	if r.Member == nil {
		return false
	}
	if slices.Contains(b.cfg.AdminUserIDs, r.UserID()) {
		return true
	}
	return slices.ContainsFunc(r.Member.Roles, func(role string) bool { return slices.Contains(b.cfg.AdminRoleIDs, role) })
}

// isManager reports whether the member manages the server the request
// comes from: Manage Server or Administrator there.
func isManager(r *Request) bool {
	return r.Member != nil && r.Member.Permissions&(discordgo.PermissionAdministrator|discordgo.PermissionManageGuild) != 0
}
