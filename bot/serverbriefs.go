package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot/library"
	"github.com/briefbot/briefbot/facts"
)

// maxServerBriefs is how many briefs one server may keep. More lets a
// server keep a longer archive; fewer bounds what one server's managers
// can make every process hold (each brief up to facts.MaxBriefSize).
const maxServerBriefs = 50

// mayManageServer decides who may change one server's own briefs and
// settings: its members with Manage Server or Administrator, and the
// bot's admins (ADMIN_USER_IDS, ADMIN_ROLE_IDS). Unlike the shared
// briefs, no home-server rule applies: a server's briefs reach no other.
func (b *Bot) mayManageServer(r *Request) bool {
	return b.isBotAdmin(r) || isManager(r)
}

// storeDownText tells a manager a change could not be kept.
const storeDownText = "The briefs store is unavailable, so nothing was changed; please try again in a minute."

// addServerBrief keeps an attached brief as one of this server's.
func (b *Bot) addServerBrief(ctx context.Context, w *ResponseWriter, r *Request, sub *discordgo.ApplicationCommandInteractionDataOption) error {
	kept, err := b.cfg.Library.Briefs(ctx, r.GuildID)
	if err != nil {
		b.log.Error("read a server's briefs", "guild", r.GuildID, "err", err)
		return w.Reply(Message{Content: storeDownText, Ephemeral: true})
	}
	exists := func(name string) bool {
		return slices.ContainsFunc(kept, func(k library.Brief) bool { return k.Name == name })
	}
	replace, _ := subOption(sub, "replace").(bool)
	if len(kept) >= maxServerBriefs && !replace {
		return w.Reply(Message{Content: fmt.Sprintf("This server keeps %d briefs, the most it may; remove one first.", len(kept)), Ephemeral: true})
	}
	name, text, ok, err := b.attachedBrief(ctx, w, r, sub, exists)
	if !ok {
		return err
	}
	return b.keepServerBrief(ctx, w, r, library.Brief{Guild: r.GuildID, Name: name, Text: string(text),
		AddedBy: r.UserID(), Added: b.now().UTC()}, replace)
}

// keepServerBrief stores a parsed brief of the server's and tells the
// manager what it now answers from.
func (b *Bot) keepServerBrief(ctx context.Context, w *ResponseWriter, r *Request, br library.Brief, replace bool) error {
	err := b.cfg.Library.PutBrief(ctx, br, replace)
	switch {
	case errors.Is(err, library.ErrExists):
		return w.Reply(Message{Content: fmt.Sprintf("A brief named `%s` exists; add it again with `replace: True` to replace it.", br.Name), Ephemeral: true})
	case err != nil:
		b.log.Error("store a server's brief", "guild", r.GuildID, "brief", br.Name, "err", err)
		return w.Reply(Message{Content: storeDownText, Ephemeral: true})
	}
	b.servers.forget(r.GuildID)
	b.log.Info("server brief added", "guild", r.GuildID, "brief", br.Name, "user", r.UserID(), "replace", replace)
	base, err := b.servers.base(ctx, r.GuildID)
	if err != nil {
		return w.Reply(Message{Content: fmt.Sprintf("Added `%s`; it will be answered from as soon as the store can be read.", br.Name), Ephemeral: true})
	}
	n := 0
	for _, bi := range base.Briefs() {
		if bi.Name == br.Name {
			n = bi.Facts
		}
	}
	verb := "Added"
	if replace {
		verb = "Added or replaced"
	}
	return w.Reply(Message{Content: fmt.Sprintf("%s `%s` (%d facts) to this server's briefs; questions here are answered from it now.",
		verb, br.Name, n), Ephemeral: true})
}

