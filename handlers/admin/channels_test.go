package admin_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
)

// webUser is a key of the web chat.
func webUser(id string) bot.UserKey {
	return bot.UserKey{Channel: bot.ChannelWeb, UserID: id}
}

// TestApplicationsByChannel shows each application's channel in the list,
// filters the list and its CSV on it, and counts the web chat on the
// dashboard like the other channels.
func TestApplicationsByChannel(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		line := addApplication(t, e.store, "U-line", "北見 太郎", "")
		web := addApplicationOn(t, e.store, webUser("w-hanako"), "網走 花子", "")

		r := e.get("/admin/applications")
		wantBody(t, r, "<th>チャネル</th>", `<select id="channel" name="channel">`, `<option value="">すべてのチャネル</option>`,
			`<option value="line">LINE</option>`, `<option value="slack">Slack</option>`,
			`<option value="web">Webチャット</option>`, `<option value="cli">ターミナル</option>`,
			`<td data-label="チャネル" class="nowrap">Webチャット</td>`, `<td data-label="チャネル" class="nowrap">LINE</td>`, "2件")

		r = e.get("/admin/applications?channel=web")
		wantBody(t, r, web.Ref, "1件", `<option value="web" selected>Webチャット</option>`,
			`href="/admin/applications.csv?channel=web"`, "条件をクリア")
		if strings.Contains(r.Body, line.Ref) {
			t.Error("the channel filter lists another channel")
		}
		r = e.get("/admin/applications?channel=web&status=submitted&q=" + urlQuery("花子"))
		wantBody(t, r, web.Ref, `href="/admin/applications.csv?channel=web&amp;q=%E8%8A%B1%E5%AD%90&amp;status=submitted"`)
		r = e.get("/admin/applications?channel=line&status=interview")
		wantBody(t, r, "条件に合う応募はありません。")
		// An unknown channel means all, as an unknown status does.
		wantBody(t, e.get("/admin/applications?channel=fax"), line.Ref, web.Ref, "2件")

		rows := readCSV(t, e.get("/admin/applications.csv?channel=web").Body)
		if len(rows) != 2 || rows[1][0] != web.Ref {
			t.Errorf("csv of the web chat = %q", rows)
		}
		rows = readCSV(t, e.get("/admin/applications.csv?channel=line").Body)
		if len(rows) != 2 || rows[1][0] != line.Ref {
			t.Errorf("csv of LINE = %q", rows)
		}

		wantBody(t, e.get("/admin/applications/"+itoa(web.ID)), "<dt>チャネル</dt><dd>Webチャット</dd>")

		r = e.get("/admin/")
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, "<h2>チャネル別</h2>", `<th scope="col">チャネル</th>`,
			`<td data-label="チャネル" class="strong">Webチャット</td>`,
			`<a href="/admin/applications?channel=web">1件</a>`, `<a href="/admin/applications?channel=line">1件</a>`,
			`<td data-label="チャネル" class="strong">ターミナル</td>`, "LINE・Slack・Webチャットで担当者を希望")
	})
}

// TestWebChannelNameIsEscaped shows markup typed as a name on the web chat
// as text in the list and on the detail page.
func TestWebChannelNameIsEscaped(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		a := addApplicationOn(t, e.store, webUser("w-evil"), `<img src=x onerror=alert(1)>`, "")
		for _, p := range []string{"/admin/applications", "/admin/applications?channel=web", "/admin/applications/" + itoa(a.ID)} {
			r := e.get(p)
			wantStatus(t, r, http.StatusOK)
			wantBody(t, r, "&lt;img", "Webチャット")
			if strings.Contains(r.Body, "<img src=x") {
				t.Errorf("%s: the name's markup is not escaped", p)
			}
		}
	})
}
