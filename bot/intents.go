package bot

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sakemodel/sakebot/faq"
)

// intent is what a message asks the bot to do, apart from answering an FAQ
// question.
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
	intentSession       // book a 説明会
	intentInterview     // book an interview (面談の日程)
	intentBookings      // see my bookings (予約の確認)
	intentReschedule    // change a booking's date (日程を変更)
	intentCancelBooking // cancel a booking (予約をキャンセル)
	intentBroadcastOff  // no more announcements (配信停止)
	intentBroadcastOn   // announcements again (配信再開)
)

// intentNames name the intents for `ask --json` and the tests.
var intentNames = map[intent]string{
	intentNone: "none", intentApply: "apply", intentStatus: "status", intentHuman: "human",
	intentMenu: "menu", intentFAQMenu: "faqmenu", intentGreeting: "greeting", intentThanks: "thanks",
	intentAck: "ack", intentBack: "back", intentCancel: "cancel", intentSkip: "skip", intentHelp: "help",
	intentYes: "yes", intentNo: "no", intentForget: "forget",
	intentSession: "session", intentInterview: "interview", intentBookings: "bookings",
	intentReschedule: "reschedule", intentCancelBooking: "cancelbooking",
	intentBroadcastOff: "broadcastoff", intentBroadcastOn: "broadcaston",
}

// String names the intent in lower case ("apply").
func (i intent) String() string { return intentNames[i] }

// IntentName names the request text makes plainly, as the bot reads it
// outside the form ("apply", "human", …), or "none"; a request made beside
// a question (「応募したいけど研修って何ヶ月？」) is named too.
func IntentName(ix *faq.Index, text string) string {
	if r := readRequestBeside(ix, text); r.made() {
		return r.intent.String()
	}
	return intentNone.String()
}

// intentThreshold is the score a message (or a clause of it) needs for
// the request it is most like to be taken as that request. It was chosen
// by measuring TestRequestAccuracy on bot/testdata/requests_dev.tsv.
const intentThreshold = 0.45

// exactScore is the score of a message that is, after normalisation and
// polite endings, one of the short commands of intentCommands.
const exactScore = 1.0

// request is what a message asks the bot to do.
type request struct {
	intent intent
	score  float64
	mood   faq.Mood // a negated or hedged request is not made
	rest   string   // the rest of the message, when only a clause makes the request
	framed bool     // read by a frame: the message names what it is about
	// wished is set for a request read by a frame in words that ask for
	// it to be done (説明会に参加したいです): no question about it.
	wished bool
	// unwrapped is set for a request read without the wrapping of the
	// message (see readRequest).
	unwrapped bool
}

// made reports whether the message makes the request: plainly, and as a
// whole or with nothing else in it that asks.
func (r request) made() bool { return r.intent != intentNone && r.mood == faq.Plain }

// readRequest classifies text, as a whole and clause by clause: 「応募したい
// けど研修って何ヶ月？」 makes the request apply with the rest 「研修って何ヶ月？」.
// A clause that tells what was done, or supposes, makes no request; nor
// does any clause make the request a clause supposes (「人事の方と話すなら
// 電話ですか？」 asks how, on the supposition of talking). A closing
// formula after a request (「応募状況おしえて。よろしくお願いします」) is
// read without it: it is no greeting of its own.
//
// An opening that only sets the scene (お疲れ様です！, 確認なんですが、) is
// read apart the same way, and so is a signature (（山田）); a request read
// without them is marked unwrapped, for besideFAQ to fall back on the
// whole when the FAQ takes the rest (はじめまして、説明会ってどこで
// やってますか greets and asks).
//
// A message typed in romaji (oubo shitai desu) is read in hiragana too,
// and so taken when it makes a request its letters make less plainly as
// they are (help is a command; mendan cancel cancels an interview).
func readRequest(text string) request {
	text = inJapanese(text)
	r := readWrapped(text)
	if kana, ok := faq.Romaji(text); ok {
		if rk := readWrapped(kana); rk.intent != intentNone && (r.intent == intentNone || rk.score > r.score) {
			r = rk // mendan cancel cancels the interview
		}
	}
	if (r.intent == intentYes || r.intent == intentNo) && r.rest == "" && looksLikeQuestion(text) && !endsInTeForm(text) {
		return request{} // 大丈夫ですか？ asks; it answers nothing
	}
	if r.rest == "" || onlyCondition(r.rest) || !looksLikeQuestion(r.rest) {
		r = aboutRules(r, text) // 説明会、親も一緒に参加していいんでしょうか
	}
	if r.intent == intentCancel && containsAny(frameKey(text), bookedThingKeys()) && declines(intentSession, text) {
		return request{} // 予約はまた今度にします puts the booking off; no form is open to stop
	}
	if containsAny(frameKey(text), talkingKeys()) && declines(intentHuman, text) {
		return request{} // 人と話すのは苦手なので、このままボットで大丈夫です
	}
	if r.intent == intentStatus && supposesApplying(text) {
		return request{} // もし応募したら、結果ってどのくらいで出るの？ has nothing to look up yet
	}
	return keptAsIs(r, text)
}

// supposesApplying reports whether text supposes an application that is
// not made (もし応募したら, 仮に応募するなら, 応募するなら): what it asks
// about the result is a question about the steps, not about the
// student's status. A supposition after the application is named
// (応募の結果は？もし通っていたら…) supposes the result, not the application.
func supposesApplying(text string) bool {
	k := frameKey(text)
	for _, mark := range []string{"もし", "仮に"} {
		if i := strings.Index(k, mark); i >= 0 && containsAny(k[i:], applyingKeys()) {
			return true // もし応募したら; not 応募の結果は？もし通っていたら
		}
	}
	for _, w := range applyingKeys() {
		if strings.Contains(k, w+"するなら") {
			return true
		}
	}
	return false
}

// endsInTeForm reports whether text ends in a verb's て-form, which asks
// for something (それで送って), not in the って that puts a topic as a
// question (研修って).
func endsInTeForm(text string) bool {
	t := strings.TrimRight(text, "。.!！ 〜ー")
	return hasAnySuffix(t, "送って", "出して", "進めて", "送信して", "確定して", "お願いして")
}

// talkingKeys name talking with a person, as frameKey forms.
var talkingKeys = sync.OnceValue(func() []string {
	return keysOf([]string{"人と話す", "人とはなす", "担当者と話す", "担当の人と話す", "人と話し", "ひととはなす"})
})

// aboutRules returns no request for r, read in the whole of text, when
// text asks about the rules the request goes by (予約のキャンセルって前日
// でもできますか, 説明会、親も一緒に参加していいんでしょうか): it asks what
// may be done, and does nothing.
func aboutRules(r request, text string) request {
	if k := frameKey(text); r.intent != intentNone && looksLikeQuestion(text) && containsAny(k, ruleKeys()) && !containsAny(k, whatCanKeys()) {
		return request{}
	}
	return r
}

// ruleWords ask about what the rules allow: how late, how often, who else.
var ruleWords = []string{"前日でも", "当日でも", "直前でも", "何回まで", "何度まで", "何回でも", "何日前", "いつまでなら", "途中で保存", "保存でき",
	"親も", "保護者も", "家族も", "友達も", "友人も", "同伴", "付き添い", "土日も", "休日も", "夜も", "何時まで",
	"あとからでも", "後からでも", "あとから入力", "後から入力", "って残る", "は残る", "する前に", "当日キャンセル", "キャンセルしても大丈夫", "キャンセルしてもいい", "キャンセルしても平気",
	"できるんですか", "できるのですか", "できるんでしょうか", "せるんですか", "れるんですか"} // 予約ってキャンセルできるんですか？ asks whether one can

// whatCanKeys ask what can be done (このLINEって何ができるんですか): help,
// not a rule, as frameKey forms.
var whatCanKeys = sync.OnceValue(func() []string { return keysOf([]string{"何ができ", "なにができ", "何が出来"}) })

// ruleKeys are ruleWords in the form of frameKey.
var ruleKeys = sync.OnceValue(func() []string { return keysOf(ruleWords) })

// readWrapped is readRequest but for announcements kept as they are.
func readWrapped(text string) request {
	// what students wrap a request in says nothing of it: marks (see
	// withoutMarks), a signature, a closing formula, and an opening that
	// sets the scene (see withoutPreface)
	bare := withoutStress(withoutClosing(withoutSignature(withoutMarks(text))))
	bodies := []string{withoutPreface(bare), bare}
	for i, body := range bodies {
		if body == text || i > 0 && body == bodies[0] {
			continue // nothing taken off, or read already
		}
		if r := readClauses(body); r.intent != intentNone {
			r.unwrapped = true
			return r // 応募状況を教えて。よろしくお願いします
		}
	}
	return readClauses(text)
}

