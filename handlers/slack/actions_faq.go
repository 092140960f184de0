package slack

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/sakemodel/sakebot/bot"
	"github.com/slack-go/slack"
)

// editFromButton opens the edit modal from the list's 編集 button.
func (a *App) editFromButton(ctx context.Context, ic *slack.InteractionCallback, id string) {
	f, err := a.store.FAQ(ctx, id)
	if errors.Is(err, bot.ErrNotFound) {
		a.tellUser(ctx, ic, msgFAQMissing)
		return
	}
	if err != nil {
		a.log.Error("slack: read faq", "err", err)
		a.tellUser(ctx, ic, msgTryAgain)
		return
	}
	if a.openModal(ctx, ic.TriggerID, inputOf(f)) != nil {
		a.tellUser(ctx, ic, msgModalFailed)
	}
}

// addFromMiss opens the add modal with an unanswered question filled in.
func (a *App) addFromMiss(ctx context.Context, ic *slack.InteractionCallback, value string) {
	id, _ := strconv.ParseInt(value, 10, 64)
	misses, err := a.store.ListMisses(ctx, 0)
	if err != nil {
		a.log.Error("slack: list misses", "err", err)
		a.tellUser(ctx, ic, msgTryAgain)
		return
	}
	in := faqModalInput{MissID: id}
	for _, m := range misses {
		if m.ID == id {
			in.Entry.Question = m.Question
		}
	}
	if a.openModal(ctx, ic.TriggerID, in) != nil {
		a.tellUser(ctx, ic, msgModalFailed)
	}
}

// dismissMiss takes an unanswered question off the list.
func (a *App) dismissMiss(ctx context.Context, ic *slack.InteractionCallback, value string) {
	id, _ := strconv.ParseInt(value, 10, 64)
	if err := a.store.DismissMiss(ctx, id); err != nil && !errors.Is(err, bot.ErrNotFound) {
		a.log.Error("slack: dismiss miss", "err", err)
		a.tellUser(ctx, ic, msgTryAgain)
		return
	}
	a.log.Info("slack: miss dismissed", "miss", id, "staff", ic.User.ID)
	a.tellUser(ctx, ic, msgMissDismissed)
}

// deleteFAQ deletes an entry once confirmed, if nobody changed it since
// the confirmation was shown.
func (a *App) deleteFAQ(ctx context.Context, ic *slack.InteractionCallback, value string) {
	i := strings.LastIndexByte(value, ':')
	if i < 0 {
		a.tellUser(ctx, ic, msgTryAgain)
		return
	}
	id := value[:i]
	version, err := strconv.Atoi(value[i+1:])
	if err != nil {
		a.tellUser(ctx, ic, msgTryAgain)
		return
	}
	err = a.store.DeleteFAQ(ctx, id, version, ic.User.ID)
	switch {
	case errors.Is(err, bot.ErrNotFound):
		a.replaceOriginal(ctx, ic, fmt.Sprintf(msgFAQAlreadyGone, id))
	case errors.Is(err, bot.ErrConflict):
		a.replaceOriginal(ctx, ic, msgFAQChanged)
	case err != nil:
		a.log.Error("slack: delete faq", "err", err)
		a.tellUser(ctx, ic, msgTryAgain)
	default:
		a.log.Info("slack: faq deleted", "faq", id, "staff", ic.User.ID)
		a.replaceOriginal(ctx, ic, fmt.Sprintf(msgFAQDeleted, id))
	}
}
