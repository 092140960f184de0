package bot

import (
	"testing"

	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/faqfile"
)

// TestWrappedRequests checks that what a request is wrapped in, and the
// ways its ending is softened, leave the request as it is.
func TestWrappedRequests(t *testing.T) {
	cases := []struct {
		text string
		want intent
	}{
		{"確認なんですが、中断してください", intentCancel},           // announcing clause
		{"ちょっと聞きたいことがあるので、人と話したい", intentHuman},      // a question said to come
		{"今授業中なんですけど、応募状況を確認したい", intentStatus},      // a scene that asks nothing
		{"お疲れ様です！\n応募フォームひらいて", intentApply},         // greeting first
		{"工学部2年の佐藤です。説明会に参加したいです", intentSession},    // self-introduction
		{"予約の確認なんですが、来週にしてもらえますか", intentReschedule}, // the opening names the booking
		{"はじめまして、北見工大3年の者です", intentGreeting},        // nothing follows the greeting
		{"応募したいです（佐藤）", intentApply},                 // signature
		{"やめたいのですが", intentCancel},                   // softened ending
		{"担当者と話したいんだけど", intentHuman},                // softened ending, casual
		{"中断お願いできますか", intentCancel},                 // お願いできますか as a polite ending
		{"戻ってもらえますか", intentBack},                    // もらえますか as a polite ending
		{"えーっと、承知しました", intentAck},                   // filler
		{"あの、ううん", intentNo},                         // あの is a filler, not あのう+うん
		{"いいえ　結構です", intentNo},                       // a space for a comma
		{"いや 違います", intentNo},                        // a half-width space for a comma
		{"ﾊｲｼﾝ ﾃｲｼ", intentBroadcastOff},             // a space inside a katakana phrase
		{"結果まだ", intentStatus},                       // まだ asks where it stands
		{"大学名入れたとこまで戻りたいです", intentBack},             // 〜ところまで戻る
		{"他の人がどんなこと聞いてるか見たい", intentFAQMenu},         // others' questions
		{"研修が不安なので担当者と話したい", intentHuman},            // a worry as the reason stays a request
		{"応募したいけど自信ない…", intentNone},                 // a doubt after けど hedges
		{"説明会に行きたいけど迷ってます", intentNone},              // likewise
		{"北見まで戻ってこれますか", intentNone},                 // まで戻 of a place is no going back
		{"あとで答えるのでとばして（笑）", intentSkip},              // laughter in brackets is no signature
		{"研修って何ヶ月？応募したいです", intentNone},              // the question beside is kept: not made as a whole
	}
	for _, c := range cases {
		if got := detectIntent(c.text); got != c.want {
			t.Errorf("detectIntent(%q) = %s, want %s", c.text, got, c.want)
		}
	}
}

// TestGreetingBesideQuestion checks that a greeting before a question the
// FAQ answers stays a greeting, not a request read in the question.
func TestGreetingBesideQuestion(t *testing.T) {
	ix := faq.NewIndex(faqfile.Default(), faqfile.DefaultConcepts()...)
	if got := readRequestBeside(ix, "はじめまして、説明会ってどこでやってますか"); got.intent != intentGreeting {
		t.Errorf("readRequestBeside = %s, want greeting", got.intent)
	}
	if got := readRequestBeside(ix, "お疲れ様です！\n採用の人と直接話せますか？"); got.intent != intentHuman || !got.made() {
		t.Errorf("readRequestBeside = %s (%v), want human made", got.intent, got.mood)
	}
}
