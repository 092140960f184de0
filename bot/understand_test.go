package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/faqfile"
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
		h.key.UserID = "U0007"
		if r := repliesText(h.say("担当者は必要ないです")); strings.Contains(r, "おつなぎします") {
			t.Fatalf("a person not needed was called:\n%s", r)
		}
	})
}

// A person asked for about a topic the FAQ answers gets the answer to
// read while they wait, then the handoff; an entry that only offers a
// person is not said, as the person is coming.
func TestPersonAskedAboutATopic(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		h.say("人事の人に研修期間のこと直接聞きたい", "東京で4ヶ月間の研修", "採用担当者におつなぎします")
		h.key.UserID = "U0002"
		r := repliesText(h.say("給料のことは担当者に直接聞きたいんで、人につないでください", "採用担当者におつなぎします"))
		if strings.Contains(r, "こちらではお答えできません") {
			t.Fatalf("the entry that only offers a person was said before the handoff:\n%s", r)
		}
		h.key.UserID = "U0003"
		if r := repliesText(h.say("担当者と話したいです", "採用担当者におつなぎします")); strings.Contains(r, "研修") {
			t.Fatalf("a handoff without a topic said an entry:\n%s", r)
		}
	})
}

// Putting applying off outside the form (応募はまた今度にします) stops
// nothing: a student with a booking is not asked which one to cancel. In
// the form, the same words stop the form, after asking.
func TestPuttingOffOutsideTheForm(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		ev := h.newEvent(bot.EventSession, "サケモデル説明会", 5, 30)
		h.bookSession(ev.ID, "北見 太郎")
		for _, w := range []string{"応募はまた今度にします", "今はいいです、また今度", "やっぱ応募やめとくわ"} {
			r := repliesText(h.say(w, "承知しました"))
			if strings.Contains(r, "キャンセル") || strings.Contains(r, "予約") {
				t.Fatalf("%q put off applying and was asked about the booking:\n%s", w, r)
			}
		}
		if _, n := h.bookingsOf(ev.ID); n != 1 {
			t.Fatalf("the booking was touched: %d active", n)
		}
		h.say("応募したいです", "個人情報の取り扱い")
		h.say("はい", qName)
		h.say("応募はまた今度にします", "入力をやめますか")
	})
}

