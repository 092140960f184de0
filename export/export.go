// Package export writes applications for recruiters' spreadsheets and
// tools: CSV that opens correctly in Excel on Windows (UTF-8 with a byte
// order mark, Japanese headers), and JSON with the values as stored. The CLI
// and the admin page share it so both downloads are the same.
package export

import (
	"encoding/csv"
	"encoding/json"
	"github.com/sakemodel/sakebot/jpinput"
	"io"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// csvHeader is the first row of the CSV, in Japanese for recruiters.
var csvHeader = []string{"受付番号", "受付日時", "状況", "氏名", "フリガナ", "学校名", "学部・学科", "卒業（予定）年月",
	"メールアドレス", "電話番号", "北見での勤務希望", "IT経験", "志望動機・質問", "チャネル"}

var jst = time.FixedZone("JST", 9*60*60)

// CSV writes apps as CSV for Excel: a UTF-8 BOM, CRLF line ends, Japanese
// headers, times in JST and phone numbers hyphenated (so Excel keeps the
// leading zero).
func CSV(w io.Writer, apps []bot.Application) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, a := range apps {
		row := []string{a.Ref, a.CreatedAt.In(jst).Format("2006-01-02 15:04"), a.Status.Label(), a.Name, a.Kana,
			a.School, a.Department, a.Graduation, a.Email, jpinput.FormatPhone(a.Phone), a.KitamiWish, a.ITExperience,
			safeCell(a.Motivation), string(a.Key.Channel)}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// safeCell defuses spreadsheet formula injection in free text typed by
// candidates: a cell starting with = + - @ is prefixed with an apostrophe.
func safeCell(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
		return "'" + s
	}
	return s
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
