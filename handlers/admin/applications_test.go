package admin_test

import (
	"context"
	"encoding/csv"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
)

func TestApplicationListAndDetail(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		a := addApplication(t, e.store, "U-a", "北見 太郎", "北見で働きたいです。")
		b := addApplication(t, e.store, "U-b", "網走 花子", "")
		if _, err := e.store.SetApplicationStatus(context.Background(), b.ID, bot.StatusInterview, "U0SLACK"); err != nil {
			t.Fatal(err)
		}
		r := e.get("/admin/applications")
		wantBody(t, r, a.Ref, b.Ref, "北見 太郎", "網走 花子", "2件")
		r = e.get("/admin/applications?status=interview")
		wantBody(t, r, b.Ref, `href="/admin/applications.csv?status=interview"`)
		if strings.Contains(r.Body, a.Ref) {
			t.Error("the status filter lists another status")
		}
		r = e.get("/admin/applications?q=" + url.QueryEscape("太郎"))
		if !strings.Contains(r.Body, a.Ref) || strings.Contains(r.Body, b.Ref) {
			t.Error("the search does not find exactly 太郎")
		}

		r = e.get("/admin/applications/" + itoa(a.ID))
		wantBody(t, r, a.Ref, "北見 太郎", "キタミ タロウ", "北見工業大学", "工学部 地球環境工学科", "2027年3月",
			"U-a@example.jp", "090-1234-5678", "はい", "授業で少し", "北見で働きたいです。", "LINE", "応募を受け付けました", "応募者")
		wantBody(t, e.get("/admin/applications/"+itoa(b.ID)), "Slack（U0SLACK）", "「応募受付」から「面談調整中」")
		wantStatus(t, e.get("/admin/applications/999999"), http.StatusNotFound)
		wantStatus(t, e.get("/admin/applications/abc"), http.StatusNotFound)
	})
}

func TestApplicationStatusChange(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.login()
		a := addApplication(t, e.store, "U-s", "北見 太郎", "")
		path := "/admin/applications/" + itoa(a.ID)
		r := e.post(path+"/status", url.Values{"csrf": {e.csrf()}, "status": {"screening"}})
		wantRedirect(t, r, path+"?msg=status")
		got, err := e.store.Application(ctx, a.ID)
		if err != nil || got.Status != bot.StatusScreening {
			t.Fatalf("status = %v, %v", got.Status, err)
		}
		events, _ := e.store.ApplicationEvents(ctx, a.ID)
		last := events[len(events)-1]
		if last.Actor != "admin" || last.From != "submitted" || last.To != "screening" {
			t.Errorf("audit = %+v", last)
		}
		wantBody(t, e.get(path+"?msg=status"), "選考状況を変更しました。", "「応募受付」から「書類選考中」", "管理画面")

		// Unknown status: nothing changes.
		r = e.post(path+"/status", url.Values{"csrf": {e.csrf()}, "status": {"hired"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)

		// Reopening while another application is active is refused politely.
		if _, err := e.store.SetApplicationStatus(ctx, a.ID, bot.StatusDeclined, "admin"); err != nil {
			t.Fatal(err)
		}
		addApplication(t, e.store, "U-s", "北見 太郎", "")
		r = e.post(path+"/status", url.Values{"csrf": {e.csrf()}, "status": {"screening"}})
		wantStatus(t, r, http.StatusConflict)
		wantBody(t, r, "選考中の別の応募があるため")
	})
}

func TestApplicationsCSV(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		a := addApplication(t, e.store, "U-c1", "北見 太郎", "=HYPERLINK(\"x\")")
		b := addApplication(t, e.store, "U-c2", "網走 花子", "")
		if _, err := e.store.SetApplicationStatus(context.Background(), b.ID, bot.StatusOffer, "admin"); err != nil {
			t.Fatal(err)
		}
		r := e.get("/admin/applications.csv")
		wantStatus(t, r, http.StatusOK)
		if ct := r.Header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
			t.Errorf("Content-Type = %q", ct)
		}
		if cd := r.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, `attachment; filename="applications-`) {
			t.Errorf("Content-Disposition = %q", cd)
		}
		rows := readCSV(t, r.Body)
		if len(rows) != 3 || rows[0][0] != "受付番号" || rows[0][3] != "氏名" {
			t.Fatalf("csv = %q", rows)
		}
		if rows[2][0] != a.Ref || rows[2][9] != "090-1234-5678" || rows[2][12] != `'=HYPERLINK("x")` {
			t.Errorf("row = %q", rows[2])
		}
		// The same filter as the list.
		rows = readCSV(t, e.get("/admin/applications.csv?status=offer").Body)
		if len(rows) != 2 || rows[1][0] != b.Ref || rows[1][2] != "内定" {
			t.Errorf("filtered csv = %q", rows)
		}
	})
}

// readCSV checks the byte order mark Excel needs and parses the rest.
func readCSV(t *testing.T, body string) [][]string {
	t.Helper()
	rest, ok := strings.CutPrefix(body, "\ufeff")
	if !ok {
		t.Fatalf("no UTF-8 BOM: %q", clip(body))
	}
	if !strings.Contains(rest, "\r\n") {
		t.Error("lines do not end in CRLF")
	}
	rows, err := csv.NewReader(strings.NewReader(rest)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
