package faq

import (
	"strings"
	"unicode/utf8"
)

// LoanwordsInJapanese is withLoanwordsInJapanese, for the bot's reading
// of requests (アプライしたい).
func LoanwordsInJapanese(text string) string { return withLoanwordsInJapanese(text) }

// withLoanwordsInJapanese returns text with the English loanwords written
// in katakana that the entries say in Japanese words (エントリーのデッドラ
// イン, パートナーシップ, ヘッドカウント) written as the entries say them:
// each is read as the English word it comes from, through englishLexicon.
// Only a whole run of katakana is taken, so that a loanword inside a longer
// one (ライフ in ワークライフ) is left alone.
func withLoanwordsInJapanese(text string) string {
	if !strings.ContainsFunc(text, isKatakanaLetter) {
		return text
	}
	var b strings.Builder
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isKatakanaLetter(r) {
			b.WriteString(text[i : i+size])
			i += size
			continue
		}
		end := i
		for end < len(text) {
			r, size := utf8.DecodeRuneInString(text[end:])
			if !isKatakanaLetter(r) {
				break
			}
			end += size
		}
		run := text[i:end]
		if en, ok := katakanaLoanwords[run]; ok {
			run = mixedJa(englishLexicon[en])
		}
		b.WriteString(run)
		i = end
	}
	return b.String()
}

// isKatakanaLetter reports whether r is full-width katakana or the long
// vowel mark.
func isKatakanaLetter(r rune) bool { return r >= 'ァ' && r <= 'ヺ' || r == 'ー' }

// katakanaLoanwords are the loanwords students write in katakana for words
// the entries say in kanji, with the English word of englishLexicon each
// comes from. Loanwords the entries use themselves (リモート, オフィス,
// メンバー) are not here.
var katakanaLoanwords = map[string]string{
	"デッドライン": "deadline", "リレーション": "relation", "パートナーシップ": "partnership", "パートナー": "partner",
	"エクスプレイン": "explain", "シンプル": "simple", "インプレッシブ": "impressive", "ヘッドカウント": "headcount",
	"ネイチャー": "nature", "バックグラウンド": "background", "エリア": "area", "ライフ": "life", "シティ": "city",
	"カンパニー": "company", "ジョブ": "job", "リクルーター": "recruiter", "インタビュー": "interview",
	"セミナー": "seminar", "トレーニング": "training", "サラリー": "salary", "ホリデー": "holiday", "バケーション": "vacation",
	"オーバータイム": "overtime", "ハウジング": "housing", "ドミトリー": "dorm", "ドミトリ": "dorm", "レント": "rent",
	"プロブレム": "problem", "イシュー": "issue", "プロモーション": "promotion", "ゴール": "goal", "ウィンター": "winter",
	"スノー": "snow", "コールド": "cold", "サイトシーイング": "sightseeing", "ヒストリー": "history",
	"ポピュレーション": "population", "プロセス": "process", "セレクション": "selection", "テスト": "test",
	"リザルト": "result", "ステータス": "status", "オファー": "offer", "リスケ": "reschedule", "アポ": "appointment",
	"ブッキング": "booking", "リザベーション": "reservation", "エクスペリエンス": "experience", "ビギナー": "beginner",
	"ファーストメンバー": "first member", "ヘッドクォーター": "headquarters", "ブランチ": "branch", "コミュート": "commute",
	"ローカル": "local", "ホームタウン": "hometown", "リターン": "return", "インターン": "intern",
	"インフォメーション": "information", "タウン": "town",
	"フューチャー": "future", "プロスペクト": "prospect", "エブリデイ": "everyday", "デイリー": "daily life",
	"ソリューション": "solve", "ノーエクスペリエンス": "no experience", "ビジネス": "job",
	// the loanwords of requests
	"アプライ": "apply", "アプリケーション": "application", "チェック": "check", "ダイレクト": "directly",
	"クエスチョン": "question", "スケジューリング": "set up", "サンキュー": "thank you", "サンキューベリーマッチ": "thank you",
}
