package bot

import (
	"crypto/sha1"
	"fmt"
	"strings"
	"time"

	"github.com/sakemodel/sakebot/jpinput"
)

// BroadcastState is where a broadcast is in its life.
type BroadcastState string

// The states of a broadcast.
const (
	BroadcastDraft     BroadcastState = "draft"     // being written; may be edited and tested
	BroadcastScheduled BroadcastState = "scheduled" // goes at SendAt
	BroadcastSending   BroadcastState = "sending"   // its messages are being queued
	BroadcastSent      BroadcastState = "sent"      // every student of the segment was queued once
	BroadcastHeld      BroadcastState = "held"      // not started: it needs more LINE pushes than the month has left
	BroadcastCancelled BroadcastState = "cancelled" // cancelled before it started
)

// Label names the state in Japanese.
func (s BroadcastState) Label() string {
	switch s {
	case BroadcastDraft:
		return "下書き"
	case BroadcastScheduled:
		return "予約済み"
	case BroadcastSending:
		return "送信中"
	case BroadcastSent:
		return "送信済み"
	case BroadcastHeld:
		return "保留（LINEの送信数の上限）"
	case BroadcastCancelled:
		return "中止"
	}
	return string(s)
}

// ButtonKind is a quick-reply button an announcement may carry.
type ButtonKind string

// The buttons of an announcement: each starts what the rich menu does.
const (
	ButtonBooking ButtonKind = "booking" // 説明会・面談の予約: shows the open slots
	ButtonApply   ButtonKind = "apply"   // 応募する: starts the form
	ButtonPerson  ButtonKind = "person"  // 担当者と話す
)

// ButtonKinds lists the buttons, for forms.
func ButtonKinds() []ButtonKind { return []ButtonKind{ButtonBooking, ButtonApply, ButtonPerson} }

// choice is the button as the student sees it.
func (k ButtonKind) choice() (Choice, bool) {
	switch k {
	case ButtonBooking:
		return menu(MenuBooking), true
	case ButtonApply:
		return menu("応募する"), true
	case ButtonPerson:
		return menu("担当者と話す"), true
	}
	return Choice{}, false
}

// Label is the button's text.
func (k ButtonKind) Label() string {
	c, ok := k.choice()
	if !ok {
		return string(k)
	}
	return c.Label
}

// Announcement is what a broadcast or an automatic message says: a text
// and optional buttons.
type Announcement struct {
	Text    string
	Buttons []ButtonKind
}

// MaxAnnouncementText bounds an announcement's text, in characters, so
// that it and the 配信停止 line fit in one LINE text message (5,000).
const MaxAnnouncementText = 2000

// msgStopFooter ends every announcement: how to stop them.
const msgStopFooter = "\n\n※お知らせの配信を止めたい場合は「配信停止」とお送りください。"

// Reply is the announcement as it is sent: the text, the line saying how
// to stop announcements, and the buttons.
func (a Announcement) Reply() Reply {
	r := Reply{Text: a.Text + msgStopFooter}
	for _, k := range a.Buttons {
		if c, ok := k.choice(); ok {
			r.Choices = append(r.Choices, c)
		}
	}
	return r
}

// validate adds the announcement's problems to f.
func (a Announcement) validate(f map[string]string) {
	checkStaffText(f, "text", "本文", a.Text, MaxAnnouncementText)
	for _, k := range a.Buttons {
		if _, ok := k.choice(); !ok {
			f["buttons"] = "ボタンは一覧から選んでください。"
		}
	}
}

// clean tidies the announcement staff typed.
func (a *Announcement) clean() {
	a.Text = cleanMultiline(a.Text)
	a.Buttons = uniq(a.Buttons)
}

// Broadcast is a message staff send once to the students of a segment,
// now or at a time they choose. Its deliveries go through the outbox,
// each student exactly once.
type Broadcast struct {
	ID        int64
	Title     string // for staff; not sent
	Message   Announcement
	SegmentID int64
	State     BroadcastState
	SendAt    time.Time // when it goes (scheduled); zero for a draft
	// QuotaAllowedBy is the 管理者 who allowed it to go beyond the LINE
	// pushes left this month; empty: it must fit.
	QuotaAllowedBy string
	Version        int // bumped by every change; a stale edit is refused
	CreatedBy      string
	CreatedAt      time.Time
	UpdatedAt      time.Time
	StartedAt      time.Time // when its messages began to be queued
	FinishedAt     time.Time // when the last was queued
}

// BroadcastStats is how a broadcast went: how many students it was queued
// to, how many messages are still waiting, sent or failed, and how many
// of its students wrote to the bot after it reached them.
type BroadcastStats struct {
	Recipients int
	Pending    int
	Sent       int
	Failed     int
	Replies    int
}

// MaxBroadcastTitle bounds a broadcast's title.
const MaxBroadcastTitle = 60

// CleanBroadcast tidies what staff typed.
func CleanBroadcast(b *Broadcast) {
	b.Title = oneLine(b.Title)
	b.Message.clean()
}

// ValidateBroadcast checks a broadcast as staff wrote it, the one
// validation every entry point uses; the error is an *OutreachError.
func ValidateBroadcast(b Broadcast) error {
	f := map[string]string{}
	checkStaffText(f, "title", "件名（管理用）", b.Title, MaxBroadcastTitle)
	if b.SegmentID <= 0 {
		f["segment"] = "送信先のセグメントを選んでください。"
	}
	b.Message.validate(f)
	if len(f) > 0 {
		return &OutreachError{Fields: f}
	}
	return nil
}

// RetryKey is the outbox retry key of the broadcast's message to the
// candidate: a UUID (as LINE's X-Line-Retry-Key must be), the same on
// every attempt and replica, so a retried push is shown once.
func (b Broadcast) RetryKey(candidateID int64) string {
	return nameUUID(fmt.Sprintf("sakebot broadcast %d %d %d", b.ID, b.CreatedAt.UnixMicro(), candidateID))
}

// nameUUID is the name-based (version 5 style, SHA-1) UUID of name.
func nameUUID(name string) string {
	sum := sha1.Sum([]byte(name))
	sum[6] = sum[6]&0x0f | 0x50 // version 5 (name-based, SHA-1)
	sum[8] = sum[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", sum[0:4], sum[4:6], sum[6:8], sum[8:10], sum[10:16])
}

// cleanMultiline tidies staff text of several lines: cleaned as other
// staff input, trailing spaces and surrounding blank lines removed.
func cleanMultiline(s string) string {
	lines := strings.Split(strings.ReplaceAll(jpinput.CleanText(s), "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t　")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
