package jpinput_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sakemodel/sakebot/jpinput"
)

// testNow is "now" for every graduation test: plausible years are 2016–2032.
var testNow = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// validCase is one input and the value it normalises to; an empty want
// means the input is rejected.
type validCase struct {
	in, want string
}

// checkValidator runs cases through fn, checking accepted values and that
// every rejection is an *InvalidInputError with a message for the candidate.
func checkValidator(t *testing.T, fn func(string) (string, error), cases []validCase) {
	t.Helper()
	for _, c := range cases {
		got, err := fn(c.in)
		if c.want == "" {
			if err == nil {
				t.Errorf("%q: got %q, want an error", c.in, got)
				continue
			}
			checkMessage(t, c.in, err)
			continue
		}
		if err != nil {
			t.Errorf("%q: unexpected error %v", c.in, err)
			continue
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}

// checkMessage checks that err is an *InvalidInputError whose message is one
// non-empty line of polite Japanese with an example.
func checkMessage(t *testing.T, in string, err error) {
	t.Helper()
	var ie *jpinput.InvalidInputError
	if !errors.As(err, &ie) {
		t.Errorf("%q: error %T %v is not an *InvalidInputError", in, err, err)
		return
	}
	msg := ie.Message
	switch {
	case msg == "" || err.Error() != msg:
		t.Errorf("%q: empty or inconsistent message %q", in, msg)
	case strings.ContainsAny(msg, "\r\n"):
		t.Errorf("%q: message is not one line: %q", in, msg)
	case strings.TrimSpace(msg) != msg:
		t.Errorf("%q: message has surrounding space: %q", in, msg)
	case !strings.Contains(msg, "例："):
		t.Errorf("%q: message has no example: %q", in, msg)
	case !strings.Contains(msg, "ください") && !strings.Contains(msg, "です") && !strings.Contains(msg, "ません"):
		t.Errorf("%q: message is not polite: %q", in, msg)
	case utf8.RuneCountInString(msg) > 80:
		t.Errorf("%q: message is too long: %q", in, msg)
	}
	hasJapanese := false
	for _, r := range msg {
		if unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han) {
			hasJapanese = true
			break
		}
	}
	if !hasJapanese {
		t.Errorf("%q: message is not Japanese: %q", in, msg)
	}
}

func TestInvalidInputError(t *testing.T) {
	var err error = &jpinput.InvalidInputError{Message: "テストです。例：あ"}
	if err.Error() != "テストです。例：あ" {
		t.Errorf("Error() = %q", err.Error())
	}
}

func TestNormalizeName(t *testing.T) {
	long := strings.Repeat("北", 50)
	checkValidator(t, jpinput.NormalizeName, []validCase{
		{"北見 太郎", "北見　太郎"},
		{"北見　太郎", "北見　太郎"},
		{"北見太郎", "北見太郎"},
		{"  北見   太郎  ", "北見　太郎"},
		{"北見\t太郎", "北見　太郎"},
		{"北見　　\t 太郎", "北見　太郎"},
		{"北見\n太郎", "北見　太郎"},
		{"\u3000北見\u3000太郎\u3000", "北見　太郎"},
		{"北見\u00a0太郎", "北見　太郎"},
		{"北見\u200b太郎", "北見太郎"},
		{"きたみ たろう", "きたみ　たろう"},
		{"キタミ タロウ", "キタミ　タロウ"},
		{"ｷﾀﾐ ﾀﾛｳ", "キタミ　タロウ"},
		{"ｼﾞｮｰｼﾞ", "ジョージ"},
		{"佐々木 花子", "佐々木　花子"},
		{"渡邉 〆子", "渡邉　〆子"},
		{"Taro Kitami", "Taro　Kitami"},
		{"Ｔａｒｏ　Ｋｉｔａｍｉ", "Taro　Kitami"},
		{"O'Brien Mary-Jane", "O'Brien　Mary-Jane"},
		{"O’Brien", "O’Brien"},
		{"J. Smith", "J.　Smith"},
		{"ジョン・スミス", "ジョン・スミス"},
		{"ｼﾞｮﾝ･ｽﾐｽ", "ジョン・スミス"},
		{"ジャン＝ポール", "ジャン=ポール"},
		{"José García", "José　García"},
		{"Jose\u0301", "José"},
		{"김 민준", "김　민준"},
		{"王 小明", "王　小明"},
		{"葛\U000E0100城", "葛\U000E0100城"}, // ideographic variation sequence
		{"A", "A"},
		{long, long},
		// rejected
		{"", ""},
		{"   ", ""},
		{"\u3000\t", ""},
		{long + "北", ""},
		{strings.Repeat("北見 ", 26), ""},
		{strings.Repeat("あ", 2000), ""},
		{"北見 太郎1", ""},
		{"北見 太郎１", ""},
		{"北見 太郎①", ""},
		{"123", ""},
		{"taro@example.com", ""},
		{"北見＠太郎", ""},
		{"https://example.com", ""},
		{"www.example.com", ""},
		{"example.com", ""},
		{"北見 太郎😀", ""},
		{"😀", ""},
		{"北見 太郎👨\u200d👩", ""},
		{"北見\x00太郎", ""},
		{"北見\x1b太郎", ""},
		{"北見\u0085太郎", "北見　太郎"}, // NEL is white space
		{"北見 太郎!", ""},
		{"北見（太郎）", ""},
		{"<script>", ""},
		{"・", ""},
		{"-", ""},
		{"\u0301a", ""},
		{"北見\xff太郎", ""},
	})
}

func TestNormalizeKana(t *testing.T) {
	long := strings.Repeat("ア", 50)
	checkValidator(t, jpinput.NormalizeKana, []validCase{
		{"キタミ タロウ", "キタミ　タロウ"},
		{"キタミ　タロウ", "キタミ　タロウ"},
		{"キタミタロウ", "キタミタロウ"},
		{"きたみ たろう", "キタミ　タロウ"},
		{"ほっかい たろう", "ホッカイ　タロウ"},
		{"ほっかい　　たろう", "ホッカイ　タロウ"},
		{" \tきたみ\u3000 たろう\n", "キタミ　タロウ"},
		{"ｷﾀﾐ ﾀﾛｳ", "キタミ　タロウ"},
		{"ｶﾞｯｺｳ", "ガッコウ"},
		{"ﾊﾟﾝ", "パン"},
		{"ｼﾞｮｰｼﾞ", "ジョージ"},
		{"じょーじ", "ジョージ"},
		{"ジョージ", "ジョージ"},
		{"じょ-じ", "ジョージ"},
		{"ジョ‐ジ", "ジョージ"},
		{"ジョ−ジ", "ジョージ"},
		{"ジョ－ジ", "ジョージ"},
		{"ジョｰジ", "ジョージ"},
		{"ジョ～ジ", "ジョージ"},
		{"ジョ〜ジ", "ジョージ"},
		{"ジョ—ジ", "ジョージ"},
		{"たろー", "タロー"},
		{"ジョン・スミス", "ジョン・スミス"},
		{"じょん･すみす", "ジョン・スミス"},
		{"ゔぁいおりん", "ヴァイオリン"},
		{"か゛っこう", "ガッコウ"},
		{"は゜ん", "パン"},
		{"わ゛", "ヷ"},
		{"さゝき", "サヽキ"},
		{"ｸﾞﾘｰﾝ ﾊﾅｺ", "グリーン　ハナコ"},
		{"アイヌㇰ", "アイヌㇰ"},
		{long, long},
		// rejected
		{"", ""},
		{"  ", ""},
		{"北見 太郎", ""},
		{"キタミ 太郎", ""},
		{"Kitami Taro", ""},
		{"ｋｉｔａｍｉ", ""},
		{"キタミ1", ""},
		{"キタミ😀", ""},
		{"ーキタミ", ""},
		{"-キタミ", ""},
		{"キタミ -タロウ", ""},
		{"・", ""},
		{"ー", ""},
		{"キタミ!", ""},
		{long + "ア", ""},
		{"キタミ\x00", ""},
		{"ア\xff", ""},
	})
}

func TestParseGraduation(t *testing.T) {
	cases := []validCase{
		{"2027年3月", "2027-03"},
		{"2027年03月", "2027-03"},
		{"2027/3", "2027-03"},
		{"2027/03", "2027-03"},
		{"2027-03", "2027-03"},
		{"2027-3", "2027-03"},
		{"2027.3", "2027-03"},
		{"2027.03", "2027-03"},
		{"202703", "2027-03"},
		{"27年3月", "2027-03"},
		{"27年3月卒", "2027-03"},
		{"27/3", "2027-03"},
		{"27.3", "2027-03"},
		{"2027年3月卒業予定", "2027-03"},
		{"2027年3月卒業見込み", "2027-03"},
		{"2027年3月卒業", "2027-03"},
		{"2027年3月卒予定", "2027-03"},
		{"2027年3月修了予定", "2027-03"},
		{"2027年3月卒業予定です。", "2027-03"},
		{"2027年3月末", "2027-03"},
		{"2027年3", "2027-03"},
		{"2027年9月", "2027-09"},
		{"2026年12月", "2026-12"},
		{"令和9年3月", "2027-03"},
		{"令和9年3月卒業予定", "2027-03"},
		{"令和元年3月", "2019-03"},
		{"令和1年3月", "2019-03"},
		{"令和8年9月", "2026-09"},
		{"R9.3", "2027-03"},
		{"r9.3", "2027-03"},
		{"R9年3月", "2027-03"},
		{"R9/3", "2027-03"},
		{"R09.03", "2027-03"},
		{"Ｒ９．３", "2027-03"},
		{"㋿9年3月", "2027-03"},
		{"平成30年3月", "2018-03"},
		{"H30.3", "2018-03"},
		{"２０２７年３月", "2027-03"},
		{"２０２７／０３", "2027-03"},
		{"２０２７－０３", "2027-03"},
		{"２０２７ー０３", "2027-03"},
		{"２０２７０３", "2027-03"},
		{" 2027 年 3 月 ", "2027-03"},
		{"2027　年　3　月", "2027-03"},
		{"2027 3", "2027-03"},
		{"2027 03", "2027-03"},
		{"2 0 2 7 / 0 3", "2027-03"},
		{"27 年 3 月 卒", "2027-03"},
		{"令和 9 年 3 月", "2027-03"},
		{"R 9 . 3", "2027-03"},
		{"2016年4月", "2016-04"}, // now.Year()-10
		{"2032年3月", "2032-03"}, // now.Year()+6
		// rejected
		{"", ""},
		{"   ", ""},
		{"2015年3月", ""},
		{"2033年3月", ""},
		{"1999年3月", ""},
		{"2027年0月", ""},
		{"2027年13月", ""},
		{"202713", ""},
		{"202700", ""},
		{"2027年", ""},
		{"2027", ""},
		{"27卒", ""},
		{"2027年卒業予定", ""},
		{"3月", ""},
		{"3", ""},
		{"3/2027", ""},
		{"03/27", ""},
		{"9.3", ""},
		{"令和0年3月", ""},
		{"R0.3", ""},
		{"平成32年3月", ""},
		{"昭和60年3月", ""},
		{"来年の春", ""},
		{"2027年3月1日", ""},
		{"2027-03-01", ""},
		{"20273", ""},
		{"2027年3月😀", ""},
		{"abc", ""},
		{"2027年3月\xff", ""},
	}
	checkValidator(t, func(s string) (string, error) { return jpinput.ParseGraduation(s, testNow) }, cases)
}

func TestParseGraduationUsesNow(t *testing.T) {
	later := time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC)
	if got, err := jpinput.ParseGraduation("2045年3月", later); err != nil || got != "2045-03" {
		t.Errorf("2045年3月 in 2040: got %q, %v", got, err)
	}
	if _, err := jpinput.ParseGraduation("2027年3月", later); err == nil {
		t.Errorf("2027年3月 in 2040: accepted")
	}
}