// removeServerBrief removes one of this server's briefs.
func (b *Bot) removeServerBrief(ctx context.Context, w *ResponseWriter, r *Request, sub *discordgo.ApplicationCommandInteractionDataOption) error {
	name, _ := subOption(sub, "name").(string)
	err := b.cfg.Library.RemoveBrief(ctx, r.GuildID, name)
	switch {
	case errors.Is(err, library.ErrNotFound):
		msg := fmt.Sprintf("This server keeps no brief named `%s`.", escape(clip(name, 100)))
		if slices.ContainsFunc(b.store.Base().Briefs(), func(bi facts.BriefInfo) bool { return bi.Name == name }) {
			msg += " It is a shared brief: `/brief shared enabled: False` stops this server reading the shared briefs."
		}
		return w.Reply(Message{Content: msg, Ephemeral: true})
	case err != nil:
		b.log.Error("remove a server's brief", "guild", r.GuildID, "brief", name, "err", err)
		return w.Reply(Message{Content: storeDownText, Ephemeral: true})
	}
	b.servers.forget(r.GuildID)
	b.log.Info("server brief removed", "guild", r.GuildID, "brief", name, "user", r.UserID())
	return w.Reply(Message{Content: fmt.Sprintf("Removed `%s` from this server's briefs.", escape(clip(name, 100))), Ephemeral: true})
}

// setShared turns the shared briefs on or off for this server.
func (b *Bot) setShared(ctx context.Context, w *ResponseWriter, r *Request, sub *discordgo.ApplicationCommandInteractionDataOption) error {
	enabled, _ := subOption(sub, "enabled").(bool)
	set, err := b.cfg.Library.Settings(ctx, r.GuildID)
	if err == nil {
		set.NoShared = !enabled
		err = b.cfg.Library.PutSettings(ctx, set)
	}
	if err != nil {
		b.log.Error("change a server's settings", "guild", r.GuildID, "err", err)
		return w.Reply(Message{Content: storeDownText, Ephemeral: true})
	}
	b.servers.forget(r.GuildID)
	b.log.Info("shared briefs switched", "guild", r.GuildID, "enabled", enabled, "user", r.UserID())
	if enabled {
		return w.Reply(Message{Content: "This server now reads the shared briefs as well as its own.", Ephemeral: true})
	}
	return w.Reply(Message{Content: "This server now answers from its own briefs alone.", Ephemeral: true})
}

// listBriefs shows anyone the briefs their server's questions are
// answered from: its own, with who added them, then the shared ones.
func (b *Bot) listBriefs(ctx context.Context, w *ResponseWriter, r *Request) error {
	base, err := b.servers.base(ctx, r.GuildID)
	if err != nil {
		return w.Reply(Message{Content: libraryDownText, Ephemeral: true})
	}
	var kept []library.Brief
	if b.cfg.Library != nil && r.GuildID != "" {
		if kept, err = b.cfg.Library.Briefs(ctx, r.GuildID); err != nil {
			b.log.Error("read a server's briefs", "guild", r.GuildID, "err", err)
			return w.Reply(Message{Content: libraryDownText, Ephemeral: true})
		}
	}
	return w.Reply(Message{Content: briefList(base, kept), Ephemeral: true})
}

// briefList lists base's briefs, this server's own (kept) first.
func briefList(base *facts.Base, kept []library.Brief) string {
	own := map[string]library.Brief{}
	for _, k := range kept {
		own[k.Name] = k
	}
	line := func(bi facts.BriefInfo) string {
		s := "• **" + escape(clip(bi.Title, 100)) + "** (`" + bi.Name + "`)"
		if bi.Date != "" {
			s += ", " + bi.Date
		}
		s += fmt.Sprintf(", %d facts", bi.Facts)
		if k, ok := own[bi.Name]; ok && k.AddedBy != "" {
			s += ", added by <@" + k.AddedBy + ">"
		}
		return s + "\n"
	}
	var mine, shared strings.Builder
	for _, bi := range base.Briefs() {
		if _, ok := own[bi.Name]; ok {
			mine.WriteString(line(bi))
		} else {
			shared.WriteString(line(bi))
		}
	}
	var out strings.Builder
	if len(kept) > 0 {
		fmt.Fprintf(&out, "**This server's briefs** (%d)\n%s", len(kept), mine.String())
	}
	if shared.Len() > 0 {
		out.WriteString("**Shared briefs**\n" + shared.String())
	}
	if out.Len() == 0 {
		return "This server has no briefs. Its managers can add one with `/brief add`, or read the shared ones with `/brief shared enabled: True`."
	}
	return clip(out.String(), 1900)
}
