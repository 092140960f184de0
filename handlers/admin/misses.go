package admin

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strconv"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
)

// missesShown is how many unanswered questions the list shows.
const missesShown = 200

// missAttachView is what the page that adds a question to an entry shows.
type missAttachView struct {
	Miss      bot.Miss
	Suggested []faq.Scored // the entries closest to the question, best first
	Selected  string       // the entry chosen
	FAQs      []faq.FAQ    // every entry, to choose from
}

// missView is an unanswered question on the list, with the entries
// students picked for it from the bot's did-you-mean choices.
type missView struct {
	bot.Miss
	Picked []pickView // most picked first
}

// pickView is an entry students picked for a question, which staff can add
// the question to as another way of asking it.
type pickView struct {
	FAQ   faq.FAQ
	Count int
}

// missList shows the unanswered questions, most frequent first, each with
// the entries students picked for it.
func (s *server) missList(w http.ResponseWriter, r *http.Request, sess session) {
	ctx := r.Context()
	misses, err := s.store.ListMisses(ctx, missesShown)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	faqs, err := s.store.ListFAQs(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	byID := make(map[string]faq.FAQ, len(faqs))
	for _, f := range faqs {
		byID[f.ID] = f
	}
	views := make([]missView, 0, len(misses))
	for _, m := range misses {
		v := missView{Miss: m}
		for _, p := range m.Picks {
			if f, ok := byID[p.FAQID]; ok { // an entry deleted since is no choice
				v.Picked = append(v.Picked, pickView{FAQ: f, Count: p.Count})
			}
		}
		views = append(views, v)
	}
	flash, errMsg := missNotice(r, byID)
	s.render(w, r, http.StatusOK, "misses", view{Title: "回答できなかった質問", Nav: "misses", CSRF: sess.csrf,
		Flash: flash, Error: errMsg, Data: views})
}

// missDismiss takes a question off the list.
func (s *server) missDismiss(w http.ResponseWriter, r *http.Request, sess session) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err == nil {
		err = s.store.DismissMiss(r.Context(), id)
	}
	if err != nil && !errors.Is(err, bot.ErrNotFound) {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, "/admin/misses?msg=dismissed")
}

// missAttachPage asks which entry the question is another way of asking,
// suggesting the closest ones.
func (s *server) missAttachPage(w http.ResponseWriter, r *http.Request, sess session) {
	s.renderAttach(w, r, sess, http.StatusOK, "", "")
}

// renderAttach shows the attach page with the entry chosen and an error.
func (s *server) renderAttach(w http.ResponseWriter, r *http.Request, sess session, status int, selected, errMsg string) {
	ctx := r.Context()
	m, err := s.findMiss(ctx, r.PathValue("id"))
	if errors.Is(err, bot.ErrNotFound) {
		s.renderError(w, r, http.StatusNotFound, sess, "この質問は見つかりませんでした。すでに対応済みの可能性があります。")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := missAttachView{Miss: m, Selected: selected}
	if v.FAQs, err = s.store.ListFAQs(ctx); err != nil {
		s.serverError(w, r, err)
		return
	}
	match, err := s.answerer.Ask(ctx, m.Question)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v.Suggested = match.Candidates
	if v.Selected == "" && len(v.Suggested) > 0 {
		v.Selected = v.Suggested[0].FAQ.ID
	}
	s.render(w, r, status, "miss_attach", view{Title: "既存のFAQに追加", Nav: "misses", CSRF: sess.csrf,
		Error: errMsg, Data: v})
}

// missAttach adds the question to an entry as another way of asking it
// (addPhrasing: validated, version-checked, audited), then takes it off
// the list and opens the entry with the question in the 「試す」 box.
func (s *server) missAttach(w http.ResponseWriter, r *http.Request, sess session) {
	ctx, faqID := r.Context(), r.PostFormValue("faq")
	m, err := s.findMiss(ctx, r.PathValue("id"))
	if err != nil {
		s.renderAttach(w, r, sess, http.StatusNotFound, faqID, "")
		return
	}
	f, _, err := s.addPhrasing(ctx, faqID, m.Question, sess.actor())
	var invalid *invalidPhrasing
	switch {
	case errors.Is(err, bot.ErrNotFound):
		s.renderAttach(w, r, sess, http.StatusUnprocessableEntity, "", "追加先のFAQを選んでください。")
		return
	case errors.Is(err, bot.ErrConflict):
		s.renderAttach(w, r, sess, http.StatusConflict, faqID,
			"ちょうどほかの方がこのFAQを更新しました。お手数ですが、もう一度「追加する」を押してください。")
		return
	case errors.As(err, &invalid):
		s.renderAttach(w, r, sess, http.StatusUnprocessableEntity, faqID, invalid.message())
		return
	case err != nil:
		s.serverError(w, r, err)
		return
	}
	if err := s.store.DismissMiss(ctx, m.ID); err != nil && !errors.Is(err, bot.ErrNotFound) {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, editURL(f.ID, "attached", m.Question))
}

// hasPhrasing reports whether the entry already has question as its
// question or one of its alternatives, compared as the bot compares text.
func hasPhrasing(f faq.FAQ, question string) bool {
	n := faq.Normalize(question)
	return faq.Normalize(f.Question) == n ||
		slices.ContainsFunc(f.Alternatives, func(a string) bool { return faq.Normalize(a) == n })
}

// findMiss returns the undismissed unanswered question with id (as in the
// URL); bot.ErrNotFound when there is none. The store lists misses but has
// no lookup by id, so it searches the list.
func (s *server) findMiss(ctx context.Context, id string) (bot.Miss, error) {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		return bot.Miss{}, bot.ErrNotFound
	}
	misses, err := s.store.ListMisses(ctx, 0)
	if err != nil {
		return bot.Miss{}, err
	}
	for _, m := range misses {
		if m.ID == n {
			return m, nil
		}
	}
	return bot.Miss{}, bot.ErrNotFound
}
