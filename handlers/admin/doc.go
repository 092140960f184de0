// Package admin is the staff web page of sakebot, mounted at /admin/ when
// ADMIN_PASSWORD is set: a dashboard, the FAQ editor with a 「試す」 box
// that shows which entry would answer a question, the questions the bot
// could not answer, and the applications with their audit trail and CSV
// download.
//
// Pages are rendered on the server with html/template (so everything typed
// by students or staff is escaped) from templates and a stylesheet embedded
// in the binary; the page uses no script at all and no external resource,
// and its Content-Security-Policy says so. The UI is in Japanese and works
// on a phone.
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
// It imports bot, faq, faqfile and export; never store, a channel or SQL.
package admin
