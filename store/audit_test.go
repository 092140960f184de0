package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faqfile"
	"github.com/sakemodel/sakebot/store/storetest"
)

// TestAuditLog: the whole log holds every trail, newest first, and
// filters by person (any of their actor strings) and by kind.
func TestAuditLog(t *testing.T) {
	t.Parallel()
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		t.Parallel()
		clock := storetest.NewClock(t)
		s := storetest.Open(t, url, clock.Now)
		ctx := context.Background()
		if _, err := s.SeedFAQs(ctx, faqfile.Default()); err != nil {
			t.Fatal(err)
		}
		sato := bot.Staff{Email: "sato@example.jp", Name: "佐藤 花子", Role: bot.RoleRecruiter, SlackUserID: "USATO"}
		clock.Advance(time.Minute)
		must(t, s.CreateStaff(ctx, &sato, "h", "cli"))
		clock.Advance(time.Minute)
		must(t, s.DeleteFAQ(ctx, "kitami-winter", 0, "USATO"))
		clock.Advance(time.Minute)
		sato.Role = bot.RoleViewer
		must(t, s.UpdateStaff(ctx, sato, sato.Actor()))
		all, err := s.AuditLog(ctx, bot.AuditFilter{})
		must(t, err)
		if len(all) < 3 || all[0].Kind != bot.AuditStaff || all[0].Action != "changed" || all[0].Detail != "viewer" ||
			all[0].Subject != "佐藤 花子" || all[1].Kind != bot.AuditFAQ || all[1].Subject != "kitami-winter" {
			t.Fatalf("log = %+v", all[:min(len(all), 3)])
		}
		mine, err := s.AuditLog(ctx, bot.AuditFilter{Actors: []string{sato.Actor(), "USATO"}})
		must(t, err)
		if len(mine) != 2 || mine[0].Actor != sato.Actor() || mine[1].Actor != "USATO" {
			t.Errorf("by person = %+v", mine)
		}
		key := bot.UserKey{Channel: bot.ChannelLINE, UserID: "Ureply"}
		clock.Advance(time.Minute)
		must(t, s.InTx(ctx, key, func(tx bot.Tx) error {
			h := &bot.Handoff{Key: key, Reason: bot.HandoffAsked, Status: bot.HandoffOpen, CreatedAt: clock.Now(), LastAt: clock.Now()}
			if err := tx.RecordHandoff(ctx, h); err != nil {
				return err
			}
			if err := tx.AddHandoffMessage(ctx, &bot.HandoffMessage{HandoffID: h.ID, From: bot.FromCandidate, Text: "質問です", At: clock.Now()}); err != nil {
				return err
			}
			return tx.AddHandoffMessage(ctx, &bot.HandoffMessage{HandoffID: h.ID, From: bot.FromStaff, Staff: sato.Actor(), Text: "お答えします", At: clock.Now()})
		}))
		replies, err := s.AuditLog(ctx, bot.AuditFilter{Kind: bot.AuditReply})
		must(t, err)
		if len(replies) != 1 || replies[0].Actor != sato.Actor() || replies[0].Subject == "" {
			t.Errorf("replies in the log = %+v; want the staff reply only, naming who", replies)
		}
		staff, err := s.AuditLog(ctx, bot.AuditFilter{Kind: bot.AuditStaff, Limit: 1})
		must(t, err)
		if len(staff) != 1 || staff[0].Action != "changed" {
			t.Errorf("by kind, limited = %+v", staff)
		}
	})
}
