package admin_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"testing"

	"github.com/sakemodel/sakebot/bot"
)

func TestForgetFromTheApplicationPage(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.login()
		a := addApplication(t, e.store, "U-f", "北見 太郎", "")
		kept := addApplication(t, e.store, "U-k", "網走 花子", "")
		path := "/admin/applications/" + itoa(a.ID)
		wantBody(t, e.get(path), "個人情報の削除")

		// Without the CSRF token, or without ticking the box, nothing is deleted.
		wantStatus(t, e.post(path+"/forget", url.Values{"confirm": {"yes"}}), http.StatusForbidden)
		r := e.post(path+"/forget", url.Values{"csrf": {e.csrf()}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, "確認のチェック")
		if _, err := e.store.Application(ctx, a.ID); err != nil {
			t.Fatalf("deleted without confirmation: %v", err)
		}

		r = e.post(path+"/forget", url.Values{"csrf": {e.csrf()}, "confirm": {"yes"}})
		wantRedirect(t, r, "/admin/applications?msg=forgotten")
		if _, err := e.store.Application(ctx, a.ID); !errors.Is(err, bot.ErrNotFound) {
			t.Fatalf("application after forget: %v", err)
		}
		if _, err := e.store.Application(ctx, kept.ID); err != nil {
			t.Fatalf("another candidate's application went too: %v", err)
		}
		log, err := e.store.Deletions(ctx, 5)
		if err != nil || len(log) != 1 || log[0].Actor != "admin" || log[0].Action != "forget" {
			t.Fatalf("deletion log: %+v %v", log, err)
		}
		wantStatus(t, e.post(path+"/forget", url.Values{"csrf": {e.csrf()}, "confirm": {"yes"}}), http.StatusNotFound)
	})
}
