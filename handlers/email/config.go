package email

import (
	"net"
	"net/mail"
	"strconv"
	"strings"
	"time"
)

// DefaultTimeout bounds one SMTP session (connecting, talking, sending)
// when Config leaves Timeout zero.
const DefaultTimeout = 10 * time.Second

// Config is how Sender reaches the SMTP server, and what it writes.
type Config struct {
	Host     string // the SMTP server (SMTP_HOST)
	Port     int    // its port (SMTP_PORT, usually 587)
	Username string // PLAIN authentication when set (SMTP_USER)
	Password string // (SMTP_PASSWORD)
	From     string // the sender, "sakebot <bot@example.com>" or an address (SMTP_FROM)
	// NoTLS talks plain SMTP (SMTP_TLS=none), for a relay on the same
	// host or network; otherwise STARTTLS is required.
	NoTLS bool
	// AdminBaseURL is where the admin page is served (ADMIN_BASE_URL,
	// e.g. https://bot.example.com); mails link to it when set.
	AdminBaseURL string
	Timeout      time.Duration    // bounds one SMTP session; zero means DefaultTimeout
	Now          func() time.Time // the clock of the Date header; nil means time.Now
}

// addr is host:port of the server.
func (c Config) addr() string { return net.JoinHostPort(c.Host, strconv.Itoa(c.Port)) }

// timeout is the bound of one SMTP session.
func (c Config) timeout() time.Duration {
	if c.Timeout > 0 {
		return c.Timeout
	}
	return DefaultTimeout
}

// now is the current time on c's clock.
func (c Config) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// fromAddress is the bare address of From (the envelope sender).
func (c Config) fromAddress() (string, error) {
	a, err := mail.ParseAddress(c.From)
	if err != nil {
		return "", err
	}
	return a.Address, nil
}

// domain is the domain of From, for Message-ID; a fallback when From has
// none.
func (c Config) domain() string {
	if a, err := c.fromAddress(); err == nil {
		if _, d, ok := strings.Cut(a, "@"); ok && d != "" {
			return d
		}
	}
	return "sakebot.invalid"
}

// CheckFrom reports whether from is usable as SMTP_FROM: one address,
// optionally with a display name.
func CheckFrom(from string) error {
	_, err := mail.ParseAddress(from)
	return err
}

// fromHeader is From as a header value: a display name outside ASCII is
// MIME-encoded.
func (c Config) fromHeader() string {
	a, err := mail.ParseAddress(c.From)
	if err != nil {
		return c.From
	}
	return a.String()
}
