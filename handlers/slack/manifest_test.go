package slack

import (
	"os"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestManifestMatchesRoutes keeps docs/slack-app-manifest.yaml in step
// with the routes and the events the handlers read.
func TestManifestMatchesRoutes(t *testing.T) {
	raw, err := os.ReadFile("../../docs/slack-app-manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Features struct {
			SlashCommands []struct{ Command, URL string } `yaml:"slash_commands"`
		}
		OAuth struct {
			Scopes struct{ Bot []string }
		} `yaml:"oauth_config"`
		Settings struct {
			Events struct {
				RequestURL string   `yaml:"request_url"`
				BotEvents  []string `yaml:"bot_events"`
			} `yaml:"event_subscriptions"`
			Interactivity struct {
				RequestURL string `yaml:"request_url"`
			}
		}
	}
	if err := yaml.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	urls := []string{m.Settings.Events.RequestURL, m.Settings.Interactivity.RequestURL}
	if len(m.Features.SlashCommands) == 1 && m.Features.SlashCommands[0].Command == "/sakebot" {
		urls = append(urls, m.Features.SlashCommands[0].URL)
	}
	a := New(Config{}, nil, nil, nil, nil)
	for pattern := range a.Routes() {
		path := strings.TrimPrefix(pattern, "POST ")
		found := false
		for _, u := range urls {
			found = found || strings.HasSuffix(u, path)
		}
		if !found {
			t.Errorf("the manifest has no request URL for %s", path)
		}
	}
	want := map[string]bool{"chat:write": true, "commands": true, "channels:history": true, "groups:history": true,
		"im:history": true, "app_mentions:read": true, "im:write": true, "users:read": true}
	for _, s := range m.OAuth.Scopes.Bot {
		delete(want, s)
	}
	events := strings.Join(m.Settings.Events.BotEvents, " ")
	for _, e := range []string{"message.channels", "message.groups", "message.im", "app_mention", "app_home_opened"} {
		if !strings.Contains(events, e) {
			t.Errorf("the manifest does not subscribe to %s", e)
		}
	}
	if len(want) > 0 {
		t.Errorf("scopes missing from the manifest: %v", want)
	}
}
