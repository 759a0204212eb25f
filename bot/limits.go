package bot

import (
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// Discord's documented limits on what a bot may send. Lengths are measured
// here in bytes, which is never less than Discord's count (code points or
// UTF-16 units), so a reply cut to fit can never be refused.
const (
	maxContent     = 2000
	maxTitle       = 256
	maxDescription = 4096
	maxFieldName   = 256
	maxFieldValue  = 1024
	maxFooter      = 2048
	maxAuthor      = 256
	maxFields      = 25
	maxEmbeds      = 10
	maxEmbedTotal  = 6000
	maxChoices     = 25
	maxChoiceLen   = 100
	maxCustomID    = 100
	maxButtonLabel = 80
)

// ellipsis marks text that was cut to fit.
const ellipsis = "…"

// clip shortens s to at most n bytes, cutting at a word boundary when one is
// near, never inside a UTF-8 sequence, and marking the cut with an ellipsis.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if n <= len(ellipsis) {
		return cutRunes(s, n)
	}
	cut := cutRunes(s, n-len(ellipsis))
	if next := s[len(cut)]; next == ' ' || next == '\n' {
		return strings.TrimRight(cut, " \n") + ellipsis
	}
	if i := strings.LastIndexAny(cut, " \n"); i > len(cut)*4/5 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " \n") + ellipsis
}

// cutRunes returns the longest prefix of s of at most n bytes that ends on a
// rune boundary.
func cutRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// fitMessage cuts a message to Discord's limits: content, each embed part,
// field count, embed count, and the 6000 total across embeds (taken from
// the descriptions and then the fields of the last embeds first).
func fitMessage(m *Message) {
	m.Content = clip(m.Content, maxContent)
	if len(m.Embeds) > maxEmbeds {
		m.Embeds = m.Embeds[:maxEmbeds]
	}
	total := 0
	for _, e := range m.Embeds {
		fitEmbed(e)
		total += embedSize(e)
	}
	for i := len(m.Embeds) - 1; i >= 0 && total > maxEmbedTotal; i-- {
		e := m.Embeds[i]
		for len(e.Fields) > 0 && total > maxEmbedTotal {
			f := e.Fields[len(e.Fields)-1]
			total -= len(f.Name) + len(f.Value)
			e.Fields = e.Fields[:len(e.Fields)-1]
		}
		if over := total - maxEmbedTotal; over > 0 {
			keep := max(len(e.Description)-over, 0)
			total -= len(e.Description)
			e.Description = clip(e.Description, keep)
			total += len(e.Description)
		}
		if total > maxEmbedTotal {
			total -= embedSize(e)
			m.Embeds = m.Embeds[:i]
		}
	}
	if m.Content == "" && len(m.Embeds) == 0 {
		m.Content = "(nothing to show)"
	}
}

func fitEmbed(e *discordgo.MessageEmbed) {
	e.Title = clip(e.Title, maxTitle)
	e.Description = clip(e.Description, maxDescription)
	if len(e.Fields) > maxFields {
		e.Fields = e.Fields[:maxFields]
	}
	for _, f := range e.Fields {
		f.Name = clip(f.Name, maxFieldName)
		f.Value = clip(f.Value, maxFieldValue)
		if strings.TrimSpace(f.Name) == "" {
			f.Name = "\u200b"
		}
		if strings.TrimSpace(f.Value) == "" {
			f.Value = "\u200b"
		}
	}
	if e.Footer != nil {
		e.Footer.Text = clip(e.Footer.Text, maxFooter)
	}
	if e.Author != nil {
		e.Author.Name = clip(e.Author.Name, maxAuthor)
	}
}

// embedSize is what an embed counts towards the 6000 total.
func embedSize(e *discordgo.MessageEmbed) int {
	n := len(e.Title) + len(e.Description)
	for _, f := range e.Fields {
		n += len(f.Name) + len(f.Value)
	}
	if e.Footer != nil {
		n += len(e.Footer.Text)
	}
	if e.Author != nil {
		n += len(e.Author.Name)
	}
	return n
}

// fitChoices keeps at most 25 autocomplete choices, each name and string
// value within 100 bytes, dropping empty and repeated ones.
func fitChoices(in []*discordgo.ApplicationCommandOptionChoice) []*discordgo.ApplicationCommandOptionChoice {
	out := make([]*discordgo.ApplicationCommandOptionChoice, 0, min(len(in), maxChoices))
	seen := map[string]bool{}
	for _, c := range in {
		if len(out) == maxChoices {
			break
		}
		name := clip(strings.TrimSpace(c.Name), maxChoiceLen)
		if name == "" {
			continue
		}
		v := c.Value
		if s, ok := v.(string); ok {
			s = cutRunes(s, maxChoiceLen)
			if s == "" || seen[s] {
				continue
			}
			seen[s] = true
			v = s
		}
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: name, Value: v})
	}
	return out
}
