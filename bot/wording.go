package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sakemodel/sakebot/faq"
)

// withoutLaughter drops the laughter and the drawl that close a chat
// message (中の人だして笑, 応募したいｗｗ, 人と話したい(笑), ありがとう〜):
// they say nothing about the request. A message that is nothing but
// laughter is left alone.
func withoutLaughter(text string) string {
	t := strings.TrimSpace(text)
	for {
		s := strings.TrimRightFunc(t, unicode.IsSpace)
		for _, l := range []string{"(笑)", "（笑）", "笑"} {
			s = strings.TrimSuffix(s, l)
		}
		s = strings.TrimRight(trimLaughingW(s), "〜～")
		if s == t {
			break
		}
		t = s
	}
	if strings.TrimSpace(t) == "" {
		return text
	}
	return t
}

// trimLaughingW drops a run of w or ｗ that ends s after a word that is not
// latin (応募したいｗ), where it is laughter, not a letter.
func trimLaughingW(s string) string {
	t := strings.TrimRight(s, "wｗWＷ")
	if t == s || t == "" {
		return s
	}
	if r, _ := utf8.DecodeLastRuneInString(t); r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return s // a latin word ending in w (show, now)
	}
	return t
}

// isKatakana reports whether r is katakana, full or half width, or the
// long-vowel mark.
func isKatakana(r rune) bool {
	return r >= 'ァ' && r <= 'ヺ' || r == 'ー' || r == 'ヽ' || r == 'ヾ' || r >= 'ｦ' && r <= 'ﾟ'
}

// inJapanese returns text as Japanese would say it when it is written in
// English (I want to book an interview → 面接を予約したいです), or text
// with its katakana loanwords in Japanese words (アプライしたい → 応募した
// い): requests are read by the rules of Japanese.
func inJapanese(text string) string {
	if ja, ok := faq.EnglishSentence(text); ok {
		return ja
	}
	return faq.LoanwordsInJapanese(text) // アプライさせてください
}

// standardWording rewrites the dialect and spoken endings, and the kanji
// slips of the IME, that students make requests with into the standard
// forms the examples are written in. The regional forms questions are
// written in too (おらん, 予約入っとるか) are faq.Dialect's, the same
// rewriting the FAQ reads questions with; the forms here are those of
// requests: 「戻してけれ」 as 「戻してください」,
// 「フォームちょうだい」 as 「フォームください」, 「やめときます」 as
// 「やめておきます」, 「始めたいんやけど」 as 「始めたいんですけど」,
// 「応慕」 as 「応募」, 「Zooopsに応募」 as 「サケモデルに応募」. The を
// dropped after 手続き is put back: the analyser reads 「手続き始めたい」
// as 手 and 続き.
func standardWording(text string) string { return standardForms.Replace(lowerLatin(faq.Dialect(text))) }

// lowerLatin returns text with its Latin letters in lower case, as the
// English words of standardForms are written (Apply, MENU).
func lowerLatin(text string) string {
	if !strings.ContainsFunc(text, func(r rune) bool { return r >= 'A' && r <= 'Z' }) {
		return text
	}
	return strings.ToLower(text)
}

