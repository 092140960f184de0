package admin

import (
	"bytes"
	"errors"
	"net/http"

	"github.com/sakemodel/sakebot/faqfile"
)

// faqImportView is what the import page shows.
type faqImportView struct {
	Problems []faqfile.Problem // what is wrong with the uploaded file
}

// faqExport downloads every entry and concept as the YAML file `sakebot
// faq import` reads.
func (s *server) faqExport(w http.ResponseWriter, r *http.Request, sess session) {
	ctx := r.Context()
	faqs, err := s.store.ListFAQs(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	concepts, err := s.store.ListConcepts(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := faqfile.EncodeFile(&buf, faqfile.File{FAQs: faqs, Concepts: concepts}); err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="faq-`+s.now().In(jst).Format("20060102")+`.yaml"`)
	buf.WriteTo(w)
}

// faqImportPage shows the upload form.
func (s *server) faqImportPage(w http.ResponseWriter, r *http.Request, sess session) {
	s.render(w, r, http.StatusOK, "faq_import", view{Title: "YAMLの取り込み", Nav: "faqs", CSRF: sess.csrf,
		Data: faqImportView{}})
}

// faqImport checks an uploaded YAML file and, when it has no problem,
// creates or replaces its entries and concepts in one go; otherwise
// nothing changes and every problem is listed with its line.
func (s *server) faqImport(w http.ResponseWriter, r *http.Request, sess session) {
	file, _, err := r.FormFile("file")
	if err != nil {
		s.render(w, r, http.StatusBadRequest, "faq_import", view{Title: "YAMLの取り込み", Nav: "faqs", CSRF: sess.csrf,
			Error: "取り込むファイルを選んでください。", Data: faqImportView{}})
		return
	}
	defer file.Close()
	f, err := faqfile.DecodeFile(file)
	var invalid *faqfile.ValidationError
	if errors.As(err, &invalid) {
		s.render(w, r, http.StatusUnprocessableEntity, "faq_import", view{Title: "YAMLの取り込み", Nav: "faqs",
			CSRF: sess.csrf, Error: "ファイルに誤りがあるため、取り込みませんでした。次の箇所を直してから、もう一度お試しください。",
			Data: faqImportView{Problems: invalid.Problems}})
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if err := s.store.ImportFAQFile(r.Context(), f.FAQs, f.Concepts, sess.actor()); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.InfoContext(r.Context(), "admin: faq imported", "entries", len(f.FAQs), "concepts", len(f.Concepts))
	redirect(w, r, "/admin/faqs?msg=imported")
}