// readClauses is readRequest for a text without a closing formula.
func readClauses(text string) request {
	best := classify(text)
	clauses := splitClauses(text)
	if len(clauses) >= 2 && namesTopicOnly(clauses, 0) && !looksLikeQuestion(text) {
		// お知らせ、もう送らんでええよ: the thing named is what the rest is
		// about, read as one clause
		return readClauses(strings.TrimRight(clauses[0], clausePunct) + strings.Join(clauses[1:], ""))
	}
	if len(clauses) < 2 {
		if startsSomething(best.intent) && (tellsWhatWasDone(text) || recallsDone(text)) {
			return request{} // 昨日応募しました: done, not asked for
		}
		if best.intent == intentStatus && tellsWhatWasDone(text) && !looksLikeQuestion(text) && !asksMore(text) && !containsAny(frameKey(text), statusAskKeys()) {
			return request{} // 先週もう応募しました〜: told, nothing asked of it
		}
		return best
	}
	if r, ok := hedgeSettled(clauses); ok {
		return r // 応募しよっかな、いや、します！
	}
	reasoned := false
	if best.mood == faq.Negated {
		best, reasoned = beyondReason(best, clauses)
	}
	supposed := supposedIntents(clauses)
	if best.mood == faq.Hedged {
		best = beyondCondition(best, clauses)
	}
	for i, c := range clauses {
		if tellsWhatWasDone(c) || supposes(c) || before(c) || reasoned && givesReason(c) || i > 0 && (settles(clauseBefore(clauses, i), c) || asksHowAbout(clauseBefore(clauses, i), c) || asksOnly(c)) {
			continue // 「応募したんですけど、」 was done, 「在宅で働けるなら」 is supposed
		}
		r := classify(c)
		if in, ok := namedBy(best, r, c); ok {
			best.intent, best.mood = in, r.mood // 予約していた面談ですが、キャンセルをお願いします
			continue
		}
		if setAside(clauses, i, r, best) {
			continue
		}
		if r.made() && (topicOf(c) || i+1 < len(clauses)) && declines(r.intent, strings.Join(clauses[i+1:], "")) {
			r.mood = faq.Negated // 面談の予約は、また今度にします
		}
		if r.intent == intentNone || !outranks(r, best) || supposed[r.intent] && !wishes(c) || wholeFrameStands(best, r) {
			continue
		}
		rest := append(append([]string{}, clauses[:i]...), clauses[i+1:]...)
		r.rest = namingThat(withoutConnective(strings.Join(rest, "")), c)
		best = r
	}
	if (best.intent == intentYes || best.intent == intentNo) && answersUnmade(clauses) {
		return request{} // I might apply next year, not now: the no is to the applying, which is not asked for
	}
	if best.made() && doubtsAfter(clauses) {
		best.mood = faq.Hedged // 応募したいけど自信ない…
	}
	if best.made() && (best.rest == "" && thoughtBetterOf(clauses, best.intent) || changedMind(clauses)) {
		return request{} // 日程変えようかと思ったけど、やっぱりそのままで
	}
	return best
}

// answersUnmade reports whether a yes or a no in clauses follows a clause
// that names a request without making it (来年応募するかもしれません、いい
// え、今は結構です): it says the same of that request, and asks nothing. A
// no that comes first (いや、まだです) answers the bot.
func answersUnmade(clauses []string) bool {
	unmade := false
	for _, c := range clauses {
		switch r := classify(c); {
		case r.intent == intentYes || r.intent == intentNo:
			if unmade {
				return true
			}
		case r.intent != intentNone && !r.made():
			unmade = true
		}
	}
	return false
}

// hedgeSettled reads a hesitation the student settles in the same
// message with 「いや」: 「応募しよっかな、いや、します！」 makes the request
// after all, 「応募しようかな…いや、やっぱまだいいや」 makes none. ok is
// false when clauses hold no such hesitation.
func hedgeSettled(clauses []string) (request, bool) {
	if !slices.ContainsFunc(clauses[1:], settling) {
		return request{}, false // no 「いや」: nothing to classify twice
	}
	for i, c := range clauses {
		r := classify(c)
		if r.intent == intentNone || r.mood != faq.Hedged {
			continue
		}
		for j := i + 1; j < len(clauses); j++ {
			if !settling(clauses[j]) {
				continue
			}
			then := strings.Join(clauses[j+1:], "")
			if madeIntent(readRequest(then)) == intentYes || containsAny(frameKey(then), doingKeys()) {
				r.mood = faq.Plain
				return r, true
			}
			return request{}, true
		}
		return request{}, false
	}
	return request{}, false
}

// settling reports whether clause is a short 「いや」 (いや、, いやいや)
// that settles a hesitation before it.
func settling(clause string) bool {
	k := frameKey(clause)
	return strings.HasPrefix(k, "いや") && utf8.RuneCountInString(k) <= 4
}

// doingKeys say one will do it after all (します, やります), as frameKey
// forms.
var doingKeys = sync.OnceValue(func() []string {
	return keysOf([]string{"します", "する", "やります", "やる", "お願い", "行きます", "いきます", "行く", "参加します", "申し込みます"})
})

// statusAskKeys ask after an application, as frameKey forms: a message
// that tells it was sent and holds none of them asks nothing.
var statusAskKeys = sync.OnceValue(func() []string {
	return keysOf(append([]string{"どう", "確認", "状況", "進捗", "まだ", "届い", "通った", "受かっ", "落ち"}, resultWords...))
})

// before reports whether clause places what it asks before doing
// something (応募する前に知りたいんですけど、): the doing is not asked for.
func before(clause string) bool { return strings.Contains(clause, "る前に") }

// namedBy returns the request a bare request r, read in clause c, makes
// of what best, read in the whole by a frame, names: cancelling a booking
// named (予約していた面談ですが、キャンセルをお願いします) cancels it, and
// taking back the stopping of announcements (通知止めたの間違いでした、戻して
// ください) resumes them. A clause that puts off (また今度にします) takes
// nothing.
func namedBy(best, r request, c string) (intent, bool) {
	if r.intent == intentCancel && best.intent == intentForget {
		return intentForget, true // 個人情報の利用の同意、取り消したいです
	}
	if !best.framed || declines(intentSession, c) {
		return intentNone, false
	}
	switch {
	case r.intent == intentCancel && bookingIntent(best.intent):
		return intentCancelBooking, true
	case r.intent == intentSkip && bookingIntent(best.intent) && strings.Contains(frameKey(c), "なし"):
		return intentCancelBooking, true // 面談の予約、やっぱなしで
	case r.intent == intentBack && family(best.intent) == family(intentBroadcastOn):
		return intentBroadcastOn, true
	}
	return intentNone, false
}

// asksWhereOrHow reports whether text asks where or how to do something
// (応募状況ってどこで見られますか), rather than for it.
func asksWhereOrHow(text string) bool { return containsAny(frameKey(text), whereHowKeys()) }

// whereHowKeys are the words that ask where or how, as frameKey forms.
var whereHowKeys = sync.OnceValue(func() []string {
	return keysOf([]string{"どこで", "どこから", "どこに", "どうやって", "どうすれば", "どうしたら", "方法", "やり方", "見られ", "見れ", "確認でき"})
})

// setAside reports whether the request r read in clauses[i] is not what
// the message asks, beside best, read in the whole: a clause that recalls
// an application (応募したやつ、どうなってる？) or only names the topic of
// the question after it (説明会、親も一緒に参加できますか) starts nothing;
// a bare 申し込みたい after a booking named (カジュアル面談って申し込める？
// 申し込みたい) books it; an alternative (それともオンライン？) or a yes
// put as a question (〜んですが大丈夫ですか？) answers nothing.
func setAside(clauses []string, i int, r, best request) bool {
	c := clauses[i]
	switch {
	case startsSomething(r.intent) && recallsDone(c), namesTopicOnly(clauses, i):
		return true
	case r.intent == intentApply && best.framed && bookingIntent(best.intent) && !containsAny(frameKey(c), applyingNounKeys()):
		return true
	}
	return i > 0 && (strings.HasPrefix(c, "それとも") || (r.intent == intentYes || r.intent == intentNo) && looksLikeQuestion(c) ||
		askedBefore(clauses, i) && looksLikeQuestion(c) && !containsAny(c, askingForms)) // 面接って対面？オンライン？
}

