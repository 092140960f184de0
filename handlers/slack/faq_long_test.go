package slack_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/store/storetest"
)

// repeatText returns n characters cycling through base, starting with tag so
// that texts differ.
func repeatText(tag, base string, n int) string {
	r := []rune(tag)
	for b := []rune(base); len(r) < n; {
		r = append(r, b[len(r)%len(b)])
	}
	return string(r[:n])
}

// longest is the largest entry faq.Validate allows: 50 alternatives of 200
// characters, a question of 200, an answer of 1000, a category of 50.
// With emoji, each of those characters is two UTF-16 units.
func longest(t *testing.T, id, base string) faq.FAQ {
	t.Helper()
	f := faq.FAQ{ID: id, Question: repeatText("質問", base, faq.MaxQuestionLength), Answer: repeatText("回答", base, faq.MaxAnswerLength),
		Category: repeatText("カテゴリ", base, faq.MaxCategoryLength), Keywords: []string{"北見", "研修", "リモート"}, Enabled: true}
	for i := range faq.MaxListItems {
		f.Alternatives = append(f.Alternatives, repeatText(fmt.Sprintf("%02d番目の言い方", i+1), base, faq.MaxQuestionLength))
	}
	if ps := faq.Validate(f); len(ps) != 0 {
		t.Fatalf("not a valid entry: %+v", ps)
	}
	return f
}

// sameContent fails the test unless the stored entry id has want's content.
func (e *env) sameContent(id string, want faq.FAQ, version int) {
	e.t.Helper()
	got, err := e.store.FAQ(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	if got.Question != want.Question || got.Answer != want.Answer || got.Category != want.Category ||
		!reflect.DeepEqual(got.Alternatives, want.Alternatives) || !reflect.DeepEqual(got.Keywords, want.Keywords) ||
		got.Enabled != want.Enabled || got.Version != version {
		e.t.Fatalf("stored entry changed (version %d, want %d): %d alternatives, question %d, answer %d, category %d characters",
			got.Version, version, len(got.Alternatives), len([]rune(got.Question)), len([]rune(got.Answer)), len([]rune(got.Category)))
	}
}

// shownAlternatives returns the alternatives the modal's boxes show, in order.
func shownAlternatives(view map[string]any) []string {
	var out []string
	for _, box := range inputBoxes(view) {
		if strings.HasPrefix(box.BlockID, "alternatives") {
			for _, line := range strings.Split(box.Initial, "\n") {
				if line != "" {
					out = append(out, line)
				}
			}
		}
	}
	return out
}

func TestFAQEditLongestEntryUnchanged(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url, 20)
		ctx := context.Background()
		for _, f := range []faq.FAQ{
			longest(t, "longest-kanji", "北見工業大学の卒業生が東京本社で研修を受けます。"),
			longest(t, "longest-emoji", "🍶🦌😀🎉🗻"),
		} {
			if err := e.store.CreateFAQ(ctx, &f); err != nil {
				t.Fatal(err)
			}
			// From /sakebot faq edit, then from the list's 編集 button: each
			// save of the unchanged modal stores the entry as it was.
			for version, open := range []func(){
				func() { e.command(staffUser, "faq edit "+f.ID) },
				func() { e.interact(e.click(staffUser, "faq_edit", f.ID, "C0CMD", "1700000000.000001")) },
			} {
				open()
				view := e.lastModal()
				checkModal(t, view)
				if got := shownAlternatives(view); !reflect.DeepEqual(got, f.Alternatives) {
					t.Fatalf("%s: the modal shows %d alternatives, not the 50 stored", f.ID, len(got))
				}
				if iv := initialValues(view); iv["question"] != f.Question || iv["answer"] != f.Answer || iv["category"] != f.Category {
					t.Fatalf("%s: a box is not shown whole", f.ID)
				}
				meta, _ := view["private_metadata"].(string)
				_, out := e.interact(e.submission(staffUser, meta, unchanged(view)))
				if out["response_action"] != "update" {
					t.Fatalf("%s: unchanged save: %v", f.ID, out)
				}
				e.sameContent(f.ID, f, version+2)
			}
		}
	})
}

