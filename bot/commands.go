package bot

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/sahilm/fuzzy"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/talk"
)

// maxTopic caps /facts topics so a page button's custom id can carry one.
const maxTopic = 80

// Commands are the slash commands, registered with one bulk overwrite at
// start so that stale ones vanish.
func Commands() []*discordgo.ApplicationCommand {
	manage := int64(discordgo.PermissionManageGuild)
	no := false
	guildOnly := []discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	minLen := 1
	private := &discordgo.ApplicationCommandOption{
		Type:        discordgo.ApplicationCommandOptionBoolean,
		Name:        "private",
		Description: "Only you see the answer",
	}
	cmds := []*discordgo.ApplicationCommand{
		{
			Name:        "ask",
			Description: "Ask a question about the brief; the answer cites the sentence that says so",
			Options: []*discordgo.ApplicationCommandOption{{
				Type:         discordgo.ApplicationCommandOptionString,
				Name:         "question",
				Description:  "Your question, e.g. who, when, where or what",
				Required:     true,
				Autocomplete: true,
				MinLength:    &minLen,
				MaxLength:    facts.MaxQuestionChars,
			}, private, {
				Type:         discordgo.ApplicationCommandOptionString,
				Name:         "brief",
				Description:  "Answer from this brief alone",
				Autocomplete: true,
			}},
		},
		{
			Name:        "summary",
			Description: "A short summary of the briefs, each sentence cited",
			Options: []*discordgo.ApplicationCommandOption{{
				Type:         discordgo.ApplicationCommandOptionString,
				Name:         "brief",
				Description:  "Summarise this brief alone",
				Autocomplete: true,
			}, private},
		},
		{
			Name:        "facts",
			Description: "List the facts in the brief, on a topic or all, with their citations",
			Options: []*discordgo.ApplicationCommandOption{{
				Type:         discordgo.ApplicationCommandOptionString,
				Name:         "topic",
				Description:  "A name, place or subject; leave empty for every fact",
				Autocomplete: true,
				MaxLength:    maxTopic,
			}, private},
		},
		{Name: "source", Description: "Show the loaded briefs, their sources, fact counts and version"},
		{Name: "help", Description: "How to ask, what I know, and my commands"},
		{
			Name:                     "reload",
			Description:              "Reload the briefs from disk (server managers only)",
			DefaultMemberPermissions: &manage,
			DMPermission:             &no,
			Contexts:                 &guildOnly,
		},
	}
	cmds = append(cmds, briefCommand(&guildOnly), forgetMeCommand())
	return append(cmds, viewCommands(&manage, &guildOnly)...)
}

func (b *Bot) routes() *Router {
	rt := NewRouter(b.log)
	rt.Limit(defaultActive(), b.metrics.Shed)
	rt.Command("ask", b.limited(b.served(b.ask)))
	rt.Autocomplete("ask", b.limitedTyping(b.served(b.completeAsk)))
	rt.Command("summary", b.limited(b.served(b.summary)))
	rt.Autocomplete("summary", b.limitedTyping(b.served(b.completeBriefName)))
	rt.Command("facts", b.limited(b.served(b.facts)))
	rt.Autocomplete("facts", b.limitedTyping(b.served(b.completeTopic)))
	rt.Component(factsPrefix, b.limited(b.served(b.factsPage)))
	rt.Command("source", b.limited(b.served(b.source)))
	rt.Command("help", b.limited(b.served(b.help)))
	rt.Command("reload", b.limited(b.reload))
	rt.Component(feedbackPrefix, b.limited(b.feedback))
	rt.Command("brief", b.limited(b.brief))
	rt.Autocomplete("brief", b.limitedTyping(b.completeBrief))
	rt.Command("unanswered", b.limited(b.unanswered))
	rt.Component(unansweredPrefix, b.limited(b.unanswered))
	rt.Command("feedback", b.limited(b.disputed))
	rt.Component(disputedPrefix, b.limited(b.disputed))
	rt.Command("forget-me", b.limited(b.forgetMe))
	rt.Private("help", "reload", "brief", "unanswered", "feedback", "forget-me")
	return rt
}

// limited holds every command and button to the user's one cooldown
// budget, the same one mentions and DMs draw on. An interaction must be
// answered, so one over budget gets the notice, seen only by the user.
func (b *Bot) limited(h HandlerFunc) HandlerFunc {
	return func(ctx context.Context, w *ResponseWriter, r *Request) error {
		if ok, wait := b.cooldown.Allow(r.UserID(), b.now()); !ok {
			b.log.Info("refused by cooldown", "user", r.UserID(), "guild", r.GuildID, "via", "command", "wait", wait.Round(time.Second))
			return w.Reply(Message{Content: cooldownText(wait), Ephemeral: true})
		}
		return h(ctx, w, r)
	}
}

