package bot

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// splitClauses cuts text into its sentences and the clauses a conjunctive
// ending leads (〜けど、〜ので、〜が、〜たいから、〜なら、〜れば), each keeping
// its punctuation.
func splitClauses(text string) []string {
	var out []string
	start := openingWordEnd(text)
	if start > 0 {
		out = append(out, text[:start]) // いいえ結構です reads as いいえ、結構です
	}
	wordsApart := spacedKana(text) || spacedWords(text) // わたし の おうぼ どうなって ますか: no clauses
	for i, r := range text {
		if i < start {
			continue // inside a clause ending already cut
		}
		end := -1
		switch r {
		case '。', '！', '!', '？', '?', '\n', '、', ',', '，', '…', '〜', '～', '　':
			end = i + utf8.RuneLen(r)
		case ' ':
			if !wordsApart && spaceSeparates(text, i) {
				end = i + 1
			}
		default:
			if c, ok := clauseEndAt(text, i); ok {
				end = i + len(c.mark)
			}
		}
		if end > start {
			if s := strings.TrimSpace(text[start:end]); s != "" {
				out = append(out, s)
			}
			start = end
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// openingWordEnd returns where a yes, a no or a greeting that opens text
// without a comma ends (いいえ結構です, いや違います, はじめまして北見工大の
// 3年です), or 0 when text opens otherwise. A short word that also begins
// other words stands apart before hiragana only when it is none of those
// (いやまだです, but not いやだ or いえで): before a kanji, a katakana or a
// Latin letter it always does.
func openingWordEnd(text string) int {
	for _, w := range openingWords {
		rest, ok := strings.CutPrefix(text, w.word)
		if !ok || rest == "" {
			continue
		}
		next, _ := utf8.DecodeRuneInString(rest)
		kana := unicode.Is(unicode.Hiragana, next)
		if kana && w.beforeKana && !strings.ContainsRune(w.notBefore, next) || unicode.IsLetter(next) && !kana {
			return len(w.word)
		}
	}
	return 0
}

// openingWords open a message as a word of their own, longest first.
// beforeKana: the word stands apart before hiragana too, but for the
// runes of notBefore, which make it another word (いやだ, いえで).
var openingWords = []struct {
	word, notBefore string
	beforeKana      bool
}{
	{word: "はじめまして", beforeKana: true}, {word: "初めまして", beforeKana: true}, {word: "こんにちは", beforeKana: true},
	{word: "こんばんは", beforeKana: true}, {word: "おはようございます", beforeKana: true}, {word: "お疲れ様です", beforeKana: true},
	{word: "お疲れさまです", beforeKana: true}, {word: "おつかれさまです", beforeKana: true}, {word: "お世話になっております", beforeKana: true},
	{word: "いいえ", beforeKana: true}, {word: "ううん", beforeKana: true},
	{word: "いや", notBefore: "だでなにのがはをすさしらもかっ", beforeKana: true},
	{word: "いえ", notBefore: "でにのがはをかまっもへとやいす", beforeKana: true},
	{word: "はい"}, {word: "うん"},
}

// spaceSeparates reports whether the space at byte i of text stands for
// a comma, as students type one between Japanese words (いいえ 結構です):
// between two runes that are not ASCII, nor both katakana. In 「help me」
// and 「ﾊｲｼﾝ ﾃｲｼ」 it parts the words of one phrase. A text with a space
// between every word (spacedKana, spacedWords) has none that does; the
// caller checks that once.
func spaceSeparates(text string, i int) bool {
	prev, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text[:i], " "))
	next, _ := utf8.DecodeRuneInString(strings.TrimLeft(text[i:], " "))
	return prev >= utf8.RuneSelf && next >= utf8.RuneSelf && !(isKatakana(prev) && isKatakana(next))
}

// spacedKana reports whether text is written in hiragana with spaces
// between its words, as young children's books are (分かち書き).
func spacedKana(text string) bool {
	if strings.Count(strings.TrimSpace(text), " ") < 2 {
		return false // まちがえた もどって: two clauses
	}
	for _, r := range text {
		if !unicode.IsSpace(r) && !unicode.Is(unicode.Hiragana, r) && r != 'ー' && !unicode.IsPunct(r) {
			return false
		}
	}
	return true
}

// spacedWords reports whether text, in Japanese, has a space after nearly
// every word, as learners of Japanese type (私の 応募 いま どう なって
// いますか): three spaces or more, and no piece between spaces or marks
// longer than a word.
func spacedWords(text string) bool {
	if strings.Count(strings.TrimSpace(text), " ") < 3 {
		return false
	}
	for _, p := range strings.FieldsFunc(text, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) {
		if utf8.RuneCountInString(p) > 5 || strings.ContainsFunc(p, func(r rune) bool { return r < utf8.RuneSelf && unicode.IsLetter(r) }) {
			return false
		}
	}
	return true
}

// clauseEnd is a word that ends a clause leading up to another.
type clauseEnd struct {
	mark  string
	after string // when set, the runes one of which must come before mark
	// notBefore, when set, holds the runes none of which may follow mark:
	// the 「んで」 of 「多いんですか」 is part of 「んです」.
	notBefore string
	supposes  bool // the clause is a condition (〜なら, 〜れば), not something said
}

// clauseEnds end a clause that leads up to another, longest first so
// that 「のですが」 is not cut at its 「ので」. 「から」 ends a clause only
// after a verb or an adjective (知りたいから), not after a noun (東京から)
// or a て (相談してから, which says when); the spoken 「んで」 only after
// い or た (受けてみたいんで, 応募したんで), not in a verb (読んで, 住んで).
var clauseEnds = sortedLongestFirst([]clauseEnd{
	{mark: "けれども"}, {mark: "けれど"}, {mark: "けど"},
	{mark: "のですが"}, {mark: "んですが"}, {mark: "ですが"}, {mark: "ので"},
	{mark: "から", after: "いるただすく"}, {mark: "んで", after: "いた", notBefore: "すし"},
	{mark: "けん", after: "いた", notBefore: "しさせ"},   // 広島, 博多: 間違えたけん (not けんしゅう, けんさ)
	{mark: "だし", after: "も", notBefore: "たてまとちつ"}, // 受かるかもだし (not 書類もだしたい)
	{mark: "ならば", supposes: true}, {mark: "なら", supposes: true},
	{mark: "れば", supposes: true}, {mark: "えば", supposes: true}, {mark: "けば", supposes: true},
	{mark: "せば", supposes: true},
})

// sortedLongestFirst sorts ends so that a longer mark is tried before any
// shorter one it starts with.
func sortedLongestFirst(ends []clauseEnd) []clauseEnd {
	slices.SortStableFunc(ends, func(a, b clauseEnd) int { return cmp.Compare(len(b.mark), len(a.mark)) })
	return ends
}

// clauseEndAt returns the clause ending that starts at byte i of text, if
// one does and text goes on after it.
func clauseEndAt(text string, i int) (clauseEnd, bool) {
	if endsText(text[i:]) {
		return clauseEnd{}, false // 「やめたいのですが」: its ので leads to nothing
	}
	for _, c := range clauseEnds {
		if !strings.HasPrefix(text[i:], c.mark) || i+len(c.mark) >= len(text) {
			continue
		}
		if c.after != "" {
			prev, _ := utf8.DecodeLastRuneInString(text[:i])
			if !strings.ContainsRune(c.after, prev) {
				continue
			}
		}
		rest := text[i+len(c.mark):]
		if next, _ := utf8.DecodeRuneInString(rest); strings.ContainsRune(c.notBefore, next) {
			continue
		}
		if endsSentence(rest) || c.supposes && judgesCondition(rest) {
			continue
		}
		return c, true
	}
	return clauseEnd{}, false
}

// endsText reports whether tail, the end of a text, is a clause ending
// and nothing more: the request it closes leaves the rest unsaid.
func endsText(tail string) bool {
	t := strings.TrimRight(tail, clausePunct)
	for _, c := range clauseEnds {
		if t == c.mark {
			return true
		}
	}
	return false
}

// endsSentence reports whether rest, what follows a clause ending, only
// ends the sentence with a copula, making one phrase with it: the 「から
// ですか」 of 「川に戻ってくるからですか」 gives no reason for another clause.
func endsSentence(rest string) bool {
	return strings.TrimRight(rest, "。！？!?、, ") == "だ" || hasAnyPrefix(rest, copulas...)
}

// copulas are the ways a copula starts.
var copulas = []string{"です", "でし", "じゃな", "なの", "なん", "だよ", "だね", "だった", "だろ"}

// judgesCondition reports whether rest, what follows a condition, only
// judges it, making one phrase with it (〜すればいい, 〜ならだめ,
// 〜なければならない), or goes on with the word the mark was part of
// (the なら of ならない).
func judgesCondition(rest string) bool { return hasAnyPrefix(rest, conditionJudgements...) }

// conditionJudgements are the words that judge a condition.
var conditionJudgements = []string{"いい", "よい", "良い", "よかっ", "良かっ", "いけ", "なら", "なり", "だめ", "ダメ", "駄目", "大丈夫", "どう", "ok", "OK",
	"ない", "なく", "なかっ", "ず"}

// supposes reports whether clause is a condition (在宅で働けるなら,
// 締め切りを過ぎてなければ): what it says is supposed, not asked for.
func supposes(clause string) bool {
	c := strings.TrimRight(clause, "、,， ")
	for _, e := range clauseEnds {
		if e.supposes && strings.HasSuffix(c, e.mark) {
			return true
		}
	}
	return false
}

// tellsWhatWasDone reports whether a clause says what the student did or
// had meant to do (応募したんですけど, エントリーしましたが, 応募したいと
// 思ってたけど, 結局やめました): past, not a request; a courtesy in the past
// (わかりました) and not being able to come (行けなくなりました) are not.
func tellsWhatWasDone(clause string) bool {
	if strings.Contains(clause, "ことにし") {
		return false // 応募することにしました decides, it asks now
	}
	if containsAny(clause, wishThenContact) {
		return false // 応募したくて連絡しました: the wish is what it tells
	}
	if k := strings.TrimRight(frameKey(clause), "。.!！、,"); slices.ContainsFunc(politePasts(), func(p string) bool { return strings.HasSuffix(k, p) }) {
		return false // (どうも)ありがとうございました, 承知しました: a courtesy, not a thing done
	}
	for _, p := range []string{"したん", "しました", "したけど", "したが", "したので", "してるん", "しているん", "済んで", "済みです", "済ませ"} {
		if strings.Contains(clause, p) {
			return true
		}
	}
	c := strings.TrimRight(clause, "、,， ")
	for _, end := range []string{"たけど", "たけれど", "たけれども", "たが", "たので", "てきた", "が来た", "から来た", "が届いた", "から届いた"} {
		if strings.HasSuffix(c, end) {
			return true
		}
	}
	if hasAnySuffix(strings.TrimRight(c, "。.!！〜ー♪"), "したよ", "したわ", "したぞ", "しといた", "しておいた", "したった", "した") {
		return true // 応募したよ！ tells it, in chat
	}
	// 結局やめました tells; わかりました, 行けなくなりました do not
	k := frameKey(c)
	return strings.HasSuffix(strings.TrimRight(k, "。.!！"), "ました") && !containsAny(k, politePasts()) && !containsAny(k, cannotComeKeys())
}

// wishThenContact tell that the student writes because of a wish
// (応募したくて連絡しました): what was done is the writing, not the wish.
var wishThenContact = []string{"たくて連絡", "たくてご連絡", "たく連絡", "たくご連絡", "たいと思って連絡", "たいと思ってご連絡", "たいと思い連絡", "たいと思いご連絡", "たくてメッセージ", "たいと思ってメッセージ", "たくてline"}

// closings are the formulas that close a message after what it asks
// (応募状況を教えてください。よろしくお願いします): said after a request,
// they are no greeting of their own.
var closings = []string{
	"よろしくお願いいたします", "よろしくお願い致します", "よろしくお願いします", "よろしくおねがいします",
	"よろしくです", "よろしく", "お願いいたします", "お願いします", "おねがいします",
}

// withoutClosing returns text less a closing formula that follows a
// sentence or clause of its own; text alone when nothing else is said
// (よろしくお願いします is a greeting).
func withoutClosing(text string) string {
	t := strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.Is(unicode.So, r)
	})
	for _, c := range closings {
		body, ok := strings.CutSuffix(t, c)
		if !ok {
			continue
		}
		trimmed := strings.TrimRightFunc(body, unicode.IsSpace)
		last, _ := utf8.DecodeLastRuneInString(trimmed)
		if trimmed != "" && (strings.ContainsRune("。！!？?、,，\n…", last) || unicode.Is(unicode.So, last)) {
			return trimmed
		}
		return text
	}
	return text
}

