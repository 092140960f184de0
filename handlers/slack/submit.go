package slack

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
	"github.com/slack-go/slack"
)

// submitFAQ saves the FAQ modal and returns the submission's answer:
// errors are shown in the modal next to their box (response_action
// errors); a saved entry replaces the modal with what was saved. The
// entry is live for the next question on every replica (the answerer
// reloads when the FAQ revision changes).
func (a *App) submitFAQ(ctx context.Context, ic *slack.InteractionCallback) any {
	var meta modalMeta
	_ = json.Unmarshal([]byte(ic.View.PrivateMetadata), &meta)
	top := meta.topBlock()
	if !a.isStaff(ic.User.ID) {
		a.log.Info("slack: FAQ edit refused", "user", ic.User.ID)
		return slack.NewErrorsViewSubmissionResponse(map[string]string{top: msgForbidden})
	}
	f, errs := submittedFAQ(ic.View.State, meta)
	if len(errs) > 0 {
		return slack.NewErrorsViewSubmissionResponse(errs)
	}
	f.UpdatedBy = ic.User.ID
	created := meta.ID == ""
	var err error
	if created {
		err = a.store.CreateFAQ(ctx, &f)
	} else {
		f, err = a.updateFAQ(ctx, meta, f)
	}
	switch {
	case errors.Is(err, bot.ErrConflict):
		return slack.NewErrorsViewSubmissionResponse(map[string]string{top: msgFAQSaveConflict})
	case errors.Is(err, bot.ErrNotFound):
		return slack.NewErrorsViewSubmissionResponse(map[string]string{top: msgFAQSaveNotFound})
	case err != nil:
		a.log.Error("slack: save faq", "err", err)
		return slack.NewErrorsViewSubmissionResponse(map[string]string{top: msgTryAgain})
	}
	if created && meta.MissID != 0 {
		if err := a.store.DismissMiss(ctx, meta.MissID); err != nil && !errors.Is(err, bot.ErrNotFound) {
			a.log.Warn("slack: dismiss the miss of a new entry", "err", err)
		}
	}
	a.log.Info("slack: faq saved", "faq", f.ID, "version", f.Version, "created", created, "staff", ic.User.ID)
	return slack.NewUpdateViewSubmissionResponse(doneModal(f, created))
}

// updateFAQ saves the edited boxes over the entry at the version the modal
// was opened at, keeping what the modal does not show (keywords, enabled,
// offer_person, and any field too long to show whole).
func (a *App) updateFAQ(ctx context.Context, meta modalMeta, edited faq.FAQ) (faq.FAQ, error) {
	stored, err := a.store.FAQ(ctx, meta.ID)
	if err != nil {
		return faq.FAQ{}, err
	}
	if stored.Version != meta.Version {
		return faq.FAQ{}, bot.ErrConflict
	}
	f := meta.keepStored(stored, edited)
	err = a.store.UpdateFAQ(ctx, &f)
	return f, err
}
