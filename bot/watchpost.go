package bot

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
	"golang.org/x/text/unicode/norm"

	"github.com/briefbot/briefbot/facts"
)

// Settings of briefs made from posts.
const (
	// fallbackSource is the source of a post that links nowhere. Its
	// source is Discord itself, but the brief format wants a host name
	// with a dot, and refuses "discord".
	fallbackSource = "discord.com"
	// maxPlainTitle is the longest first line taken as a title without
	// markup saying so: a headline, not a sentence.
	maxPlainTitle = 80
	// maxBriefName bounds a brief's name, as briefFileName does.
	maxBriefName = 80
)

var (
	// postLink finds http and https links, bare, in <…> or in a markdown
	// link's (…).
	postLink = regexp.MustCompile(`https?://[^\s<>()\[\]]+`)
	// linkOnly is a line that is a link and nothing else.
	linkOnly = regexp.MustCompile(`^<?https?://\S+?>?$`)
	// markdownLink is [text](url), which reads as its text.
	markdownLink = regexp.MustCompile(`\[([^\]]*)\]\(<?https?://[^)\s]*>?\)`)
	// hiddenLink is <url>, a link Discord shows without a preview.
	hiddenLink = regexp.MustCompile(`<(https?://[^>\s]+)>`)
	emphasis   = strings.NewReplacer("**", "", "__", "", "~~", "", "||", "", "`", "")
)

// postedBrief is a briefs-channel post made into a brief file.
type postedBrief struct {
	name string // from its title, or its file's name; not yet unique
	text string // the brief file, as ParseBrief reads it
}

// briefOfPost makes m into a brief: its .txt file when it has one,
// otherwise its text. refusal, when set, says what is wrong, for the
// author.
func (b *Bot) briefOfPost(ctx context.Context, m *discordgo.Message) (pb postedBrief, refusal string) {
	date := m.Timestamp
	if date.IsZero() {
		date = b.now()
	}
	day := date.UTC().Format(time.DateOnly)
	if att := briefAttachment(m.Attachments); att != nil {
		return b.attachedPost(ctx, m, att, day)
	}
	if len(m.Content) > facts.MaxBriefSize {
		return postedBrief{}, fmt.Sprintf("a brief may be at most %d MiB.", facts.MaxBriefSize>>20)
	}
	if len(m.Attachments) > 0 && strings.TrimSpace(m.Content) == "" {
		return postedBrief{}, fmt.Sprintf("a brief is a post's text or a .txt file, and `%s` is not a .txt file.",
			escape(clip(path.Base(m.Attachments[0].Filename), 100)))
	}
	title, paras := splitPost(m.Content)
	if len(paras) == 0 {
		return postedBrief{}, "the post has no text to make a brief of (a link alone is not enough)."
	}
	name := slug(title, maxBriefName)
	if name == "" {
		name = slug(paras[0], 60)
	}
	if name == "" {
		name = "brief-" + day
	}
	var file strings.Builder
	if title != "" {
		file.WriteString("Title: " + title + "\n")
	}
	for _, p := range paras {
		file.WriteString(p + "\n")
	}
	text, err := completeBrief(name, file.String(), day, postSource(m.Content))
	if err != nil {
		return postedBrief{}, briefProblem(err, "")
	}
	return postedBrief{name: name, text: text}, ""
}

// attachedPost makes a post's .txt file its brief: kept as it is when it
// is a brief file already, and otherwise read as plain paragraphs, given
// the post's date and source.
func (b *Bot) attachedPost(ctx context.Context, m *discordgo.Message, att *discordgo.MessageAttachment, day string) (postedBrief, string) {
	file := escape(clip(path.Base(att.Filename), 100))
	name, refusal := briefFileName(att.Filename)
	switch {
	case refusal != "":
		return postedBrief{}, lowerFirst(refusal)
	case att.ContentType != "" && !strings.HasPrefix(strings.ToLower(att.ContentType), "text/plain"):
		return postedBrief{}, fmt.Sprintf("a brief is plain text, and `%s` is %s.", file, escape(att.ContentType))
	case att.Size > facts.MaxBriefSize:
		return postedBrief{}, fmt.Sprintf("a brief may be at most %d MiB, and `%s` is %.1f MiB.",
			facts.MaxBriefSize>>20, file, float64(att.Size)/(1<<20))
	}
	data, err := b.download(ctx, att.URL)
	if err != nil {
		b.log.Error("download a posted brief", "guild", m.GuildID, "message", m.ID, "file", att.Filename, "err", err)
		return postedBrief{}, fmt.Sprintf("I could not download `%s` from Discord; post it again.", file)
	}
	text := string(data)
	if _, err := facts.ParseBrief(name+".txt", strings.NewReader(text)); err == nil {
		return postedBrief{name: name, text: text}, ""
	}
	source := postSource(m.Content)
	if source == fallbackSource && utf8.Valid(data) {
		source = postSource(text)
	}
	if text, err = completeBrief(name, text, day, source); err != nil {
		return postedBrief{}, briefProblem(err, file)
	}
	return postedBrief{name: name, text: text}, ""
}

// briefAttachment is a post's first .txt file, nil if it has none.
func briefAttachment(atts []*discordgo.MessageAttachment) *discordgo.MessageAttachment {
	for _, a := range atts {
		if a != nil && strings.EqualFold(path.Ext(a.Filename), ".txt") {
			return a
		}
	}
	return nil
}

