package bot

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/talk"
)

// Colours of the embeds: answers blue, tentative answers amber (more
// likely wrong than right: facts.Answer.Tentative), listings grey.
const (
	colorAnswer    = 0x2b6cb0
	colorTentative = 0xd69e2e
	colorListing   = 0x718096
)

// Budgets that keep one long sentence from crowding out the citation.
const (
	quoteBudget   = 1500
	relatedBudget = 450
	pageFacts     = 10
	lineBudget    = 3800 / pageFacts
	// relatedMin is the match a fact needs to be shown as related: below
	// it, facts share a word or two with the question and little else.
	relatedMin = 0.5
)

// replyMessage renders a reply of any kind: an answer with its feedback
// buttons (answerID names it), a summary with each sentence cited, or the
// plain text of small talk, a request to clarify, a note on language.
func replyMessage(r talk.Reply, answerID string) Message {
	if len(r.Parts) > 0 {
		var m Message
		var texts []string
		for i, p := range r.Parts {
			pm := replyMessage(p, answerID+"."+strconv.Itoa(i+1))
			if pm.Content != "" {
				texts = append(texts, pm.Content)
			}
			m.Embeds = append(m.Embeds, pm.Embeds...)
			m.Components = append(m.Components, pm.Components...)
		}
		m.Content = strings.Join(texts, "\n")
		return m
	}
	switch r.Kind {
	case talk.KindSmalltalk, talk.KindClarify, talk.KindLanguage:
		return Message{Content: escape(r.Text)}
	case talk.KindSummary:
		return summaryMessage(r)
	}
	m := withFeedback(answerMessage(r.Answer), r.Answer, answerID)
	for _, o := range r.Others {
		if len(m.Embeds) == 0 {
			break
		}
		f := o.Results[0].Fact
		short := ""
		if o.Short != "" {
			short = "**" + escape(clip(o.Short, 200)) + "**\n"
		}
		m.Content = escape(r.Text)
		m.Embeds[0].Fields = append(m.Embeds[0].Fields, &discordgo.MessageEmbedField{
			Name: clip("Also in "+escape(briefLabel(f.Citation)), maxFieldName),
			Value: short + "> " + escapeClip(f.Text, relatedBudget) +
				fmt.Sprintf("\n— paragraph %d, sentence %d", f.Citation.Paragraph, f.Citation.Sentence),
		})
	}
	return m
}

// summaryMessage lists a summary's sentences, each with its citation.
func summaryMessage(r talk.Reply) Message {
	if len(r.Summary) == 0 {
		return Message{Content: escape(r.Text)}
	}
	lines := make([]string, len(r.Summary))
	for i, f := range r.Summary {
		c := f.Citation
		lines[i] = fmt.Sprintf("> %s\n— *%s*, paragraph %d · %s", escapeClip(f.Text, relatedBudget), escapeClip(c.Title, 80),
			c.Paragraph, sourceLink(c.Source))
	}
	return Message{Embeds: []*discordgo.MessageEmbed{{
		Title:       clip(escape(r.Text), maxTitle),
		Description: strings.Join(lines, "\n"),
		Color:       colorListing,
	}}}
}

// answerMessage renders the matcher's answer: an embed with the short
// answer as title, the quoted sentence with the matched words in bold, its
// citation and up to two related facts; or plainly that the brief does
// not say, with up to three suggestions.
func answerMessage(a facts.Answer) Message {
	if !a.Answered || len(a.Results) == 0 {
		var b strings.Builder
		b.WriteString(a.Explain())
		if a.Problem == facts.ProblemNone && len(a.Suggestions) > 0 {
			n := min(3, len(a.Suggestions))
			items := make([]string, n)
			for i, s := range a.Suggestions[:n] {
				items[i] = "**" + escape(clip(s, 200)) + "**"
			}
			b.WriteString("\nYou could ask about: " + strings.Join(items, ", ") + ".")
		}
		return Message{Content: b.String()}
	}
	top := a.Results[0]
	description, color := "> "+quote(top, quoteBudget), colorAnswer
	if a.Tentative() {
		description, color = "*"+facts.TentativeText+"*\n"+description, colorTentative
	}
	e := &discordgo.MessageEmbed{
		Author:      &discordgo.MessageEmbedAuthor{Name: clip("From "+briefLabel(top.Fact.Citation), maxAuthor)},
		Title:       escape(a.Short),
		Description: description,
		Color:       color,
		Fields: []*discordgo.MessageEmbedField{{
			Name:  "Source",
			Value: citation(top.Fact),
		}},
		Footer: &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("Confidence %.2f", a.Confidence)},
	}
	var related []string
	for _, r := range a.Results[1:] {
		if len(related) == 2 {
			break
		}
		if r.Confidence < relatedMin || r.Fact.SameAs == top.Fact.ID || top.Fact.SameAs == r.Fact.ID {
			continue
		}
		c := r.Fact.Citation
		where := fmt.Sprintf("paragraph %d, sentence %d", c.Paragraph, c.Sentence)
		if c.Brief != top.Fact.Citation.Brief {
			where = "*" + escapeClip(c.Title, 80) + "*, " + where
		}
		related = append(related, "> "+escapeClip(r.Fact.Text, relatedBudget)+"\n— "+where)
	}
	if len(related) > 0 {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Related", Value: strings.Join(related, "\n")})
	}
	return Message{Embeds: []*discordgo.MessageEmbed{e}}
}

