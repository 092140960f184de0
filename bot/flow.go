package bot

import (
	"errors"
	"strconv"

	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/jpinput"
)

// startApplication begins the form with the consent step, unless the
// candidate already has an application in progress.
func (t *turn) startApplication() {
	if a, ok := t.latestApplication(); ok && a.Status.Active() {
		t.say(alreadyAppliedText(a), menu("応募状況"))
		return
	}
	if t.err != nil {
		return
	}
	t.conv.Mode, t.conv.Misses = ModeConsent, 0
	t.reask()
}

// consent takes the answer to the consent question.
func (t *turn) consent(text string) {
	switch answerIntent(text) {
	case intentYes:
		c, err := t.tx.Candidate(t.ctx, t.in.Key)
		if err != nil && !errors.Is(err, ErrNotFound) {
			t.fail(err)
			return
		}
		c.Key, c.ConsentAt = t.in.Key, t.now
		if t.in.DisplayName != "" {
			c.DisplayName = t.in.DisplayName
		}
		t.fail(t.tx.SaveCandidate(t.ctx, &c))
		t.conv.Mode, t.conv.Step, t.conv.Answers = ModeForm, form[0].Field, map[Field]string{}
		t.say(msgConsentThanks)
		t.reask()
	case intentNo, intentCancel:
		t.conv = Conversation{Key: t.in.Key, Version: t.conv.Version}
		t.say(msgConsentDeclined, menuChoices()...)
	case intentHelp:
		t.say(msgFormHelp)
		t.reask()
	default:
		if !t.interruption(text) {
			t.say(msgChooseConsent)
			t.reask()
		}
	}
}

// answer takes the answer to the current field (in the form or when fixing
// one field from the summary).
func (t *turn) answer(text string) {
	spec, i := specOf(t.conv.Step)
	if i < 0 {
		t.conv.Mode = ModeConfirm
		t.reask()
		return
	}
	if t.control(text, spec, i) || t.interruption(text) {
		return
	}
	v, err := spec.Parse(text, t.now)
	if err != nil {
		var bad *jpinput.InvalidInputError
		if !errors.As(err, &bad) {
			t.fail(err)
			return
		}
		t.say(bad.Message)
		t.reask()
		return
	}
	t.setAnswer(spec, i, v)
}

// choiceAnswer reports whether text answers the current form question
// with one of its choices (「相談したい」 at the 北見勤務 step is an answer,
// not a request for a person).
func (t *turn) choiceAnswer(text string) bool {
	if t.conv.Mode != ModeForm && t.conv.Mode != ModeFix {
		return false
	}
	spec, i := specOf(t.conv.Step)
	if i < 0 || len(spec.Choices) == 0 || spec.Field == FieldSchool {
		return false
	}
	_, err := spec.Parse(text, t.now)
	return err == nil
}

// control handles 戻る, やめる, スキップ and ヘルプ inside the form. Choice
// fields take their own answers first (「なし」 is an answer there).
func (t *turn) control(text string, spec fieldSpec, i int) bool {
	if t.choiceAnswer(text) {
		return false
	}
	r := t.requestRead(text)
	in := madeIntent(r)
	if r.intent == intentCancel && r.mood == faq.Hedged {
		in = intentCancel // it asks before anything is thrown away
	}
	switch in {
	case intentBack:
		t.back(i)
	case intentCancel:
		t.conv.Resume, t.conv.Mode = t.conv.Mode, ModeCancel
		t.reask()
	case intentSkip:
		if !spec.Optional {
			t.say(msgRequired)
			t.reask()
			return true
		}
		t.setAnswer(spec, i, "")
	case intentHelp:
		t.say(msgFormHelp)
		t.reask()
	case intentStatus:
		t.say(msgStatusInForm)
		t.reask()
	case intentForget:
		t.askForget()
	case intentBroadcastOff, intentBroadcastOn:
		t.broadcast(in == intentBroadcastOff)
		t.reask()
	case intentHuman:
		t.handoff("requested", "")
		t.reask()
	case intentBookings:
		t.myBookings()
		t.reask()
	case intentCancelBooking:
		t.askWhichBooking("cancel") // the form waits, and is asked again afterwards
	case intentSession, intentInterview, intentReschedule:
		t.say(msgBookAfterForm)
		t.reask()
	default:
		return false
	}
	return true
}

// back goes to the previous question (from a fix: back to the summary).
func (t *turn) back(i int) {
	switch {
	case t.conv.Mode == ModeFix:
		t.conv.Mode = ModeConfirm
	case i == 0:
		t.say(msgFirstQuestion)
	default:
		t.conv.Step = form[i-1].Field
	}
	t.reask()
}

// setAnswer keeps an answer in the conversation and moves on: to the next field, or to the summary.
func (t *turn) setAnswer(spec fieldSpec, i int, v string) {
	if t.conv.Answers == nil {
		t.conv.Answers = map[Field]string{}
	}
	t.conv.Answers[spec.Field] = v
	if t.conv.Mode == ModeFix || i == len(form)-1 {
		t.conv.Mode = ModeConfirm
	} else {
		t.conv.Step = form[i+1].Field
	}
	t.reask()
}

