package worker

import "github.com/sakemodel/sakebot/bot"

// trim drops, before anything is stored, what one user cannot mean in one
// webhook request: a follow repeated (LINE sends one follow per add, so a
// run of them is a replay or an attack) and, beyond the rate limit, the
// user's further events, which would get no answer but cost a row, a turn
// and perhaps a profile look-up each. Unfollows are always kept: a block
// must take effect. The order of what is kept is unchanged.
func (w *Worker) trim(events []Event) []Event {
	per := map[bot.UserKey]int{}
	followed := map[bot.UserKey]bool{}
	out := events[:0:0]
	for _, ev := range events {
		in := ev.Incoming
		switch {
		case in.Kind == bot.KindUnfollow:
			followed[in.Key] = false
		case in.Kind == bot.KindFollow && followed[in.Key]:
			continue
		case w.cfg.RateLimit > 0 && per[in.Key] > w.cfg.RateLimit:
			continue
		}
		if in.Kind == bot.KindFollow {
			followed[in.Key] = true
		}
		per[in.Key]++
		out = append(out, ev)
	}
	return out
}