// quote renders a fact's sentence with the words the question matched in
// bold, the rest escaped so that the brief's own characters never turn
// into markdown.
func quote(r facts.Result, budget int) string {
	text := clip(r.Fact.Text, budget)
	spans := mergeSpans(r.Highlights, text)
	var b strings.Builder
	at := 0
	for _, s := range spans {
		b.WriteString(escape(text[at:s.Start]))
		b.WriteString("**" + escape(text[s.Start:s.End]) + "**")
		at = s.End
	}
	b.WriteString(escape(text[at:]))
	return b.String()
}

// mergeSpans sorts highlight spans, drops those outside text, and joins
// spans separated only by spaces so "Olof Skoog" is bold once.
func mergeSpans(in []facts.Span, text string) []facts.Span {
	spans := make([]facts.Span, 0, len(in))
	for _, s := range in {
		if s.Start >= 0 && s.Start < s.End && s.End <= len(text) {
			spans = append(spans, s)
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var out []facts.Span
	for _, s := range spans {
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		if n := len(out); n > 0 && strings.TrimSpace(text[out[n-1].End:s.Start]) == "" {
			out[n-1].End = s.End
			continue
		}
		out = append(out, s)
	}
	return out
}

// markdownChars are escaped in text from briefs and users.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, `*`, `\*`, `_`, `\_`, `~`, `\~`, "`", "\\`", `|`, `\|`,
	`>`, `\>`, `<`, `\<`, `[`, `\[`, `]`, `\]`, `#`, `\#`, "\n", " ",
)

func escape(s string) string { return markdownEscaper.Replace(s) }

// citation formats where a fact stands: the brief's title, paragraph and
// sentence, then the source host as a link, the brief's file name and the
// fact id, so a reader can check the sentence and an admin find the file.
func citation(f facts.Fact) string {
	c := f.Citation
	return fmt.Sprintf("*%s*, paragraph %d, sentence %d\n%s · brief `%s` · fact `%s`",
		escape(briefLabel(c)), c.Paragraph, c.Sentence, sourceLink(c.Source), strings.ReplaceAll(c.Brief, "`", "'"), f.ID)
}

// briefLabel names a fact's brief for people: its title, and its date
// when known, so that with several briefs each answer says which news it
// comes from.
func briefLabel(c facts.Citation) string {
	if c.Date == "" {
		return c.Title
	}
	return c.Title + " (" + c.Date + ")"
}

func sourceLink(host string) string {
	if host == "" {
		return "source unknown"
	}
	if !isHost(host) {
		return escape(host)
	}
	return "[" + host + "](https://" + host + ")"
}

// isHost accepts what a brief's "Original Source:" line reduces to: a host
// name, optionally with a port. Anything else is shown as text, not linked.
func isHost(s string) bool {
	if len(s) > 253 || strings.HasPrefix(s, ".") || strings.HasPrefix(s, "-") {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == ':') {
			return false
		}
	}
	return strings.Contains(s, ".")
}

// factLine is one fact in a listing: id, sentence and where it stands,
// at most lineBudget bytes however much markdown the sentence escapes.
func factLine(f facts.Fact, withBrief bool) string {
	c := f.Citation
	where := fmt.Sprintf(" — ¶%d s%d", c.Paragraph, c.Sentence)
	if withBrief {
		where = " — " + escapeClip(c.Title, 60) + where[len(" —"):]
	}
	head := "`" + f.ID + "` "
	return head + escapeClip(f.Text, lineBudget-len(head)-len(where)) + where
}

