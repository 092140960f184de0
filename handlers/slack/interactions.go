package slack

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/slack-go/slack"
)

// interactions is POST /slack/interactions: the payload decoded, then
// onInteraction.
func (a *App) interactions(w http.ResponseWriter, r *http.Request, _ []byte) {
	ic, err := slack.InteractionCallbackParse(r)
	if err != nil {
		http.Error(w, "malformed payload", http.StatusBadRequest)
		return
	}
	answer(w, a.onInteraction(r.Context(), &ic))
}

// onInteraction handles a button click or a modal submission, over HTTP
// or Socket Mode, and returns the answer's payload (nil: an empty 200). A
// click on one of the bot's offered answers goes to the inbox like any
// event; a staff member's click does its short database work before the
// answer, and what it sends goes through the outbox (the worker is woken).
func (a *App) onInteraction(ctx context.Context, ic *slack.InteractionCallback) any {
	// Work on after Slack stops waiting, but not for ever.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	switch ic.Type {
	case slack.InteractionTypeBlockActions:
		for _, act := range ic.ActionCallback.BlockActions {
			a.blockAction(ctx, ic, act)
		}
	case slack.InteractionTypeViewSubmission:
		if ic.View.CallbackID == faqModalID {
			return a.submitFAQ(ctx, ic)
		}
	}
	return nil
}

// blockAction does what one button asks, if the clicking user may.
func (a *App) blockAction(ctx context.Context, ic *slack.InteractionCallback, act *slack.BlockAction) {
	id := act.ActionID
	if strings.HasPrefix(id, actionChoicePrefix) {
		a.choice(ctx, ic, act)
		return
	}
	if strings.HasPrefix(id, actionLinkPrefix) {
		return // a link button: Slack opened the address
	}
	if !a.isStaff(ic.User.ID) {
		a.log.Info("slack: action refused", "user", ic.User.ID, "action", actionName(id))
		a.tellUser(ctx, ic, msgForbidden)
		return
	}
	switch {
	case strings.HasPrefix(id, actionStatusPrefix):
		a.setStatus(ctx, ic, strings.TrimPrefix(id, actionStatusPrefix), act.Value)
	case id == actionHandoffClose:
		a.closeHandoff(ctx, ic, act.Value)
	case id == actionFAQEdit:
		a.editFromButton(ctx, ic, act.Value)
	case id == actionFAQDelete:
		a.deleteFAQ(ctx, ic, act.Value)
	case id == actionFAQKeep:
		a.replaceOriginal(ctx, ic, msgFAQDeleteKept)
	case id == actionMissAdd:
		a.addFromMiss(ctx, ic, act.Value)
	case id == actionMissDismiss:
		a.dismissMiss(ctx, ic, act.Value)
	}
}

// actionName is an action id without its variable part, for logs.
func actionName(id string) string {
	if i := strings.IndexByte(id, ':'); i >= 0 {
		return id[:i]
	}
	return id
}
