package bot

import (
	"net/url"
	"strconv"
)

// Postback data is a small query string: t is the text the choice stands
// for, s and v mark the form step and conversation version the choice was
// offered at (absent for menu choices, which are always valid), f names
// an FAQ entry to answer directly and m the miss a did-you-mean choice
// was offered for.
type postback struct {
	Text    string
	Step    string
	Version int
	FAQID   string
	MissID  int64
}

func (p postback) encode() string {
	v := url.Values{}
	if p.Text != "" {
		v.Set("t", p.Text)
	}
	if p.Step != "" {
		v.Set("s", p.Step)
		v.Set("v", strconv.Itoa(p.Version))
	}
	if p.FAQID != "" {
		v.Set("f", p.FAQID)
	}
	if p.MissID > 0 {
		v.Set("m", strconv.FormatInt(p.MissID, 10))
	}
	return v.Encode()
}

func parsePostback(data string) postback {
	v, err := url.ParseQuery(data)
	if err != nil {
		return postback{Text: data}
	}
	n, _ := strconv.Atoi(v.Get("v"))
	miss, _ := strconv.ParseInt(v.Get("m"), 10, 64)
	p := postback{Text: v.Get("t"), Step: v.Get("s"), Version: n, FAQID: v.Get("f"), MissID: max(miss, 0)}
	if p.Text == "" && p.Step == "" && p.FAQID == "" {
		p.Text = data // a plain string from a menu made elsewhere
	}
	return p
}

// MenuPostback returns the postback data for a menu button (rich menu,
// App Home) that stands for text, e.g. "応募する".
func MenuPostback(text string) string { return postback{Text: text}.encode() }