// topicOf reports whether clause only sets out the topic of what follows
// (面談の予約は、, or a noun before a comma: 説明会の予約、): what the
// clauses after it say of it is said of the request it names.
func topicOf(clause string) bool {
	c := strings.TrimRight(clause, clausePunct)
	if strings.HasSuffix(c, "は") {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(c)
	comma := hasAnySuffix(clause, "、", ",", "，")
	return comma && (unicode.Is(unicode.Han, last) || unicode.Is(unicode.Katakana, last))
}

// askedBefore reports whether the last clause before clauses[i] that is
// more than punctuation asks a question.
func askedBefore(clauses []string, i int) bool {
	for j := i - 1; j >= 0; j-- {
		if strings.TrimRight(clauses[j], clausePunct) != "" {
			return looksLikeQuestion(clauses[j])
		}
	}
	return false
}

// namesTopicOnly reports whether clauses[i] only names, before a comma,
// what the clauses after it say or ask (「面談、友達も一緒に受けられますか」,
// 「説明会、行くかどうかまだ決めてない」, 「これ、どう使えばいいんだべ」):
// a topic, read with them in the whole, not a request of its own.
func namesTopicOnly(clauses []string, i int) bool {
	c := strings.TrimRight(clauses[i], clausePunct)
	for _, this := range []string{"この", "その", "あの"} {
		c = strings.TrimPrefix(c, this) // このフォーム、
	}
	comma := !hasAnySuffix(clauses[i], "。", "！", "!", "？", "?", "…", ".") // a comma or a space, not a sentence's end
	return i+1 < len(clauses) && comma && (slices.Contains(requestedThings, c) || slices.Contains(demonstratives, c) || slices.Contains(announcements, c))
}

// changedMind reports whether clauses tell that the student thought of
// doing something (消そうかとも思ったけど, やめようか迷ったけど) and then
// that things stay as they are (やっぱりそのままでいいです, とりあえず続け
// ます): no request either way.
func changedMind(clauses []string) bool {
	for i, c := range clauses[:len(clauses)-1] {
		if thinksOf(c) {
			return containsAny(strings.Join(clauses[i+1:], ""), stayingWords)
		}
	}
	return false
}

// stayingWords say things stay as they are, after a thought of changing
// them.
var stayingWords = append([]string{"やっぱり", "やっぱ", "続けます", "続ける", "このまま", "とりあえず"}, keepingWords...)

// thoughtBetterOf reports whether a clause of clauses, not the last, only
// tells that the student thought of making request in and goes on to
// something else: 「日程変えようかと思ったけどやっぱりそのままで行きます」
// moves nothing.
func thoughtBetterOf(clauses []string, in intent) bool {
	for _, c := range clauses[:len(clauses)-1] {
		if thinksOf(c) && classify(c).intent == in {
			return true
		}
	}
	return false
}

// thinksOf reports whether clause tells that the student thought of doing
// something, and leads on with 「けど」 or 「が」 (変えようかと思ったけど).
func thinksOf(clause string) bool {
	return containsAny(clause, thoughtOf) && containsAny(clause, thought) && hasAnySuffix(strings.TrimRight(clause, clausePunct), "けど", "けれど", "が")
}

// thoughtOf is the volitional form followed by a quotation (消そうかと,
// 変えようかなって), and thought, the past of thinking it: together they
// tell that one thought of doing something.
var (
	thoughtOf = []string{"うかと", "うかとも", "うと", "うかなと", "うかなって", "うって"}
	thought   = []string{"思った", "思ってた", "思っていた", "思いました", "迷った", "迷ってた", "悩んだ", "悩んでた"}
)

// doubtsAfter reports whether a clause of clauses doubts what the clause
// before it, ending in 「けど」 or 「が」, wants: 「応募したいけど自信ない…」
// hesitates, it does not apply yet.
func doubtsAfter(clauses []string) bool {
	for i := 1; i < len(clauses); i++ {
		if containsAny(frameKey(clauses[i]), doubtKeys()) && hasAnySuffix(clauseBefore(clauses, i), "けど", "けれど", "が") {
			return true
		}
	}
	return false
}

// doubtWords say that one doubts one can or should do it.
var doubtWords = []string{"自信ない", "自信がない", "自信ありません", "自信がありません", "自信なくて", "迷って", "迷い中", "悩んで", "悩み中",
	"踏ん切りがつかな", "勇気がでな", "勇気が出な", "勇気出な", "準備できてない", "準備ができてない", "準備できていない", "準備ができていない", "準備がまだ", "まだ準備"}

// doubtKeys are doubtWords in the form of frameKey.
var doubtKeys = sync.OnceValue(func() []string { return keysOf(doubtWords) })

// settles reports whether clause, after the clause before, only says
// that all is well for the reason given: the 「大丈夫です」 of 「人と話す
// ほどのことでもないんで大丈夫です」 declines, it agrees to nothing.
func settles(before, clause string) bool {
	return before != "" && givesReason(before) && slices.Contains(fineKeys(), commandKey(clause))
}

// clauseBefore returns the last clause before clauses[i] that is more
// than punctuation (the 「、」 cut after 「けど」), or "".
func clauseBefore(clauses []string, i int) string {
	for j := i - 1; j >= 0; j-- {
		if c := strings.TrimRight(clauses[j], clausePunct); c != "" {
			return c
		}
	}
	return ""
}

// clausePunct is the punctuation that may close a clause.
const clausePunct = "、,， …。！!？?"

// asksHowAbout reports whether clause asks how to go on with what the
// clause before sets out: the 「どうすればいい？」 of 「友達が応募したいって
// 言ってたんだけど、どうすればいい？」 asks how a friend applies, not how
// to use the bot.
func asksHowAbout(before, clause string) bool {
	return containsAny(frameKey(clause), howKeys()) && hasAnySuffix(before, "けど", "けれど", "が", "ので", "から", "んで", "たら", "なら", "ば")
}

// howWords ask how to go on.
var howWords = []string{"どうすれば", "どうしたら", "どうやって", "何すれば", "なにすれば", "何をすれば"}

// howKeys are howWords in the form of frameKey.
var howKeys = sync.OnceValue(func() []string { return keysOf(howWords) })

// hasAnySuffix reports whether s ends with any of suffixes.
func hasAnySuffix(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// fineKeys are the words that say all is well, as commandKey forms.
var fineKeys = sync.OnceValue(func() []string {
	return []string{commandKey("大丈夫"), commandKey("いい"), commandKey("結構"), commandKey("平気")}
})

// startsSomething reports whether in starts what a student, saying they
// did it (応募しました, 説明会に参加しました), has done already.
func startsSomething(in intent) bool {
	return in == intentApply || in == intentSession || in == intentInterview
}

// outranks reports whether request r, read in a clause, is what the
// message asks rather than best: a clause that greets, thanks or
// acknowledges (ありがとうございます。, 了解です、) is said in passing
// beside one that plainly asks for something (応募したいです, それで送信
// してください), however exactly it matched; otherwise the better score
// wins. A clause only somewhat like a request (サケモデルって何ですか？
// is a little like applying to it) does not outrank a greeting.
func outranks(r, best request) bool {
	if courtesy(best.intent) && !courtesy(r.intent) && r.score >= plainlyAsked {
		return true
	}
	if courtesy(r.intent) && !courtesy(best.intent) && best.intent != intentNone && best.score >= plainlyAsked {
		return false
	}
	return r.score > best.score
}

// plainlyAsked is the score from which a request is read as plainly asked
// for, over courtesies beside it.
const plainlyAsked = 0.75

// courtesy reports whether in is said out of courtesy: a greeting, thanks
// or an acknowledgement.
func courtesy(in intent) bool {
	return in == intentGreeting || in == intentThanks || in == intentAck
}

// withoutConnective returns rest, the part of a message beside a request,
// without the word that joins it on (「あと」東京研修って何ヶ月か知りたい,
// 「ちなみに」面接ってオンライン？): see faq.WithoutConnective.
func withoutConnective(rest string) string { return faq.WithoutConnective(rest) }

// namingThat returns rest, the part of a message beside the request made
// in clause, with a 「それ」 it starts with named by what the request is
// about: in 「説明会予約したいです、それってオンラインもありますか？」 the
// question asks whether 説明会 are online.
func namingThat(rest, clause string) string {
	t := strings.TrimSpace(rest)
	for _, d := range demonstratives {
		after, ok := strings.CutPrefix(t, d)
		if !ok {
			continue
		}
		for _, thing := range requestedThings {
			if strings.Contains(clause, thing) {
				return thing + after
			}
		}
		return rest
	}
	return rest
}

// demonstratives point back at what was just named, longest first.
var demonstratives = []string{"そちら", "こちら", "そっち", "それ", "これ"}

// bookedTopics name what a student books, as a question may be about it.
var bookedTopics = []string{"説明会", "セミナー", "面談", "面接"}

// requestedThings name what requests are about, the more telling first.
var requestedThings = append(slices.Clone(bookedTopics), "応募", "エントリー", "予約", "申し込み", "申込み", "申込", "応募フォーム", "フォーム")

// beyondReason returns the request the clauses make beside the reasons
// they give, when the negated request neg, read in the whole, is negated
// by a reason: 「答えたくないので次いってください」 asks to skip, and 「人と
// 話すのは苦手なんで、ここで質問させてください」 asks for no one. It
// reports whether the reasons were set aside.
func beyondReason(neg request, clauses []string) (request, bool) {
	var main []string
	for _, c := range clauses {
		if !givesReason(c) {
			main = append(main, c)
		}
	}
	if len(main) == 0 || len(main) == len(clauses) {
		return neg, false
	}
	return classify(strings.Join(main, "")), true
}

// beyondCondition returns the request hedged, read in the whole, as made
// plainly on a condition when the clauses that do not suppose make it
// plainly: 「保存してるなら消してもらえますか」 asks to forget, on the
// supposition that something is kept. The condition is the rest, which
// the FAQ may settle first (see besideFAQ).
func beyondCondition(hedged request, clauses []string) request {
	var main, cond []string
	for _, c := range clauses {
		if supposes(c) {
			cond = append(cond, c)
		} else {
			main = append(main, c)
		}
	}
	if len(cond) == 0 || len(main) == 0 {
		return hedged
	}
	said := strings.Join(main, "")
	r := classify(said)
	if r.intent != hedged.intent || !r.made() || !containsAny(said, askingForms) && !strings.HasSuffix(strings.TrimRight(said, clausePunct), "て") {
		return hedged // 「話すなら電話ですか？」 asks how, it asks for nothing
	}
	for _, c := range cond {
		if s := classify(c); s.intent == r.intent && s.score >= r.score {
			return hedged // the request is only supposed (担当者と話すなら電話ですか？)
		}
	}
	hedged.mood, hedged.rest = faq.Plain, strings.Join(cond, "")
	return hedged
}

// askingForms are the verb endings that ask for something to be done
// (消してもらえますか, 応募したい), as against asking what is so.
var askingForms = []string{"てください", "でください", "てもらえ", "でもらえ", "てほし", "でほし", "て欲し", "で欲し",
	"ていただけ", "でいただけ", "てくれ", "でくれ", "たい", "たく"}

// wishes reports whether clause asks for something to be done (とばし
// たい, 送ってください) rather than asks a question about it: a wish after
// a supposition of the same request (答えなくていいなら、とばしたい) is
// made on that condition.
func wishes(clause string) bool {
	return containsAny(clause, askingForms) && !looksLikeQuestion(clause)
}

// givesReason reports whether clause gives the reason for what follows
// (答えたくないので, 苦手なんで、, まだ連絡来なくて…).
func givesReason(clause string) bool {
	c := strings.TrimRight(clause, "、,， …・.")
	for _, end := range []string{"ので", "から", "んで", "ため", "なくて"} {
		if strings.HasSuffix(c, end) {
			return true
		}
	}
	return false
}

// wholeFrameStands reports whether the request whole, read in the whole
// message by a frame, stands against another request of its family r read
// in a clause: the frame saw every word, the clause only some.
// 「面談の枠空いてますか？予約したいです」 books an interview, not the session
// a bare 予約 stands for, and 「予約した日都合悪くなったので別日にしたい」
// moves the booking it recalls. A bare cancel in a clause (止めて,
// キャンセルで) stops what the whole names (通知うるさいから止めて).
func wholeFrameStands(whole, r request) bool {
	if whole.framed && r.intent == intentCancel {
		return true // 「通知うるさいから止めて」: the whole names what to stop
	}
	return whole.framed && r.intent != whole.intent && family(whole.intent) != 0 && family(whole.intent) == family(r.intent)
}

// family groups the requests a frame tells apart by their words: the
// booking requests, and stopping and resuming announcements (「前に止めた
// お知らせ、また届くようにして」 resumes what a clause of it stopped).
func family(in intent) int {
	switch {
	case bookingIntent(in):
		return 1
	case in == intentBroadcastOff || in == intentBroadcastOn:
		return 2
	}
	return 0
}

// supposedIntents returns the requests the supposing clauses among
// clauses name (「担当者と話すなら」 names human), if any.
func supposedIntents(clauses []string) map[intent]bool {
	var out map[intent]bool
	for _, c := range clauses {
		if !supposes(c) {
			continue
		}
		if r := classify(c); r.intent != intentNone {
			if out == nil {
				out = map[intent]bool{}
			}
			out[r.intent] = true
		}
	}
	return out
}

// readRequestBeside is readRequest, except that a message the FAQ
// answers clearly better than any request is a question: 「サケモデルとは
// 何ですか」 shares its words with 「サケモデルに応募したい」 but asks about
// the model. A tie goes to the request (「次の説明会っていつ？」 is best
// answered with the open sessions), and a short command always wins.
func readRequestBeside(ix *faq.Index, text string) request {
	text = inJapanese(text)
	return besideFAQIn(text, readRequest(text), func() faq.Match { return ix.Match(text) })
}

// besideFAQIn is besideFAQ for request r read in text. When r was read
// without the wrapping of text and the FAQ takes it, the reading of the
// whole is weighed instead: 「はじめまして、説明会ってどこでやってますか」
// greets, beside a question the FAQ answers.
func besideFAQIn(text string, r request, match func() faq.Match) request {
	r = putOff(r, text)
	match = sync.OnceValue(match)
	got := besideFAQ(r, match)
	if got.intent == intentNone && r.unwrapped {
		return besideFAQ(readClauses(text), match)
	}
	return got
}

// putOff returns r, read in text outside the form, as not made when it
// is a cancel that puts something off (応募はまた今度にします, 今はいいです、
// また今度): with no form open, it stops nothing and asks for nothing.
// Cancelling what is booked (予約はキャンセルで) is not put off.
func putOff(r request, text string) request {
	k := frameKey(text)
	if r.intent != intentCancel || !r.made() || containsAny(k, bookedThingKeys()) || containsAny(k, formStopKeys()) ||
		!containsAny(compoundAfterless(k), declineKeys()) {
		return r // 入力やめたいです。あとでまたやります stops the form
	}
	if containsAny(k, applyingKeys()) {
		r.intent = intentApply // 応募はまた今度にします: the applying is put off
	}
	r.mood = faq.Negated
	return r
}

// formStopKeys say plainly to stop what is being done, as frameKey forms.
var formStopKeys = sync.OnceValue(func() []string {
	return keysOf([]string{"やめ", "止め", "中断", "中止", "取りやめ", "とりやめ", "キャンセル", "終了", "ストップ", "取り消", "入力"})
})

// besideFAQ is readRequestBeside for a request r already read, with the
// message's FAQ match from match (called only when needed). A request
// read in a clause beside a question stands: the question is answered
// too. One beside only a condition is weighed like one read in the whole:
// 「工大生なら誰でも応募できる？」 asks who can apply.
func besideFAQ(r request, match func() faq.Match) request {
	if r.intent == intentNone || r.score >= exactScore || r.rest != "" && !onlyCondition(r.rest) || r.wished {
		return r
	}
	m := match()
	if best, ok := m.Best(); ok && m.Outcome == faq.Answered && best.Score > r.score+faq.AmbiguityMargin {
		return request{}
	}
	return r
}

// requestOf is readRequestBeside for the turn's text, using what was read
// and matched before the turn when it was.
func (t *turn) requestOf(text string) request {
	return besideFAQIn(text, t.requestRead(text), func() faq.Match {
		index := t.e.answerer.Index()
		if m, ok := t.pre.matchFor(index, text); ok {
			return m
		}
		return index.Match(text)
	})
}

// requestRead is readRequest for the turn's text, read before the turn
// when it was.
func (t *turn) requestRead(text string) request {
	if r, ok := t.pre.requestFor(text); ok {
		return r
	}
	return readRequest(text)
}

// detectIntent returns the request text makes as a whole, plainly, or
// intentNone. The form uses it: there a message either is a command or is
// an answer.
func detectIntent(text string) intent {
	return madeIntent(readRequest(text))
}

// answerIntent is detectIntent for the answer to a yes-or-no question the
// bot asked (この内容で応募しますか？): there 「OK」 and its kin agree,
// where elsewhere they only acknowledge, and declining to book or apply
// (やっぱ予約しない) says no.
func answerIntent(text string) intent {
	text = strings.TrimSpace(inJapanese(text))
	r := readRequest(text)
	in := madeIntent(r)
	switch {
	case in == intentAck && (slices.Contains(agreeingAcks(), commandKey(text)) || slices.Contains(agreeingAcks(), commandKey(lastClause(text)))):
		return intentYes
	case in == intentNone && r.mood == faq.Negated && (bookingIntent(r.intent) || r.intent == intentApply):
		return intentNo // 「やっぱ予約しない」 to 予約しますか？
	case in == intentBroadcastOff && !containsAny(frameKey(text), announcementKeys()):
		return intentNo // 「まだ送らないでください」 to この内容で送信しますか？ sends nothing yet
	case (in == intentGreeting || in == intentNone) && strings.Contains(text, "お願い") && slices.Contains(closings, strings.TrimRight(withoutFiller(text), clausePunct)):
		return intentYes // 「よろしくお願いいたします」 to 予約しますか？
	case in == intentNone && r.made() && (r.intent == intentYes || r.intent == intentNo) && r.rest != "" && madeIntent(readRequest(lastClause(r.rest))) == r.intent:
		return r.intent // 「うん、それで送って」: the rest says yes again
	}
	return in
}

// lastClause is the last clause of text (「OKです」 of 「すみません、OKです」).
func lastClause(text string) string {
	clauses := splitClauses(text)
	if len(clauses) == 0 {
		return text
	}
	return clauses[len(clauses)-1]
}

// agreeingAcks are the acknowledgements that say yes to a question, as
// commandKey forms.
var agreeingAcks = sync.OnceValue(func() []string {
	var out []string
	for _, w := range []string{"ok", "okです", "オッケー", "おっけー", "おけ", "了解", "了解です", "了解しました", "承知しました",
		"かしこまりました", "わかりました", "分かりました", "りょうかい", "りょ"} {
		out = append(out, commandKey(w))
	}
	return out
})

// madeIntent is the intent of a request made as a whole, or intentNone.
func madeIntent(r request) intent {
	if !r.made() || asksMore(r.rest) {
		return intentNone
	}
	return r.intent
}

// classify scores text against the intents' examples.
func classify(text string) request {
	text = withoutSoftEnding(standardWording(withoutLaughter(text)))
	k := commandKey(text)
	if k == "" {
		return request{}
	}
	if in, ok := commandOf(k); ok {
		return request{intent: in, score: exactScore}
	}
	text = withoutFiller(text)
	if core, ok := cutHedge(text); ok {
		if r := classify(core); r.intent != intentNone {
			r.mood = faq.Hedged
			return r
		}
	}
	if core, ok := cutHedgeAdverb(text); ok {
		if r := classify(core); r.intent != intentNone && r.mood == faq.Plain {
			r.mood = faq.Hedged
			return r
		}
	}
	if r, ok := frameRequest(text); ok {
		r.intent, r.mood = broadcastRead(r.intent, text, moodOf(r.intent, moodText(text)))
		r.wished = r.mood == faq.Plain && containsAny(text, askingForms)
		return aboutCharge(r, text)
	}
	best, read, ok := nearestIntent(text)
	if !ok {
		return request{}
	}
	in := intentByName[best.FAQ.ID]
	if in != intentThanks && endsThanking(read) {
		return request{intent: intentThanks, score: best.Score} // 情報ありがとうございます: thanks, whatever for
	}
	if in == intentHuman && asksHere(read) {
		return request{} // 「ここで質問させてください」 asks the bot
	}
	if in == intentInterview && !containsAny(frameKey(read), interviewKeys()) {
		return request{} // 「決めた！」 decides, it books no interview
	}
	if in == intentApply && !containsAny(frameKey(read), applyingKeys()) {
		return request{} // 「サケモデルっておもろいね」 names the model, not applying
	}
	if in == intentHuman && !reaches(read) {
		return request{} // 「担当者さんって大変そうですね」 talks about staff, it asks for no one
	}
	if in == intentBookings && !containsAny(frameKey(read), bookingAskKeys()) {
		return request{} // 「どうなっていますか」 names nothing booked
	}
	if in == intentHelp && onlyTimeWord(read) {
		return request{} // 「昨日、」 is read きのう, not 機能
	}
	if in == intentForget && !containsAny(frameKey(read), forgettingKeys()) {
		return request{} // 「メールアドレスを変えたいです」 changes it, it deletes nothing
	}
	if in == intentGreeting && !containsAny(frameKey(read), greetingKeys()) {
		return request{} // 「つかれた」 says one is tired, it greets no one
	}
	if in == intentThanks && !containsAny(frameKey(read), thankingKeys()) {
		return request{} // 「母が心配性でして、いろいろ調べております」 thanks no one
	}
	in, mood := broadcastRead(in, read, moodOf(in, read))
	in, mood = negatedAnswer(in, mood, read)
	return aboutCharge(request{intent: in, score: best.Score, mood: mood}, read)
}

// endsThanking reports whether text ends in thanks (ご丁寧に情報ありがとう
// ございます): whatever it names before, it thanks.
func endsThanking(text string) bool {
	t := strings.TrimRightFunc(text, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.Is(unicode.So, r) })
	return hasAnySuffix(t, "ありがとうございます", "ありがとうございました", "ありがとう")
}

// bookingAskKeys name a booking or when it is, as frameKey forms: a
// message that asks after bookings holds one of them.
var bookingAskKeys = sync.OnceValue(func() []string {
	return keysOf(append([]string{"日程", "日時", "日にち", "何日", "なんにち", "いつ", "何時"}, bookedThings...))
})

// timeWords name a day or a time, which alone ask for nothing.
var timeWords = []string{"昨日", "今日", "明日", "先日", "先週", "今週", "来週", "今朝", "今夜", "さっき", "きのう", "きょう", "あした"}

// onlyTimeWord reports whether text is one of timeWords, with punctuation.
func onlyTimeWord(text string) bool {
	return slices.Contains(timeWords, strings.TrimRight(strings.TrimSpace(text), clausePunct))
}

// aboutCharge returns no request for r, a cancellation read in text, when
// text names the charge or the rules of cancelling (キャンセル料ってかかり
// ますか): it asks about them, and cancels nothing.
func aboutCharge(r request, text string) request {
	if (r.intent == intentCancel || r.intent == intentCancelBooking) && containsAny(frameKey(text), cancelTermKeys()) {
		return request{}
	}
	return r
}

// cancelTermWords name the charge and the rules of cancelling.
var cancelTermWords = []string{"キャンセル料", "取消料", "取り消し料", "キャンセル費", "キャンセルポリシー", "キャンセル規定",
	"何日前", "なんにちまえ", "いつまでなら", "いつまでに", "期限"}

// cancelTermKeys are cancelTermWords in the form of frameKey.
var cancelTermKeys = sync.OnceValue(func() []string { return keysOf(cancelTermWords) })

// negatedAnswer reads a yes or a no said in the negative, in text read:
// a no is said so (「しません」, 「同意しません」), and a yes negated says no
// (「まだ送信しないで」, 「その内容じゃないです」); but 「戻らなくて大丈夫です」
// says that something else is not needed, and denying a fault (「内容に
// 間違いはないです」) says yes.
func negatedAnswer(in intent, mood faq.Mood, read string) (intent, faq.Mood) {
	switch {
	case mood != faq.Negated:
	case (in == intentYes || in == intentNo) && deniesFault(read):
		in, mood = intentYes, faq.Plain // 内容に間違いはないです
	case in == intentNo:
		mood = faq.Plain
	case in == intentYes && !strings.Contains(read, "なくて"):
		in, mood = intentNo, faq.Plain
	}
	return in, mood
}

// deniesFault reports whether text says there is no fault in what the
// bot showed: 「間違いないです」, 「誤りはありません」, 「相違ございません」.
func deniesFault(text string) bool {
	k := frameKey(text)
	for _, f := range faultKeys() {
		for from := 0; ; {
			i := strings.Index(k[from:], f)
			if i < 0 {
				break
			}
			from += i + len(f)
			if hasAnyPrefix(strings.TrimLeft(k[from:], "はがもな"), "い", "し", "く", "あり", "ござい") {
				return true
			}
		}
	}
	return false
}

// faultWords name a fault in what was entered (間違い, 誤り, ミス).
var faultWords = []string{"間違い", "まちがい", "誤り", "あやまり", "相違", "ミス", "違い"}

// faultKeys are faultWords in the form of frameKey.
var faultKeys = sync.OnceValue(func() []string { return keysOf(faultWords) })

// greetingWords are the words without one of which no message greets:
// the example matcher may find 「つかれた」 close by 「お疲れさまです」.
var greetingWords = []string{"こんにち", "こんばん", "おはよ", "はじめまして", "初めまして", "よろしく", "宜しく", "お疲れ", "おつかれ",
	"どうも", "ども", "やあ", "やっほ", "こんち", "ちわ", "ちーっす", "おっす", "はいさい", "はいたい", "まいど", "hello", "hi"}

// greetingKeys are greetingWords in the form of frameKey.
var greetingKeys = sync.OnceValue(func() []string { return keysOf(greetingWords) })

// thankingWords are the words without one of which no message thanks: the
// example matcher may find 「いろいろ調べております」 close by 「わざわざ調べ
// てくれてありがとう」.
var thankingWords = []string{"ありがと", "有難", "有り難", "感謝", "助か", "たすか", "サンキュ", "さんきゅ", "サンクス", "さんくす",
	"thank", "thx", "あざ", "多謝", "おおきに", "にふぇー", "参考にな", "お礼", "礼を", "丁寧", "わざわざ", "恐れ入"}

// thankingKeys are thankingWords in the form of frameKey.
var thankingKeys = sync.OnceValue(func() []string { return keysOf(thankingWords) })

// applyingWords are the words without one of which no message asks to
// apply: the example matcher may find one close by the name of the model
// alone.
var applyingWords = []string{"応募", "おうぼ", "エントリー", "申し込", "申込", "申しこ", "もうしこ", "フォーム", "受け", "うけ", "志望", "手続", "選考に進", "apply", "entry"}

// applyingKeys are applyingWords in the form of frameKey.
var applyingKeys = sync.OnceValue(func() []string { return keysOf(applyingWords) })

// reaches reports whether text, read as asking for a person, asks to
// reach one: with a word of reaching (話したい, つないで, 代わって, 誰か
// いますか), or by calling them (担当者さん). A message that names staff
// without one talks about them (担当者さんって大変そうですね).
func reaches(text string) bool {
	k := frameKey(text)
	return containsAny(k, reachingKeys()) || hasAnySuffix(strings.TrimRight(k, "…。.!！?？ー〜"), "さん", "さま", "様")
}

// interviewKeys name an interview or its date, as frameKey forms: the
// example matcher may find a bare 「決めた」 close to 「面談の日程を決めたい」.
var interviewKeys = sync.OnceValue(func() []string {
	keys := keysOf([]string{"面談", "面接", "日程", "日時", "日にち", "個別", "1対1", "一対一", "予約", "interview"})
	return append(keys, readingsOf(keys)...)
})

// reachingKeys are the words of reaching a person, as frameKey forms and
// in their readings, for a message typed in hiragana alone.
var reachingKeys = sync.OnceValue(func() []string {
	keys := keysOf([]string{"話", "はな", "相談", "そうだん", "つな", "繋", "代わ", "替わ", "変わ", "かわ", "交代", "電話", "連絡", "対応", "たいおう",
		"聞", "きき", "きけ", "質問", "お願い", "おねがい", "呼", "よん", "出して", "だして", "いる", "いない", "いま", "おる", "おら", "おり",
		"がいい", "希望", "チェンジ", "直接", "確認", "やりとり", "やり取り", "コンタクト", "会いたい", "会え", "取り次", "とりつ", "human", "person", "someone", "必要", "ほしい", "欲しい"})
	return append(keys, readingsOf(keys)...)
})

// forgettingKeys are the words with which a student asks for their data
// to be deleted, as frameKey forms.
var forgettingKeys = sync.OnceValue(func() []string {
	return keysOf([]string{"削除", "さくじょ", "消", "けし", "けす", "けせ", "しょうきょ", "退会", "たいかい", "忘れ", "わすれ", "解除", "かいじょ",
		"撤回", "てっかい", "取り消", "とりけし", "抹消", "破棄", "はき", "やめ", "なかったことに", "delete",
		"残さない", "のこさない", "保存しない", "保管しない"}) // 私の情報もう残さないでほしい
})

// applyingNounKeys name applying itself, as frameKey forms: a clause that
// asks to 申し込む without one of them may mean the booking named before.
var applyingNounKeys = sync.OnceValue(func() []string {
	return keysOf([]string{"応募", "おうぼ", "エントリー", "フォーム", "選考"})
})

// nearestIntent returns the intent whose examples text is most like, by
// the analysis the FAQ uses, and the text as it was read, if it is like
// enough. A message in katakana alone is read by its sound too
// (ﾀﾝﾄｳｼｬﾆｶﾜｯﾃ as たんとうしゃにかわって), as typed in hiragana.
func nearestIntent(text string) (faq.Scored, string, bool) {
	best, _ := intentIndex().MatchWhole(text).Best()
	read := text
	if kana, ok := faq.KatakanaAsHiragana(text); ok {
		if b, ok := intentIndex().MatchWhole(kana).Best(); ok && b.Score > best.Score {
			best, read = b, kana
		}
	}
	return best, read, best.Score >= intentThreshold
}

// moodOf is the mood in which text makes request in. Only the requests
// that go through a process the FAQ explains, and that the bot offers as
// a button, can be asked about (応募状況ってどこで確認できますか); asking
// how to use the bot, go back or skip (どうやって使うんですか) asks to do it.
//
// Asking about bookings (「説明会っていつありますか？」, 「予約ってどこで
// 確認できますか」) asks to see them: the open slots or the bookings are
// the best answer, and booking still needs a confirmation.
//
// Not knowing what to do (何を入力すればいいかわかんない) asks to be told,
// and asking whether one can be told (通ったかどうか分かりますか) asks too;
// declining or putting a request off (今は応募するつもりないです, 担当者と
// 話すのは今度でいいや) negates it.
func moodOf(in intent, text string) faq.Mood {
	m := faq.MoodOf(plainKnowing(politeIfs.Replace(text)))
	if asksWhatIf(text) {
		return faq.Hedged
	}
	if m == faq.Hedged && asksWhether(text) {
		m = faq.Plain
	}
	if m == faq.Asked && containsAny(frameKey(text), mayIKeys()) {
		return faq.Plain // 応募させてもらうことってできます？ asks leave to do it
	}
	if _, offered := requestButton(in); m == faq.Asked && (!offered || bookingIntent(in) || in == intentStatus && !asksWhereOrHow(text)) {
		return faq.Plain // その後どうなっていますか？ asks for the status; どこで確認できますか asks where
	}
	if m == faq.Negated && negationAsks(in, text) {
		m = faq.Plain
	}
	if m == faq.Plain && declines(in, text) {
		return faq.Negated
	}
	if m == faq.Plain && (asksAboutAfter(text) || reportsOthers(text)) {
		return faq.Hedged
	}
	return m
}

// mayIKeys ask leave to do something (させてもらうことってできますか,
// させていただくことは可能でしょうか, させてもらってもよろしいでしょうか),
// as frameKey forms: a request put politely, not a question about it.
var mayIKeys = sync.OnceValue(func() []string {
	return keysOf([]string{"させてもらうこと", "させていただくこと", "させてもらっても", "させていただいても"})
})

// negationAsks reports whether text, which makes request in negated,
// asks for it all the same: asking whether no one is there (だれか人
// いない？, 誰かおらん) asks for a person, with or without the mark, and saying the result has
// not come yet (結果の連絡まだ来てないんですけど) asks where it stands.
func negationAsks(in intent, text string) bool {
	k := frameKey(text)
	switch in {
	case intentHuman:
		return containsAny(k, absentKeys()) || containsAny(k, askingNegKeys()) // 相談させてもらえねぇべか
	case intentStatus:
		return containsAny(k, notArrivedKeys()) || endsInStill(k)
	case intentCancel, intentCancelBooking:
		return containsAny(k, undoingKeys()) // 予約なしにして
	case intentSkip:
		return containsAny(k, unansweredKeys()) // これは答えずに次いって
	case intentForget:
		return containsAny(k, unkeptKeys()) // 私の情報もう残さないでほしい
	}
	return false
}

// unansweredKeys leave a question unanswered, with a negation, as
// frameKey forms: asking for it asks to skip.
var unansweredKeys = sync.OnceValue(func() []string {
	return keysOf([]string{"答えず", "答えない", "答えたくない", "答えなくて", "書かず", "書かない", "書きたくない", "入力せず", "入力しない", "入力したくない", "回答せず", "回答しない", "回答したくない"})
})

// askingNegKeys ask in the negative whether one may (〜てもらえないか,
// 東北 〜てもらえねぇべか), as frameKey forms.
var askingNegKeys = sync.OnceValue(func() []string {
	return keysOf([]string{"もらえない", "もらえねぇ", "もらえねえ", "もらえん", "いただけない", "いただけません"})
})

// unkeptKeys ask, with a negation, that data not be kept, as frameKey
// forms: asking for it asks to forget.
var unkeptKeys = sync.OnceValue(func() []string {
	return keysOf([]string{"残さない", "のこさない", "保存しない", "保管しない", "残しておかない", "持っておかない", "残さんといて", "残さんておいて", "残さんで", "のこさんといて"})
})

// undoingWords ask, with a negation, that something be undone: 「予約なし
// にして」 cancels, however the analyser reads 「なし」 in hiragana.
var undoingWords = []string{"なしにし", "無しにし", "なかったことに"}

// undoingKeys are undoingWords in the form of frameKey.
var undoingKeys = sync.OnceValue(func() []string { return keysOf(undoingWords) })

// endsInStill reports whether key k names a result and ends in 「まだ」
// (結果まだ, 選考結果まだです😊): it is not out yet, said as asking where
// it stands. 「応募はまだです」 says one has not applied.
func endsInStill(k string) bool {
	k = strings.TrimRightFunc(k, func(r rune) bool { return !unicode.IsLetter(r) })
	return containsAny(k, resultKeys()) && hasAnySuffix(k, "まだ", "まだです", "まだですか", "まだかな")
}

// resultWords name the result of an application or word of it.
var resultWords = []string{"結果", "合否", "連絡", "返事", "返信", "けっか", "ごうひ", "れんらく", "へんじ"}

// resultKeys are resultWords in the form of frameKey.
var resultKeys = sync.OnceValue(func() []string { return keysOf(resultWords) })

// absentWords say that no one is there.
var absentWords = []string{"いない", "いません", "いらっしゃらない", "いらっしゃいません"}

// notArrivedWords say that word of something has not come yet.
var notArrivedWords = []string{"出とらん", "来とらん", "来ん", "来ーへん", "こーへん", "出てへん", "来てへん", "来てない", "来ていない", "来ない", "来ません", "来てません", "きてない", "こない",
	"届いてない", "届いていない", "届かない", "届きません", "届いてません", "とどいてない", "出てない", "出ていない", "出ません",
	"でてない", "連絡がない", "連絡ない", "連絡がありません", "返事がない", "返事がありません", "返事ない", "返信がない", "返信がありません", "返信ない"}

// absentKeys and notArrivedKeys are absentWords and notArrivedWords in
// the form of frameKey.
var (
	absentKeys     = sync.OnceValue(func() []string { return keysOf(absentWords) })
	notArrivedKeys = sync.OnceValue(func() []string { return keysOf(notArrivedWords) })
)

// asksHere reports whether text asks to ask here, of the bot (ここで質問
// させてください, このチャットで聞きたい), rather than of a person.
func asksHere(text string) bool { return containsAny(frameKey(text), hereKeys()) }

// hereWords say that a question is asked here, of the bot.
var hereWords = []string{"ここで質問", "ここで聞", "ここできい", "ここで相談", "このチャットで", "このボットで", "ボットに聞", "ボットに質問"}

// hereKeys are hereWords in the form of frameKey.
var hereKeys = sync.OnceValue(func() []string { return keysOf(hereWords) })

// asksAboutAfter reports whether text asks about doing something after
// something else is done (応募したあとで取り消しってできるの？): it supposes
// what is to be done first, and requests nothing yet.
func asksAboutAfter(text string) bool {
	return looksLikeQuestion(text) && containsAny(frameKey(text), afterKeys())
}

// asksWhatIf reports whether text asks what follows if the request were
// carried out (配信止めたら大事な連絡も来なくなる？): a question about it,
// no request yet. A polite 「よかったら」 or 「できたら」 supposes nothing.
func asksWhatIf(text string) bool {
	if !looksLikeQuestion(text) {
		return false
	}
	k := frameKey(text)
	i := strings.Index(k, "たら")
	if i <= 0 || strings.Trim(k[i+len("たら"):], "….。!?！？ー、,") == "" {
		return false
	}
	return !hasAnySuffix(k[:i], politeIfKeys()...)
}

// politeIfEnds end the 〜たら of a polite condition (よかったら,
// できたら, 可能でしたら), which asks nothing of its own.
var politeIfEnds = []string{"よかっ", "良かっ", "宜しかっ", "よろしかっ", "でき", "出来", "でし", "だっ", "まし"}

// politeIfKeys are politeIfEnds in the form of frameKey.
var politeIfKeys = sync.OnceValue(func() []string { return keysOf(politeIfEnds) })

// politeIfs take out the polite conditions that open a request (もし
// よかったら担当の方とお話しできますか？): they suppose nothing the request
// hangs on, so its mood is read without them.
var politeIfs = strings.NewReplacer("もしよかったら", "", "もし良かったら", "", "もしよろしければ", "", "もしよろしかったら", "",
	"もし宜しければ", "", "もし可能なら", "", "もし可能でしたら", "", "もしできれば", "", "もし出来れば", "")

// reportsOthers reports whether text ends by telling what someone else
// said or wants (友達が面接の日程変えたいって言ってた): it reports a
// request, and makes none.
func reportsOthers(text string) bool {
	k := strings.TrimRight(frameKey(text), "….。!?！？ーw笑")
	return hasAnySuffix(k, reportingEndKeys()...)
}

// reportingEnds end a message that reports what others said or want.
var reportingEnds = []string{"って言ってた", "って言ってました", "って言ってる", "って言ってます", "と言ってた", "と言っていた",
	"と言っていました", "と言ってました", "と言っている", "と言っています", "っていってた", "っていってる", "らしい", "らしいです", "らしいよ"}

// reportingEndKeys are reportingEnds in the form of frameKey.
var reportingEndKeys = sync.OnceValue(func() []string { return keysOf(reportingEnds) })

// afterWords place what a question asks about after something done.
var afterWords = []string{"たあとで", "たあとに", "たあとって", "た後で", "た後に", "た後って", "てからでも", "たあとでも", "た後でも"}

// afterKeys are afterWords in the form of frameKey.
var afterKeys = sync.OnceValue(func() []string { return keysOf(afterWords) })

// plainKnowing returns text with the spoken forms of not knowing
// (わかんない) written out (わからない), which the analyser knows as a verb
// of knowing negated.
func plainKnowing(text string) string {
	return knowingForms.Replace(text)
}

// knowingForms write out the spoken forms of not knowing.
var knowingForms = strings.NewReplacer("わかんな", "わからな", "分かんな", "分からな", "解んな", "解らな", "判んな", "判らな", "しらんけど", "知らないけど")

// asksWhether reports whether text asks to be told whether something is
// so: an embedded question (〜かどうか, 〜か) followed by asking whether it
// is known (分かりますか, わかる？).
func asksWhether(text string) bool {
	for _, q := range []string{"かどうか", "か"} {
		i := strings.LastIndex(text, q)
		if i <= 0 {
			continue
		}
		if hasAnyPrefix(strings.TrimLeft(text[i+len(q):], "はがも、 "), whetherAsks...) {
			return true
		}
	}
	return false
}

// whetherAsks ask whether something is known: 「分かりますか」 of 「通った
// かどうか分かりますか」.
var whetherAsks = []string{"分かりますか", "わかりますか", "分かる?", "わかる?", "分かる？", "わかる？", "分かります?", "わかります?", "分かります？", "わかります？", "確認できますか", "見れますか", "見られますか"}

// declines reports whether text declines request in or puts it off:
// 「応募するつもりはないです」, 「今度でいいや」, 「あとで見ます」, 「人と話す
// のは苦手」, 「予約の変更は今のところ大丈夫です」, 「データ消すのはやめて
// おきます」. Putting off is how one skips a question or cancels the form
// (後で答えます, また今度にします), so it does not decline those.
func declines(in intent, text string) bool {
	if in == intentSkip || in == intentCancel {
		return false
	}
	k := compoundAfterless(frameKey(text))
	if containsAny(k, declineKeys()) || hasAnySuffix(strings.TrimRight(k, "….。!?！？ー"), declineEndKeys()...) {
		return true
	}
	return !looksLikeQuestion(text) && containsAny(k, noIntentionKeys())
}

// compoundAfterless returns key k with the 後 that ends a compound (午後,
// 入社後, 最後) marked apart, so that 「午後であれば」 holds no 「後で」
// (later) that puts a request off.
func compoundAfterless(k string) string {
	if !strings.Contains(k, "後") {
		return k
	}
	var b strings.Builder
	prev := rune(0)
	for _, r := range k {
		if r == '後' && unicode.Is(unicode.Han, prev) {
			r = '◇'
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// declineEnds put a request off when they end the message: 「今すぐ応募は
// ちょっと…」 leaves its refusal unsaid.
var declineEnds = []string{"はちょっと", "はまだちょっと", "はちょっとまだ", "はちょいと", "とかは大丈夫です", "とかは大丈夫", "は大丈夫です"}

// declineWords put a request off or say it is not liked, in any mood.
var declineWords = []string{"今度でいい", "今度で大丈夫", "今度にしま", "今度にする", "また今度", "あとで", "後で", "のちほど", "後ほど",
	"あとにしま", "後にしま", "今はいい", "今は大丈夫", "今じゃなくていい", "まだいいかな", "はまだいい", "はまだ大丈夫", "苦手",
	"はいいです", "はいいや", "はいいかな", "はもういい", "今のところ大丈夫", "今のところいい", "今のところ結構",
	"ほどのことでもない", "ほどのことではない", "ほどでもない", "までもない", "のはやめておき", "のはやめにしま", "のはやめます",
	"てからにし", "でからにし", "もう少し考え", "もうちょっと考え", "考えます", "考えてみます", "考えておきます", "考えとき", "てからかな", "まだ先", "来年にし", "来年にする", "来年にしよ", "次の機会に", "次回にしま", "次回にする",
	"保留", "てみただけ", "いつか", "得意じゃない", "得意ではない", "緊張しそう", "緊張する", "考え中", "検討中", "まだええ", "ほうが気楽", "方が気楽", "ほうが楽", "方が楽", "相談してから", "改めて応募", "改めてエントリー", "改めて申し込"} // とりあえず保留で, メニューって打ってみただけです, いつか応募したいとは思ってる

// noIntentionWords say there is no intention to do something; put as a
// question (予定はないですか) they ask instead.
var noIntentionWords = []string{"つもりない", "つもりはない", "つもりはありません", "つもりありません", "気はない", "気はありません", "する気ない", "する気がない",
	"予定はない", "予定はありません"}

// declineKeys and noIntentionKeys are declineWords and noIntentionWords
// in the form of frameKey.
var (
	declineKeys     = sync.OnceValue(func() []string { return keysOf(declineWords) })
	declineEndKeys  = sync.OnceValue(func() []string { return keysOf(declineEnds) })
	noIntentionKeys = sync.OnceValue(func() []string { return keysOf(noIntentionWords) })
)

// bookingIntent reports whether in is one of the booking requests.
func bookingIntent(in intent) bool {
	switch in {
	case intentSession, intentInterview, intentBookings, intentReschedule, intentCancelBooking:
		return true
	}
	return false
}

// cutHedge returns what a hesitation is about: 「やめるか迷ってます」 is
// about 「やめる」. An embedded question that asks to be told
// (「通ったかどうか知りたい」) is no hesitation.
func cutHedge(text string) (string, bool) {
	for _, h := range hedgeCuts {
		if i := strings.Index(text, h); i > 0 && !faq.AsksToKnow(text[i+len(h):]) && !asksWhether(text) && !hasAnySuffix(text[:i], askingNegStems...) {
			if strings.HasSuffix(h, "うかな") && h != "ようかな" {
				return text[:i+len(h)-len("かな")], true // 説明会行こう of 説明会行こうかな
			}
			return text[:i], true
		}
	}
	return "", false
}

// cutHedgeAdverb returns text without the adverb of doubt that opens it
// (もしかしたら来年応募します), and whether it had one: what follows is
// only thought of.
func cutHedgeAdverb(text string) (string, bool) {
	for _, a := range []string{"もしかしたら", "もしかすると", "ひょっとしたら", "たぶん", "多分"} {
		if rest, ok := strings.CutPrefix(text, a); ok && strings.TrimLeft(rest, "、, ") != "" {
			return strings.TrimLeft(rest, "、, "), true
		}
	}
	return "", false
}

// askingNegStems ask in the negative, in 東北 and 北海道 speech, before
// the っかな that would otherwise hedge (変えてもらえねっかな asks for it).
var askingNegStems = []string{"もらえね", "くれね", "いただけね", "もらえねえ", "もらえねぇ"}

// hedgeCuts start the hesitation of 「〜か迷ってます」 and the like.
var hedgeCuts = []string{"かどうか", "か迷", "か悩", "か考え", "しようかな", "しよかな", "しよっかな", "するかな", "しようか", "か検討", "とこうかな", "ておこうかな", "ようかな",
	"こうかな", "もうかな", "ろうかな", "っかな"} // 説明会行こうかな, 申し込もうかな, 申し込もっかな

// asksMore reports whether rest, the part of a message beside a request,
// says anything the bot should answer too.
func asksMore(rest string) bool {
	if strings.TrimSpace(faq.Normalize(rest)) == "" {
		return false
	}
	return looksLikeQuestion(rest) || strings.Contains(rest, "知りたい") || asksToBeTold(rest)
}

// asksToBeTold reports whether text asks to be told something (教えて
// ください): 「教えてくれてありがとう」 thanks for what was told.
func asksToBeTold(text string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], "教えて")
		if i < 0 {
			return false
		}
		from += i + len("教えて")
		if !hasAnyPrefix(text[from:], "くれて", "もらって", "いただいて", "いただき", "頂いて", "頂き") {
			return true
		}
	}
}

// hasAnyPrefix reports whether s starts with any of prefixes.
func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// onlyCondition reports whether rest, the part of a message beside a
// request, is a condition and asks nothing else.
func onlyCondition(rest string) bool { return conditional(rest) && !asksMore(rest) }

// conditional reports whether rest, the part of a message beside a
// request, holds a condition the request is made on (「在宅で働けるなら」
// 応募したい): the FAQ may settle it before the request is carried out.
func conditional(rest string) bool {
	for _, c := range splitClauses(rest) {
		if supposes(c) {
			return true
		}
	}
	return false
}

// commandKey is the form of a message that short commands are matched on:
// normalised, without spaces and polite endings.
func commandKey(s string) string {
	k := strings.ReplaceAll(faq.Normalize(s), " ", "")
	for changed := true; changed; {
		changed = false
		for _, f := range fillerKeys() {
			if len(k) > len(f) && strings.HasPrefix(k, f) {
				k, changed = strings.TrimPrefix(k, f), true
			}
		}
		// a long vowel may end a word before the ending (ノーです)
		k = strings.TrimRight(k, "!！?？。.〜~ー")
		for _, ek := range politeKeys {
			if ek != "" && len(k) > len(ek) && strings.HasSuffix(k, ek) {
				k, changed = strings.TrimSuffix(k, ek), true
			}
		}
	}
	return k
}

// fillers open a message without saying anything of the request
// (「やっぱやめる」, 「じゃあ応募します」, 「ちょっと戻って」), longest first.
var fillers = []string{"とりあえず", "えーっと", "さっそく", "やっぱり", "ちょっと", "いったん", "あのー", "やっぱ", "じゃあ", "えっと", "えーと", "うーん", "それでは",
	"一旦", "早速", "では", "あの"}

// withoutFiller returns text without the fillers it opens with
// (「やっぱ予約しない」 is read as 「予約しない」), unless nothing is left.
func withoutFiller(text string) string {
	t := strings.TrimSpace(text)
	for changed := true; changed; {
		changed = false
		for _, f := range fillers {
			if rest, ok := strings.CutPrefix(t, f); ok && strings.TrimLeft(rest, "、,， ") != "" {
				t, changed = strings.TrimLeft(rest, "、,， "), true
			}
		}
	}
	return t
}

// fillerKeys are fillers in the form of commandKey, without its own
// stripping.
var fillerKeys = sync.OnceValue(func() []string {
	out := make([]string, len(fillers))
	for i, f := range fillers {
		out[i] = strings.ReplaceAll(faq.Normalize(f), " ", "")
	}
	return out
})

// politeEndings are stripped from the end of a message before it is looked
// up among the short commands.
var politeEndings = []string{"をお願いします", "お願いします", "おねがいします", "お願いしまーす", "をお願いできますか", "お願いできますか", "おねがい", "お願い",
	"お願いできる", "もらってもいいですか", "もらっていいですか", "もらえますか", "もらえます", "もらえる", "いただけますか", "いただけます",
	"です", "っす", "ください", "下さい", "ね", "よ", "で", "!"}

var politeKeys = func() []string {
	keys := make([]string, len(politeEndings))
	for i, e := range politeEndings {
		keys[i] = strings.ReplaceAll(faq.Normalize(e), " ", "")
	}
	return keys
}()

// commandOf returns the intent of the short command with key k, which
// may point first at what it is about: 「ここパスで」, 「これやめます」.
func commandOf(k string) (intent, bool) {
	if in, ok := intentCommands()[k]; ok {
		return in, true
	}
	if in, ok := intentCommandReadings()[k]; ok && allHiragana(k) {
		return in, true // よくあるしつもん
	}
	for _, p := range pointingKeys() {
		if rest, ok := strings.CutPrefix(k, p); ok && rest != "" {
			if in, ok := intentCommands()[rest]; ok {
				return in, true
			}
		}
	}
	if in, ok := agreedWith(k); ok {
		return in, true
	}
	return repeatedCommand(k)
}

// agreedWith returns yes for key k when it agrees with what the bot
// showed by pointing at it first: 「それで合ってます」, 「これで問題ないです」.
func agreedWith(k string) (intent, bool) {
	for _, p := range agreeingPointerKeys() {
		if rest, ok := strings.CutPrefix(k, p); ok && intentCommands()[rest] == intentYes {
			return intentYes, true
		}
	}
	return intentNone, false
}

// agreeingPointers point at what the bot showed, before a yes.
var agreeingPointers = []string{"それで", "これで", "内容は", "内容で"}

// agreeingPointerKeys are agreeingPointers in the form of commandKey.
var agreeingPointerKeys = sync.OnceValue(func() []string { return keysOf(agreeingPointers) })

// repeatedCommand returns the intent of key k when it is a short command
// said twice, as one does in chat: 「ちゃうちゃう」, 「違う違う」, 「うんうん」.
func repeatedCommand(k string) (intent, bool) {
	half := len(k) / 2
	if half == 0 || len(k)%2 != 0 || k[:half] != k[half:] {
		return intentNone, false
	}
	in, ok := intentCommands()[k[:half]]
	return in, ok
}

// pointingWords point at the question or the step a short command is
// about, longest first.
var pointingWords = []string{"この質問は", "この項目は", "この質問", "この項目", "ここは", "これは", "そこは", "ここ", "これ", "そこ"}

// pointingKeys are pointingWords in the form of commandKey.
var pointingKeys = sync.OnceValue(func() []string { return keysOf(pointingWords) })

// intentCommands maps the command key of every short command (はい, ok,
// 戻る) to its intent: a message that is one of them is that request
// without further analysis, which short words (はい, no) do not survive.
var intentCommands = sync.OnceValue(func() map[string]intent {
	idx := map[string]intent{}
	for _, ex := range intentExamples {
		for _, p := range ex.commands {
			idx[commandKey(standardWording(p))] = ex.intent
		}
	}
	return idx
})

// intentCommandReadings are the commands by their reading, for a command
// typed in hiragana (よくあるしつもん, おうぼふぉーむ); a reading that is
// another command's key, or two commands', is left out.
var intentCommandReadings = sync.OnceValue(func() map[string]intent {
	idx, clash := map[string]intent{}, map[string]bool{}
	for _, ex := range intentExamples {
		for _, p := range ex.commands {
			r := faq.Reading(commandKey(standardWording(p)))
			if _, isKey := intentCommands()[r]; isKey || clash[r] {
				continue
			}
			if in, ok := idx[r]; ok && in != ex.intent {
				delete(idx, r)
				clash[r] = true
				continue
			}
			idx[r] = ex.intent
		}
	}
	return idx
})

// intentIndex is the index the longer phrasings of the requests are
// matched in, by the analysis and scoring the FAQ uses.
var intentIndex = sync.OnceValue(func() *faq.Index {
	entries := make([]faq.FAQ, 0, len(intentExamples)+1)
	for _, ex := range append(slices.Clone(intentExamples), notRequests) {
		if len(ex.phrasings) == 0 {
			continue
		}
		phrasings := make([]string, len(ex.phrasings))
		for i, p := range ex.phrasings {
			phrasings[i] = standardWording(p)
		}
		entries = append(entries, faq.FAQ{ID: ex.intent.String(), Question: phrasings[0],
			Alternatives: phrasings[1:], Enabled: true})
	}
	return faq.NewIndex(entries, intentConcepts...)
})

// intentByName maps the names of intents back.
var intentByName = func() map[string]intent {
	m := make(map[string]intent, len(intentNames))
	for in, name := range intentNames {
		m[name] = in
	}
	return m
}()
