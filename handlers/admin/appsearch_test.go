package admin_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestApplicationSearchHoweverTyped: the admin page's search finds an
// application by its reading in hiragana and by its name without the
// space it was stored with.
func TestApplicationSearchHoweverTyped(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		a := addApplication(t, e.store, "U-kana", "北見　太郎", "") // kana キタミ タロウ
		b := addApplication(t, e.store, "U-other", "網走 花子", "")
		search := func(q string) string {
			t.Helper()
			return e.get("/admin/applications?q=" + url.QueryEscape(q)).Body
		}
		for _, q := range []string{"きたみ", "ｷﾀﾐ"} {
			if body := search(q); !strings.Contains(body, a.Ref) {
				t.Errorf("searching %q does not list %s", q, a.Ref)
			}
		}
		for _, q := range []string{"北見太郎", "北見 太郎"} {
			if body := search(q); !strings.Contains(body, a.Ref) || strings.Contains(body, b.Ref) {
				t.Errorf("searching %q does not list exactly %s", q, a.Ref)
			}
		}
		if body := search("さっぽろ"); strings.Contains(body, a.Ref) || strings.Contains(body, b.Ref) {
			t.Error("an unrelated search lists applications")
		}
	})
}
