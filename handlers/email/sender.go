package email

import (
	"context"
	"errors"
	"log/slog"
	"net/mail"

	"github.com/sakemodel/sakebot/bot"
)

// Records is what Sender reads at send time: the staff accounts (who
// wants mail) and the records the deliveries are about. *store.Store
// satisfies it.
type Records interface {
	ListStaff(ctx context.Context) ([]bot.Staff, error)
	Application(ctx context.Context, id int64) (bot.Application, error)
	HandoffView(ctx context.Context, id int64) (bot.HandoffView, error)
	BookingByID(ctx context.Context, id int64) (bot.Booking, error)
}

// Sender mails deliveries to recruiters (worker.Sender): new applications
// and handoff requests, to every enabled staff account with NotifyEmail.
type Sender struct {
	cfg     Config
	records Records
	log     *slog.Logger
}

// NewSender returns a Sender mailing through cfg's server.
func NewSender(cfg Config, records Records, log *slog.Logger) *Sender {
	return &Sender{cfg: cfg, records: records, log: log}
}

// Send implements worker.Sender. New applications (DeliveryNotice),
// handoff requests (DeliveryHandoffOpen), interview bookings
// (DeliveryBookingNotice) and the engine's own messages to recruiters
// (DeliveryStaffMessage: the next day's list, a quota warning) are
// mailed; every other kind is nothing to send by mail (see the package
// comment) and reports success. A record deleted
// meanwhile, or nobody who wants mail, is nothing to send either.
func (s *Sender) Send(ctx context.Context, d bot.Delivery) error {
	m, ok, err := s.render(ctx, d)
	if err != nil || !ok {
		return err
	}
	to, err := s.recipients(ctx)
	if err != nil || len(to) == 0 {
		return err
	}
	return s.send(ctx, to, compose(s.cfg, d.ID, s.cfg.now(), m))
}

// render is the mail of d, from storage; ok is false when there is
// nothing to mail.
func (s *Sender) render(ctx context.Context, d bot.Delivery) (letter, bool, error) {
	switch d.Kind {
	case bot.DeliveryNotice:
		a, err := s.records.Application(ctx, d.Ref)
		return found(noticeMail(a, s.cfg.AdminBaseURL), err)
	case bot.DeliveryHandoffOpen:
		v, err := s.records.HandoffView(ctx, d.Ref)
		return found(handoffMail(v, s.cfg.AdminBaseURL), err)
	case bot.DeliveryBookingNotice:
		return s.bookingLetter(ctx, d)
	case bot.DeliveryStaffMessage:
		m, ok := staffLetter(d)
		return m, ok, nil
	}
	return letter{}, false, nil
}

// found passes m on, unless the record it was rendered from was not found
// (deleted meanwhile: nothing to mail) or could not be read.
func found(m letter, err error) (letter, bool, error) {
	if errors.Is(err, bot.ErrNotFound) {
		return letter{}, false, nil
	}
	if err != nil {
		return letter{}, false, err
	}
	return m, true, nil
}

// recipients are the addresses of the enabled staff accounts that want
// mail; an address that does not parse is skipped.
func (s *Sender) recipients(ctx context.Context) ([]string, error) {
	staff, err := s.records.ListStaff(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, st := range staff {
		if !st.NotifyEmail || st.Disabled {
			continue
		}
		a, err := mail.ParseAddress(st.Email)
		if err != nil {
			s.log.Warn("email: skipped a staff account whose login is not a mail address", "staff", st.ID)
			continue
		}
		out = append(out, a.Address)
	}
	return out, nil
}
