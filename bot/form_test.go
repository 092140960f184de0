package bot_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
)

func TestFormHappyPath(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		h.fillForm()
		h.tap("この内容で応募する", "ご応募ありがとうございます", h.firstRef())
		apps := h.applications()
		if len(apps) != 1 {
			t.Fatalf("want 1 application, got %d", len(apps))
		}
		a := apps[0]
		want := bot.Application{Name: "北見　太郎", Kana: "ホッカイ　タロウ", School: "北見工業大学", Department: "工学部 地球環境工学科",
			Graduation: "2027-03", Email: "Taro@example.com", Phone: "09012345678", KitamiWish: "はい", ITExperience: "授業で少し",
			Motivation: "地元の北見で働きたいです。"}
		got := bot.Application{Name: a.Name, Kana: a.Kana, School: a.School, Department: a.Department, Graduation: a.Graduation,
			Email: a.Email, Phone: a.Phone, KitamiWish: a.KitamiWish, ITExperience: a.ITExperience, Motivation: a.Motivation}
		if got != want {
			t.Fatalf("stored application:\n got %+v\nwant %+v", got, want)
		}
		if a.Ref != h.firstRef() || a.Status != bot.StatusSubmitted || a.Key != h.key {
			t.Fatalf("ref/status/key: %q %q %v", a.Ref, a.Status, a.Key)
		}
		// One active application per candidate; status is shown.
		h.say("応募したい", "すでに応募を受け付けています", h.firstRef())
		h.say("応募状況", h.firstRef(), "応募受付")
		if _, err := h.store.SetApplicationStatus(context.Background(), a.ID, bot.StatusInterview, "U_STAFF"); err != nil {
			t.Fatal(err)
		}
		h.say("応募状況", "面談調整中")
	})
}

func TestFormInvalidAnswersAskAgain(t *testing.T) {
	cases := []struct {
		at      func(h *harness)
		bad     []string
		prompt  string
		message string
	}{
		{toName, []string{"12345", "http://example.com"}, qName, "例：北見 太郎"},
		{toKana, []string{"Kitami Taro", "北見太郎"}, qKana, "カタカナ"},
		{toGrad, []string{"1999年3月", "2027年13月", "来年", "2040/3"}, qGrad, "例：2027年3月"},
		{toEmail, []string{"taro@", "taro.example.com", "たろう@例え.jp"}, qEmail, "taro@example.com"},
		{toPhone, []string{"12345", "090-1234-567", "abc-defg-hijk", "0012-345-6789"}, qPhone, "090-1234-5678"},
		{toKitami, []string{"たぶん", "北海道"}, qKitami, "「はい」「いいえ」「相談したい」"},
		{toIT, []string{"プロです", "Go言語"}, qIT, "「なし」「授業で少し」「個人開発やインターンあり」"},
	}
	forEngine(t, func(t *testing.T, h *harness) {
		for i, c := range cases {
			h.key.UserID = "U-invalid-" + string(rune('a'+i))
			c.at(h)
			for _, bad := range c.bad {
				r := h.say(bad, c.message, c.prompt)
				if len(r) != 2 {
					t.Fatalf("%q: want a short error and the question again, got %d replies", bad, len(r))
				}
			}
		}
		if n := len(h.applications()); n != 0 {
			t.Fatalf("nothing should be submitted, got %d", n)
		}
	})
}

func toName(h *harness) {
	h.say("エントリーします", "個人情報")
	h.say("同意します", qName)
}
func toKana(h *harness)   { toName(h); h.say("北見 太郎", qKana) }
func toSchool(h *harness) { toKana(h); h.say("キタミ タロウ", qSchool) }
func toDept(h *harness)   { toSchool(h); h.say("北見工業大学", qDept) }
func toGrad(h *harness)   { toDept(h); h.say("工学部", qGrad) }
func toEmail(h *harness)  { toGrad(h); h.say("2027/3", qEmail) }
func toPhone(h *harness)  { toEmail(h); h.say("taro@example.com", qPhone) }
func toKitami(h *harness) { toPhone(h); h.say("09012345678", qKitami) }
func toIT(h *harness)     { toKitami(h); h.say("相談したい", qIT) }

