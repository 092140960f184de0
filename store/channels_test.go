package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
)

// channelApplications stores one candidate with one application on each
// of the keys, named as the key's user id, oldest first.
func channelApplications(t *testing.T, s *store.Store, keys ...bot.UserKey) []bot.Application {
	t.Helper()
	apps := make([]bot.Application, 0, len(keys))
	for _, k := range keys {
		apps = append(apps, submit(t, s, addCandidate(t, s, k), k.UserID))
	}
	return apps
}

// TestListApplicationsByChannel filters the list on the channel the
// candidate applied on, alone and with the other filters.
func TestListApplicationsByChannel(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		apps := channelApplications(t, s,
			bot.UserKey{Channel: bot.ChannelLINE, UserID: "line-taro"},
			bot.UserKey{Channel: bot.ChannelWeb, UserID: "web-hanako"},
			bot.UserKey{Channel: bot.ChannelSlack, UserID: "slack-jiro"},
			bot.UserKey{Channel: bot.ChannelWeb, UserID: "web-saburo"})
		_, err := s.SetApplicationStatus(ctx, apps[3].ID, bot.StatusOffer, "admin")
		must(t, err)

		check := func(f bot.ApplicationFilter, want ...string) {
			t.Helper()
			got, err := s.ListApplications(ctx, f)
			must(t, err)
			names := []string{}
			for _, a := range got {
				names = append(names, a.Name)
			}
			if want == nil {
				want = []string{}
			}
			if fmt.Sprint(names) != fmt.Sprint(want) {
				t.Errorf("ListApplications(%+v) = %q, want %q", f, names, want)
			}
		}
		check(bot.ApplicationFilter{}, "web-saburo", "slack-jiro", "web-hanako", "line-taro")
		check(bot.ApplicationFilter{Channel: bot.ChannelWeb}, "web-saburo", "web-hanako")
		check(bot.ApplicationFilter{Channel: bot.ChannelLINE}, "line-taro")
		check(bot.ApplicationFilter{Channel: bot.ChannelCLI})
		check(bot.ApplicationFilter{Channel: bot.ChannelWeb, Status: bot.StatusSubmitted}, "web-hanako")
		check(bot.ApplicationFilter{Channel: bot.ChannelWeb, Query: "SABURO"}, "web-saburo")
		check(bot.ApplicationFilter{Channel: bot.ChannelWeb, Limit: 1}, "web-saburo")
		got, err := s.ListApplications(ctx, bot.ApplicationFilter{Channel: bot.ChannelWeb})
		must(t, err)
		if len(got) != 2 || got[0].Key.Channel != bot.ChannelWeb || got[1].Key != apps[1].Key {
			t.Errorf("web applications = %+v", got)
		}
		for _, c := range []bot.Channel{"fax", "WEB", "web' OR '1'='1"} {
			if _, err := s.ListApplications(ctx, bot.ApplicationFilter{Channel: c}); err == nil {
				t.Errorf("the unknown channel filter %q was accepted", c)
			}
		}
	})
}

// TestChannelCounts counts candidates and applications per channel: every
// known channel in order, zero included.
func TestChannelCounts(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		channelApplications(t, s,
			bot.UserKey{Channel: bot.ChannelWeb, UserID: "web-1"},
			bot.UserKey{Channel: bot.ChannelWeb, UserID: "web-2"},
			bot.UserKey{Channel: bot.ChannelLINE, UserID: "line-1"})
		addCandidate(t, s, bot.UserKey{Channel: bot.ChannelWeb, UserID: "web-visitor"})
		addCandidate(t, s, bot.UserKey{Channel: bot.ChannelSlack, UserID: "slack-1"})

		got, err := s.ChannelCounts(ctx)
		must(t, err)
		want := []bot.ChannelCount{
			{Channel: bot.ChannelLINE, Candidates: 1, Applications: 1},
			{Channel: bot.ChannelSlack, Candidates: 1, Applications: 0},
			{Channel: bot.ChannelWeb, Candidates: 3, Applications: 2},
			{Channel: bot.ChannelCLI, Candidates: 0, Applications: 0},
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("ChannelCounts = %+v\nwant %+v", got, want)
		}
	})
}
