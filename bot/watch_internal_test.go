package bot

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/facts"
)

func TestMayPostBriefs(t *testing.T) {
	const (
		guild   = "g1"
		owner   = "u-owner"
		editors = "r-editors"
		admins  = "r-admins"
		plain   = "r-plain"
		trusted = "r-trusted" // in ADMIN_ROLE_IDS
	)
	sr := serverRoles{owner: owner, perms: map[string]int64{
		guild:   discordgo.PermissionSendMessages,
		editors: discordgo.PermissionManageGuild,
		admins:  discordgo.PermissionAdministrator,
		plain:   discordgo.PermissionManageMessages | discordgo.PermissionManageChannels,
	}}
	everyoneManages := serverRoles{perms: map[string]int64{guild: discordgo.PermissionManageGuild}}
	tests := []struct {
		name  string
		user  string
		roles []string
		sr    serverRoles
		want  bool
	}{
		{"member without roles", "u1", nil, sr, false},
		{"role without Manage Server", "u1", []string{plain}, sr, false},
		{"Manage Server role", "u1", []string{plain, editors}, sr, true},
		{"Administrator role", "u1", []string{admins}, sr, true},
		{"owner without roles", owner, nil, sr, true},
		{"ADMIN_USER_IDS", "u-admin", nil, sr, true},
		{"ADMIN_ROLE_IDS", "u1", []string{trusted}, sr, true},
		{"@everyone may manage", "u1", nil, everyoneManages, true},
		{"unknown role", "u1", []string{"r-gone"}, sr, false},
		{"server the state does not know", "u1", []string{editors}, serverRoles{}, false},
		{"no owner known is no one's", "", nil, serverRoles{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mayPostBriefs(guild, tt.user, tt.roles, tt.sr, []string{"u-admin"}, []string{trusted}); got != tt.want {
				t.Errorf("mayPostBriefs(%s, %v) = %v, want %v", tt.user, tt.roles, got, tt.want)
			}
		})
	}
}

func TestSplitPost(t *testing.T) {
	long := strings.Repeat("word ", 20) // over maxPlainTitle
	tests := []struct {
		name, content, title string
		paras                []string
	}{
		{"heading", "# Water summit\nLahore hosted it.", "Water summit", []string{"Lahore hosted it."}},
		{"bold", "**Water summit.**\nLahore hosted it.", "Water summit.", []string{"Lahore hosted it."}},
		{"title line", "Title: Water summit\nLahore hosted it.", "Water summit", []string{"Lahore hosted it."}},
		{"short line", "Water summit\n\nLahore hosted it.", "Water summit", []string{"Lahore hosted it."}},
		{"sentence is no title", "Lahore hosted it.\nIt rained.", "", []string{"Lahore hosted it.", "It rained."}},
		{"long line is no title", long + "\nIt rained.", "", []string{strings.TrimSpace(long), "It rained."}},
		{"one line is its own paragraph", "## Water summit opens", "Water summit opens", []string{"Water summit opens"}},
		{"links alone are dropped", "https://www.dawn.com/x\n# Summit\nLahore hosted it.\n<https://dawn.com/y>", "Summit", []string{"Lahore hosted it."}},
		{"markup goes", "# **Summit** <@123>\n> Lahore [hosted](https://dawn.com) it __today__.", "Summit", []string{"Lahore hosted it today."}},
		{"link leaves a title", "Summit https://dawn.com/x\nLahore hosted it.", "Summit", []string{"Lahore hosted it."}},
		{"nothing", "  \n https://dawn.com \n", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title, paras := splitPost(tt.content)
			if title != tt.title || !slices.Equal(paras, tt.paras) {
				t.Errorf("splitPost(%q) = %q, %q; want %q, %q", tt.content, title, paras, tt.title, tt.paras)
			}
		})
	}
}

func TestPostSource(t *testing.T) {
	tests := map[string]string{
		"no link":                                    fallbackSource,
		"see https://WWW.Dawn.com/news/1 now":        "www.dawn.com",
		"[story](https://geo.tv/a) and http://x.org": "geo.tv",
		"<https://dawn.com:443/x>":                   "dawn.com",
		"http://localhost/x":                         fallbackSource,
		"ftp://files.example.org/x":                  fallbackSource,
	}
	for text, want := range tests {
		if got := postSource(text); got != want {
			t.Errorf("postSource(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestSlugAndNumbered(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Water Summit: Lahore, 2025!", "water-summit-lahore-2025"},
		{"پانی", ""},
		{strings.Repeat("abcdefghi ", 10), strings.TrimSuffix(strings.Repeat("abcdefghi-", 8), "-")},
	}
	for _, tt := range tests {
		if got := slug(tt.in, maxBriefName); got != tt.want || len(got) > maxBriefName {
			t.Errorf("slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	long := strings.Repeat("a", maxBriefName)
	if got := numbered(long, 12); len(got) > maxBriefName || !strings.HasSuffix(got, "-12") {
		t.Errorf("numbered(long, 12) = %q", got)
	}
	if got := numbered("summit", 1); got != "summit" {
		t.Errorf("numbered(summit, 1) = %q", got)
	}
}

func TestCompleteBrief(t *testing.T) {
	tests := []struct {
		name, text, want string
		date             string // the parsed brief's
		err              error
	}{
		{"adds source and date", "Lahore hosted it.\n", "Date: 2026-01-02\nLahore hosted it.\n\nOriginal Source: dawn.com\n", "2026-01-02", nil},
		{"keeps a written date", "Lahore hosted it on March 3, 2025.\n", "Lahore hosted it on March 3, 2025.\n\nOriginal Source: dawn.com\n", "2025-03-03", nil},
		{"keeps a Date: line", "Title: T\nDate: 2025-03-03\nIt rained.\n", "Title: T\nDate: 2025-03-03\nIt rained.\n\nOriginal Source: dawn.com\n", "2025-03-03", nil},
		{"keeps its own source", "\ufeffIt rained.\nOriginal Source: geo.tv\n", "Date: 2026-01-02\nIt rained.\nOriginal Source: geo.tv\n", "2026-01-02", nil},
		{"source in the middle", "Original Source: geo.tv\nIt rained.\n", "", "", facts.ErrNoSource},
		{"bad date line", "Date: soon\nIt rained.\n", "", "", facts.ErrBadHeader},
		{"not UTF-8", "It rained \xff.\n", "", "", facts.ErrNotUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := completeBrief("b", tt.text, "2026-01-02", "dawn.com")
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("completeBrief = %q, %v; want %q", got, err, tt.want)
			}
			b, err := facts.ParseBrief("b.txt", strings.NewReader(got))
			if err != nil || b.Date != tt.date || b.Source == "" {
				t.Errorf("parsed = %+v, %v; want date %s", b, err, tt.date)
			}
		})
	}
}
