package slack

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/sakemodel/sakebot/bot"
	"github.com/slack-go/slack"
)

// maxMisses is how many unanswered questions /sakebot misses shows.
const maxMisses = 15

// maxPicksShown is how many of the entries students picked for a question
// /sakebot misses names; the others are counted.
const maxPicksShown = 3

// missesCommand is /sakebot misses: the questions the bot could not
// answer, most frequent first, each with the entries students picked for
// it from the bot's did-you-mean choices, a button that opens the add
// modal filled in, and one that takes it off the list.
func (a *App) missesCommand(ctx context.Context) any {
	misses, err := a.store.ListMisses(ctx, maxMisses)
	if err != nil {
		a.log.Error("slack: list misses", "err", err)
		return ephemeral(msgTryAgain)
	}
	if len(misses) == 0 {
		return ephemeral(msgNoMisses)
	}
	questions, err := a.pickedQuestions(ctx, misses)
	if err != nil {
		a.log.Error("slack: list faqs", "err", err)
		return ephemeral(msgTryAgain)
	}
	blocks := []slack.Block{header("ボットが答えられなかった質問（多い順）")}
	for _, m := range misses {
		id := strconv.FormatInt(m.ID, 10)
		text := fmt.Sprintf("*%d回* %s\n_最後：%s_", m.Count, mrkdwnText(m.Question, 500), bot.FormatJST(m.LastAt))
		text += picksText(m.Picks, questions)
		blocks = append(blocks, section(text), slack.NewActionBlock("miss_"+id,
			button(actionMissAdd, id, "FAQに追加").WithStyle(slack.StylePrimary),
			button(actionMissDismiss, id, "一覧から外す")))
	}
	return ephemeral("ボットが答えられなかった質問", blocks...)
}

// pickedQuestions returns the question of every entry, by id, when a miss
// has picks to name (nil otherwise, without reading the FAQ).
func (a *App) pickedQuestions(ctx context.Context, misses []bot.Miss) (map[string]string, error) {
	picked := false
	for _, m := range misses {
		picked = picked || len(m.Picks) > 0
	}
	if !picked {
		return nil, nil
	}
	faqs, err := a.store.ListFAQs(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(faqs))
	for _, f := range faqs {
		out[f.ID] = f.Question
	}
	return out, nil
}

// picksText lists, on lines of their own, the entries students picked for
// a question (questions: each entry's question by id; an entry not in it
// was deleted and is left out), most picked first, escaped for mrkdwn.
func picksText(picks []bot.MissPick, questions map[string]string) string {
	var lines []string
	others := 0
	for _, p := range picks {
		q, ok := questions[p.FAQID]
		switch {
		case !ok:
		case len(lines) < maxPicksShown:
			lines = append(lines, fmt.Sprintf("　• 「%s」 %d回選択", mrkdwnText(q, 200), p.Count))
		default:
			others++
		}
	}
	if len(lines) == 0 {
		return ""
	}
	if others > 0 {
		lines = append(lines, fmt.Sprintf("　ほか%d件", others))
	}
	return "\n学生が「もしかして」で選んだFAQ：\n" + strings.Join(lines, "\n")
}
