package bot

import (
	"context"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot/journal"
	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/talk"
)

// Journal records what users asked and what they thought of the answers.
// Its methods must not block: answering never waits on storage.
type Journal interface {
	Question(journal.Question)
	Vote(journal.Vote)
}

// Reports are what the admin views show.
type Reports interface {
	Unanswered(ctx context.Context, scope journal.Scope, since time.Time, limit int) ([]journal.Unanswered, error)
	Disputed(ctx context.Context, scope journal.Scope, since time.Time, limit int) ([]journal.Disputed, error)
}

// feedbackPrefix starts the custom id of an answer's 👍/👎 buttons:
// "fb:1:<fact>:<answer>:<mac>" (1 helpful, 0 wrong). The fact id is the
// one shown, so a vote counts against it after a reload or a restart; the
// answer id is the Discord id of what was asked (interaction or message);
// the MAC (see voteMAC) signs both with the server, so only buttons the
// bot made count. The store keeps one vote per user per fact per day.
const feedbackPrefix = "fb"

// feedbackRow is the row of buttons under an answer.
func feedbackRow(fact, answer string) discordgo.MessageComponent {
	id := func(helpful string) string { return feedbackPrefix + ":" + helpful + ":" + fact + ":" + answer }
	return discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "Helpful", Emoji: &discordgo.ComponentEmoji{Name: "👍"}, Style: discordgo.SecondaryButton, CustomID: id("1")},
		discordgo.Button{Label: "Wrong", Emoji: &discordgo.ComponentEmoji{Name: "👎"}, Style: discordgo.SecondaryButton, CustomID: id("0")},
	}}
}

// withFeedback adds the feedback buttons to an answer that cites a fact,
// when the ids fit Discord's 100-character custom id.
func withFeedback(m Message, a facts.Answer, answer string) Message {
	if !a.Answered || len(a.Results) == 0 || answer == "" {
		return m
	}
	fact := a.Results[0].Fact.ID
	if len(feedbackPrefix)+3+len(fact)+1+len(answer)+1+voteMACLen > maxCustomID || strings.Contains(fact, ":") {
		return m
	}
	m.Components = append(m.Components, feedbackRow(fact, answer))
	return m
}

// parseFeedbackID reverses feedbackRow's custom ids, as made, before
// signVotes appends the MAC.
func parseFeedbackID(id string) (helpful bool, fact, answer string, ok bool) {
	helpful, fact, answer, _, ok = parseSignedFeedbackID(id + ":")
	return helpful, fact, answer, ok
}

// parseSignedFeedbackID splits a signed vote button's custom id.
func parseSignedFeedbackID(id string) (helpful bool, fact, answer, mac string, ok bool) {
	parts := strings.Split(id, ":")
	if len(parts) != 5 || parts[0] != feedbackPrefix || parts[1] != "0" && parts[1] != "1" || parts[2] == "" || parts[3] == "" {
		return false, "", "", "", false
	}
	return parts[1] == "1", parts[2], parts[3], parts[4], true
}

// feedback records a click on 👍 or 👎; a second click by the same user
// on the same answer replaces the first.
func (b *Bot) feedback(_ context.Context, w *ResponseWriter, r *Request) error {
	id := r.MessageComponentData().CustomID
	helpful, fact, answer, mac, ok := parseSignedFeedbackID(id)
	if !ok || !b.validVote(r.GuildID, fact, answer, mac) {
		// A hand-made id, a button from another server, or one signed
		// with a key this install no longer has.
		b.log.Warn("vote refused: not a button the bot made here", "user", r.UserID(), "guild", r.GuildID, "id", clip(id, maxCustomID))
		return w.Reply(Message{Content: "That button no longer counts a vote.", Ephemeral: true})
	}
	b.metrics.Vote(helpful)
	if b.journal == nil {
		return w.Reply(Message{Content: "Thanks! (Feedback is not being kept on this bot.)", Ephemeral: true})
	}
	b.journal.Vote(journal.Vote{Time: b.now(), Guild: r.GuildID, User: r.UserID(), Answer: answer, Fact: fact, Helpful: helpful})
	b.log.Info("feedback", "user", r.UserID(), "guild", r.GuildID, "fact", fact, "helpful", helpful)
	return w.Reply(Message{Content: "Thanks — noted.", Ephemeral: true})
}

// question is one question the bot answered, for its log line and the
// journal.
type question struct {
	via, user, guild, channel string
	answerID                  string // the Discord id of what was asked, which votes name
	text                      string // as asked, for the kinds that are not questions
	reply                     talk.Reply
	start                     time.Time
	version                   string
	private                   bool // only the asker saw the answer: an ephemeral /ask (DMs are private by having no server)
}

// journalQuestion keeps q in the journal. It is called before the reply
// is sent, so that by the time the asker can type /forget-me the question
// is queued, and the forgetting's flush deletes it too.
func (b *Bot) journalQuestion(q question) {
	if b.journal == nil || b.cfg.NoQuestionLog {
		return
	}
	a := q.answer()
	jq := journal.Question{Time: b.now(), Guild: q.guild, Channel: q.channel, User: q.user, Via: q.via,
		Kind: string(q.reply.Kind), Text: a.Question, Answered: a.Answered, Confidence: a.Confidence, Answer: q.answerID, Version: q.version,
		Problem: string(a.Problem), Private: q.private || q.guild == ""}
	if a.Answered {
		f := a.Results[0].Fact
		jq.Fact, jq.Brief = f.ID, f.Citation.Brief
	}
	b.journal.Question(jq)
}

// answer is the matcher's answer to q, with the question's text filled in
// for the kinds of reply that carry none.
func (q question) answer() facts.Answer {
	a := q.reply.Answer
	if a.Question == "" && q.reply.Kind != talk.KindProblem {
		a.Question = q.text
	}
	return a
}

// record writes the one log line each question gets, once its reply was
// sent (or failed), and counts it.
func (b *Bot) record(q question, err error) {
	a := q.answer()
	attrs := []any{"via", q.via, "user", q.user, "guild", q.guild, "kind", string(q.reply.Kind), "answered", a.Answered,
		"confidence", a.Confidence, "latency", time.Since(q.start).Round(time.Microsecond)}
	if a.Answered {
		attrs = append(attrs, "fact", a.Results[0].Fact.ID)
	}
	if a.Problem != facts.ProblemNone {
		attrs = append(attrs, "problem", string(a.Problem))
	}
	b.metrics.Question(q.via, string(q.reply.Kind), time.Since(q.start))
	if err != nil {
		attrs = append(attrs, "err", err)
		b.log.Error("question", attrs...)
		return
	}
	b.log.Info("question", attrs...)
}
