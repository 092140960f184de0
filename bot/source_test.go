package bot_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
)

// greetingStart is how the usual greeting begins.
const greetingStart = "こんにちは！サケモデル"

// counts returns the store's counts of a source.
func (h *harness) counts(id int64) store.SourceCount {
	h.t.Helper()
	list, err := h.store.SourceCounts(context.Background())
	if err != nil {
		h.t.Fatal(err)
	}
	for _, c := range list {
		if c.SourceID == id {
			return c
		}
	}
	h.t.Fatalf("no counts for source %d", id)
	return store.SourceCount{}
}

// TestSaveSourceValidates: staff's sources are checked with polite
// messages per field; an empty code is made, a chosen one is kept (and
// refused when in use); an edit keeps the code.
func TestSaveSourceValidates(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		ctx := context.Background()
		bad := bot.Source{Name: "  ", Kind: "tv", Welcome: strings.Repeat("あ", 1001), Code: "12345"}
		err := h.eng.SaveSource(ctx, &bad, "staff:1")
		var se *bot.SourceError
		if !errors.As(err, &se) || len(se.Fields) != 4 || se.Fields["name"] != "名前を入力してください。" {
			t.Fatalf("invalid source: %v", err)
		}
		long := bot.Source{Name: strings.Repeat("名", 61), Kind: bot.SourceWeb}
		if err := h.eng.SaveSource(ctx, &long, "staff:1"); !errors.As(err, &se) || se.Fields["name"] == "" {
			t.Fatalf("long name: %v", err)
		}
		auto := bot.Source{Name: " 採用サイト\n", Kind: bot.SourceWeb}
		if err := h.eng.SaveSource(ctx, &auto, "staff:1"); err != nil || !bot.ValidSourceCode(auto.Code) ||
			auto.Name != "採用サイト" {
			t.Fatalf("auto code: %+v %v", auto, err)
		}
		chosen := bot.Source{Name: "学内ポスター", Kind: bot.SourcePoster, Code: "＃ｋ０６１２"}
		if err := h.eng.SaveSource(ctx, &chosen, "staff:1"); err != nil || chosen.Code != "K0612" {
			t.Fatalf("chosen code: %+v %v", chosen, err)
		}
		again := bot.Source{Name: "二枚目", Kind: bot.SourcePoster, Code: "K0612"}
		if err := h.eng.SaveSource(ctx, &again, "staff:1"); !errors.As(err, &se) || se.Fields["code"] == "" {
			t.Fatalf("code in use: %v", err)
		}
		edit := bot.Source{ID: chosen.ID, Name: "学内ポスター（冬）", Kind: bot.SourceSchool, Code: "Q1111"}
		if err := h.eng.SaveSource(ctx, &edit, "staff:2"); err != nil || edit.Code != "K0612" ||
			edit.Kind != bot.SourceSchool {
			t.Fatalf("edit: %+v %v", edit, err)
		}
		if err := h.eng.SetSourceDisabled(ctx, 999999, true, "staff:1"); !errors.Is(err, bot.ErrNotFound) {
			t.Fatalf("disable a missing source: %v", err)
		}
	})
}

