package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
)

// TestStaffAccounts: accounts are found by e-mail in any case, an e-mail
// or Slack user id belongs to one account, and disabling an account or
// changing its password ends its sessions (but the one kept).
func TestStaffAccounts(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		sato := bot.Staff{Email: " Sato@Example.JP ", Name: "佐藤 花子", Role: bot.RoleRecruiter, SlackUserID: "USATO"}
		must(t, s.CreateStaff(ctx, &sato, "hash-1", "test"))
		if sato.ID == 0 || sato.Email != "sato@example.jp" {
			t.Fatalf("created %+v", sato)
		}
		wantErr(t, s.CreateStaff(ctx, &bot.Staff{Email: "SATO@example.jp", Name: "x", Role: bot.RoleViewer}, "h", "test"), bot.ErrConflict)
		wantErr(t, s.CreateStaff(ctx, &bot.Staff{Email: "b@example.jp", Name: "x", Role: bot.RoleViewer, SlackUserID: "USATO"}, "h", "test"), bot.ErrConflict)
		got, hash, err := s.StaffByEmail(ctx, "SATO@EXAMPLE.JP")
		must(t, err)
		if got.ID != sato.ID || hash != "hash-1" || got.Role != bot.RoleRecruiter || got.SlackUserID != "USATO" {
			t.Fatalf("by email: %+v %q", got, hash)
		}
		if _, _, err := s.StaffByEmail(ctx, "nobody@example.jp"); !errors.Is(err, bot.ErrNotFound) {
			t.Fatalf("unknown e-mail: %v", err)
		}
		expires := time.Now().Add(time.Hour)
		for _, h := range []string{"s1", "s2", "s3"} {
			must(t, s.CreateAdminSession(ctx, h, "c", sato.ID, expires))
		}
		must(t, s.CreateAdminSession(ctx, "glass", "c", 0, expires))
		must(t, s.SetStaffPassword(ctx, sato.ID, "hash-2", "s2", "staff:1"))
		alive := func(h string) bool { _, _, _, err := s.AdminSession(ctx, h); return err == nil }
		if alive("s1") || !alive("s2") || alive("s3") || !alive("glass") {
			t.Errorf("after a password change: s1 %v s2 %v s3 %v glass %v; want only s2 (kept) and glass", alive("s1"), alive("s2"), alive("s3"), alive("glass"))
		}
		if _, id, _, _ := s.AdminSession(ctx, "s2"); id != sato.ID {
			t.Errorf("session's staff = %d; want %d", id, sato.ID)
		}
		sato.Disabled, sato.Role, sato.Name = true, bot.RoleViewer, "佐藤 はなこ"
		must(t, s.UpdateStaff(ctx, sato, "staff:1"))
		if alive("s2") || !alive("glass") {
			t.Error("disabling the account left its session alive, or ended another's")
		}
		got, hash, err = s.StaffByID(ctx, sato.ID)
		must(t, err)
		if !got.Disabled || got.Role != bot.RoleViewer || got.Name != "佐藤 はなこ" || hash != "hash-2" {
			t.Errorf("after update: %+v %q", got, hash)
		}
		wantErr(t, s.UpdateStaff(ctx, bot.Staff{ID: 999, Role: bot.RoleViewer}, "x"), bot.ErrNotFound)
		list, err := s.ListStaff(ctx)
		must(t, err)
		if len(list) != 1 || list[0].ID != sato.ID {
			t.Errorf("list = %+v", list)
		}
	})
}
