package bot

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/sakemodel/sakebot/faq"
)

// idle handles a message outside the form: requests, small talk, FAQ.
// A request is read in the whole message and in each clause: one made in
// passing beside a question (「応募したいけど研修って何ヶ月？」) or on a
// condition the FAQ can settle (「在宅で働けるなら応募したい」) is offered
// after the answer; a negated, hedged or asked-about one (「まだ応募は
// しないです」, 「応募するか迷ってます」, 「応募状況ってどこで見られますか」)
// is never carried out.
func (t *turn) idle(text string) {
	r := t.requestOf(text)
	switch {
	case r.intent == intentNone:
		t.faq(text)
	case r.mood != faq.Plain:
		t.notARequest(text, r)
	case r.intent == intentHuman && namesTopic(text):
		t.personAbout(text)
	case asksMore(r.rest) || conditional(r.rest):
		t.questionAndRequest(text, r)
	case bookingIntent(r.intent):
		t.bookingRequest(r.intent, text)
	case r.intent == intentHuman:
		t.personAbout(text)
	case r.intent == intentCancel && stopsApplying(text):
		t.say(msgNotNow) // やっぱ応募やめとくわ: no form is open, and no booking is meant
	default:
		t.request(r.intent)
	}
}

// request carries out a request made outside the form.
func (t *turn) request(in intent) {
	switch in {
	case intentApply:
		t.startApplication()
	case intentStatus:
		t.status()
	case intentHuman:
		t.handoff(HandoffAsked, "")
	case intentMenu, intentHelp, intentGreeting:
		t.greet()
	case intentFAQMenu:
		t.faqMenu()
	case intentForget:
		t.askForget()
	case intentBroadcastOff, intentBroadcastOn:
		t.broadcast(in == intentBroadcastOff)
	case intentThanks:
		t.say(msgThanks)
	case intentCancel:
		t.cancelOutsideForm()
	case intentSession, intentInterview, intentBookings, intentReschedule, intentCancelBooking:
		t.bookingRequest(in, "")
	case intentAck, intentBack, intentSkip:
		t.say(msgAck)
	case intentYes:
		if t.conv.Misses >= 2 {
			t.handoff(HandoffUnanswered, "")
			return
		}
		t.say(msgAck)
	case intentNo:
		t.conv.Misses = 0
		t.say(msgAck)
	}
}

// personAbout hands the student over to a person, who sees text. When
// text names what it wants to ask them about and an entry answers that
// (研修中の住まいについて担当者に相談したいです), the entry is said first, for
// the student to read while they wait; an entry that only offers a person
// is left unsaid, as the person is coming.
func (t *turn) personAbout(text string) {
	if m, ok := requestTopic(t.e.answerer.Index(), text); ok && !m.Candidates[0].FAQ.OfferPerson {
		t.answerEntry(m.Candidates[0].FAQ)
	}
	t.handoff(HandoffAsked, text)
}

// stopsApplying reports whether text, a cancel, names applying and no
// booking (やっぱ応募やめとくわ): outside the form it stops nothing.
func stopsApplying(text string) bool {
	k := frameKey(text)
	return containsAny(k, applyingKeys()) && !containsAny(k, bookedThingKeys())
}

// notARequest answers a message that names a request without making it:
// what it asks is answered when the FAQ can; otherwise the bot says the
// request can wait (negated), offers it (hedged) or says where it is made
// (asked about).
func (t *turn) notARequest(text string, r request) {
	offer := r.mood == faq.Hedged || r.mood == faq.Asked
	m := t.e.answerer.Index().Match(text)
	if m.Outcome == faq.Answered {
		t.faq(text)
		if b, ok := requestButton(r.intent); ok && offer {
			t.say(msgRequestOffer, b)
		}
		return
	}
	if b, ok := requestButton(r.intent); ok && r.mood == faq.Asked {
		t.say(msgAskedRequest, b)
		return
	}
	if b, ok := requestButton(r.intent); ok && r.mood == faq.Hedged {
		t.say(msgHedgedRequest, b, menu("よくある質問"))
		return
	}
	if r.mood == faq.Negated && r.score >= intentThreshold {
		t.say(msgNotNow)
		return
	}
	t.faq(text)
}

// questionAndRequest answers the question a message asks beside a request
// (「応募したいけど研修って何ヶ月？」), or offers the entries near it as
// choices, and offers the request as a button; when the FAQ has nothing
// for it, the request is carried out.
func (t *turn) questionAndRequest(text string, r request) {
	q, ok := questionBeside(t.e.answerer.Index(), text, r)
	if !ok {
		t.request(r.intent)
		return
	}
	t.faq(q)
	if b, ok := requestButton(r.intent); ok {
		t.say(msgRequestOffer, b)
	} else {
		t.request(r.intent)
	}
}

