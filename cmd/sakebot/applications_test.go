package main

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store/storetest"
)

// seedApplication stores a candidate of key and an application of theirs
// in the database at url, as a channel's handler would have.
func seedApplication(t *testing.T, url string, key bot.UserKey, name string) {
	t.Helper()
	ctx := context.Background()
	s := storetest.Open(t, url, storetest.Now)
	a := bot.Application{Key: key, Name: name, Kana: "アバシリ ハナコ", School: "北見工業大学",
		Department: "工学部", Graduation: "2027-03", Email: key.UserID + "@example.jp",
		Phone: "09012345678", KitamiWish: "はい", ITExperience: "なし"}
	err := s.InTx(ctx, key, func(tx bot.Tx) error {
		c := bot.Candidate{Key: key, DisplayName: name}
		if err := tx.SaveCandidate(ctx, &c); err != nil {
			return err
		}
		a.CandidateID = c.ID
		return tx.CreateApplication(ctx, &a)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// exportedNames runs applications export with args as JSON and returns the
// names, sorted.
func exportedNames(t *testing.T, env map[string]string, args ...string) []string {
	t.Helper()
	out, err := cli(t, env, "", append([]string{"applications", "export", "--format", "json"}, args...)...)
	if err != nil {
		t.Fatalf("export %v: %v", args, err)
	}
	var apps []struct {
		Name string `json:"name"`
	}
	if err := json.Unmarshal([]byte(out), &apps); err != nil {
		t.Fatalf("export %v: %v\n%s", args, err, out)
	}
	names := []string{}
	for _, a := range apps {
		names = append(names, a.Name)
	}
	slices.Sort(names)
	return names
}

// TestApplicationsExportByChannel exports the applications of one channel,
// named by its key or its label, in either flag position.
func TestApplicationsExportByChannel(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		env := map[string]string{"DATABASE_URL": url}
		if _, err := cli(t, env, strings.Join(application, "\n")+"\n", "chat", "--user", "taro"); err != nil {
			t.Fatal(err)
		}
		seedApplication(t, url, bot.UserKey{Channel: bot.ChannelWeb, UserID: "w-hanako"}, "網走 花子")
		seedApplication(t, url, bot.UserKey{Channel: bot.ChannelLINE, UserID: "U-jiro"}, "Jiro Abashiri")

		const taro = "北見\u3000太郎" // the chat stores the name with a full-width space
		for _, tc := range []struct {
			args []string
			want []string
		}{
			{nil, []string{"Jiro Abashiri", taro, "網走 花子"}},
			{[]string{"--channel", "web"}, []string{"網走 花子"}},
			{[]string{"--channel", "Webチャット"}, []string{"網走 花子"}},
			{[]string{"--channel=WEB"}, []string{"網走 花子"}},
			{[]string{"--channel", "line"}, []string{"Jiro Abashiri"}},
			{[]string{"--channel", "LINE", "--status", "応募受付"}, []string{"Jiro Abashiri"}},
			{[]string{"--channel", "cli"}, []string{taro}},
			{[]string{"--channel", "ターミナル"}, []string{taro}},
			{[]string{"--channel", "slack"}, []string{}},
			{[]string{"--channel", "web", "--status", "offer"}, []string{}},
		} {
			if got := exportedNames(t, env, tc.args...); !slices.Equal(got, tc.want) {
				t.Errorf("export %v = %q, want %q", tc.args, got, tc.want)
			}
		}

		// The flag may come first, and the CSV honours it too.
		csv, err := cli(t, env, "", "applications", "--channel", "web", "export")
		if err != nil || !strings.Contains(csv, "網走 花子") || strings.Contains(csv, "Jiro Abashiri") {
			t.Errorf("CSV of the web chat: %v\n%s", err, csv)
		}

		_, err = cli(t, env, "", "applications", "export", "--channel", "fax")
		if err == nil || !strings.Contains(err.Error(), `unknown --channel "fax"`) || !strings.Contains(err.Error(), "web (Webチャット)") {
			t.Errorf("an unknown channel: %v", err)
		}
	})
}
