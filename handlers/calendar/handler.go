package calendar

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// feedLimit bounds the bookings in the staff's feed.
const feedLimit = 2000

// Store is what the calendar reads; *store.Store has it.
type Store interface {
	// BookingByID returns one booking with its Event, or bot.ErrNotFound.
	BookingByID(ctx context.Context, id int64) (bot.Booking, error)
	// UpcomingBookingsAll returns up to limit active bookings of events
	// starting at or after from, soonest first, with their Event.
	UpcomingBookingsAll(ctx context.Context, from time.Time, limit int) ([]bot.Booking, error)
	// CalendarSecret returns the key that signs bookings' addresses.
	CalendarSecret(ctx context.Context) ([]byte, error)
	// CalendarFeedSecret returns the current secret of the feed's address.
	CalendarFeedSecret(ctx context.Context) (string, error)
}

// Config is what the Handler needs.
type Config struct {
	Store  Store
	Now    func() time.Time // the one clock
	Logger *slog.Logger
}

// Handler serves the .ics files.
type Handler struct {
	cfg Config
	mux *http.ServeMux
}

// New returns the calendar's handler, to be mounted at "/calendar/".
func New(cfg Config) *Handler {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	h := &Handler{cfg: cfg, mux: http.NewServeMux()}
	h.mux.HandleFunc("GET /calendar/booking/{file}", h.booking)
	h.mux.HandleFunc("GET /calendar/feed/{file}", h.feed)
	return h
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

// booking serves one booking's file, if the address is signed.
func (h *Handler) booking(w http.ResponseWriter, r *http.Request) {
	key, err := h.cfg.Store.CalendarSecret(r.Context())
	if err != nil {
		h.fail(w, r, "secret", err)
		return
	}
	id, ok := parseBookingFile(key, r.PathValue("file"))
	if !ok {
		notFound(w)
		return
	}
	b, err := h.cfg.Store.BookingByID(r.Context(), id)
	if errors.Is(err, bot.ErrNotFound) {
		notFound(w)
		return
	}
	if err != nil {
		h.fail(w, r, "booking", err)
		return
	}
	write(w, "booking-"+strconv.FormatInt(id, 10)+".ics", bookingCalendar(b, h.cfg.Now()))
}

// feed serves the staff's calendar, if the address holds the current secret.
func (h *Handler) feed(w http.ResponseWriter, r *http.Request) {
	secret, found := strings.CutSuffix(r.PathValue("file"), ".ics")
	want, err := h.cfg.Store.CalendarFeedSecret(r.Context())
	if err != nil {
		h.fail(w, r, "feed secret", err)
		return
	}
	if !found || !sameSecret(secret, want) {
		notFound(w)
		return
	}
	now := h.cfg.Now()
	bookings, err := h.cfg.Store.UpcomingBookingsAll(r.Context(), startOfDay(now), feedLimit)
	if err != nil {
		h.fail(w, r, "feed", err)
		return
	}
	write(w, "sakebot-bookings.ics", feedCalendar(bookings, now))
}

// jst is Japan Standard Time (no daylight saving).
var jst = time.FixedZone("JST", 9*3600)

// startOfDay is the start of now's day in JST: the feed keeps the day's
// earlier bookings.
func startOfDay(now time.Time) time.Time {
	y, m, d := now.In(jst).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, jst)
}

// write answers with a calendar file. Neither file may be kept by a
// shared cache or leak its address onward: both hold personal data.
func write(w http.ResponseWriter, name, body string) {
	h := w.Header()
	h.Set("Content-Type", "text/calendar; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Cache-Control", "no-store, no-cache, private, max-age=0")
	h.Set("Pragma", "no-cache")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Robots-Tag", "noindex, nofollow")
	h.Set("X-Content-Type-Options", "nosniff")
	w.Write([]byte(body))
}

// notFound answers 404 alike for a bad address and a missing booking.
func notFound(w http.ResponseWriter) {
	w.Header().Set("Cache-Control", "no-store")
	http.Error(w, "not found", http.StatusNotFound)
}

func (h *Handler) fail(w http.ResponseWriter, r *http.Request, what string, err error) {
	h.cfg.Logger.ErrorContext(r.Context(), "calendar: "+what, "err", err)
	w.Header().Set("Cache-Control", "no-store")
	http.Error(w, "temporarily unavailable", http.StatusServiceUnavailable)
}
