// Package admin is the staff web page of sakebot, mounted at /admin/ when
// ADMIN_PASSWORD is set: a dashboard, the FAQ editor with a 「試す」 box
// that shows which entry would answer a question, the questions the bot
// could not answer, the applications with their audit trail and CSV
// download, and 対応中の会話: the conversations of candidates waiting for
// a person, where staff read what was said (in the Slack thread too),
// reply to the candidate on their channel and end the handoff.
//
// Pages are rendered on the server with html/template (so everything typed
// by students or staff is escaped) from templates and a stylesheet embedded
// in the binary; the page loads no external resource, and its
// Content-Security-Policy says so. Only the pages of 対応中の会話 run a
// script, the page's own static/live.js, which fetches fresh fragments of
// the same page every few seconds (their CSP allows that and nothing
// more); everything else uses no script at all. The UI is in Japanese and
// works on a phone.
//
// Access: one shared password (compared in constant time; a client address
// that keeps failing waits longer and longer), then a session whose random
// token is kept in a cookie (HttpOnly, SameSite=Lax, Secure over HTTPS) and,
// hashed, in the database, so every replica accepts it and logging out ends
// it. Every form that changes something carries the session's CSRF token,
// and cross-origin posts are refused besides.
//
// Sources (流入経路, sources*.go): each source's page shows, ready to
// print, the QR code of LINE's oaMessage link (which opens the chat with
// 「#K0612 …から来ました」 typed in) and of the web chat's ?src= link, as
// PNG and SVG. The QR codes are drawn with github.com/piglig/go-qr, a Go
// port of Nayuki's reference QR Code generator, chosen among the Go
// libraries in the module proxy because it has no dependencies, renders
// both PNG and SVG in memory (the SVG as one path, so a print shop can
// scale it), is released and maintained (v1.0.0 and v1.1.0 in 2026, with
// fuzzed tests) and can also decode, which the tests use to read the
// codes back. github.com/skip2/go-qrcode has had no release since 2020 and
// draws PNG only; github.com/yeqown/go-qrcode/v2 draws through separate
// writer modules (PNG through writer/standard and its image libraries)
// and has no SVG writer.
//
// 配信 (segments*.go, broadcasts*.go, rules*.go): segments (saved filters
// with their live head count), broadcasts (draft, LINE-style preview, test
// to the staff member's Slack DM, send now or at a JST time, the LINE quota
// it costs, over the quota only with a 管理者's confirmation, sent /
// failed / replies) and automatic messages (rules with quiet hours), all
// changed through bot.Outreach, which validates them and keeps the audit
// trail.
//
// The package declares the small storage interfaces it uses (stores.go);
// *store.Store implements them. Logs never carry personal data.
//
// It imports bot, worker (a staff reply is an event for it), faq, faqfile
// and export; never store, a channel or SQL.
package admin