// escapeClip escapes s for markdown and cuts the result to n bytes, never
// between a backslash and the character it escapes.
func escapeClip(s string, n int) string {
	e := escape(s)
	if len(e) <= n {
		return e
	}
	var b strings.Builder
	for _, r := range s {
		piece := escape(string(r))
		if b.Len()+len(piece)+len(ellipsis) > n {
			break
		}
		b.WriteString(piece)
	}
	return strings.TrimRight(b.String(), " ") + ellipsis
}

// factsPrefix starts the custom id of the /facts page buttons.
const factsPrefix = "facts"

// factsPage renders page (0-based, clamped) of the facts on topic, or of
// every fact when topic is empty, with buttons to turn the pages. A page
// holds pageFacts facts, each line at most lineBudget bytes, so a page of
// every fact is cut from the base without formatting the rest.
func factsPage(base *facts.Base, topic string, page int) Message {
	var list []facts.Fact
	total := base.Len()
	title := "All facts"
	if topic != "" {
		title = "Facts on “" + escape(topic) + "”"
		found := base.Search(topic, 50)
		total = len(found)
		for _, r := range found {
			list = append(list, r.Fact)
		}
	}
	if total == 0 {
		msg := "I have no facts on “" + escape(topic) + "”."
		if t := base.Topics(); len(t) > 0 {
			msg += " Try: " + escape(strings.Join(t[:min(5, len(t))], ", ")) + "."
		}
		return Message{Content: msg}
	}
	pages := (total + pageFacts - 1) / pageFacts
	page = max(0, min(page, pages-1))
	if topic == "" {
		list = base.FactsRange(page*pageFacts, (page+1)*pageFacts)
	} else {
		list = list[page*pageFacts : min(len(list), (page+1)*pageFacts)]
	}
	withBrief := len(base.Briefs()) > 1
	lines := make([]string, len(list))
	for i, f := range list {
		lines[i] = factLine(f, withBrief)
	}
	e := &discordgo.MessageEmbed{
		Title:       title,
		Description: strings.Join(lines, "\n"),
		Color:       colorListing,
		Footer: &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("Page %d of %d · %d facts · version %s",
			page+1, pages, total, shortVersion(base.Version()))},
	}
	m := Message{Embeds: []*discordgo.MessageEmbed{e}}
	if pages > 1 {
		m.Components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Previous", Style: discordgo.SecondaryButton, CustomID: pageID(page-1, topic), Disabled: page == 0},
			discordgo.Button{Label: "Next", Style: discordgo.PrimaryButton, CustomID: pageID(page+1, topic), Disabled: page == pages-1},
		}}}
	}
	return m
}

// pageID encodes a page turn in a button's custom id, which Discord caps
// at 100 characters: the topic is cut to fit.
func pageID(page int, topic string) string {
	p := factsPrefix + ":" + strconv.Itoa(page) + ":"
	return p + cutRunes(topic, maxCustomID-len(p))
}

// parsePageID reverses pageID.
func parsePageID(id string) (page int, topic string, ok bool) {
	rest, found := strings.CutPrefix(id, factsPrefix+":")
	if !found {
		return 0, "", false
	}
	num, topic, found := strings.Cut(rest, ":")
	if !found {
		return 0, "", false
	}
	page, err := strconv.Atoi(num)
	if err != nil {
		return 0, "", false
	}
	return page, topic, true
}

func shortVersion(v string) string { return cutRunes(v, 12) }

// sourceMessage describes the loaded briefs for /source.
func sourceMessage(base *facts.Base, loaded time.Time, version string) Message {
	briefs := base.Briefs()
	e := &discordgo.MessageEmbed{
		Title: "What I know",
		Description: fmt.Sprintf("**%d** brief%s · **%d** facts\nLoaded <t:%d:R>\nFact base version `%s`",
			len(briefs), plural(len(briefs)), base.Len(), loaded.Unix(), shortVersion(base.Version())),
		Color:  colorListing,
		Footer: &discordgo.MessageEmbedFooter{Text: "briefbot " + version},
	}
	for i, b := range briefs {
		if i == maxFields-1 && len(briefs) > maxFields {
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "…", Value: fmt.Sprintf("and %d more briefs", len(briefs)-i)})
			break
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
			Name:  escape(b.Title),
			Value: fmt.Sprintf("`%s` · %d facts · %s", escape(b.Name), b.Facts, sourceLink(b.Source)),
		})
	}
	return Message{Embeds: []*discordgo.MessageEmbed{e}}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// helpMessage explains how to ask, what the bot knows and its commands.
