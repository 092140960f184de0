package slack

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/slack-go/slack"
)

// Texts shown to staff.
const (
	msgForbidden   = "権限がありません。FAQの編集と応募の操作は、採用スタッフ（SLACK_STAFF_USER_IDS）だけができます。"
	msgTryAgain    = "処理できませんでした。少し時間をおいて、もう一度お試しください。"
	msgModalFailed = "フォームを開けませんでした。もう一度お試しください（コマンドやボタンから3秒以上たつと開けません）。"
)

// writeJSON answers with v as JSON.
func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(v)
}

// answer writes a request's answer over HTTP: payload as JSON, or an
// empty 200 when there is none (nil). Over Socket Mode the same payload is
// the ack's.
func answer(w http.ResponseWriter, payload any) {
	if payload == nil {
		w.WriteHeader(http.StatusOK)
		return
	}
	writeJSON(w, payload)
}

// ephemeralBody is a slash command's answer shown only to who typed it.
type ephemeralBody struct {
	ResponseType string        `json:"response_type"`
	Text         string        `json:"text"`
	Blocks       []slack.Block `json:"blocks,omitempty"`
}

// ephemeral is a slash command's answer with text (and blocks) only its
// user sees.
func ephemeral(text string, blocks ...slack.Block) ephemeralBody {
	return ephemeralBody{ResponseType: slack.ResponseTypeEphemeral, Text: fallback(text), Blocks: capBlocks(blocks)}
}

// tellUser shows text to the user who clicked, by the click's response_url
// (or chat.postEphemeral when there is none). It is best effort: the
// click's effect, if any, is already stored.
func (a *App) tellUser(ctx context.Context, ic *slack.InteractionCallback, text string) {
	var err error
	switch {
	case ic.ResponseURL != "":
		err = a.hooks.post(ctx, ic.ResponseURL, &slack.WebhookMessage{ResponseType: slack.ResponseTypeEphemeral, Text: fallback(text)})
	case ic.Channel.ID != "":
		_, err = a.api.PostEphemeralContext(ctx, ic.Channel.ID, ic.User.ID, slack.MsgOptionText(fallback(text), false))
	default:
		return
	}
	if err != nil {
		a.log.Warn("slack: cannot answer the user", "err", err)
	}
}

// replaceOriginal replaces the ephemeral message a button was on.
func (a *App) replaceOriginal(ctx context.Context, ic *slack.InteractionCallback, text string) {
	if ic.ResponseURL == "" {
		a.tellUser(ctx, ic, text)
		return
	}
	msg := &slack.WebhookMessage{ResponseType: slack.ResponseTypeEphemeral, ReplaceOriginal: true, Text: fallback(text)}
	if err := a.hooks.post(ctx, ic.ResponseURL, msg); err != nil {
		a.log.Warn("slack: cannot update the message", "err", err)
	}
}
