package slack

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/sakemodel/sakebot/worker"
	"github.com/slack-go/slack"
)

// profileTTL is how long a looked-up display name is reused.
const profileTTL = time.Hour

// maxProfiles bounds the cache of display names; when full it starts over.
const maxProfiles = 10000

// Profiles looks up Slack users' display names with users.info
// (worker.ProfileSource). Slack has no follow event, so the worker asks for
// the name of whoever writes to the bot one to one: names are cached for
// an hour.
type Profiles struct {
	api   *slack.Client
	now   func() time.Time
	mu    sync.Mutex
	cache map[string]profileEntry
}

type profileEntry struct {
	name string
	at   time.Time
}

var _ worker.MessageProfileSource = (*Profiles)(nil)

// NewProfiles returns the display-name source of cfg's token.
func NewProfiles(cfg Config) *Profiles {
	return &Profiles{api: newAPI(cfg, 3*time.Second), now: cfg.clock(), cache: map[string]profileEntry{}}
}

// NamesOnMessages implements worker.MessageProfileSource.
func (p *Profiles) NamesOnMessages() {}

// DisplayName implements worker.ProfileSource: the user's display name, or
// their real name, or their user name.
func (p *Profiles) DisplayName(ctx context.Context, userID string) (string, error) {
	p.mu.Lock()
	e, ok := p.cache[userID]
	p.mu.Unlock()
	if ok && p.now().Sub(e.at) < profileTTL {
		return e.name, nil
	}
	u, err := p.api.GetUserInfoContext(ctx, userID)
	if err != nil {
		return "", classify(err)
	}
	name := firstNonEmpty(u.Profile.DisplayName, u.Profile.RealName, u.RealName, u.Name)
	p.mu.Lock()
	if len(p.cache) >= maxProfiles {
		p.cache = map[string]profileEntry{}
	}
	p.cache[userID] = profileEntry{name: name, at: p.now()}
	p.mu.Unlock()
	return name, nil
}

// firstNonEmpty returns the first of ss that is not blank.
func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
