package bot

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync/atomic"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// errSessionOver is what a session's calls get once Run has returned.
var errSessionOver = errors.New("the bot has stopped; this Discord session is over")

// leash ends a session's traffic when Run returns. discordgo's reconnect
// loop, once started by a lost connection, outlives Session.Close and
// retries for ever; after Run has returned (a stop, a refused token) its
// REST calls and gateway dials would reach whatever then listens at that
// address. A leashed session's calls fail at once instead.
type leash struct{ over atomic.Bool }

// attach routes s's REST calls and gateway dials through the leash.
func (l *leash) attach(s *discordgo.Session) {
	base := s.Client.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	s.Client.Transport = leashedTransport{base: base, l: l}
	d := *websocket.DefaultDialer
	var nd net.Dialer
	d.NetDialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if l.over.Load() {
			return nil, errSessionOver
		}
		return nd.DialContext(ctx, network, addr)
	}
	s.Dialer = &d
}

// end refuses every later call.
func (l *leash) end() { l.over.Store(true) }

type leashedTransport struct {
	base http.RoundTripper
	l    *leash
}

var _ http.RoundTripper = leashedTransport{}

func (t leashedTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if t.l.over.Load() {
		return nil, errSessionOver
	}
	return t.base.RoundTrip(r)
}
