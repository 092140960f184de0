package bot

import (
	"errors"
	"strings"
)

// maxRelayRunes bounds what one relayed message or remembered question keeps.
const maxRelayRunes = 2000

// backToBot is the choice that ends a handoff from the candidate's side.
func backToBot() Choice { return menu("ボットに戻る") }

// isBackToBot reports whether text asks to end the handoff.
func isBackToBot(text string) bool {
	switch commandKey(text) {
	case commandKey("ボットに戻る"), commandKey("ボットに戻す"), commandKey("ボットに戻りたい"),
		commandKey("会話を終了"), commandKey("終了"), commandKey("おわり"):
		return true
	}
	return false
}

// openHandoff starts a handoff: recruiters get a thread with the question
// and the candidate's last few questions, and the candidate is told a
// person will answer. A form in progress waits until the handoff ends.
func (t *turn) openHandoff(reason HandoffReason, question string) {
	recent, err := t.tx.TakeRecentQuestions(t.ctx, t.in.Key)
	if err != nil {
		t.fail(err)
		return
	}
	if question == "" && len(recent) > 0 {
		question = recent[len(recent)-1]
	}
	h := &Handoff{Key: t.in.Key, Reason: reason, Question: question, Recent: recent, Status: HandoffOpen,
		CreatedAt: t.now, LastAt: t.now}
	if err := t.tx.RecordHandoff(t.ctx, h); err != nil {
		t.fail(err)
		return
	}
	t.notice(DeliveryHandoffOpen, h.ID)
	t.e.log.InfoContext(t.ctx, "handoff opened", "handoff", h.ID, "reason", reason, "channel", string(t.in.Key.Channel))
	text := msgHandoffOpen
	if t.conv.InForm() {
		text += "\n" + msgHandoffPaused
	}
	t.say(text, backToBot())
}

// relayedToHandoff passes what the candidate says to staff while a
// handoff is open (kept in its conversation, and posted in its Slack
// thread when recruiters are notified there) and reports whether it did.
// An open handoff idle for longer than the timeout is closed first, and
// the message is answered as usual.
func (t *turn) relayedToHandoff() bool {
	if !t.e.notify.Handoffs() || t.in.Group {
		return false
	}
	switch t.in.Kind {
	case KindMessage, KindPostback, KindUnsupported:
	default:
		return false
	}
	h, err := t.tx.OpenHandoff(t.ctx, t.in.Key)
	if errors.Is(err, ErrNotFound) {
		return false
	}
	if err != nil {
		t.fail(err)
		return true
	}
	if t.now.Sub(h.LastAt) > t.e.notify.HandoffTimeout {
		if t.endHandoff(h, ClosedByTimeout) {
			t.say(msgHandoffTimeout)
		}
		return false
	}
	text := t.relayText()
	switch {
	case t.conv.Mode == ModeForget || detectIntent(text) == intentForget:
		return false // deleting their data is theirs to do at any time
	case isBackToBot(text):
		if t.endHandoff(h, ClosedByCandidate) {
			t.say(msgHandoffLeft, menuChoices()...)
			t.reask()
		}
		return true
	case detectIntent(text) == intentHuman:
		t.say(msgHandoffAlready, backToBot())
		return true
	}
	text = truncate(text, maxRelayRunes)
	t.fail(t.tx.TouchHandoff(t.ctx, h.ID, t.now))
	t.recordHandoffMessage(h.ID, FromCandidate, "", text)
	t.notice(DeliveryHandoffRelay, h.ID, Reply{Text: text})
	return true
}

// relayText is what the candidate said, as recruiters should read it.
func (t *turn) relayText() string {
	switch t.in.Kind {
	case KindUnsupported:
		return "（スタンプ・画像など、文字以外のメッセージが送られました）"
	case KindPostback:
		p := parsePostback(t.in.Postback)
		if p.FAQID != "" {
			for _, f := range t.e.answerer.FAQs() {
				if f.ID == p.FAQID {
					return f.Question
				}
			}
		}
		if p.Text != "" {
			return p.Text
		}
		return t.in.Text
	}
	return t.in.Text
}

// endHandoff closes h on behalf of by, keeps a line saying so in its
// conversation and tells recruiters; it reports whether this call closed
// it.
func (t *turn) endHandoff(h Handoff, by string) bool {
	closed, err := t.tx.CloseHandoff(t.ctx, h.ID, by, t.now)
	if err != nil {
		t.fail(err)
		return false
	}
	if closed {
		staff := by
		if by == ClosedByCandidate || by == ClosedByTimeout {
			staff = ""
		}
		t.recordHandoffMessage(h.ID, FromBot, staff, closeLine(by))
		t.notice(DeliveryHandoffClose, h.ID)
		t.e.log.InfoContext(t.ctx, "handoff closed", "handoff", h.ID, "by", closer(by))
	}
	return closed
}

// closer names who closed a handoff for the log: staff ids are not
// personal data of candidates, but a log needs no more than the kind.
func closer(by string) string {
	if by == ClosedByCandidate || by == ClosedByTimeout {
		return by
	}
	return "staff"
}

// remember keeps a question for a handoff that may follow, for the
// recruiters' Slack thread (the admin page's inbox shows the conversation
// from the handoff on). Only with Slack notices: it costs a write per
// question, which the inbox alone does not justify.
func (t *turn) remember(text string) {
	if !t.e.notify.On() || t.in.Group || strings.TrimSpace(text) == "" {
		return
	}
	t.fail(t.tx.RememberQuestion(t.ctx, t.in.Key, truncate(strings.TrimSpace(text), 500), t.now))
}
