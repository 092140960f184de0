package bot

// askForget asks a candidate who wants their personal data deleted to
// confirm; a "no" returns to where they were.
func (t *turn) askForget() {
	if t.conv.Mode != ModeForget {
		t.conv.Resume, t.conv.Mode = t.conv.Mode, ModeForget
	}
	t.reask()
}

// forget takes the answer to "really delete your personal data?".
func (t *turn) forget(text string) {
	switch answerIntent(text) {
	case intentYes, intentForget:
		t.retractPosts()
		if _, err := t.tx.ForgetCandidate(t.ctx, t.in.Key, "candidate"); err != nil {
			t.fail(err)
			return
		}
		t.conv = Conversation{Key: t.in.Key, Version: t.conv.Version}
		t.drop = true
		t.e.log.InfoContext(t.ctx, "personal data deleted at the candidate's request", "channel", string(t.in.Key.Channel))
		t.say(msgForgotten)
	case intentNo, intentBack, intentCancel:
		t.conv.Mode, t.conv.Resume = t.conv.Resume, ModeIdle
		if t.conv.Mode == ModeIdle {
			t.say(msgAck)
			return
		}
		t.reask()
	default:
		t.say(msgChooseForget)
		t.reask()
	}
}
