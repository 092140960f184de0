package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// ErrSocketAuth is returned by Socket.Run when Slack refuses the app-level
// token: it is wrong, revoked, or lacks connections:write.
var ErrSocketAuth = errors.New("slack: Socket Mode refused SLACK_APP_TOKEN (invalid_auth): " +
	"use an app-level token (xapp-…) with the connections:write scope, and turn Socket Mode on in the app's settings")

// Socket receives the Slack channel's events, slash commands and
// interactions over Socket Mode (a WebSocket that sakebot opens to Slack)
// instead of request URLs, so sakebot needs no public address. Each
// request is decoded and handed to the same function as over HTTP, minus
// the signature (the connection is authenticated by the app-level token),
// and is acked as soon as that function answers: an event once it is in
// the inbox, a command or a click with the function's answer as the ack's
// payload. A request that could not be stored (the database is down) is
// not acked, so Slack sends it again. Requests of one user are handled one
// at a time, in the order received; different users' run in parallel.
type Socket struct {
	app    *App
	client *socketmode.Client
	events <-chan socketmode.Event
	ack    func(req socketmode.Request, payload any) error
	users  serial
}

// Socket returns the Socket Mode receiver of the app, with the app-level
// token appToken (xapp-…).
func (a *App) Socket(appToken string) *Socket {
	api := slack.New(a.cfg.Token, slack.OptionAPIURL(a.cfg.apiURL()), slack.OptionAppLevelToken(appToken),
		slack.OptionHTTPClient(newHTTPClient(10*time.Second)))
	c := socketmode.New(api)
	return &Socket{app: a, client: c, events: c.Events,
		ack: func(req socketmode.Request, payload any) error { return c.Ack(req, payload) }}
}

// NewSocketWith returns a Socket that reads events from events and acks
// with ack, without a connection: for driving the dispatch in tests.
func (a *App) NewSocketWith(events <-chan socketmode.Event, ack func(req socketmode.Request, payload any) error) *Socket {
	return &Socket{app: a, events: events, ack: ack}
}

// Run connects to Slack and handles what arrives until ctx ends (nil), or
// until Slack refuses the token (ErrSocketAuth). Lost connections are
// reopened by slack-go, with backoff; each attempt is logged.
func (s *Socket) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error, 1)
	go func() { errc <- s.client.RunContext(ctx) }()
	go s.Serve(ctx)
	err := <-errc
	s.users.wait()
	switch {
	case ctx.Err() != nil:
		return nil
	case isAuthError(err):
		return ErrSocketAuth
	}
	return fmt.Errorf("slack: Socket Mode stopped: %w", err)
}

// isAuthError reports whether err is Slack refusing the token.
func isAuthError(err error) bool {
	if err == nil {
		return false
	}
	switch err.Error() {
	case "invalid_auth", "not_authed", "token_revoked", "account_inactive", "not_allowed_token_type":
		return true
	}
	var code slack.StatusCodeError
	return errors.As(err, &code) && code.Code == http.StatusNotFound
}

// Serve handles the events until ctx ends or the channel closes.
func (s *Socket) Serve(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-s.events:
			if !ok {
				return
			}
			s.handle(ctx, ev)
		}
	}
}

// Wait waits for the requests in hand to be handled.
func (s *Socket) Wait() { s.users.wait() }

// handle logs the connection's life and queues requests by user.
func (s *Socket) handle(ctx context.Context, ev socketmode.Event) {
	log := s.app.log
	switch ev.Type {
	case socketmode.EventTypeConnecting:
		if c, ok := ev.Data.(*slack.ConnectingEvent); ok && (c.Attempt > 1 || c.ConnectionCount > 0) {
			log.Info("slack: Socket Mode reconnecting", "attempt", c.Attempt, "connection", c.ConnectionCount)
		}
	case socketmode.EventTypeConnected:
		n := 0
		if c, ok := ev.Data.(*socketmode.ConnectedEvent); ok {
			n = c.ConnectionCount
		}
		if n > 0 {
			log.Info("slack: Socket Mode reconnected", "connection", n)
		} else {
			log.Info("slack: Socket Mode connected")
		}
	case socketmode.EventTypeConnectionError:
		log.Warn("slack: Socket Mode connection failed, retrying", "err", ev.Data)
	case socketmode.EventTypeDisconnect:
		log.Info("slack: Socket Mode: Slack asked to reconnect")
	case socketmode.EventTypeInvalidAuth:
		log.Error(ErrSocketAuth.Error())
	case socketmode.EventTypeIncomingError, socketmode.EventTypeErrorBadMessage, socketmode.EventTypeErrorWriteFailed:
		log.Warn("slack: Socket Mode message error", "type", string(ev.Type))
	case socketmode.EventTypeEventsAPI, socketmode.EventTypeSlashCommand, socketmode.EventTypeInteractive:
		if ev.Request == nil {
			return
		}
		req := *ev.Request
		s.users.do(requestUser(req), func() { s.dispatch(ctx, req) })
	}
}

