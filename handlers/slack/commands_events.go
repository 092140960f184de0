package slack

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/slack-go/slack"
)

// EventDesk is what /sakebot events does through the engine (*bot.Engine
// has it): each change in one transaction with its audit line and what
// it tells students.
type EventDesk interface {
	SaveEvent(ctx context.Context, ev *bot.Event, actor string) error
	SetEventState(ctx context.Context, id int64, state bot.EventState, actor string) (bool, error)
}

// EventList is the events as staff list them (*store.Store has it).
type EventList interface {
	ListEvents(ctx context.Context, f bot.EventFilter) ([]bot.Event, error)
	// EventByID returns one event, or bot.ErrNotFound.
	EventByID(ctx context.Context, id int64) (bot.Event, error)
}

// maxEventsListed is how many upcoming events /sakebot events shows.
const maxEventsListed = 20

// eventsUsage is the help of /sakebot events.
const eventsUsage = "使い方：\n" +
	"• `/sakebot events` … これからのイベント（説明会・面談）と空き席\n" +
	"• `/sakebot events new 種類 日付 時間 定員N 場所 [URL] タイトル` … イベントを作成\n" +
	"　例：`/sakebot events new 説明会 2031-02-20 14:00-15:00 定員30 北見工業大学 会社説明会`\n" +
	"　オンラインのみ：場所に「オンライン」と書き、URLを続けます（例：`… 定員30 オンライン https://meet.example.jp/x 会社説明会`）。面談の定員は1名です（省略可）。予約は開始時刻まで受け付けます。\n" +
	"• `/sakebot events close ID` … 受付終了　• `reopen ID` … 受付再開　• `cancel ID` … 中止（確認のあと、予約した学生に通知します）"

// eventsCommand is /sakebot events …: the list, a new event in one line,
// and closing, reopening or cancelling one, on behalf of the staff member.
func (a *App) eventsCommand(ctx context.Context, cmd slack.SlashCommand, args []string) any {
	desk, okDesk := a.desk.(EventDesk)
	list, okList := a.store.(EventList)
	if !okDesk || !okList {
		return ephemeral("イベントの操作はこの環境では使えません。")
	}
	sub, rest := "", []string(nil)
	if len(args) > 0 {
		sub, rest = strings.ToLower(args[0]), args[1:]
	}
	switch sub {
	case "", "list", "ls":
		return a.eventsList(ctx, list)
	case "new", "add":
		return a.eventsNew(ctx, desk, cmd.UserID, rest)
	case "close":
		return a.eventsSetState(ctx, desk, cmd.UserID, rest, bot.EventClosed)
	case "reopen", "open":
		return a.eventsSetState(ctx, desk, cmd.UserID, rest, bot.EventOpen)
	case "cancel":
		return a.eventsCancel(ctx, desk, list, cmd.UserID, rest)
	}
	return ephemeral(eventsUsage, section(eventsUsage))
}

// eventsList shows the events that have not started, soonest first,
// with their seats.
func (a *App) eventsList(ctx context.Context, list EventList) any {
	evs, err := list.ListEvents(ctx, bot.EventFilter{From: a.cfg.clock()(), Limit: maxEventsListed})
	if err != nil {
		a.log.Error("slack: list events", "err", err)
		return ephemeral(msgTryAgain)
	}
	if len(evs) == 0 {
		text := "これからのイベントはありません。\n" + eventsUsage
		return ephemeral(text, section(text))
	}
	blocks := []slack.Block{header("これからのイベント（説明会・面談）")}
	for _, ev := range evs {
		blocks = append(blocks, section(eventLine(ev)))
	}
	blocks = append(blocks, contextBlock("`/sakebot events close ID`・`reopen ID`・`cancel ID`・`new …`（`/sakebot events help` で書き方）"))
	return ephemeral("これからのイベント", blocks...)
}

// eventLine is one event in the list, escaped for mrkdwn.
func eventLine(ev bot.Event) string {
	where := ev.Place
	if where == "" {
		where = "オンライン"
	}
	return fmt.Sprintf("*#%d* %s「%s」\n%s ／ %s\n%s ・ 予約 %d／定員 %d（残り %d）", ev.ID, ev.Kind.Label(),
		mrkdwnText(ev.Title, 300), bot.FormatEventTime(ev.StartsAt, ev.EndsAt), mrkdwnText(where, 300),
		ev.State.Label(), ev.Booked, ev.Capacity, ev.SeatsLeft())
}

// msgEventID asks for an event's number.
const msgEventID = "イベントの番号（ID）を数字で指定してください。`/sakebot events` で確認できます。"

// eventID reads an event's number (12 or #12).
func eventID(s string) (int64, bool) {
	id, err := strconv.ParseInt(strings.TrimPrefix(s, "#"), 10, 64)
	return id, err == nil && id > 0
}

// confirmWord confirms a cancellation: /sakebot events cancel ID 確定.
const confirmWord = "確定"

// eventsCancel cancels the event args[0] once confirmed (args[1] is
// 確定); without the confirmation it says what cancelling would do.
func (a *App) eventsCancel(ctx context.Context, desk EventDesk, list EventList, user string, args []string) any {
	if len(args) == 2 && (args[1] == confirmWord || strings.EqualFold(args[1], "confirm")) {
		return a.eventsSetState(ctx, desk, user, args[:1], bot.EventCancelled)
	}
	if len(args) != 1 {
		return ephemeral(eventsUsage, section(eventsUsage))
	}
	id, ok := eventID(args[0])
	if !ok {
		return ephemeral(msgEventID)
	}
	ev, err := list.EventByID(ctx, id)
	switch {
	case errors.Is(err, bot.ErrNotFound):
		return ephemeral(fmt.Sprintf("イベント #%d は見つかりません。", id))
	case err != nil:
		a.log.Error("slack: read event", "event", id, "err", err)
		return ephemeral(msgTryAgain)
	case ev.State == bot.EventCancelled:
		return ephemeral(fmt.Sprintf("イベント #%d はすでに「%s」です。", id, ev.State.Label()))
	}
	text := fmt.Sprintf("%s\n\n中止すると予約 %d名の予約を取り消し、それぞれの学生にお知らせします。"+
		"よろしければ `/sakebot events cancel %d %s` と入力してください。", eventLine(ev), ev.Booked, id, confirmWord)
	return ephemeral("イベントを中止しますか？", section(text))
}

