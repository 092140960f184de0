package bot

import "time"

// Channel names the platform a conversation happens on.
type Channel string

// The channels sakebot talks on.
const (
	ChannelLINE  Channel = "line"
	ChannelSlack Channel = "slack"
	ChannelCLI   Channel = "cli"
	ChannelWeb   Channel = "web" // the web chat on the recruiting page
	// ChannelEmail mails recruiters (Notify) when Slack is off; no
	// student talks on it, so Channels does not list it.
	ChannelEmail Channel = "email"
)

// UserKey identifies one person on one channel; it is the unit of ordering
// and locking: one key, one conversation, one turn at a time.
type UserKey struct {
	Channel Channel
	UserID  string
}

// Kind says what happened on the channel.
type Kind string

// The kinds of incoming events the engine understands.
const (
	KindMessage     Kind = "message"     // the user typed Text
	KindPostback    Kind = "postback"    // the user tapped a choice carrying Postback
	KindFollow      Kind = "follow"      // the user added the bot (or unblocked it)
	KindUnfollow    Kind = "unfollow"    // the user blocked the bot
	KindUnsupported Kind = "unsupported" // a sticker, image, location or other non-text content
	KindOpen        Kind = "open"        // the user opened the conversation (a terminal chat started)
)

// Incoming is one channel-neutral event from a user.
type Incoming struct {
	Key         UserKey
	Kind        Kind
	Text        string    // the typed text (KindMessage)
	Postback    string    // the data of the tapped choice (KindPostback)
	DisplayName string    // the user's display name, when the channel knows it
	Unblocked   bool      // KindFollow: the user had blocked the bot before
	Group       bool      // said in a group or room: answer briefly, never collect personal data
	ReplyTo     string    // where replies go when not the user's own chat (a LINE group or room, a Slack channel)
	Thread      string    // a Slack thread to answer in, if any
	Staff       string    // KindStaffReply: who replied, as an actor string (an admin page's actor, a Slack user id)
	Handoff     int64     // KindStaffReply from the admin page: the handoff answered
	Source      string    // a source's code the channel carried outside the text (the web chat's ?src=), if any
	At          time.Time // when the platform says it happened (reply tokens age from it); the turn itself runs on the engine's clock
}
