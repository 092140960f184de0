package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
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
	RateLimit          int    // messages per candidate per minute; 0 turns the limit off
	RetentionMonths    int    // personal data older than this is purged; 0 keeps it
	PprofAddr          string // loopback address for /debug/pprof; empty turns it off
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
	c.SlackAppToken = get("SLACK_APP_TOKEN", "")
	if c.SlackAppToken != "" && !strings.HasPrefix(c.SlackAppToken, "xapp-") {
		return config{}, fmt.Errorf("SLACK_APP_TOKEN must be an app-level token (xapp-…) with connections:write; the bot token (xoxb-…) goes in SLACK_BOT_TOKEN")
	}
	for _, id := range strings.Split(get("SLACK_STAFF_USER_IDS", ""), ",") {
		if id = strings.TrimSpace(id); id != "" {
			c.SlackStaff = append(c.SlackStaff, id)
		}
	}
	return c, nil
}

// readDotEnv reads KEY=VALUE lines (comments with #, optional quotes); a
// missing file is no error.
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
		v = strings.TrimSpace(v)
		if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
			v = v[1 : len(v)-1]
		}
		out[strings.TrimSpace(k)] = v
	}
	return out, sc.Err()
}
