package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"
)

// fakeAPI is a minimal LINE Messaging API on loopback: it takes replies and
// pushes as LINE does (a reply token once, a push retry key once), records
// when each arrived through the tracker, and answers at once. It also
// answers the loading animation and profile calls sakebot may make.
type fakeAPI struct {
	tr    *tracker
	token string
	srv   *http.Server
	url   string
	errc  chan error
}

// startFakeAPI listens on addr (loopback) and serves until close.
func startFakeAPI(addr, token string, tr *tracker, log *slog.Logger) (*fakeAPI, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("fake LINE API: %w", err)
	}
	f := &fakeAPI{tr: tr, token: token, url: "http://" + ln.Addr().String(), errc: make(chan error, 1)}
	f.srv = &http.Server{Handler: f, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 10 * time.Second, IdleTimeout: 60 * time.Second,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelDebug)}
	go func() { f.errc <- f.srv.Serve(ln) }()
	return f, nil
}

// close stops the fake.
func (f *fakeAPI) close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := f.srv.Shutdown(ctx)
	if serr := <-f.errc; !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	return err
}

// ServeHTTP answers one Messaging API call.
func (f *fakeAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	at := time.Now()
	w.Header().Set("Content-Type", "application/json")
	if r.Header.Get("Authorization") != "Bearer "+f.token {
		writeStatus(w, http.StatusUnauthorized, `{"message":"Authentication failed"}`)
		return
	}
	var body struct {
		ReplyToken string `json:"replyToken"`
		To         string `json:"to"`
	}
	if r.Method == http.MethodPost {
		if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&body); err != nil {
			writeStatus(w, http.StatusBadRequest, `{"message":"The request body has 1 error(s)"}`)
			return
		}
	}
	switch path := r.URL.Path; {
	case path == "/v2/bot/message/reply":
		if f.tr.reply(body.ReplyToken, at) != http.StatusOK {
			writeStatus(w, http.StatusBadRequest, `{"message":"Invalid reply token"}`)
			return
		}
		writeStatus(w, http.StatusOK, `{"sentMessages":[{"id":"1","quoteToken":"q"}]}`)
	case path == "/v2/bot/message/push":
		if f.tr.push(body.To, r.Header.Get("X-Line-Retry-Key"), at) == http.StatusConflict {
			writeStatus(w, http.StatusConflict, `{"message":"The retry key is already accepted"}`)
			return
		}
		writeStatus(w, http.StatusOK, `{"sentMessages":[{"id":"1","quoteToken":"q"}]}`)
	case path == "/v2/bot/chat/loading/start":
		writeStatus(w, http.StatusAccepted, `{}`)
	case strings.HasPrefix(path, "/v2/bot/profile/"):
		b, _ := json.Marshal(map[string]string{"userId": strings.TrimPrefix(path, "/v2/bot/profile/"), "displayName": "負荷 試験"})
		writeStatus(w, http.StatusOK, string(b))
	default:
		writeStatus(w, http.StatusNotFound, `{"message":"Not found"}`)
	}
}

func writeStatus(w http.ResponseWriter, status int, body string) {
	w.WriteHeader(status)
	io.WriteString(w, body)
}
