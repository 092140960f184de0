package bot

import "testing"

// TestFrameRequest checks the object × action frames on wordings that
// the example phrasings do not hold.
func TestFrameRequest(t *testing.T) {
	for _, c := range []struct {
		text string
		want intent // intentNone: no frame
	}{
		{"ｾﾂﾒｲｶｲ参加したい", intentSession},
		{"セミナー申し込みたいです", intentSession},
		{"面接受けたいです", intentInterview},
		{"面談の予約お願いできますか", intentInterview},
		{"説明会の時間ずらせますか", intentReschedule},
		{"予約したのっていつだっけ", intentBookings},
		{"説明会に参加しました", intentNone},      // told as done
		{"説明会に参加してから応募したい", intentNone}, // applying is another request
		{"予約したけどキャンセルしたい", intentNone},  // so is cancelling
		{"研修の日程変更ってある？", intentNone},    // the training is not booked
		{"説明会はありますか", intentNone},       // no action
		{"予約キャンセルしたい", intentCancelBooking},
		{"説明会の予約取り消してください", intentCancelBooking},
		{"入れてた予約なしにしたい", intentCancelBooking},
		{"面談行けなくなりました", intentCancelBooking},
		{"応募キャンセルしたい", intentNone}, // the form, not a booking
		{"面談組んでもらえますか", intentInterview},
		{"面談いつだったか見せて", intentBookings},
		{"通知うるさいから止めて", intentBroadcastOff},
		{"よやくとりけし", intentCancelBooking}, // typed in hiragana
		{"めんだんの予約したい", intentInterview},
		{"説明会さんかしたいです", intentSession},
		{"説明会の予約ちゃんと取れてるか確認したいです", intentBookings},
	} {
		r, ok := frameRequest(c.text)
		if got := r.intent; !ok && c.want != intentNone || ok && got != c.want {
			t.Errorf("frameRequest(%q) = %s, %v; want %s", c.text, got, ok, c.want)
		}
	}
}

// TestContainsWord checks that a word in the past is not found at the
// start of a wish or a supposition.
func TestContainsWord(t *testing.T) {
	for _, c := range []struct {
		k, w string
		want bool
	}{
		{"予約したやつ", "予約した", true},
		{"予約したい", "予約した", false},
		{"予約したらどうなる", "予約した", false},
		{"予約したいけど予約した", "予約した", true},
		{"参加したい", "参加", true},
	} {
		if got := containsWord(c.k, c.w); got != c.want {
			t.Errorf("containsWord(%q, %q) = %v, want %v", c.k, c.w, got, c.want)
		}
	}
}

