package admin_test

import (
	"context"
	"html/template"
	"net/url"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/faq"
)

// TestTypedTextIsEscaped puts markup where students and staff type, and
// checks every page shows it as text.
func TestTypedTextIsEscaped(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		const evil = `<script>alert("x")</script><img src=x onerror=alert(1)>`
		e.login()
		f := faq.FAQ{ID: "evil", Category: "<b>cat</b>", Question: "寮はありますか" + evil, Answer: "あります" + evil,
			Alternatives: []string{evil}, Keywords: []string{"寮"}, Enabled: true, UpdatedBy: "admin"}
		if err := e.store.CreateFAQ(ctx, &f); err != nil {
			t.Fatal(err)
		}
		a := addApplication(t, e.store, "U-x", "北見"+evil, "志望動機"+evil)
		recordPicks(t, e, "質問"+evil, "evil") // a student picked the entry for it
		misses, _ := e.store.ListMisses(ctx, 0)
		for _, p := range []string{
			"/admin/faqs", "/admin/faqs?try=" + url.QueryEscape("寮はありますか"+evil), "/admin/faqs/evil/edit?try=" + url.QueryEscape(evil),
			"/admin/faqs/evil/delete", "/admin/misses", "/admin/misses/" + itoa(misses[0].ID) + "/attach",
			"/admin/faqs/new?miss=" + itoa(misses[0].ID), "/admin/applications", "/admin/applications/" + itoa(a.ID),
		} {
			r := e.get(p)
			wantStatus(t, r, 200)
			if strings.Contains(r.Body, "<script") || strings.Contains(r.Body, "<img src=x") || strings.Contains(r.Body, "<b>cat") {
				t.Errorf("%s: markup is not escaped", p)
			}
			if !strings.Contains(r.Body, "&lt;script&gt;") {
				t.Errorf("%s: the typed markup is not shown as text", p)
			}
		}
		// The one-click button names the entry as text, and adds the
		// question as typed; the notice after it shows the entry as text.
		wantBody(t, e.get("/admin/misses"), addButton(f.Question))
		r := e.post("/admin/misses/"+itoa(misses[0].ID)+"/phrasing", url.Values{"csrf": {e.csrf()}, "faq": {"evil"}})
		r = e.get(wantRedirect(t, r, "/admin/misses?msg=phrased"))
		if strings.Contains(r.Body, "<script") || strings.Contains(r.Body, "<img src=x") {
			t.Error("/admin/misses after adding: markup is not escaped")
		}
		wantBody(t, r, "質問を「"+template.HTMLEscapeString(f.Question)+"」の言い回しとして追加し")
		if got, _ := e.store.FAQ(ctx, "evil"); got.Alternatives[len(got.Alternatives)-1] != "質問"+evil {
			t.Errorf("alternatives = %q, want the question as typed", got.Alternatives)
		}
	})
}
