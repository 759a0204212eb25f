package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/facts"
)

// downloadTimeout bounds fetching an attached brief from Discord's CDN.
const downloadTimeout = 30 * time.Second

// briefCommand manages briefs from Discord: a server's own (any manager of
// that server), the shared ones (the operator's admins, with shared: True),
// and lists them for anyone.
func briefCommand(guildOnly *[]discordgo.InteractionContextType) *discordgo.ApplicationCommand {
	shared := &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionBoolean, Name: "shared",
		Description: "Change the shared briefs every server reads (the bot's admins only)"}
	return &discordgo.ApplicationCommand{
		Name: "brief", Description: "List this server's briefs, or add and remove them (managers)",
		Contexts: guildOnly,
		Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "list", Description: "The briefs this server's questions are answered from"},
			{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "add", Description: "Add a brief from a .txt file",
				Options: []*discordgo.ApplicationCommandOption{
					{Type: discordgo.ApplicationCommandOptionAttachment, Name: "file", Description: "The brief: a UTF-8 .txt file ending with an Original Source: line", Required: true},
					{Type: discordgo.ApplicationCommandOptionBoolean, Name: "replace", Description: "Replace a brief of the same name"},
					shared,
				}},
			{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "remove", Description: "Remove a brief",
				Options: []*discordgo.ApplicationCommandOption{
					{Type: discordgo.ApplicationCommandOptionString, Name: "name", Description: "The brief to remove", Required: true, Autocomplete: true},
					shared,
				}},
			{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "shared", Description: "Whether this server also reads the shared briefs",
				Options: []*discordgo.ApplicationCommandOption{
					{Type: discordgo.ApplicationCommandOptionBoolean, Name: "enabled", Description: "True to read them, False to answer from this server's briefs alone", Required: true},
				}},
			{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "watch", Description: "Turn the posts in a channel into this server's briefs (managers)",
				Options: []*discordgo.ApplicationCommandOption{
					{Type: discordgo.ApplicationCommandOptionChannel, Name: "channel", Description: "The channel this server's news is posted in", Required: true,
						ChannelTypes: []discordgo.ChannelType{discordgo.ChannelTypeGuildText, discordgo.ChannelTypeGuildNews}},
				}},
			{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "unwatch", Description: "Stop turning the posts in this server's briefs channel into briefs (managers)"},
		},
	}
}

// brief handles /brief: list for anyone; the rest for those who may
// change this server's briefs, or with shared: True the shared ones.
func (b *Bot) brief(ctx context.Context, w *ResponseWriter, r *Request) error {
	sub := subcommand(r)
	if sub == nil {
		return fmt.Errorf("/brief without a subcommand")
	}
	if sub.Name == "list" {
		return b.listBriefs(ctx, w, r)
	}
	if (sub.Name == "watch" || sub.Name == "unwatch") && b.cfg.Library == nil {
		return w.Reply(Message{Content: noServerBriefsText, Ephemeral: true})
	}
	if shared, _ := subOption(sub, "shared").(bool); shared || b.cfg.Library == nil {
		return b.sharedBrief(ctx, w, r, sub)
	}
	if r.GuildID == "" || !b.mayManageServer(r) {
		b.log.Warn("server brief change refused", "user", r.UserID(), "guild", r.GuildID, "sub", sub.Name)
		return w.Reply(Message{Content: "Only this server's managers (Manage Server) can change its briefs.", Ephemeral: true})
	}
	switch sub.Name {
	case "add":
		return b.addServerBrief(ctx, w, r, sub)
	case "remove":
		return b.removeServerBrief(ctx, w, r, sub)
	case "shared":
		return b.setShared(ctx, w, r, sub)
	case "watch":
		return b.watchChannel(ctx, w, r, sub)
	case "unwatch":
		return b.unwatchChannel(ctx, w, r)
	}
	return fmt.Errorf("/brief %s: no such subcommand", sub.Name)
}

// sharedBrief changes the operator's shared briefs in BRIEFS_DIR.
func (b *Bot) sharedBrief(ctx context.Context, w *ResponseWriter, r *Request, sub *discordgo.ApplicationCommandInteractionDataOption) error {
	if r.GuildID == "" || b.mayChangeFacts(r) != adminAllowed {
		b.log.Warn("brief change refused", "user", r.UserID(), "guild", r.GuildID)
		return w.Reply(Message{Content: "Only the bot's admins, or the managers of its home server, can change the shared briefs.", Ephemeral: true})
	}
	if b.cfg.BriefsDir == "" {
		return w.Reply(Message{Content: "This bot answers from its built-in brief. To manage the shared briefs from Discord, its operator " +
			"sets BRIEFS_DIR to a directory of briefs and restarts it.", Ephemeral: true})
	}
	switch sub.Name {
	case "add":
		return b.addBrief(ctx, w, r, sub)
	case "remove":
		return b.removeBrief(ctx, w, r, sub)
	}
	return w.Reply(Message{Content: "That needs a store for each server's briefs, which this bot runs without.", Ephemeral: true})
}