// TestSourceArrival: a message carrying a known code — however typed,
// whatever else it says — tags the student and gets the source's welcome
// with the menu, never an FAQ answer; an unknown or disabled code gets the
// greeting and tags no one; a code in the middle of the form is tagged and
// the question asked again; the web chat's code arrives with the open
// event.
func TestSourceArrival(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		ctx := context.Background()
		src := bot.Source{Code: "K0612", Name: "北見工業大学 12月説明会", Kind: bot.SourceSession,
			Welcome: "説明会へのご参加ありがとうございました！"}
		if err := h.eng.SaveSource(ctx, &src, "staff:1"); err != nil {
			t.Fatal(err)
		}
		plain := bot.Source{Code: "P0001", Name: "ポスター", Kind: bot.SourcePoster}
		if err := h.eng.SaveSource(ctx, &plain, "staff:1"); err != nil {
			t.Fatal(err)
		}
		user := func(id string) { h.key = bot.UserKey{Channel: bot.ChannelLINE, UserID: id} }
		welcomed := func(text string) {
			t.Helper()
			r := h.say(text, src.Welcome, "[応募する]")
			if len(r) != 1 {
				t.Fatalf("after %q: %d replies:\n%s", text, len(r), repliesText(r))
			}
		}

		user("U-src-1")
		welcomed("#K0612 北見工業大学 12月説明会から来ました")
		user("U-src-2")
		welcomed("＃ｋ０６１２ 説明会から来ました")
		user("U-src-3")
		welcomed("研修って何ヶ月ですか？ #K0612") // edited: still the code, not the FAQ
		if c := h.counts(src.ID); c.Students != 3 || c.Arrivals != 3 {
			t.Fatalf("counts after three students: %+v", c)
		}
		user("U-src-1")
		welcomed("#K0612 また来ました")
		if c := h.counts(src.ID); c.Students != 3 || c.Arrivals != 4 {
			t.Fatalf("counts after a second arrival: %+v", c)
		}
		user("U-src-4")
		h.say("#P0001 ポスターを見ました", greetingStart)

		user("U-src-5")
		h.say("#Z9999 から来ました", greetingStart)
		if err := h.eng.SetSourceDisabled(ctx, src.ID, true, "staff:1"); err != nil {
			t.Fatal(err)
		}
		h.say("#K0612 説明会から来ました", greetingStart)
		if c := h.counts(src.ID); c.Arrivals != 4 {
			t.Fatalf("a disabled code tagged: %+v", c)
		}
		if err := h.eng.SetSourceDisabled(ctx, src.ID, false, "staff:1"); err != nil {
			t.Fatal(err)
		}

		user("U-src-6")
		h.say("応募したい", "個人情報の取り扱い")
		h.tap("同意する", qName)
		r := h.say("#K0612 説明会から来ました", qName)
		if strings.Contains(repliesText(r), src.Welcome) {
			t.Fatalf("welcome in the form:\n%s", repliesText(r))
		}
		h.say("北見　太郎", qKana)
		if c := h.counts(src.ID); c.Students != 4 {
			t.Fatalf("the student in the form was not tagged: %+v", c)
		}

		h.key = bot.UserKey{Channel: bot.ChannelWeb, UserID: "v-src"}
		r = h.send(bot.Incoming{Kind: bot.KindOpen, Source: "k0612"})
		if all := repliesText(r); !strings.Contains(all, src.Welcome) || !strings.Contains(all, "[応募する]") {
			t.Fatalf("web chat open with ?src=:\n%s", all)
		}
		r = h.send(bot.Incoming{Kind: bot.KindOpen, Source: "<script>"})
		if all := repliesText(r); !strings.Contains(all, greetingStart) {
			t.Fatalf("web chat open with a bad ?src=:\n%s", all)
		}
		if c := h.counts(src.ID); c.Students != 5 || c.Arrivals != 6 {
			t.Fatalf("counts at the end: %+v", c)
		}
		log, err := h.store.AuditLog(ctx, bot.AuditFilter{Kind: bot.AuditSource, Subject: "K0612"})
		if err != nil || len(log) != 3 {
			t.Fatalf("audit log: %+v %v", log, err)
		}
	})
}

// TestBroadcastOffWordings: 配信停止 and 配信再開 in students' words set
// and clear the flag and say what still comes; a negated wording is not
// a request.
func TestBroadcastOffWordings(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		off := func() bool {
			t.Helper()
			var c bot.Candidate
			err := h.store.InTx(context.Background(), h.key, func(tx bot.Tx) (err error) {
				c, err = tx.Candidate(context.Background(), h.key)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return !c.BroadcastOffAt.IsZero()
		}
		for i, w := range []string{"配信停止", "お知らせの配信を止めてください", "もう案内は送らないでください",
			"配信停止でお願いします", "通知が多いので配信を止めてもらえますか", "お知らせを受け取りたくないです",
			"一斉配信を止めてほしいです", "ＬＩＮＥのお知らせを停止して", "通知うるさいから止めて",
			"案内の一斉送信いらないので止めてもらえますか"} {
			h.key = bot.UserKey{Channel: bot.ChannelLINE, UserID: "U-off-" + string(rune('a'+i))}
			h.say(w, "配信を停止します", "リマインドは引き続きお送りします")
			if !off() {
				t.Fatalf("%q did not set 配信停止", w)
			}
			h.say("配信停止", "すでに停止しています")
		}
		for _, w := range []string{"配信再開", "またお知らせを送ってほしいです", "配信停止を解除したいです",
			"やっぱりお知らせを受け取りたいです", "配信止めてたけどやっぱ再開してほしい", "前に止めたお知らせ、また届くようにしてください"} {
			h.say(w, "配信を再開します")
			if off() {
				t.Fatalf("%q did not clear 配信停止", w)
			}
			h.say("配信停止", "配信を停止します")
		}
		h.key = bot.UserKey{Channel: bot.ChannelLINE, UserID: "U-on"}
		h.say("配信再開", "今もお送りする設定")
		h.key = bot.UserKey{Channel: bot.ChannelLINE, UserID: "U-neg"}
		for _, w := range []string{"配信停止はしないでください", "配信は止めないでください", "配信は止めなくていいです"} {
			if r := h.say(w); strings.Contains(repliesText(r), "停止します") {
				t.Fatalf("a negation %q stopped announcements:\n%s", w, repliesText(r))
			}
		}
	})
}

// TestBroadcastOffInTheForm: 配信停止 typed in the middle of the form is
// the request, not the answer to the question (it is no name); the
// question is asked again.
func TestBroadcastOffInTheForm(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		h.say("応募したい", "同意")
		h.tap("同意する", "氏名")
		h.say("配信停止", "配信を停止します", "氏名")
		h.say("北見 太郎", "フリガナ")
	})
}
