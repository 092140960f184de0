package main

import (
	"bufio"
	"fmt"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// config is everything sakebot reads from its environment.
type config struct {
	DatabaseURL        string
	Addr               string
	FormExpiry         time.Duration
	LogFormat          string
	LogLevel           string
	LINESecret         string
	LINESecretPrevious string
	LINEToken          string
	LINEAPIBase        string
	LINEDataBase       string
	SlackToken         string
	SlackSecret        string
	SlackAPIURL        string
	SlackChannel       string
	SlackStaff         []string
	SlackAppToken      string // an app-level token (xapp-…): Slack over Socket Mode instead of request URLs
	AdminPassword      string
	RateLimit          int            // messages per candidate per minute; 0 turns the limit off
	RetentionMonths    int            // personal data older than this is purged; 0 keeps it
	PprofAddr          string         // loopback address for /debug/pprof; empty turns it off
	TrustedProxies     []netip.Prefix // peers whose X-Forwarded-For/-Proto the admin page and the web chat believe
	WebChat            bool           // the web chat at / (WEBCHAT_ENABLED, on unless "false")
	WebChatOrigins     []string       // sites that may embed the web chat widget
	SMTP               smtpConfig     // mail to recruiters when Slack is off
	AdminBaseURL       string         // the admin page's site, for links in mails (ADMIN_BASE_URL)
	Events             eventsConfig   // reminders and the recruiters' evening list
	LINEBasicID        string         // the LINE account's @ID for the sources' links (LINE_BASIC_ID); empty: the bot info API
	LINEPushRate       float64        // pushes a second this process sends at most (LINE_PUSH_RATE, default line.DefaultPushRate)
}

// loadConfig reads the configuration from getenv, falling back to a .env
// file in the working directory for variables getenv does not set.
func loadConfig(getenv func(string) string) (config, error) {
	dot, err := readDotEnv(".env")
	if err != nil {
		return config{}, err
	}
	get := func(k, def string) string {
		if v := getenv(k); v != "" {
			return v
		}
		if v := dot[k]; v != "" {
			return v
		}
		return def
	}
	days, err := strconv.Atoi(get("FORM_EXPIRY_DAYS", "14"))
	if err != nil || days < 1 {
		return config{}, fmt.Errorf("FORM_EXPIRY_DAYS must be a whole number of days (1 or more), got %q", get("FORM_EXPIRY_DAYS", ""))
	}
	rate, err := strconv.Atoi(get("RATE_LIMIT_PER_MINUTE", "20"))
	if err != nil || rate < 0 {
		return config{}, fmt.Errorf("RATE_LIMIT_PER_MINUTE must be a whole number (0 turns the limit off), got %q", get("RATE_LIMIT_PER_MINUTE", ""))
	}
	retention, err := strconv.Atoi(get("RETENTION_MONTHS", "12"))
	if err != nil || retention < 0 {
		return config{}, fmt.Errorf("RETENTION_MONTHS must be a whole number of months (0 keeps data), got %q", get("RETENTION_MONTHS", ""))
	}
	c := config{
		RetentionMonths:    retention,
		RateLimit:          rate,
		DatabaseURL:        get("DATABASE_URL", "sqlite:sakebot.db"),
		Addr:               get("ADDR", ":8080"),
		FormExpiry:         time.Duration(days) * 24 * time.Hour,
		LogFormat:          get("LOG_FORMAT", "text"),
		LogLevel:           get("LOG_LEVEL", "info"),
		LINESecret:         get("LINE_CHANNEL_SECRET", ""),
		LINESecretPrevious: get("LINE_CHANNEL_SECRET_PREVIOUS", ""),
		LINEToken:          get("LINE_CHANNEL_ACCESS_TOKEN", ""),
		LINEAPIBase:        get("LINE_API_BASE_URL", "https://api.line.me"),
		LINEDataBase:       get("LINE_DATA_API_BASE_URL", "https://api-data.line.me"),
		SlackToken:         get("SLACK_BOT_TOKEN", ""),
		SlackSecret:        get("SLACK_SIGNING_SECRET", ""),
		SlackAPIURL:        get("SLACK_API_URL", "https://slack.com/api/"),
		SlackChannel:       get("SLACK_NOTIFY_CHANNEL", ""),
		AdminPassword:      get("ADMIN_PASSWORD", ""),
	}
	c.PprofAddr = get(EnvPprofAddr, "")
	if c.TrustedProxies, err = parseTrustedProxies(get("TRUSTED_PROXIES", "")); err != nil {
		return config{}, err
	}
	if c.WebChat, err = parseBool("WEBCHAT_ENABLED", get("WEBCHAT_ENABLED", "true")); err != nil {
		return config{}, err
	}
	if c.WebChatOrigins, err = parseOrigins(get("WEBCHAT_ALLOWED_ORIGINS", "")); err != nil {
		return config{}, err
	}
	if err := c.loadSMTP(get); err != nil {
		return config{}, err
	}
	if err := c.loadEvents(get); err != nil {
		return config{}, err
	}
	if c.LINEBasicID, err = parseBasicID(get("LINE_BASIC_ID", "")); err != nil {
		return config{}, err
	}
	if c.LINEPushRate, err = parsePushRate(get("LINE_PUSH_RATE", "")); err != nil {
		return config{}, err
	}
	c.SlackAppToken = get("SLACK_APP_TOKEN", "")
	if c.SlackAppToken != "" && !strings.HasPrefix(c.SlackAppToken, "xapp-") {
		return config{}, fmt.Errorf("SLACK_APP_TOKEN must be an app-level token (xapp-…) with connections:write; the bot token (xoxb-…) goes in SLACK_BOT_TOKEN")
	}
	for _, id := range strings.Split(get("SLACK_STAFF_USER_IDS", ""), ",") {
		if id = strings.TrimSpace(id); id != "" {
			c.SlackStaff = append(c.SlackStaff, id)
		}
	}
	if err := c.check(); err != nil {
		return config{}, err
	}
	return c, nil
}

// minAdminPassword is the fewest characters ADMIN_PASSWORD may have.
const minAdminPassword = 12

// check refuses a half-configured channel or a short admin password, with
// one line naming the variable to set.
func (c config) check() error {
	if err := c.checkLINE(); err != nil {
		return err
	}
	if err := c.checkSlack(); err != nil {
		return err
	}
	if err := c.checkSMTP(); err != nil {
		return err
	}
	if n := utf8.RuneCountInString(c.AdminPassword); n > 0 && n < minAdminPassword {
		return fmt.Errorf("ADMIN_PASSWORD is too short (%d characters): use %d or more, or leave it empty to keep the admin page off", n, minAdminPassword)
	}
	return nil
}

// checkLINE refuses a LINE secret without a token, or the reverse.
func (c config) checkLINE() error {
	switch {
	case c.LINESecret != "" && c.LINEToken == "":
		return halfSet("LINE_CHANNEL_SECRET", "LINE_CHANNEL_ACCESS_TOKEN", "set both to turn LINE on, or neither to leave it off")
	case c.LINEToken != "" && c.LINESecret == "":
		return halfSet("LINE_CHANNEL_ACCESS_TOKEN", "LINE_CHANNEL_SECRET", "set both to turn LINE on, or neither to leave it off")
	}
	return nil
}

// checkSlack refuses Slack settings without the bot token, and a bot token
// with neither a signing secret nor an app-level token.
func (c config) checkSlack() error {
	if c.SlackToken == "" {
		return c.checkNoSlackToken()
	}
	if c.SlackSecret == "" && c.SlackAppToken == "" {
		return halfSet("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "set it to use request URLs, or set SLACK_APP_TOKEN to use Socket Mode")
	}
	return nil
}

// checkNoSlackToken names the first Slack variable that is set although
// SLACK_BOT_TOKEN is not.
func (c config) checkNoSlackToken() error {
	const hint = "set SLACK_BOT_TOKEN too to turn Slack on, or unset it to leave Slack off"
	switch {
	case c.SlackSecret != "":
		return halfSet("SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN", hint)
	case c.SlackAppToken != "":
		return halfSet("SLACK_APP_TOKEN", "SLACK_BOT_TOKEN", hint)
	case c.SlackChannel != "":
		return halfSet("SLACK_NOTIFY_CHANNEL", "SLACK_BOT_TOKEN", hint)
	case len(c.SlackStaff) > 0:
		return halfSet("SLACK_STAFF_USER_IDS", "SLACK_BOT_TOKEN", hint)
	}
	return nil
}

// parseTrustedProxies reads TRUSTED_PROXIES: comma-separated CIDR ranges or
// single addresses (a whole-length range) of the proxies in front of
// sakebot, whose X-Forwarded-For and X-Forwarded-Proto the admin page may
// believe. Empty means none: the client is always the direct peer.
func parseTrustedProxies(v string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, entry := range strings.Split(v, ",") {
		entry = strings.TrimSpace(entry)
		if entry == "" {
			continue
		}
		p, err := parseProxy(entry)
		if err != nil {
			return nil, fmt.Errorf("TRUSTED_PROXIES must be comma-separated addresses or CIDR ranges "+
				"(such as 10.0.0.0/8,127.0.0.1), got %q", entry)
		}
		out = append(out, p)
	}
	return out, nil
}

// parseProxy reads one entry: "10.0.0.0/8", "192.0.2.1", "2001:db8::/32".
// An IPv4 address written as IPv6 (::ffff:10.0.0.1) means the IPv4 one.
func parseProxy(entry string) (netip.Prefix, error) {
	if !strings.Contains(entry, "/") {
		a, err := netip.ParseAddr(entry)
		if err != nil || a.Zone() != "" {
			return netip.Prefix{}, fmt.Errorf("not an address: %q", entry)
		}
		a = a.Unmap()
		return netip.PrefixFrom(a, a.BitLen()), nil
	}
	p, err := netip.ParsePrefix(entry)
	if err != nil {
		return netip.Prefix{}, err
	}
	if a := p.Addr(); a.Is4In6() {
		if p.Bits() < 96 {
			return netip.Prefix{}, fmt.Errorf("range %q is wider than the IPv4 addresses", entry)
		}
		p = netip.PrefixFrom(a.Unmap(), p.Bits()-96)
	}
	return p.Masked(), nil
}

// halfSet is the error for a variable set without the one it needs.
func halfSet(set, missing, hint string) error {
	return fmt.Errorf("%s is set but %s is not: %s", set, missing, hint)
}

// readDotEnv reads KEY=VALUE lines (comment lines and trailing " # comments",
// optional quotes); a missing file is no error.
func readDotEnv(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(strings.TrimPrefix(line, "export "), "=")
		if !ok {
			return nil, fmt.Errorf("%s:%d: expected KEY=VALUE", path, n)
		}
		out[strings.TrimSpace(k)] = dotEnvValue(v)
	}
	return out, sc.Err()
}

// dotEnvValue is the value of a .env line from the text after "=": a quoted
// value is what is inside its quotes (a # in there is kept); an unquoted one
// ends at a # that follows a space or tab.
func dotEnvValue(raw string) string {
	v := strings.TrimSpace(raw)
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') {
		if end := strings.IndexByte(v[1:], v[0]) + 1; end > 0 {
			rest := strings.TrimSpace(v[end+1:])
			if rest == "" || rest[0] == '#' {
				return v[1:end]
			}
		}
		if v[len(v)-1] == v[0] {
			return v[1 : len(v)-1]
		}
	}
	return strings.TrimSpace(stripComment(raw))
}

// stripComment cuts v at the first # that follows a space or tab.
func stripComment(v string) string {
	for i := 1; i < len(v); i++ {
		if v[i] == '#' && (v[i-1] == ' ' || v[i-1] == '\t') {
			return v[:i]
		}
	}
	return v
}
