package webchat

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strings"
	"time"
)

// cookieName is the cookie that carries the visitor's signed id.
const cookieName = "sakebot_chat"

// visitors issues and checks visitor ids: random, signed by the server
// (HMAC-SHA256), so a visitor cannot choose another's conversation.
type visitors struct {
	secret []byte
	maxAge time.Duration // how long the browser keeps the id (the form-expiry period)
	https  func(*http.Request) bool
}

// newID returns a fresh random visitor id (128 bits).
func newID() string {
	b := make([]byte, 16)
	rand.Read(b) // never fails (crypto/rand panics instead)
	return base64.RawURLEncoding.EncodeToString(b)
}

// sign returns the cookie value for id.
func (v visitors) sign(id string) string {
	return id + "." + v.mac(id)
}

func (v visitors) mac(id string) string {
	m := hmac.New(sha256.New, v.secret)
	m.Write([]byte("sakebot-webchat-visitor:" + id))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:16])
}

// verify returns the visitor id of a cookie value, if its signature holds.
func (v visitors) verify(value string) (string, bool) {
	id, sig, ok := strings.Cut(value, ".")
	if !ok || len(id) != 22 || !hmac.Equal([]byte(sig), []byte(v.mac(id))) {
		return "", false
	}
	return id, true
}

// of returns the request's visitor id, if it carries a valid cookie.
func (v visitors) of(r *http.Request) (string, bool) {
	c, err := r.Cookie(cookieName)
	if err != nil {
		return "", false
	}
	return v.verify(c.Value)
}

// ensure returns the request's visitor id, issuing a new one when it has
// none, and (re)sets the cookie so it lasts maxAge from this visit.
func (v visitors) ensure(w http.ResponseWriter, r *http.Request) string {
	id, ok := v.of(r)
	if !ok {
		id = newID()
	}
	http.SetCookie(w, v.cookie(r, id))
	return id
}

// cookie is the visitor cookie for id. Over HTTPS it is SameSite=None and
// Partitioned, so the widget's frame keeps it on the embedding site (a
// cookie of its own, per site, never a tracking cookie across sites);
// plain HTTP (development) gets SameSite=Lax, as browsers refuse None
// without Secure.
func (v visitors) cookie(r *http.Request, id string) *http.Cookie {
	c := &http.Cookie{Name: cookieName, Value: v.sign(id), Path: "/", HttpOnly: true,
		MaxAge: int(v.maxAge / time.Second), SameSite: http.SameSiteLaxMode}
	if v.https(r) {
		c.Secure, c.SameSite, c.Partitioned = true, http.SameSiteNoneMode, true
	}
	return c
}
