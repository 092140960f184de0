package slack

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/sakemodel/sakebot/jpinput"
)

// slackMarkup matches Slack's <…> markup in message text: mentions,
// special mentions, channel links and links.
var slackMarkup = regexp.MustCompile(`<([^<>]*)>`)

// plainText turns a Slack message into the plain text a LINE user
// reads: mentions dropped, links as "label（URL）", channels as #name,
// &amp; &lt; &gt; unescaped, and control and bidirectional-override
// characters removed (jpinput.CleanText), as from every channel.
func plainText(s string) string {
	s = slackMarkup.ReplaceAllStringFunc(s, func(m string) string {
		inner := m[1 : len(m)-1]
		target, label, _ := strings.Cut(inner, "|")
		switch {
		case strings.HasPrefix(target, "@"), strings.HasPrefix(target, "!"):
			return ""
		case strings.HasPrefix(target, "#"):
			if label != "" {
				return "#" + label
			}
			return ""
		case strings.HasPrefix(target, "mailto:"):
			return strings.TrimPrefix(target, "mailto:")
		case label != "" && label != target:
			return label + "（" + target + "）"
		}
		return target
	})
	s = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(s)
	return strings.TrimSpace(jpinput.CleanText(s))
}

// maxUnixSeconds bounds the times read from Slack (the year 9999).
const maxUnixSeconds = 253402300799

// tsTime reads a Slack ts ("1700000000.000100") as a time; zero if it is not one.
func tsTime(ts string) time.Time {
	sec, frac, _ := strings.Cut(ts, ".")
	s, err := strconv.ParseInt(sec, 10, 64)
	if err != nil || s <= 0 || s > maxUnixSeconds {
		return time.Time{}
	}
	us, _ := strconv.ParseInt((frac + "000000")[:6], 10, 64)
	return time.Unix(s, us*1000).UTC()
}

// itoa is strconv.Itoa, for building texts.
func itoa(n int) string { return strconv.Itoa(n) }

// itoa64 is strconv.FormatInt in base 10.
func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
