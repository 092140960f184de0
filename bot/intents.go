package bot

import (
	"strings"

	"github.com/sakemodel/sakebot/faq"
)

// intent is what a short message asks the bot to do, apart from answering
// an FAQ question.
type intent int

const (
	intentNone intent = iota
	intentApply
	intentStatus
	intentHuman
	intentMenu
	intentFAQMenu
	intentGreeting
	intentThanks
	intentAck
	intentBack
	intentCancel
	intentSkip
	intentHelp
	intentYes
	intentNo
	intentForget
)

// intentPhrases are matched against the whole message after normalisation
// and after polite endings are stripped, so 「応募したいです」 is intentApply
// but 「応募方法を教えて」 is left to the FAQ.
var intentPhrases = map[intent][]string{
	intentApply:    {"応募したい", "応募する", "応募", "応募します", "応募希望", "エントリー", "エントリーしたい", "エントリーする", "申し込みたい", "申し込む", "申込", "申し込み", "応募を始める", "応募をはじめる", "応募したいです", "応募させてください"},
	intentStatus:   {"応募状況", "応募状況を確認", "選考状況", "選考状況を確認", "ステータス", "状況確認", "応募の状況", "選考の状況", "応募状況を教えて", "選考状況を教えて"},
	intentHuman:    {"担当者と話したい", "担当者と話す", "担当者", "担当者につないで", "人と話したい", "人間と話したい", "オペレーター", "有人対応", "担当の方と話したい", "担当者に相談したい", "担当者に聞きたい", "はい担当者と話す", "スタッフと話したい"},
	intentMenu:     {"メニュー", "menu", "はじめに戻る", "最初から", "できること", "何ができる", "なにができる", "使い方"},
	intentFAQMenu:  {"よくある質問", "faq", "質問一覧", "よくある質問を見る"},
	intentGreeting: {"こんにちは", "こんばんは", "おはよう", "おはようございます", "はじめまして", "初めまして", "よろしく", "よろしくお願いします", "hello", "hi", "やあ", "どうも"},
	intentThanks:   {"ありがとう", "ありがとうございます", "ありがとうございました", "助かりました", "感謝します", "thanks", "thank you", "thx", "サンキュー", "どうもありがとう"},
	intentAck:      {"了解", "了解です", "りょうかい", "わかりました", "分かりました", "ok", "オッケー", "おけ", "承知しました"},
	intentBack:     {"戻る", "もどる", "前の質問", "前に戻る", "ひとつ前", "back"},
	intentCancel:   {"やめる", "キャンセル", "中止", "やめます", "やめたい", "応募をやめる", "cancel", "取り消し"},
	intentSkip:     {"スキップ", "skip", "なし", "特になし", "とくになし", "ありません", "飛ばす"},
	intentHelp:     {"ヘルプ", "help", "助けて", "使い方を教えて"},
	intentYes:      {"はい", "うん", "yes", "同意する", "同意します", "同意", "はいやめる", "続けない"},
	intentForget:   {"個人情報を削除", "個人情報を削除したい", "個人情報の削除", "個人情報を消して", "データを削除", "データを削除したい", "私のデータを削除", "登録を削除", "退会", "退会したい"},
	intentNo:       {"いいえ", "いや", "no", "同意しない", "同意しません", "いいえ続ける", "続ける"},
}

// politeEndings are stripped from the end of a message before intents are
// matched.
var politeEndings = []string{"をお願いします", "お願いします", "おねがいします", "したいです", "します", "です", "ください", "下さい", "ね", "よ", "!"}

var intentIndex = buildIntentIndex()

func buildIntentIndex() map[string]intent {
	idx := map[string]intent{}
	for in, phrases := range intentPhrases {
		for _, p := range phrases {
			idx[commandKey(p)] = in
		}
	}
	return idx
}

// commandKey is the form of a message that intents are matched on.
func commandKey(s string) string {
	k := strings.ReplaceAll(faq.Normalize(s), " ", "")
	for changed := true; changed; {
		changed = false
		for _, ek := range politeKeys {
			if ek != "" && len(k) > len(ek) && strings.HasSuffix(k, ek) {
				k, changed = strings.TrimSuffix(k, ek), true
			}
		}
	}
	return k
}

var politeKeys = func() []string {
	keys := make([]string, len(politeEndings))
	for i, e := range politeEndings {
		keys[i] = strings.ReplaceAll(faq.Normalize(e), " ", "")
	}
	return keys
}()

// detectIntent returns the intent of a whole message, or intentNone.
func detectIntent(text string) intent {
	k := commandKey(text)
	if k == "" {
		return intentNone
	}
	return intentIndex[k]
}

// isClearQuestion reports whether text is unmistakably a question: a
// question mark or a polite question ending.
func isClearQuestion(text string) bool {
	t := strings.TrimSpace(text)
	if strings.ContainsAny(t, "?？") {
		return true
	}
	for _, end := range []string{"ですか", "ますか", "でしょうか", "って何", "ってなに", "とは"} {
		if strings.HasSuffix(t, end) {
			return true
		}
	}
	return false
}

// looksLikeQuestion reports whether text reads as a question rather than an
// answer to a form field.
func looksLikeQuestion(text string) bool {
	t := strings.TrimSpace(text)
	if strings.ContainsAny(t, "?？") {
		return true
	}
	for _, end := range []string{"ですか", "ますか", "でしょうか", "か", "って何", "ってなに", "とは", "の", "って"} {
		if strings.HasSuffix(t, end) {
			return true
		}
	}
	return false
}