func TestNormalizeEmail(t *testing.T) {
	checkValidator(t, jpinput.NormalizeEmail, []validCase{
		{"taro@example.com", "taro@example.com"},
		{"  taro@example.com  ", "taro@example.com"},
		{"Taro.Kitami@Example.COM", "Taro.Kitami@example.com"},
		{"ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ", "taro@example.com"},
		{"taro＠example.com", "taro@example.com"},
		{"mailto:taro@example.com", "taro@example.com"},
		{"MAILTO:taro@example.com", "taro@example.com"},
		{"taro..k.@docomo.ne.jp", "taro..k.@docomo.ne.jp"},
		{"taro.@ezweb.ne.jp", "taro.@ezweb.ne.jp"},
		{"taro+sake@gmail.com", "taro+sake@gmail.com"},
		{"t_a-r.o!#$%&'*/=?^`{|}~@example.co.jp", "t_a-r.o!#$%&'*/=?^`{|}~@example.co.jp"},
		{"taro@mail-1.example.ac.jp", "taro@mail-1.example.ac.jp"},
		{"taro @ example.com", "taro@example.com"},
		{"taro@example.com。", "taro@example.com"},
		{"\u200btaro@example.com", "taro@example.com"},
		{"a@b.jp", "a@b.jp"},
		{strings.Repeat("a", 64) + "@example.com", strings.Repeat("a", 64) + "@example.com"},
		// rejected
		{"", ""},
		{"   ", ""},
		{"mailto:", ""},
		{"taro", ""},
		{"taroexample.com", ""},
		{"taro@@example.com", ""},
		{"taro@foo@example.com", ""},
		{"@example.com", ""},
		{"taro@", ""},
		{"taro@localhost", ""},
		{"taro@example", ""},
		{"taro@example.c", ""},
		{"taro@example.123", ""},
		{"taro@.example.com", ""},
		{"taro@example..com", ""},
		{"taro@example.com.", ""},
		{"taro@-example.com", ""},
		{"taro@example-.com", ""},
		{"taro@exa_mple.com", ""},
		{"たろう@example.com", ""},
		{"taro@例え.jp", ""},
		{"ta\"ro@example.com", ""},
		{"ta(ro)@example.com", ""},
		{"ta,ro@example.com", ""},
		{strings.Repeat("a", 65) + "@example.com", ""},
		{"taro@" + strings.Repeat("a", 63) + "." + strings.Repeat("b", 63) + "." + strings.Repeat("c", 63) + "." + strings.Repeat("d", 63) + ".com", ""},
		{"taro@" + strings.Repeat("a", 64) + ".com", ""},
		{"taro@example.com\xff", ""},
	})
}

