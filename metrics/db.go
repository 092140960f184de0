package metrics

import (
	"context"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// dbCollector reads the gauges from the database at scrape time.
type dbCollector struct {
	snapshot func(context.Context) (Snapshot, error)
	log      *slog.Logger
}

var (
	questionsDesc    = prometheus.NewDesc("sakebot_faq_questions_total", "Questions asked, by outcome (answered, ambiguous, missed), and entries picked from the choices offered (chosen).", []string{"outcome"}, nil)
	applicationsDesc = prometheus.NewDesc("sakebot_applications", "Applications, by status.", []string{"status"}, nil)
	candidatesDesc   = prometheus.NewDesc("sakebot_candidates", "Candidates known to the bot.", nil, nil)
	inboxDesc        = prometheus.NewDesc("sakebot_inbox_pending", "Received events not processed yet.", nil, nil)
	outboxDesc       = prometheus.NewDesc("sakebot_outbox_pending", "Deliveries waiting to be sent.", nil, nil)
	outboxFailedDesc = prometheus.NewDesc("sakebot_outbox_failed", "Deliveries given up.", nil, nil)
	outboxAgeDesc    = prometheus.NewDesc("sakebot_outbox_oldest_age_seconds", "Age of the oldest pending delivery.", nil, nil)
	handoffsDesc     = prometheus.NewDesc("sakebot_handoffs_open", "Conversations handed to a person and not closed.", nil, nil)
)

// Describe implements prometheus.Collector.
func (c *dbCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{questionsDesc, applicationsDesc, candidatesDesc, inboxDesc, outboxDesc, outboxFailedDesc, outboxAgeDesc, handoffsDesc} {
		ch <- d
	}
}

// Collect implements prometheus.Collector.
func (c *dbCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	s, err := c.snapshot(ctx)
	if err != nil {
		c.log.Warn("metrics: cannot read the database", "err", err)
		return
	}
	for outcome, n := range s.Questions {
		ch <- prometheus.MustNewConstMetric(questionsDesc, prometheus.CounterValue, float64(n), outcome)
	}
	for status, n := range s.Applications {
		ch <- prometheus.MustNewConstMetric(applicationsDesc, prometheus.GaugeValue, float64(n), status)
	}
	gauge := func(d *prometheus.Desc, v float64) { ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v) }
	gauge(candidatesDesc, float64(s.Candidates))
	gauge(inboxDesc, float64(s.InboxPending))
	gauge(outboxDesc, float64(s.OutboxPending))
	gauge(outboxFailedDesc, float64(s.OutboxFailed))
	gauge(outboxAgeDesc, s.OutboxOldest.Seconds())
	gauge(handoffsDesc, float64(s.HandoffsOpen))
}
