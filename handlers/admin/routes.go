package admin

import (
	"net/http"

	"github.com/sakemodel/sakebot/bot"
)

// routes returns every route of the page, in one place. Pages need a
// session; handlers that change something also need the session's CSRF
// token and a role that may change things (own: what any staff member may
// do to their own session and password; manage: accounts, 管理者 only). Every response gets the security headers; a target that is no
// UTF-8 or holds control characters or dot segments gets 400, and
// cross-origin posts are refused, before anything else runs.
func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	page := func(pattern string, h pageFunc) { mux.Handle(pattern, s.requireSession(h)) }
	own := func(pattern string, h pageFunc) { mux.Handle(pattern, s.requireSession(s.requireCSRF(h))) }
	change := func(pattern string, h pageFunc) { own(pattern, s.requireRole(bot.StaffRole.CanChange, h)) }
	managePage := func(pattern string, h pageFunc) { page(pattern, s.requireRole(bot.StaffRole.CanManageStaff, h)) }
	manage := func(pattern string, h pageFunc) { own(pattern, s.requireRole(bot.StaffRole.CanManageStaff, h)) }

	mux.Handle("GET "+staticPrefix, s.staticHandler())
	mux.HandleFunc("GET /admin/login", s.loginPage)
	mux.HandleFunc("POST /admin/login", s.login)
	own("POST /admin/logout", s.logout)
	page("GET /admin/account", s.accountPage)
	own("POST /admin/account/password", s.accountPassword)

	managePage("GET /admin/audit", s.auditLog)
	managePage("GET /admin/staff", s.staffList)
	manage("POST /admin/staff", s.staffCreate)
	managePage("GET /admin/staff/{id}", s.staffEdit)
	manage("POST /admin/staff/{id}", s.staffUpdate)
	manage("POST /admin/staff/{id}/password", s.staffResetPassword)

	page("GET /admin/{$}", s.dashboard)

	page("GET /admin/faqs", s.faqList)
	page("GET /admin/faqs/new", s.faqNew)
	change("POST /admin/faqs", s.faqCreate)
	page("GET /admin/faqs/{id}/edit", s.faqEdit)
	change("POST /admin/faqs/{id}/edit", s.faqUpdate)
	change("POST /admin/faqs/{id}/enabled", s.faqSetEnabled)
	page("GET /admin/faqs/{id}/delete", s.faqDeleteConfirm)
	change("POST /admin/faqs/{id}/delete", s.faqDelete)
	page("GET /admin/faqs/export.yaml", s.faqExport)
	page("GET /admin/faqs/import", s.faqImportPage)
	change("POST /admin/faqs/import", s.faqImport)

	page("GET /admin/concepts", s.conceptList)
	page("GET /admin/concepts/new", s.conceptNew)
	page("GET /admin/concepts/edit", s.conceptEdit)
	change("POST /admin/concepts", s.conceptSave)
	page("GET /admin/concepts/delete", s.conceptDeleteConfirm)
	change("POST /admin/concepts/delete", s.conceptDelete)

	page("GET /admin/misses", s.missList)
	change("POST /admin/misses/{id}/dismiss", s.missDismiss)
	page("GET /admin/misses/{id}/attach", s.missAttachPage)
	change("POST /admin/misses/{id}/attach", s.missAttach)
	change("POST /admin/misses/{id}/phrasing", s.missPhrasing)

	page("GET /admin/applications", s.applicationList)
	page("GET /admin/applications.csv", s.applicationCSV)
	page("GET /admin/applications/{id}", s.applicationDetail)
	change("POST /admin/applications/{id}/status", s.applicationSetStatus)
	change("POST /admin/applications/{id}/forget", s.applicationForget)

	page("GET /admin/inbox", s.inboxList)
	page("GET /admin/inbox/live", s.inboxLive)
	page("GET /admin/inbox/{id}", s.inboxConversation)
	page("GET /admin/inbox/{id}/live", s.inboxConversationLive)
	change("POST /admin/inbox/{id}/reply", s.inboxReply)
	change("POST /admin/inbox/{id}/close", s.inboxClose)

	page("GET /admin/events", s.eventList)
	page("GET /admin/events/new", s.eventNew)
	change("POST /admin/events", s.eventCreate)
	page("GET /admin/events/{id}", s.eventPage)
	page("GET /admin/events/{id}/edit", s.eventEdit)
	change("POST /admin/events/{id}/edit", s.eventUpdate)
	change("POST /admin/events/{id}/state", s.eventSetState)
	page("GET /admin/events/{id}/cancel", s.eventCancelConfirm)
	change("POST /admin/events/{id}/cancel", s.eventCancel)
	change("POST /admin/bookings/{id}/attendance", s.bookingAttendance)
	manage("POST /admin/calendar/rotate", s.calendarRotate)

	page("GET /admin/sources", s.sourceList)
	page("GET /admin/sources.csv", s.sourceCSV)
	page("GET /admin/sources/new", s.sourceNew)
	change("POST /admin/sources", s.sourceCreate)
	page("GET /admin/sources/{id}", s.sourcePage)
	page("GET /admin/sources/{id}/qr.png", s.sourceQRPNG)
	page("GET /admin/sources/{id}/qr.svg", s.sourceQRSVG)
	page("GET /admin/sources/{id}/edit", s.sourceEdit)
	change("POST /admin/sources/{id}/edit", s.sourceUpdate)
	change("POST /admin/sources/{id}/disabled", s.sourceSetDisabled)

	page("GET /admin/segments", s.segmentList)
	page("GET /admin/segments/new", s.segmentNew)
	change("POST /admin/segments", s.segmentCreate)
	page("GET /admin/segments/{id}/edit", s.segmentEdit)
	change("POST /admin/segments/{id}/edit", s.segmentUpdate)
	page("GET /admin/broadcasts", s.broadcastList)
	page("GET /admin/broadcasts/new", s.broadcastNew)
	change("POST /admin/broadcasts", s.broadcastCreate)
	page("GET /admin/broadcasts/{id}", s.broadcastPage)
	page("GET /admin/broadcasts/{id}/edit", s.broadcastEdit)
	change("POST /admin/broadcasts/{id}/edit", s.broadcastUpdate)
	change("POST /admin/broadcasts/{id}/test", s.broadcastTest)
	change("POST /admin/broadcasts/{id}/send", s.broadcastSend)
	change("POST /admin/broadcasts/{id}/cancel", s.broadcastCancel)
	page("GET /admin/rules", s.ruleList)
	page("GET /admin/rules/new", s.ruleNew)
	change("POST /admin/rules", s.ruleCreate)
	page("GET /admin/rules/{id}/edit", s.ruleEdit)
	change("POST /admin/rules/{id}/edit", s.ruleUpdate)
	change("POST /admin/rules/{id}/enabled", s.ruleSetEnabled)

	page("/admin/", s.notFound)

	return securityHeaders(s.saneTargets(http.NewCrossOriginProtection().Handler(mux)))
}
