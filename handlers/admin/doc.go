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
// The package declares the small storage interfaces it uses (stores.go);
// *store.Store implements them. Logs never carry personal data.
//
// It imports bot, worker (a staff reply is an event for it), faq, faqfile
// and export; never store, a channel or SQL.
package admin
