// Package slack is sakebot's Slack channel, where recruiters and staff
// work: new applications are posted to a channel with buttons that move
// them through the selection; a candidate who asks for a person becomes a
// thread there, and recruiters' replies in it go back to the candidate;
// staff edit the FAQ with /sakebot. Students may also talk to the bot in
// a DM, the same conversation as on LINE (FAQ answers and the whole
// application form, with Block Kit buttons), or mention it in a channel,
// where it answers FAQs in a thread and moves anything personal to a DM.
// App Home shows students what the bot does, and staff the latest
// applications and the questions it could not answer.
//
// Requests arrive at request URLs (Routes) or, with an app-level token,
// over Socket Mode (Socket); either way they are decoded and handed to the
// same functions (onEvent, onCommand, onInteraction), whose answer is the
// HTTP response or the Socket Mode ack.
//
// Every request is verified (the signing secret over the raw, size-capped
// body) before anything else and answered within Slack's 3 seconds. What
// students say and click, and recruiters' replies in handoff threads, go
// to the inbox (deduplicated on event_id) for the worker, and the engine
// decides what they mean in the user's turn; staff's buttons, commands and
// modals do their short database work at once and leave everything that
// is sent to the outbox. The Sender delivers the outbox to Slack with
// Block Kit, within Slack's limits.
//
// It imports handlers, bot, worker, faq and jpinput and the Slack SDK;
// never store, another channel, or SQL: what it needs from storage it
// declares (deps.go).
package slack
