package line_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store/storetest"
)

// TestPickedEntriesAreNotCountedAsQuestions: a typed question counts once;
// an entry picked from the FAQ menu counts among the most asked entries but
// not as another question.
func TestPickedEntriesAreNotCountedAsQuestions(t *testing.T) {
	e := newEnv(t, storetest.SQLiteURL(t))
	e.send(e.text("U1", "研修は何ヶ月ですか"))
	e.send(e.text("U1", "よくある質問"))
	choices := e.quickReplies()
	if len(choices) == 0 {
		t.Fatal("the FAQ menu offered no entries")
	}
	var label string
	for l := range choices {
		label = l
		break
	}
	e.tap("U1", label)
	if strings.Contains(e.lastTexts(), "よくある質問の例") {
		t.Fatalf("the picked entry %q was not answered", label)
	}
	st, err := e.store.Stats(context.Background(), bot.StatsQuery{Since: e.clock.Now().Add(-time.Hour), Days: 1, Top: 30})
	if err != nil {
		t.Fatal(err)
	}
	if st.Questions.Total() != 1 || st.Questions.Answered != 1 {
		t.Errorf("questions counted: %+v; want the typed one only", st.Questions)
	}
	total := 0
	for _, f := range st.TopFAQs {
		total += f.Count
	}
	if total != 2 {
		t.Errorf("most asked entries count %d answers (%+v); want 2, the typed question and the picked entry", total, st.TopFAQs)
	}
}