// A greeting, thanks or acknowledgement beside a request is said in
// passing: the request is carried out. In the summary, 「その内容で大丈夫
// です」, 「OKです、それで送信してください」 and a bare 「ok」 send the
// application: there an OK agrees.
func TestCourtesyBesideARequest(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		h.say("ありがとうございます。応募したいです", "個人情報の取り扱い")
		h.say("応募フォームお願いします", "個人情報の取り扱い") // the same question again, not a cancel
		h.say("おけ", qName)                 // consent given
		h.key.UserID = "U0002"
		h.say("了解です。担当者と話したいです", "採用担当者におつなぎします")
		h.key.UserID = "U0003"
		h.say("こんにちは、説明会に参加したいです", "説明会")
		if r := repliesText(h.last); strings.Contains(r, "こんにちは！") && !strings.Contains(r, "説明会") {
			t.Fatalf("the greeting was answered, not the request:\n%s", r)
		}
		for i, w := range []string{"その内容で大丈夫です", "OKです、それで送信してください", "ok", "了解です"} {
			h.key.UserID = "U-confirm-" + string(rune('a'+i))
			h.fillForm()
			h.say(w, "ご応募ありがとうございます", "受付番号は")
		}
		// a no to the summary, in own words, asks what to fix; nothing is sent
		for i, w := range []string{"その内容じゃないです", "まだ送信しないでください"} {
			h.key.UserID = "U-notyet-" + string(rune('a'+i))
			h.fillForm()
			h.say(w, "修正する項目を選んでください")
			if r := repliesText(h.last); strings.Contains(r, "受付番号") {
				t.Fatalf("%q submitted the form:\n%s", w, r)
			}
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

// wording is a message and the request it makes ("none" when it makes
// none).
type wording struct{ text, want string }

// requestKinds are wordings of the kinds of message the request sets found
// misread, each written anew (none is a line of a set): what every kind
// must read, in words nobody tuned on.
var requestKinds = map[string][]wording{
	// words and phrasings the examples did not hold
	"vocabulary": {
		{"人間のスタッフに代わってほしいです", "human"},
		{"有人で対応してもらえますか", "human"},
		{"応募フォームに記入したいです", "apply"},
		{"エントリー希望します", "apply"},
		{"選考に通過したか知りたい", "status"},
		{"入力を終了したいです", "cancel"},
		{"履歴を全部消してください", "forget"},
		{"違うよ", "no"},
		{"ノーです", "no"},
		{"ボットにはどんなことを質問できる？", "faqmenu"}, // what one can ask: the list of questions shows it
		{"このボットって何聞けばいいの", "help"},       // what one should ask: how to use it
		{"できることの一覧ってある？", "help"},
	},
	// typed in kana alone, katakana half or full width, or hiragana
	"kana": {
		{"ｵｳﾎﾞｼﾀｲﾃﾞｽ", "apply"},
		{"タントウシャトハナシタイ", "human"},
		{"おうぼするね", "apply"},
		{"はいしんのさいかいおねがいします", "broadcaston"},
		{"はいしんさいかいはしなくていいです", "none"},
		{"せつめいかいのよやくなしにしてください", "cancelbooking"},
		{"よやくしたないようかくにんしたい", "bookings"},
		{"ｵｳﾎﾞしたいです", "apply"},
		{"次の質問いってください", "skip"},
		{"お知らせがまた来るようにしてほしい", "broadcaston"},
		{"おうぼしないです", "none"},
	},
	// a yes, a no or a greeting typed without a comma before the rest
	// reads as with one; a word it only begins does not
	"opening word": {
		{"いいえ結構です", "no"},
		{"いえけっこうです", "no"},
		{"いやまだです", "no"},
		{"はじめまして北見工大の3年です", "greeting"},
		{"こんにちはきたみこうだいのやまだです", "greeting"},
		{"はいしんとめて", "broadcastoff"},
		{"いえで仕事できますか", "none"},
	},
	// laughter closing a message says nothing about the request
	"laughter": {
		{"担当者と話したいｗｗ", "human"},
		{"応募します笑", "apply"},
	},
	// not knowing asks to be told; not knowing whether is a doubt; an
	// embedded question that asks to be told is no hesitation
	"not knowing": {
		{"使い方がよくわからないです", "help"},
		{"ボットに何を聞いたらいいかわからない", "help"},
		{"応募したいか自分でもわからない", "none"},
		{"合格したかどうか教えてください", "status"},
		{"応募するかどうか悩んでる", "none"},
		{"応募はまだです", "none"},
	},
	// a question about making a request (whether it is needed, how or
	// where it is made) does not make it; asking how to use the bot or
	// where the FAQ is asks for them
	"asked about": {
		{"個人情報の削除って必要ですか？", "none"},
		{"応募状況はどうやって見ればいいですか？", "none"},
		{"担当者とはどこで話せますか", "none"},
		{"どうやって使うの？", "help"},
		{"よくある質問はどこで見られますか？", "faqmenu"},
		{"採用担当の方に聞けばいいですか？", "none"},
		{"退会するとどうなりますか", "none"},
	},
	// a request made on a condition is made; the condition is not a request
	"condition": {
		{"大学院生でも大丈夫なら応募したいです", "apply"},
		{"できれば担当者と話したいです", "human"},
		{"どうすればいいですか", "none"},
		{"人事の方と話すなら電話ですか？", "none"},
	},
	// a clause telling what the student had meant to do is not a request
	"what was": {
		{"前は応募したいと思ってたけど、研修は何ヶ月ですか", "none"},
		{"面談キャンセルしようかと思ったけど、やっぱり行きます", "none"},
		{"いろいろ考えて、エントリーすることにしました", "apply"}, // decided: a request now
	},
	// a clause that only asks for something to be done (確認して) is read
	// with the clause that names what
	"bare verb": {
		{"選考の結果がまだ来ないんですけど、確認してもらえますか", "status"},
		{"説明会いつ予約したっけ、見せて", "bookings"},
	},
	// a request in words that ask for it, by what it is about and what is
	// to be done, is no question about it
	"wished": {
		{"会社説明会に出席したいです", "session"},
		{"来週あたりに面談入れたいです", "interview"},
		{"今月の予約、来月にできますか", "reschedule"},
		{"よくある質問のページを表示してください", "faqmenu"},
		{"ZOOOPSにエントリーしたいです", "apply"},
		{"御社に応募させてください", "apply"},
	},
	// replies a form or a prompt gets
	"replies": {
		{"お世話になっております", "greeting"},
		{"確定でお願いします", "yes"},
		{"通知は今のままで大丈夫です", "none"},
	},
	// dialect: a request asked in the negative (〜てくれんね, 〜ないかい),
	// and the short replies of 北海道, 東北 and 博多
	"dialect": {
		{"担当の人につないでくれんね", "human"},
		{"説明会の日ずらしてもらえないかい", "reschedule"},
		{"おばんです", "greeting"},
		{"んだんだ", "yes"},
		{"ちがうべさ", "no"},
		{"エントリーしたやつ、どないなってますか", "status"},
		{"応募したんだけんど、結果なじょなってっか", "status"}, // 東北
		{"お知らせ、もう送らねでけろ", "broadcastoff"},
		{"答え間違えたけん戻りたいです", "back"}, // 広島, 博多
		{"担当者さんと話せんかね", "human"},
		{"はいさい〜", "greeting"}, // 沖縄
		{"まいど！", "greeting"},
		{"書類選考通ったので面接の日取り決めさせてください", "interview"},
		{"面談、金曜じゃなくて月曜のにしたいです", "reschedule"},
		{"先週予約しておりました説明会を取り消したいです", "cancelbooking"}, // the past describes the booking
		{"大変申し訳ございませんが、面談の日程を変えていただけますか", "reschedule"},
	},
	// typed in the Latin alphabet
	"romaji": {
		{"moushikomi shitai desu", "apply"},
		{"haishin teishi onegai", "broadcastoff"},
		{"mendan cancel", "cancelbooking"},
	},
	// the rules a request goes by, asked about; a booking recalled, then
	// cancelled
	"rules": {
		{"説明会の予約って当日でも取り消せますか", "none"},
		{"面談って友達も一緒に参加していいですか", "none"},
		{"どうやって入力したらいいか教えてください", "help"},
		{"予約していた説明会ですが、キャンセルでお願いします", "cancelbooking"},
		{"説明会キャンセルしようかとも思ったけど、やっぱり出ます", "none"},
		{"データ消してもらおうか迷ったけど、このままでいいです", "none"},
		{"面談、友達も一緒に受けられますか", "none"},
		{"説明会みたいなのって申し込める？申し込みたいです", "session"},
		{"このボットどないして使うん？", "help"},
	},
	// what students wrap requests in, found in dev14
	"wrapped": {
		{"先日はありがとうございました。説明会の日程を来週に変えたいです", "reschedule"}, // a courtesy in the past tells nothing done
		{"お礼が遅れました、面談の予約を消してほしいです", "cancelbooking"},
		{"ご迷惑をおかけしてすみません、面談の時間を変えてください", "reschedule"}, // おかけして holds けして
		{"ありがとうございます、早速エントリーしたいです", "apply"},
		{"申込みが届いているか確認してほしいです", "status"},
		{"面談はオンラインですか、それとも対面？", "none"},
		{"IT未経験なんですけど大丈夫ですか？", "none"},
		{"予約した面談、やっぱり行かないのでキャンセルしてください", "cancelbooking"},
		{"通知を復活させてほしい", "broadcaston"},
	},
	// English mixed in, and words the examples do not use (found in dev15)
	"english": {
		{"Apply したいです", "apply"},
		{"interviewの予約お願いします", "interview"},
		{"unsubscribe", "broadcastoff"},
		{"talk to a human please", "human"},
		{"cancel my session", "cancelbooking"},
		{"Stop notifications please", "broadcastoff"},
		{"審査状況の照会をお願いします", "status"},
		{"エントリーした件、その後どのようになっていますか？", "status"}, // asks for the status, not where to see it
		{"応募状況ってどこで確認できますか？", "none"},
		{"通知を止めたのは間違いでした、戻してください", "broadcaston"},
		{"面談の予約は、また今度にします", "none"},
		{"説明会の予約って後からでも変えられますか？", "none"},
		{"ここは省略でお願いします", "skip"},
		{"だめ、名前が違う", "no"},
		{"面談って平日？土日？", "none"},
		{"skipでおねがい", "skip"},
		{"これ、どうやって使うんだべ", "help"},      // これ、 only names the topic
		{"説明会、出るかどうかまだ決めてません", "none"}, // the topic hedged after it
		{"登録した情報を消していただきたいのですが、可能でしょうか", "forget"},
		{"説明会には行かないことにしたので、予約を取り消してください", "cancelbooking"},
		{"この質問は答えずに次にいってください", "skip"},
		{"配信を止めるつもりはありません", "none"},
		{"止めてたお知らせをもう一回送ってほしいです", "broadcaston"},
		{"面接の予約はまた今度にします", "none"},
		{"面談の予約が取れてるか確認したいです", "bookings"},
		{"説明会の予約はもう済んでいるので大丈夫です", "none"},
		{"選考の結果まだかな…調べてもらえます？", "status"},
		{"登録した情報、残ってるなら消して", "forget"},
		{"エントリーはもうやめたので、登録した住所とか消してください", "forget"}, // the clause before tells what was done
		{"めんだんの日をよやくしたいです", "interview"},
		{"メールアドレスを変えたいです", "none"}, // changes it, deletes nothing
		{"電話番号を変えたいです", "none"},
		{"I'd like to apply for this", "apply"},
		{"Please delete my personal data", "forget"},
		{"could you turn announcements back on?", "broadcaston"},
		{"konnichiwa!", "greeting"},
	},
	// what the ninth session's development sets found misread
	"ninth": {
		{"説明会の日、選び直させてください", "reschedule"},
		{"熱が出てしまったので振替をお願いできますか", "reschedule"},
		{"10時のを午後にずらしたいです", "reschedule"},
		{"来週の面談、白紙に戻してください", "cancelbooking"},
		{"金曜の説明会は行かないので取り消しといてください", "cancelbooking"},
		{"面談予約したら何か準備しておくものある？", "none"}, // what follows, asked
		{"通知を止めたらイベントのお知らせも来なくなりますか？", "none"},
		{"もしよかったら担当の方とお話しできますか？", "human"}, // a polite condition asks all the same
		{"弟が説明会を予約したいって言ってました", "none"},    // what someone else wants
		{"私のデータはもう残さないでください", "forget"},
		{"面談申し込もうかな…どうしよう", "none"},
		{"採用の人って優しいですか？", "none"},                        // talks about staff, asks for no one
		{"担当の方とお話ししたいんじゃけど、よろしいですか", "human"},            // 広島
		{"住所は飛ばします", "skip"},                             // a field named, then skipped
		{"面談申し込みたいけど、今月忙しいからとりあえず保留で", "none"},           // put on hold after the clause
		{"申し込む前に確認したいんですけど、研修は何ヶ月ですか？", "none"},          // before doing, not doing
		{"個別の面談を予約させてください。午後であればいつでも大丈夫です", "interview"}, // 午後で is no あとで
		{"ヘルプって入れてみただけです", "none"},
		{"結果まだ出とらんと？", "status"},              // 博多
		{"面談申し込もっかな…いや、申し込みます！", "interview"}, // a hesitation settled
		{"エントリーしよかな、いや、やっぱやめとく", "none"},
		{"説明会の日程変更ってチャットからできるんですか？", "none"}, // whether one can
		{"このボットって何ができるんですか？", "help"},
		{"企業説明のイベント予約したいです", "session"},
		{"担当の方に直接確認したいです", "human"},
		{"応募させていただくことってできますか？", "apply"},
		{"わたし の よやく を かくにん したい です", "bookings"}, // words apart in hiragana
		{"人事の方と相談させてもらえねぇべか", "human"},          // 東北, asked in the negative
		{"説明会の予約はまだええわ", "none"},                // 関西, not yet
		{"家族と相談してから、改めて応募します", "none"},          // later
		{"チャットのほうが気楽なので人とは話さなくていいです", "none"},
		{"cancel this form please", "cancel"},
		{"そやで", "yes"},
		{"寮のことで採用担当の方に相談したいのですが", "human"}, // staff and reaching them, with a topic beside
		{"スタッフさんと話すのはちょっと緊張しそう", "none"},
		{"面談を当日キャンセルしても大丈夫ですか？", "none"}, // a rule asked
		{"I'd like to schedule an interview please", "interview"},
		{"やーめた", "cancel"},
		{"よし決めた！エントリーします", "apply"}, // 決めた books no interview
		{"僕の情報は残さんといて", "forget"},
		{"人と話すのは得意じゃないので、このままチャットで大丈夫です", "none"}, // declines a person
		{"エントリーさせてもらうことって可能ですか？", "apply"},        // leave asked, put politely
		{"面談を予約させていただいてもよろしいでしょうか", "interview"},
		{"昨日エントリーしました！", "none"}, // told, nothing asked of it
		{"先月応募しましたが、結果はまだでしょうか", "status"},
	},
	// declined, hedged or asked about, in new words
	"not made": {
		{"応募はまだちょっと…", "none"},
		{"説明会は参加したいかも", "none"},
		{"個人情報ってどういうふうに管理されてるの？", "none"},
		{"説明会の予約は何日前までなら取り消せますか", "none"},
		{"面談の予約、来週また考えます", "none"}, // a noun before a comma is the topic put off
		{"応募しといたほうがいいのかな", "none"}, // wonders whether to
		{"面接予約するかどうしよ", "none"},
		{"説明会に申し込もうか考えてたんですが、結局やめました", "none"}, // tells what was done
		{"父が心配性でして、いろいろ調べております", "none"},       // thanks no one
	},
	// asked in the negative with a question mark, or without the booking named
	"asked in the negative": {
		{"説明会の日、木曜にできない？", "reschedule"},
		{"担当の人と話させてくれない？", "human"},
		{"体調が悪いので別日に振り替えてもらえますか", "reschedule"},
		{"イベント情報とか、もう届かないようにして", "broadcastoff"},
		{"せやな", "yes"},
	},
}

// Each kind of wording the request sets found misread is read right in
// new words.
func TestRequestKinds(t *testing.T) {
	ix := faq.NewIndex(faqfile.Default(), faqfile.DefaultConcepts()...)
	for kind, ws := range requestKinds {
		t.Run(kind, func(t *testing.T) { checkWordings(t, ix, ws) })
	}
}

// checkWordings checks that each wording makes the request it wants.
func checkWordings(t *testing.T, ix *faq.Index, ws []wording) {
	t.Helper()
	for _, w := range ws {
		if got := bot.IntentName(ix, w.text); got != w.want {
			t.Errorf("IntentName(%q) = %s, want %s", w.text, got, w.want)
		}
	}
}

// A question about a request is answered or pointed to its button, and
// the request is not carried out; a request made on a condition the FAQ
// settles is offered after the answer.
func TestAskedAndConditionalRequests(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		if r := repliesText(h.say("応募状況ってどこから見られますか？", "[応募状況]")); strings.Contains(r, "まだ応募は受け付けていません") {
			t.Fatalf("a question about the status told the status:\n%s", r)
		}
		h.key.UserID = "U0002"
		r := repliesText(h.say("在宅で働けるなら応募したいです", "[応募する]"))
		if strings.Contains(r, "個人情報の取り扱い") {
			t.Fatalf("the form started before the condition was answered:\n%s", r)
		}
	})
}