func TestFormAcceptedVariants(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		toGrad(h)
		h.say("令和9年3月", qEmail)
		h.say("戻る", qGrad)
		h.say("27年3月卒", qEmail)
		h.say("taro@example.com", qPhone)
		h.say("+81 90 1234 5678", qKitami)
		h.say("希望します", qIT)
		h.say("なし", qMotive)
		h.say("スキップ", qSum, "志望動機・質問：（なし）", "2027年3月", "090-1234-5678", "IT経験：なし")
	})
}

func TestFormBackSkipHelp(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		toName(h)
		h.say("戻る", "最初の質問", qName)
		h.say("北見 太郎", qKana)
		h.say("戻る", qName)
		h.say("北見 次郎", qKana)
		h.say("スキップ", "必須", qKana)
		h.say("ヘルプ", "「戻る」", "「やめる」", qKana)
		h.say("キタミ ジロウ", qSchool)
		h.say("室蘭工業大学", qDept)
		h.say("工学部", qGrad)
		h.say("2028年3月", qEmail)
		h.say("jiro@example.jp", qPhone)
		h.say("0157-23-4567", qKitami)
		h.say("いいえ", qIT)
		h.say("個人開発やインターンあり", qMotive)
		h.tap("スキップ", qSum, "氏名：北見　次郎", "学校名：室蘭工業大学", "電話番号：0157-23-4567")
	})
}

func TestFormCancel(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		toEmail(h)
		h.say("やめる", "応募の入力をやめますか")
		h.tap("いいえ、続ける", qEmail)
		h.say("キャンセル", "応募の入力をやめますか")
		h.tap("はい、やめる", "入力内容を削除しました")
		ctx := context.Background()
		err := h.store.InTx(ctx, h.key, func(tx bot.Tx) error {
			_, err := tx.Conversation(ctx, h.key)
			return err
		})
		if !errors.Is(err, bot.ErrNotFound) {
			t.Fatalf("conversation after cancel: want ErrNotFound, got %v", err)
		}
		// A fresh start asks from the beginning.
		h.say("応募したい", "個人情報")
		h.say("同意する", qName)
	})
}

func TestConsentDeclinedStoresNothing(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		h.say("応募したい", "個人情報", "[同意しない]")
		h.tap("同意しない", "個人情報はお預かりしていません")
		ctx := context.Background()
		err := h.store.InTx(ctx, h.key, func(tx bot.Tx) error {
			if _, err := tx.Candidate(ctx, h.key); !errors.Is(err, bot.ErrNotFound) {
				t.Errorf("candidate stored without consent: %v", err)
			}
			if _, err := tx.Conversation(ctx, h.key); !errors.Is(err, bot.ErrNotFound) {
				t.Errorf("conversation kept after declining: %v", err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

func TestFormInterruptionAnswersFAQ(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		toSchool(h)
		r := h.say("研修って何ヶ月？", "4ヶ月", qSchool)
		if len(r) != 2 {
			t.Fatalf("want the answer and the question again, got %d replies", len(r))
		}
		h.say("北見工業大学", qDept)
		h.say("リモートワークって大変じゃないですか？", qDept)
		h.say("工学部", qGrad)
		toConsent := h.say("応募状況", "入力の途中", qGrad)
		_ = toConsent
	})
}

func TestFormFixFromSummary(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		h.fillForm()
		h.tap("修正する", "修正する項目")
		h.tap("電話番号", "【電話番号の修正】")
		h.say("080 9999 0000", qSum, "080-9999-0000")
		h.tap("修正する", "修正する項目")
		h.tap("フリガナ", "【フリガナの修正】")
		h.say("戻る", qSum, "ホッカイ　タロウ")
		h.tap("修正する")
		h.tap("氏名")
		h.say("北見 花子", qSum, "北見　花子")
		h.tap("この内容で応募する", h.firstRef())
		if a := h.applications()[0]; a.Phone != "08099990000" || a.Name != "北見　花子" {
			t.Fatalf("fixed fields not stored: %+v", a)
		}
	})
}

func TestFormSurvivesRestart(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		toDept(h)
		// A new engine on the same database: the candidate goes on where they were.
		h.eng = bot.NewEngine(bot.Config{Store: h.store, Now: h.clock.Now})
		h.send(bot.Incoming{Kind: bot.KindOpen})
		if !strings.Contains(repliesText(h.last), qDept) {
			t.Fatalf("after restart, want the department question, got:\n%s", repliesText(h.last))
		}
		h.say("工学部", qGrad)
	})
}

