package bot

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// TestLeashEndsTraffic: once Run has returned, a session's REST calls and
// gateway dials fail at once, whatever discordgo's reconnect loop tries.
func TestLeashEndsTraffic(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("{}")) }))
	defer srv.Close()
	s, err := discordgo.New("Bot x")
	if err != nil {
		t.Fatal(err)
	}
	s.Client = &http.Client{}
	var l leash
	l.attach(s)
	if resp, err := s.Client.Get(srv.URL); err != nil {
		t.Fatalf("before the end: %v", err)
	} else {
		resp.Body.Close()
	}
	l.end()
	if _, err := s.Client.Get(srv.URL); !errors.Is(err, errSessionOver) {
		t.Errorf("REST after the end: %v, want errSessionOver", err)
	}
	if _, _, err := s.Dialer.Dial("ws"+srv.URL[len("http"):], nil); !errors.Is(err, errSessionOver) {
		t.Errorf("gateway dial after the end: %v, want errSessionOver", err)
	}
}
