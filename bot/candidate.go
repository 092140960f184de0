package bot

import "time"

// Candidate is a person who talks to the bot, usually a student.
type Candidate struct {
	ID          int64
	Key         UserKey
	DisplayName string
	Blocked     bool      // the user blocked the bot (LINE unfollow): send nothing more
	ConsentAt   time.Time // when they consented to the handling of personal data; zero if never
	CreatedAt   time.Time
	UpdatedAt   time.Time
}
