package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/handlers/line/linetest"
	"github.com/sakemodel/sakebot/store/storetest"
)

// TestServeAnswersHandoffsFromTheAdminPage runs `sakebot serve` with LINE
// and the admin page but no Slack: a student who asks for a person is
// answered from 対応中の会話, through the worker serve runs.
func TestServeAnswersHandoffsFromTheAdminPage(t *testing.T) {
	api := linetest.NewAPI(t)
	addr := freeAddr(t)
	env := map[string]string{"DATABASE_URL": storetest.SQLiteURL(t), "ADDR": addr, "ADMIN_PASSWORD": "pw-inbox-long-enough",
		"LINE_CHANNEL_SECRET": "s3cret", "LINE_CHANNEL_ACCESS_TOKEN": "tok", "LINE_API_BASE_URL": api.URL, "LINE_DATA_API_BASE_URL": api.URL}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"sakebot"}, func(k string) string { return env[k] }, strings.NewReader(""), &out)
	}()
	base := "http://" + addr
	t.Cleanup(func() {
		if t.Failed() {
			select {
			case err := <-done:
				t.Logf("serve returned %v", err)
			default:
			}
			t.Log(out.String())
		}
	})
	waitFor(t, "healthz", func() bool {
		res, err := http.Get(base + "/healthz")
		if err == nil {
			res.Body.Close()
		}
		return err == nil && res.StatusCode == 200
	})
	body := []byte(fmt.Sprintf(`{"destination":"U0","events":[{"type":"message","mode":"active","timestamp":%d,
		"source":{"type":"user","userId":"Uinbox"},"webhookEventId":"01INBOX","deliveryContext":{"isRedelivery":false},
		"replyToken":"tok-inbox","message":{"type":"text","id":"1","text":"担当者と話したい"}}]}`, time.Now().UnixMilli()))
	req, _ := http.NewRequest("POST", base+"/line/webhook", bytes.NewReader(body))
	req.Header.Set("X-Line-Signature", linetest.Sign("s3cret", body))
	res, err := http.DefaultClient.Do(req)
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("webhook: %v %v", err, res)
	}
	res.Body.Close()
	waitFor(t, "the handoff's answer", func() bool { return len(api.Delivered()) == 1 })

	jar, _ := cookiejar.New(nil)
	browser := &http.Client{Jar: jar}
	page := func(method, path string, form url.Values) string {
		t.Helper()
		var b io.Reader
		if form != nil {
			b = strings.NewReader(form.Encode())
		}
		req, _ := http.NewRequest(method, base+path, b)
		req.Header.Set("Accept", "text/html")
		if form != nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		res, err := browser.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		text, _ := io.ReadAll(res.Body)
		return string(text)
	}
	page("POST", "/admin/login", url.Values{"password": {"pw-inbox-long-enough"}})
	link := regexp.MustCompile(`href="(/admin/inbox/\d+)"`).FindStringSubmatch(page("GET", "/admin/inbox", nil))
	if link == nil {
		t.Fatal("the student is not in 対応中の会話")
	}
	conv := page("GET", link[1], nil)
	csrf := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(conv)
	key := regexp.MustCompile(`name="reply_id" value="([^"]+)"`).FindStringSubmatch(conv)
	if csrf == nil || key == nil {
		t.Fatalf("no reply form:\n%s", conv)
	}
	page("POST", link[1]+"/reply", url.Values{"csrf": {csrf[1]}, "reply_id": {key[1]}, "text": {"担当の佐藤です。"}})
	waitFor(t, "the reply on LINE", func() bool {
		d := api.Delivered()
		return len(d) == 2 && d[1].Path == "/v2/bot/message/push" && strings.Contains(fmt.Sprint(d[1].Body), "【採用担当より】\n担当の佐藤です。")
	})
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve returned %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
}
