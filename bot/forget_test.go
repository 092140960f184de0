package bot_test

import (
	"context"
	"errors"
	"testing"

	"github.com/sakemodel/sakebot/bot"
)

func TestCandidateDeletesTheirData(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		h.fillForm()
		h.tap("この内容で応募する", "SK-")
		h.say("個人情報を削除したい", "すべて削除します", "[はい、削除する]")
		h.tap("いいえ", "承知しました")
		if len(h.applications()) != 1 {
			t.Fatal("a no deleted something")
		}
		h.say("個人情報を削除", "すべて削除します")
		h.tap("はい、削除する", "削除しました")
		if n := len(h.applications()); n != 0 {
			t.Fatalf("%d applications left", n)
		}
		ctx := context.Background()
		err := h.store.InTx(ctx, h.key, func(tx bot.Tx) error {
			_, err := tx.Candidate(ctx, h.key)
			return err
		})
		if !errors.Is(err, bot.ErrNotFound) {
			t.Fatalf("candidate after deletion: %v", err)
		}
		// The bot still answers, and a new application starts from consent.
		h.say("応募したい", "個人情報の取り扱い")
	})
}

func TestForgetInTheFormAndBack(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		toEmail(h)
		h.say("個人情報を削除", "すべて削除します")
		h.say("いいえ", qEmail)
		h.say("taro@example.com", qPhone)
	})
}