// TestQuestionBesideABookingRequest: a question beside a booking request
// that does not say what it is about is about what the request books.
func TestQuestionBesideABookingRequest(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		h.say("説明会の予約キャンセルしたいです。次回っていつありますか？", "就職説明会", "[予約をキャンセル]")
		h.key.UserID = "U0002"
		r := repliesText(h.say("説明会予約したいんですけど、研修中って寮あるのかだけ教えてください", "[説明会の予約]"))
		if strings.Contains(r, "就職説明会") {
			t.Fatalf("a question with its own topic was answered about sessions:\n%s", r)
		}
		// the rest alone is answered, where with the session named the FAQ
		// is torn between sessions and training
		h.key.UserID = "U0003"
		r = repliesText(h.say("説明会予約したいです。あと研修ってどんなことするんですか？", "全員が同じ研修を受けた", "[説明会の予約]"))
		if strings.Contains(r, "次のどちらのご質問でしょうか") {
			t.Fatalf("a question about training beside a booking was offered choices:\n%s", r)
		}
	})
}

// TestRequestBesideANearQuestion: a question beside a request that the
// FAQ can only come near is offered its choices, with the request as a
// button, rather than dropped.
func TestRequestBesideANearQuestion(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		r := repliesText(h.say("応募したいです。あと北見の冬祭りってどう？", "もしかして", "[応募する]"))
		if strings.Contains(r, "個人情報の取り扱い") {
			t.Fatalf("the form started and the question was dropped:\n%s", r)
		}
	})
}
