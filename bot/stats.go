package bot

import (
	"time"

	"github.com/sakemodel/sakebot/faq"
)

// StatsQuery selects the period the staff dashboard summarises.
type StatsQuery struct {
	Since time.Time // the start of the period: questions at or after it count
	Days  int       // how many days (in Japan) the daily counts cover, starting on Since's day
	Top   int       // how many FAQ entries and open handoffs to list
}

// Stats is what the staff dashboard shows: how many people talk to the
// bot, how well it answers, where the applications stand and who waits for
// a person.
type Stats struct {
	Candidates   int            // people who ever talked to the bot
	Questions    QuestionCounts // questions asked in the period, by outcome
	Applications map[Status]int // every application, by its status now
	Days         []DayCount     // questions per day of the period, oldest first, every day present
	TopFAQs      []FAQCount     // the entries that answered most often in the period, most first
	OpenHandoffs int            // handoffs requested or open
	Handoffs     []Handoff      // the newest of them, newest first
}

// QuestionCounts counts questions by what the bot did with them.
type QuestionCounts struct {
	Answered  int // answered from an entry
	Ambiguous int // offered close entries to choose from
	Missed    int // could not answer
}

// OutcomeChosen is what RecordQuestion records when a student picks an
// entry from the choices offered (after an ambiguous question, or from the
// FAQ menu): the entry counts among the most asked, but no second
// question is counted.
const OutcomeChosen = "chosen"

// Total is the number of questions counted.
func (c QuestionCounts) Total() int { return c.Answered + c.Ambiguous + c.Missed }

// Add counts one question of outcome ("answered", "ambiguous", "missed");
// other outcomes are ignored.
func (c *QuestionCounts) Add(outcome string, n int) {
	switch outcome {
	case faq.Answered.String():
		c.Answered += n
	case faq.Ambiguous.String():
		c.Ambiguous += n
	case faq.Missed.String():
		c.Missed += n
	}
}

// DayCount is the questions of one day in Japan.
type DayCount struct {
	Day time.Time // midnight of the day, in JST
	QuestionCounts
}

// FAQCount is how often an entry answered.
type FAQCount struct {
	FAQID    string
	Question string // the entry's question; empty when it was deleted since
	Count    int
}
