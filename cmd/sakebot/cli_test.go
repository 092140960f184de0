package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// cli runs the program as the binary would, with env as its environment.
func cli(t *testing.T, env map[string]string, stdin string, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	getenv := func(k string) string { return env[k] }
	err := run(context.Background(), append([]string{"sakebot"}, args...), getenv, strings.NewReader(stdin), &out)
	return out.String(), err
}

// application is what a student types for a whole application.
var application = []string{
	"応募したい", "同意する", "北見 太郎", "ほっかい たろう", "北見工業大学", "工学部 地球環境工学科",
	"２０２７年３月", "taro@example.com", "０９０ー１２３４ー５６７８", "はい", "なし", "北見で働きたいです", "この内容で応募する",
}

func TestChatTakesAWholeApplication(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		env := map[string]string{"DATABASE_URL": url}
		out, err := cli(t, env, strings.Join(application, "\n")+"\n", "chat", "--user", "taro")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, "受付番号は SK-") {
			t.Fatalf("no reference number in the chat:\n%s", out)
		}
		csv, err := cli(t, env, "", "applications", "export")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(csv, "\ufeff受付番号,") {
			t.Fatalf("CSV must start with a BOM and the Japanese header: %q", csv[:40])
		}
		for _, want := range []string{"ホッカイ　タロウ", "2027-03", "090-1234-5678", "北見工業大学"} {
			if !strings.Contains(csv, want) {
				t.Fatalf("CSV lacks %q:\n%s", want, csv)
			}
		}
		js, err := cli(t, env, "", "applications", "export", "--format", "json")
		if err != nil {
			t.Fatal(err)
		}
		var apps []map[string]any
		if err := json.Unmarshal([]byte(js), &apps); err != nil || len(apps) != 1 {
			t.Fatalf("JSON export: %v\n%s", err, js)
		}
		if apps[0]["phone"] != "09012345678" || apps[0]["kana"] != "ホッカイ　タロウ" || apps[0]["graduation"] != "2027-03" {
			t.Fatalf("stored values: %v", apps[0])
		}
	})
}

func TestChatContinuesWithTheSameUser(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		env := map[string]string{"DATABASE_URL": url}
		if _, err := cli(t, env, strings.Join(application[:5], "\n")+"\n", "chat", "--user", "hanako"); err != nil {
			t.Fatal(err)
		}
		out, err := cli(t, env, strings.Join(application[5:], "\n")+"\n", "chat", "--user", "hanako")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, "前回の応募の入力の続き") || !strings.Contains(out, "受付番号は SK-") {
			t.Fatalf("second run did not continue:\n%s", out)
		}
		js, _ := cli(t, env, "", "applications", "export", "--format", "json")
		if !strings.Contains(js, `"school": "北見工業大学"`) {
			t.Fatalf("the answers from the first run were lost:\n%s", js)
		}
	})
}

