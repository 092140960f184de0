package line_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/handlers/line"
)

// botInfoClient is a Client over a fake bot info API answering with
// status and body.
func botInfoClient(t *testing.T, status int, body string, delay time.Duration) *line.Client {
	t.Helper()
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v2/bot/info" || r.Header.Get("Authorization") != "Bearer test-token" {
			http.NotFound(w, r)
			return
		}
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	t.Cleanup(api.Close)
	c, err := line.NewClient(line.Config{Secret: secret, Token: "test-token", APIBase: api.URL, DataAPIBase: api.URL})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestBasicID(t *testing.T) {
	ctx := context.Background()
	c := botInfoClient(t, 200, `{"userId":"Ub","basicId":"@123abcde","displayName":"北見の会社","chatMode":"bot","markAsReadMode":"auto"}`, 0)
	if id, err := c.BasicID(ctx); id != "@123abcde" || err != nil {
		t.Fatalf("BasicID = %q, %v", id, err)
	}
	if id, err := botInfoClient(t, 200, `{"userId":"Ub"}`, 0).BasicID(ctx); err == nil {
		t.Fatalf("an answer without basicId gave %q", id)
	}
	if id, err := botInfoClient(t, 401, `{"message":"Authentication failed"}`, 0).BasicID(ctx); err == nil {
		t.Fatalf("a 401 gave %q", id)
	}
	slow := botInfoClient(t, 200, `{"basicId":"@late"}`, 500*time.Millisecond)
	ctx, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if id, err := slow.BasicID(ctx); err == nil {
		t.Fatalf("a slow answer past the deadline gave %q", id)
	}
}
