package admin

import (
	"errors"
	"net/http"
	"net/mail"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/internal/password"
	"github.com/sakemodel/sakebot/jpinput"
)

// staffListView is what the accounts page shows.
type staffListView struct {
	Staff []bot.Staff
	Form  staffForm // the new account's form
	Roles []bot.StaffRole
}

// staffForm is an account's form, as typed, with what to fix.
type staffForm struct {
	ID          int64
	Email       string
	Name        string
	Role        bot.StaffRole
	SlackUserID string
	NotifyEmail bool
	Disabled    bool
	Errors      map[string]string
}

// staffFieldsView is what the shared fields of an account's form show.
type staffFieldsView struct {
	staffForm
	Roles []bot.StaffRole
}

// staffFields combines a form and the roles, for the "staff-fields"
// template.
func staffFields(f staffForm, roles []bot.StaffRole) staffFieldsView {
	return staffFieldsView{staffForm: f, Roles: roles}
}

// parseStaffForm reads an account's form.
func parseStaffForm(r *http.Request) staffForm {
	text := func(name string) string { return strings.TrimSpace(jpinput.CleanText(r.PostFormValue(name))) }
	return staffForm{Email: strings.ToLower(text("email")), Name: text("name"), Role: bot.StaffRole(text("role")),
		SlackUserID: strings.ToUpper(text("slack_user_id")), NotifyEmail: r.PostFormValue("notify_email") != "",
		Disabled: r.PostFormValue("disabled") != "", Errors: map[string]string{}}
}

// check fills f.Errors (the first problem of each field) and reports
// whether the form is right; a new account's e-mail is checked too.
func (f *staffForm) check(isNew bool) bool {
	if isNew {
		if a, err := mail.ParseAddress(f.Email); err != nil || a.Address != f.Email || len(f.Email) > 254 {
			f.Errors["email"] = "メールアドレスの形式が正しくありません（例：sato@example.co.jp）。"
		}
	}
	if n := utf8.RuneCountInString(f.Name); n == 0 || n > 50 {
		f.Errors["name"] = "お名前を50文字以内で入力してください。"
	}
	if !f.Role.Valid() {
		f.Errors["role"] = "役割を選んでください。"
	}
	if f.SlackUserID != "" && !slackUserID(f.SlackUserID) {
		f.Errors["slack_user_id"] = "SlackのメンバーID（例：U012AB3CD）を入力してください。空欄でもかまいません。"
	}
	return len(f.Errors) == 0
}

