package slack

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/worker"
	"github.com/slack-go/slack"
)

// The message metadata that marks what sakebot posted, so a message that
// went out but was not recorded can be found again.
const (
	metaApplication = "sakebot_application" // a notice; payload id: the application id
	metaHandoff     = "sakebot_handoff"     // a handoff thread; payload id: the handoff id
)

// metadata marks a message as the record's.
func metadata(kind string, id int64) slack.MsgOption {
	return slack.MsgOptionMetadata(slack.SlackMetadata{EventType: kind,
		EventPayload: map[string]any{"id": strconv.FormatInt(id, 10)}})
}

// mayHavePosted reports whether an earlier attempt at d may have posted
// without recording it: it failed after reaching Slack (a 500 can come
// after the message was stored), or the worker died holding it (in doubt).
func (s *Sender) mayHavePosted(d bot.Delivery) bool {
	return d.Attempts > 0 || d.InDoubt
}

// findPosted looks through the channel's messages since the delivery was
// queued for the one marked as the record's, and returns its ts. It reads
// at most a few pages: in a very busy channel a message may be missed and
// posted again (the one case where a notice can appear twice).
func (s *Sender) findPosted(ctx context.Context, channel, kind string, id int64, since time.Time) (string, bool, error) {
	want := strconv.FormatInt(id, 10)
	params := &slack.GetConversationHistoryParameters{ChannelID: channel, Limit: 200, IncludeAllMetadata: true,
		Oldest: strconv.FormatInt(since.Add(-5*time.Minute).Unix(), 10) + ".000000"}
	for range 5 {
		res, err := s.api.GetConversationHistoryContext(ctx, params)
		var refused *worker.SendError
		if err := classify(err); errors.As(err, &refused) && refused.Permanent {
			// Without channels:history (or groups:history) the channel cannot
			// be searched; posting again is then the lesser evil.
			s.log.Warn("slack: cannot look for an earlier post; posting again", "err", err)
			return "", false, nil
		}
		if err != nil {
			return "", false, classify(err)
		}
		for _, m := range res.Messages {
			if m.Metadata.EventType == kind && m.Metadata.EventPayload["id"] == want {
				return m.Timestamp, true, nil
			}
		}
		if !res.HasMore || res.ResponseMetaData.NextCursor == "" {
			break
		}
		params.Cursor = res.ResponseMetaData.NextCursor
	}
	return "", false, nil
}
