package main

import (
	"fmt"
	"net/url"
	"strings"
)

// parseBool reads a yes/no variable: true/false, 1/0, yes/no, on/off.
func parseBool(name, v string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "true", "1", "yes", "on":
		return true, nil
	case "false", "0", "no", "off":
		return false, nil
	}
	return false, fmt.Errorf("%s must be true or false, got %q", name, v)
}

// parseOrigins reads WEBCHAT_ALLOWED_ORIGINS: comma-separated origins
// (scheme://host[:port], no path) of the sites that may embed the web
// chat.
func parseOrigins(v string) ([]string, error) {
	var out []string
	for _, entry := range strings.Split(v, ",") {
		entry = strings.TrimSpace(entry)
		if entry == "" {
			continue
		}
		u, err := url.Parse(strings.TrimSuffix(entry, "/"))
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" ||
			u.Path != "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			return nil, fmt.Errorf("WEBCHAT_ALLOWED_ORIGINS must be comma-separated origins such as "+
				"https://recruit.example.co.jp (scheme and host, no path), got %q", entry)
		}
		out = append(out, strings.ToLower(u.Scheme+"://"+u.Host))
	}
	return out, nil
}