// baseHandler answers from the fact base of the server it was asked in.
type baseHandler func(ctx context.Context, w *ResponseWriter, r *Request, base *facts.Base) error

// libraryDownText tells a member their server's briefs cannot be read.
const libraryDownText = "I can't read this server's briefs right now; please try again in a minute."

// served finds the fact base of the server an interaction comes from
// (the shared one in a DM) and hands it to h, so a question is answered,
// completed and summarised from that server's briefs alone.
func (b *Bot) served(h baseHandler) HandlerFunc {
	return func(ctx context.Context, w *ResponseWriter, r *Request) error {
		base, err := b.servers.base(ctx, r.GuildID)
		if err != nil {
			b.log.Warn("no fact base for a server", "guild", r.GuildID, "err", err)
			if r.Type == discordgo.InteractionApplicationCommandAutocomplete {
				return w.Choices(nil)
			}
			return w.Reply(Message{Content: libraryDownText, Ephemeral: true})
		}
		return h(ctx, w, r, base)
	}
}

// limitedTyping holds autocomplete to a budget of its own, larger since
// every keystroke asks: over it, no choices are offered until the window
// passes.
func (b *Bot) limitedTyping(h HandlerFunc) HandlerFunc {
	return func(ctx context.Context, w *ResponseWriter, r *Request) error {
		if ok, _ := b.typing.Allow(r.UserID(), b.now()); !ok {
			return w.Choices(nil)
		}
		return h(ctx, w, r)
	}
}

// Router returns the bot's interaction router, for tests that feed it
// recorded interactions.
func (b *Bot) Router() *Router { return b.router }

func (b *Bot) ask(_ context.Context, w *ResponseWriter, r *Request, base *facts.Base) error {
	user := r.UserID()
	text := cleanQuestion(r.String("question"))
	var reply talk.Reply
	if brief := r.String("brief"); brief != "" {
		reply = talk.RespondIn(base, brief, text) // scoped: a question of its own
	} else {
		reply = b.convs.get(user, r.ChannelID, b.now()).Respond(base, text, b.now())
	}
	m := b.signVotes(replyMessage(reply, r.ID), r.GuildID)
	m.Ephemeral = r.Bool("private")
	q := question{via: "command", user: user, guild: r.GuildID, channel: r.ChannelID, answerID: r.ID,
		text: text, reply: reply, start: r.Received, version: base.Version(), private: m.Ephemeral}
	b.journalQuestion(q)
	err := w.Reply(m)
	b.record(q, err)
	return err
}

func cooldownText(wait time.Duration) string {
	s := int(math.Ceil(wait.Seconds()))
	return fmt.Sprintf("You're asking quickly: please try again in %d s.", max(s, 1))
}

// completeAsk completes the option being typed: the question, or the
// brief to scope it to.
func (b *Bot) completeAsk(ctx context.Context, w *ResponseWriter, r *Request, base *facts.Base) error {
	if name, _ := r.Focused(); name == "brief" {
		return b.completeBriefName(ctx, w, r, base)
	}
	return b.completeQuestion(ctx, w, r, base)
}

// completeBriefName offers the loaded briefs whose name or title holds
// what was typed, newest first.
func (b *Bot) completeBriefName(_ context.Context, w *ResponseWriter, r *Request, base *facts.Base) error {
	_, typed := r.Focused()
	typed = strings.ToLower(strings.TrimSpace(typed))
	briefs := base.Briefs()
	sort.SliceStable(briefs, func(i, j int) bool { return briefs[i].Date > briefs[j].Date })
	var choices []*discordgo.ApplicationCommandOptionChoice
	for _, bi := range briefs {
		if len(bi.Name) <= maxChoiceLen && (strings.Contains(strings.ToLower(bi.Name), typed) || strings.Contains(strings.ToLower(bi.Title), typed)) {
			label := bi.Title
			if bi.Date != "" {
				label += " (" + bi.Date + ")"
			}
			choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: cutRunes(label, maxChoiceLen), Value: bi.Name})
		}
	}
	return w.Choices(choices)
}

