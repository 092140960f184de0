package bot

// Reply is one channel-neutral message from the bot. Channels render it in
// their own format: LINE text with quick replies or a Flex bubble, Slack
// Block Kit, or lines on a terminal.
type Reply struct {
	Text    string   `json:"text,omitempty"`
	Choices []Choice `json:"choices,omitempty"` // offered answers (quick replies, buttons)
	Summary *Summary `json:"summary,omitempty"` // the form's confirmation card
	// Staff marks a staff member's reply relayed into a handoff's thread
	// (DeliveryHandoffRelay of a reply written on the admin page): who
	// wrote it, as an actor string. Empty in every other reply.
	Staff string `json:"staff,omitempty"`
}

// Choice is an answer the user can pick instead of typing.
type Choice struct {
	Label    string `json:"label"`              // short text on the button (at most 20 characters)
	Text     string `json:"text"`               // what the choice means, as if the user had typed it
	Postback string `json:"postback,omitempty"` // data for channels with postbacks; carries a version marker
}

// Summary is the application form's confirmation card.
type Summary struct {
	Title   string         `json:"title"`
	Fields  []SummaryField `json:"fields"`
	Choices []Choice       `json:"choices"`
}

// SummaryField is one labelled line of a Summary.
type SummaryField struct {
	Label string `json:"label"`
	Value string `json:"value"`
}
