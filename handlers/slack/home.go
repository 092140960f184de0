package slack

import (
	"context"
	"encoding/json"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/slack-go/slack"
)

// Home is what App Home shows staff.
type Home interface {
	ListApplications(ctx context.Context, f bot.ApplicationFilter) ([]bot.Application, error)
	ListMisses(ctx context.Context, limit int) ([]bot.Miss, error)
}

// jst is Japan Standard Time, for the dates staff read.
var jst = time.FixedZone("JST", 9*60*60)

// homeItems is how many applications and unanswered questions staff see.
const homeItems = 10

// homeIntro is what a candidate reads in App Home.
const homeIntro = "*サケモデル 採用案内ボット*\n" +
	"北見工業大学の卒業生が東京本社で研修を受け、北見に戻ってリモートで働く「サケモデル」について、ご案内します。\n" +
	"• サケモデルや研修、働き方についてのご質問にお答えします（メッセージタブから、いつでもどうぞ）。\n" +
	"• このボットから応募できます。応募のやり取りは、あなたとボットのDMだけで行います。\n" +
	"• 応募の状況を確認できます。\n" +
	"• 説明会・面談の日程を見て、予約できます。\n" +
	"下のボタンを押すと、DMでご案内します。"

// homeEvent is the part of app_home_opened sakebot reads.
type homeEvent struct {
	Type string `json:"type"`
	User string `json:"user"`
	Tab  string `json:"tab"`
}

// homeOpened publishes the App Home of the user who opened its Home tab,
// after Slack has its answer (it is redrawn on every visit, so a lost one
// does no harm). It reports whether the event was app_home_opened.
func (a *App) homeOpened(raw json.RawMessage) bool {
	var ev homeEvent
	if json.Unmarshal(raw, &ev) != nil || ev.Type != "app_home_opened" {
		return false
	}
	if ev.User == "" || ev.Tab != "" && ev.Tab != "home" {
		return true
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := a.PublishHome(ctx, ev.User); err != nil {
			a.log.Warn("slack: cannot publish App Home", "err", err)
		}
	}()
	return true
}

// PublishHome draws user's App Home (views.publish): for candidates, what
// the bot does and the buttons よくある質問 / 応募する / 応募状況 / 説明会・面談の予約, which continue
// in their DM; for staff, also the latest applications and the most
// frequent unanswered questions.
func (a *App) PublishHome(ctx context.Context, user string) error {
	blocks := []slack.Block{section(homeIntro),
		choiceBlock([]bot.Choice{homeChoice("よくある質問"), homeChoice("応募する"), homeChoice("応募状況"), homeChoice(bot.MenuBooking)}, choiceUser, 0)}
	if a.isStaff(user) {
		staff, err := a.staffHome(ctx)
		if err != nil {
			return err
		}
		blocks = append(blocks, staff...)
	}
	_, err := a.api.PublishViewContext(ctx, slack.PublishViewContextRequest{UserID: user,
		View: slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: capBlocks(blocks)}}})
	return classify(err)
}

// homeChoice is a menu button of App Home.
func homeChoice(text string) bot.Choice {
	return bot.Choice{Label: text, Text: text, Postback: bot.MenuPostback(text)}
}

// staffHome is the staff's part of App Home.
func (a *App) staffHome(ctx context.Context) ([]slack.Block, error) {
	apps, err := a.store.ListApplications(ctx, bot.ApplicationFilter{Limit: homeItems})
	if err != nil {
		return nil, err
	}
	misses, err := a.store.ListMisses(ctx, homeItems)
	if err != nil {
		return nil, err
	}
	blocks := []slack.Block{slack.NewDividerBlock(), header("採用スタッフ向け：最新の応募")}
	if len(apps) == 0 {
		blocks = append(blocks, section("まだ応募はありません。"))
	}
	for _, ap := range apps {
		line := "*" + escape(ap.Ref) + "*　" + mrkdwnText(ap.Name, 100) + "（" + mrkdwnText(ap.School, 100) + "）\n" +
			ap.Status.Label() + "・" + ap.CreatedAt.In(jst).Format("2006-01-02 15:04") + "・" + ap.Key.Channel.Label()
		blocks = append(blocks, section(line))
	}
	blocks = append(blocks, header("答えられなかった質問（多い順）"))
	if len(misses) == 0 {
		blocks = append(blocks, section("答えられなかった質問はありません。"))
	}
	for _, m := range misses {
		blocks = append(blocks, section(mrkdwnText(m.Question, 500)+"\n"+itoa(m.Count)+"回・最後は"+m.LastAt.In(jst).Format("2006-01-02")))
	}
	return append(blocks, contextBlock("FAQの追加・編集は `/sakebot faq add`、未回答の一覧と操作は `/sakebot misses` で行えます。")), nil
}
