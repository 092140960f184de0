package export_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/export"
)

// attacks are the formula injections of issue 20, and the neighbours of
// OWASP's rule (a tab or CR first).
var attacks = []string{
	"=cmd", "-Smith", `=HYPERLINK("http://evil.example/x","click")`, "+1+1", "@SUM(1+1)*cmd|' /C calc'!A0",
	"=cmd|'/Ccalc'!A0@example.com", "+hanako@example.com", "\t=1+1", "\r=1+1", "-", "=",
}

func TestSafeCell(t *testing.T) {
	for _, s := range attacks {
		if got := export.SafeCell(s); got != "'"+s {
			t.Errorf("SafeCell(%q) = %q", s, got)
		}
	}
	for _, s := range []string{"", "北見　太郎", "taro@example.com", "090-1234-5678", "'=already", " =1", "＝1", "1-2", "2027-03"} {
		if got := export.SafeCell(s); got != s {
			t.Errorf("SafeCell(%q) = %q, want it unchanged", s, got)
		}
	}
}

// readCSV checks the BOM and CRLF and reads the rows back with encoding/csv.
func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("\ufeff")) {
		t.Fatalf("no BOM: %q", b[:min(len(b), 10)])
	}
	if !bytes.HasSuffix(b, []byte("\r\n")) {
		t.Fatalf("no CRLF line end")
	}
	rows, err := csv.NewReader(bytes.NewReader(b[len("\ufeff"):])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestCSVNeutralisesFormulasInEveryCell puts each attack in every text
// column of an application and reads the CSV back: every cell holding one
// starts with a quote followed by the attack, byte for byte.
func TestCSVNeutralisesFormulasInEveryCell(t *testing.T) {
	at := time.Date(2026, 4, 1, 0, 30, 0, 0, time.UTC)
	var apps []bot.Application
	for _, s := range attacks {
		apps = append(apps, bot.Application{Ref: s, Status: bot.StatusSubmitted, Key: bot.UserKey{Channel: bot.Channel(s), UserID: "U1"},
			Name: s, Kana: s, School: s, Department: s, Graduation: s, Email: s, Phone: s, KitamiWish: s, ITExperience: s,
			Motivation: s, CreatedAt: at})
	}
	var buf bytes.Buffer
	if err := export.CSV(&buf, apps); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, buf.Bytes())
	if len(rows) != len(attacks)+1 || rows[0][0] != "受付番号" {
		t.Fatalf("%d rows, header %v", len(rows), rows[0])
	}
	for i, s := range attacks {
		row := rows[i+1]
		// With UseCRLF, encoding/csv writes no lone CR: "\r=1+1" comes out
		// as '=1+1 (had SafeCell not run first, it would be a formula).
		want := "'" + strings.ReplaceAll(s, "\r", "")
		for col, cell := range row {
			switch col {
			case 1: // the time, written by sakebot
				if cell != "2026-04-01 09:30" {
					t.Errorf("%q: time %q", s, cell)
				}
			case 2: // the status label
				if strings.HasPrefix(cell, "'") || cell == "" {
					t.Errorf("%q: status %q", s, cell)
				}
			case 9: // the phone, formatted: a short value is kept as is
				if cell != want {
					t.Errorf("%q: phone cell %q", s, cell)
				}
			default:
				if cell != want {
					t.Errorf("%q: column %s is %q, want %q", s, rows[0][col], cell, want)
				}
			}
		}
	}
}

// TestCSVKeepsOrdinaryValues makes sure ordinary values are not touched.
func TestCSVKeepsOrdinaryValues(t *testing.T) {
	a := bot.Application{Ref: "SK-2026-0001", Status: bot.StatusSubmitted, Key: bot.UserKey{Channel: bot.ChannelLINE, UserID: "U1"},
		Name: "北見　花子", Kana: "キタミ　ハナコ", School: "北見工業大学", Department: "工学部 地球環境工学科", Graduation: "2027-03",
		Email: "hanako+sake@example.jp", Phone: "08011112222", KitamiWish: "はい", ITExperience: "なし",
		Motivation: "北見で働きたいです。\n\"よろしく\"お願いします。", CreatedAt: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)}
	var buf bytes.Buffer
	if err := export.CSV(&buf, []bot.Application{a}); err != nil {
		t.Fatal(err)
	}
	row := readCSV(t, buf.Bytes())[1]
	want := []string{"SK-2026-0001", "2026-04-01 09:00", bot.StatusSubmitted.Label(), "北見　花子", "キタミ　ハナコ", "北見工業大学",
		"工学部 地球環境工学科", "2027-03", "hanako+sake@example.jp", "080-1111-2222", "はい", "なし",
		"北見で働きたいです。\n\"よろしく\"お願いします。", "line"}
	if strings.Join(row, "|") != strings.Join(want, "|") {
		t.Errorf("row\n%q\nwant\n%q", row, want)
	}
}

// TestWriter checks the shared writer on its own: the BOM once, CRLF,
// every cell made safe, the header too.
func TestWriter(t *testing.T) {
	var buf bytes.Buffer
	w := export.NewWriter(&buf)
	for _, row := range [][]string{{"=a", "b"}, {"c", "@d"}} {
		if err := w.Write(row); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "\ufeff'=a,b\r\nc,'@d\r\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
