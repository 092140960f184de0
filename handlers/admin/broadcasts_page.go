package admin

import (
	"context"
	"net/http"

	"github.com/sakemodel/sakebot/bot"
)

// broadcastPageView is what a broadcast's page shows: how it looks on
// LINE, who it goes to and what it costs, and what staff may do with it
// (テスト送信, 送信, 中止), or, once it started, how it went.
type broadcastPageView struct {
	Broadcast bot.Broadcast
	Segment   string // its name
	Describe  string // what the segment selects
	Preview   bot.Reply
	Count     bot.SegmentCount
	Cost      costView
	Stats     *bot.BroadcastStats // nil: it has not started
	Editable  bool                // a draft or held: it may be edited and sent
	Cancel    bool                // scheduled, held or sending: 中止 applies
	Test      testView
	Send      sendForm
	Admin     bool // the staff member may allow going beyond the LINE quota
	NowQuiet  bool // it is 21:00–8:00 in Japan now
	Quiet     bot.QuietHours
	Actors    actorNames
}

// costView is what a broadcast costs of the month's LINE pushes.
type costView struct {
	Needed  int   // pushes it needs: its reachable students on LINE
	Known   bool  // the quota was read
	Limited bool  // the plan has a monthly limit
	Left    int64 // pushes left this month
	Over    bool  // it needs more than are left
}

// testView says whether テスト送信 can reach the staff member, and if not,
// how to make it.
type testView struct {
	On  bool
	Why string // why it cannot, in Japanese
}

// sendForm is the send form as posted, with what is wrong.
type sendForm struct {
	When      string // "now" or "at"
	At        string // the datetime-local value, in JST
	OverQuota bool   // a 管理者 allows going beyond the LINE quota
	Night     bool   // sending in the quiet hours is confirmed
	Errors    map[string]string
	Quota     *bot.QuotaError
	NightAt   string // the time in the quiet hours that needs confirming, e.g. 2026/12/10 22:00
}

// broadcastPage shows a broadcast's page.
func (s *server) broadcastPage(w http.ResponseWriter, r *http.Request, sess session) {
	b, ok := s.broadcastOf(w, r, sess)
	if !ok {
		return
	}
	s.renderBroadcastPage(w, r, sess, http.StatusOK, b, sendForm{When: "now"}, "")
}

// renderBroadcastPage shows broadcast b with the send form f and, when
// not empty, an error message above it.
func (s *server) renderBroadcastPage(w http.ResponseWriter, r *http.Request, sess session, status int, b bot.Broadcast, f sendForm, msg string) {
	ctx := r.Context()
	v := broadcastPageView{Broadcast: b, Preview: b.Message.Reply(), Editable: editable(b), Cancel: cancellable(b), Send: f,
		Admin: sess.role().CanManageStaff(), NowQuiet: bot.DefaultQuietHours.Contains(s.now()), Quiet: bot.DefaultQuietHours,
		Test: s.testView(sess)}
	seg, err := s.outreachReads.SegmentByID(ctx, b.SegmentID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	name, _, err := s.outreachSources(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v.Segment, v.Describe = seg.Name, seg.Filter.Describe(name)
	if v.Editable {
		if v.Count, err = s.outreach.CountSegment(ctx, seg.Filter); err != nil {
			s.serverError(w, r, err)
			return
		}
		v.Cost = s.cost(ctx, v.Count)
	}
	if started(b) {
		st, err := s.outreachReads.BroadcastStats(ctx, b.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		v.Stats = &st
	}
	staff, err := s.store.ListStaff(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v.Actors = namesOf(staff)
	s.render(w, r, status, "broadcast", view{Title: b.Title, Nav: "outreach", CSRF: sess.csrf, Flash: flashOf(r), Error: msg, Data: v})
}

// cost is what sending to n costs against this month's LINE quota, read
// as the dashboard reads it.
func (s *server) cost(ctx context.Context, n bot.SegmentCount) costView {
	q := s.lineQuota(ctx)
	c := costView{Needed: n.OnLINE, Known: q.Known, Limited: q.Limited, Left: q.Left}
	c.Over = q.Known && q.Limited && int64(n.OnLINE) > q.Left
	return c
}

// testView says whether the session's staff member can receive a test:
// Slack must be on and their account must have a Slack member id.
func (s *server) testView(sess session) testView {
	switch {
	case !s.slackOn:
		return testView{Why: "テスト送信はSlackのDMに届きます。このサーバーではSlackが設定されていないため使えません。LINEでの見え方は上のプレビューでご確認ください。"}
	case sess.staff.ID == 0:
		return testView{Why: "緊急用パスワードでログインしているため、テスト送信の宛先がありません。ご自分のアカウントでログインしてください。"}
	case sess.staff.SlackUserID == "":
		return testView{Why: "テスト送信はあなたのSlackのDMに届きます。使うには、管理者に「アカウント」であなたのSlackのメンバーID（例：U012AB3CD）を登録してもらってください。"}
	}
	return testView{On: true}
}

// sendQuota is the LINE quota SendBroadcast checks against, read afresh
// (a send must not rely on a reading minutes old); nil when LINE is off.
func (s *server) sendQuota() bot.Quota {
	if s.quotaRead == nil {
		return nil
	}
	return quotaLeft(s.quotaRead)
}

// quotaLeft adapts the page's quota reader to bot.Quota.
type quotaLeft QuotaFunc

// QuotaLeft reads the pushes left this month; known is false when the
// plan has no limit.
func (q quotaLeft) QuotaLeft(ctx context.Context) (int64, bool, error) {
	ctx, cancel := context.WithTimeout(ctx, quotaTimeout)
	defer cancel()
	used, limit, limited, err := q(ctx)
	if err != nil || !limited {
		return 0, false, err
	}
	return max(limit-used, 0), true, nil
}
