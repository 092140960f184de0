// Package slack is sakebot's Slack channel, where recruiters and staff
// work: new applications are posted to a channel with buttons that move
// them through the selection; a candidate who asks for a person becomes a
// thread there, and recruiters' replies in it go back to the candidate;
// staff edit the FAQ with /sakebot. Students may also ask the bot in a DM
// or by mentioning it.
//
// Every request is verified (the signing secret over the raw, size-capped
// body) before anything else and answered within Slack's 3 seconds: events
// go to the inbox (deduplicated on event_id) for the worker; button clicks
// and modal submissions do their short database work at once and leave
// everything that is sent to the outbox. The Sender delivers the outbox to
// Slack with Block Kit, within Slack's limits.
package slack
