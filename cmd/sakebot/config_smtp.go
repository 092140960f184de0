package main

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/sakemodel/sakebot/handlers/email"
)

// smtpConfig is how recruiters are mailed when Slack is off (SMTP_*).
type smtpConfig struct {
	Host     string // SMTP_HOST: mail is on when set
	Port     int    // SMTP_PORT (587)
	User     string // SMTP_USER: PLAIN authentication when set
	Password string // SMTP_PASSWORD
	From     string // SMTP_FROM: required with SMTP_HOST
	NoTLS    bool   // SMTP_TLS=none: plain SMTP to a trusted relay; otherwise STARTTLS is required
}

// loadSMTP reads the SMTP_* variables and ADMIN_BASE_URL into c.
func (c *config) loadSMTP(get func(k, def string) string) error {
	port, err := strconv.Atoi(get("SMTP_PORT", "587"))
	if err != nil || port < 1 || port > 65535 {
		return fmt.Errorf("SMTP_PORT must be a port number (usually 587), got %q", get("SMTP_PORT", ""))
	}
	c.SMTP = smtpConfig{Host: get("SMTP_HOST", ""), Port: port, User: get("SMTP_USER", ""),
		Password: get("SMTP_PASSWORD", ""), From: get("SMTP_FROM", "")}
	switch mode := strings.ToLower(get("SMTP_TLS", "starttls")); mode {
	case "starttls":
	case "none":
		c.SMTP.NoTLS = true
	default:
		return fmt.Errorf("SMTP_TLS must be starttls or none (none only for a relay on a trusted network), got %q", mode)
	}
	c.AdminBaseURL = strings.TrimRight(get("ADMIN_BASE_URL", ""), "/")
	if u, err := url.Parse(c.AdminBaseURL); c.AdminBaseURL != "" && (err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "") {
		return fmt.Errorf("ADMIN_BASE_URL must be the admin page's site, such as https://bot.example.com, got %q", c.AdminBaseURL)
	}
	return nil
}

// checkSMTP refuses SMTP_HOST without SMTP_FROM, the other SMTP variables
// without SMTP_HOST, and a user without a password.
func (c config) checkSMTP() error {
	s := c.SMTP
	if s.Host == "" {
		const hint = "set SMTP_HOST too to mail recruiters, or unset it"
		switch {
		case s.From != "":
			return halfSet("SMTP_FROM", "SMTP_HOST", hint)
		case s.User != "":
			return halfSet("SMTP_USER", "SMTP_HOST", hint)
		case s.Password != "":
			return halfSet("SMTP_PASSWORD", "SMTP_HOST", hint)
		}
		return nil
	}
	switch {
	case s.From == "":
		return halfSet("SMTP_HOST", "SMTP_FROM", "set it to the sender's address, such as sakebot@example.com")
	case email.CheckFrom(s.From) != nil:
		return fmt.Errorf("SMTP_FROM must be one mail address, such as sakebot@example.com or \"sakebot <sakebot@example.com>\", got %q", s.From)
	case s.User != "" && s.Password == "":
		return halfSet("SMTP_USER", "SMTP_PASSWORD", "set both to authenticate, or neither for a relay without a login")
	case s.Password != "" && s.User == "":
		return halfSet("SMTP_PASSWORD", "SMTP_USER", "set both to authenticate, or neither for a relay without a login")
	}
	return nil
}

// emailNotify reports whether recruiters are mailed: SMTP_HOST is set and
// Slack notices are off.
func emailNotify(cfg config) bool { return cfg.SMTP.Host != "" && !slackNotify(cfg) }

// slackNotify reports whether recruiters are notified in Slack.
func slackNotify(cfg config) bool { return cfg.SlackToken != "" && cfg.SlackChannel != "" }

// emailConfig is the e-mail sender's configuration from cfg.
func emailConfig(cfg config, a *app) email.Config {
	s := cfg.SMTP
	return email.Config{Host: s.Host, Port: s.Port, Username: s.User, Password: s.Password, From: s.From,
		NoTLS: s.NoTLS, AdminBaseURL: cfg.AdminBaseURL, Now: a.now}
}
