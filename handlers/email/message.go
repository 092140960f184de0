package email

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"mime"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sakemodel/sakebot/bot"
)

// letter is one rendered message: its subject and plain-text body.
type letter struct {
	Subject string
	Body    string
}

// noName stands for a candidate whose name is not known.
const noName = "（名前未登録）"

// maxQuestion is how many characters of a candidate's question a mail quotes.
const maxQuestion = 500

// noticeMail is the mail about a new application.
func noticeMail(a bot.Application, base string) letter {
	var b strings.Builder
	b.WriteString("採用担当者各位\n\n新しい応募がありました。\n\n")
	line(&b, "受付番号", a.Ref)
	line(&b, "お名前", nameOr(a.Name))
	line(&b, "経路", a.Key.Channel.Label())
	line(&b, "受付日時", bot.FormatJST(a.CreatedAt))
	b.WriteString("\n")
	link(&b, "応募内容は管理ページでご確認ください。", base, "/admin/applications/"+strconv.FormatInt(a.ID, 10))
	return letter{Subject: "【sakebot】新しい応募がありました（受付番号 " + a.Ref + "）", Body: b.String() + footer}
}

// handoffMail is the mail about a candidate who asks for a person.
func handoffMail(v bot.HandoffView, base string) letter {
	var b strings.Builder
	b.WriteString("採用担当者各位\n\n候補者が担当者との会話を希望されています。\n\n")
	line(&b, "お名前", nameOr(v.DisplayName))
	line(&b, "経路", v.Key.Channel.Label())
	if v.ApplicationRef != "" {
		line(&b, "受付番号", v.ApplicationRef)
	}
	line(&b, "きっかけ", reasonText(v.Reason))
	line(&b, "ご質問", questionOr(v.Question))
	recent(&b, v.Recent)
	line(&b, "日時", bot.FormatJST(v.CreatedAt))
	b.WriteString("\n")
	link(&b, "管理ページの「対応中の会話」から返信してください。", base, "/admin/inbox")
	return letter{Subject: "【sakebot】担当者との会話を希望されています", Body: b.String() + footer}
}

// footer ends every mail.
const footer = "\n--\nこのメールは sakebot が自動で送信しています。\n"

// line writes "label：value" on one line; value is made one line first
// (what a candidate typed may hold line breaks).
func line(b *strings.Builder, label, value string) {
	b.WriteString(label + "：" + oneLine(value) + "\n")
}

// link writes what to do and, when the admin page's address is known, the
// link to path on it.
func link(b *strings.Builder, text, base, path string) {
	b.WriteString(text + "\n")
	if base = strings.TrimRight(base, "/"); base != "" {
		b.WriteString(base + path + "\n")
	}
}

// nameOr is name, or noName when it is blank.
func nameOr(name string) string {
	if strings.TrimSpace(name) == "" {
		return noName
	}
	return name
}

// questionOr is a question clipped to maxQuestion characters, or （なし）.
func questionOr(q string) string {
	q = oneLine(q)
	if q == "" {
		return "（なし）"
	}
	if utf8.RuneCountInString(q) > maxQuestion {
		q = string([]rune(q)[:maxQuestion]) + "…"
	}
	return q
}

// recent lists the candidate's last questions before the handoff, if any.
func recent(b *strings.Builder, qs []string) {
	if len(qs) == 0 {
		return
	}
	b.WriteString("それまでのご質問：\n")
	for _, q := range qs {
		b.WriteString("・" + questionOr(q) + "\n")
	}
}

// reasonText says why a handoff was opened.
func reasonText(r bot.HandoffReason) string {
	if r == bot.HandoffUnanswered {
		return "ボットが答えられなかった質問について、担当者への接続を承諾されました"
	}
	return "ご本人が担当者との会話を希望されました"
}

// oneLine joins the words of s with single spaces: no line breaks, tabs
// or other control characters survive.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' || r == '\u0085' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// headerValue is v safe for a header: CR, LF and other control
// characters become spaces, so a value cannot start another header.
func headerValue(v string) string { return oneLine(v) }

// header is one header field of a message.
type header struct{ Name, Value string }

// compose writes the whole message (headers and base64 body, CRLF line
// ends) for delivery id, sent at now.
func compose(cfg Config, id int64, now time.Time, m letter) []byte {
	hs := []header{
		{"From", cfg.fromHeader()},
		{"To", "undisclosed-recipients:;"},
		{"Subject", mime.BEncoding.Encode("UTF-8", headerValue(m.Subject))},
		{"Date", now.Format(time.RFC1123Z)},
		{"Message-ID", messageID(id, cfg.domain())},
		{"MIME-Version", "1.0"},
		{"Content-Type", "text/plain; charset=UTF-8"},
		{"Content-Transfer-Encoding", "base64"},
		{"Auto-Submitted", "auto-generated"},
	}
	var buf bytes.Buffer
	for _, h := range hs {
		fmt.Fprintf(&buf, "%s: %s\r\n", h.Name, headerValue(h.Value))
	}
	buf.WriteString("\r\n")
	writeBase64(&buf, strings.ReplaceAll(m.Body, "\n", "\r\n"))
	return buf.Bytes()
}

// messageID is the Message-ID of delivery id: the same on every attempt,
// so that a mail sent twice (an attempt that failed after the server had
// taken it) is recognisable as one.
func messageID(id int64, domain string) string {
	return "<delivery-" + strconv.FormatInt(id, 10) + ".sakebot@" + headerValue(domain) + ">"
}

// writeBase64 writes s in base64, in lines of 76 characters.
func writeBase64(buf *bytes.Buffer, s string) {
	enc := base64.StdEncoding.EncodeToString([]byte(s))
	for len(enc) > 76 {
		buf.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	buf.WriteString(enc + "\r\n")
}
