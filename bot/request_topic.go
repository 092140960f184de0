package bot

import (
	"slices"
	"strings"

	"github.com/sakemodel/sakebot/faq"
)

// requestTopic returns the FAQ's match for what text asks a request
// about, and whether an entry answers it: 「研修中の住むところに
// ついて担当者に相談したいです」 is about 研修中の住むところ, 「人事の人に研修
// 期間のこと直接聞きたい」 about 研修期間, 「どこに住むのか、担当者さんと話して
// 確認したいです」 about where one lives.
func requestTopic(ix *faq.Index, text string) (faq.Match, bool) {
	for _, mark := range topicMarks {
		topic, ok := topicBefore(text, mark)
		if !ok {
			continue
		}
		q := topic + "について"
		if strings.HasPrefix(mark, "のか") {
			q = topic + "のか"
		}
		if m := ix.Match(q); m.Outcome == faq.Answered {
			return m, true
		}
	}
	return faq.Match{}, false
}

// topicBefore returns the words text names as a topic with mark, in the
// clause mark ends: 「大学のキャリアセンターの者です。採用人数について」 names
// 採用人数, 「人事の人に研修期間のこと」 names 研修期間. A topic after a
// question (住むとこってどうなるんですか？寮とかあるのか) is that question's,
// which the FAQ reads whole.
func topicBefore(text, mark string) (string, bool) {
	i := strings.Index(text, mark)
	if i <= 0 || strings.ContainsAny(text[:i], "？?") {
		return "", false
	}
	topic := text[strings.LastIndexAny(text[:i], "。！!…\n、 ")+1 : i]
	if j := strings.LastIndex(topic, "に"); j > 0 && containsAny(topic[:j], personWords) {
		topic = topic[j+len("に"):]
	}
	return topic, topic != ""
}

// namesTopic reports whether text names what a request is about with
// one of topicMarks (研修期間のこと人事の人に聞きたい).
func namesTopic(text string) bool {
	return slices.ContainsFunc(topicMarks, func(mark string) bool { _, ok := topicBefore(text, mark); return ok })
}

// personWords name the people a student asks for.
var personWords = []string{"担当", "人事", "人", "スタッフ", "社員", "採用"}

// topicMarks end the topic a request is made about.
var topicMarks = []string{"について", "に関して", "に関する", "のことで", "のことを", "のことは", "のこと", "の件で", "の件", "のか、", "のかを", "のか担当", "のか人"}