// recallsDone reports whether clause names something the student did
// (応募したやつ, 予約した件): it points at it, it does not ask to do it
// again.
func recallsDone(clause string) bool {
	return containsAny(clause, []string{"したやつ", "した奴", "した件", "したもの", "したの、"})
}

// asksOnly reports whether clause only asks for something to be done
// without naming what (確認して, 見せてください, 調べてもらえますか): the
// clause before it names it, so it reads as part of the whole message
// (「結果の連絡まだ来てないんだけど確認して」 asks after the result, not for
// the bookings a bare 確認 stands for).
func asksOnly(clause string) bool {
	return slices.Contains(bareAskKeys(), commandKey(strings.TrimRight(clause, clausePunct)))
}

// bareAsks are the verbs that ask for something to be done and name
// nothing, in the forms commandKey leaves of them.
var bareAsks = []string{"確認して", "確認したい", "確認", "確認お願い", "かくにんして", "見せて", "見たい", "みせて", "見して",
	"教えて", "おしえて", "教えてほしい", "調べて", "しらべて", "チェックして", "頼む", "たのむ", "お願い", "おねがい",
	"お願いできますでしょうか", "お願いできますか", "お願いできる", "お願いいたします", "確認してほしい", "見てほしい", "調べてほしい",
	"可能でしょうか", "可能ですか", "可能", "できますでしょうか", "よろしいでしょうか"}

// bareAskKeys are bareAsks in the form of commandKey.
var bareAskKeys = sync.OnceValue(func() []string {
	out := make([]string, len(bareAsks))
	for i, w := range bareAsks {
		out[i] = commandKey(w)
	}
	return out
})
