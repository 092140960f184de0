package faq

import "testing"

// TestDialect: regional forms the analyser misreads are written in the
// standard language; standard Japanese, and さ that is no destination
// marker (さすが, 東京さくら), stay as they are.
func TestDialect(t *testing.T) {
	for in, want := range map[string]string{
		"毎日会社さ行がねばなんねの？":  "毎日会社に行かなければならないの？",
		"北見さ戻ったら":         "北見に戻ったら",
		"工大生じゃないとあかんの？":   "工大生じゃないとだめの？",
		"研修ってどげんことするとですか": "研修ってどうことするのですか",
		"冬、耐えられるじゃろか":     "冬、耐えられるだろうか",
		"北見ってわや寒いんでしょ？":   "北見ってとても寒いんでしょ？",
		"研修は何ヶ月ですか":       "研修は何ヶ月ですか",
		"東京さくらトラム":        "東京さくらトラム",
		"さすがに寒いですか":       "さすがに寒いですか",
		"残業まみれだったらどうしよう":  "残業まみれだったら", // a worry asks about its condition
		"お給料はいかほどでしょうか":   "お給料はいくらでしょうか",
		"福岡から働いとる人とかおると？": "福岡から働いとる人とかいるの？", // 博多
		"テレワークしとる人":       "テレワークしている人",
	} {
		if got := Dialect(in); got != want {
			t.Errorf("Dialect(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDialectQuestionsAnswered: a question in dialect reaches the entry
// its standard form would.
func TestDialectQuestionsAnswered(t *testing.T) {
	ix := NewIndex(loadDefaultFAQs(t), loadDefaultConcepts(t)...)
	expectAnswered(t, ix, map[string]string{
		"東京さ何ヶ月くらい行がねばなんねえの？": "training-period",
		"工大生じゃないとあかんの？":       "who-can-apply",
		"北見ってわや寒いんでしょ？":       "kitami-winter",
	})
}
