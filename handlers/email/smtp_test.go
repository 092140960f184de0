package email_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/email"
	"github.com/sakemodel/sakebot/worker"
)

// records is a fixed set of staff and one application (id 1).
type records struct{ staff []bot.Staff }

func (r records) ListStaff(context.Context) ([]bot.Staff, error) { return r.staff, nil }

func (r records) Application(_ context.Context, id int64) (bot.Application, error) {
	if id != 1 {
		return bot.Application{}, bot.ErrNotFound
	}
	return bot.Application{ID: 1, Ref: "SK-2026-0001", Name: "北見 太郎", Key: bot.UserKey{Channel: bot.ChannelWeb}}, nil
}

func (records) HandoffView(context.Context, int64) (bot.HandoffView, error) {
	return bot.HandoffView{}, bot.ErrNotFound
}

func (records) BookingByID(context.Context, int64) (bot.Booking, error) {
	return bot.Booking{}, bot.ErrNotFound
}

// sendNotice sends the notice of application 1 to staff through srv.
func sendNotice(t *testing.T, srv *smtpServer, noTLS bool, staff ...string) error {
	t.Helper()
	var r records
	for _, s := range staff {
		r.staff = append(r.staff, bot.Staff{Email: s, NotifyEmail: true})
	}
	cfg := email.Config{Host: "127.0.0.1", Port: srv.port(), From: "sakebot@example.com", NoTLS: noTLS, Timeout: 2 * time.Second}
	return email.NewSender(cfg, r, slog.New(slog.NewTextHandler(io.Discard, nil))).Send(context.Background(),
		bot.Delivery{ID: 7, Kind: bot.DeliveryNotice, Ref: 1})
}

// isPermanent reports whether err is marked not worth retrying.
func isPermanent(err error) bool {
	var se *worker.SendError
	return errors.As(err, &se) && se.Permanent
}

// TestStartTLSIsRequired: a server without STARTTLS gets no mail unless
// NoTLS says it is a trusted relay; the error is retried (the mail waits
// for the configuration to be fixed).
func TestStartTLSIsRequired(t *testing.T) {
	srv := startSMTP(t, "127.0.0.1:0")
	err := sendNotice(t, srv, false, "a@example.com")
	if err == nil || isPermanent(err) || !strings.Contains(err.Error(), "STARTTLS") {
		t.Errorf("Send = %v; want a retryable STARTTLS error", err)
	}
	if n := len(srv.mails()); n != 0 {
		t.Errorf("received %d mails without TLS", n)
	}
}

// TestRefusedRecipients: a recipient refused for good (5xx) is skipped
// while another is accepted; when all are refused, the error is permanent
// and does not quote the address.
func TestRefusedRecipients(t *testing.T) {
	srv := startSMTP(t, "127.0.0.1:0")
	srv.refuseRcpt("gone@example.com")
	if err := sendNotice(t, srv, true, "gone@example.com", "a@example.com"); err != nil {
		t.Fatalf("Send = %v; want the mail sent to the other recipient", err)
	}
	if got := srv.mails(); len(got) != 1 || len(got[0].To) != 1 || got[0].To[0] != "a@example.com" {
		t.Fatalf("mails = %+v; want one, to a@example.com", got)
	}
	err := sendNotice(t, srv, true, "gone@example.com")
	if !isPermanent(err) || strings.Contains(err.Error(), "gone@") {
		t.Errorf("Send = %v; want a permanent error without the address", err)
	}
}
