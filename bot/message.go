package bot

import (
	"github.com/bwmarrin/discordgo"
)

// Message is a reply as the handlers build it, before it becomes an
// interaction response, an edit or a channel message. Every way out goes
// through fitMessage and sets allowed mentions to none.
type Message struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
	// Ephemeral replies are seen only by the user who asked; it applies to
	// interaction responses and is ignored for channel messages.
	Ephemeral bool
}

// noMentions is the allowed-mentions value of every reply: quoting a
// question that contains @everyone, a role or a user must never ping.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

func (m Message) flags() discordgo.MessageFlags {
	if m.Ephemeral {
		return discordgo.MessageFlagsEphemeral
	}
	return 0
}

func (m Message) responseData() *discordgo.InteractionResponseData {
	fitMessage(&m)
	return &discordgo.InteractionResponseData{
		Content:         m.Content,
		Embeds:          nonNilEmbeds(m.Embeds),
		Components:      nonNilComponents(m.Components),
		AllowedMentions: noMentions(),
		Flags:           m.flags(),
	}
}

func (m Message) webhookEdit() *discordgo.WebhookEdit {
	fitMessage(&m)
	embeds := nonNilEmbeds(m.Embeds)
	comps := nonNilComponents(m.Components)
	return &discordgo.WebhookEdit{
		Content:         &m.Content,
		Embeds:          &embeds,
		Components:      &comps,
		AllowedMentions: noMentions(),
	}
}

func (m Message) send(reply *discordgo.MessageReference) *discordgo.MessageSend {
	fitMessage(&m)
	return &discordgo.MessageSend{
		Content:         m.Content,
		Embeds:          nonNilEmbeds(m.Embeds),
		Components:      nonNilComponents(m.Components),
		AllowedMentions: noMentions(),
		Reference:       reply,
	}
}

// nonNilEmbeds and nonNilComponents send [] rather than null, which also
// clears what a deferred or earlier reply showed.
func nonNilEmbeds(e []*discordgo.MessageEmbed) []*discordgo.MessageEmbed {
	if e == nil {
		return []*discordgo.MessageEmbed{}
	}
	return e
}

func nonNilComponents(c []discordgo.MessageComponent) []discordgo.MessageComponent {
	if c == nil {
		return []discordgo.MessageComponent{}
	}
	return c
}
