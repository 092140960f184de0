package slack

import (
	"context"
	"strings"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/jpinput"
	"github.com/sakemodel/sakebot/worker"
	"github.com/slack-go/slack"
)

// choice passes a click on one of the bot's offered answers (in a DM,
// under an answer in a channel, or in App Home, where there is no channel
// and the answer goes to the user's DM) to the engine as a postback, through the
// inbox like any event. Anyone may click these.
func (a *App) choice(ctx context.Context, ic *slack.InteractionCallback, act *slack.BlockAction) {
	scope, _, _ := strings.Cut(strings.TrimPrefix(act.ActionID, actionChoicePrefix), ":")
	in := bot.Incoming{Kind: bot.KindPostback, Postback: jpinput.CleanText(act.Value), Text: jpinput.CleanText(act.Text.Text), ReplyTo: ic.Channel.ID}
	switch {
	case ic.User.ID == "" || scope == choiceGroup && ic.Channel.ID == "":
		return
	case scope == choiceGroup:
		in.Key, in.Group = bot.UserKey{Channel: bot.ChannelSlack, UserID: ic.Channel.ID}, true
		in.Thread = ic.Container.ThreadTs
		if in.Thread == "" {
			in.Thread = ic.Container.MessageTs
		}
	default:
		in.Key = bot.UserKey{Channel: bot.ChannelSlack, UserID: ic.User.ID}
	}
	id := ic.TriggerID
	if id == "" {
		id = ic.User.ID + ":" + act.ActionTs
	}
	ev := worker.Event{ID: "slack:action:" + id, Incoming: in, ReceivedAt: a.cfg.clock()().UTC()}
	n, err := a.store.AcceptEvents(ctx, []worker.Event{ev})
	if err != nil {
		a.log.Error("slack: cannot store the click", "err", err)
		a.tellUser(ctx, ic, msgTryAgain)
		return
	}
	if n > 0 {
		a.wake()
	}
}
