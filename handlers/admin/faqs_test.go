package admin_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
)

func TestCreateFAQ(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.login()
		csrf := e.csrf()
		// Nothing filled in: every problem said in Japanese, next to its field.
		r := e.post("/admin/faqs", url.Values{"csrf": {csrf}, "id": {"Bad ID"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, "入力内容をご確認ください", "カテゴリを入力してください。", "質問を入力してください。",
			"回答を入力してください。", "IDは半角の英小文字", `aria-invalid="true"`)
		// Too long.
		r = e.post("/admin/faqs", url.Values{"csrf": {csrf}, "category": {"暮らし"}, "question": {strings.Repeat("寮", 201)},
			"answer": {strings.Repeat("あ", 1001)}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, "質問は200文字以内", "回答は1000文字以内")
		// An id that is taken.
		r = e.post("/admin/faqs", url.Values{"csrf": {csrf}, "id": {"training-period"}, "category": {"研修"},
			"question": {"q"}, "answer": {"a"}})
		wantStatus(t, r, http.StatusConflict)
		wantBody(t, r, "このIDはすでに使われています")

		// A good one, with the id left to the store.
		r = e.post("/admin/faqs", url.Values{"csrf": {csrf}, "category": {"暮らし"},
			"question": {"寮や社宅はありますか？"}, "alternatives": {"社員寮はありますか\n\n 住むところは用意されますか "},
			"keywords": {"寮、社宅,住まい"}, "answer": {"北見では社宅をご用意しています。"}, "enabled": {"true"}})
		loc := wantRedirect(t, r, "/admin/faqs/faq-")
		id := strings.TrimPrefix(strings.Split(loc, "/edit")[0], "/admin/faqs/")
		f, err := e.store.FAQ(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if f.Question != "寮や社宅はありますか？" || len(f.Alternatives) != 2 || f.Alternatives[1] != "住むところは用意されますか" ||
			strings.Join(f.Keywords, "|") != "寮|社宅|住まい" || !f.Enabled || f.UpdatedBy != "admin" {
			t.Errorf("stored %+v", f)
		}
		// The editor opens with a notice and the new question already tried: this entry answers it.
		r = e.get(loc)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, "FAQを追加しました。", "回答します", "このFAQ", "北見では社宅をご用意しています。")
	})
}

func TestEditFAQAndTryIt(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.login()
		csrf := e.csrf()
		const q = "スノーボード部はありますか"
		// Before: the bot cannot answer.
		r := e.get("/admin/faqs?try=" + url.QueryEscape(q))
		wantBody(t, r, "回答できません")

		// Staff add the question to an entry; the very next try answers it.
		f, err := e.store.FAQ(ctx, "kitami-nature")
		if err != nil {
			t.Fatal(err)
		}
		form := url.Values{"csrf": {csrf}, "version": {itoa(int64(f.Version))}, "category": {f.Category},
			"question": {f.Question}, "alternatives": {strings.Join(append(f.Alternatives, q), "\n")},
			"keywords": {strings.Join(f.Keywords, "、")}, "answer": {"冬はスキーやスノーボードも楽しめます。"},
			"enabled": {"true"}, "try": {q}}
		r = e.post("/admin/faqs/kitami-nature/edit", form)
		loc := wantRedirect(t, r, "/admin/faqs/kitami-nature/edit?")
		r = e.get(loc)
		wantBody(t, r, "保存しました。", "回答します", "このFAQ", "冬はスキーやスノーボードも楽しめます。")
		wantBody(t, e.get("/admin/faqs?try="+url.QueryEscape(q)), "回答します", "冬はスキーやスノーボードも楽しめます。")

		// A stale edit (the editor still holds the old version): a friendly conflict, the other change kept.
		form.Set("answer", "古い画面からの変更")
		r = e.post("/admin/faqs/kitami-nature/edit", form)
		wantStatus(t, r, http.StatusConflict)
		wantBody(t, r, "ほかの方が先に保存しました", "冬はスキーやスノーボードも楽しめます。", "古い画面からの変更",
			`name="version" value="`+itoa(int64(f.Version+1))+`"`)
		if got, _ := e.store.FAQ(ctx, "kitami-nature"); got.Answer != "冬はスキーやスノーボードも楽しめます。" {
			t.Errorf("the stale edit overwrote: %q", got.Answer)
		}

		// Invalid edit: nothing saved.
		form.Set("version", itoa(int64(f.Version+1)))
		form.Set("answer", "")
		r = e.post("/admin/faqs/kitami-nature/edit", form)
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, "回答を入力してください。")

		// Unknown entries.
		wantStatus(t, e.get("/admin/faqs/no-such/edit"), http.StatusNotFound)
		form.Set("answer", "x")
		wantStatus(t, e.post("/admin/faqs/no-such/edit", form), http.StatusNotFound)
	})
}

