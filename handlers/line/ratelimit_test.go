package line_test

import (
	"context"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store/storetest"
)

func TestRateLimitIsPoliteAndKeepsTheForm(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		e.send(e.text("UR1", "応募したい"))
		e.tap("UR1", "同意する")
		// A burst of 24 more messages within the minute: 20 is the limit.
		var burst []map[string]any
		for range 24 {
			burst = append(burst, e.text("UR1", "北見の冬は寒いですか"))
		}
		if code := e.post(callback(burst...)); code != 200 {
			t.Fatalf("webhook: %d", code)
		}
		e.run()
		notes, answers := 0, 0
		for _, d := range e.api.Delivered()[2:] {
			switch got := messagesText(d); {
			case strings.Contains(got, "1分ほどしてから"):
				notes++
			default:
				answers++
			}
		}
		if answers != 18 || notes != 1 {
			t.Fatalf("want 18 answers (20 with the first two) and one polite note, got %d and %d", answers, notes)
		}
		// The form was not dropped: the conversation still waits for the name.
		key := bot.UserKey{Channel: bot.ChannelLINE, UserID: "UR1"}
		err := e.store.InTx(context.Background(), key, func(tx bot.Tx) error {
			c, err := tx.Conversation(context.Background(), key)
			if err == nil && (c.Mode != bot.ModeForm || c.Step != bot.FieldName) {
				t.Errorf("form state after the burst: %s/%s", c.Mode, c.Step)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
