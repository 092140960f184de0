package admin

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/faqfile"
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

// missList shows the unanswered questions, most frequent first.
func (s *server) missList(w http.ResponseWriter, r *http.Request, sess session) {
	misses, err := s.store.ListMisses(r.Context(), missesShown)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "misses", view{Title: "回答できなかった質問", Nav: "misses", CSRF: sess.csrf,
		Flash: flashOf(r), Data: misses})
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

// missAttach adds the question to an entry as another way of asking it,
// then takes it off the list and opens the entry with the question in the
// 「試す」 box.
func (s *server) missAttach(w http.ResponseWriter, r *http.Request, sess session) {
	ctx, faqID := r.Context(), r.PostFormValue("faq")
	m, err := s.findMiss(ctx, r.PathValue("id"))
	if err != nil {
		s.renderAttach(w, r, sess, http.StatusNotFound, faqID, "")
		return
	}
	f, err := s.store.FAQ(ctx, faqID)
	if errors.Is(err, bot.ErrNotFound) {
		s.renderAttach(w, r, sess, http.StatusUnprocessableEntity, "", "追加先のFAQを選んでください。")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	switch {
	case utf8.RuneCountInString(m.Question) > faqfile.MaxQuestionLength:
		s.renderAttach(w, r, sess, http.StatusUnprocessableEntity, faqID,
			"この質問は200文字を超えるため、別の言い方には追加できません。「FAQを作成」から短くまとめてご登録ください。")
		return
	case len(f.Alternatives) >= faqfile.MaxListItems:
		s.renderAttach(w, r, sess, http.StatusUnprocessableEntity, faqID,
			"このFAQには別の言い方がすでに50件あるため、追加できません。")
		return
	}
	if !hasPhrasing(f, m.Question) {
		f.Alternatives = append(f.Alternatives, m.Question)
		f.UpdatedBy = "admin"
		err = s.store.UpdateFAQ(ctx, &f)
		if errors.Is(err, bot.ErrConflict) {
			s.renderAttach(w, r, sess, http.StatusConflict, faqID,
				"ちょうどほかの方がこのFAQを更新しました。お手数ですが、もう一度「追加する」を押してください。")
			return
		}
		if err != nil {
			s.faqGone(w, r, sess, err)
			return
		}
		s.log.InfoContext(ctx, "admin: question added to a faq", "faq", f.ID)
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
