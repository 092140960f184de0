// Package calendar serves bookings as iCalendar (RFC 5545) files: one
// booking's .ics file at a signed, unguessable address offered in the
// booking's confirmation, and the staff's feed of every upcoming booking at
// a secret address that staff can rotate, for Google Calendar or Outlook to
// subscribe to.
//
// Routes (mounted under "/calendar/" by cmd):
//
//	GET /calendar/booking/{id}.{sig}.ics  one booking (sig: HMAC-SHA256 of the id, base64url, 128 bits)
//	GET /calendar/feed/{secret}.ics       every upcoming active booking, for staff
//
// A wrong signature or secret, an unknown booking and a deleted one all
// answer 404 alike.
//
// The files are written and, in the tests, read back with
// github.com/arran4/golang-ical (v0.3.4): the most used Go iCalendar
// library, with tagged releases through 2026 (its README asks for a
// co-maintainer, a risk we accept for a small, pure-Go dependency); it both
// writes and parses (the tests parse every file
// back), folds long lines at 75 octets without cutting a UTF-8 character
// and escapes TEXT values. emersion/go-ical was the alternative: sound, but
// without a tagged release and quiet since 2025. Two caveats of
// golang-ical are avoided here: its AddTimezone writes an invalid
// VTIMEZONE (issue #113), so every time is written in UTC (…Z; Japan has
// no daylight saving, and UTC times need no VTIMEZONE), and its default
// line ending on Unix is "\n", so files are written with CRLF as RFC 5545
// requires. Text is cleaned of control characters (a TEXT value may hold
// none but a line break, which the library escapes as \n) before it is set.
package calendar