// eventsSetState closes, reopens or cancels the event args[0].
func (a *App) eventsSetState(ctx context.Context, desk EventDesk, user string, args []string, to bot.EventState) any {
	if len(args) != 1 {
		return ephemeral(eventsUsage, section(eventsUsage))
	}
	id, ok := eventID(args[0])
	if !ok {
		return ephemeral(msgEventID)
	}
	changed, err := desk.SetEventState(ctx, id, to, user)
	switch {
	case errors.Is(err, bot.ErrNotFound):
		return ephemeral(fmt.Sprintf("イベント #%d は見つかりません。", id))
	case err != nil:
		a.log.Error("slack: set event state", "event", id, "state", string(to), "err", err)
		return ephemeral(msgTryAgain)
	case !changed:
		return ephemeral(fmt.Sprintf("イベント #%d はすでに「%s」です。", id, to.Label()))
	}
	a.log.Info("slack: event state changed", "event", id, "state", string(to), "user", user)
	a.wake()
	msg := fmt.Sprintf("イベント #%d を「%s」にしました。", id, to.Label())
	if to == bot.EventCancelled {
		msg += "予約していた学生にはそれぞれのチャネルでお知らせします。"
	}
	return ephemeral(msg)
}

// eventsNew creates an event from one line (see eventsUsage).
func (a *App) eventsNew(ctx context.Context, desk EventDesk, user string, args []string) any {
	ev, err := parseEventLine(args)
	if err != nil {
		text := err.Error() + "\n" + eventsUsage
		return ephemeral(text, section(text))
	}
	err = desk.SaveEvent(ctx, &ev, user)
	var invalid *bot.EventError
	switch {
	case errors.As(err, &invalid):
		text := "作成できませんでした：" + invalid.Error()
		return ephemeral(text, section(mrkdwnText(text, maxSectionText)))
	case err != nil:
		a.log.Error("slack: save event", "err", err)
		return ephemeral(msgTryAgain)
	}
	a.log.Info("slack: event created", "event", ev.ID, "user", user)
	text := "イベントを作成しました。\n" + eventLine(ev)
	return ephemeral("イベントを作成しました。", section(text))
}

// eventLineErr is a line of /sakebot events new that cannot be read.
type eventLineErr string

func (e eventLineErr) Error() string { return string(e) }

var (
	eventDate     = regexp.MustCompile(`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$`)
	eventTimes    = regexp.MustCompile(`^(\d{1,2}):(\d{2})[-~〜](\d{1,2}):(\d{2})$`)
	eventCapacity = regexp.MustCompile(`^定員(\d{1,5})名?$`)
)

// parseEventLine reads `種類 日付 時間 定員N 場所 [URL] タイトル…` (times in
// JST; 定員 may be left out for an interview; 場所 オンライン means none).
// What it reads is then validated by the Engine (bot.ValidateEvent).
func parseEventLine(args []string) (bot.Event, error) {
	var ev bot.Event
	if len(args) < 4 {
		return ev, eventLineErr("項目が足りません。")
	}
	switch args[0] {
	case "説明会":
		ev.Kind = bot.EventSession
	case "面談":
		ev.Kind = bot.EventInterview
	default:
		return ev, eventLineErr("種類は「説明会」か「面談」と書いてください。")
	}
	d := eventDate.FindStringSubmatch(args[1])
	tm := eventTimes.FindStringSubmatch(args[2])
	if d == nil || tm == nil {
		return ev, eventLineErr("日付は 2031-02-20、時間は 14:00-15:00 のように書いてください。")
	}
	n := func(s string) int { v, _ := strconv.Atoi(s); return v }
	day := time.Date(n(d[1]), time.Month(n(d[2])), n(d[3]), 0, 0, 0, 0, jst)
	if day.Month() != time.Month(n(d[2])) || day.Day() != n(d[3]) || n(tm[1]) > 23 || n(tm[3]) > 23 || n(tm[2]) > 59 || n(tm[4]) > 59 {
		return ev, eventLineErr("日付または時間がありません（存在しない日付か時刻です）。")
	}
	ev.StartsAt = day.Add(time.Duration(n(tm[1]))*time.Hour + time.Duration(n(tm[2]))*time.Minute)
	ev.EndsAt = day.Add(time.Duration(n(tm[3]))*time.Hour + time.Duration(n(tm[4]))*time.Minute)
	rest := args[3:]
	if c := eventCapacity.FindStringSubmatch(rest[0]); c != nil {
		ev.Capacity, rest = n(c[1]), rest[1:]
	} else if ev.Kind == bot.EventSession {
		return ev, eventLineErr("説明会の定員を「定員30」のように書いてください。")
	}
	if len(rest) == 0 {
		return ev, eventLineErr("場所とタイトルを書いてください。")
	}
	if rest[0] != "オンライン" {
		ev.Place = rest[0]
	}
	rest = rest[1:]
	if len(rest) > 0 && (strings.HasPrefix(rest[0], "https://") || strings.HasPrefix(rest[0], "http://")) {
		ev.URL, rest = rest[0], rest[1:]
	}
	ev.Title = strings.Join(rest, " ")
	return ev, nil
}
