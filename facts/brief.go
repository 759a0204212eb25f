package facts

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"
)

// MaxBriefSize bounds a brief file. News articles are a few kilobytes; a
// larger file is almost certainly not a brief, and reading it whole would
// let one bad file exhaust memory.
const MaxBriefSize = 4 << 20

const sourcePrefix = "Original Source:"

// Brief is one parsed news brief: its paragraphs and the host it came from.
// Set its fields before building a base from it, not after: a base keeps
// what it read of the brief in the brief, for the next base built from it.
type Brief struct {
	// Name identifies the brief in citations: its file name without ".txt".
	Name string
	// Title is a readable form of Name ("pakistan-eu-dialogue" →
	// "Pakistan EU dialogue").
	Title string
	// Source is the host named on the brief's last line.
	Source string
	// Paragraphs are the non-blank lines before the source line, in order.
	Paragraphs []Paragraph
	// Text is the whole file as read, for byte offsets and change detection.
	Text string
	// File is the brief's path in the directory it was loaded from, slash
	// separated; empty for a brief parsed from a reader.
	File string
	// Date is when the brief's news happened, YYYY-MM-DD: from an optional
	// "Date:" line before the first paragraph, else the first full date in
	// its first paragraph; empty when neither gives one.
	Date string
	// titled is set when a "Title:" line named the brief.
	titled bool
	// analysis caches what the language layer makes of the brief's
	// sentences, so that the bases sharing a brief (every server's base
	// holds the operator's shared briefs) tokenize and tag it once.
	analysis atomic.Pointer[briefAnalysis]
}

// Paragraph is one paragraph of a brief.
type Paragraph struct {
	// Text is the paragraph without surrounding space.
	Text string
	// Offset is the byte offset of Text in the brief file.
	Offset int
	// Line is the 1-based line number in the brief file.
	Line int
}

// BriefError says what is wrong with one brief file, and where.
type BriefError struct {
	File string // file name as given to the loader
	Line int    // 1-based line, or 0 when the problem is the whole file
	Err  error
}

// Error reads "file:line: problem", the form editors and terminals link.
func (e *BriefError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

// Unwrap exposes the problem to errors.Is (ErrEmpty, ErrNoSource, …).
func (e *BriefError) Unwrap() error { return e.Err }

// Problems a brief can have; test with errors.Is.
var (
	// ErrBadHeader is a malformed optional "Title:" or "Date:" line.
	ErrBadHeader = errors.New("bad header line")
	ErrEmpty     = errors.New("brief is empty")
	ErrNotUTF8   = errors.New("brief is not valid UTF-8 text")
	ErrNoSource  = errors.New(`last line must be "Original Source: HOST"`)
	ErrBadSource = errors.New("source is not a host name")
	ErrNoText    = errors.New("brief has no paragraphs before its source line")
	ErrTooLarge  = fmt.Errorf("brief is larger than %d bytes", MaxBriefSize)
	ErrDuplicate = errors.New("another brief has the same name")
)

// ParseBrief reads one brief. name is the file name it is reported under;
// the brief's Name is name without directories and its ".txt" extension.
func ParseBrief(name string, r io.Reader) (*Brief, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBriefSize+1))
	if err != nil {
		return nil, &BriefError{File: name, Err: fmt.Errorf("read: %w", err)}
	}
	if len(data) > MaxBriefSize {
		return nil, &BriefError{File: name, Err: ErrTooLarge}
	}
	return parseBrief(name, data)
}

