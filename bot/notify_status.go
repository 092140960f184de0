package bot

import (
	"context"
	"fmt"
	"strconv"
)

// StaffStatuses are the statuses recruiters move an application to from
// its notice, in the order of the selection.
var StaffStatuses = []Status{StatusScreening, StatusInterview, StatusOffer, StatusDeclined}

// SetApplicationStatus moves an application to status to on behalf of a
// staff member (actor), in one transaction with what follows from it: the
// audit trail records who and when, the recruiters' notice is updated to
// show it, and a candidate invited to an interview is told so on their
// channel. It reports whether the status changed; setting the current
// status again does nothing. ErrNotFound when there is no such application.
func (e *Engine) SetApplicationStatus(ctx context.Context, id int64, to Status, actor string) (Application, bool, error) {
	var app Application
	var changed bool
	lock := UserKey{Channel: "application", UserID: strconv.FormatInt(id, 10)}
	err := e.store.InTx(ctx, lock, func(tx Tx) error {
		var err error
		app, changed, err = tx.ChangeApplicationStatus(ctx, id, to, actor)
		if err != nil || !changed {
			return err
		}
		t := &turn{e: e, ctx: ctx, tx: tx, in: Incoming{Key: app.Key}, now: e.now()}
		t.notice(DeliveryNoticeUpdate, id)
		if to == StatusInterview {
			t.offerInterview(app.Ref)
		}
		return t.pushOut()
	})
	if err == nil && changed {
		e.log.InfoContext(ctx, "application status changed", "application", id, "status", string(to))
	}
	return app, changed, err
}

// offerInterview tells a candidate invited to an interview: with the
// bookable interview slots when there are any, else that the recruiter
// will propose dates.
func (t *turn) offerInterview(ref string) {
	if !t.offerOthers(EventInterview, 0, 0, fmt.Sprintf(msgInterviewPick, ref)) {
		t.say(fmt.Sprintf(msgInterview, ref))
	}
}