func TestNormalizePhone(t *testing.T) {
	checkValidator(t, jpinput.NormalizePhone, []validCase{
		{"09012345678", "09012345678"},
		{"090-1234-5678", "09012345678"},
		{"090 1234 5678", "09012345678"},
		{"090　1234　5678", "09012345678"},
		{" 090-1234-5678 ", "09012345678"},
		{"０９０－１２３４－５６７８", "09012345678"},
		{"０９０１２３４５６７８", "09012345678"},
		{"090ー1234ー5678", "09012345678"},
		{"090−1234−5678", "09012345678"},
		{"090‐1234‐5678", "09012345678"},
		{"090‑1234‑5678", "09012345678"},
		{"090–1234–5678", "09012345678"},
		{"090—1234—5678", "09012345678"},
		{"090ｰ1234ｰ5678", "09012345678"},
		{"090.1234.5678", "09012345678"},
		{"090(1234)5678", "09012345678"},
		{"（090）1234-5678", "09012345678"},
		{"080-1234-5678", "08012345678"},
		{"070-1234-5678", "07012345678"},
		{"060-1234-5678", "06012345678"},
		{"050-1234-5678", "05012345678"},
		{"020-1234-5678", "02012345678"},
		{"+81 90-1234-5678", "09012345678"},
		{"+819012345678", "09012345678"},
		{"+81(0)90-1234-5678", "09012345678"},
		{"+81 (0) 90 1234 5678", "09012345678"},
		{"＋８１ ９０－１２３４－５６７８", "09012345678"},
		{"81 90-1234-5678", "09012345678"},
		{"819012345678", "09012345678"},
		{"81-(0)90-1234-5678", "09012345678"},
		{"+81 157-23-4567", "0157234567"},
		{"0157-23-4567", "0157234567"},
		{"0157(23)4567", "0157234567"},
		{"（０１５７）２３－４５６７", "0157234567"},
		{"03-1234-5678", "0312345678"},
		{"06-1234-5678", "0612345678"},
		{"011-234-5678", "0112345678"},
		{"0120-123-456", "0120123456"},
		{"0120123456", "0120123456"},
		{"0800-123-4567", "08001234567"},
		{"0800-123-456", "0800123456"},
		{"0570-123-456", "0570123456"},
		{"090\u200b1234\u200b5678", "09012345678"},
		// rejected
		{"", ""},
		{"   ", ""},
		{"--", ""},
		{"+", ""},
		{"090-1234-567", ""},
		{"090-1234-56789", ""},
		{"0901234567", ""},
		{"080-123-4567", ""},
		{"050-123-4567", ""},
		{"0157-23-456", ""},
		{"0157-23-45678", ""},
		{"010-1234-5678", ""},
		{"0012345678", ""},
		{"00123456789", ""},
		{"001-81-90-1234-5678", ""},
		{"12345678901", ""},
		{"1234567890", ""},
		{"9012345678", ""},
		{"+1 212 555 0100", ""},
		{"+44 20 7946 0958", ""},
		{"++81 90 1234 5678", ""},
		{"090+1234-5678", ""},
		{"tel:090-1234-5678", ""},
		{"090-1234-567８a", ""},
		{"abc", ""},
		{"090-1234-5678😀", ""},
		{"090-1234-5678 内線12", ""},
		{"090/1234/5678", ""},
		{strings.Repeat("0", 30), ""},
		{"090-1234-5678\xff", ""},
	})
}

