// Package bot is the conversation: the engine that takes one channel-neutral
// message (Incoming) and returns channel-neutral replies, the requests it
// recognises, the application form, handoff to a person, notices to
// recruiters (queued as Deliveries), the domain types, and the small
// interfaces it needs from storage.
//
// It imports faq (understanding questions) and jpinput (parsing form
// answers), never HTTP, SQL, a platform SDK, the worker or a channel:
// channels convert their events to Incoming and render the Replies; the
// store implements the interfaces declared here; the worker runs turns.
package bot
