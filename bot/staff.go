package bot

import (
	"strconv"
	"strings"
	"time"
)

// StaffRole is what a staff account may do on the admin page.
type StaffRole string

// The roles of staff accounts.
const (
	RoleAdmin     StaffRole = "admin"     // 管理者: accounts, settings, everything
	RoleRecruiter StaffRole = "recruiter" // 採用担当: applications, conversations, events, FAQ
	RoleViewer    StaffRole = "viewer"    // 閲覧: reads, changes nothing
)

// StaffRoles lists the roles, most powerful first (for forms).
func StaffRoles() []StaffRole { return []StaffRole{RoleAdmin, RoleRecruiter, RoleViewer} }

// Valid reports whether r is a known role.
func (r StaffRole) Valid() bool { return r == RoleAdmin || r == RoleRecruiter || r == RoleViewer }

// Label names the role for staff.
func (r StaffRole) Label() string {
	switch r {
	case RoleAdmin:
		return "管理者"
	case RoleRecruiter:
		return "採用担当"
	case RoleViewer:
		return "閲覧"
	}
	return string(r)
}

// CanChange reports whether the role may change anything (answer, edit,
// change a status).
func (r StaffRole) CanChange() bool { return r == RoleAdmin || r == RoleRecruiter }

// CanManageStaff reports whether the role may manage staff accounts.
func (r StaffRole) CanManageStaff() bool { return r == RoleAdmin }

// Staff is a staff member's account on the admin page.
type Staff struct {
	ID          int64
	Email       string // the login, stored in lower case
	Name        string
	Role        StaffRole
	SlackUserID string // links their Slack actions to this account (optional)
	NotifyEmail bool   // wants new applications and handoffs by e-mail when Slack is off
	Disabled    bool
	CreatedAt   time.Time
}

// StaffActorPrefix starts the actor string of a staff account in audit
// trails ("staff:12"); Slack actions record the Slack user id, the
// break-glass password "admin".
const StaffActorPrefix = "staff:"

// Actor is how the audit trails record an action of s.
func (s Staff) Actor() string { return StaffActorPrefix + strconv.FormatInt(s.ID, 10) }

// StaffIDOfActor returns the account id of an actor string of a staff
// account, and false for any other actor.
func StaffIDOfActor(actor string) (int64, bool) {
	rest, ok := strings.CutPrefix(actor, StaffActorPrefix)
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseInt(rest, 10, 64)
	return id, err == nil && id > 0
}
