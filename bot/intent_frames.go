package bot

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sakemodel/sakebot/faq"
)

// frame is a request told by what it is about and what is to be done with
// it: 「説明会」 with 「行きたい」 books a session, 「面談」 with 「ずらしたい」
// moves a booking. Students combine the two in more ways than examples
// can list (「ｾﾂﾒｲｶｲ行きたい」, 「面談の枠空いてますか？予約したいです」), and
// the example matcher weighs a shared word such as 予約 or 申し込み above
// the object that settles which request it is.
type frame struct {
	intent  intent
	objects []string // what the request is about (説明会, 面談)
	actions []string // what is to be done with it (申し込み, 予約した)
	phrases []string // words that make the request by themselves (リスケ)
	// others name another request, which the example matcher weighs
	// better (説明会に出てから応募したい applies).
	others []string
	// recalls is set for a frame that tells about something done (予約
	// したやつ): a message telling what was done still makes it.
	recalls bool
}

// takingPart are the words with which a student asks to take part in a
// session or an interview.
var takingPart = []string{"予約", "申し込", "申込", "申しこ", "もうしこ", "参加", "出席", "枠", "席",
	"行きたい", "いきたい", "行ってみたい", "いってみたい", "出たい", "出てみたい", "受けたい", "受けてみたい",
	"お願い", "おねがい", "希望", "行こう", "いこう", "申し込もう", "入れて", "入れたい", "いれたい", "取りたい", "とりたい", "よやく", "押さえ", "抑え", "さんかし", "さんかさ", "しゅっせき"}

// otherRequests name requests a booking frame leaves to the example
// matcher: applying, and cancelling (予約キャンセルしたい).
var otherRequests = []string{"応募", "エントリー", "キャンセル", "取り消", "取消", "とりけし", "やめ", "止め", "辞退"}

// notBooked name what has dates but is not booked here (研修の日程変更って
// ある？ asks about the training).
var notBooked = []string{"研修", "選考", "勤務", "配属", "締め切り", "締切", "入社"}

// cannotCome say a student cannot come after all (面談行けなくなった):
// a reason to cancel, not a negated request.
var cannotCome = []string{"行けなくな", "いけなくな", "参加できなくな", "出られなくな", "出れなくな", "来られなくな", "来れなくな",
	"行かないことに", "参加しないことに", "受けないことに", "行かないので", "行かないから", "いかないので", "いかないから",
	"行かなくなっ", "いかなくなっ", "参加しないので", "参加しないから",
	"行けないので", "行けないから", "いけないので", "いけないから", "参加できないので", "参加できないから", "出られないので", "出られないから"}

// cannotComeKeys is cannotCome in the form of frameKey.
var cannotComeKeys = sync.OnceValue(func() []string { return keysOf(cannotCome) })

// moodText is text as its mood is read for a frame's request: saying one
// cannot come (行けなくなった) asks to cancel and negates nothing.
func moodText(text string) string {
	for _, w := range cannotCome {
		text = strings.ReplaceAll(text, w, "欠席にな")
	}
	return text
}

// bookedThings name what a student books here.
var bookedThings = []string{"予約", "説明会", "セミナー", "セツメイカイ", "面談", "面接", "よやく", "めんだん", "めんせつ"}

// bookedThingKeys are bookedThings in the form of frameKey.
var bookedThingKeys = sync.OnceValue(func() []string { return keysOf(bookedThings) })

// announcements name what staff send to many students (配信停止 stops it).
var announcements = []string{"配信", "通知", "お知らせ", "おしらせ", "案内", "一斉送信", "一斉配信", "宣伝", "メルマガ", "新着情報", "最新情報", "イベント情報", "イベントの情報", "メッセージ"}

