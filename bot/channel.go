package bot

// channelLabels name the channels for staff, in the order Channels lists
// them.
var channelLabels = map[Channel]string{
	ChannelLINE:  "LINE",
	ChannelSlack: "Slack",
	ChannelWeb:   "Webチャット",
	ChannelCLI:   "ターミナル",
}

// Label names the channel for staff: 「LINE」, 「Slack」, 「Webチャット」,
// 「ターミナル」, and 「メール」 for recruiters' e-mail (ChannelEmail); an
// unknown channel is shown as it is stored.
func (c Channel) Label() string {
	if l, ok := channelLabels[c]; ok {
		return l
	}
	if c == ChannelEmail {
		return "メール" // not in channelLabels: no student's channel, so not Valid
	}
	return string(c)
}

// Valid reports whether c is a known channel.
func (c Channel) Valid() bool {
	_, ok := channelLabels[c]
	return ok
}

// Channels lists every channel in the order staff see them, for filters
// and breakdowns: LINE, Slack, the web chat, the terminal.
func Channels() []Channel {
	return []Channel{ChannelLINE, ChannelSlack, ChannelWeb, ChannelCLI}
}

// ChannelCount is how many candidates and applications came through one
// channel, for the staff dashboard.
type ChannelCount struct {
	Channel      Channel
	Candidates   int // people who ever talked to the bot on it
	Applications int // every application made on it
}
