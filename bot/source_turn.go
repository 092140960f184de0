package bot

import (
	"errors"
	"strings"
	"sync"

	"github.com/sakemodel/sakebot/faq"
)

// Replies about sources and 配信停止.
const (
	msgBroadcastOff = "承知しました。今後、説明会やお知らせなどのご案内の配信を停止します。\n" +
		"ご質問へのお返事や、ご予約済みの説明会・面談のリマインドは引き続きお送りします。\n" +
		"また受け取りたくなったときは「配信再開」と送ってください。"
	msgBroadcastAlreadyOff = "ご案内の配信はすでに停止しています。\n" +
		"ご質問へのお返事や、ご予約済みの説明会・面談のリマインドは引き続きお送りします。\n" +
		"また受け取りたくなったときは「配信再開」と送ってください。"
	msgBroadcastOn = "承知しました。説明会やお知らせなどのご案内の配信を再開します。\n" +
		"止めたいときはいつでも「配信停止」と送ってください。"
	msgBroadcastAlreadyOn = "ご案内は今もお送りする設定になっています。\n" +
		"止めたいときはいつでも「配信停止」と送ってください。"
)

// arrival handles a student who arrives with a source's code: in the
// text of a message (「#K0612 説明会から来ました」, however wide or cased,
// whatever else the student left of the text) or carried by the channel
// (Incoming.Source, the web chat's ?src=). A known code tags the student
// with its source (creating their candidate record when needed); the
// answer is the source's welcome message, or the greeting, with the menu —
// the text is never read as a question or a request. An unknown or
// disabled code gets the greeting. A student in the middle of the form or
// of a booking is asked the pending question again. It reports whether it
// handled the turn; groups are left alone.
func (t *turn) arrival() bool {
	code, ok := t.arrivalCode()
	if !ok {
		return false
	}
	src, err := t.tx.SourceByCode(t.ctx, code)
	if err != nil && !errors.Is(err, ErrNotFound) {
		t.fail(err)
		return true
	}
	known := err == nil && !src.Disabled
	if known {
		c, ok := t.ensureCandidate()
		if !ok {
			return true
		}
		first, err := t.tx.TagCandidate(t.ctx, c.ID, src.ID, t.now)
		if err != nil {
			t.fail(err)
			return true
		}
		t.e.log.InfoContext(t.ctx, "source arrival", "source", src.ID, "first", first,
			"channel", string(t.in.Key.Channel))
	}
	switch {
	case t.conv.InForm():
		if t.in.Kind == KindOpen {
			t.say(msgResume)
		}
		t.reask()
	case t.conv.Mode != ModeIdle && t.in.Kind != KindOpen:
		t.reask() // a booking question asked outside the form
	default:
		t.leaveBooking()
		if known && src.Welcome != "" {
			t.say(src.Welcome, menuChoices()...)
			return true
		}
		t.greet()
	}
	return true
}

// arrivalCode returns the source code the event carries, as stored: the
// channel's (Incoming.Source) when it is a valid code, else one in a
// message's text.
func (t *turn) arrivalCode() (string, bool) {
	if t.in.Group {
		return "", false
	}
	if code := NormalizeSourceCode(t.in.Source); ValidSourceCode(code) {
		return code, true
	}
	if t.in.Kind != KindMessage {
		return "", false
	}
	return FindSourceCode(t.in.Text)
}

// broadcast records that the student asked for no more announcements
// (off) or for them again, and confirms it: replies to their own
// questions and reminders of their bookings still come.
func (t *turn) broadcast(off bool) {
	c, ok := t.ensureCandidate()
	if !ok {
		return
	}
	changed, err := t.tx.SetBroadcastOff(t.ctx, c.Key, off, t.now)
	if err != nil {
		t.fail(err)
		return
	}
	switch {
	case off && changed:
		t.say(msgBroadcastOff)
	case off:
		t.say(msgBroadcastAlreadyOff)
	case changed:
		t.say(msgBroadcastOn)
	default:
		t.say(msgBroadcastAlreadyOn)
	}
}

// stoppingWords name the stopping itself: a negated 配信停止 that uses
// one (「配信停止はしないで」, 「止めないで」) is not a request, while one
// that negates the sending (「もう送らないで」, 「受け取りたくない」) is.
var stoppingWords = []string{"停止", "止め", "止ま", "とめ", "解除", "オフ", "おふ", "ストップ", "すとっぷ"}