func TestFAQEditAlternativesOverSeveralBoxes(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url, 21)
		ctx := context.Background()
		f := longest(t, "many-alternatives", "研修は東京本社で四か月です。")
		if err := e.store.CreateFAQ(ctx, &f); err != nil {
			t.Fatal(err)
		}
		e.command(staffUser, "faq edit "+f.ID)
		view := e.lastModal()
		meta, _ := view["private_metadata"].(string)
		boxes := unchanged(view)
		last := ""
		for id, v := range boxes {
			if strings.HasPrefix(id, "alternatives") && v == "" {
				last = id
			}
		}
		if last == "" {
			t.Fatalf("no empty box to add alternatives to: %v", inputBoxes(view))
		}

		// One more than 50: refused on the first box; a line too long: on its box.
		values := unchanged(view)
		values[last] = "研修の期間はどのくらい？"
		_, out := e.interact(e.submission(staffUser, meta, values))
		checkErrorKeys(t, view, out)
		if errs := out["errors"].(map[string]any); !strings.Contains(fmt.Sprint(errs["alternatives"]), "50件まで") {
			t.Fatalf("51 alternatives: %v", out)
		}
		values = unchanged(view)
		lines := strings.Split(values["alternatives_3"], "\n")
		lines[1] += "長"
		values["alternatives_3"] = strings.Join(lines, "\n")
		_, out = e.interact(e.submission(staffUser, meta, values))
		checkErrorKeys(t, view, out)
		if errs := out["errors"].(map[string]any); len(errs) != 1 || !strings.Contains(fmt.Sprint(errs["alternatives_3"]), "22行目が201文字") {
			t.Fatalf("a long line in the third box: %v", out)
		}
		e.sameContent(f.ID, f, 1)

		// One taken out of the third box, one added in the last: saved in order.
		values = unchanged(view)
		lines = strings.Split(values["alternatives_3"], "\n")
		values["alternatives_3"] = strings.Join(append(lines[:1], lines[2:]...), "\n")
		values[last] = "研修の期間はどのくらい？"
		_, out = e.interact(e.submission(staffUser, meta, values))
		if out["response_action"] != "update" {
			t.Fatalf("save: %v", out)
		}
		want := f
		want.Alternatives = append(append(append([]string{}, f.Alternatives[:21]...), f.Alternatives[22:]...), "研修の期間はどのくらい？")
		e.sameContent(f.ID, want, 2)
	})
}

