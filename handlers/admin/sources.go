package admin

import (
	"context"
	"net/http"
	"strconv"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/export"
)

// sourceRow is one source of the list with what it brought.
type sourceRow struct {
	bot.Source
	SourceCount
}

// Conversion is the share of the source's students who applied (from
// their first message to an application), as 「12.5%」; 「—」 when it
// brought nobody yet.
func (r sourceRow) Conversion() string {
	if r.Students == 0 {
		return "—"
	}
	return strconv.FormatFloat(float64(r.Applications)*100/float64(r.Students), 'f', 1, 64) + "%"
}

// sourceListView is what the sources list shows.
type sourceListView struct {
	Rows  []sourceRow
	Total SourceCount // every source together
	Off   bool        // the sources pages are not wired (no SourceStore)
}

// sourceRows returns every source with its counts, in the store's order,
// and the totals.
func (s *server) sourceRows(ctx context.Context) ([]sourceRow, SourceCount, error) {
	list, err := s.sources.ListSources(ctx)
	if err != nil {
		return nil, SourceCount{}, err
	}
	counts, err := s.sources.SourceCounts(ctx)
	if err != nil {
		return nil, SourceCount{}, err
	}
	byID := make(map[int64]SourceCount, len(counts))
	for _, c := range counts {
		byID[c.SourceID] = c
	}
	var total SourceCount
	rows := make([]sourceRow, 0, len(list))
	for _, src := range list {
		c := byID[src.ID]
		c.SourceID = src.ID
		rows = append(rows, sourceRow{Source: src, SourceCount: c})
		total.Students += c.Students
		total.Arrivals += c.Arrivals
		total.Applications += c.Applications
		total.Bookings += c.Bookings
		total.Attended += c.Attended
	}
	return rows, total, nil
}

// sourceList shows the sources (流入経路) with the students each brought,
// their applications, bookings and attendance, and the share who applied.
func (s *server) sourceList(w http.ResponseWriter, r *http.Request, sess session) {
	if s.sourcesOff(w, r, sess) {
		return
	}
	rows, total, err := s.sourceRows(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "sources", view{Title: "流入経路", Nav: "sources", CSRF: sess.csrf, Flash: flashOf(r),
		Data: sourceListView{Rows: rows, Total: total}})
}

// sourceCSVHeader is the first row of the per-source report.
var sourceCSVHeader = []string{"コード", "名前", "種類", "状態", "学生数", "流入数（2回目以降を含む）", "応募した学生", "予約した学生",
	"出席した学生", "応募率", "作成日"}

// sourceCSV downloads the per-source report, written as every CSV of the
// project is (export.Writer: a BOM for Excel, formula cells defused).
func (s *server) sourceCSV(w http.ResponseWriter, r *http.Request, sess session) {
	if s.sourcesOff(w, r, sess) {
		return
	}
	ctx := r.Context()
	rows, _, err := s.sourceRows(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="sources-`+s.now().In(jst).Format("20060102")+`.csv"`)
	cw := export.NewWriter(w)
	write := func(cells []string) bool {
		if err := cw.Write(cells); err != nil {
			s.log.ErrorContext(ctx, "admin: write sources csv", "err", err)
			return false
		}
		return true
	}
	if !write(sourceCSVHeader) {
		return
	}
	for _, row := range rows {
		state := "有効"
		if row.Disabled {
			state = "停止中"
		}
		if !write([]string{row.Code, row.Name, row.Kind.Label(), state, strconv.Itoa(row.Students), strconv.Itoa(row.Arrivals),
			strconv.Itoa(row.Applications), strconv.Itoa(row.Bookings), strconv.Itoa(row.Attended), row.Conversion(),
			row.CreatedAt.In(jst).Format("2006-01-02")}) {
			return
		}
	}
	if err := cw.Flush(); err != nil {
		s.log.ErrorContext(ctx, "admin: write sources csv", "err", err)
		return
	}
	s.log.InfoContext(ctx, "admin: sources report downloaded", "count", len(rows))
}

// sourcesOff answers 503 with a message when the sources pages are not
// wired (ok true: the caller stops).
func (s *server) sourcesOff(w http.ResponseWriter, r *http.Request, sess session) bool {
	if s.sources != nil {
		return false
	}
	s.renderError(w, r, http.StatusServiceUnavailable, sess, "流入経路の機能はこのサーバーでは使えません。管理者にお問い合わせください。")
	return true
}
