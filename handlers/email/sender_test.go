package email_test

import (
	"context"
	"encoding/base64"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/mail"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faqfile"
	"github.com/sakemodel/sakebot/handlers/email"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
	"github.com/sakemodel/sakebot/worker"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// optedIn is the one staff account that wants mail; the tests also make
// a disabled one and one that opted out.
const optedIn = "hanako@example.com"

// env is sakebot mailing recruiters: a real store, the engine notifying by
// e-mail, and the worker delivering through email.Sender to port.
type env struct {
	t      *testing.T
	store  *store.Store
	clock  *storetest.Clock
	engine *bot.Engine
	worker *worker.Worker
	mailer *email.Sender
	key    bot.UserKey
	last   []bot.Reply
}

func newEnv(t *testing.T, url string, port int) *env {
	t.Helper()
	clock := storetest.NewClock(t)
	e := &env{t: t, clock: clock, store: storetest.Open(t, url, clock.Now), key: bot.UserKey{Channel: bot.ChannelLINE, UserID: "U0001"}}
	ctx := context.Background()
	if _, err := e.store.SeedFAQs(ctx, faqfile.Default()); err != nil {
		t.Fatal(err)
	}
	for _, st := range []bot.Staff{
		{Email: optedIn, Name: "採用 花子", Role: bot.RoleRecruiter, NotifyEmail: true},
		{Email: "gone@example.com", Name: "退職 次郎", Role: bot.RoleRecruiter, NotifyEmail: true, Disabled: true},
		{Email: "quiet@example.com", Name: "静か 三郎", Role: bot.RoleAdmin},
	} {
		if err := e.store.CreateStaff(ctx, &st, "x", "test"); err != nil {
			t.Fatal(err)
		}
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	e.engine = bot.NewEngine(bot.Config{Store: e.store, Logger: log, Now: clock.Now, FormExpiry: 14 * 24 * time.Hour,
		Notify: bot.Notify{Channel: bot.ChannelEmail, To: "staff", Inbox: true}})
	cfg := email.Config{Host: "127.0.0.1", Port: port, Username: "sakebot", Password: "secret",
		From: "sakebot <sakebot@example.com>", NoTLS: true, AdminBaseURL: "https://bot.example.com/",
		Timeout: 2 * time.Second, Now: clock.Now}
	e.mailer = email.NewSender(cfg, e.store, log)
	e.worker = worker.New(worker.Config{Engine: e.engine, Inbox: e.store, Outbox: e.store, Logger: log, Batch: e.store,
		Senders: map[bot.Channel]worker.Sender{bot.ChannelEmail: e.mailer}, Now: clock.Now})
	return e
}

// sender is the worker's e-mail sender, for deliveries sent directly.
func (e *env) sender() *email.Sender { return e.mailer }

// send runs one turn of the candidate's conversation.
func (e *env) send(in bot.Incoming) {
	e.t.Helper()
	in.Key = e.key
	if in.Kind == "" {
		in.Kind = bot.KindMessage
	}
	r, err := e.engine.Handle(context.Background(), in)
	if err != nil {
		e.t.Fatalf("Handle(%q): %v", in.Text, err)
	}
	e.last = r
}

// say sends text.
func (e *env) say(text string) { e.send(bot.Incoming{Text: text}) }

// tap taps the choice labelled label in the last replies.
func (e *env) tap(label string) {
	e.t.Helper()
	for _, r := range e.last {
		choices := r.Choices
		if r.Summary != nil {
			choices = append(choices, r.Summary.Choices...)
		}
		for _, c := range choices {
			if c.Label == label {
				e.send(bot.Incoming{Kind: bot.KindPostback, Postback: c.Postback, Text: c.Text})
				return
			}
		}
	}
	e.t.Fatalf("no choice %q in the last replies", label)
}

// apply fills in the form and submits it; it returns the application.
func (e *env) apply() bot.Application {
	e.t.Helper()
	e.say("応募したい")
	e.tap("同意する")
	e.say("北見　太郎")
	e.say("ほっかい たろう")
	e.tap("北見工業大学")
	e.say("工学部 地球環境工学科")
	e.say("２０２７年３月")
	e.say("Taro@Example.COM")
	e.say("０９０ー１２３４ー５６７８")
	e.tap("はい")
	e.tap("授業で少し")
	e.say("地元の北見で働きたいです。")
	e.tap("この内容で応募する")
	apps, err := e.store.ListApplications(context.Background(), bot.ApplicationFilter{})
	if err != nil || len(apps) != 1 {
		e.t.Fatalf("applications = %d, %v; want 1", len(apps), err)
	}
	return apps[0]
}

// deliver lets the worker deliver what is due.
func (e *env) deliver() {
	e.t.Helper()
	if _, err := e.worker.DeliverDue(context.Background()); err != nil {
		e.t.Fatal(err)
	}
}

// pending is how many deliveries wait in the outbox.
func (e *env) pending() int {
	e.t.Helper()
	st, err := e.store.OutboxStats(context.Background())
	if err != nil {
		e.t.Fatal(err)
	}
	return st.Pending
}

// parsed is a received mail read back: headers, decoded subject and body.
type parsed struct {
	Header  mail.Header
	Subject string
	Body    string
}

func parse(t *testing.T, m received) parsed {
	t.Helper()
	msg, err := mail.ReadMessage(strings.NewReader(m.Data))
	if err != nil {
		t.Fatalf("read mail: %v\n%s", err, m.Data)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(msg.Body)
	body, err := base64.StdEncoding.DecodeString(strings.NewReplacer("\r", "", "\n", "").Replace(string(raw)))
	if err != nil {
		t.Fatalf("body is not base64: %v", err)
	}
	return parsed{Header: msg.Header, Subject: subject, Body: string(body)}
}

// onlyMail checks that srv received exactly one mail, for optedIn only,
// and returns it read back.
func onlyMail(t *testing.T, srv *smtpServer) parsed {
	t.Helper()
	got := srv.mails()
	if len(got) != 1 {
		t.Fatalf("received %d mails; want 1", len(got))
	}
	if m := got[0]; len(m.To) != 1 || m.To[0] != optedIn || m.From != "<sakebot@example.com>" {
		t.Fatalf("envelope from %s to %v; want to %s only (not the disabled or opted-out staff)", m.From, m.To, optedIn)
	}
	if a := got[0].Auth; a != "\x00sakebot\x00secret" {
		t.Errorf("AUTH PLAIN = %q", a)
	}
	return parse(t, got[0])
}

// TestNewApplicationIsMailed: an application made through the engine is
// mailed once, to the staff who opted in, with the reference in the
// subject and a link to it on the admin page.
func TestNewApplicationIsMailed(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		srv := startSMTP(t, "127.0.0.1:0")
		e := newEnv(t, url, srv.port())
		a := e.apply()
		e.deliver()
		m := onlyMail(t, srv)
		if want := "【sakebot】新しい応募がありました（受付番号 " + a.Ref + "）"; m.Subject != want {
			t.Errorf("subject = %q; want %q", m.Subject, want)
		}
		for _, want := range []string{a.Ref, "北見 太郎", "経路：LINE", "https://bot.example.com/admin/applications/"} {
			if !strings.Contains(m.Body, want) {
				t.Errorf("body lacks %q:\n%s", want, m.Body)
			}
		}
		if strings.Contains(m.Body, "090") || strings.Contains(strings.ToLower(m.Body), "taro@example.com") {
			t.Errorf("the mail carries contact details; want them left on the admin page:\n%s", m.Body)
		}
		if id := m.Header.Get("Message-ID"); !strings.HasPrefix(id, "<delivery-") || !strings.HasSuffix(id, ".sakebot@example.com>") {
			t.Errorf("Message-ID = %q", id)
		}
		if ct := m.Header.Get("Content-Type"); ct != "text/plain; charset=UTF-8" {
			t.Errorf("Content-Type = %q", ct)
		}
		if _, err := m.Header.Date(); err != nil {
			t.Errorf("Date: %v", err)
		}
		if e.pending() != 0 {
			t.Error("the notice is still pending")
		}
	})
}

// TestHandoffRequestIsMailedWithoutInjection: a candidate whose display
// name holds a line break and a Bcc header asks for a person; the mail
// goes to the opted-in staff only, and the name adds no header.
func TestHandoffRequestIsMailedWithoutInjection(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		srv := startSMTP(t, "127.0.0.1:0")
		e := newEnv(t, url, srv.port())
		e.send(bot.Incoming{Kind: bot.KindFollow, DisplayName: "悪意\r\nBcc: evil@example.com"})
		e.say("社員旅行はありますか？")
		e.say("担当者と話したい")
		e.deliver()
		m := onlyMail(t, srv)
		if want := "【sakebot】担当者との会話を希望されています"; m.Subject != want {
			t.Errorf("subject = %q; want %q", m.Subject, want)
		}
		if len(m.Header["Bcc"]) != 0 || len(m.Header["Cc"]) != 0 {
			t.Errorf("headers = %v; want no Bcc or Cc", m.Header)
		}
		for _, l := range strings.Split(m.Body, "\n") {
			if strings.HasPrefix(l, "Bcc:") {
				t.Errorf("the name started a line of its own: %q", l)
			}
		}
		for _, want := range []string{"社員旅行はありますか？", "https://bot.example.com/admin/inbox"} {
			if !strings.Contains(m.Body, want) {
				t.Errorf("body lacks %q:\n%s", want, m.Body)
			}
		}
	})
}