// slackUserID reports whether s looks like a Slack member id.
func slackUserID(s string) bool {
	if len(s) < 2 || len(s) > 20 || (s[0] != 'U' && s[0] != 'W') {
		return false
	}
	for _, c := range s {
		if (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

func (f staffForm) staff() bot.Staff {
	return bot.Staff{ID: f.ID, Email: f.Email, Name: f.Name, Role: f.Role, SlackUserID: f.SlackUserID,
		NotifyEmail: f.NotifyEmail, Disabled: f.Disabled}
}

// staffList shows every account and the form for a new one (管理者).
func (s *server) staffList(w http.ResponseWriter, r *http.Request, sess session) {
	s.renderStaffList(w, r, sess, http.StatusOK, staffForm{Role: bot.RoleRecruiter}, "")
}

func (s *server) renderStaffList(w http.ResponseWriter, r *http.Request, sess session, status int, form staffForm, errMsg string) {
	list, err := s.store.ListStaff(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, status, "staff", view{Title: "スタッフのアカウント", Nav: "staff", CSRF: sess.csrf, Flash: flashOf(r),
		Error: errMsg, Data: staffListView{Staff: list, Form: form, Roles: bot.StaffRoles()}})
}

// staffCreate adds an account with its first password.
func (s *server) staffCreate(w http.ResponseWriter, r *http.Request, sess session) {
	form := parseStaffForm(r)
	form.Disabled = false
	ok := form.check(true)
	hash, err := password.HashCost(r.PostFormValue("password"), s.hashCost)
	if err != nil {
		form.Errors["password"], ok = err.Error(), false
	}
	if !ok {
		s.renderStaffList(w, r, sess, http.StatusUnprocessableEntity, form, "入力内容をご確認ください。")
		return
	}
	st := form.staff()
	err = s.store.CreateStaff(r.Context(), &st, hash, sess.actor())
	if errors.Is(err, bot.ErrConflict) {
		form.Errors["email"] = "このメールアドレス（またはSlackのメンバーID）は、ほかのアカウントで使われています。"
		s.renderStaffList(w, r, sess, http.StatusConflict, form, "入力内容をご確認ください。")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.InfoContext(r.Context(), "admin: staff account created", "staff", st.ID, "by", sess.actor())
	http.Redirect(w, r, "/admin/staff?msg=staff_created", http.StatusSeeOther)
}

// staffOf reads the account of the path's {id}.
func (s *server) staffOf(r *http.Request) (bot.Staff, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return bot.Staff{}, bot.ErrNotFound
	}
	st, _, err := s.store.StaffByID(r.Context(), id)
	return st, err
}

// staffEdit shows an account's form.
func (s *server) staffEdit(w http.ResponseWriter, r *http.Request, sess session) {
	st, err := s.staffOf(r)
	if err != nil {
		s.staffNotFound(w, r, sess, err)
		return
	}
	form := staffForm{ID: st.ID, Email: st.Email, Name: st.Name, Role: st.Role, SlackUserID: st.SlackUserID,
		NotifyEmail: st.NotifyEmail, Disabled: st.Disabled, Errors: map[string]string{}}
	s.renderStaffEdit(w, r, sess, http.StatusOK, form, "")
}

func (s *server) renderStaffEdit(w http.ResponseWriter, r *http.Request, sess session, status int, form staffForm, errMsg string) {
	s.render(w, r, status, "staff_form", view{Title: form.Name + "さんのアカウント", Nav: "staff", CSRF: sess.csrf,
		Flash: flashOf(r), Error: errMsg, Data: staffListView{Form: form, Roles: bot.StaffRoles()}})
}

func (s *server) staffNotFound(w http.ResponseWriter, r *http.Request, sess session, err error) {
	if errors.Is(err, bot.ErrNotFound) {
		s.renderError(w, r, http.StatusNotFound, sess, "そのアカウントは見つかりませんでした。")
		return
	}
	s.serverError(w, r, err)
}

// staffUpdate saves an account; disabling it ends its sessions. A 管理者
// cannot take away their own role or disable themselves (someone must be
// left to manage accounts).
func (s *server) staffUpdate(w http.ResponseWriter, r *http.Request, sess session) {
	st, err := s.staffOf(r)
	if err != nil {
		s.staffNotFound(w, r, sess, err)
		return
	}
	form := parseStaffForm(r)
	form.ID, form.Email = st.ID, st.Email
	ok := form.check(false)
	if st.ID == sess.staff.ID && (form.Role != bot.RoleAdmin || form.Disabled) {
		form.Errors["role"], ok = "ご自身の管理者の役割を外したり、無効にしたりはできません。", false
	}
	if !ok {
		s.renderStaffEdit(w, r, sess, http.StatusUnprocessableEntity, form, "入力内容をご確認ください。")
		return
	}
	err = s.store.UpdateStaff(r.Context(), form.staff(), sess.actor())
	if errors.Is(err, bot.ErrConflict) {
		form.Errors["slack_user_id"] = "このSlackのメンバーIDは、ほかのアカウントで使われています。"
		s.renderStaffEdit(w, r, sess, http.StatusConflict, form, "入力内容をご確認ください。")
		return
	}
	if err != nil {
		s.staffNotFound(w, r, sess, err)
		return
	}
	s.log.InfoContext(r.Context(), "admin: staff account changed", "staff", st.ID, "by", sess.actor())
	http.Redirect(w, r, "/admin/staff?msg=staff_saved", http.StatusSeeOther)
}

// staffResetPassword sets a new password for an account (a 管理者 helps
// someone who forgot theirs) and ends all of its sessions.
func (s *server) staffResetPassword(w http.ResponseWriter, r *http.Request, sess session) {
	st, err := s.staffOf(r)
	if err != nil {
		s.staffNotFound(w, r, sess, err)
		return
	}
	hash, err := password.HashCost(r.PostFormValue("password"), s.hashCost)
	if err != nil {
		form := staffForm{ID: st.ID, Email: st.Email, Name: st.Name, Role: st.Role, SlackUserID: st.SlackUserID,
			NotifyEmail: st.NotifyEmail, Disabled: st.Disabled, Errors: map[string]string{"password": err.Error()}}
		s.renderStaffEdit(w, r, sess, http.StatusUnprocessableEntity, form, "新しいパスワードをご確認ください。")
		return
	}
	if err := s.store.SetStaffPassword(r.Context(), st.ID, hash, "", sess.actor()); err != nil {
		s.staffNotFound(w, r, sess, err)
		return
	}
	s.log.InfoContext(r.Context(), "admin: staff password reset", "staff", st.ID, "by", sess.actor())
	http.Redirect(w, r, "/admin/staff?msg=staff_password", http.StatusSeeOther)
}
