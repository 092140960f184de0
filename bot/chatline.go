package bot

import "time"

// ChatLine is one line of a conversation as a chat page shows it (the web
// chat keeps its conversations as such lines): what the user sent, or a
// delivery of the bot's replies.
type ChatLine struct {
	ID       int64 // increasing within the log: a page's cursor
	User     string
	FromBot  bool
	ClientID string  // the user's lines: the page's id of the message
	Text     string  // the user's lines: what they sent (a tapped choice's label)
	Replies  []Reply // the bot's lines
	At       time.Time
}
