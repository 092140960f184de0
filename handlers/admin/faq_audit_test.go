package admin_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/sakemodel/sakebot/bot"
)

// wantFAQEvents checks the FAQ audit trail of entry id, as "actor action
// version" per event.
func (e *env) wantFAQEvents(t *testing.T, id string, want ...string) {
	t.Helper()
	events, err := e.store.FAQEvents(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ev := range events {
		got = append(got, fmt.Sprintf("%s %s %d", ev.Actor, ev.Action, ev.Version))
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("audit trail of %s = %q; want %q", id, got, want)
	}
}

func TestDeleteFAQIsAudited(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.login()
		csrf := e.csrf()
		// The confirmation carries the version it shows.
		wantBody(t, e.get("/admin/faqs/kitami-winter/delete"), "FAQを削除しますか？", `name="version" value="1"`)
		r := e.post("/admin/faqs/kitami-winter/delete", url.Values{"csrf": {csrf}, "version": {"1"}})
		wantRedirect(t, r, "/admin/faqs?msg=deleted")
		if _, err := e.store.FAQ(ctx, "kitami-winter"); !errors.Is(err, bot.ErrNotFound) {
			t.Errorf("not deleted: %v", err)
		}
		e.wantFAQEvents(t, "kitami-winter", "seed created 1", "admin deleted 1")
	})
}

func TestStaleDeleteAsksAgain(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.login()
		csrf := e.csrf()
		// Someone switches the entry off after the confirmation was shown at version 1.
		r := e.post("/admin/faqs/kitami-winter/enabled", url.Values{"csrf": {csrf}, "enabled": {"false"}, "version": {"1"}})
		wantRedirect(t, r, "/admin/faqs?msg=disabled")
		r = e.post("/admin/faqs/kitami-winter/delete", url.Values{"csrf": {csrf}, "version": {"1"}})
		wantStatus(t, r, http.StatusConflict)
		wantBody(t, r, "ほかの方が先にこのFAQを更新しました", `name="version" value="2"`)
		if _, err := e.store.FAQ(ctx, "kitami-winter"); err != nil {
			t.Fatalf("a stale deletion deleted: %v", err)
		}
		e.wantFAQEvents(t, "kitami-winter", "seed created 1", "admin updated 2")
		// Confirmed again at the version now shown: deleted.
		wantRedirect(t, e.post("/admin/faqs/kitami-winter/delete", url.Values{"csrf": {csrf}, "version": {"2"}}), "/admin/faqs?msg=deleted")
		e.wantFAQEvents(t, "kitami-winter", "seed created 1", "admin updated 2", "admin deleted 2")
	})
}

func TestEveryFAQChangeOnThePageIsAuditedOnce(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		csrf := e.csrf()
		entry := url.Values{"csrf": {csrf}, "id": {"dorm"}, "category": {"暮らし"}, "question": {"寮はありますか？"},
			"answer": {"社宅があります。"}, "enabled": {"true"}}

		// Refused changes leave nothing.
		invalid := url.Values{"csrf": {csrf}, "id": {"dorm"}, "category": {"暮らし"}, "question": {"寮はありますか？"}}
		wantStatus(t, e.post("/admin/faqs", invalid), http.StatusUnprocessableEntity)
		e.wantFAQEvents(t, "dorm")

		// Create, edit, switch off, switch on: one event each, by the page.
		wantRedirect(t, e.post("/admin/faqs", entry), "/admin/faqs/dorm/edit?")
		e.wantFAQEvents(t, "dorm", "admin created 1")
		entry.Set("version", "1")
		entry.Set("answer", "北見では社宅をご用意しています。")
		wantRedirect(t, e.post("/admin/faqs/dorm/edit", entry), "/admin/faqs/dorm/edit?")
		wantStatus(t, e.post("/admin/faqs/dorm/edit", entry), http.StatusConflict) // stale: not saved
		e.wantFAQEvents(t, "dorm", "admin created 1", "admin updated 2")
		wantRedirect(t, e.post("/admin/faqs/dorm/enabled", url.Values{"csrf": {csrf}, "enabled": {"false"}, "version": {"2"}}),
			"/admin/faqs?msg=disabled")
		wantRedirect(t, e.post("/admin/faqs/dorm/enabled", url.Values{"csrf": {csrf}, "enabled": {"true"}, "version": {"3"}}),
			"/admin/faqs?msg=enabled")
		e.wantFAQEvents(t, "dorm", "admin created 1", "admin updated 2", "admin updated 3", "admin updated 4")

		// An import: one event per entry in the file, created or updated.
		r := e.upload(t, csrf, "- id: dorm\n  category: 暮らし\n  question: 寮はありますか\n  answer: あります。\n"+
			"- id: pets\n  category: 暮らし\n  question: ペットは飼えますか\n  answer: 担当者にご相談ください。\n")
		wantRedirect(t, r, "/admin/faqs?msg=imported")
		e.wantFAQEvents(t, "dorm", "admin created 1", "admin updated 2", "admin updated 3", "admin updated 4", "admin updated 5")
		e.wantFAQEvents(t, "pets", "admin created 1")
		e.wantFAQEvents(t, "training-period", "seed created 1") // not in the file

		// Delete.
		wantRedirect(t, e.post("/admin/faqs/dorm/delete", url.Values{"csrf": {csrf}, "version": {"5"}}), "/admin/faqs?msg=deleted")
		e.wantFAQEvents(t, "dorm", "admin created 1", "admin updated 2", "admin updated 3", "admin updated 4", "admin updated 5",
			"admin deleted 5")
	})
}