// frames are the requests read by object and action, tried in order:
// moving a booking before seeing one, seeing one before making one. The
// list of questions is asked for by 質問 with 一覧 or 候補 (どんな質問
// できるか一覧で), which the example matcher reads as asking for help.
// Announcements are read as 配信停止 here; broadcastRead settles which way
// (配信停止を解除, また届くように).
var frames = []frame{
	{intent: intentCancelBooking,
		objects: bookedThings,
		actions: append([]string{"キャンセル", "取り消", "取消", "とりけし", "なしにし", "無しにし", "なかったことに", "やめたい", "やめます",
			"やめにし", "欠席", "辞退", "消して", "消したい", "消せ", "けして", "けしたい", "消しと", "消しておい", "けしと", "けしておい", "削除", "解放",
			"白紙", "やっぱなしで", "やっぱりなしで", "やっぱ無しで", "不参加"}, cannotCome...),
		// リスケし holds けし (消し), and so does ご迷惑おかけして
		others: append([]string{"応募", "エントリー", "同意", "リスケ", "りすけ", "かけし", "掛けし"}, notBooked...)},
	{intent: intentReschedule,
		objects: append(slices.Clone(bookedThings), "枠"), // 午後の枠に移動できる？
		actions: []string{"変更", "変え", "かえたい", "ずら", "移し", "移せ", "移動", "延期", "別日にし", "別の日にし", "違う日にし", "他の日にし",
			"にしてもらえ", "にしてほし", "にして欲し", "にしていただけ", "にできる", "にできま", "にできない", "振替", "振り替え", "ふりかえ", "のにしたい", "のにして", // 来週にしてもらえませんか
			"選び直", "選びなお", "えらびなお", "取り直", "取りなお", "とりなお", "入れ直", "いれなお", "組み直", "くみなお"}, // 面談の日を選び直したい
		// a phrase needs no booking named (急用で行けなくなったので別日に振り替えてほしい)
		phrases: []string{"リスケ", "日程変更", "日程の変更", "日程を変更", "日程を変え", "日程変え", "日時変更", "日時を変更",
			"にってい変え", "にっていを変え", "にってい変更", "にっていの変更", "にっていかえ", "にっていをかえ",
			"別日に振り替え", "別の日に振り替え", "別日に振替", "別日に変更", "別の日に変更",
			"日程かえ", "日程をかえ", "日にち変え", "日にちを変え", "日にちかえ", "日にち変更", "日にちを変更",
			"振替をお願い", "振り替えをお願い", "振替お願い", "振替希望", "振り替えてほし", "振り替えてもら",
			"にずらし", "時間をずらし", "時間ずらし", "日をずらし", "日にちをずらし", "日にちずらし", "日程ずらし", "日程をずらし"}, // 14時からのやつ16時にずらしたい
		// 〜ようにしてほしい asks for a way things go (通知くるようにしてほしい),
		// not for another date
		others: append([]string{"キャンセル", "取り消", "取消", "とりけし", "ようにし"}, notBooked...)},
	{intent: intentBookings, recalls: true,
		objects: bookedThings,
		actions: []string{"予約した", "予約してた", "予約してる", "予約している", "入って", "入ってる",
			"予約できて", "予約とれて", "予約取れて", "予約済", "予約状況", "予約一覧", "予約内容", "取れてる", "とれてる", "取れている", "入れてる", "入れてた",
			"予約日時", "予約日", "できてるか", "できているか", "取れてるか", "とれてるか", "入れた", "見れ", "見られ",
			"いつだった", "何日だった", "何時だった", "いつだっけ", "何日だっけ", "何時だっけ", "たっけ"},
		phrases: []string{"私の予約", "自分の予約", "僕の予約", "私の面談", "自分の面談", "僕の面談", "私の説明会", "自分の説明会",
			"予約確認", "予約の確認", "予約を確認", "予約表示", "予約を表示", "予約見せ", "予約を見せ", "予約見た", "予約を見た", "予約見たい", "予約を見たい", "予約が見たい",
			"予約の一覧", "よやくかくにん", "よやくのかくにん"},
		others: []string{"キャンセル", "取り消", "取消", "とりけし", "結果", "合否", "選考", "通過"}},
	{intent: intentSession,
		objects: []string{"説明会", "セミナー", "セツメイカイ", "イベント"},
		actions: takingPart,
		others:  append([]string{"受け取", "うけと", "受信"}, otherRequests...)}, // 説明会の案内とかまた受け取りたい
	{intent: intentInterview,
		objects: []string{"面談", "面接", "めんだん", "めんせつ", "1対1", "一対一", "個別"},
		actions: append(append([]string{}, takingPart...), "日程", "候補日", "調整", "日にち", "日取り", "決めたい", "決めて",
			"組んで", "組みたい", "組める", "組ませて", "セッティング", "設定して", "設定したい", "時間を取", "時間取", "時間とっ",
			"時間もらえ", "時間をもらえ", "時間をいただけ", "時間いただけ"),
		phrases: []string{"面談したい", "面談をしたい", "面談してほしい", "面談して欲しい", "面談させて", "面談してみたい", "面談希望"},
		others:  otherRequests},
	{intent: intentHuman, // 研修中の住まいについて担当者さんに相談したいです
		objects: []string{"担当者", "担当の方", "担当の人", "担当さん", "人事", "採用担当", "スタッフ", "社員の方", "社員さん", "中の人"},
		actions: []string{"と話し", "と話せ", "とお話し", "に相談し", "に相談でき", "に相談させ", "に聞きたい", "に直接聞", "に確認したい",
			"につない", "に繋い", "に代わっ", "と電話"},
		others: []string{"応募", "予約", "説明会", "面談", "面接"}},
	{intent: intentFAQMenu,
		phrases: []string{"よくある質問", "質問集"}, // よくある質問のメニューを表示して
		objects: []string{"質問", "聞ける", "きける", "q&a", "faq"},
		actions: []string{"一覧", "リスト", "候補", "例を", "例が", "例って", "まとめ", "トピック", "話題", "テーマ", "カテゴリ", "ジャンル", "分類"},
		others:  []string{"応募", "エントリー", "予約", "面談", "説明会", "担当"}},
	{intent: intentFAQMenu, // 他の人がどんなこと聞いてるか見たい
		objects: []string{"他の人が", "ほかの人が", "他の学生が", "ほかの学生が", "みんなが", "みんなどんな", "みんな何", "みんながどんな"},
		actions: []string{"聞いてる", "聞いている", "きいてる", "質問してる", "質問している", "よく聞く", "よくきく"},
		others:  []string{"担当", "人と話", "応募", "エントリー", "予約"}},
	{intent: intentSkip, // 電話番号は飛ばします
		phrases: []string{"は飛ばし", "はとばし", "はスキップ", "は空欄で", "は省略", "はパスで", "はパスし"},
		others:  []string{"予約", "説明会", "面談", "面接", "応募", "削除", "消"}},
	{intent: intentBack, // 大学名入れたとこまで戻りたい
		phrases: []string{"ところまで戻", "とこまで戻", "ところまでもど", "とこまでもど", "所まで戻", "質問まで戻", "項目まで戻",
			"のとこに戻", "のところに戻", "のとこへ戻", "のところへ戻", "の質問に戻", "の項目に戻"},
		others: []string{"最初", "はじめ", "初め", "トップ", "ホーム", "メニュー"}},
	{intent: intentStatus, recalls: true, // 応募して2週間たつけど連絡ないっす
		objects: []string{"応募", "エントリー", "申し込ん", "申込ん", "ES出", "エントリーシート出"},
		actions: append([]string{"音沙汰", "連絡ない", "連絡がない", "連絡こない", "連絡来ない"}, notArrivedWords...),
		others:  append([]string{"前に", "まえに"}, bookedThings...)},
	{intent: intentBroadcastOff, recalls: true,
		objects: announcements,
		actions: append(append([]string{}, stoppingWords...), "不要", "いらない", "要らない", "いりません", "いらん", "要らん", "いらへん", "送らない",
			"送ってこない", "来ないように", "こないように", "届かないように", "うるさい", "やめて", "やめてほしい",
			"再開", "また届", "またとど", "また送", "またおく", "また受け取", "受け取りたい", "受け取れるように", "届くように", "受け取る設定", "受けとる設定",
			"くるように", "来るように", "また流", "またなが", "復活", "ふっかつ", "また始め", "またはじめ", "また入れ", "やめたい", "やめます",
			"戻して", "オンに"),
		others: []string{"予約", "応募", "エントリー"}},
}

