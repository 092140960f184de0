package admin_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"
)

// TestFAQFormCleansControlCharacters: an FAQ entry posted with a NUL and a
// right-to-left override is stored without them (PostgreSQL refuses NUL;
// the page must not answer 500).
func TestFAQFormCleansControlCharacters(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		r := e.post("/admin/faqs", url.Values{"csrf": {e.csrf()}, "id": {"nul-test"}, "category": {"テスト"},
			"question": {"寮は\u0000ありますか"}, "answer": {"会社の\u202E寮はありません。"}, "enabled": {"on"}})
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("create with NUL: %d", r.StatusCode)
		}
		f, err := e.store.FAQ(context.Background(), "nul-test")
		if err != nil {
			t.Fatal(err)
		}
		if f.Question != "寮はありますか" || f.Answer != "会社の寮はありません。" {
			t.Errorf("stored %q / %q", f.Question, f.Answer)
		}
	})
}
