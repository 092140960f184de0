package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store/storetest"
)

// TestChatBooksBySlotNumber: `chat` lists the slots as numbered lines, and
// typing the number picks the slot's 予約する.
func TestChatBooksBySlotNumber(t *testing.T) {
	url := storetest.SQLiteURL(t)
	s := storetest.Open(t, url, time.Now)
	start := time.Now().Add(10 * 24 * time.Hour).Truncate(time.Hour)
	ev := bot.Event{Kind: bot.EventSession, Title: "サケモデル説明会", StartsAt: start, EndsAt: start.Add(time.Hour), Capacity: 20,
		Place: "北見工業大学"}
	if err := bot.NewEngine(bot.Config{Store: s}).SaveEvent(context.Background(), &ev, "admin"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	env := map[string]string{"DATABASE_URL": url}
	out, err := cli(t, env, "説明会に参加したい\n1\n同意する\n北見 太郎\nはい\n", "chat", "--user", "hana")
	if err != nil {
		t.Fatal(err)
	}
	when := bot.FormatEventTime(ev.StartsAt, ev.EndsAt)
	for _, want := range []string{"[1] " + when + " 説明会『サケモデル説明会』 北見工業大学 残り20席 … 予約する",
		"お名前をお預かりします", "を予約しますか？", "ご予約を承りました"} {
		if !strings.Contains(out, want) {
			t.Fatalf("chat lacks %q:\n%s", want, out)
		}
	}
}
