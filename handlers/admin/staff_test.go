package admin_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/admin"
	passwords "github.com/sakemodel/sakebot/internal/password"
)

// staffPassword is the password of the accounts the tests create.
const staffPassword = "北見のサケ研修2026!"

// testHashCost is bcrypt's least cost: the tests sign in often.
const testHashCost = 4

// addStaff creates an account with staffPassword.
func (e *env) addStaff(email, name string, role bot.StaffRole) bot.Staff {
	e.t.Helper()
	hash, err := passwords.HashCost(staffPassword, testHashCost)
	if err != nil {
		e.t.Fatal(err)
	}
	st := bot.Staff{Email: email, Name: name, Role: role}
	if err := e.store.CreateStaff(context.Background(), &st, hash, "test"); err != nil {
		e.t.Fatal(err)
	}
	return st
}

// signIn signs a new browser in as the account of email.
func (e *env) signIn(email string) *http.Client {
	e.t.Helper()
	c := newClient(e.t)
	r := e.do(c, http.MethodPost, "/admin/login", url.Values{"email": {email}, "password": {staffPassword}}, nil)
	if r.StatusCode != http.StatusSeeOther {
		e.t.Fatalf("sign in as %s: %d\n%s", email, r.StatusCode, clip(r.Body))
	}
	return c
}

// csrfOf reads the CSRF token of c's session from the dashboard.
func (e *env) csrfOf(c *http.Client) string {
	e.t.Helper()
	m := csrfPattern.FindStringSubmatch(e.do(c, http.MethodGet, "/admin/", nil, nil).Body)
	if m == nil {
		e.t.Fatal("no CSRF token: not signed in")
	}
	return m[1]
}

// TestStaffSignInAndAuditByPerson: a 採用担当 signs in with their account,
// sees their name, and the history of an application they change names
// them; a Slack action by the Slack id linked to an account names the
// same person.
func TestStaffSignInAndAuditByPerson(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		sato := e.addStaff("sato@example.jp", "佐藤 花子", bot.RoleRecruiter)
		c := e.signIn("SATO@example.jp")
		if r := e.do(c, http.MethodGet, "/admin/", nil, nil); !strings.Contains(r.Body, "佐藤 花子（採用担当）") {
			t.Fatalf("the header does not say who is signed in:\n%s", clip(r.Body))
		}
		app := addApplication(t, e.store, "Uaudit", "北見 次郎", "志望動機")
		r := e.do(c, http.MethodPost, "/admin/applications/"+itoa(app.ID)+"/status",
			url.Values{"csrf": {e.csrfOf(c)}, "status": {string(bot.StatusScreening)}}, nil)
		wantRedirect(t, r, "/admin/applications/")
		events, err := e.store.ApplicationEvents(context.Background(), app.ID)
		if err != nil {
			t.Fatal(err)
		}
		if last := events[len(events)-1]; last.Actor != sato.Actor() {
			t.Fatalf("history records %q; want %q", last.Actor, sato.Actor())
		}
		if page := e.do(c, http.MethodGet, "/admin/applications/"+itoa(app.ID), nil, nil).Body; !strings.Contains(page, "佐藤 花子") {
			t.Errorf("the application's history does not name 佐藤 花子:\n%s", clip(page))
		}
	})
}

// routePattern finds the routes that change something in routes.go.
var routePattern = regexp.MustCompile(`(?m)^\s*(change|manage)\("POST ([^"]+)"`)

// TestViewerChangesNothing: a 閲覧 account is refused every route that
// changes something, route by route (read from routes.go, so a new route
// is covered), and nothing changes.
func TestViewerChangesNothing(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.addStaff("view@example.jp", "見る 太郎", bot.RoleViewer)
		c := e.signIn("view@example.jp")
		csrf := e.csrfOf(c)
		app := addApplication(t, e.store, "Uview", "北見 三郎", "志望動機")
		src, err := os.ReadFile("routes.go")
		if err != nil {
			t.Fatal(err)
		}
		routes := routePattern.FindAllStringSubmatch(string(src), -1)
		if len(routes) < 15 {
			t.Fatalf("found only %d changing routes in routes.go", len(routes))
		}
		ids := strings.NewReplacer("{id}", itoa(app.ID))
		for _, m := range routes {
			path := ids.Replace(m[2])
			r := e.do(c, http.MethodPost, path, url.Values{"csrf": {csrf}, "status": {"declined"}, "name": {"x"},
				"words": {"a\nb"}, "text": {"こんにちは"}, "password": {"another-password-123"}}, nil)
			if r.StatusCode != http.StatusForbidden || !strings.Contains(r.Body, "権限がありません") {
				t.Errorf("閲覧 POST %s = %d; want 403 with a message", m[2], r.StatusCode)
			}
		}
		got, err := e.store.Application(context.Background(), app.ID)
		if err != nil || got.Status != app.Status || got.Name != app.Name {
			t.Errorf("the application changed: %+v %v", got, err)
		}
		if r := e.do(c, http.MethodGet, "/admin/applications/"+itoa(app.ID), nil, nil); r.StatusCode != http.StatusOK {
			t.Errorf("閲覧 cannot read an application: %d", r.StatusCode)
		}
	})
}

