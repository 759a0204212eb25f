package bot

import (
	"slices"

	"github.com/bwmarrin/discordgo"
)

// serverRoles is what the gateway told the bot of one server: its owner,
// and what each role may do, @everyone's under the server's own id.
type serverRoles struct {
	owner string
	perms map[string]int64 // by role id
}

// rolesOf reads guild's owner and roles from the gateway session's state,
// which GUILD_CREATE and the role events keep; a server the state does not
// know gives no one any rights but the bot's admins.
func (b *Bot) rolesOf(guild string) serverRoles {
	st := b.state.Load()
	if st == nil {
		return serverRoles{}
	}
	g, err := st.Guild(guild)
	if err != nil {
		return serverRoles{}
	}
	// The state rewrites its guilds in place, under its lock.
	st.RLock()
	defer st.RUnlock()
	sr := serverRoles{owner: g.OwnerID, perms: make(map[string]int64, len(g.Roles))}
	for _, r := range g.Roles {
		if r != nil {
			sr.perms[r.ID] = r.Permissions
		}
	}
	return sr
}

// mayPostBriefs decides whether user, a member of guild with roles, may
// change its briefs by posting in its briefs channel. It is the rule of
// mayManageServer for a message rather than an interaction: a message's
// member object carries roles but no permissions, so Administrator and
// Manage Server are worked out from the server's roles as the gateway
// delivered them. The server's owner may, whatever their roles; so may the
// bot's admins (ADMIN_USER_IDS, ADMIN_ROLE_IDS). Channel overwrites are
// not applied: neither permission is a channel's to grant or deny.
func mayPostBriefs(guild, user string, roles []string, sr serverRoles, adminUsers, adminRoles []string) bool {
	if user == "" {
		return false
	}
	if slices.Contains(adminUsers, user) || user == sr.owner {
		return true
	}
	perms := sr.perms[guild] // @everyone
	for _, r := range roles {
		if slices.Contains(adminRoles, r) {
			return true
		}
		perms |= sr.perms[r]
	}
	return perms&(discordgo.PermissionAdministrator|discordgo.PermissionManageGuild) != 0
}

// mayPost applies mayPostBriefs to a message's author.
func (b *Bot) mayPost(m *discordgo.Message) bool {
	var roles []string
	if m.Member != nil {
		roles = m.Member.Roles
	}
	return mayPostBriefs(m.GuildID, m.Author.ID, roles, b.rolesOf(m.GuildID), b.cfg.AdminUserIDs, b.cfg.AdminRoleIDs)
}
