package admin_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/admin"
)

// outreachEnv is a copy of an env's page, over the same store, engine and
// worker, with the 配信 pages wired as serve wires them: changes through a
// bot.Outreach, reads from the store, the LINE quota read with quota, and
// Slack on for テスト送信.
type outreachEnv struct {
	*env
	out *bot.Outreach
}

// withOutreach returns e's page with the 配信 pages, and its own browser.
func (e *env) withOutreach(quota admin.QuotaFunc) *outreachEnv {
	e.t.Helper()
	out := e.outreach()
	return &outreachEnv{env: e.withConfig(func(c *admin.Config) { c.Quota = quota; wireOutreach(c, e, out) }), out: out}
}

// outreach is the bot.Outreach serve builds over e's store and clock,
// telling staff in Slack.
func (e *env) outreach() *bot.Outreach {
	return bot.NewOutreach(bot.OutreachConfig{Store: e.store, Now: e.clock.Now, Logger: discardLog(),
		Notify: bot.Notify{Channel: bot.ChannelSlack, To: notifyChannel, Inbox: true}})
}

// wireOutreach turns c's 配信 pages on, as serve does: changes through out,
// reads from e's store, Slack on for テスト送信.
func wireOutreach(c *admin.Config, e *env, out *bot.Outreach) {
	c.Outreach, c.OutreachReads, c.SlackOn = out, e.store, true
}

// withConfig returns a copy of e's page, over the same store, engine and
// worker, built with the settings every test page has and then those
// extra sets; with its own browser.
func (e *env) withConfig(extra func(*admin.Config)) *env {
	e.t.Helper()
	c := admin.Config{Password: password, Store: e.store, Desk: e.engine, Answerer: e.engine.Answerer(),
		Inbox: e.worker, PasswordCost: testHashCost, Now: e.clock.Now, Logger: discardLog(),
		Sources: testSources{e.store}, LINEBasicID: testBasicID}
	extra(&c)
	h, err := admin.New(c)
	if err != nil {
		e.t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/admin/", h)
	copied := *e
	copied.srv, copied.client = httptest.NewServer(mux), newClient(e.t)
	e.t.Cleanup(copied.srv.Close)
	return &copied
}

// discardLog is a logger that writes nowhere.
func discardLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// forEachOutreach runs fn with the 配信 pages over SQLite and over
// PostgreSQL, the LINE quota read with quota (nil: LINE is off).
func forEachOutreach(t *testing.T, quota admin.QuotaFunc, fn func(t *testing.T, e *outreachEnv)) {
	forEachEngine(t, func(t *testing.T, e *env) { fn(t, e.withOutreach(quota)) })
}

// createSegment creates a segment through the page, as c, and returns it.
func (e *outreachEnv) createSegment(c *http.Client, csrf string, form url.Values) bot.Segment {
	e.t.Helper()
	form.Set("csrf", csrf)
	wantRedirect(e.t, e.do(c, http.MethodPost, "/admin/segments", form, nil), "/admin/segments?msg=segment_created")
	segs, err := e.store.ListSegments(context.Background())
	if err != nil || len(segs) == 0 {
		e.t.Fatalf("no segment stored: %v", err)
	}
	return segs[0] // newest first
}

// broadcastIDPattern finds the broadcast's id in the address the editor
// redirects to.
var broadcastIDPattern = regexp.MustCompile(`^/admin/broadcasts/(\d+)\?`)

// createBroadcast saves a draft through the page, as c, and returns it.
func (e *outreachEnv) createBroadcast(c *http.Client, csrf string, form url.Values) bot.Broadcast {
	e.t.Helper()
	form.Set("csrf", csrf)
	loc := wantRedirect(e.t, e.do(c, http.MethodPost, "/admin/broadcasts", form, nil), "/admin/broadcasts/")
	m := broadcastIDPattern.FindStringSubmatch(loc)
	if m == nil {
		e.t.Fatalf("created broadcast at %q", loc)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return e.broadcast(id)
}

// broadcast reads a broadcast from the store.
func (e *outreachEnv) broadcast(id int64) bot.Broadcast {
	e.t.Helper()
	b, err := e.store.BroadcastByID(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	return b
}

// rule reads an automatic message from the store.
func (e *outreachEnv) rule(id int64) bot.Rule {
	e.t.Helper()
	r, err := e.store.RuleByID(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	return r
}

// run queues what is due, as serve's outreach runner does.
func (e *outreachEnv) run(quota bot.Quota) bot.OutreachRun {
	e.t.Helper()
	run, err := e.out.Run(context.Background(), quota)
	if err != nil {
		e.t.Fatal(err)
	}
	return run
}

// slackStaff creates an account of role with a Slack member id and signs
// a new browser in as it.
func (e *outreachEnv) slackStaff(email, name, slackID string, role bot.StaffRole) (*http.Client, string) {
	e.t.Helper()
	st := e.addStaff(email, name, role)
	if slackID != "" {
		st.SlackUserID = slackID
		if err := e.store.UpdateStaff(context.Background(), st, "test"); err != nil {
			e.t.Fatal(err)
		}
	}
	c := e.signIn(email)
	return c, e.csrfOf(c)
}

// students3 stores three LINE applicants of 北見工業大学 graduating in
// 2027, one Slack applicant, and one LINE student who never applied.
func (e *outreachEnv) students3() {
	e.t.Helper()
	for _, u := range []string{"U-seg-1", "U-seg-2", "U-seg-3"} {
		addApplication(e.t, e.store, u, "北見 "+u, "")
	}
	addApplicationOn(e.t, e.store, bot.UserKey{Channel: bot.ChannelSlack, UserID: "USLACKSTUDENT"}, "札幌 花子", "")
	ctx := context.Background()
	key := bot.UserKey{Channel: bot.ChannelLINE, UserID: "U-seg-new"}
	if err := e.store.InTx(ctx, key, func(tx bot.Tx) error {
		return tx.SaveCandidate(ctx, &bot.Candidate{Key: key, DisplayName: "新規"})
	}); err != nil {
		e.t.Fatal(err)
	}
}
