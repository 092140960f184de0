package bot

import (
	"time"

	"github.com/sakemodel/sakebot/jpinput"
)

// DefaultHandoffTimeout is how long an open handoff lasts without a
// message either way when Notify leaves HandoffTimeout zero.
const DefaultHandoffTimeout = 24 * time.Hour

// Notify is where recruiters work: a channel (Slack) and an address on it
// (a Slack channel id), and the admin page's inbox. New applications are
// posted to the channel, and handoffs become threads there (by e-mail,
// ChannelEmail, only new applications and handoff requests are sent: the
// deliveries of other kinds are nothing to send there); with Inbox,
// staff answer handoffs on the admin page too (or only there, without a
// channel). The zero value turns everything off: applications are only
// stored, and a request for a person is only recorded.
type Notify struct {
	Channel Channel // whose Sender posts to recruiters: ChannelSlack or ChannelEmail
	To      string  // the address on it: a Slack channel id ("staff" for e-mail, whose Sender finds the recipients)
	// Inbox says staff answer handoffs in the admin page's inbox
	// (対応中の会話): handoffs open even without a channel.
	Inbox bool
	// HandoffTimeout closes an open handoff after this long without a
	// message either way; zero means DefaultHandoffTimeout.
	HandoffTimeout time.Duration
}

// On reports whether recruiters are notified in a channel (Slack, e-mail).
func (n Notify) On() bool { return n.Channel != "" && n.To != "" }

// Handoffs reports whether someone answers a candidate who asks for a
// person (recruiters in the channel, staff in the admin page's inbox), so
// that a handoff opens rather than being only recorded.
func (n Notify) Handoffs() bool { return n.On() || n.Inbox }

// Key is the outbox key of the deliveries to recruiters: one queue, so
// they leave one at a time and in order (Slack allows about one message a
// second in a channel).
func (n Notify) Key() UserKey { return UserKey{Channel: n.Channel, UserID: n.To} }

// withDefaults fills in the defaults of n.
func (n Notify) withDefaults() Notify {
	if n.HandoffTimeout <= 0 {
		n.HandoffTimeout = DefaultHandoffTimeout
	}
	return n
}

// Notify returns where recruiters are notified.
func (e *Engine) Notify() Notify { return e.notify }

// notice queues a delivery to recruiters about the record ref, in the
// turn's transaction; nothing when notifying is off.
func (t *turn) notice(kind DeliveryKind, ref int64, replies ...Reply) {
	if !t.e.notify.On() {
		return
	}
	t.fail(enqueueNotice(t, kind, ref, replies...))
}

// enqueueNotice queues a delivery to recruiters in tx.
func enqueueNotice(t *turn, kind DeliveryKind, ref int64, replies ...Reply) error {
	n := t.e.notify
	return t.tx.Enqueue(t.ctx, &Delivery{Kind: kind, Key: n.Key(), To: n.To, Ref: ref, EventAt: t.now, Replies: replies})
}

// NoticeFields are the labelled answers of an application as recruiters
// see them, in the form's order (empty optional answers show as （なし）).
func NoticeFields(a Application) []SummaryField {
	values := map[Field]string{
		FieldName: a.Name, FieldKana: a.Kana, FieldSchool: a.School, FieldDepartment: a.Department,
		FieldGraduation: GraduationLabel(a.Graduation), FieldEmail: a.Email, FieldPhone: jpinput.FormatPhone(a.Phone),
		FieldKitamiWish: a.KitamiWish, FieldITExperience: a.ITExperience, FieldMotivation: a.Motivation,
	}
	out := make([]SummaryField, 0, len(form))
	for _, f := range form {
		v := values[f.Field]
		if v == "" {
			v = "（なし）"
		}
		out = append(out, SummaryField{Label: f.Label, Value: v})
	}
	return out
}

// FieldLabel is the form's label of a field, e.g. 氏名.
func FieldLabel(f Field) string {
	if s, i := specOf(f); i >= 0 {
		return s.Label
	}
	return string(f)
}
