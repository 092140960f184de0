package admin

import (
	"context"
	"net/http"
	"strconv"

	"github.com/sakemodel/sakebot/bot"
)

// auditLimit is how many entries the log page shows at once.
const auditLimit = 300

// auditView is what the whole log shows.
type auditView struct {
	Entries []bot.AuditEntry
	Actors  actorNames
	Staff   []bot.Staff
	Kinds   []bot.AuditKind
	StaffID int64         // the person filtered on (0: everyone)
	Kind    bot.AuditKind // the trail filtered on ("": all)
	Limit   int
}

// auditLog shows the whole audit log to a 管理者, filtered by person and
// by kind: who changed what, and when.
func (s *server) auditLog(w http.ResponseWriter, r *http.Request, sess session) {
	ctx := r.Context()
	staff, err := s.store.ListStaff(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := auditView{Actors: namesOf(staff), Staff: staff, Kinds: bot.AuditKinds(), Limit: auditLimit}
	f := bot.AuditFilter{Limit: auditLimit}
	if k := bot.AuditKind(r.URL.Query().Get("kind")); k.Label() != string(k) {
		f.Kind, v.Kind = k, k
	}
	if id, err := strconv.ParseInt(r.URL.Query().Get("staff"), 10, 64); err == nil {
		for _, st := range staff {
			if st.ID == id {
				f.Actors, v.StaffID = actorsOf(st), id
			}
		}
	}
	if v.Entries, err = s.store.AuditLog(ctx, f); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "audit", view{Title: "変更の履歴", Nav: "audit", CSRF: sess.csrf, Data: v})
}

// history reads the entries of the audit log f selects, and who their
// actors are.
func (s *server) history(ctx context.Context, f bot.AuditFilter) ([]bot.AuditEntry, actorNames, error) {
	staff, err := s.store.ListStaff(ctx)
	if err != nil {
		return nil, nil, err
	}
	entries, err := s.store.AuditLog(ctx, f)
	return entries, namesOf(staff), err
}

// actorsOf are the actor strings a person acts under.
func actorsOf(st bot.Staff) []string {
	if st.SlackUserID != "" {
		return []string{st.Actor(), st.SlackUserID}
	}
	return []string{st.Actor()}
}

// auditText says in plain Japanese what an entry did.
func auditText(e bot.AuditEntry) string {
	switch e.Kind {
	case bot.AuditApplication:
		if e.Action == "status" {
			return "選考状況を「" + bot.Status(e.Detail).Label() + "」に変更"
		}
		if e.Action == "submitted" {
			return "応募を受け付け"
		}
		if text := interviewText(e.Action, "", e.Detail); text != "" {
			return text
		}
	case bot.AuditFAQ:
		switch e.Action {
		case "created":
			return "FAQを作成"
		case "updated":
			return "FAQを更新（版 " + e.Detail + "）"
		case "deleted":
			return "FAQを削除"
		}
	case bot.AuditStaff:
		switch e.Action {
		case "created":
			return "アカウントを作成（" + bot.StaffRole(e.Detail).Label() + "）"
		case "changed":
			return "アカウントを変更（" + bot.StaffRole(e.Detail).Label() + "）"
		case "disabled":
			return "アカウントを無効化"
		case "enabled":
			return "アカウントを有効化"
		case "password":
			return "パスワードを設定"
		}
	case bot.AuditEvent:
		return eventAuditText(e)
	case bot.AuditSource:
		return sourceAuditText(e)
	case bot.AuditOutreach:
		return outreachAuditText(e)
	case bot.AuditReply:
		return "学生に返信（対応中の会話 " + e.Subject + "）"
	case bot.AuditDeletion:
		switch e.Action {
		case "forget":
			return "個人情報を削除（" + e.Detail + "件）"
		case "purge":
			return "保存期間を過ぎたデータを削除（" + e.Detail + "件）"
		case "expire":
			return "期限切れの入力途中データを削除（" + e.Detail + "件）"
		}
	}
	return e.Action + " " + e.Detail
}