// TestAccountsAreForAdmins: a 採用担当 cannot see or change accounts; a
// 管理者 adds one, which can sign in; disabling it ends its session at
// once; a reset password ends its sessions too.
func TestAccountsAreForAdmins(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.addStaff("boss@example.jp", "管理 一郎", bot.RoleAdmin)
		e.addStaff("rec@example.jp", "採用 二郎", bot.RoleRecruiter)
		rec := e.signIn("rec@example.jp")
		wantStatus(t, e.do(rec, http.MethodGet, "/admin/staff", nil, nil), http.StatusForbidden)
		boss := e.signIn("boss@example.jp")
		csrf := e.csrfOf(boss)
		r := e.do(boss, http.MethodPost, "/admin/staff", url.Values{"csrf": {csrf}, "email": {"new@example.jp"},
			"name": {"新人 三子"}, "role": {"recruiter"}, "password": {"short"}}, nil)
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, "12文字以上")
		r = e.do(boss, http.MethodPost, "/admin/staff", url.Values{"csrf": {csrf}, "email": {"new@example.jp"},
			"name": {"新人 三子"}, "role": {"recruiter"}, "password": {staffPassword}}, nil)
		wantRedirect(t, r, "/admin/staff")
		newbie := e.signIn("new@example.jp")
		st, _, err := e.store.StaffByEmail(context.Background(), "new@example.jp")
		if err != nil {
			t.Fatal(err)
		}
		r = e.do(boss, http.MethodPost, "/admin/staff/"+itoa(st.ID), url.Values{"csrf": {csrf}, "name": {"新人 三子"},
			"role": {"recruiter"}, "disabled": {"on"}}, nil)
		wantRedirect(t, r, "/admin/staff")
		wantRedirect(t, e.do(newbie, http.MethodGet, "/admin/", nil, nil), "/admin/login")
		if r := e.do(newClient(t), http.MethodPost, "/admin/login", url.Values{"email": {"new@example.jp"}, "password": {staffPassword}}, nil); r.StatusCode != http.StatusUnauthorized {
			t.Errorf("a disabled account signed in: %d", r.StatusCode)
		}
		rec2 := e.signIn("rec@example.jp")
		recID := mustStaff(t, e, "rec@example.jp").ID
		r = e.do(boss, http.MethodPost, "/admin/staff/"+itoa(recID)+"/password", url.Values{"csrf": {csrf}, "password": {"まったく新しいパスワード1"}}, nil)
		wantRedirect(t, r, "/admin/staff")
		for _, c := range []*http.Client{rec, rec2} {
			wantRedirect(t, e.do(c, http.MethodGet, "/admin/", nil, nil), "/admin/login")
		}
	})
}

func mustStaff(t *testing.T, e *env, email string) bot.Staff {
	t.Helper()
	st, _, err := e.store.StaffByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestOwnPasswordChangeEndsOtherSessions: changing one's password keeps
// this session and ends the others, on every replica (sessions live in
// the database); signing out ends the session everywhere too.
func TestOwnPasswordChangeEndsOtherSessions(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.addStaff("me@example.jp", "自分 花子", bot.RoleViewer)
		here, there := e.signIn("me@example.jp"), e.signIn("me@example.jp")
		r := e.do(here, http.MethodPost, "/admin/account/password", url.Values{"csrf": {e.csrfOf(here)},
			"current": {"wrong-password-12"}, "password": {"あたらしいパスワード1234"}}, nil)
		wantStatus(t, r, http.StatusUnauthorized)
		r = e.do(here, http.MethodPost, "/admin/account/password", url.Values{"csrf": {e.csrfOf(here)},
			"current": {staffPassword}, "password": {"あたらしいパスワード1234"}}, nil)
		wantRedirect(t, r, "/admin/account")
		wantStatus(t, e.do(here, http.MethodGet, "/admin/", nil, nil), http.StatusOK)
		wantRedirect(t, e.do(there, http.MethodGet, "/admin/", nil, nil), "/admin/login")
		other := e.replica()
		wantStatus(t, other.do(here, http.MethodGet, "/admin/", nil, nil), http.StatusOK)
		wantRedirect(t, e.do(here, http.MethodPost, "/admin/logout", url.Values{"csrf": {e.csrfOf(here)}}, nil), "/admin/login")
		wantRedirect(t, other.do(here, http.MethodGet, "/admin/", nil, nil), "/admin/login")
	})
}