// standardForms pairs each dialect or spoken form, and each kanji slip,
// with its standard form.
var standardForms = strings.NewReplacer(
	"てけれ", "てください", "でけれ", "でください", // 東北: 戻してけれ
	"ねでけろ", "ないでください", "えでけろ", "えてください", "えでけね", "えてください", "てけろ", "てください", "でけろ", "でください", // 東北: 送らねでけろ, 教えでけろ
	"なじょ", "どう", "だけんど", "だけど", "わがんね", "わからない", // 東北: なじょなってっか
	"ありがとー", "ありがとう", "ありがと〜", "ありがとう", "ありがとさん", "ありがとう", // 教えてくれてありがとー
	"だがや", "", "見してちょう", "見せてください", "てちょう", "てください", // 名古屋: ありがとさんだがや, 見してちょう
	"わかったけぇ", "わかった", "送ってこんでええ", "送らなくていい", "ば教えて", "を教えて", "送らんでええ", "送らなくていい", "送らんでいい", "送らなくていい", // 博多, 広島, 関西
	"ちょうだい", "ください", "ちょーだい", "ください", "頂戴", "ください",
	"たいねんけど", "たいんですけど", "たいねん", "たいんです", // 関西: 応募したいねんけど
	"んやけど", "んですけど", "やけど", "だけど", // 関西: 始めたいんやけど
	"やめとき", "やめておき", "やめとく", "やめておく", "しとき", "しておき", "しとく", "しておく",
	"手続き始", "手続きを始", "手続き進", "手続きを進", // without を, read as 手 and 続き
	"といて", "ておいて", // 空けといて, 消しといて
	"説明回", "説明会", "面積予約", "面接予約", "面積の予約", "面接の予約", // the drawl; IME slips
	"飛ばさせて", "飛ばして", "とばさせて", "とばして", // causative: 飛ばさせてください
	"使いかた", "使い方", "べつの日", "別の日", "べつの回", "別の回", // okurigana typed in kana
	"どないして", "どうやって", "どない", "どう", // 関西: どないして使うん, どないなってる
	"たけん", "たから", // 広島, 博多: 間違えたけん戻りたい
	"応慕", "応募", "応模", "応募", "応簿", "応募", "応暮", "応募", // IME slips of 応募
	// the company by its names, which the examples call by the model's
	"zooops japan", "サケモデル", "zooops", "サケモデル", "御社", "サケモデル", "貴社", "サケモデル",
	// words students use for the examples' (志願, 審査状況の照会), IME slips, slang
	"志願", "応募", "審査", "選考", "照会", "確認", "予訳", "予約", "クレメンス", "ください", "前んとこ", "前のところ",
	// English, as students mix it in (apply したい, skipで, menu見せて)
	"i want to apply", "応募したい", "i'd like to apply", "応募したい", "book an info session", "説明会を予約したい", "book an interview", "面接を予約したい",
	"delete my personal data", "個人情報を削除", "stop sending me announcements", "配信停止", "stop sending announcements", "配信停止",
	"turn announcements back on", "配信再開", "turn on announcements", "配信再開", "change my booking date", "予約の日程を変更したい",
	"change my booking", "予約を変更したい", "how do i use this bot", "このボットの使い方", "how do i use", "使い方", "got it", "了解",
	"faq list", "よくある質問一覧", " for the sake model position", "", " for the sake model", "", " for this position", "", " for this", "",
	" right now", "", " now", "", " pls", "", " plz", "", " so much", "", "cancel this form", "入力をやめたい",
	"turn notifications back on", "配信再開", "schedule an interview", "面接を予約したい", "cancel my reservation", "予約をキャンセルしたい",
	"reservation", "予約", "i'd like to ", "", "この会社", "サケモデル", "こちらの会社", "サケモデル", "check my application status", "応募状況を確認したい", "talk to a real person", "担当者と話したい",
	"resume notifications", "配信再開", "resume announcements", "配信再開", "could you ", "", "can you ", "",
	"んじゃけど", "んですけど", "じゃけど", "だけど", "たけぇ", "たから", "たけえ", "たから", // 広島
	"わがった", "わかった", "わがりました", "わかりました", "わがる", "わかる", // 東北
	"残さんといて", "残さないで", "残さんで", "残さないで", // 関西
	"ったばい", "った", "ええん", "いいの", "ええの", "いいの", // 博多, 関西
	"cancel my booking", "予約をキャンセルしたい", "cancel my interview", "面接をキャンセルしたい", "cancel my session", "説明会をキャンセルしたい",
	"stop this form", "入力をやめたい", "stop notifications", "配信停止", "stop notification", "配信停止", "my bookings", "予約確認", "my booking", "予約確認",
	"talk to a human", "担当者と話したい", "talk to a person", "担当者と話したい", "talk to someone", "担当者と話したい",
	"delete my data", "個人情報を削除", "my application status", "応募状況", "application status", "応募状況",
	"info session", "説明会", "go back", "戻る", "unsubscribe", "配信停止", "resubscribe", "配信再開",
	"how to use", "使い方", "this bot", "このボット", "reschedule", "日程変更", "interview", "面接", "booking", "予約",
	"apply", "応募", "skip", "スキップ", "menu", "メニュー", " please", "", "please ", "",
)

// withoutSoftEnding returns text with the softening that ends a request
// and leaves the rest unsaid (応募したいんですけど, やめたいのですが,
// 話したいんだけど) read as the plain polite ending (応募したいです): nothing
// follows the 「けど」 or 「が」, so it joins no clause on.
func withoutSoftEnding(text string) string {
	t := strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.Is(unicode.So, r)
	})
	for _, e := range softEndings {
		if stem, ok := strings.CutSuffix(t, e); ok && stem != "" {
			return stem + "です" + text[len(t):]
		}
	}
	return text
}

// softEndings soften the end of a request, longest first.
var softEndings = []string{"んですけれども", "んですけれど", "のですけれど", "んですけど", "のですけど", "んですが", "のですが",
	"んだけれど", "んだけど", "んやけど"}