// frameKeys is frames with every word in the form text is matched in
// (see frameKey), built once.
var frameKeys = sync.OnceValue(func() []frame {
	out := make([]frame, len(frames))
	for i, f := range frames {
		out[i] = frame{intent: f.intent, recalls: f.recalls,
			objects: keysOf(f.objects), actions: keysOf(f.actions), phrases: keysOf(f.phrases), others: keysOf(f.others)}
	}
	return out
})

// frameKanaKeys is frames with every word in its reading, for a message
// typed in hiragana alone (せつめいかいよやくしたい, つうちもどして), built
// once.
var frameKanaKeys = sync.OnceValue(func() []frame {
	out := make([]frame, len(frames))
	for i, f := range frameKeys() {
		out[i] = frame{intent: f.intent, recalls: f.recalls,
			objects: readingsOf(f.objects), actions: readingsOf(f.actions), phrases: readingsOf(f.phrases), others: readingsOf(f.others)}
	}
	return out
})

// readingsOf returns the readings of keys (see faq.Reading).
func readingsOf(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = faq.Reading(k)
	}
	return out
}

// allHiragana reports whether k is written in hiragana (and long-vowel
// marks) alone.
func allHiragana(k string) bool {
	for _, r := range k {
		if (r < 'ぁ' || r > 'ゖ') && r != 'ー' {
			return false
		}
	}
	return k != ""
}

