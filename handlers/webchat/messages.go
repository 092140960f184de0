package webchat

import (
	"encoding/json"
	"net/http"
)

// What the page shows when a request is refused (JSON {"error": …}).
const (
	msgForbidden  = "このページからは送信できません。チャットのページを開き直してください。"
	msgNoVisitor  = "接続が切れました。ページを再読み込みしてください。"
	msgBadRequest = "送信内容を読み取れませんでした。もう一度お送りください。"
	msgTooLarge   = "メッセージが長すぎます。2000文字以内でお送りください。"
	msgEmpty      = "メッセージを入力してください。"
	msgTooMany    = "送信が続いたため、少し時間をおいてからお送りください。"
	msgBusy       = "ただいま混み合っています。少し時間をおいてからお送りください。"
	msgStreams    = "開いているチャットが多すぎます。使っていないタブを閉じてください。"
)

// writeError answers with status and a message the page shows as is.
func writeError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}
