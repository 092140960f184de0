package admin

import (
	"slices"
	"strings"

	"github.com/sakemodel/sakebot/bot"
)

func init() {
	funcs["inList"] = func(list []string, v string) bool { return slices.Contains(list, v) }
	funcs["hasID"] = func(list []int64, id int64) bool { return slices.Contains(list, id) }
	funcs["segmentCount"] = segmentCountText
	funcs["buttonKinds"] = bot.ButtonKinds
	funcs["hours"] = func() []int {
		h := make([]int, 24)
		for i := range h {
			h[i] = i
		}
		return h
	}
}

// outreachAuditText says in plain Japanese what an entry of the outreach
// audit trail did; its subject starts with what was changed (segment,
// broadcast, rule, as "broadcast:3"), its detail is the name or the
// title.
func outreachAuditText(e bot.AuditEntry) string {
	what := "配信"
	for prefix, label := range map[string]string{"segment": "セグメント", "broadcast": "一斉配信", "rule": "自動メッセージ"} {
		if strings.HasPrefix(e.Subject, prefix) {
			what = label
		}
	}
	name := ""
	if e.Detail != "" {
		name = "：" + e.Detail
	}
	switch e.Action {
	case "create":
		return what + "を作成" + name
	case "edit":
		return what + "を編集" + name
	case "schedule":
		return what + "の送信を予約" + name
	case "start":
		return what + "の送信を開始" + name
	case "finish":
		return what + "の送信が完了" + name
	case "hold":
		return what + "をLINEの送信数の上限のため保留" + name
	case "cancel":
		return what + "を中止" + name
	case "enable":
		return what + "を有効化" + name
	case "disable":
		return what + "を停止" + name
	}
	return what + " " + e.Action + name
}
