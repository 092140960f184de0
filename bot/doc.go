// Package bot is the domain of sakebot: the channel-neutral conversation
// engine, Japanese FAQ matching, the application form and its validators, the
// domain types, and the small interfaces the engine needs from storage.
//
// It knows no HTTP, no SQL and no platform SDK: channels convert their events
// to Incoming and render the returned Replies; store implements the storage
// interfaces declared here.
package bot