// interruption answers an FAQ question asked in the middle of the form and
// asks the current question again. It reports whether text was taken as a
// question. A clear question (「…ですか？」) is never taken as an answer,
// even when the FAQ cannot answer it, except as the free-text motivation.
func (t *turn) interruption(text string) bool {
	if !looksLikeQuestion(text) {
		return false
	}
	m := t.e.answerer.Index().Match(text)
	if m.Outcome == faq.Answered || isClearQuestion(text) && t.conv.Step != FieldMotivation {
		t.matchCounted(text) // counted only when taken as a question
	}
	switch {
	case m.Outcome == faq.Answered:
		t.answerEntry(m.Candidates[0].FAQ)
	case !isClearQuestion(text) || t.conv.Step == FieldMotivation:
		return false
	case m.Outcome == faq.Ambiguous:
		t.offer(m, 0)
	case m.Outcome == faq.Suggested:
		t.offer(m, t.recordMiss(text, m.Normalized))
	default:
		t.recordMiss(text, m.Normalized)
		t.say(msgFallbackInForm)
	}
	t.reask()
	return true
}

// confirm takes the answer to the summary.
func (t *turn) confirm(text string) {
	k, in := commandKey(text), answerIntent(text)
	switch {
	case k == commandKey("この内容で応募する") || in == intentApply || in == intentYes:
		t.submit()
	case k == commandKey("修正する") || k == commandKey("修正") || in == intentNo:
		t.conv.Mode = ModePickFix // 「その内容じゃないです」: something is to be fixed
		t.reask()
	case in == intentCancel:
		t.conv.Resume, t.conv.Mode = ModeConfirm, ModeCancel
		t.reask()
	case in == intentBack:
		t.conv.Mode, t.conv.Step = ModeForm, form[len(form)-1].Field
		t.reask()
	default:
		if !t.interruption(text) {
			t.say(msgChooseConfirm)
			t.reask()
		}
	}
}

// pickFix takes the field to fix.
func (t *turn) pickFix(text string) {
	k := commandKey(text)
	for _, s := range form {
		if k == commandKey(s.Label) {
			t.conv.Mode, t.conv.Step = ModeFix, s.Field
			t.reask()
			return
		}
	}
	if i := detectIntent(text); i == intentBack || i == intentCancel || i == intentNo {
		t.conv.Mode = ModeConfirm
		t.reask()
		return
	}
	t.say(msgChooseField)
	t.reask()
}

// cancel takes the answer to "really abandon the form?".
func (t *turn) cancel(text string) {
	switch answerIntent(text) {
	case intentYes, intentCancel:
		t.conv = Conversation{Key: t.in.Key, Version: t.conv.Version}
		t.say(msgCancelled, menuChoices()...)
	case intentNo, intentBack:
		t.conv.Mode, t.conv.Resume = t.conv.Resume, ModeIdle
		t.reask()
	default:
		t.say(msgChooseCancel)
		t.reask()
	}
}

// stepMarker names where the conversation is, for postback staleness checks.
func (t *turn) stepMarker() string {
	if t.conv.Mode == ModeForm || t.conv.Mode == ModeFix {
		return string(t.conv.Mode) + "." + string(t.conv.Step)
	}
	return string(t.conv.Mode)
}

// formChoice is a choice valid only at the current step and version.
func (t *turn) formChoice(label, text string) Choice {
	return Choice{Label: truncate(label, 20), Text: text,
		Postback: postback{Text: text, Step: t.stepMarker(), Version: t.conv.Version + 1}.encode()}
}

// formChoices turns texts into choices valid at the current step.
func (t *turn) formChoices(texts ...string) []Choice {
	out := make([]Choice, 0, len(texts))
	for _, s := range texts {
		out = append(out, t.formChoice(s, s))
	}
	return out
}

// reask asks the question of the current step again (or says nothing in idle).
func (t *turn) reask() {
	switch t.conv.Mode {
	case ModeConsent:
		t.say(msgConsent, t.formChoices("同意する", "同意しない")...)
	case ModeForm, ModeFix:
		t.askField()
	case ModeConfirm:
		t.out = append(t.out, Reply{Summary: t.summary()})
	case ModePickFix:
		labels := make([]string, 0, len(form)+1)
		for _, s := range form {
			labels = append(labels, s.Label)
		}
		t.say(msgPickFix, t.formChoices(append(labels, "戻る")...)...)
	case ModeCancel:
		t.say(msgConfirmCancel, t.formChoice("はい、やめる", "はい"), t.formChoice("いいえ、続ける", "いいえ"))
	case ModeForget:
		t.say(msgConfirmForget, t.formChoice("はい、削除する", "はい"), t.formChoice("いいえ", "いいえ"))
	default:
		t.reaskBooking()
	}
}

// askField asks the current field's question with its choices.
func (t *turn) askField() {
	spec, i := specOf(t.conv.Step)
	texts := append([]string{}, spec.Choices...)
	if spec.Optional {
		texts = append(texts, "スキップ")
	}
	texts = append(texts, "戻る", "やめる")
	prefix := "（" + strconv.Itoa(i+1) + "/" + strconv.Itoa(len(form)) + "）"
	if t.conv.Mode == ModeFix {
		prefix = "【" + spec.Label + "の修正】"
	}
	t.say(prefix+spec.Prompt, t.formChoices(texts...)...)
}
