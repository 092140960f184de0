package slack

import (
	"bytes"
	"errors"
	"io"
	"net/http"

	"github.com/sakemodel/sakebot/handlers"
	"github.com/slack-go/slack"
)

// verified wraps a handler with what every request from Slack goes
// through first: the body is read (at most MaxBodyBytes), its signature
// checked with the signing secret (v0, within five minutes), and only then
// put back for form parsing and handed on. Forged, stale and unsigned
// requests get 401 and nothing else happens.
func (a *App) verified(next func(w http.ResponseWriter, r *http.Request, body []byte)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := handlers.ReadBody(w, r, MaxBodyBytes)
		if !ok {
			return
		}
		if err := verify(r.Header, body, a.cfg.SigningSecret); err != nil {
			a.log.WarnContext(r.Context(), "slack: request refused", "path", r.URL.Path, "reason", refusal(err), "remote", r.RemoteAddr)
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next(w, r, body)
	})
}

// verify checks the request's signature over body.
func verify(h http.Header, body []byte, secret string) error {
	sv, err := slack.NewSecretsVerifier(h, secret)
	if err != nil {
		return err
	}
	if _, err := sv.Write(body); err != nil {
		return err
	}
	return sv.Ensure()
}

// refusal names why a request was refused, without echoing its headers.
func refusal(err error) string {
	switch {
	case errors.Is(err, slack.ErrMissingHeaders):
		return "unsigned"
	case errors.Is(err, slack.ErrExpiredTimestamp):
		return "stale timestamp"
	}
	return "bad signature"
}
