package admin

import (
	"net/http"
	"strconv"

	"github.com/sakemodel/sakebot/bot"
)

// sourcePageView is what a source's printable page shows.
type sourcePageView struct {
	Source  bot.Source
	Count   SourceCount
	Text    string // what the LINE link types in: 「#K0612 …から来ました」
	LINE    string // the LINE link; empty when the basic ID is not known
	BasicID string
	Web     string // the web chat link
	History []bot.AuditEntry
	Actors  actorNames
}

// sourcePage shows a source's page, made to be printed: its QR codes (LINE
// and the web chat), their links and downloads, what it brought, and, on
// screen only, its editing and history.
func (s *server) sourcePage(w http.ResponseWriter, r *http.Request, sess session) {
	src, ok := s.sourceOf(w, r, sess)
	if !ok {
		return
	}
	ctx := r.Context()
	v := sourcePageView{Source: src, Text: sourceText(src), Web: webChatURL(s.siteURL(r), src.Code)}
	v.Count.SourceID = src.ID
	if v.BasicID = s.lineBasicID(ctx); v.BasicID != "" {
		v.LINE = oaMessageURL(v.BasicID, v.Text)
	}
	counts, err := s.sources.SourceCounts(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, c := range counts {
		if c.SourceID == src.ID {
			v.Count = c
		}
	}
	if v.History, v.Actors, err = s.history(ctx, bot.AuditFilter{Kind: bot.AuditSource, Subject: src.Code, Limit: 50}); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "source", view{Title: src.Name, Nav: "sources", CSRF: sess.csrf, Flash: flashOf(r), Data: v})
}

// sourceQRPNG sends the QR code of a source's link as PNG: the LINE link,
// or the web chat's with ?for=web.
func (s *server) sourceQRPNG(w http.ResponseWriter, r *http.Request, sess session) {
	s.sourceQR(w, r, sess, "png")
}

// sourceQRSVG sends the QR code of a source's link as SVG (for print
// shops and posters: it scales to any size).
func (s *server) sourceQRSVG(w http.ResponseWriter, r *http.Request, sess session) {
	s.sourceQR(w, r, sess, "svg")
}

// sourceQR draws the QR code of the link ?for= names (line, the default,
// or web) as format (png or svg); ?download=1 saves it as a file named
// after the code.
func (s *server) sourceQR(w http.ResponseWriter, r *http.Request, sess session, format string) {
	src, ok := s.sourceOf(w, r, sess)
	if !ok {
		return
	}
	ctx := r.Context()
	var link, which string
	switch r.URL.Query().Get("for") {
	case "", "line":
		basicID := s.lineBasicID(ctx)
		if basicID == "" {
			s.renderError(w, r, http.StatusNotFound, sess, "LINEのQRコードを作るには、LINE公式アカウントのベーシックID（@から始まるID）が必要です。LINE_BASIC_ID を設定するか、LINEの接続を確認してください。")
			return
		}
		link, which = oaMessageURL(basicID, sourceText(src)), "line"
	case "web":
		link, which = webChatURL(s.siteURL(r), src.Code), "web"
	default:
		s.renderError(w, r, http.StatusNotFound, sess, "このQRコードはありません。")
		return
	}
	var body []byte
	var err error
	contentType := "image/png"
	if format == "svg" {
		body, err = qrSVG(link)
		contentType = "image/svg+xml"
	} else {
		body, err = qrPNG(link)
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Cache-Control", "private, no-cache")
	if r.URL.Query().Get("download") == "1" {
		h.Set("Content-Disposition", `attachment; filename="qr-`+src.Code+`-`+which+`.`+format+`"`)
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	w.Write(body)
}

// sourceAuditText says in plain Japanese what an entry of the sources'
// audit trail did (its subject is the source's code).
func sourceAuditText(e bot.AuditEntry) string {
	switch e.Action {
	case "created":
		return "流入経路を作成（#" + e.Subject + "）"
	case "updated":
		return "流入経路を変更（" + e.Detail + "）"
	case "disabled":
		return "コードを停止（#" + e.Subject + "）"
	case "enabled":
		return "コードを再開（#" + e.Subject + "）"
	}
	return e.Action + " " + e.Detail
}
