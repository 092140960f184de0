package bot

import "time"

// Candidate is a person who talks to the bot, usually a student.
type Candidate struct {
	ID          int64
	Key         UserKey
	DisplayName string
	Blocked     bool      // the user blocked the bot (LINE unfollow): send nothing more
	ConsentAt   time.Time // when they consented to the handling of personal data; zero if never
	// BroadcastOffAt is when they asked for no more announcements (配信停止);
	// zero: announcements are welcome. SaveCandidate leaves it as stored
	// (SourceTx.SetBroadcastOff sets it).
	BroadcastOffAt time.Time
	CreatedAt      time.Time
	UpdatedAt      time.Time
}