// dispatch decodes one request, hands it to the function its HTTP
// handler calls, and acks it with that function's answer. A malformed
// request is acked with nothing (sending it again cannot mend it); one
// that could not be stored is not acked, so Slack sends it again.
func (s *Socket) dispatch(ctx context.Context, req socketmode.Request) {
	a := s.app
	var payload any
	switch req.Type {
	case socketmode.RequestTypeEventsAPI:
		out, err := decodeEvent(req.Payload)
		if err != nil {
			s.malformed(req)
			return
		}
		if payload, err = a.onEvent(ctx, out, req.RetryAttempt); err != nil {
			a.log.Warn("slack: Socket Mode request not acked, Slack will send it again", "type", req.Type)
			return
		}
	case socketmode.RequestTypeSlashCommands:
		var cmd slack.SlashCommand
		if err := json.Unmarshal(req.Payload, &cmd); err != nil {
			s.malformed(req)
			return
		}
		payload = a.onCommand(ctx, cmd)
	case socketmode.RequestTypeInteractive:
		var ic slack.InteractionCallback
		if err := json.Unmarshal(req.Payload, &ic); err != nil {
			s.malformed(req)
			return
		}
		payload = a.onInteraction(ctx, &ic)
	default:
		return
	}
	if !req.AcceptsResponsePayload {
		payload = nil
	}
	if err := s.ack(req, payload); err != nil {
		a.log.Warn("slack: Socket Mode ack failed", "type", req.Type, "err", err)
	}
}

// malformed acks a request that cannot be decoded, with nothing.
func (s *Socket) malformed(req socketmode.Request) {
	s.app.log.Warn("slack: Socket Mode: malformed request", "type", req.Type)
	if err := s.ack(req, nil); err != nil {
		s.app.log.Warn("slack: Socket Mode ack failed", "type", req.Type, "err", err)
	}
}

// requestUser is who a request comes from: the key its order is kept by
// ("" when it names nobody).
func requestUser(req socketmode.Request) string {
	var p struct {
		Event struct {
			User json.RawMessage `json:"user"`
		} `json:"event"`
		UserID string          `json:"user_id"`
		User   json.RawMessage `json:"user"`
	}
	_ = json.Unmarshal(req.Payload, &p)
	if p.UserID != "" {
		return p.UserID
	}
	for _, raw := range []json.RawMessage{p.Event.User, p.User} {
		var id string
		if json.Unmarshal(raw, &id) == nil && id != "" {
			return id
		}
		var obj struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(raw, &obj) == nil && obj.ID != "" {
			return obj.ID
		}
	}
	return ""
}

// serial runs functions one at a time per key, in the order given, and
// different keys in parallel.
type serial struct {
	mu     sync.Mutex
	queues map[string][]func()
	wg     sync.WaitGroup
}

// do queues fn behind the key's earlier functions.
func (s *serial) do(key string, fn func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.queues == nil {
		s.queues = map[string][]func(){}
	}
	q, running := s.queues[key]
	s.queues[key] = append(q, fn)
	if running {
		return
	}
	s.wg.Add(1)
	go s.drain(key)
}

// drain runs the key's queue until it is empty.
func (s *serial) drain(key string) {
	defer s.wg.Done()
	for {
		s.mu.Lock()
		q := s.queues[key]
		if len(q) == 0 {
			delete(s.queues, key)
			s.mu.Unlock()
			return
		}
		fn := q[0]
		s.queues[key] = q[1:]
		s.mu.Unlock()
		fn()
	}
}

// wait waits until every queue is empty.
func (s *serial) wait() { s.wg.Wait() }
