package worker

import "github.com/sakemodel/sakebot/bot"

// msgRateLimited is the polite note for a user over the rate limit.
const msgRateLimited = "たくさんのメッセージをありがとうございます。処理が追いつかないため、1分ほどしてからもう一度お送りください。入力中の応募内容はそのまま残っています。"

// limited reports whether the per-user rate limit applies to in: to
// everything but an unfollow, which must always take effect, and a staff
// reply, which is not the user's to send.
func (w *Worker) limited(in bot.Incoming) bool {
	return w.cfg.RateLimit > 0 && in.Kind != bot.KindUnfollow && in.Kind != bot.KindStaffReply
}

// over reports whether in is over the limit, given the user's events in
// the last minute up to it.
func (w *Worker) over(in bot.Incoming, recent int) bool {
	return w.limited(in) && recent > w.cfg.RateLimit
}

// overLimit enforces the per-user rate limit, given the user's events in
// the last minute up to this one. It returns the polite note for the first
// event over the limit, an empty (non-nil) list for later ones, and nil
// when the event may go to the engine.
func (w *Worker) overLimit(in bot.Incoming, recent int) []bot.Reply {
	switch {
	case !w.over(in, recent):
		return nil
	case recent == w.cfg.RateLimit+1:
		w.log.Warn("rate limit reached", "channel", string(in.Key.Channel))
		return []bot.Reply{{Text: msgRateLimited}}
	}
	return []bot.Reply{}
}