// keysOf returns words in the form of frameKey.
func keysOf(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = frameKey(w)
	}
	return out
}

// frameKey is the form text is matched against frames in: normalised, in
// hiragana (ｾﾂﾒｲｶｲ as せつめいかい), without spaces.
func frameKey(text string) string { return strings.ReplaceAll(faq.Normalize(text), " ", "") }

// frameBase and frameSpan bound the score of a request read by a frame:
// frameBase, and up to frameSpan more the more of the text its words
// cover, so that of a message and a clause of it that name the same
// request the clause scores better and the rest of the message is read as
// a question beside it. The score stays under exactScore.
const (
	frameBase = 0.85
	frameSpan = 0.1
)

// frameRequest returns the request text makes by a frame, if any, scored
// as frameBase and frameSpan tell; its mood is left to the caller.
func frameRequest(text string) (request, bool) {
	k := frameKey(text)
	if k == "" {
		return request{}, false
	}
	done := toldAsDone(text, k) && !containsAny(k, cannotComeKeys()) // 行けなくなりました asks to cancel
	fs := frameKeys()
	if allHiragana(k) {
		fs = frameKanaKeys()
	}
	for _, f := range fs {
		if done && !f.recalls || containsAny(k, f.others) {
			continue
		}
		if covered, ok := f.match(k); ok {
			share := float64(covered) / float64(utf8.RuneCountInString(k))
			return request{intent: f.intent, score: frameBase + frameSpan*min(share, 1), framed: true}, true
		}
	}
	return request{}, false
}

// match reports whether key k makes f's request, and how many runes of k
// the words that make it cover.
func (f frame) match(k string) (int, bool) {
	for _, p := range f.phrases {
		if containsWord(k, p) {
			return utf8.RuneCountInString(p), true
		}
	}
	for _, o := range f.objects {
		if !strings.Contains(k, o) {
			continue
		}
		for _, a := range f.actions {
			if containsWord(k, a) {
				return utf8.RuneCountInString(o) + utf8.RuneCountInString(a), true
			}
		}
	}
	return 0, false
}

// containsWord reports whether k holds w as a word: a word that ends in
// the past 「た」 (予約した) is not the start of a wish or a supposition
// (予約したい, 予約したら).
func containsWord(k, w string) bool {
	for from := 0; ; {
		i := strings.Index(k[from:], w)
		if i < 0 {
			return false
		}
		from += i + len(w)
		if !strings.HasSuffix(w, "た") || !strings.HasPrefix(k[from:], "い") &&
			!strings.HasPrefix(k[from:], "く") && !strings.HasPrefix(k[from:], "ら") {
			return true
		}
	}
}

// containsAny reports whether k holds any of words.
func containsAny(k string, words []string) bool {
	for _, w := range words {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// toldAsDone reports whether text, key k, tells what the student did
// (去年説明会行きました, 説明会に参加したんですけど): no request to take
// part. A past that describes a noun (予約しておりました面談を…) tells
// nothing.
func toldAsDone(text, k string) bool {
	for _, c := range politePasts() {
		k = strings.ReplaceAll(k, c, "")
	}
	if tellsWhatWasDone(text) {
		return true
	}
	for rest := k; ; {
		i := strings.Index(rest, "ました")
		if i < 0 {
			return false
		}
		rest = rest[i+len("ました"):]
		if next, _ := utf8.DecodeRuneInString(rest); !unicode.Is(unicode.Han, next) && !unicode.Is(unicode.Katakana, next) {
			return true
		}
	}
}

// politePasts are the courtesies said in the past (先日はありがとうござい
// ました, 承知しました), as frameKey forms: they tell of nothing done.
var politePasts = sync.OnceValue(func() []string {
	return keysOf([]string{"ありがとうございました", "お世話になりました", "失礼しました", "承知しました", "わかりました", "分かりました", "了解しました", "かしこまりました"})
})
