package bot

// msgGroupToDM is the answer in a Slack channel to a request that only a
// DM can serve: the Slack channel opens the DM and continues there.
const msgGroupToDM = "応募や個別のご相談は、ボットとのDM（ダイレクトメッセージ）で承ります。DMをお送りしましたので、そちらで続けてください。"

// WantsPrivate reports whether text, said in a group or channel, asks for
// what is only done one to one: to apply, an application's status, or a
// person. Slack then continues in a DM (see Incoming.Group).
func WantsPrivate(text string) bool {
	switch detectIntent(text) {
	case intentApply, intentStatus, intentHuman:
		return true
	}
	return false
}
