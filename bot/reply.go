package bot

// Reply is one channel-neutral message from the bot. Channels render it in
// their own format: LINE text with quick replies or a Flex bubble, Slack
// Block Kit, or lines on a terminal.
type Reply struct {
	Text    string   `json:"text,omitempty"`
	Choices []Choice `json:"choices,omitempty"` // offered answers (quick replies, buttons)
	Summary *Summary `json:"summary,omitempty"` // the form's confirmation card
	// Slots offers events to book: a carousel on LINE (at most 12),
	// buttons in Slack and the web chat, numbered lines in a terminal.
	Slots []Slot `json:"slots,omitempty"`
	// Links are addresses to open (an .ics calendar file): a URI button
	// on LINE and in Slack, a link in the web chat, the URL in a terminal.
	Links []Link `json:"links,omitempty"`
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

// Slot is one event offered for booking, as a card with one button.
type Slot struct {
	EventID   int64  `json:"event_id"`
	Kind      string `json:"kind"`  // EventKind's label: 説明会, 面談
	Title     string `json:"title"` // the event's title
	When      string `json:"when"`  // the date and time in JST, e.g. 12月10日(木) 14:00〜15:00
	Place     string `json:"place"` // the place, or オンライン
	SeatsLeft int    `json:"seats_left"`
	Choice    Choice `json:"choice"` // the 予約する button
}

// Link is an address the user can open.
type Link struct {
	Label string `json:"label"` // at most 20 characters
	URL   string `json:"url"`
}