func subcommand(r *Request) *discordgo.ApplicationCommandInteractionDataOption {
	if r.Type != discordgo.InteractionApplicationCommand && r.Type != discordgo.InteractionApplicationCommandAutocomplete {
		return nil
	}
	for _, o := range r.ApplicationCommandData().Options {
		if o.Type == discordgo.ApplicationCommandOptionSubCommand {
			return o
		}
	}
	return nil
}

func subOption(sub *discordgo.ApplicationCommandInteractionDataOption, name string) any {
	for _, o := range sub.Options {
		if o.Name == name {
			return o.Value
		}
	}
	return nil
}

// attachedBrief checks a /brief add attachment before fetching it, then
// fetches and parses it as a load would. When it cannot, it has replied
// and returns ok false.
func (b *Bot) attachedBrief(ctx context.Context, w *ResponseWriter, r *Request, sub *discordgo.ApplicationCommandInteractionDataOption,
	exists func(name string) bool) (name string, text []byte, ok bool, err error) {
	id, _ := subOption(sub, "file").(string)
	replace, _ := subOption(sub, "replace").(bool)
	data := r.ApplicationCommandData()
	var att *discordgo.MessageAttachment
	if data.Resolved != nil {
		att = data.Resolved.Attachments[id]
	}
	if att == nil {
		return "", nil, false, w.Reply(Message{Content: "Attach the brief as a .txt file.", Ephemeral: true})
	}
	name, refusal := briefFileName(att.Filename)
	if refusal != "" {
		return "", nil, false, w.Reply(Message{Content: refusal, Ephemeral: true})
	}
	if ct := strings.ToLower(att.ContentType); ct != "" && !strings.HasPrefix(ct, "text/plain") {
		return "", nil, false, w.Reply(Message{Content: fmt.Sprintf("A brief is plain text; that file is %s.", escape(att.ContentType)), Ephemeral: true})
	}
	if att.Size > facts.MaxBriefSize {
		return "", nil, false, w.Reply(Message{Content: fmt.Sprintf("A brief may be at most %d MiB; that file is %.1f MiB.",
			facts.MaxBriefSize>>20, float64(att.Size)/(1<<20)), Ephemeral: true})
	}
	if exists(name) && !replace {
		return "", nil, false, w.Reply(Message{Content: fmt.Sprintf("A brief named `%s` exists; add it again with `replace: True` to replace it.", name), Ephemeral: true})
	}
	if err := w.Defer(true); err != nil {
		return "", nil, false, err
	}
	text, err = b.download(ctx, att.URL)
	if err != nil {
		b.log.Error("download brief", "file", att.Filename, "user", r.UserID(), "err", err)
		return "", nil, false, w.Reply(Message{Content: "I could not download that file from Discord; try again.", Ephemeral: true})
	}
	if _, err := facts.ParseBrief(name+".txt", strings.NewReader(string(text))); err != nil {
		b.log.Info("brief refused", "file", att.Filename, "user", r.UserID(), "err", err)
		return "", nil, false, w.Reply(Message{Content: "Nothing was added: " + escape(clip(err.Error(), 1500)), Ephemeral: true})
	}
	return name, text, true, nil
}

// addBrief adds an attached brief to the shared ones: written into
// BRIEFS_DIR and reloaded as one transaction (changeShared).
func (b *Bot) addBrief(ctx context.Context, w *ResponseWriter, r *Request, sub *discordgo.ApplicationCommandInteractionDataOption) error {
	exists := func(name string) bool {
		file, _ := sameNamed(b.cfg.BriefsDir, name)
		return file != ""
	}
	name, text, ok, err := b.attachedBrief(ctx, w, r, sub, exists)
	if !ok {
		return err
	}
	replace, _ := subOption(sub, "replace").(bool)
	d, err := b.changeShared(addFile(b.cfg.BriefsDir, name, text, replace))
	if err == nil {
		b.log.Info("brief added", "brief", name, "user", r.UserID(), "guild", r.GuildID, "replace", replace)
	}
	return b.replyChange(ctx, w, r, "added", name, d, err)
}

// download fetches an attachment, refusing one larger than a brief may be
// whatever its size claimed.
func (b *Bot) download(ctx context.Context, url string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, downloadTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := b.web.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, facts.MaxBriefSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > facts.MaxBriefSize {
		return nil, errors.New("larger than a brief may be")
	}
	return data, nil
}

// briefFileName turns an attachment's file name into a brief's: its base
// name without ".txt", lower case, letters and digits with single dashes.
// It cannot name a path, a hidden file, or another extension. A name it
// cannot make gives refusal, the sentence to show the admin.
func briefFileName(file string) (name, refusal string) {
	base := path.Base(strings.ReplaceAll(file, "\\", "/"))
	stem, ext := strings.TrimSuffix(base, path.Ext(base)), strings.ToLower(path.Ext(base))
	if ext != ".txt" {
		return "", fmt.Sprintf("A brief is a .txt file; `%s` is not.", escape(clip(base, 100)))
	}
	name = slug(stem, 80)
	if name == "" {
		return "", fmt.Sprintf("The file name `%s` has no letters or digits to name the brief by.", escape(clip(base, 100)))
	}
	return name, ""
}

