// Package eventfile is the YAML file format in which staff export and
// import events — info sessions (説明会) and interview slots (面談) —
// with `sakebot events export [FILE]` and `sakebot events import FILE`.
//
// A file is a YAML list with one mapping per event:
//
//	# events.yaml
//	- id: 12
//	  kind: session
//	  title: 会社説明会(北見工業大学)
//	  starts: 2026-12-10 14:00
//	  ends: 2026-12-10 15:00
//	  deadline: 2026-12-09 17:00
//	  place: 北見工業大学 講義棟 A101
//	  url: https://meet.example.jp/abc
//	  capacity: 30
//	  note: 筆記用具をお持ちください。
//	  state: open
//
// The keys are:
//
//   - id (optional): the event to replace. Without it the entry is a new
//     event; with it, the stored event of that id is changed to match
//     (an id the database does not have is an error, so an export is
//     imported into another database with its ids removed).
//   - kind (required): session (説明会) or interview (面談); the Japanese
//     words are accepted too.
//   - title (required).
//   - starts, ends (required): Japan time (JST), written 2026-12-10 14:00;
//     RFC 3339 with an offset (2026-12-10T05:00:00Z) is accepted too.
//   - deadline (optional): when bookings close, as starts; defaults to
//     the start.
//   - place, url (one of them required): where, or the online meeting.
//   - capacity (required for a session): seats; an interview has one.
//   - note (optional): shown to students with the event.
//   - state (optional): open (the default), closed or cancelled.
//
// Any other key is an error, so that a misspelt key is never silently
// ignored. The values follow [bot.ValidateEvent], the same rules as on
// the admin page and in Slack; [Decode] reports every problem of a file
// at once, each with its line number, as a [*ValidationError]. [Encode]
// writes the same format; the seats booked, the version and who created
// an event belong to the database and are not written.
package eventfile
