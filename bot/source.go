package bot

import "time"

// SourceKind says what brought students: an info session, a school, a
// poster, a web page.
type SourceKind string

// The kinds of sources.
const (
	SourceSession SourceKind = "session" // 説明会
	SourceSchool  SourceKind = "school"  // 学校
	SourcePoster  SourceKind = "poster"  // ポスター
	SourceWeb     SourceKind = "web"     // Web
)

// SourceKinds lists the kinds, for forms and filters.
func SourceKinds() []SourceKind {
	return []SourceKind{SourceSession, SourceSchool, SourcePoster, SourceWeb}
}

// Label names the kind in Japanese.
func (k SourceKind) Label() string {
	switch k {
	case SourceSession:
		return "説明会"
	case SourceSchool:
		return "学校"
	case SourcePoster:
		return "ポスター"
	case SourceWeb:
		return "Web"
	}
	return string(k)
}

// Valid reports whether k is a known kind.
func (k SourceKind) Valid() bool { return k.Label() != string(k) }

// Source is where students come from: staff create one per info session,
// school, poster or page, and hand out its code as a QR code or link. A
// student who sends the code (「#K0612 説明会から来ました」 on LINE, ?src=K0612
// on the web chat) is tagged with the source and gets its welcome message.
type Source struct {
	ID        int64
	Code      string // unique: one capital letter and four digits, e.g. K0612 (sent as #K0612)
	Name      string // e.g. 北見工業大学 12月説明会
	Kind      SourceKind
	Welcome   string // sent when a student arrives with the code; empty: the usual greeting
	Disabled  bool   // the code is no longer recognised
	CreatedBy string // actor
	CreatedAt time.Time
	UpdatedAt time.Time
}

// CandidateSource is one arrival of a student with a source's code; the
// first one is the student's source, later ones are recorded too.
type CandidateSource struct {
	SourceID int64
	Key      UserKey
	First    bool
	At       time.Time
}
