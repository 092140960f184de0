package faq

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dialect returns text with the regional forms that the analyser reads
// wrongly written in standard Japanese: 「毎日会社さ行がねばなんねの？」 as
// 「毎日会社に行かなければならないの？」, 「どげんことするとですか」 as
// 「どうことするのですか」. Students write to the bot as they speak, from
// all over Japan; the entries are written in the standard language. Only
// forms that cannot be standard Japanese are taken.
func Dialect(text string) string {
	return tohokuTo(dialectForms.Replace(text))
}

// dialectForms pair regional forms with standard ones.
var dialectForms = strings.NewReplacer(
	// 東北, 北海道
	"行がねばなんねえ", "行かなければならない", "行がねばなんね", "行かなければならない", "行がねばならねえ", "行かなければならない",
	"ねばなんねえ", "なければならない", "ねばなんね", "なければならない", "ねばならねえ", "なければならない",
	"行がねえ", "行かない", "行がね", "行かない", "なまら", "とても", "わや", "とても", "だべか", "だろうか", "んだべ", "んだろう",
	// 関西
	"あかん", "だめ", "あきません", "だめです", "ほんま", "本当", "てはるん", "ているの", "てはります", "ています", "てはる", "ている",
	"でけへん", "できない", "できひん", "できない", "できへん", "できない", "わからへん", "わからない", "せえへん", "しない", "おるん", "いるの", "おらん", "いない", "おらへん", "いない",
	"んやろか", "んだろうか", "やろか", "だろうか",
	// 中国, 九州
	"じゃろか", "だろうか", "じゃろう", "だろう", "じゃろ", "だろう", "どげん", "どう", "どげな", "どんな", "どがい", "どう",
	"するとですか", "するのですか", "しよるとですか", "しているのですか", "なんぼ", "いくら", "いかほど", "いくら",
	"しとる", "している", "っとらん", "ってない", "っとる", "っている", "んどる", "んでいる", "おると？", "いるの？", "おると?", "いるの?", "なかけん", "ないから", "っちゃけど", "んだけど", "寒かと", "寒いの",
	// a worry about what may happen (残業まみれだったらどうしよう) asks
	// about the condition; its どうしよう is no question of how
	"たらどうしよう", "たら", "たらどうしよ", "たら", "だらどうしよう", "だら", "だらどうしよ", "だら",
	"たら不安なんだけど", "たら", "たら不安", "たら", "たら嫌だな", "たら", "たらいやだな", "たら", "たらさみしいな", "たら",
	"たら寂しいな", "たら", "たら怖い", "たら", "たらこわい", "たら", "たらヤバい", "たら", "たらやばい", "たら",
)

// tohokuTo writes the 「さ」 that marks a destination in 東北 speech
// (東京さ行く, 北見さ戻る) as 「に」: after a noun written in kanji or
// katakana and before a verb of going or coming back.
func tohokuTo(text string) string {
	if !strings.Contains(text, "さ") {
		return text
	}
	var b strings.Builder
	prev := rune(0)
	for i, r := range text {
		if r == 'さ' && (unicode.Is(unicode.Han, prev) || unicode.Is(unicode.Katakana, prev)) {
			next, _ := utf8.DecodeRuneInString(text[i+len("さ"):])
			if strings.ContainsRune("行帰戻来通住", next) {
				b.WriteString("に")
				prev = r
				continue
			}
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}