// resumingWords ask for announcements again.
var resumingWords = []string{"再開", "さいかい", "もう一度", "もういちど", "もう一回", "もっかい", "また", "オン", "おん", "戻", "もど",
	"受け取りたい", "うけとりたい", "受け取れるように", "うけとれるように", "届くように", "とどくように",
	"受け取る設定", "受けとる設定", "うけとるせってい", "くるように", "来るように", "復活", "ふっかつ"}

// announcementKeys are announcements in the form of frameKey.
var announcementKeys = sync.OnceValue(func() []string { return keysOf(announcements) })

// keepingWords say announcements may stay as they are (通知はこのままで
// いいです, 止めるほどでもない): no request either way.
var keepingWords = []string{"このままで", "そのままで", "今のままで", "いまのままで", "ほどでもない", "ほどじゃない", "ほどではない"}

// keptAsIs returns r, read in text, as no request when it is about
// announcements and text says they may stay as they are, in whichever
// clause (通知うるさいけど止めるほどでもないかな).
func keptAsIs(r request, text string) request {
	about := r.intent == intentBroadcastOff || r.intent == intentBroadcastOn ||
		r.intent == intentYes && containsAny(frameKey(text), announcementKeys()) // 通知はこのままで大丈夫です
	if about && containsAny(text, keepingWords) {
		r.mood = faq.Negated
	}
	return r
}

// broadcastWay settles which way a request about announcements goes by
// its words, which the two requests share but for these: 「配信を止めて」
// stops them, 「配信をまた送って」 resumes them. Where both are named the
// later is what is asked (配信止めてたけどやっぱ再開してほしい). Other
// intents are kept.
func broadcastWay(in intent, text string) intent {
	if in != intentBroadcastOff && in != intentBroadcastOn {
		return in
	}
	for _, w := range []string{"停止を解除", "停止の解除", "停止解除", "停止をやめ", "停止を取り消", "ていしをかいじょ", "ていしのかいじょ", "ていしかいじょ",
		"止めたの取り消", "止めたのを取り消", "止めたのをやめ", "止めたの間違い"} {
		if strings.Contains(text, w) {
			return intentBroadcastOn // the stopping undone
		}
	}
	stop, resume := lastOf(text, stoppingWords), lastOf(text, resumingWords)
	switch {
	case stop > resume:
		return intentBroadcastOff
	case resume > stop:
		return intentBroadcastOn
	}
	return in
}

// lastOf returns where the last of words in text starts, or -1.
func lastOf(text string, words []string) int {
	last := -1
	for _, w := range words {
		last = max(last, strings.LastIndex(text, w))
	}
	return last
}

// negatesStopping reports whether text negates the stopping of
// announcements itself (「配信停止はしないで」, 「止めなくていいです」),
// rather than the sending (「一斉送信いらないので止めて」).
func negatesStopping(text string) bool {
	for _, w := range stoppingWords {
		for _, neg := range []string{"ない", "なく", "しない", "しなく", "はしない", "はしなく", "はいい", "はいらない",
			"るつもりはない", "るつもりない", "るつもりはありません", "するつもりはない", "するつもりない", "る気はない"} { // 止めるつもりはないです
			if strings.Contains(text, w+neg) {
				return true
			}
		}
	}
	return false
}

// broadcastRead settles a request about announcements read as in, in
// mood: its way by its words (broadcastWay), and a negation that asks to
// stop by negating the sending or the wish for them (「もう送らないで」,
// 「受け取りたくない」) is a plain 配信停止; a negated stopping or resuming
// (「配信停止はしないで」, 「再開はしなくていい」) stays no request. Other
// intents are kept as read.
func broadcastRead(in intent, text string, mood faq.Mood) (intent, faq.Mood) {
	if in != intentBroadcastOff && in != intentBroadcastOn {
		return in, mood
	}
	in = broadcastWay(in, text)
	if mood == faq.Negated && !negatesStopping(text) && !strings.Contains(text, "再開") && !strings.Contains(text, "さいかい") {
		return intentBroadcastOff, faq.Plain
	}
	return in, mood
}