func TestAskJSON(t *testing.T) {
	env := map[string]string{"DATABASE_URL": storetest.SQLiteURL(t)}
	out, err := cli(t, env, "研修は何ヶ月ですか\n制服はありますか\n", "ask", "--json")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("want one line per question:\n%s", out)
	}
	var hit, miss struct {
		Question string   `json:"question"`
		Matched  bool     `json:"matched"`
		FAQID    string   `json:"faq_id"`
		Score    *float64 `json:"score"`
		Answer   string   `json:"answer"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &hit); err != nil {
		t.Fatal(err)
	}
	if !hit.Matched || hit.FAQID != "training-period" || hit.Score == nil || *hit.Score <= 0 || !strings.Contains(hit.Answer, "4ヶ月") || hit.Question != "研修は何ヶ月ですか" {
		t.Fatalf("hit: %+v", hit)
	}
	if err := json.Unmarshal([]byte(lines[1]), &miss); err != nil {
		t.Fatal(err)
	}
	if miss.Matched || miss.FAQID != "" || !strings.Contains(miss.Answer, "担当") {
		t.Fatalf("miss: %+v", miss)
	}
	one, err := cli(t, env, "", "ask", "北見の冬は寒いですか")
	if err != nil || !strings.Contains(one, "kitami-winter") {
		t.Fatalf("ask with an argument: %v\n%s", err, one)
	}
}

func TestFAQExportImport(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"DATABASE_URL": storetest.SQLiteURL(t)}
	path := filepath.Join(dir, "faq.yaml")
	if _, err := cli(t, env, "", "faq", "export", path); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	edited := strings.Replace(string(data), "answer: 入社後、", "answer: 【編集済み】入社後、", 1)
	if edited == string(data) {
		t.Fatal("the export does not contain the training answer")
	}
	os.WriteFile(path, []byte(edited), 0o600)
	if _, err := cli(t, env, "", "faq", "import", path); err != nil {
		t.Fatal(err)
	}
	out, _ := cli(t, env, "", "ask", "研修は何ヶ月ですか")
	if !strings.Contains(out, "【編集済み】") {
		t.Fatalf("imported edit not live:\n%s", out)
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("- id: Bad ID\n  question: q\n  answer: ''\n  category: c\n  colour: red\n"), 0o600)
	_, err := cli(t, env, "", "faq", "import", bad)
	if err == nil || !strings.Contains(err.Error(), "line 1") || !strings.Contains(err.Error(), "line 5") {
		t.Fatalf("want line-level errors, got %v", err)
	}
	// A restart (a new run) keeps the staff's edit: the seed is not re-applied.
	out, _ = cli(t, env, "", "ask", "研修は何ヶ月ですか")
	if !strings.Contains(out, "【編集済み】") {
		t.Fatal("the edit was overwritten by the seed")
	}
}

func TestForget(t *testing.T) {
	env := map[string]string{"DATABASE_URL": storetest.SQLiteURL(t)}
	if _, err := cli(t, env, strings.Join(application, "\n")+"\n", "chat", "--user", "jiro"); err != nil {
		t.Fatal(err)
	}
	out, err := cli(t, env, "", "forget", "--channel", "cli", "jiro")
	if err != nil || !strings.Contains(out, "deleted") {
		t.Fatalf("forget: %v %s", err, out)
	}
	js, _ := cli(t, env, "", "applications", "export", "--format", "json")
	if strings.TrimSpace(js) != "[]" {
		t.Fatalf("applications left after forget: %s", js)
	}
	if _, err := cli(t, env, "", "forget", "--channel", "cli", "jiro"); err == nil || !strings.Contains(err.Error(), "no candidate jiro on channel cli") {
		t.Fatalf("second forget: %v", err)
	}
}

func TestHelpAndUsageErrors(t *testing.T) {
	env := map[string]string{"DATABASE_URL": storetest.SQLiteURL(t)}
	for _, args := range [][]string{{"--help"}, {"chat", "--help"}, {"ask", "--help"}, {"faq", "--help"}, {"migrate", "--help"},
		{"applications", "--help"}, {"forget", "--help"}, {"line", "--help"}, {"serve", "--help"}} {
		out, err := cli(t, env, "", args...)
		if err != nil || !strings.Contains(out, "Usage: sakebot") {
			t.Errorf("%v: %v\n%s", args, err, out)
		}
	}
	for _, args := range [][]string{{"nonsense"}, {"faq"}, {"applications", "export", "--format", "xml"}, {"forget"}, {"chat", "--bogus"}} {
		if _, err := cli(t, env, "", args...); err == nil {
			t.Errorf("%v: want an error", args)
		}
	}
	if _, err := cli(t, map[string]string{"DATABASE_URL": "mysql://nope"}, "", "migrate"); err == nil {
		t.Error("an unknown database URL must fail")
	}
}

// ask --json names the request a message makes and the entries the bot
// would offer as "did you mean".
func TestAskJSONIntentAndChoices(t *testing.T) {
	env := map[string]string{"DATABASE_URL": storetest.SQLiteURL(t)}
	out, err := cli(t, env, "担当者と話したいです\n北見のおすすめのラーメン屋\n研修は何ヶ月ですか\n", "ask", "--json")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("want one line per question:\n%s", out)
	}
	var got [3]struct {
		Intent  string   `json:"intent"`
		Matched bool     `json:"matched"`
		Choices []string `json:"choices"`
	}
	for i, l := range lines {
		if err := json.Unmarshal([]byte(l), &got[i]); err != nil {
			t.Fatal(err)
		}
	}
	if got[0].Intent != "human" {
		t.Errorf("担当者と話したいです: intent %q, want human", got[0].Intent)
	}
	if got[1].Matched || !slices.Contains(got[1].Choices, "sightseeing") || got[1].Intent != "none" {
		t.Errorf("did you mean: %+v, want sightseeing among the choices", got[1])
	}
	if !got[2].Matched || got[2].Intent != "none" || got[2].Choices != nil {
		t.Errorf("answered question: %+v", got[2])
	}
}

// ask --json reads a message written in English as it reads Japanese: a
// request, a question answered, a request made beside a question.
func TestAskJSONEnglish(t *testing.T) {
	env := map[string]string{"DATABASE_URL": storetest.SQLiteURL(t)}
	out, err := cli(t, env, "I'd like to talk to someone from HR\nhow long is the training?\nCan I book an info session?\n", "ask", "--json")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ intent, faq string }{{"human", ""}, {"none", "training-period"}, {"session", "info-sessions"}}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(want) {
		t.Fatalf("want one line per question:\n%s", out)
	}
	for i, l := range lines {
		var got struct {
			Question string `json:"question"`
			Intent   string `json:"intent"`
			FAQ      string `json:"faq_id"`
		}
		if err := json.Unmarshal([]byte(l), &got); err != nil {
			t.Fatal(err)
		}
		if got.Intent != want[i].intent || got.FAQ != want[i].faq {
			t.Errorf("%s: intent %q, entry %q; want %q, %q", got.Question, got.Intent, got.FAQ, want[i].intent, want[i].faq)
		}
	}
}
