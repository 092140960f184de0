package slack

import (
	"context"
	"fmt"
	"strconv"

	"github.com/sakemodel/sakebot/bot"
	"github.com/slack-go/slack"
)

// maxMisses is how many unanswered questions /sakebot misses shows.
const maxMisses = 15

// missesCommand is /sakebot misses: the questions the bot could not
// answer, most frequent first, each with a button that opens the add
// modal filled in, and one that takes it off the list.
func (a *App) missesCommand(ctx context.Context) any {
	misses, err := a.store.ListMisses(ctx, maxMisses)
	if err != nil {
		a.log.Error("slack: list misses", "err", err)
		return ephemeral(msgTryAgain)
	}
	if len(misses) == 0 {
		return ephemeral(msgNoMisses)
	}
	blocks := []slack.Block{header("ボットが答えられなかった質問（多い順）")}
	for _, m := range misses {
		id := strconv.FormatInt(m.ID, 10)
		text := fmt.Sprintf("*%d回* %s\n_最後：%s_", m.Count, mrkdwnText(m.Question, 500), bot.FormatJST(m.LastAt))
		blocks = append(blocks, section(text), slack.NewActionBlock("miss_"+id,
			button(actionMissAdd, id, "FAQに追加").WithStyle(slack.StylePrimary),
			button(actionMissDismiss, id, "一覧から外す")))
	}
	return ephemeral("ボットが答えられなかった質問", blocks...)
}