// removeBrief moves a loaded brief into BRIEFS_DIR/.trash (hidden folders
// are not loaded) and reloads, as one transaction (changeShared).
func (b *Bot) removeBrief(ctx context.Context, w *ResponseWriter, r *Request, sub *discordgo.ApplicationCommandInteractionDataOption) error {
	name, _ := subOption(sub, "name").(string)
	briefs := b.store.Base().Briefs()
	var file string
	for _, bi := range briefs {
		if bi.Name == name {
			file = bi.File
		}
	}
	if file == "" {
		return w.Reply(Message{Content: fmt.Sprintf("No brief named `%s` is loaded.", escape(clip(name, 100))), Ephemeral: true})
	}
	if err := w.Defer(true); err != nil {
		return err
	}
	d, err := b.changeShared(removeFile(b.cfg.BriefsDir, file, func() int { return len(b.store.Base().Briefs()) }))
	if err == nil {
		b.log.Info("brief removed", "brief", name, "user", r.UserID(), "guild", r.GuildID)
	}
	return b.replyChange(ctx, w, r, "removed", name, d, err)
}

// replyChange tells the admin who changed the shared briefs what became
// of it: done, with the reload's diff, or not done at all, and why.
func (b *Bot) replyChange(ctx context.Context, w *ResponseWriter, r *Request, verb, name string, d facts.Diff, err error) error {
	nothing := "Nothing was " + verb + ": "
	var undo *undoError
	switch {
	case err == nil:
		m := reloadMessage(d, nil)
		if live := b.liveOn(ctx, d.NewVersion); live != "" {
			m.Content += "\n" + live
		}
		return w.Reply(m)
	case errors.Is(err, ErrReloading):
		return w.Reply(Message{Content: nothing + "a reload or another change of the briefs is running; try again when it has finished.", Ephemeral: true})
	case errors.Is(err, errBriefExists):
		return w.Reply(Message{Content: fmt.Sprintf("A brief named `%s` exists; add it again with `replace: True` to replace it.", name), Ephemeral: true})
	case errors.Is(err, errLastBrief):
		return w.Reply(Message{Content: fmt.Sprintf("`%s` is the only shared brief, and the bot cannot start with none; add another first.", escape(clip(name, 100))), Ephemeral: true})
	case errors.Is(err, errNoSuchBrief):
		return w.Reply(Message{Content: fmt.Sprintf("No brief named `%s` is in the briefs folder any more.", escape(clip(name, 100))), Ephemeral: true})
	case errors.As(err, &undo):
		b.log.Error("a brief change failed and could not be undone; check BRIEFS_DIR before the next start",
			"brief", name, "change", verb, "user", r.UserID(), "err", err)
		return w.Reply(Message{Content: "That change failed and could not be undone; the operator's log says why. The facts already loaded are still being served.", Ephemeral: true})
	case errors.Is(err, facts.ErrNoBriefs), isLoadError(err):
		b.log.Info("brief change refused: the folder would not load", "brief", name, "change", verb, "user", r.UserID(), "err", err)
		return w.Reply(Message{Content: nothing + "with it the briefs folder would not load.\n" + describeLoadError(err), Ephemeral: true})
	}
	b.log.Error("change the shared briefs", "brief", name, "change", verb, "user", r.UserID(), "err", err)
	return w.Reply(Message{Content: nothing + "I could not change the briefs folder; the operator's log says why.", Ephemeral: true})
}

// isLoadError reports whether err lists bad briefs.
func isLoadError(err error) bool {
	var le *facts.LoadError
	return errors.As(err, &le)
}

// completeBrief offers, for /brief remove, this server's briefs, or the
// shared ones when shared: True is set.
func (b *Bot) completeBrief(ctx context.Context, w *ResponseWriter, r *Request) error {
	sub := subcommand(r)
	typed := ""
	shared := b.cfg.Library == nil
	if sub != nil {
		for _, o := range sub.Options {
			if o.Focused {
				typed, _ = o.Value.(string)
			}
		}
		on, _ := subOption(sub, "shared").(bool)
		shared = shared || on
	}
	var names []string
	if shared {
		for _, bi := range b.store.Base().Briefs() {
			names = append(names, bi.Name)
		}
	} else if r.GuildID != "" {
		kept, err := b.cfg.Library.Briefs(ctx, r.GuildID)
		if err != nil {
			b.log.Warn("read a server's briefs for autocomplete", "guild", r.GuildID, "err", err)
		}
		for _, k := range kept {
			names = append(names, k.Name)
		}
	}
	var choices []*discordgo.ApplicationCommandOptionChoice
	for _, n := range names {
		if len(choices) < maxChoices && strings.Contains(strings.ToLower(n), strings.ToLower(strings.TrimSpace(typed))) {
			choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: n, Value: n})
		}
	}
	return w.Choices(choices)
}
