package main

import (
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
)

// TestHalfConfiguredMailIsRefused checks that SMTP_HOST without SMTP_FROM,
// and the other mistakes in the SMTP variables, stop serve with one line
// naming the variable.
func TestHalfConfiguredMailIsRefused(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		want string
	}{
		{"host without from", map[string]string{"SMTP_HOST": "smtp.example.com"},
			"SMTP_HOST is set but SMTP_FROM is not: set it to the sender's address"},
		{"from without host", map[string]string{"SMTP_FROM": "sakebot@example.com"},
			"SMTP_FROM is set but SMTP_HOST is not"},
		{"user without password", map[string]string{"SMTP_HOST": "smtp.example.com", "SMTP_FROM": "sakebot@example.com", "SMTP_USER": "u"},
			"SMTP_USER is set but SMTP_PASSWORD is not"},
		{"bad from", map[string]string{"SMTP_HOST": "smtp.example.com", "SMTP_FROM": "sakebot"},
			"SMTP_FROM must be one mail address"},
		{"bad TLS", map[string]string{"SMTP_HOST": "smtp.example.com", "SMTP_FROM": "sakebot@example.com", "SMTP_TLS": "ssl"},
			"SMTP_TLS must be starttls or none"},
		{"bad port", map[string]string{"SMTP_PORT": "smtp"}, "SMTP_PORT must be a port number"},
		{"bad base URL", map[string]string{"ADMIN_BASE_URL": "bot.example.com"}, "ADMIN_BASE_URL must be the admin page's site"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := refuse(t, tc.env)
			if err == nil {
				t.Fatal("accepted; want an error")
			}
			if msg := err.Error(); strings.Contains(msg, "\n") || !strings.HasPrefix(msg, tc.want) {
				t.Errorf("error = %q\nwant one line starting %q", msg, tc.want)
			}
		})
	}
}

// TestNotifyByMailOnlyWithoutSlack: SMTP_HOST mails recruiters when Slack
// notices are off; Slack wins when both are set.
func TestNotifyByMailOnlyWithoutSlack(t *testing.T) {
	mailOnly := config{SMTP: smtpConfig{Host: "smtp.example.com", From: "sakebot@example.com"}}
	if n := notifyOf(mailOnly); n.Channel != bot.ChannelEmail || !n.On() || !n.Inbox {
		t.Errorf("notifyOf(SMTP only) = %+v; want e-mail, with the inbox", n)
	}
	both := mailOnly
	both.SlackToken, both.SlackChannel = "xoxb-1", "C1"
	if n := notifyOf(both); n.Channel != bot.ChannelSlack || n.To != "C1" {
		t.Errorf("notifyOf(Slack and SMTP) = %+v; want Slack", n)
	}
	if n := notifyOf(config{}); n.On() {
		t.Errorf("notifyOf(neither) = %+v; want no channel", n)
	}
}
