package slack

import (
	"context"
	"errors"
	"strconv"

	"github.com/sakemodel/sakebot/bot"
	"github.com/slack-go/slack"
)

// setStatus moves an application on a staff member's click. The status
// change, its audit entry, the notice's update and (for an interview) the
// message to the candidate commit together; the worker then delivers.
func (a *App) setStatus(ctx context.Context, ic *slack.InteractionCallback, status, value string) {
	to := bot.Status(status)
	id, err := strconv.ParseInt(value, 10, 64)
	if err != nil || !to.Valid() {
		a.tellUser(ctx, ic, msgTryAgain)
		return
	}
	_, changed, err := a.desk.SetApplicationStatus(ctx, id, to, ic.User.ID)
	switch {
	case errors.Is(err, bot.ErrNotFound):
		a.tellUser(ctx, ic, "この応募は見つかりません（削除された可能性があります）。")
	case errors.Is(err, bot.ErrActiveApplication):
		a.tellUser(ctx, ic, "この応募者には進行中の別の応募があるため、この状況には戻せません。")
	case err != nil:
		a.log.Error("slack: set application status", "err", err, "application", id)
		a.tellUser(ctx, ic, msgTryAgain)
	case changed:
		a.log.Info("slack: application status set", "application", id, "status", status, "staff", ic.User.ID)
		a.wake()
	}
}

// closeHandoff ends a handoff on 対応終了.
func (a *App) closeHandoff(ctx context.Context, ic *slack.InteractionCallback, value string) {
	id, err := strconv.ParseInt(value, 10, 64)
	if err != nil {
		a.tellUser(ctx, ic, msgTryAgain)
		return
	}
	closed, err := a.desk.CloseHandoff(ctx, id, ic.User.ID)
	switch {
	case errors.Is(err, bot.ErrNotFound):
		a.tellUser(ctx, ic, "この対応の記録は見つかりません（削除された可能性があります）。")
	case err != nil:
		a.log.Error("slack: close handoff", "err", err, "handoff", id)
		a.tellUser(ctx, ic, msgTryAgain)
	case !closed:
		a.tellUser(ctx, ic, msgHandoffCloseFail)
	default:
		a.log.Info("slack: handoff closed", "handoff", id, "staff", ic.User.ID)
		a.wake()
	}
}