func TestFAQEditFieldTooLongForSlack(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url, 22)
		ctx := context.Background()
		// Stored without faq.Validate (an older import, the store directly):
		// an answer too long for any Slack box, an alternative with a line
		// break, a question over faq's limit but within a box.
		f := faq.FAQ{ID: "legacy-long", Question: repeatText("長い質問", "研修はどこで受けますか", 250),
			Alternatives: []string{"研修の場所は？", "一行目\n二行目"}, Keywords: []string{"研修"},
			Answer: repeatText("長い回答", "研修は東京本社で受けます。🍶", 3500), Category: "研修", Enabled: true}
		if err := e.store.CreateFAQ(ctx, &f); err != nil {
			t.Fatal(err)
		}
		e.command(staffUser, "faq edit "+f.ID)
		view := e.lastModal()
		checkModal(t, view)
		iv := initialValues(view)
		if _, ok := iv["answer"]; ok {
			t.Fatalf("the answer is offered, clipped: %d characters", len([]rune(iv["answer"])))
		}
		if _, ok := iv["alternatives"]; ok {
			t.Fatalf("the alternatives are offered: %q", iv["alternatives"])
		}
		if notes := contextTexts(view); strings.Count(notes, "この項目は長いため、管理画面で編集してください") != 2 {
			t.Fatalf("notes: %s", notes)
		}
		if iv["question"] != f.Question {
			t.Fatalf("question not shown whole: %q", iv["question"])
		}
		meta, _ := view["private_metadata"].(string)

		// Unchanged: refused, the question is over faq's limit; nothing stored.
		_, out := e.interact(e.submission(staffUser, meta, unchanged(view)))
		checkErrorKeys(t, view, out)
		if errs := out["errors"].(map[string]any); len(errs) != 1 || !strings.Contains(fmt.Sprint(errs["question"]), "200文字以内") {
			t.Fatalf("unchanged save: %v", out)
		}
		e.sameContent(f.ID, f, 1)

		// A shorter question: saved, the fields not offered kept whole.
		values := unchanged(view)
		values["question"] = "研修はどこで受けますか？"
		_, out = e.interact(e.submission(staffUser, meta, values))
		if out["response_action"] != "update" {
			t.Fatalf("save: %v", out)
		}
		want := f
		want.Question = values["question"]
		e.sameContent(f.ID, want, 2)

		// A stale save is refused on a box the modal has.
		_, out = e.interact(e.submission(staffUser, meta, values))
		checkErrorKeys(t, view, out)
		if !strings.Contains(fmt.Sprint(out["errors"]), "ほかの人が先に") {
			t.Fatalf("stale save: %v", out)
		}

		// The question too long for a box: errors go to the first box there is.
		g := faq.FAQ{ID: "legacy-question", Question: repeatText("質問", "研修", 3100), Answer: "はい。", Category: "研修", Enabled: true}
		if err := e.store.CreateFAQ(ctx, &g); err != nil {
			t.Fatal(err)
		}
		e.command(staffUser, "faq edit "+g.ID)
		view = e.lastModal()
		checkModal(t, view)
		meta, _ = view["private_metadata"].(string)
		values = unchanged(view)
		values["answer"] = ""
		_, out = e.interact(e.submission(otherUser, meta, values))
		checkErrorKeys(t, view, out)
		_, out = e.interact(e.submission(staffUser, meta, values))
		checkErrorKeys(t, view, out)
		values["answer"] = "はい、あります。"
		if _, out = e.interact(e.submission(staffUser, meta, values)); out["response_action"] != "update" {
			t.Fatalf("save: %v", out)
		}
		want = g
		want.Answer = values["answer"]
		e.sameContent(g.ID, want, 2)

		// Nothing fits: only notes, nothing to save.
		h := faq.FAQ{ID: "legacy-all", Question: repeatText("質問", "研修", 3001), Answer: repeatText("回答", "研修", 3001),
			Category: repeatText("カテゴリ", "研修", 3001), Alternatives: []string{"a\nb"}, Enabled: true}
		if err := e.store.CreateFAQ(ctx, &h); err != nil {
			t.Fatal(err)
		}
		e.command(staffUser, "faq edit "+h.ID)
		view = e.lastModal()
		checkModal(t, view)
		if len(inputBoxes(view)) != 0 || strings.Count(contextTexts(view), "管理画面で編集してください") != 4 {
			t.Fatalf("modal of an entry too long for Slack: %v", view)
		}
	})
}

func TestFAQFromLongMiss(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url, 23)
		ctx := context.Background()
		long, huge := repeatText("長い質問", "研修について", 300), repeatText("とても長い質問", "研修について🍶", 3100)
		for _, q := range []string{long, huge} {
			if err := e.store.RecordMiss(ctx, q, faq.Normalize(q)); err != nil {
				t.Fatal(err)
			}
		}
		misses, err := e.store.ListMisses(ctx, 0)
		if err != nil || len(misses) != 2 {
			t.Fatalf("misses: %+v %v", misses, err)
		}
		for _, m := range misses {
			e.interact(e.click(staffUser, "miss_add", fmt.Sprint(m.ID), "C0CMD", "1700000000.000001"))
			view := e.lastModal()
			checkModal(t, view)
			iv := initialValues(view)
			switch m.Question {
			case long: // shown whole; saving it as it is asks to shorten it
				if iv["question"] != long {
					t.Fatalf("the question is not shown whole: %q", iv["question"])
				}
				meta, _ := view["private_metadata"].(string)
				values := unchanged(view)
				values["answer"], values["category"] = "研修は東京本社で受けます。", "研修"
				_, out := e.interact(e.submission(staffUser, meta, values))
				checkErrorKeys(t, view, out)
				if !strings.Contains(fmt.Sprint(out["errors"]), "200文字以内") {
					t.Fatalf("a long question saved: %v", out)
				}
			case huge: // too long for a box: an empty box and a note
				if iv["question"] != "" || !strings.Contains(contextTexts(view), "質問が長いため、入力欄には入れていません") {
					t.Fatalf("modal from a miss too long for a box: %v %s", iv, contextTexts(view))
				}
			}
		}
	})
}
