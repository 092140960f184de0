package email

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/smtp"
	"net/textproto"

	"github.com/sakemodel/sakebot/worker"
)

// errNoStartTLS is the error of a server that does not offer STARTTLS
// when it is required. It is retried: the fix is in the configuration
// (SMTP_TLS=none for a local relay) or the server, and the mails wait.
var errNoStartTLS = errors.New("email: the SMTP server does not offer STARTTLS (set SMTP_TLS=none only for a relay on a trusted network)")

// send mails msg to every address in to, in one SMTP transaction: the
// recipients are on the envelope only (a Bcc), so nobody sees the others'
// addresses, and one delivery is one mail, which succeeds or is retried
// as a whole. A recipient the server refuses for good is skipped while
// another one is accepted.
func (s *Sender) send(ctx context.Context, to []string, msg []byte) error {
	from, err := s.cfg.fromAddress()
	if err != nil {
		return worker.Permanent(fmt.Errorf("email: SMTP_FROM: %w", err))
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.timeout())
	defer cancel()
	c, err := s.dial(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := s.transact(c, from, to, msg); err != nil {
		return classify(err)
	}
	_ = c.Quit() // the mail is accepted; a failed goodbye changes nothing
	return nil
}

// dial connects, says hello, starts TLS unless NoTLS, and authenticates
// when a user is set; the whole session ends at ctx's deadline.
func (s *Sender) dial(ctx context.Context) (*smtp.Client, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", s.cfg.addr())
	if err != nil {
		return nil, fmt.Errorf("email: connect: %w", err)
	}
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	}
	c, err := smtp.NewClient(conn, s.cfg.Host)
	if err != nil {
		conn.Close()
		return nil, classify(err)
	}
	if err := s.secure(c); err != nil {
		c.Close()
		return nil, classify(err)
	}
	return c, nil
}

// secure starts TLS (unless NoTLS) and authenticates (when a user is set).
func (s *Sender) secure(c *smtp.Client) error {
	if err := c.Hello(localName); err != nil {
		return err
	}
	if !s.cfg.NoTLS {
		if ok, _ := c.Extension("STARTTLS"); !ok {
			return errNoStartTLS
		}
		if err := c.StartTLS(&tls.Config{ServerName: s.cfg.Host, MinVersion: tls.VersionTLS12}); err != nil {
			return err
		}
	}
	if s.cfg.Username == "" {
		return nil
	}
	return c.Auth(smtp.PlainAuth("", s.cfg.Username, s.cfg.Password, s.cfg.Host))
}

// localName is the name sakebot gives itself in EHLO.
const localName = "sakebot"

// transact sends one mail: MAIL, RCPT for each address, DATA.
func (s *Sender) transact(c *smtp.Client, from string, to []string, msg []byte) error {
	if err := c.Mail(from); err != nil {
		return err
	}
	if err := s.addRecipients(c, to); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return err
	}
	return w.Close()
}

// addRecipients gives the server every address; one it refuses for good
// (5xx) is skipped and counted, unless it refuses them all.
func (s *Sender) addRecipients(c *smtp.Client, to []string) error {
	var refused error
	accepted := 0
	for _, a := range to {
		err := withheld(c.Rcpt(a))
		if err == nil {
			accepted++
			continue
		}
		if !permanent(err) {
			return err
		}
		refused = err
	}
	if accepted == 0 {
		return refused
	}
	if refused != nil {
		s.log.Warn("email: the server refused some recipients", "refused", len(to)-accepted, "accepted", accepted)
	}
	return nil
}

// withheld is a refused recipient's error without the server's text,
// which may quote the address: errors are logged, addresses are not.
func withheld(err error) error {
	var te *textproto.Error
	if errors.As(err, &te) {
		return &textproto.Error{Code: te.Code, Msg: "recipient refused"}
	}
	return err
}

// permanent reports whether err is an SMTP reply that retrying cannot
// change (5xx).
func permanent(err error) bool {
	var te *textproto.Error
	return errors.As(err, &te) && te.Code >= 500 && te.Code < 600
}

// classify marks a 5xx reply permanent (worker.Permanent); 4xx replies and
// connection errors stay retryable.
func classify(err error) error {
	if err == nil {
		return nil
	}
	if permanent(err) {
		return worker.Permanent(fmt.Errorf("email: %w", err))
	}
	return fmt.Errorf("email: %w", err)
}
