package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/line/line-bot-sdk-go/v8/linebot/messaging_api"
	"github.com/line/line-bot-sdk-go/v8/linebot/webhook"
)

// echoText is what the echo bot answers to every text message.
const echoText = "ご質問ありがとうございます。"

// echoBot is the yardstick: the least a LINE bot on the same SDK does per
// question. Its webhook handler checks the signature on the raw body,
// parses it, and answers each text message with a fixed text through
// ReplyMessage before returning 200: no storage, no queue, no matching.
//
// With a database (the "echo-pg" target) it first records each event id
// durably, one INSERT … ON CONFLICT DO NOTHING committed per event: the
// floor of any bot that owns an event before it acks it, as sakebot does.
type echoBot struct {
	secret string
	db     *sql.DB // nil: no storage
	api    *messaging_api.MessagingApiAPI
	log    *slog.Logger
	srv    *http.Server
	url    string
	errc   chan error
}

// startEcho starts the echo bot on a free loopback port, replying through
// the LINE API at apiBase.
func startEcho(secret, token, apiBase string, db *sql.DB, log *slog.Logger) (*echoBot, error) {
	// The same HTTP client settings as sakebot's LINE client.
	hc := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{
		Proxy: nil, MaxIdleConns: 256, MaxIdleConnsPerHost: 128, IdleConnTimeout: 90 * time.Second,
		TLSHandshakeTimeout: 5 * time.Second, ResponseHeaderTimeout: 8 * time.Second,
	}}
	api, err := messaging_api.NewMessagingApiAPI(token, messaging_api.WithEndpoint(apiBase), messaging_api.WithHTTPClient(hc))
	if err != nil {
		return nil, fmt.Errorf("echo bot: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("echo bot: %w", err)
	}
	if db != nil {
		if _, err := db.Exec(`CREATE TABLE IF NOT EXISTS echo_inbox (event_id TEXT PRIMARY KEY)`); err != nil {
			ln.Close()
			return nil, fmt.Errorf("echo bot: %w", err)
		}
	}
	e := &echoBot{secret: secret, db: db, api: api, log: log, url: "http://" + ln.Addr().String(), errc: make(chan error, 1)}
	mux := http.NewServeMux()
	mux.Handle("POST /line/webhook", e)
	e.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: 120 * time.Second,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	go func() { e.errc <- e.srv.Serve(ln) }()
	return e, nil
}

// ServeHTTP is the echo bot's webhook.
func (e *echoBot) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err != nil {
		http.Error(w, "cannot read body", http.StatusBadRequest)
		return
	}
	if !webhook.ValidateSignature(e.secret, r.Header.Get("X-Line-Signature"), body) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	var req webhook.CallbackRequest
	if err := json.Unmarshal(body, &req); err != nil {
		http.Error(w, "malformed body", http.StatusBadRequest)
		return
	}
	for _, ev := range req.Events {
		m, ok := ev.(webhook.MessageEvent)
		if !ok {
			continue
		}
		if _, ok := m.Message.(webhook.TextMessageContent); !ok {
			continue
		}
		if e.db != nil {
			if _, err := e.db.ExecContext(r.Context(), `INSERT INTO echo_inbox (event_id) VALUES ($1) ON CONFLICT DO NOTHING`, m.WebhookEventId); err != nil {
				http.Error(w, "try again", http.StatusInternalServerError)
				return
			}
		}
		_, err := e.api.ReplyMessage(&messaging_api.ReplyMessageRequest{ReplyToken: m.ReplyToken,
			Messages: []messaging_api.MessageInterface{messaging_api.TextMessage{Text: echoText}}})
		if err != nil {
			e.log.Warn("echo bot: reply failed", "err", err)
		}
	}
	w.WriteHeader(http.StatusOK)
}

// close stops the echo bot.
func (e *echoBot) close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := e.srv.Shutdown(ctx)
	if serr := <-e.errc; !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	return err
}