// TestReadRequestMoods checks the moods read beside the analyser's:
// declining, putting off, asking whether known, asking here.
func TestReadRequestMoods(t *testing.T) {
	for _, c := range []struct {
		text string
		want intent // the request made, or intentNone
	}{
		{"応募する気はないです", intentNone},
		{"もし応募したら、結果ってどのくらいで出るの？", intentNone}, // supposed: no status to look up
		{"応募したのに結果がまだ来ません", intentStatus},
		{"担当者は必要ないです", intentNone},
		{"機械でなくて人間と話させてください", intentHuman}, // asks for what follows でなくて
		{"まだ連絡来んのやけど、選考どうなってる？", intentStatus},
		{"担当者とは後で話します", intentNone},
		{"後で答えます", intentSkip},
		{"合格したかどうか分かりますか", intentStatus},
		{"何を入力すればいいのかわかんない", intentHelp},
		{"ここで質問したいです", intentNone},
		{"書きたくないので飛ばしてください", intentSkip},
		{"これはスキップで", intentSkip},
		{"面接の枠ありますか？予約お願いします", intentInterview},
		{"面談行けなくなったのでキャンセルで", intentCancelBooking}, // the reason names what to cancel
		{"予約はまだいいです", intentNone},
		{"ありがとうございます。応募したいです", intentApply},
		{"むり", intentNo},
		{"同意を取り消したいです", intentForget},
		{"まだ送信しないでください", intentNo}, // a negated yes says no
		{"その内容じゃないです", intentNo},
		{"戻らなくて大丈夫です", intentNone},              // no need to go back: not a no
		{"連絡先とか保存してるなら消してもらえますか", intentForget}, // made on a condition
		{"担当者と話すなら電話ですか？", intentNone},          // the request is only supposed
		{"どんな質問できるか一覧で見たいです", intentFAQMenu},
		{"質問の候補出してほしい", intentFAQMenu},
		{"私が申し込んだ予約を表示してください", intentBookings},
		{"入れてた予約消してほしい", intentCancelBooking},
		{"教えてくれてありがとう〜参考になりました", intentThanks},
		{"おうぼのじょうきょうしりたい", intentStatus},
		{"受けてみたいんで申し込みます", intentApply},
		{"ホーム画面に戻って", intentMenu},
		{"ほかに聞ける質問のトピック見たい", intentFAQMenu},
		{"しません", intentNo},
		{"1対1で相談できる枠予約したい", intentInterview},
		{"明日の面接、来週にしてもらえませんか", intentReschedule},
		{"おしらせ受け取る設定にしたい", intentBroadcastOn},
		{"よくあるしつもん", intentFAQMenu}, // a command typed in hiragana
		{"担当の人と話せるん？", intentHuman}, // the ん after 話せる is の, no negation (話せん)
		{"せつめいかいよやくしたい", intentSession},
		{"つうちもどして", intentBroadcastOn},
		{"やっぱやめる", intentCancel},
		{"サケモデルっておもろいね", intentNone}, // no word of applying
		{"説明会は今回はやめとこうかな", intentNone},
		{"今は面接の予約はいいです", intentNone},
		{"午後の枠に移動できる？", intentReschedule},
		{"やっぱ予約しない", intentNone},              // outside a question, see answerIntent
		{"応募状況おしえて。よろしくお願いします", intentStatus}, // a closing formula is no greeting
		{"担当の方と話したいです！よろしくお願いいたします🙏", intentHuman},
		{"すみません、お願いします", intentYes},
		{"よろしくお願いします", intentGreeting},
		{"すたっふさんにつないでもらえますか", intentHuman}, // the ん of すたっふさん negates nothing
		{"おうぼはまだしません", intentNone},
		{"昨日応募しました", intentNone}, // done, not asked for
		{"説明会には先月参加しました", intentNone},
		{"了解っす", intentAck},
		{"承知しました", intentAck},
	} {
		if got := detectIntent(c.text); got != c.want {
			t.Errorf("detectIntent(%q) = %s, want %s", c.text, got, c.want)
		}
	}
	// a supposition after the application is named supposes the result:
	// the status is asked, with a question beside it
	if r := readRequest("応募の結果ってどうなりましたか？もし通っていたら面接は何回ですか？"); r.intent != intentStatus || !r.made() {
		t.Errorf("readRequest(応募の結果…もし通っていたら…) = %s (%s), want status", r.intent, r.mood)
	}
	if got := answerIntent("やっぱ予約しない"); got != intentNo {
		t.Errorf("answerIntent(やっぱ予約しない) = %s, want no", got)
	}
	// a question only somewhat like a request does not outrank a greeting
	if r := readRequest("はじめまして、サケモデルって何ですか？"); r.intent != intentGreeting {
		t.Errorf("readRequest(はじめまして、サケモデルって何ですか？) = %s, want greeting beside the question", r.intent)
	}
}

// TestRestNamesWhatThatIs: a question beside a request that points back
// with 「それ」 asks about what the request names.
func TestRestNamesWhatThatIs(t *testing.T) {
	for text, want := range map[string]string{
		"説明会予約したいです、それってオンラインもありますか？":       "説明会ってオンラインもありますか？",
		"面談の日程変えてほしいです。あとそれってオンラインでもできますか？": "面談ってオンラインでもできますか？",
		"応募したいです。研修って何ヶ月？":                  "研修って何ヶ月？",
	} {
		if got := readRequest(text).rest; got != want {
			t.Errorf("readRequest(%q).rest = %q, want %q", text, got, want)
		}
	}
}