// summary answers /summary: the lead sentences of the briefs, or of one.
func (b *Bot) summary(_ context.Context, w *ResponseWriter, r *Request, base *facts.Base) error {
	reply := talk.Summarize(base, r.String("brief"))
	m := replyMessage(reply, r.ID)
	m.Ephemeral = r.Bool("private")
	return w.Reply(m)
}

func (b *Bot) completeQuestion(_ context.Context, w *ResponseWriter, r *Request, base *facts.Base) error {
	_, typed := r.Focused()
	list := base.Complete(typed, maxChoices)
	choices := make([]*discordgo.ApplicationCommandOptionChoice, len(list))
	for i, q := range list {
		choices[i] = &discordgo.ApplicationCommandOptionChoice{Name: q, Value: q}
	}
	return w.Choices(choices)
}

func (b *Bot) completeTopic(_ context.Context, w *ResponseWriter, r *Request, base *facts.Base) error {
	_, typed := r.Focused()
	topics := base.Topics()
	var list []string
	if strings.TrimSpace(typed) == "" {
		list = topics
	} else {
		for _, m := range fuzzy.Find(cutRunes(typed, maxTopic), topics) {
			list = append(list, m.Str)
		}
	}
	var choices []*discordgo.ApplicationCommandOptionChoice
	for _, t := range list {
		if len(t) <= maxTopic {
			choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: t, Value: t})
		}
	}
	return w.Choices(choices)
}

func (b *Bot) facts(_ context.Context, w *ResponseWriter, r *Request, base *facts.Base) error {
	topic := strings.TrimSpace(cutRunes(r.String("topic"), maxTopic))
	m := factsPage(base, topic, 0)
	m.Ephemeral = r.Bool("private")
	return w.Reply(m)
}

func (b *Bot) factsPage(_ context.Context, w *ResponseWriter, r *Request, base *facts.Base) error {
	page, topic, ok := parsePageID(r.MessageComponentData().CustomID)
	if !ok {
		return fmt.Errorf("bad page button %q", r.MessageComponentData().CustomID)
	}
	return w.Update(factsPage(base, topic, page))
}

func (b *Bot) source(_ context.Context, w *ResponseWriter, _ *Request, base *facts.Base) error {
	return w.Reply(sourceMessage(base, time.Unix(0, b.loaded.Load()), b.cfg.Version))
}

func (b *Bot) help(_ context.Context, w *ResponseWriter, _ *Request, base *facts.Base) error {
	return w.Reply(helpMessage(base))
}

func (b *Bot) reload(ctx context.Context, w *ResponseWriter, r *Request) error {
	user := r.UserID()
	if r.GuildID == "" {
		b.log.Warn("reload refused in a DM", "user", user)
		return w.Reply(Message{Content: "Reload works only in a server, for its managers.", Ephemeral: true})
	}
	switch b.mayChangeFacts(r) {
	case adminNotManager:
		b.log.Warn("reload refused: not an admin", "user", user, "guild", r.GuildID)
		return w.Reply(Message{Content: "Only server managers can reload the briefs.", Ephemeral: true})
	case adminOtherServers:
		b.log.Warn("reload refused: a manager of a server other than the bot's home", "user", user, "guild", r.GuildID,
			"home", b.cfg.GuildID)
		return w.Reply(Message{Content: "Every server this bot is in shares its briefs, so only the managers of its " +
			"home server, or the admins its operator named, can reload them.", Ephemeral: true})
	}
	if err := w.Defer(true); err != nil {
		return err
	}
	return b.replyReload(ctx, w, r)
}

// replyReload reloads the briefs and answers with what changed: the last
// step of /reload, /brief add and /brief remove.
func (b *Bot) replyReload(ctx context.Context, w *ResponseWriter, r *Request) error {
	user := r.UserID()
	start := time.Now()
	d, err := b.Reload()
	switch {
	case errors.Is(err, ErrReloading):
		b.log.Info("reload refused: one is already running", "user", user, "guild", r.GuildID)
		return w.Reply(Message{Content: "A reload is already running; try again when it has finished.", Ephemeral: true})
	case err != nil:
		b.log.Error("reload failed; old facts still served", "user", user, "guild", r.GuildID, "err", err)
	default:
		b.log.Info("reloaded", "user", user, "guild", r.GuildID, "version", d.NewVersion, "facts_added", d.FactsAdded,
			"facts_removed", d.FactsRemoved, "took", time.Since(start).Round(time.Millisecond))
	}
	m := reloadMessage(d, err)
	if err == nil {
		if live := b.liveOn(ctx, d.NewVersion); live != "" {
			m.Content += "\n" + live
		}
	}
	return w.Reply(m)
}
