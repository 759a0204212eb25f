package facts

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestParseBrief(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		wantErr  error
		wantLine int
		paras    int
		source   string
	}{
		{"ok", "First para. Two.\nSecond para.\nOriginal Source: www.geo.tv", nil, 0, 2, "www.geo.tv"},
		{"crlf and blank lines", "One.\r\n\r\nTwo.\r\nOriginal Source: example.com\r\n", nil, 0, 2, "example.com"},
		{"bom", "\ufeffOne.\nOriginal Source: example.com", nil, 0, 1, "example.com"},
		{"url source", "One.\nOriginal Source: https://www.geo.tv/latest/1", nil, 0, 1, "www.geo.tv"},
		{"case-insensitive label", "One.\noriginal source: Example.COM", nil, 0, 1, "example.com"},
		{"empty", "", ErrEmpty, 0, 0, ""},
		{"blank", " \n\t\n", ErrEmpty, 0, 0, ""},
		{"no source", "One.\nTwo.", ErrNoSource, 2, 0, ""},
		{"source not last", "One.\nOriginal Source: a.com\nTwo.", ErrNoSource, 3, 0, ""},
		{"source twice", "One.\nOriginal Source: a.com\nOriginal Source: b.com", ErrNoSource, 2, 0, ""},
		{"bad host", "One.\nOriginal Source: not a host", ErrBadSource, 2, 0, ""},
		{"empty host", "One.\nOriginal Source:", ErrBadSource, 2, 0, ""},
		{"no paragraphs", "Original Source: a.com", ErrNoText, 1, 0, ""},
		{"invalid utf8", "One.\nTw\xffo.\nOriginal Source: a.com", ErrNotUTF8, 2, 0, ""},
		{"nul byte", "One.\x00\nOriginal Source: a.com", ErrNotUTF8, 1, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := ParseBrief("x.txt", strings.NewReader(tt.in))
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				var be *BriefError
				if !errors.As(err, &be) || be.File != "x.txt" || be.Line != tt.wantLine {
					t.Fatalf("err = %#v, want file x.txt line %d", err, tt.wantLine)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(b.Paragraphs) != tt.paras || b.Source != tt.source || b.Name != "x" {
				t.Fatalf("got %d paragraphs from %q named %q", len(b.Paragraphs), b.Source, b.Name)
			}
			for _, p := range b.Paragraphs {
				if b.Text[p.Offset:p.Offset+len(p.Text)] != p.Text {
					t.Errorf("paragraph offset %d does not point at %q", p.Offset, p.Text)
				}
			}
		})
	}
}

func TestParseBriefTooLarge(t *testing.T) {
	big := strings.Repeat("word ", MaxBriefSize/5+10) + "\nOriginal Source: a.com"
	if _, err := ParseBrief("big.txt", strings.NewReader(big)); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
}

func TestLoadFSListsEveryBadFile(t *testing.T) {
	fsys := fstest.MapFS{
		"good.txt":       {Data: []byte("Fine.\nOriginal Source: a.com")},
		"empty.txt":      {Data: []byte("")},
		"nosource.txt":   {Data: []byte("Text.\n")},
		"sub/good.txt":   {Data: []byte("Fine.\nOriginal Source: a.com")},
		"Good.TXT":       {Data: []byte("Dup.\nOriginal Source: a.com")},
		"notes.md":       {Data: []byte("not a brief")},
		".hidden/x.txt":  {Data: []byte("")},
		".swap.txt":      {Data: []byte("")},
		"binary.txt":     {Data: []byte("\xff\xfe")},
		"dir.txt/ok.txt": {Data: []byte("Fine.\nOriginal Source: a.com")},
		// One name in two Unicode forms: decomposed sorts first.
		"cafe\u0301.txt": {Data: []byte("Fine.\nOriginal Source: a.com")},
		"café.txt":       {Data: []byte("Fine.\nOriginal Source: a.com")},
	}
	_, err := LoadFS(fsys)
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("err = %v, want *LoadError", err)
	}
	got := map[string]error{}
	for _, e := range le.Errs {
		got[e.File] = e.Err
	}
	want := map[string]error{"empty.txt": ErrEmpty, "nosource.txt": ErrNoSource, "good.txt": ErrDuplicate, "binary.txt": ErrNotUTF8,
		"café.txt": ErrDuplicate}
	for f, w := range want {
		if !errors.Is(got[f], w) {
			t.Errorf("%s: err %v, want %v", f, got[f], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("bad files %v, want exactly %v", got, want)
	}
	for _, name := range []string{"empty.txt", "nosource.txt", "binary.txt"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not name %s", err, name)
		}
	}
}

