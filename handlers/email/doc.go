// Package email is sakebot's e-mail channel to recruiters, for when Slack
// is not configured: a new application (bot.DeliveryNotice) and a
// candidate asking for a person (bot.DeliveryHandoffOpen), an interview
// booked or cancelled (bot.DeliveryBookingNotice) and the engine's own
// messages to recruiters (bot.DeliveryStaffMessage: the next day's
// bookings, a LINE quota warning) are mailed to
// the staff accounts that opted in (bot.Staff.NotifyEmail, not
// Disabled). Sender implements worker.Sender, so a mail is queued in the
// outbox in the same transaction as the application or handoff and is
// retried like any delivery.
//
// The recipients and the record are looked up when the mail is sent, and
// the mail is rendered from storage, as the Slack channel does: the
// outbox holds no copy of an application. The mail carries only what
// staff need to find the record (the reference, the name, the channel,
// the question) and a link to the admin page; the rest of the personal
// data stays in the database.
//
// The other kinds of deliveries to recruiters (status updates, handoff
// relays and closes, retractions) only make sense in a Slack channel: a
// handoff is answered in the admin page's inbox when Slack is off, and a
// mail cannot be changed or taken back. Sender sends nothing for them and
// reports success, so they are marked sent.
//
// Mail goes out over SMTP (net/smtp), with STARTTLS required unless the
// configuration says the server is a local relay (SMTP_TLS=none), and
// PLAIN authentication when a user is set.
package email
