// Package metrics exposes sakebot's Prometheus metrics (names prefixed
// sakebot_): HTTP requests by route and status, events processed, deliveries
// and their errors, end-to-end latency, and whole-system gauges read from the
// database at scrape time (so every replica reports the same figures).
package metrics

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/worker"
)

// Snapshot is what the database says at scrape time.
type Snapshot struct {
	Questions     map[string]int // questions asked, by outcome
	Applications  map[string]int // applications, by status
	Candidates    int
	InboxPending  int
	OutboxPending int
	OutboxFailed  int
	OutboxOldest  time.Duration
	HandoffsOpen  int
}

// Metrics holds the collectors; it implements worker.Observer.
type Metrics struct {
	reg        *prometheus.Registry
	requests   *prometheus.CounterVec
	reqSeconds *prometheus.HistogramVec
	events     *prometheus.CounterVec
	eventSecs  *prometheus.HistogramVec
	duplicates *prometheus.CounterVec
	deliveries *prometheus.CounterVec
	answerSecs *prometheus.HistogramVec
}

var _ worker.Observer = (*Metrics)(nil)

// New registers every collector; snapshot is called at each scrape.
func New(snapshot func(context.Context) (Snapshot, error), log *slog.Logger) *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry()}
	f := factory{m.reg}
	m.requests = f.counter("sakebot_http_requests_total", "HTTP requests by route and status code.", "route", "code")
	m.reqSeconds = f.histogram("sakebot_http_request_duration_seconds", "Time to answer an HTTP request, by route.", "route")
	m.events = f.counter("sakebot_events_processed_total", "Events processed by the worker, by channel and result (ok, error).", "channel", "result")
	m.eventSecs = f.histogram("sakebot_event_processing_seconds", "Time to process one event (engine turn and outbox write).", "channel")
	m.duplicates = f.counter("sakebot_events_duplicate_total", "Webhook events dropped as already received (redeliveries, retries).", "channel")
	m.deliveries = f.counter("sakebot_deliveries_total", "Delivery attempts by channel, kind and outcome (sent, retry, failed).", "channel", "kind", "outcome")
	m.answerSecs = f.histogram("sakebot_answer_latency_seconds", "From the platform event to the answer accepted by the platform.", "channel")
	m.reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m.reg.MustRegister(&dbCollector{snapshot: snapshot, log: log})
	return m
}

// Handler serves /metrics.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// EventProcessed implements worker.Observer.
func (m *Metrics) EventProcessed(ch bot.Channel, took time.Duration, err error) {
	result := "ok"
	if err != nil {
		result = "error"
	}
	m.events.WithLabelValues(string(ch), result).Inc()
	m.eventSecs.WithLabelValues(string(ch)).Observe(took.Seconds())
}

// DeliveryDone implements worker.Observer.
func (m *Metrics) DeliveryDone(ch bot.Channel, kind bot.DeliveryKind, outcome string, sinceEvent time.Duration) {
	m.deliveries.WithLabelValues(string(ch), string(kind), outcome).Inc()
	if outcome == "sent" && kind == bot.DeliveryReply {
		m.answerSecs.WithLabelValues(string(ch)).Observe(sinceEvent.Seconds())
	}
}

// Duplicates counts webhook events dropped as already received.
func (m *Metrics) Duplicates(channel string, n int) {
	if n > 0 {
		m.duplicates.WithLabelValues(channel).Add(float64(n))
	}
}

// factory registers collectors with the sakebot conventions.
type factory struct{ reg *prometheus.Registry }

func (f factory) counter(name, help string, labels ...string) *prometheus.CounterVec {
	c := prometheus.NewCounterVec(prometheus.CounterOpts{Name: name, Help: help}, labels)
	f.reg.MustRegister(c)
	return c
}

func (f factory) histogram(name, help string, labels ...string) *prometheus.HistogramVec {
	h := prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: name, Help: help,
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}}, labels)
	f.reg.MustRegister(h)
	return h
}
