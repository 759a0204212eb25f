package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
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

// addBrief adds an attached brief to the shared ones: written atomically
// into BRIEFS_DIR, then reloaded.
func (b *Bot) addBrief(ctx context.Context, w *ResponseWriter, r *Request, sub *discordgo.ApplicationCommandInteractionDataOption) error {
	exists := func(name string) bool {
		_, err := os.Stat(filepath.Join(b.cfg.BriefsDir, name+".txt"))
		return err == nil
	}
	name, text, ok, err := b.attachedBrief(ctx, w, r, sub, exists)
	if !ok {
		return err
	}
	target := filepath.Join(b.cfg.BriefsDir, name+".txt")
	if err := writeAtomically(target, text); err != nil {
		b.log.Error("write brief", "path", target, "err", err)
		return w.Reply(Message{Content: "I could not save the brief; the operator's log says why.", Ephemeral: true})
	}
	replace, _ := subOption(sub, "replace").(bool)
	b.log.Info("brief added", "brief", name, "user", r.UserID(), "guild", r.GuildID, "replace", replace)
	return b.replyReload(ctx, w, r)
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

// writeAtomically writes data to path through a hidden temporary file in
// the same directory, synced and renamed, so the briefs directory never
// holds half a brief, even if the machine stops mid-write.
func writeAtomically(target string, data []byte) error {
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, ".brief-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // gone after the rename; cleans up after a failure
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // the rename itself survives a crash
		d.Close()
	}
	return nil
}

// removeBrief moves a loaded brief into BRIEFS_DIR/.trash (hidden folders
// are not loaded) and reloads.
func (b *Bot) removeBrief(ctx context.Context, w *ResponseWriter, r *Request, sub *discordgo.ApplicationCommandInteractionDataOption) error {
	name, _ := subOption(sub, "name").(string)
	var file string
	for _, bi := range b.store.Base().Briefs() {
		if bi.Name == name {
			file = bi.File
		}
	}
	if file == "" {
		return w.Reply(Message{Content: fmt.Sprintf("No brief named `%s` is loaded.", escape(clip(name, 100))), Ephemeral: true})
	}
	src := filepath.Join(b.cfg.BriefsDir, filepath.FromSlash(file))
	trash := filepath.Join(b.cfg.BriefsDir, ".trash")
	if err := os.MkdirAll(trash, 0o755); err != nil {
		return fmt.Errorf("make %s: %w", trash, err)
	}
	var rnd [4]byte
	_, _ = rand.Read(rnd[:])
	dst := filepath.Join(trash, strings.ReplaceAll(name, "/", "-")+"-"+time.Now().UTC().Format("20060102T150405")+"-"+hex.EncodeToString(rnd[:])+".txt")
	if err := os.Rename(src, dst); err != nil {
		b.log.Error("remove brief", "path", src, "err", err)
		return w.Reply(Message{Content: "I could not remove that brief; the operator's log says why.", Ephemeral: true})
	}
	if err := w.Defer(true); err != nil {
		return err
	}
	b.log.Info("brief removed", "brief", name, "to", dst, "user", r.UserID(), "guild", r.GuildID)
	return b.replyReload(ctx, w, r)
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