// splitPost reads a post as its title, "" when its first line is not one,
// and its paragraphs: its other lines, without links alone on a line or
// Discord's markup. A post of one line is its own paragraph.
func splitPost(content string) (title string, paras []string) {
	var lines []string
	for _, l := range strings.Split(content, "\n") {
		if l = strings.TrimSpace(l); l != "" && !linkOnly.MatchString(l) {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return "", nil
	}
	title, ok := postTitle(lines[0])
	if ok && len(lines) > 1 {
		lines = lines[1:]
	}
	for _, l := range lines {
		if p := cleanLine(l); p != "" {
			paras = append(paras, p)
		}
	}
	if len(paras) == 0 && title != "" {
		paras = []string{title}
	}
	return title, paras
}

// postTitle reads a post's first line as its title: a line marked as one
// (a heading, bold, or "Title:"), or a short line that is no sentence.
func postTitle(line string) (string, bool) {
	var t string
	switch {
	case strings.HasPrefix(line, "#"):
		t = strings.TrimLeft(line, "#")
	case strings.HasPrefix(line, "**"):
		t = line
	case len(line) >= len("title:") && strings.EqualFold(line[:len("title:")], "title:"):
		t = line[len("title:"):]
	case utf8.RuneCountInString(line) <= maxPlainTitle && !strings.HasSuffix(line, "."):
		t = line
	default:
		return "", false
	}
	t = strings.TrimSpace(postLink.ReplaceAllString(cleanLine(t), ""))
	return t, t != ""
}

// cleanLine removes the markup Discord shows and a brief must not quote:
// quote and heading marks, emphasis, mentions and link syntax (the link
// itself stays).
func cleanLine(l string) string {
	l = strings.TrimLeft(strings.TrimSpace(l), "> ")
	if strings.HasPrefix(l, "#") {
		l = strings.TrimLeft(l, "# ")
	}
	l = markdownLink.ReplaceAllString(l, "$1")
	l = hiddenLink.ReplaceAllString(l, "$1")
	l = discordMarkup.ReplaceAllString(l, " $1 ")
	l = emphasis.Replace(l)
	return strings.Join(strings.Fields(l), " ")
}

// postSource is the host of the first http or https link in text, or
// fallbackSource when it links nowhere a brief may name.
func postSource(text string) string {
	l := postLink.FindString(text)
	if l == "" {
		return fallbackSource
	}
	u, err := url.Parse(l)
	if err != nil {
		return fallbackSource
	}
	host := strings.ToLower(u.Hostname())
	if !strings.Contains(host, ".") || strings.Trim(host, "abcdefghijklmnopqrstuvwxyz0123456789.-") != "" {
		return fallbackSource
	}
	return host
}

// completeBrief adds what a brief file lacks: the source line, and a
// Date: line (for day, unless day is "" or the text gives a date). It
// parses the result as an uploaded brief is, and returns it.
func completeBrief(name, text, day, source string) (string, error) {
	text = strings.TrimPrefix(text, "\ufeff")
	if !hasSourceLine(text) {
		text = strings.TrimRight(text, " \t\r\n") + "\n\nOriginal Source: " + source + "\n"
	}
	parsed, err := facts.ParseBrief(name+".txt", strings.NewReader(text))
	if err != nil || parsed.Date != "" || day == "" {
		return text, err
	}
	text = "Date: " + day + "\n" + text
	_, err = facts.ParseBrief(name+".txt", strings.NewReader(text))
	return text, err
}

// hasSourceLine reports whether a line of text names the source, wherever
// it is: the parser says so when it is not the last.
func hasSourceLine(text string) bool {
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if len(l) >= len("original source:") && strings.EqualFold(l[:len("original source:")], "original source:") {
			return true
		}
	}
	return false
}

// briefProblem says what ParseBrief found wrong, for a post's author: in
// file (escaped, with its line) for a posted file, and for a post's text
// without the line numbers of a file the author never saw.
func briefProblem(err error, file string) string {
	var be *facts.BriefError
	if !errors.As(err, &be) {
		return escape(clip(err.Error(), 1500)) + "."
	}
	msg := escape(clip(be.Err.Error(), 1500))
	switch {
	case errors.Is(err, facts.ErrEmpty):
		msg = "the post has no text to make a brief of"
	case errors.Is(err, facts.ErrTooLarge):
		msg = fmt.Sprintf("a brief may be at most %d MiB", facts.MaxBriefSize>>20)
	case file != "" && be.Line > 0:
		msg = fmt.Sprintf("`%s` line %d: %s", file, be.Line, msg)
	case file != "":
		msg = fmt.Sprintf("`%s`: %s", file, msg)
	}
	return msg + "."
}

// slug makes a brief's name of s as briefFileName makes one of a file's:
// lower case, letters and digits with single dashes, at most max bytes,
// cut at a dash.
func slug(s string, max int) string {
	var b strings.Builder
	dash := false
	// Decomposed, an accented letter is its base letter and a mark; the
	// mark is dropped, so "Café" and "Cafe\u0301" (the same name in another
	// Unicode form) both name the brief "cafe".
	for _, r := range strings.ToLower(norm.NFD.String(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	out := b.String()
	if len(out) > max {
		out = out[:max]
		if i := strings.LastIndexByte(out, '-'); i > 0 {
			out = out[:i]
		}
	}
	return strings.Trim(out, "-")
}

// lowerFirst lets a sentence follow "Nothing was added: ".
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