func TestReadBriefsFollowsLinks(t *testing.T) {
	dir, elsewhere := t.TempDir(), t.TempDir()
	write := func(path, text string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(dir, "plain.txt"), "Plain.\nOriginal Source: a.com")
	write(filepath.Join(elsewhere, "kept.txt"), "Kept elsewhere.\nOriginal Source: b.com")
	link := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("no symlinks here: %v", err)
		}
	}
	link(filepath.Join(elsewhere, "kept.txt"), "linked.txt")
	briefs, err := ReadBriefs(os.DirFS(dir))
	if err != nil || len(briefs) != 2 || briefs[0].Name != "linked" || briefs[1].Name != "plain" {
		t.Fatalf("ReadBriefs = %v, %v; want the linked brief loaded beside the plain one", briefs, err)
	}
	link(filepath.Join(elsewhere, "gone.txt"), "dangling.txt")
	_, err = ReadBriefs(os.DirFS(dir))
	var le *LoadError
	if !errors.As(err, &le) || len(le.Errs) != 1 || le.Errs[0].File != "dangling.txt" {
		t.Fatalf("a link to nothing: err = %v, want it named as a bad brief", err)
	}
}

func TestLoadFSNoBriefs(t *testing.T) {
	if _, err := LoadFS(fstest.MapFS{"a.md": {Data: []byte("x")}}); !errors.Is(err, ErrNoBriefs) {
		t.Fatalf("err = %v, want ErrNoBriefs", err)
	}
}

func TestNewRejectsDuplicateNames(t *testing.T) {
	a, _ := ParseBrief("dir1/same.txt", strings.NewReader("A.\nOriginal Source: a.com"))
	b, _ := ParseBrief("dir2/same.txt", strings.NewReader("B.\nOriginal Source: b.com"))
	if _, err := New(a, b); !errors.Is(err, ErrDuplicate) {
		t.Fatalf("err = %v, want ErrDuplicate", err)
	}
}

func TestBriefHeaderLines(t *testing.T) {
	tests := []struct {
		name, text, title, date string
		firstPara               string
		errLine                 int
	}{
		{"both", "Title: Cocoa price rise\nDate: 2026-03-03\nIvory Coast raised the price.\nOriginal Source: a.example\n",
			"Cocoa price rise", "2026-03-03", "Ivory Coast raised the price.", 0},
		{"date only, any case", "date: 2025-12-31\nThe bridge opened.\nOriginal Source: a.example\n",
			"Doc", "2025-12-31", "The bridge opened.", 0},
		{"none: the first full date of the lead", "On February 20, 2025, the talks began in Brussels.\nOriginal Source: a.example\n",
			"Doc", "2025-02-20", "On February 20, 2025, the talks began in Brussels.", 0},
		{"day first", "The fair opened on 3 March 2026 in Oslo.\nOriginal Source: a.example\n", "Doc", "2026-03-03", "", 0},
		{"no date anywhere", "The fair opened in Oslo.\nOriginal Source: a.example\n", "Doc", "", "", 0},
		{"date in words", "Title: X\nDate: March 3, 2026\nText.\nOriginal Source: a.example\n", "X", "2026-03-03", "Text.", 0},
		{"date in words, day first", "Date: 3 March 2026\nText.\nOriginal Source: a.example\n", "Doc", "2026-03-03", "Text.", 0},
		{"bad date", "Title: X\nDate: March 3\nText.\nOriginal Source: a.example\n", "", "", "", 2},
		{"date with more words", "Title: X\nDate: March 3, 2026 at noon\nText.\nOriginal Source: a.example\n", "", "", "", 2},
		{"empty title", "Title:\nText.\nOriginal Source: a.example\n", "", "", "", 1},
		{"headers only", "Title: X\nDate: 2026-01-01\nOriginal Source: a.example\n", "", "", "", 3},
		{"title after a paragraph", "The port opened.\n\nTitle: Late\n\nIt cost $4m.\nOriginal Source: a.example\n", "", "", "", 3},
		{"date after a paragraph", "Title: X\nThe port opened.\nDate: 2026-01-01\nOriginal Source: a.example\n", "", "", "", 3},
		{"a colon in a paragraph", "Title: X\nThe port opened.\nOfficials said: it cost $4m.\nOriginal Source: a.example\n", "X", "", "The port opened.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := ParseBrief("doc.txt", strings.NewReader(tt.text))
			if tt.errLine > 0 {
				var be *BriefError
				if !errors.As(err, &be) || be.Line != tt.errLine {
					t.Fatalf("err = %v, want one on line %d", err, tt.errLine)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if b.Title != tt.title || b.Date != tt.date {
				t.Errorf("title %q date %q, want %q %q", b.Title, b.Date, tt.title, tt.date)
			}
			if tt.firstPara != "" && b.Paragraphs[0].Text != tt.firstPara {
				t.Errorf("first paragraph %q", b.Paragraphs[0].Text)
			}
		})
	}
}