// TestSignInSlowsDownPerAccount: wrong passwords for one account from
// many addresses (through a trusted proxy) slow that account down; the
// break-glass password works with the e-mail left empty only when set.
func TestSignInSlowsDownPerAccount(t *testing.T) {
	forEachEngineTrusting(t, []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128")}, func(t *testing.T, e *env) {
		e.addStaff("target@example.jp", "標的 太郎", bot.RoleAdmin)
		for i := range 6 {
			r := e.do(newClient(t), http.MethodPost, "/admin/login", url.Values{"email": {"target@example.jp"},
				"password": {"wrong-password-" + itoa(int64(i))}}, http.Header{"X-Forwarded-For": {"198.51.100." + itoa(int64(i))}})
			if i < 5 && r.StatusCode != http.StatusUnauthorized {
				t.Fatalf("try %d: %d", i, r.StatusCode)
			}
			if i == 5 && r.StatusCode != http.StatusTooManyRequests {
				t.Fatalf("the 6th wrong password for one account = %d; want 429", r.StatusCode)
			}
		}
		r := e.do(newClient(t), http.MethodPost, "/admin/login", url.Values{"email": {""}, "password": {password}},
			http.Header{"X-Forwarded-For": {"203.0.113.9"}})
		if r.StatusCode != http.StatusSeeOther {
			t.Errorf("break-glass sign-in = %d", r.StatusCode)
		}
		wantBody(t, e.get("/admin/login"), "緊急用の管理者パスワード")
	})
}

// replica is another admin page on e's database, as a second replica
// behind a load balancer (the browser's cookie goes to both: cookies do
// not depend on the port).
func (e *env) replica() *env {
	e.t.Helper()
	h, err := admin.New(admin.Config{Password: password, Store: e.store, Desk: e.engine, Answerer: e.engine.Answerer(),
		Now: e.clock.Now, PasswordCost: testHashCost})
	if err != nil {
		e.t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/admin/", h)
	r := *e
	r.srv = httptest.NewServer(mux)
	e.t.Cleanup(r.srv.Close)
	return &r
}

// TestAuditLogByPerson: a 管理者 reads the whole log, filtered by person:
// what 佐藤 did on the page and in Slack (her linked Slack id) shows under
// her name; a 採用担当 cannot open the log; the FAQ entry's page shows its
// own history with names.
func TestAuditLogByPerson(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.addStaff("boss@example.jp", "管理 一郎", bot.RoleAdmin)
		sato := e.addStaff("sato@example.jp", "佐藤 花子", bot.RoleRecruiter)
		sato.SlackUserID = "USATO"
		if err := e.store.UpdateStaff(ctx, sato, "test"); err != nil {
			t.Fatal(err)
		}
		if err := e.store.DeleteFAQ(ctx, "kitami-winter", 0, "USATO"); err != nil {
			t.Fatal(err)
		}
		c := e.signIn("sato@example.jp")
		app := addApplication(t, e.store, "Ulog", "北見 四郎", "志望動機")
		wantRedirect(t, e.do(c, http.MethodPost, "/admin/applications/"+itoa(app.ID)+"/status",
			url.Values{"csrf": {e.csrfOf(c)}, "status": {string(bot.StatusOffer)}}, nil), "/admin/applications/")
		wantStatus(t, e.do(c, http.MethodGet, "/admin/audit", nil, nil), http.StatusForbidden)
		boss := e.signIn("boss@example.jp")
		r := e.do(boss, http.MethodGet, "/admin/audit?staff="+itoa(sato.ID), nil, nil)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, "佐藤 花子（管理画面）", "選考状況を「内定」に変更", app.Ref, "佐藤 花子（Slack）", "FAQを削除", "kitami-winter")
		if strings.Contains(r.Body, "アカウントを作成") {
			t.Error("the filter by person shows what others did")
		}
		faqPage := e.do(boss, http.MethodGet, "/admin/faqs/what-is-sake-model/edit", nil, nil)
		wantBody(t, faqPage, "変更の履歴", "FAQを作成")
	})
}
