package admin

import (
	"net/url"
	"testing"

	"github.com/sakemodel/sakebot/bot"
)

// TestOAMessageURL: LINE's link percent-encodes the basic ID (@ as %40)
// and the text (# as %23, spaces as %20, never +, Japanese as UTF-8), so
// it reads back as the ID and the text.
func TestOAMessageURL(t *testing.T) {
	src := bot.Source{Code: "K0612", Name: "北見工業大学 12月説明会"}
	text := sourceText(src)
	if text != "#K0612 北見工業大学 12月説明会から来ました" {
		t.Fatalf("text %q", text)
	}
	got := oaMessageURL("@123abcde", text)
	want := "https://line.me/R/oaMessage/%40123abcde/?%23K0612%20%E5%8C%97%E8%A6%8B%E5%B7%A5%E6%A5%AD%E5%A4%A7%E5%AD%A6%2012%E6%9C%88%E8%AA%AC%E6%98%8E%E4%BC%9A%E3%81%8B%E3%82%89%E6%9D%A5%E3%81%BE%E3%81%97%E3%81%9F"
	if got != want {
		t.Fatalf("oaMessageURL\n got %s\nwant %s", got, want)
	}
	u, err := url.Parse(got)
	if err != nil {
		t.Fatal(err)
	}
	if u.Path != "/R/oaMessage/@123abcde/" {
		t.Errorf("path %q", u.Path)
	}
	if q, err := url.PathUnescape(u.RawQuery); err != nil || q != text {
		t.Errorf("query reads %q, %v", q, err)
	}
	// Whatever staff name a source, the link stays one URL: no &, =, +, #
	// or space gets through unencoded.
	odd := oaMessageURL("@a.b_c-d", "#K0001 A&B=C+D #2 100%")
	if want := "https://line.me/R/oaMessage/%40a.b_c-d/?%23K0001%20A%26B%3DC%2BD%20%232%20100%25"; odd != want {
		t.Errorf("odd text\n got %s\nwant %s", odd, want)
	}
	if got := webChatURL("https://bot.example.jp", "K0612"); got != "https://bot.example.jp/?src=K0612" {
		t.Errorf("web chat link %q", got)
	}
}

// TestSourceConversion: the share of a source's students who applied.
func TestSourceConversion(t *testing.T) {
	for _, c := range []struct {
		students, applications int
		want                   string
	}{{0, 0, "—"}, {2, 1, "50.0%"}, {3, 1, "33.3%"}, {8, 8, "100.0%"}} {
		r := sourceRow{SourceCount: SourceCount{Students: c.students, Applications: c.applications}}
		if got := r.Conversion(); got != c.want {
			t.Errorf("%d of %d: %q, want %q", c.applications, c.students, got, c.want)
		}
	}
}