func helpMessage(base *facts.Base) Message {
	var titles []string
	for _, b := range base.Briefs() {
		titles = append(titles, "“"+escape(b.Title)+"”")
	}
	knows := strings.Join(titles[:min(3, len(titles))], ", ")
	if len(titles) > 3 {
		knows += fmt.Sprintf(" and %d more briefs", len(titles)-3)
	}
	var examples []string
	for _, q := range exampleQuestions(base.Complete("", 60), 3) {
		examples = append(examples, "• "+escape(q))
	}
	desc := "I answer questions about " + escape(knows) + " with the sentence that says so and where it stands " +
		"(brief, paragraph, sentence, source). When the brief doesn't say, I tell you so rather than guess.\n\n" +
		"**Ask** with `/ask`, by mentioning me in a message, or in a DM."
	if len(examples) > 0 {
		desc += "\n\n**For example**\n" + strings.Join(examples, "\n")
	}
	if t := base.Topics(); len(t) > 0 {
		desc += "\n\n**Topics:** " + escape(strings.Join(t[:min(8, len(t))], ", "))
	}
	e := &discordgo.MessageEmbed{
		Title:       "How to ask briefbot",
		Description: desc,
		Color:       colorListing,
		Fields: []*discordgo.MessageEmbedField{{
			Name: "Commands",
			Value: "`/ask question: [brief:]` answer a question; follow-ups such as “when?” work (`private:True` to see it alone)\n" +
				"`/summary [brief:]` the briefs in a few cited sentences\n" +
				"`/facts [topic:]` list the facts, on a topic or all\n" +
				"`/source` the briefs loaded, their sources and version\n" +
				"`/help` this message\n" +
				"Managers: `/reload`, `/brief add|remove`, `/unanswered`, `/feedback`\n" +
				"Under each answer: 👍 Helpful / 👎 Wrong",
		}},
	}
	return Message{Embeds: []*discordgo.MessageEmbed{e}, Ephemeral: true}
}

// exampleQuestions picks up to n questions of different kinds (who, when,
// where first), so the examples show the range of what can be asked.
func exampleQuestions(completions []string, n int) []string {
	var out []string
	used := map[string]bool{}
	for _, kind := range []string{"Who ", "When ", "Where ", ""} {
		for _, q := range completions {
			if len(out) == n {
				return out
			}
			if strings.HasSuffix(q, "?") && strings.HasPrefix(q, kind) && !used[q] {
				used[q] = true
				out = append(out, q)
				if kind != "" {
					break
				}
			}
		}
	}
	return out
}

// reloadMessage reports a finished reload: what changed, or every bad file.
func reloadMessage(d facts.Diff, err error) Message {
	if err != nil {
		return Message{Content: "Reload failed; the facts already loaded are still being served.\n" + describeLoadError(err), Ephemeral: true}
	}
	if !d.Changed() {
		return Message{Content: fmt.Sprintf("Reloaded: nothing changed (version `%s`, %d facts).", shortVersion(d.NewVersion), d.FactsKept), Ephemeral: true}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Reloaded: version `%s` → `%s`.\n", shortVersion(d.OldVersion), shortVersion(d.NewVersion))
	list := func(label string, names []string) {
		if len(names) > 0 {
			fmt.Fprintf(&b, "Briefs %s: %s\n", label, escape(strings.Join(names, ", ")))
		}
	}
	list("added", d.BriefsAdded)
	list("removed", d.BriefsRemoved)
	list("changed", d.BriefsChanged)
	fmt.Fprintf(&b, "Facts: %d added, %d removed, %d unchanged.", d.FactsAdded, d.FactsRemoved, d.FactsKept)
	return Message{Content: b.String(), Ephemeral: true}
}

// describeLoadError lists each bad brief on its own line, or the one cause.
func describeLoadError(err error) string {
	var le *facts.LoadError
	if errors.As(err, &le) {
		lines := make([]string, len(le.Errs))
		for i, e := range le.Errs {
			lines[i] = "• " + escape(e.Error())
		}
		return fmt.Sprintf("%d bad brief%s:\n%s", len(le.Errs), plural(len(le.Errs)), strings.Join(lines, "\n"))
	}
	return escape(err.Error())
}