func TestSearchAndFilterFAQs(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		r := e.get("/admin/faqs?q=" + url.QueryEscape("ふゆ　ＳＡＭＵＩ")) // no entry has both words
		wantBody(t, r, "条件に合うFAQはありません")
		r = e.get("/admin/faqs?q=" + url.QueryEscape("冬"))
		wantBody(t, r, "kitami-winter")
		if strings.Contains(r.Body, "training-period") {
			t.Error("search for 冬 lists training-period")
		}
		r = e.get("/admin/faqs?category=" + url.QueryEscape("研修"))
		wantBody(t, r, "training-period", `selected>研修</option>`)
		if strings.Contains(r.Body, "kitami-winter") {
			t.Error("category 研修 lists kitami-winter")
		}
	})
}

func TestEnableDisableDeleteFAQ(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.login()
		csrf := e.csrf()
		const q = "北見の冬はどのくらい寒いですか"
		wantBody(t, e.get("/admin/faqs?try="+url.QueryEscape(q)), "回答します")

		r := e.post("/admin/faqs/kitami-winter/enabled", url.Values{"csrf": {csrf}, "enabled": {"false"}, "version": {"1"}})
		wantRedirect(t, r, "/admin/faqs?msg=disabled")
		if f, _ := e.store.FAQ(ctx, "kitami-winter"); f.Enabled {
			t.Error("still enabled")
		}
		r = e.get("/admin/faqs?try=" + url.QueryEscape(q))
		if strings.Contains(r.Body, `この質問には「<a href="/admin/faqs/kitami-winter/edit">`) {
			t.Error("a disabled entry still answers")
		}
		// A stale switch changes nothing.
		r = e.post("/admin/faqs/kitami-winter/enabled", url.Values{"csrf": {csrf}, "enabled": {"true"}, "version": {"1"}})
		wantRedirect(t, r, "/admin/faqs?msg=stale")
		if f, _ := e.store.FAQ(ctx, "kitami-winter"); f.Enabled {
			t.Error("a stale switch enabled it")
		}
		r = e.post("/admin/faqs/kitami-winter/enabled", url.Values{"csrf": {csrf}, "enabled": {"true"}, "version": {"2"}})
		wantRedirect(t, r, "/admin/faqs?msg=enabled")

		// Delete asks first, then deletes.
		wantBody(t, e.get("/admin/faqs/kitami-winter/delete"), "FAQを削除しますか？", "削除する")
		r = e.post("/admin/faqs/kitami-winter/delete", url.Values{"csrf": {csrf}})
		wantRedirect(t, r, "/admin/faqs?msg=deleted")
		if _, err := e.store.FAQ(ctx, "kitami-winter"); !errors.Is(err, bot.ErrNotFound) {
			t.Errorf("not deleted: %v", err)
		}
		wantStatus(t, e.post("/admin/faqs/kitami-winter/delete", url.Values{"csrf": {csrf}}), http.StatusNotFound)
	})
}

func TestFAQYAMLExportImport(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.login()
		csrf := e.csrf()
		r := e.get("/admin/faqs/export.yaml")
		wantStatus(t, r, http.StatusOK)
		if !strings.Contains(r.Header.Get("Content-Disposition"), "attachment") || !strings.Contains(r.Body, "- id: training-period") {
			t.Fatalf("export: %v\n%s", r.Header, clip(r.Body))
		}
		// A broken file: every problem with its line, nothing changed.
		r = e.upload(t, csrf, "- id: dorm\n  category: 暮らし\n  question: 寮はありますか\n  anwser: あります\n")
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, "取り込みませんでした", "4行目")
		if _, err := e.store.FAQ(ctx, "dorm"); !errors.Is(err, bot.ErrNotFound) {
			t.Errorf("a broken file was imported: %v", err)
		}
		// A good file: imported.
		r = e.upload(t, csrf, "- id: dorm\n  category: 暮らし\n  question: 寮はありますか\n  answer: 社宅があります。\n")
		wantRedirect(t, r, "/admin/faqs?msg=imported")
		if f, err := e.store.FAQ(ctx, "dorm"); err != nil || f.Answer != "社宅があります。" {
			t.Errorf("imported %+v, %v", f, err)
		}
	})
}
