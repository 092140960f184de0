package calendar

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"strconv"
	"strings"
)

// sigBytes is how much of the HMAC a booking's address carries: 128 bits,
// 22 base64url characters.
const sigBytes = 16

// sigPurpose separates these signatures from any other use of the key.
const sigPurpose = "sakebot calendar booking "

// Links builds the addresses of bookings' .ics files.
type Links struct {
	// BaseURL is the public site, such as https://bot.example.jp (no
	// trailing slash needed).
	BaseURL string
	// Secret signs the addresses (store.CalendarSecret).
	Secret []byte
}

// Booking returns the signed address of booking id's .ics file.
func (l Links) Booking(id int64) string {
	return strings.TrimRight(l.BaseURL, "/") + "/calendar/booking/" + strconv.FormatInt(id, 10) + "." + sign(l.Secret, id) + ".ics"
}

// Feed returns the address of the staff's feed for secret
// (store.CalendarFeedSecret).
func (l Links) Feed(secret string) string {
	return strings.TrimRight(l.BaseURL, "/") + "/calendar/feed/" + secret + ".ics"
}

// sign is the signature of booking id: HMAC-SHA256 under key, truncated
// to 128 bits, base64url without padding.
func sign(key []byte, id int64) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(sigPurpose + strconv.FormatInt(id, 10)))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:sigBytes])
}

// parseBookingFile reads "{id}.{sig}.ics" and checks the signature in
// constant time; ok is false for anything else.
func parseBookingFile(key []byte, name string) (id int64, ok bool) {
	rest, found := strings.CutSuffix(name, ".ics")
	if !found {
		return 0, false
	}
	num, sig, found := strings.Cut(rest, ".")
	if !found || num == "" || num[0] < '1' || num[0] > '9' {
		return 0, false
	}
	id, err := strconv.ParseInt(num, 10, 64)
	if err != nil || id <= 0 {
		return 0, false
	}
	if subtle.ConstantTimeCompare([]byte(sig), []byte(sign(key, id))) != 1 {
		return 0, false
	}
	return id, true
}

// sameSecret compares a feed address's secret with the stored one in
// constant time.
func sameSecret(got, want string) bool {
	return want != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}