// TestReadRequestDialectAndDeclining checks the requests made in dialect,
// chat and IME slips, and the ones declined or only talked about.
func TestReadRequestDialectAndDeclining(t *testing.T) {
	for _, c := range []struct {
		text string
		want intent // the request made, or intentNone
	}{
		{"応模したいです", intentApply},               // an IME slip of 応募
		{"手続き進めたいです", intentApply},             // 手続き without を
		{"申し込みフォームちょうだい", intentApply},         // ちょうだい asks
		{"応募フォームほしいです", intentApply},           // not cancel, for all the form is named
		{"戻してけれ", intentBack},                  // 東北: 〜してけれ
		{"やめときます", intentCancel},               // やめておきます
		{"ちょっとやめる", intentCancel},              // a filler before a command
		{"とりあえずスキップ", intentSkip},              // a filler before a command
		{"この質問スルーで", intentSkip},               // スルー skips
		{"これで合ってる", intentYes},                 // pointing at what was shown, then yes
		{"内容は問題ないです", intentYes},               // pointing at what was shown, then yes
		{"違う違う", intentNo},                     // a command said twice
		{"うんうん", intentYes},                    // a command said twice
		{"内容に間違いはないです", intentYes},             // denying a fault says yes
		{"スタッフさんいない？", intentHuman},            // asking whether no one is there asks for someone
		{"選考結果の連絡がまだ届いてないです", intentStatus},    // not come yet: where does it stand
		{"面談の日程変更は今のところ大丈夫です", intentNone},     // declined
		{"説明会の予約をするのはやめときます", intentNone},      // declined
		{"個人情報を消すのはやめておきます", intentNone},       // declined
		{"担当者と話すほどでもないです", intentNone},         // declined
		{"めっちゃつかれた", intentNone},               // tired, not お疲れさまです
		{"面談のキャンセル料はかかりますか", intentNone},       // asks about the charge
		{"説明会のキャンセルポリシーを教えて", intentNone},      // asks about the rules
		{"友達も応募したいらしいけど、どうしたらいい？", intentNone}, // how, about the clause before
		{"予約を見たいです", intentBookings},
		{"予約をリスケしたいです", intentReschedule},        // リスケし holds けし, not 消し
		{"はいっ", intentYes},                       // a stressed reply
		{"配信ONで", intentBroadcastOn},             // ON in latin letters
		{"通知はこのままでいいです", intentNone},             // keeps things as they are
		{"通知うるさいけど止めるほどでもないかな", intentNone},      // not worth stopping
		{"つかいかたわからん", intentHelp},                // 使い方 in kana, dialect
		{"使いかたおしえて", intentHelp},                 // 使い方 with its okurigana in kana
		{"応募したよ！", intentNone},                   // told in chat, not asked for again
		{"面接の日、変えてもらえねっかな", intentReschedule},    // 〜ねっかな asks (北海道, 東北)
		{"応募はまだしないかな", intentNone},               // 〜しないかな says what one will not do
		{"応募は、今もらっている内定と比較してからにします", intentNone}, // put off until after
		{"説明会に行くかは、まだ決めてないです", intentNone},       // whether is undecided
		{"お知らせ、もう送らんでええよ", intentBroadcastOff},   // the thing named before a comma, read with the rest
		{"説明会、やっぱ不参加にしたいです", intentCancelBooking},
		{"応募して2週間たつけど連絡ないっす", intentStatus}, // applied, and no word came
		{"もしかしたら来年応募します", intentNone},       // only thought of
		{"答えなくていいならとばしたい", intentSkip},      // a wish on a supposition of it
	} {
		if got := detectIntent(c.text); got != c.want {
			t.Errorf("detectIntent(%q) = %s, want %s", c.text, got, c.want)
		}
	}
	for text, want := range map[string]intent{"間違いないです": intentYes, "よろしくお願いいたします": intentYes, "まだ送らないでください": intentNo} {
		if got := answerIntent(text); got != want {
			t.Errorf("answerIntent(%s) = %s, want %s", text, got, want)
		}
	}
}

// TestAnswerSaidAgain: a yes whose rest says yes again (うん、これで送って)
// agrees, as a bare 「これで送って」 does; a yes beside a question is left
// for the turn to answer the question first.
func TestAnswerSaidAgain(t *testing.T) {
	for text, want := range map[string]intent{
		"うん、これで送って":         intentYes,
		"これで送って":            intentYes,
		"はい、そのまま送って":        intentYes,
		"はい。ところで研修は何ヶ月ですか？": intentNone,
	} {
		if got := answerIntent(text); got != want {
			t.Errorf("answerIntent(%q) = %s, want %s", text, got, want)
		}
	}
}