func TestFormatPhone(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"09012345678", "090-1234-5678"},
		{"08012345678", "080-1234-5678"},
		{"07012345678", "070-1234-5678"},
		{"06012345678", "060-1234-5678"},
		{"05012345678", "050-1234-5678"},
		{"02012345678", "020-1234-5678"},
		{"08001234567", "0800-123-4567"},
		{"0120123456", "0120-123-456"},
		{"0800123456", "0800-123-456"},
		{"0570123456", "0570-123-456"},
		{"0312345678", "03-1234-5678"},
		{"0612345678", "06-1234-5678"},
		{"0157234567", "0157-23-4567"},
		{"0112345678", "0112-34-5678"},
		// unknown input unchanged
		{"", ""},
		{"090-1234-5678", "090-1234-5678"},
		{"0901234567", "0901234567"},
		{"12345678901", "12345678901"},
		{"0012345678", "0012345678"},
		{"０９０１２３４５６７８", "０９０１２３４５６７８"},
		{"abc", "abc"},
	} {
		if got := jpinput.FormatPhone(c.in); got != c.want {
			t.Errorf("FormatPhone(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestValidatorMessages checks every validator's rejection message for a
// few typical mistakes, and that empty answers get a message too.
func TestValidatorMessages(t *testing.T) {
	grad := func(s string) (string, error) { return jpinput.ParseGraduation(s, testNow) }
	for name, fn := range map[string]func(string) (string, error){
		"name": jpinput.NormalizeName, "kana": jpinput.NormalizeKana, "graduation": grad,
		"email": jpinput.NormalizeEmail, "phone": jpinput.NormalizePhone,
	} {
		for _, in := range []string{"", " ", "😀", "@@@", "http://example.com", "北見 太郎 123", "\xff", strings.Repeat("x", 5000)} {
			if _, err := fn(in); err != nil {
				checkMessage(t, name+":"+in, err)
			} else if in == "" || in == "😀" || in == "\xff" {
				t.Errorf("%s: %q accepted", name, in)
			}
		}
	}
}

// checkFuzzResult checks a validator's outcome on arbitrary input: an
// error is an *InvalidInputError with a message; an accepted value is
// valid UTF-8 and a fixed point of the validator.
func checkFuzzResult(t *testing.T, in, got string, err error, again func(string) (string, error)) {
	t.Helper()
	if err != nil {
		var ie *jpinput.InvalidInputError
		if !errors.As(err, &ie) || ie.Message == "" {
			t.Fatalf("%q: error %T %v is not an *InvalidInputError with a message", in, err, err)
		}
		return
	}
	if !utf8.ValidString(got) {
		t.Fatalf("%q: accepted value %q is not valid UTF-8", in, got)
	}
	if got == "" {
		t.Fatalf("%q: accepted an empty value", in)
	}
	got2, err := again(got)
	if err != nil {
		t.Fatalf("%q: accepted as %q, which is then rejected: %v", in, got, err)
	}
	if got2 != got {
		t.Fatalf("%q: not idempotent: %q then %q", in, got, got2)
	}
}

// fuzzSeeds adds the seed inputs to f.
func fuzzSeeds(f *testing.F, seeds ...string) {
	for _, s := range seeds {
		f.Add(s)
	}
}

func FuzzNormalizeName(f *testing.F) {
	fuzzSeeds(f, "北見 太郎", "  北見\u3000\t太郎 ", "ｷﾀﾐ ﾀﾛｳ", "O'Brien J. Smith", "Jose\u0301", "葛\U000E0100城", "😀", "taro@example.com", "北見1", "")
	f.Fuzz(func(t *testing.T, s string) {
		got, err := jpinput.NormalizeName(s)
		checkFuzzResult(t, s, got, err, jpinput.NormalizeName)
		if err == nil && (strings.ContainsAny(got, " \t\n") || utf8.RuneCountInString(got) > 50) {
			t.Fatalf("%q: bad name %q", s, got)
		}
	})
}

func FuzzNormalizeKana(f *testing.F) {
	fuzzSeeds(f, "キタミ タロウ", "ほっかい たろう", "ｶﾞｯｺｳ", "じょ-じ", "か゛っこう", "わ゛", "ジョン・スミス", "北見", "ーア", "")
	f.Fuzz(func(t *testing.T, s string) {
		got, err := jpinput.NormalizeKana(s)
		checkFuzzResult(t, s, got, err, jpinput.NormalizeKana)
		if err != nil {
			return
		}
		for _, r := range got {
			if !(unicode.Is(unicode.Katakana, r) || r == 'ー' || r == '・' || r == '\u3000') {
				t.Fatalf("%q: kana %q contains %q", s, got, r)
			}
		}
	})
}

var graduationRe = regexp.MustCompile(`^20[0-9]{2}-(0[1-9]|1[0-2])$`)

func FuzzParseGraduation(f *testing.F) {
	fuzzSeeds(f, "2027年3月", "202703", "27年3月卒", "令和9年3月", "R9.3", "令和元年3月", "２０２７年３月", "2027 3", "2027年3月卒業予定です。", "")
	parse := func(s string) (string, error) { return jpinput.ParseGraduation(s, testNow) }
	f.Fuzz(func(t *testing.T, s string) {
		got, err := parse(s)
		checkFuzzResult(t, s, got, err, parse)
		if err == nil && !graduationRe.MatchString(got) {
			t.Fatalf("%q: bad graduation %q", s, got)
		}
	})
}

func FuzzNormalizeEmail(f *testing.F) {
	fuzzSeeds(f, "taro@example.com", "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ", "mailto:Taro@EXAMPLE.com", "taro..k.@docomo.ne.jp", "a@b", "@", "")
	f.Fuzz(func(t *testing.T, s string) {
		got, err := jpinput.NormalizeEmail(s)
		checkFuzzResult(t, s, got, err, jpinput.NormalizeEmail)
		if err == nil && (len(got) > 254 || strings.Count(got, "@") != 1) {
			t.Fatalf("%q: bad address %q", s, got)
		}
	})
}

func FuzzNormalizePhone(f *testing.F) {
	fuzzSeeds(f, "090-1234-5678", "０９０－１２３４－５６７８", "+81(0)90-1234-5678", "81 90 1234 5678", "0157-23-4567", "0120-123-456", "0800-123-4567", "00", "")
	f.Fuzz(func(t *testing.T, s string) {
		got, err := jpinput.NormalizePhone(s)
		checkFuzzResult(t, s, got, err, jpinput.NormalizePhone)
		if err != nil {
			return
		}
		if len(got) != 10 && len(got) != 11 || got[0] != '0' || strings.Trim(got, "0123456789") != "" {
			t.Fatalf("%q: bad phone %q", s, got)
		}
		// The display form reads back as the same number.
		shown := jpinput.FormatPhone(got)
		if strings.Count(shown, "-") != 2 || strings.ReplaceAll(shown, "-", "") != got {
			t.Fatalf("%q: FormatPhone(%q) = %q", s, got, shown)
		}
		if back, err := jpinput.NormalizePhone(shown); err != nil || back != got {
			t.Fatalf("%q: FormatPhone(%q) = %q reads back as %q, %v", s, got, shown, back, err)
		}
	})
}