func parseBrief(name string, data []byte) (*Brief, error) {
	fail := func(line int, err error) (*Brief, error) {
		return nil, &BriefError{File: name, Line: line, Err: err}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		return fail(line, ErrNotUTF8)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fail(1+bytes.Count(data[:i], []byte("\n")), fmt.Errorf("%w: it contains a NUL byte", ErrNotUTF8))
	}
	text := string(data)
	if strings.TrimSpace(text) == "" {
		return fail(0, ErrEmpty)
	}
	b := &Brief{Name: briefName(name), Text: text}
	b.Title = titleFromName(b.Name)
	type line struct {
		text   string
		offset int
		no     int
	}
	var lines []line
	off := 0
	for no := 1; off <= len(text); no++ {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text) - off
		}
		raw := text[off : off+end]
		trimmed := strings.TrimSpace(raw)
		if trimmed != "" {
			lead := strings.Index(raw, trimmed)
			lines = append(lines, line{trimmed, off + lead, no})
		}
		off += end + 1
	}
	last := lines[len(lines)-1]
	if !strings.HasPrefix(strings.ToLower(last.text), strings.ToLower(sourcePrefix)) {
		return fail(last.no, ErrNoSource)
	}
	host := strings.TrimSpace(last.text[len(sourcePrefix):])
	if strings.Contains(host, "://") {
		if u, err := url.Parse(host); err == nil {
			host = u.Host
		}
	}
	if !validHost(host) {
		return fail(last.no, fmt.Errorf("%w: %q", ErrBadSource, host))
	}
	b.Source = strings.ToLower(host)
	body := lines[:len(lines)-1]
	for len(body) > 0 {
		key, val := headerLine(body[0].text)
		switch key {
		case "title":
			if b.titled {
				return fail(body[0].no, fmt.Errorf("%w: a second Title: line", ErrBadHeader))
			}
			b.Title, b.titled = strings.TrimSpace(val), true
			if b.Title == "" {
				return fail(body[0].no, fmt.Errorf("%w: Title: names nothing", ErrBadHeader))
			}
		case "date":
			d := headerDate(val)
			if d == "" || b.Date != "" {
				return fail(body[0].no, fmt.Errorf("%w: want one Date: line such as Date: 2026-03-03 or Date: March 3, 2026", ErrBadHeader))
			}
			b.Date = d
		}
		if key == "" {
			break
		}
		body = body[1:]
	}
	for _, l := range body {
		if key, _ := headerLine(l.text); key != "" {
			// Read as a fact, it would be quoted as news.
			return fail(l.no, fmt.Errorf("%w: Title: and Date: lines come before the first paragraph", ErrBadHeader))
		}
		if strings.HasPrefix(strings.ToLower(l.text), strings.ToLower(sourcePrefix)) {
			return fail(l.no, fmt.Errorf("%w: found before the last line", ErrNoSource))
		}
		b.Paragraphs = append(b.Paragraphs, Paragraph{Text: l.text, Offset: l.offset, Line: l.no})
	}
	if len(b.Paragraphs) == 0 {
		return fail(last.no, ErrNoText)
	}
	if b.Date == "" {
		b.Date = firstDate(b.Paragraphs[0].Text)
	}
	return b, nil
}

// headerLine splits an optional header line, "Title: …" or "Date: …", into
// its lower-case key and its value; key is "" for any other line.
func headerLine(text string) (key, val string) {
	k, v, ok := strings.Cut(text, ":")
	switch k = strings.ToLower(strings.TrimSpace(k)); {
	case ok && (k == "title" || k == "date"):
		return k, v
	}
	return "", ""
}

// headerDate reads a Date: line's value, written as YYYY-MM-DD or as a
// full date in words ("March 3, 2026", "3 March 2026"), as YYYY-MM-DD;
// "" when it is neither.
func headerDate(val string) string {
	val = strings.TrimSpace(val)
	if d, err := time.Parse(time.DateOnly, val); err == nil {
		return d.Format(time.DateOnly)
	}
	if len(strings.Fields(val)) != 3 {
		return ""
	}
	return firstDate(val)
}

// firstDate finds the first full date written in text ("February 20,
// 2025", "20 February 2025") as YYYY-MM-DD, or "".
func firstDate(text string) string {
	words := strings.Fields(text)
	for i := 0; i+2 < len(words); i++ {
		w := func(k int) string { return strings.Trim(words[i+k], ",.;:()") }
		for _, try := range []struct{ layout, s string }{
			{"January 2 2006", w(0) + " " + w(1) + " " + w(2)},
			{"2 January 2006", w(0) + " " + w(1) + " " + w(2)},
		} {
			if d, err := time.Parse(try.layout, try.s); err == nil {
				return d.Format(time.DateOnly)
			}
		}
	}
	return ""
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// validHost accepts a host name such as "www.geo.tv", optionally written
// as a URL, which is reduced to its host.
func validHost(h string) bool {
	if h == "" || len(h) > 253 {
		return false
	}
	for _, r := range h {
		if !(r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == ':')) {
			return false
		}
	}
	return strings.Contains(h, ".") || h == "localhost"
}

func briefName(file string) string {
	if i := strings.LastIndexAny(file, `/\`); i >= 0 {
		file = file[i+1:]
	}
	return strings.TrimSuffix(file, ".txt")
}

// titleFromName makes a readable title from a file name: dashes and
// underscores become spaces, known acronyms are upper-cased, the first
// letter is capitalised.
func titleFromName(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	for i, w := range words {
		if len(w) <= 3 && len(w) >= 2 && !strings.ContainsAny(w, "aeiou") || w == "eu" || w == "un" || w == "us" || w == "uk" {
			words[i] = strings.ToUpper(w)
		}
	}
	t := strings.Join(words, " ")
	if t == "" {
		return name
	}
	r, size := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[size:]
}
