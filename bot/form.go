package bot

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sakemodel/sakebot/jpinput"
)

// fieldSpec describes one question of the application form.
type fieldSpec struct {
	Field    Field
	Label    string   // short name, used in the summary and the fix menu
	Prompt   string   // the question
	Choices  []string // offered answers; typed text may still be accepted
	Optional bool     // may be skipped
	// Parse validates and normalises an answer. Fields with Choices and no
	// free text accept only a choice (or one of its synonyms).
	Parse func(text string, now time.Time) (string, error)
}

// form is the application form, in the order it is asked.
var form = []fieldSpec{
	{Field: FieldName, Label: "氏名", Prompt: "お名前（氏名）を入力してください。\n例：北見 太郎",
		Parse: func(s string, _ time.Time) (string, error) { return jpinput.NormalizeName(s) }},
	{Field: FieldKana, Label: "フリガナ", Prompt: "お名前のフリガナを入力してください。ひらがなでも大丈夫です。\n例：キタミ タロウ",
		Parse: func(s string, _ time.Time) (string, error) { return jpinput.NormalizeKana(s) }},
	{Field: FieldSchool, Label: "学校名", Prompt: "学校名を入力してください。北見工業大学の方は下のボタンからお選びいただけます。",
		Choices: []string{"北見工業大学"}, Parse: freeText("学校名", 100, "北見工業大学")},
	{Field: FieldDepartment, Label: "学部・学科", Prompt: "学部・学科を入力してください。\n例：工学部 地域未来デザイン工学科",
		Parse: freeText("学部・学科", 100, "工学部 地域未来デザイン工学科")},
	{Field: FieldGraduation, Label: "卒業（予定）年月", Prompt: "卒業（予定）年月を入力してください。\n例：2027年3月",
		Parse: jpinput.ParseGraduation},
	{Field: FieldEmail, Label: "メールアドレス", Prompt: "連絡先のメールアドレスを入力してください。\n例：taro@example.com",
		Parse: func(s string, _ time.Time) (string, error) { return jpinput.NormalizeEmail(s) }},
	{Field: FieldPhone, Label: "電話番号", Prompt: "電話番号を入力してください。\n例：090-1234-5678",
		Parse: func(s string, _ time.Time) (string, error) { return jpinput.NormalizePhone(s) }},
	{Field: FieldKitamiWish, Label: "北見での勤務希望", Prompt: "北見での勤務を希望しますか？",
		Choices: kitamiChoices, Parse: oneOf(kitamiChoices, kitamiSynonyms)},
	{Field: FieldITExperience, Label: "IT経験", Prompt: "プログラミングなど、ITの経験を教えてください。",
		Choices: itChoices, Parse: oneOf(itChoices, itSynonyms)},
	{Field: FieldMotivation, Label: "志望動機・質問", Prompt: "最後に、志望動機や担当者へのご質問があれば入力してください。特になければ「スキップ」を押してください。",
		Optional: true, Parse: freeText("志望動機・質問", 1000, "北見で働きながらITのスキルを身につけたいです。")},
}

var (
	kitamiChoices  = []string{"はい", "いいえ", "相談したい"}
	kitamiSynonyms = map[string]string{"希望する": "はい", "希望します": "はい", "希望": "はい", "うん": "はい", "yes": "はい",
		"希望しない": "いいえ", "希望しません": "いいえ", "no": "いいえ", "相談": "相談したい", "相談したいです": "相談したい", "迷っている": "相談したい", "わからない": "相談したい"}
	itChoices  = []string{"なし", "授業で少し", "個人開発やインターンあり"}
	itSynonyms = map[string]string{"ない": "なし", "ありません": "なし", "未経験": "なし", "経験なし": "なし", "授業": "授業で少し", "少し": "授業で少し", "少しある": "授業で少し",
		"あり": "個人開発やインターンあり", "ある": "個人開発やインターンあり", "個人開発": "個人開発やインターンあり", "インターン": "個人開発やインターンあり", "経験あり": "個人開発やインターンあり"}
)

// specOf returns the spec of f and its position in the form.
func specOf(f Field) (fieldSpec, int) {
	for i, s := range form {
		if s.Field == f {
			return s, i
		}
	}
	return fieldSpec{}, -1
}

// freeText accepts any text of 1 to max characters without control
// characters, trimmed and with runs of spaces collapsed.
func freeText(label string, max int, example string) func(string, time.Time) (string, error) {
	return func(s string, _ time.Time) (string, error) {
		s = strings.Join(strings.Fields(strings.Map(dropControl, s)), " ")
		if s == "" || utf8.RuneCountInString(s) > max {
			return "", &jpinput.InvalidInputError{Message: label + "は" + strconv.Itoa(max) + "文字以内で入力してください。\n例：" + example}
		}
		return s, nil
	}
}

func dropControl(r rune) rune {
	if r == '\n' || r == '\t' {
		return ' '
	}
	if r < 0x20 || r == 0x7f {
		return -1
	}
	return r
}

// oneOf accepts one of choices, or a synonym of one, compared after
// normalisation.
func oneOf(choices []string, synonyms map[string]string) func(string, time.Time) (string, error) {
	keys := map[string]string{}
	for _, c := range choices {
		keys[commandKey(c)] = c
	}
	for syn, c := range synonyms {
		keys[commandKey(syn)] = c
	}
	return func(s string, _ time.Time) (string, error) {
		if c, ok := keys[commandKey(s)]; ok {
			return c, nil
		}
		return "", &jpinput.InvalidInputError{Message: "恐れ入りますが、「" + strings.Join(choices, "」「") + "」のいずれかでお答えください。"}
	}
}
