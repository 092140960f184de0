package linetest

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync"
	"testing"
)

// QuotaAPI fronts an API with LINE's monthly message quota: it answers
// GET /v2/bot/message/quota and /v2/bot/message/quota/consumption, counts
// every push the API accepted (one message per recipient, as LINE
// counts; replies are free), and once the month's limit is reached
// answers pushes with 429 "You have reached your monthly limit." without
// passing them on. Every other call goes to the API behind it.
type QuotaAPI struct {
	*httptest.Server
	API *API // the fake behind, which records the calls it received

	mu      sync.Mutex
	limit   int64 // 0: no limit (type "none")
	used    int64
	refused int // pushes refused for the quota
}

// NewQuotaAPI starts a QuotaAPI in front of api with a monthly limit (0:
// none) of which used messages are spent; closed when the test ends.
func NewQuotaAPI(t testing.TB, api *API, limit, used int64) *QuotaAPI {
	q := &QuotaAPI{API: api, limit: limit, used: used}
	target, _ := url.Parse(api.URL)
	proxy := httputil.NewSingleHostReverseProxy(target)
	q.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { q.serve(w, r, proxy) }))
	t.Cleanup(q.Close)
	return q
}

// SetQuota changes the limit (0: none) and the messages spent.
func (q *QuotaAPI) SetQuota(limit, used int64) {
	q.mu.Lock()
	q.limit, q.used = limit, used
	q.mu.Unlock()
}

// Used reports the messages spent this month.
func (q *QuotaAPI) Used() int64 {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.used
}

// Refused reports how many pushes were refused for the quota.
func (q *QuotaAPI) Refused() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.refused
}

func (q *QuotaAPI) serve(w http.ResponseWriter, r *http.Request, proxy http.Handler) {
	w.Header().Set("Content-Type", "application/json")
	q.mu.Lock()
	limit, used := q.limit, q.used
	q.mu.Unlock()
	switch r.URL.Path {
	case "/v2/bot/message/quota":
		if limit == 0 {
			io.WriteString(w, `{"type":"none"}`)
			return
		}
		fmt.Fprintf(w, `{"type":"limited","value":%d}`, limit)
		return
	case "/v2/bot/message/quota/consumption":
		fmt.Fprintf(w, `{"totalUsage":%d}`, used)
		return
	case "/v2/bot/message/push":
	default:
		proxy.ServeHTTP(w, r)
		return
	}
	if limit > 0 && used >= limit {
		q.mu.Lock()
		q.refused++
		q.mu.Unlock()
		w.WriteHeader(http.StatusTooManyRequests)
		io.WriteString(w, `{"message":"You have reached your monthly limit."}`)
		return
	}
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
	proxy.ServeHTTP(rec, r)
	if rec.status == http.StatusOK {
		q.mu.Lock()
		q.used++
		q.mu.Unlock()
	}
}

// statusRecorder keeps the status a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}
