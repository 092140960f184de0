package admin

import (
	"bytes"
	"context"
	"fmt"
	"image/color"
	"strings"
	"sync"
	"time"

	qr "github.com/piglig/go-qr"
	"github.com/sakemodel/sakebot/bot"
)

// sourceText is what a student sends from a source's LINE link (they can
// edit it: the code is only a hint): 「#K0612 北見工業大学 12月説明会から来ました」.
func sourceText(s bot.Source) string {
	return "#" + s.Code + " " + s.Name + "から来ました"
}

// oaMessageURL is LINE's link that opens the chat with the official
// account basicID with text typed in, ready to send:
// https://line.me/R/oaMessage/{basicID}/?{text}, both percent-encoded
// (「@」 as %40, spaces as %20, never +). Phones only: a computer shows
// LINE's own page.
func oaMessageURL(basicID, text string) string {
	return "https://line.me/R/oaMessage/" + percentEncode(basicID) + "/?" + percentEncode(text)
}

// webChatURL is the web chat's page on site (no trailing slash) that
// tags the visitor with the source's code.
func webChatURL(site, code string) string {
	return site + "/?src=" + percentEncode(code)
}

// percentEncode encodes every byte but RFC 3986's unreserved characters
// (A–Z a–z 0–9 - . _ ~), as LINE's URL scheme wants its parts.
func percentEncode(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-', c == '.', c == '_', c == '~':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// QR codes are drawn with github.com/piglig/go-qr (see doc.go): medium
// error correction (a printed poster survives a fold or a smudge), a
// quiet zone of 4 modules as the standard asks, and 8 pixels a module in
// the PNG, enough for A4 printing; the SVG scales to any size.
const (
	qrBorder   = 4
	qrPNGScale = 8
	qrSVGScale = 1
)

// qrPNG draws text as a black-on-white QR code in PNG.
func qrPNG(text string) ([]byte, error) {
	code, err := qr.EncodeText(text, qr.Medium)
	if err != nil {
		return nil, fmt.Errorf("admin: qr code: %w", err)
	}
	return code.ToPNGBytes(qr.NewQrCodeImgConfig(qrPNGScale, qrBorder, qr.WithLight(color.White), qr.WithDark(color.Black)))
}

// qrSVG draws text as a black-on-white QR code in SVG (one path), with
// its XML declaration, to be saved as a file.
func qrSVG(text string) ([]byte, error) {
	code, err := qr.EncodeText(text, qr.Medium)
	if err != nil {
		return nil, fmt.Errorf("admin: qr code: %w", err)
	}
	svg, err := code.ToSVGBytes(qr.NewQrCodeImgConfig(qrSVGScale, qrBorder, qr.WithOptimalSVG(), qr.WithSVGXMLHeader(),
		qr.WithLight(color.White), qr.WithDark(color.Black)))
	if err != nil {
		return nil, fmt.Errorf("admin: qr code: %w", err)
	}
	return bytes.TrimSpace(svg), nil
}

// Bounds of the LINE basic ID look-up: how long an answer is reused (it
// only changes when the account is re-registered), how long a failure is
// (so a LINE outage does not slow every page), and how long a page waits.
const (
	basicIDTTL        = time.Hour
	basicIDFailureTTL = time.Minute
	basicIDTimeout    = 3 * time.Second
)

// basicIDCache keeps the last answer of the basic ID look-up.
type basicIDCache struct {
	mu  sync.Mutex
	id  string
	ok  bool // the look-up answered
	at  time.Time
	set bool
}

// lineBasicID returns the official account's basic ID, or "" when it is
// not known (LINE is off, or the bot info API did not answer: logged); it
// never fails the page.
func (s *server) lineBasicID(ctx context.Context) string {
	if s.basicID == nil {
		return ""
	}
	now := s.now()
	c := &s.basicIDCache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.set {
		ttl := basicIDFailureTTL
		if c.ok {
			ttl = basicIDTTL
		}
		if age := now.Sub(c.at); age >= -time.Minute && age < ttl {
			return c.id
		}
	}
	ctx, cancel := context.WithTimeout(ctx, basicIDTimeout)
	defer cancel()
	id, err := s.basicID(ctx)
	if err != nil {
		s.log.WarnContext(ctx, "admin: could not read the LINE basic ID", "err", err)
		id = ""
	}
	c.id, c.ok, c.at, c.set = id, err == nil, now, true
	return id
}
