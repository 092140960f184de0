// Package export writes applications for recruiters' spreadsheets and
// tools: CSV that opens correctly in Excel on Windows (UTF-8 with a byte
// order mark, Japanese headers), and JSON with the values as stored. The CLI
// and the admin page share it so both downloads are the same. Every CSV the
// project writes goes through Writer, which neutralises spreadsheet
// formulas in every cell (SafeCell).
package export

import (
	"encoding/json"
	"io"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/jpinput"
)

// csvHeader is the first row of the CSV, in Japanese for recruiters.
var csvHeader = []string{"受付番号", "受付日時", "状況", "氏名", "フリガナ", "学校名", "学部・学科", "卒業（予定）年月",
	"メールアドレス", "電話番号", "北見での勤務希望", "IT経験", "志望動機・質問", "チャネル"}

var jst = time.FixedZone("JST", 9*60*60)

// CSV writes apps as CSV for Excel through Writer (a UTF-8 BOM, CRLF line
// ends, every cell safe from formula injection): Japanese headers, times
// in JST and phone numbers hyphenated (so Excel keeps the leading zero).
func CSV(w io.Writer, apps []bot.Application) error {
	cw := NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, a := range apps {
		row := []string{a.Ref, a.CreatedAt.In(jst).Format("2006-01-02 15:04"), a.Status.Label(), a.Name, a.Kana,
			a.School, a.Department, a.Graduation, a.Email, jpinput.FormatPhone(a.Phone), a.KitamiWish, a.ITExperience,
			a.Motivation, string(a.Key.Channel)}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	return cw.Flush()
}

// jsonApplication is the JSON shape of an application: values as stored.
type jsonApplication struct {
	Ref          string    `json:"ref"`
	Status       string    `json:"status"`
	Channel      string    `json:"channel"`
	UserID       string    `json:"user_id"`
	Name         string    `json:"name"`
	Kana         string    `json:"kana"`
	School       string    `json:"school"`
	Department   string    `json:"department"`
	Graduation   string    `json:"graduation"`
	Email        string    `json:"email"`
	Phone        string    `json:"phone"`
	KitamiWish   string    `json:"kitami_wish"`
	ITExperience string    `json:"it_experience"`
	Motivation   string    `json:"motivation"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

// JSON writes apps as an indented JSON array with the values as stored.
func JSON(w io.Writer, apps []bot.Application) error {
	out := make([]jsonApplication, 0, len(apps))
	for _, a := range apps {
		out = append(out, jsonApplication{a.Ref, string(a.Status), string(a.Key.Channel), a.Key.UserID, a.Name, a.Kana,
			a.School, a.Department, a.Graduation, a.Email, a.Phone, a.KitamiWish, a.ITExperience, a.Motivation,
			a.CreatedAt.UTC(), a.UpdatedAt.UTC()})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
