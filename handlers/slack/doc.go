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
// over Socket Mode (Socket), through the same handlers.
//
// Every request is verified (the signing secret over the raw, size-capped
// body) before anything else and answered within Slack's 3 seconds: events
// go to the inbox (deduplicated on event_id) for the worker; button clicks
// and modal submissions do their short database work at once and leave
// everything that is sent to the outbox. The Sender delivers the outbox to
// Slack with Block Kit, within Slack's limits.
package slack
