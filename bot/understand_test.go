package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
)

// The request wordings the understanding issue names, through the engine
// on a real store: each must do what the student asks, and no more.
func TestRequestsInStudentsWords(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		h.say("担当者と話したいです", "採用担当者におつなぎします")
		h.key.UserID = "U0002"
		h.say("質問があるので担当の方とお話しできますか", "採用担当者におつなぎします")
		h.key.UserID = "U0003"
		h.say("個人情報を削除してほしいです", "個人情報をすべて削除します")
		h.key.UserID = "U0004"
		if r := repliesText(h.say("まだ応募はしないです")); strings.Contains(r, "個人情報の取り扱い") {
			t.Fatalf("a negated request started the form:\n%s", r)
		}
		h.key.UserID = "U0005"
		r := repliesText(h.say("応募したいけど研修って何ヶ月？", "4ヶ月", "[応募する]"))
		if strings.Contains(r, "個人情報の取り扱い") {
			t.Fatalf("the form started before the question was answered:\n%s", r)
		}
		h.tap("応募する", "個人情報の取り扱い")
		h.key.UserID = "U0006"
		if r := repliesText(h.say("応募するか迷ってます", "[応募する]")); strings.Contains(r, "個人情報の取り扱い") {
			t.Fatalf("a hedged request started the form:\n%s", r)
		}
	})
}

// In the form, a hesitation about cancelling asks before anything is
// thrown away.
func TestHedgedCancelInFormAsks(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		h.say("応募したいです", "個人情報の取り扱い")
		h.tap("同意する", qName)
		h.say("やめるか迷ってます", "応募の入力をやめますか")
		h.tap("いいえ、続ける", qName)
		h.say("ｷｬﾝｾﾙで", "応募の入力をやめますか")
	})
}

// A question the bot cannot answer but that is near some entries gets "did
// you mean" choices and a person; the entry picked is recorded against the
// question for staff.
func TestDidYouMeanRecordsThePick(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		h.say("北見のおすすめのラーメン屋", "もしかして", "[担当者と話す]")
		var pick bot.Choice
		for _, c := range lastChoices(h.last) {
			if c.Label != "担当者と話す" {
				pick = c
				break
			}
		}
		if pick.Label == "" {
			t.Fatalf("no entry offered:\n%s", repliesText(h.last))
		}
		h.tap(pick.Label)
		misses, err := h.store.ListMisses(context.Background(), 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(misses) != 1 || len(misses[0].Picks) != 1 || misses[0].Picks[0].Count != 1 {
			t.Fatalf("misses = %+v, want the question with one pick", misses)
		}
	})
}
