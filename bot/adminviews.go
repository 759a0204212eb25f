package bot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot/journal"
)

// The admin views' shape: how far back they look by default and at most,
// how many rows they fetch, and how many a page shows.
const (
	defaultDays = 7
	maxDays     = 365
	viewRows    = 100
	viewPage    = 10
	// viewTimeout bounds a view's query, so a page click on a huge or
	// locked log answers in time instead of after Discord gave up.
	// Longer lets a slower disk finish; shorter fails sooner.
	viewTimeout = 2 * time.Second
)

// Custom id prefixes of the admin views' page buttons: "un:<days>:<page>".
const (
	unansweredPrefix = "un"
	disputedPrefix   = "fd"
)

// viewCommands are the admin views, registered for server managers.
func viewCommands(manage *int64, guildOnly *[]discordgo.InteractionContextType) []*discordgo.ApplicationCommand {
	minDays, maxD := 1.0, float64(maxDays)
	days := &discordgo.ApplicationCommandOption{
		Type:        discordgo.ApplicationCommandOptionInteger,
		Name:        "days",
		Description: fmt.Sprintf("How many days back to look (default %d)", defaultDays),
		MinValue:    &minDays,
		MaxValue:    maxD,
	}
	return []*discordgo.ApplicationCommand{
		{Name: "unanswered", Description: "The questions the briefs did not answer, most asked first (managers only)",
			Options: []*discordgo.ApplicationCommandOption{days}, DefaultMemberPermissions: manage, Contexts: guildOnly},
		{Name: "feedback", Description: "The answers people marked wrong, most first (managers only)",
			Options: []*discordgo.ApplicationCommandOption{days}, DefaultMemberPermissions: manage, Contexts: guildOnly},
	}
}

// unanswered answers /unanswered and its page buttons.
func (b *Bot) unanswered(ctx context.Context, w *ResponseWriter, r *Request) error {
	return b.view(ctx, w, r, unansweredPrefix, func(ctx context.Context, since time.Time) ([]string, error) {
		rows, err := b.cfg.Reports.Unanswered(ctx, journal.Scope{Guild: r.GuildID}, since, viewRows)
		return unansweredLines(rows), err
	}, "Questions the briefs did not answer", "No unanswered questions in that time.")
}

// disputed answers /feedback and its page buttons.
func (b *Bot) disputed(ctx context.Context, w *ResponseWriter, r *Request) error {
	return b.view(ctx, w, r, disputedPrefix, func(ctx context.Context, since time.Time) ([]string, error) {
		rows, err := b.cfg.Reports.Disputed(ctx, journal.Scope{Guild: r.GuildID}, since, viewRows)
		return disputedLines(rows), err
	}, "Answers marked wrong", "No answer was marked wrong in that time.")
}

// view checks who asks, reads the report and shows one page of it,
// ephemerally: a command opens page 0, a button turns pages.
func (b *Bot) view(ctx context.Context, w *ResponseWriter, r *Request, prefix string,
	read func(context.Context, time.Time) ([]string, error), title, empty string) error {
	// A view shows this server's questions alone, so its managers see it
	// wherever the bot is, as they manage its briefs.
	if r.GuildID == "" || !b.mayManageServer(r) {
		b.log.Warn("admin view refused", "view", prefix, "user", r.UserID(), "guild", r.GuildID)
		return w.Reply(Message{Content: "Only this server's managers can see this.", Ephemeral: true})
	}
	if b.cfg.Reports == nil {
		return w.Reply(Message{Content: "The question log is off on this bot: its operator has not given it a data directory.", Ephemeral: true})
	}
	days, page := r.Int("days", defaultDays), 0
	if r.Type == discordgo.InteractionMessageComponent {
		var ok bool
		if days, page, ok = parseViewID(prefix, r.MessageComponentData().CustomID); !ok {
			return fmt.Errorf("bad page button %q", r.MessageComponentData().CustomID)
		}
	}
	days = max(1, min(days, maxDays))
	qctx, cancel := context.WithTimeout(ctx, viewTimeout)
	defer cancel()
	lines, err := read(qctx, b.now().Add(-time.Duration(days)*24*time.Hour))
	if errors.Is(err, context.DeadlineExceeded) {
		b.log.Warn("admin view timed out", "view", prefix, "guild", r.GuildID, "timeout", viewTimeout)
		return w.Reply(Message{Content: "The question log is busy; please try again in a moment.", Ephemeral: true})
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", prefix, err)
	}
	m := viewPageMessage(prefix, fmt.Sprintf("%s (last %d day%s)", title, days, plural(days)), empty, lines, days, page)
	m.Ephemeral = true
	if r.Type == discordgo.InteractionMessageComponent {
		return w.Update(m)
	}
	return w.Reply(m)
}

func unansweredLines(rows []journal.Unanswered) []string {
	out := make([]string, len(rows))
	for i, u := range rows {
		out[i] = fmt.Sprintf("**%d×** %s · last <t:%d:R>", u.Count, escapeClip(u.Text, 200), u.Last.Unix())
	}
	return out
}

func disputedLines(rows []journal.Disputed) []string {
	out := make([]string, len(rows))
	for i, d := range rows {
		line := fmt.Sprintf("**%d 👎** · %d 👍 · fact `%s`", d.Wrong, d.Helpful, escape(d.Fact))
		if d.Brief != "" {
			line += " in `" + escapeClip(d.Brief, 60) + "`"
		}
		if len(d.Examples) > 0 {
			qs := make([]string, len(d.Examples))
			for j, q := range d.Examples {
				qs[j] = "“" + escapeClip(q, 120) + "”"
			}
			line += "\n  e.g. " + strings.Join(qs, ", ")
		}
		out[i] = line
	}
	return out
}

// viewPageMessage shows page of lines with buttons to turn pages.
func viewPageMessage(prefix, title, empty string, lines []string, days, page int) Message {
	if len(lines) == 0 {
		return Message{Content: empty}
	}
	pages := (len(lines) + viewPage - 1) / viewPage
	page = max(0, min(page, pages-1))
	e := &discordgo.MessageEmbed{
		Title:       title,
		Description: clip(strings.Join(lines[page*viewPage:min(len(lines), (page+1)*viewPage)], "\n"), maxDescription),
		Color:       colorListing,
		Footer:      &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("Page %d of %d", page+1, pages)},
	}
	m := Message{Embeds: []*discordgo.MessageEmbed{e}}
	if pages > 1 {
		m.Components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Previous", Style: discordgo.SecondaryButton, CustomID: viewID(prefix, days, page-1), Disabled: page == 0},
			discordgo.Button{Label: "Next", Style: discordgo.PrimaryButton, CustomID: viewID(prefix, days, page+1), Disabled: page == pages-1},
		}}}
	}
	return m
}

func viewID(prefix string, days, page int) string {
	return prefix + ":" + strconv.Itoa(days) + ":" + strconv.Itoa(page)
}

func parseViewID(prefix, id string) (days, page int, ok bool) {
	parts := strings.Split(id, ":")
	if len(parts) != 3 || parts[0] != prefix {
		return 0, 0, false
	}
	d, err1 := strconv.Atoi(parts[1])
	p, err2 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil || d < 1 || p < 0 {
		return 0, 0, false
	}
	return d, p, true
}
