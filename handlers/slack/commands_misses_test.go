package slack_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/store/storetest"
)

// TestMissesShowWhatStudentsPicked: /sakebot misses names, under each
// question, the entries students picked for it from the did-you-mean
// choices, most picked first, as text even when they hold Slack markup;
// a deleted entry is left out, and beyond three the others are counted.
func TestMissesShowWhatStudentsPicked(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url, 21)
		ctx := context.Background()
		const evil = "<!channel> <https://evil.example|寮>"
		for _, id := range []string{"dorm", "rent", "gone"} {
			f := faq.FAQ{ID: id, Question: id + "について " + evil, Answer: "はい。", Enabled: true, UpdatedBy: "test"}
			if err := e.store.CreateFAQ(ctx, &f); err != nil {
				t.Fatal(err)
			}
		}
		key := bot.UserKey{Channel: bot.ChannelLINE, UserID: "U-picks"}
		err := e.store.InTx(ctx, key, func(tx bot.Tx) error {
			id, err := tx.RecordMiss(ctx, "寮って "+evil, "寮って")
			if err != nil {
				return err
			}
			for _, f := range []string{"rent", "dorm", "dorm", "dorm", "rent", "gone", "training-content", "training-period", "it-inexperienced"} {
				if err := tx.RecordMissPick(ctx, id, f); err != nil {
					return err
				}
			}
			_, err = tx.RecordMiss(ctx, "選ばれなかった質問", "選ばれなかった質問")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := e.store.DeleteFAQ(ctx, "gone", 0, "test"); err != nil {
			t.Fatal(err)
		}

		_, out := e.command(staffUser, "misses")
		raw, _ := json.Marshal(out["blocks"])
		text := blockTexts(string(raw))
		if strings.Contains(text, "<!") || strings.Contains(text, "<https://evil") {
			t.Errorf("markup reached Slack: %s", text)
		}
		escaped := "&lt;!channel&gt; &lt;https://evil.example|寮&gt;"
		dorm := "「dormについて " + escaped + "」 3回選択"
		rent := "「rentについて " + escaped + "」 2回選択"
		for _, want := range []string{"寮って " + escaped, "学生が「もしかして」で選んだFAQ", dorm, rent, "ほか2件", "選ばれなかった質問"} {
			if !strings.Contains(text, want) {
				t.Errorf("misses lack %q:\n%s", want, text)
			}
		}
		if strings.Index(text, dorm) > strings.Index(text, rent) {
			t.Errorf("the most picked entry is not first:\n%s", text)
		}
		if strings.Contains(text, "goneについて") {
			t.Errorf("a deleted entry is named:\n%s", text)
		}
		if strings.Count(text, "学生が「もしかして」で選んだFAQ") != 1 {
			t.Errorf("picks shown under a question nobody picked for:\n%s", text)
		}
	})
}
