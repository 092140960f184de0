package bot

import (
	"slices"
	"testing"
)

// A clause ending is cut whole: 「のですが」 not at its 「ので」, and
// 「から」 only where it gives a reason.
func TestSplitClauses(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"応募したいのですが研修は何ヶ月ですか", []string{"応募したいのですが", "研修は何ヶ月ですか"}},
		{"話が聞きたいので担当者につないで", []string{"話が聞きたいので", "担当者につないで"}},
		{"給料を知りたいから人事の方と話したい", []string{"給料を知りたいから", "人事の方と話したい"}},
		{"東京から応募できますか", []string{"東京から応募できますか"}},
		{"先輩に相談してから応募します", []string{"先輩に相談してから応募します"}},
		{"理系でもいいなら応募したい", []string{"理系でもいいなら", "応募したい"}},
		{"どうすればいいですか", []string{"どうすればいいですか"}},
		{"応募しなければならないですか", []string{"応募しなければならないですか"}},
		{"受けてみたいんで申し込みます", []string{"受けてみたいんで", "申し込みます"}},
		{"キャンセルする人って多いんですか？", []string{"キャンセルする人って多いんですか？"}},
		{"北見に住んでいます", []string{"北見に住んでいます"}},
		{"ありがとう〜参考になりました", []string{"ありがとう〜", "参考になりました"}},
		{"私の 応募 いま どう なって いますか", []string{"私の 応募 いま どう なって いますか"}}, // words apart, not clauses
		{"応募したい 研修って何ヶ月", []string{"応募したい", "研修って何ヶ月"}},
	} {
		if got := splitClauses(c.text); !slices.Equal(got, c.want) {
			t.Errorf("splitClauses(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// Every clause ending is tried before any shorter one it starts with.
func TestClauseEndsLongestFirst(t *testing.T) {
	for i, a := range clauseEnds {
		for _, b := range clauseEnds[i+1:] {
			if len(b.mark) > len(a.mark) {
				t.Errorf("%q is tried before the longer %q", a.mark, b.mark)
			}
		}
	}
}