// questionBeside returns the question text asks beside request r, as the
// FAQ answers it, and whether it answers it: the rest of the message about
// the booking the request names, when the rest does not name it
// (「説明会予約したいです。オンラインのやつありますか？」 asks whether
// sessions are online, not meetings); or the rest as it is; or, when the
// rest alone says too little, the whole message. Where none is answered,
// the first of them the FAQ is torn about gives choices (an entry on
// training beside the booking the request names: 「説明会予約したいです、
// あと研修ってどんなことするの？」), or the rest's near entries do. It
// reports false when the FAQ has nothing for the question: the request
// alone is carried out.
func questionBeside(ix *faq.Index, text string, r request) (string, bool) {
	about := faq.Missed
	thing, named := bookedThing(text, r.rest)
	q := thing + "について。" + r.rest // said, not asked: the rest's own words weigh more
	restMatch := ix.Match(r.rest)
	rest := restMatch.Outcome
	if named {
		m := ix.Match(q)
		if about = m.Outcome; about == faq.Answered && !(rest == faq.Answered && restMatch.Candidates[0].Score > m.Candidates[0].Score+restClearly) {
			return q, true // 説明会予約したいです。オンラインのやつありますか？ asks about sessions
		}
	}
	if rest == faq.Answered {
		return r.rest, true // 説明会申し込みたいです。そもそもどんな会社か知りたくて asks about the company
	}
	if ix.Match(text).Outcome == faq.Answered {
		return text, true
	}
	if about == faq.Ambiguous {
		return q, true
	}
	if rest == faq.Ambiguous || rest == faq.Suggested {
		return r.rest, true // the choices it is near, rather than nothing
	}
	return "", false
}

// restClearly is how much better the rest of a message beside a booking
// request must be answered alone than about the booking to be answered
// so: 「そもそもどんな会社なんですか？」 asks about the company (0.78 alone,
// 0.67 about 説明会), where 「オンラインでやるの？」 beside 面接予約したい
// asks about interviews (0.90 alone for sessions, 0.89 about 面接).
const restClearly = 0.05

// bookedThing returns the thing booked (説明会, 面談…) text names outside
// rest, the question beside its request, if rest names none.
func bookedThing(text, rest string) (string, bool) {
	if containsAny(rest, bookedTopics) {
		return "", false
	}
	said := strings.Replace(text, rest, "", 1)
	for _, thing := range bookedTopics {
		if strings.Contains(said, thing) {
			return thing, true
		}
	}
	return "", false
}

// requestButton is the menu choice that makes a request, for the requests
// worth offering after an answer.
func requestButton(in intent) (Choice, bool) {
	switch in {
	case intentApply:
		return menu("応募する"), true
	case intentHuman:
		return menu("担当者と話す"), true
	case intentStatus:
		return menu("応募状況"), true
	case intentForget:
		return menu("個人情報を削除"), true
	case intentSession:
		return menu("説明会の予約"), true
	case intentInterview:
		return menu("面談の予約"), true
	case intentBookings:
		return menu("予約の確認"), true
	case intentReschedule:
		return menu("日程を変更"), true
	case intentCancelBooking:
		return menu("予約をキャンセル"), true
	}
	return Choice{}, false
}

// greet says what the bot can do.
func (t *turn) greet() {
	t.say(msgGreeting, menuChoices()...)
}

func menuChoices() []Choice {
	return []Choice{menu("よくある質問"), menu("応募する"), menu("応募状況"), menu(MenuBooking), menu("担当者と話す")}
}

// MenuBooking is the menu entry that shows the open 説明会 (and, for an
// applicant, the interview slots); the rich menu and App Home use it with
// MenuPostback(MenuBooking).
const MenuBooking = "説明会・面談の予約"

// menu is a choice that is valid at any time.
func menu(text string) Choice {
	return Choice{Label: text, Text: text, Postback: MenuPostback(text)}
}

// faqMenu lists one question of each category as choices.
func (t *turn) faqMenu() {
	seen := map[string]bool{}
	var choices []Choice
	for _, f := range t.e.answerer.FAQs() {
		if seen[f.Category] || len(choices) == 12 {
			continue
		}
		seen[f.Category] = true
		choices = append(choices, faqChoice(f, 0))
	}
	t.say(msgFAQMenu, choices...)
}

// status tells the candidate where their application stands.
func (t *turn) status() {
	if t.conv.InForm() {
		t.say(msgStatusInForm)
		t.reask()
		return
	}
	a, ok := t.latestApplication()
	if !ok {
		if t.err == nil {
			t.say(msgNoApplication, menu("応募する"))
		}
		return
	}
	t.say(statusText(a))
}

func (t *turn) latestApplication() (Application, bool) {
	c, err := t.tx.Candidate(t.ctx, t.in.Key)
	if errors.Is(err, ErrNotFound) {
		return Application{}, false
	}
	if err != nil {
		t.fail(err)
		return Application{}, false
	}
	a, err := t.tx.LatestApplication(t.ctx, c.ID)
	if err != nil && !errors.Is(err, ErrNotFound) {
		t.fail(err)
	}
	return a, err == nil
}

// handoff connects the user to a person when someone answers handoffs
// (see openHandoff and Notify.Handoffs); otherwise it records the request
// and tells the user.
func (t *turn) handoff(reason HandoffReason, question string) {
	t.conv.Misses = 0
	if t.e.notify.Handoffs() {
		t.openHandoff(reason, question)
		return
	}
	h := &Handoff{Key: t.in.Key, Reason: reason, Question: question, Status: HandoffRequested, CreatedAt: t.now}
	t.fail(t.tx.RecordHandoff(t.ctx, h))
	t.say(msgHandoff)
}

// truncate shortens s to at most n characters, marking the cut with "…".
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
