package admin

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/jpinput"
)

// phrasingAttempts is how many times adding a phrasing reads and saves the
// entry when someone else saves it in between.
const phrasingAttempts = 3

// invalidPhrasing is why an entry cannot take a question as one more
// phrasing: the entry with it added breaks a rule of faq.Validate.
type invalidPhrasing struct {
	problem faq.Problem // the first rule broken
	item    int         // the 1-based position the phrasing would have had among the alternatives
}

// Error implements error.
func (e *invalidPhrasing) Error() string {
	return "admin: the phrasing breaks a rule of the entry: " + e.problem.Message
}

// phrasingOf is a question as an entry keeps it as another way of asking:
// cleaned as the editor cleans what staff type, on one line (the editor
// keeps one phrasing per line), trimmed.
func phrasingOf(question string) string {
	return strings.TrimSpace(strings.ReplaceAll(jpinput.CleanText(question), "\n", " "))
}

// addPhrasing adds question to the entry faqID as another way of asking
// it, through the editor's path: the entry with the question added must
// pass faq.Validate as the editor checks it, and is saved with UpdateFAQ at
// the version read (so nobody's newer edit is overwritten), recorded in the
// FAQ audit trail as a change made on this page. When someone saves the
// entry in between, it reads the entry again and retries.
//
// It returns the entry and whether it changed: false when the entry
// already had the question as its question or one of its phrasings.
// bot.ErrNotFound when the entry is gone, bot.ErrConflict when it kept
// changing, an *invalidPhrasing when the question cannot be added.
func (s *server) addPhrasing(ctx context.Context, faqID, question, actor string) (faq.FAQ, bool, error) {
	phrasing := phrasingOf(question)
	for range phrasingAttempts {
		f, err := s.store.FAQ(ctx, faqID)
		if err != nil {
			return faq.FAQ{}, false, err
		}
		if hasPhrasing(f, phrasing) {
			return f, false, nil
		}
		f.Alternatives = append(f.Alternatives, phrasing)
		f.UpdatedBy = actor
		checked := f
		checked.ID = "" // as the editor checks an existing entry: its id is not edited
		if ps := faq.Validate(checked); len(ps) > 0 {
			return f, false, &invalidPhrasing{problem: ps[0], item: len(f.Alternatives)}
		}
		err = s.store.UpdateFAQ(ctx, &f)
		if errors.Is(err, bot.ErrConflict) {
			continue
		}
		if err != nil {
			return f, false, err
		}
		s.log.InfoContext(ctx, "admin: question added to a faq", "faq", f.ID, "version", f.Version)
		return f, true, nil
	}
	return faq.FAQ{}, false, bot.ErrConflict
}

// missPhrasing adds an unanswered question, in one click, to an entry
// students picked for it as another way of asking that entry, takes the
// question off the list and comes back to the list saying what happened.
func (s *server) missPhrasing(w http.ResponseWriter, r *http.Request, sess session) {
	ctx, faqID := r.Context(), r.PostFormValue("faq")
	m, err := s.findMiss(ctx, r.PathValue("id"))
	if errors.Is(err, bot.ErrNotFound) {
		redirect(w, r, "/admin/misses?msg=missgone")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	f, added, err := s.addPhrasing(ctx, faqID, m.Question, sess.actor())
	var invalid *invalidPhrasing
	switch {
	case errors.Is(err, bot.ErrNotFound):
		redirect(w, r, "/admin/misses?msg=phrasing-faqgone")
		return
	case errors.Is(err, bot.ErrConflict):
		redirect(w, r, "/admin/misses?msg=phrasing-conflict")
		return
	case errors.As(err, &invalid):
		redirect(w, r, "/admin/misses?msg="+invalid.reason())
		return
	case err != nil:
		s.serverError(w, r, err)
		return
	}
	if err := s.store.DismissMiss(ctx, m.ID); err != nil && !errors.Is(err, bot.ErrNotFound) {
		s.serverError(w, r, err)
		return
	}
	msg := "phrased"
	if !added {
		msg = "phrasing-known"
	}
	redirect(w, r, "/admin/misses?msg="+msg+"&faq="+url.QueryEscape(f.ID))
}

// reason is the key of missNotices that says why the question could not
// be added.
func (e *invalidPhrasing) reason() string {
	switch {
	case e.problem.Field == faq.FieldAlternatives && e.problem.Rule == faq.TooLong && e.problem.Item == e.item:
		return "phrasing-long"
	case e.problem.Field == faq.FieldAlternatives && e.problem.Rule == faq.TooMany:
		return "phrasing-full"
	}
	return "phrasing-invalid"
}

// message says, in Japanese, why the question could not be added.
func (e *invalidPhrasing) message() string {
	if r := e.reason(); r != "phrasing-invalid" {
		return missErrors[r]
	}
	return "このFAQはいまの内容のままでは保存できないため、追加できませんでした（" + e.problem.Message +
		"）。FAQの編集画面で内容をご確認ください。"
}

// missNotices are the notices of a one-click addition, by the ?msg= that
// asks for them; %s is the entry's question (?faq= names the entry).
var missNotices = map[string]string{
	"phrased":        "質問を「%s」の言い回しとして追加し、一覧から外しました。次からはこのFAQで回答します。",
	"phrasing-known": "この質問は「%s」の言い回しとしてすでに登録されていたため、一覧から外しました。",
}

// missErrors say why a one-click addition did not happen, by the ?msg=
// that asks for them.
var missErrors = map[string]string{
	"missgone":          "この質問は見つかりませんでした。すでに対応済みの可能性があります。",
	"phrasing-faqgone":  "選ばれたFAQはすでに削除されているため、追加できませんでした。質問は一覧に残しています。「FAQを作成」か「既存のFAQに追加」からご対応ください。",
	"phrasing-conflict": "ほかの方が同時にこのFAQを更新していたため、追加できませんでした。お手数ですが、もう一度お試しください。",
	"phrasing-long": fmt.Sprintf("この質問は%d文字を超えるため、別の言い方には追加できません。「FAQを作成」から短くまとめてご登録ください。",
		faq.MaxQuestionLength),
	"phrasing-full":    fmt.Sprintf("このFAQには別の言い方がすでに%d件あるため、追加できません。", faq.MaxListItems),
	"phrasing-invalid": "このFAQはいまの内容のままでは保存できないため、追加できませんでした。FAQの編集画面で内容をご確認ください。",
}

// missNotice is what the list says after a one-click addition (?msg=,
// ?faq=): a notice naming the entry (a plain one when the entry is not in
// faqs), or what went wrong.
func missNotice(r *http.Request, faqs map[string]faq.FAQ) (flash, errMsg string) {
	q := r.URL.Query()
	msg := q.Get("msg")
	if e, ok := missErrors[msg]; ok {
		return "", e
	}
	if format, ok := missNotices[msg]; ok {
		if f, ok := faqs[q.Get("faq")]; ok {
			return fmt.Sprintf(format, f.Question), ""
		}
		return flashes[msg], ""
	}
	return flashOf(r), ""
}
