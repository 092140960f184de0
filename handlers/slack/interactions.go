package slack

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/slack-go/slack"
)

// interactions is POST /slack/interactions: button clicks and modal
// submissions. A click's database work is done before the answer (it is
// short); what it sends goes through the outbox, and the worker is woken.
func (a *App) interactions(w http.ResponseWriter, r *http.Request, _ []byte) {
	ic, err := slack.InteractionCallbackParse(r)
	if err != nil {
		http.Error(w, "malformed payload", http.StatusBadRequest)
		return
	}
	// Work on after Slack stops waiting, but not for ever.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), 10*time.Second)
	defer cancel()
	switch ic.Type {
	case slack.InteractionTypeBlockActions:
		for _, act := range ic.ActionCallback.BlockActions {
			a.blockAction(ctx, &ic, act)
		}
		w.WriteHeader(http.StatusOK)
	case slack.InteractionTypeViewSubmission:
		if ic.View.CallbackID == faqModalID {
			a.submitFAQ(ctx, w, &ic)
			return
		}
		w.WriteHeader(http.StatusOK)
	default:
		w.WriteHeader(http.StatusOK)
	}
}

// blockAction does what one button asks, if the clicking user may.
func (a *App) blockAction(ctx context.Context, ic *slack.InteractionCallback, act *slack.BlockAction) {
	id := act.ActionID
	if strings.HasPrefix(id, actionChoicePrefix) {
		a.choice(ctx, ic, act)
		return
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
