package webchat_test

import (
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/store/storetest"
)

// TestQuestionAnsweredOnThePage: a new visitor's page opens the
// conversation (a greeting), asks a question and reads the FAQ's answer
// from the stream, after its own line.
func TestQuestionAnsweredOnThePage(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		v := e.newVisitor()
		s := v.open(0)
		if lines := s.ready(); len(lines) != 0 {
			t.Fatalf("a new visitor's replay = %v; want nothing", lines)
		}
		if status, msg := v.post(map[string]string{"id": newClientID(), "kind": "open"}); status != 202 {
			t.Fatalf("open = %d %s", status, msg)
		}
		greeting := s.until(func(l line) bool { return l.From == "bot" })
		if g := greeting[len(greeting)-1]; len(g.Replies) == 0 || g.Replies[0].Text == "" {
			t.Fatalf("greeting = %+v", g)
		}
		id := v.say("研修は何ヶ月ですか")
		lines := s.until(func(l line) bool { return l.From == "bot" })
		if len(lines) != 2 || lines[0].From != "visitor" || lines[0].ClientID != id || lines[0].Text != "研修は何ヶ月ですか" {
			t.Fatalf("lines = %+v; want the visitor's line, then the answer", lines)
		}
		if want := answerOf(t, "training-period"); !strings.Contains(lines[1].text(), want) {
			t.Errorf("answer = %q; want the training-period entry %q", lines[1].text(), want)
		}
		// A second "open" (another tab) greets nobody again.
		if status, _ := v.post(map[string]string{"id": newClientID(), "kind": "open"}); status != 202 {
			t.Fatalf("second open = %d", status)
		}
		if l, quiet := s.quiet(700 * time.Millisecond); !quiet {
			t.Errorf("a second open was answered: %+v", l)
		}
	})
}

// TestRetryIsAnsweredOnce: the page resends a message with the same id
// (its first POST timed out); the line is kept and answered once.
func TestRetryIsAnsweredOnce(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		v := e.newVisitor()
		s := v.open(0)
		s.ready()
		id := newClientID()
		for range 3 {
			if status, msg := v.post(map[string]string{"id": id, "kind": "message", "text": "北見の冬は寒いですか"}); status != 202 {
				t.Fatalf("post = %d %s", status, msg)
			}
		}
		s.botSays(answerOf(t, "kitami-winter"))
		if l, quiet := s.quiet(time.Second); !quiet {
			t.Errorf("after the answer came %+v; want nothing more", l)
		}
		all := v.open(0).ready()
		if len(all) != 2 {
			t.Errorf("the conversation holds %d lines; want 2 (the message once, its answer once): %+v", len(all), all)
		}
	})
}

// TestReconnectResumesAfterCursor: a stream reopened with Last-Event-ID
// gets only what came after it; a reloaded page (no cursor) gets the
// whole conversation, in order, each line once.
func TestReconnectResumesAfterCursor(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		v := e.newVisitor()
		s := v.open(0)
		s.ready()
		v.say("研修の内容を教えてください")
		first := s.until(func(l line) bool { return l.From == "bot" })
		cursor := first[len(first)-1].ID
		s.close() // the page lost its connection
		v.say("北見の冬は寒いですか")
		time.Sleep(300 * time.Millisecond) // answered meanwhile, or soon
		s2 := v.open(cursor)
		missed := s2.until(func(l line) bool { return l.From == "bot" })
		if len(missed) != 2 || missed[0].Text != "北見の冬は寒いですか" || missed[0].ID <= cursor {
			t.Fatalf("after reconnecting: %+v; want only the second question and its answer", missed)
		}
		all := v.open(0).ready()
		if len(all) != 4 {
			t.Fatalf("reloaded page shows %d lines; want 4", len(all))
		}
		for i := 1; i < len(all); i++ {
			if all[i].ID <= all[i-1].ID {
				t.Errorf("lines out of order: %d after %d", all[i].ID, all[i-1].ID)
			}
		}
	})
}

// TestVisitorsAreSeparate: one visitor's stream never shows another's
// conversation.
func TestVisitorsAreSeparate(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		a, b := e.newVisitor(), e.newVisitor()
		if a.id() == b.id() {
			t.Fatal("two browsers got the same visitor id")
		}
		sa := a.open(0)
		sa.ready()
		b.say("北見の冬は寒いですか")
		sb := b.open(0)
		sb.botSays(answerOf(t, "kitami-winter"))
		if l, quiet := sa.quiet(700 * time.Millisecond); !quiet {
			t.Errorf("visitor A saw B's line %+v", l)
		}
	})
}
