package bot

import "time"

// Status is where an application stands in the selection.
type Status string

// The statuses of an application, in the order the selection moves.
const (
	StatusSubmitted Status = "submitted" // received, not yet looked at
	StatusScreening Status = "screening" // 書類選考中
	StatusInterview Status = "interview" // 面談調整
	StatusOffer     Status = "offer"     // 内定
	StatusDeclined  Status = "declined"  // 見送り
	StatusWithdrawn Status = "withdrawn" // withdrawn by the candidate
)

// Statuses lists every status in selection order.
var Statuses = []Status{StatusSubmitted, StatusScreening, StatusInterview, StatusOffer, StatusDeclined, StatusWithdrawn}

var statusLabels = map[Status]string{
	StatusSubmitted: "応募受付",
	StatusScreening: "書類選考中",
	StatusInterview: "面談調整中",
	StatusOffer:     "内定",
	StatusDeclined:  "見送り",
	StatusWithdrawn: "辞退",
}

// Label is the status in Japanese, as shown to candidates and staff.
func (s Status) Label() string {
	if l, ok := statusLabels[s]; ok {
		return l
	}
	return string(s)
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	_, ok := statusLabels[s]
	return ok
}

// Active reports whether an application in this status is still in progress;
// a candidate may have only one active application.
func (s Status) Active() bool {
	return s != StatusDeclined && s != StatusWithdrawn
}

// Application is a submitted application with the form's answers,
// normalised as stored.
type Application struct {
	ID           int64
	Ref          string // readable reference number, e.g. SK-2026-0001
	CandidateID  int64
	Key          UserKey
	Name         string // 氏名
	Kana         string // フリガナ (katakana)
	School       string // 学校名
	Department   string // 学部・学科
	Graduation   string // 卒業（予定）年月, YYYY-MM
	Email        string
	Phone        string // national digits, e.g. 09012345678
	KitamiWish   string // 北見での勤務を希望しますか: はい / いいえ / 相談したい
	ITExperience string // なし / 授業で少し / 個人開発やインターンあり
	Motivation   string // 志望動機・質問 (optional)
	Status       Status
	SlackChannel string // where the recruiters' notice was posted
	SlackTS      string // the notice's message ts, for updates
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// ApplicationEvent is one entry of an application's audit trail.
type ApplicationEvent struct {
	ID            int64
	ApplicationID int64
	Actor         string // who: "candidate", a Slack user id, "admin"
	Action        string // what: "submitted", "status"
	From, To      string // the value before and after, for status changes
	At            time.Time
}

// ApplicationFilter selects applications for listing and export.
type ApplicationFilter struct {
	Status  Status  // empty for all
	Channel Channel // the channel the candidate applied on, empty for all
	Query   string  // matches reference, name, kana, school, email (empty for all)
	Limit   int     // 0 for no limit
}
