package store

import (
	"context"

	"github.com/sakemodel/sakebot/bot"
)

// postsAboutSQL lists the Slack messages about a user: the notices of
// their applications and the threads of their handoffs.
const postsAboutSQL = `
SELECT slack_channel, slack_ts FROM applications WHERE channel = ? AND user_id = ? AND slack_ts <> ''
UNION ALL
SELECT slack_channel, slack_ts FROM handoffs WHERE channel = ? AND user_id = ? AND slack_ts <> ''`

// PostsAbout lists the messages posted to recruiters about the user.
func (t *Tx) PostsAbout(ctx context.Context, key bot.UserKey) ([]bot.Post, error) {
	var rows []struct {
		Channel string `db:"slack_channel"`
		TS      string `db:"slack_ts"`
	}
	ch, user := string(key.Channel), key.UserID
	if err := t.tx.SelectContext(ctx, &rows, t.tx.Rebind(postsAboutSQL), ch, user, ch, user); err != nil {
		return nil, wrap(err, "posts about %s:%s", ch, user)
	}
	out := make([]bot.Post, 0, len(rows))
	for _, r := range rows {
		out = append(out, bot.Post{Channel: r.Channel, TS: r.TS})
	}
	return out, nil
}