// TestMailIsRetriedUntilTheServerIsUp: with the SMTP server down, the
// notice waits in the outbox; once the server is up and the backoff has
// passed, it arrives, once.
func TestMailIsRetriedUntilTheServerIsUp(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		port := closedPort(t)
		e := newEnv(t, url, port)
		e.apply()
		e.deliver()
		if e.pending() != 1 {
			t.Fatalf("pending = %d after a failed attempt; want the notice waiting", e.pending())
		}
		srv := startSMTP(t, net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
		e.deliver()
		if n := len(srv.mails()); n != 0 {
			t.Fatalf("received %d mails before the backoff ran out; want 0", n)
		}
		e.clock.Advance(10 * time.Minute)
		e.deliver()
		onlyMail(t, srv)
		e.clock.Advance(10 * time.Minute)
		e.deliver()
		if n := len(srv.mails()); n != 1 || e.pending() != 0 {
			t.Errorf("received %d mails, %d pending; want 1, 0", n, e.pending())
		}
	})
}

// TestNothingToMail: without staff who want mail, and for the kinds that
// only make sense in Slack, Send succeeds without connecting.
func TestNothingToMail(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		clock := storetest.NewClock(t)
		s := storetest.Open(t, url, clock.Now)
		cfg := email.Config{Host: "127.0.0.1", Port: closedPort(t), From: "sakebot@example.com", NoTLS: true, Now: clock.Now}
		sender := email.NewSender(cfg, s, slog.New(slog.NewTextHandler(io.Discard, nil)))
		ctx := context.Background()
		for _, k := range []bot.DeliveryKind{bot.DeliveryNoticeUpdate, bot.DeliveryHandoffRelay, bot.DeliveryHandoffClose, bot.DeliveryRetract} {
			if err := sender.Send(ctx, bot.Delivery{ID: 1, Kind: k, Ref: 1}); err != nil {
				t.Errorf("Send(%s) = %v; want nil (nothing to mail)", k, err)
			}
		}
		if err := sender.Send(ctx, bot.Delivery{ID: 2, Kind: bot.DeliveryNotice, Ref: 999}); err != nil {
			t.Errorf("Send(notice of a deleted application) = %v; want nil", err)
		}
	})
}

// closedPort is a port nothing listens on (for now).
func closedPort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	return port
}