func TestStaleButtonIsRefusedPolitely(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		toKitami(h)
		old := lastChoices(h.last)
		h.tap("はい", qIT)
		for _, c := range old {
			if c.Label == "いいえ" {
				h.send(bot.Incoming{Kind: bot.KindPostback, Postback: c.Postback})
			}
		}
		all := repliesText(h.last)
		if !strings.Contains(all, "以前のご案内") || !strings.Contains(all, qIT) {
			t.Fatalf("stale tap: got\n%s", all)
		}
		h.tap("戻る", qKitami) // the answer was not changed by the old button
	})
}

func TestUnfinishedFormExpires(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		toEmail(h)
		h.clock.Advance(15 * 24 * time.Hour)
		h.say("taro@example.com", "一定期間が過ぎた")
		h.say("応募したい", "個人情報")
	})
}

func TestSmallTalkAndHandoff(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		h.send(bot.Incoming{Kind: bot.KindFollow, DisplayName: "たろう"})
		if !strings.Contains(repliesText(h.last), "採用案内ボット") {
			t.Fatalf("greeting: %s", repliesText(h.last))
		}
		h.say("こんにちは", "採用案内ボット", "[応募する]")
		h.say("ありがとうございます！", "どういたしまして")
		h.say("担当者と話したい", "採用担当者におつなぎします")
		h.say("よくある質問", "よくある質問の例")
		h.send(bot.Incoming{Kind: bot.KindUnsupported})
		if !strings.Contains(repliesText(h.last), "文字でお送り") {
			t.Fatalf("sticker: %s", repliesText(h.last))
		}
	})
}

func TestFallbackRecordsMissAndOffersPerson(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		h.say("制服はありますか？", "お答えできる情報がありません", "[担当者と話す]")
		h.say("制服はありますか", "採用担当者におつなぎしましょうか")
		h.say("はい", "採用担当者におつなぎします")
		misses, err := h.store.ListMisses(context.Background(), 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(misses) != 1 || misses[0].Count != 2 {
			t.Fatalf("misses: %+v", misses)
		}
	})
}

func TestFAQEditIsLiveForNextQuestion(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		ctx := context.Background()
		h.say("社員旅行はありますか？", "お答えできる情報がありません")
		f := &faq.FAQ{ID: "company-trip", Category: "会社について", Question: "社員旅行はありますか？",
			Alternatives: []string{"社員旅行ってある？"}, Answer: "テスト用の回答です。", Enabled: true}
		if err := h.store.CreateFAQ(ctx, f); err != nil {
			t.Fatal(err)
		}
		h.say("社員旅行はありますか？", "テスト用の回答です。")
	})
}

func TestGroupNeverStartsForm(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		r := h.send(bot.Incoming{Text: "応募したい", Group: true})
		if !strings.Contains(repliesText(r), "1対1のトーク") {
			t.Fatalf("group apply: %s", repliesText(r))
		}
		r = h.send(bot.Incoming{Text: "研修は何ヶ月ですか", Group: true})
		if !strings.Contains(repliesText(r), "4ヶ月") {
			t.Fatalf("group FAQ: %s", repliesText(r))
		}
		if n := len(h.applications()); n != 0 {
			t.Fatalf("applications: %d", n)
		}
	})
}
