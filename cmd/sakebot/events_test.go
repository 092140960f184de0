package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store/storetest"
)

// eventsYAML is a file of events as staff write it, far from today.
const eventsYAML = `- kind: session
  title: 会社説明会(北見工業大学)
  starts: 2031-02-20 14:00
  ends: 2031-02-20 15:30
  deadline: 2031-02-19 17:00
  place: 北見工業大学 講義棟 A101
  capacity: 30
  note: 筆記用具をお持ちください。
- kind: 面談
  title: 一次面談
  starts: 2031-02-21 10:00
  ends: 2031-02-21 11:00
  url: https://meet.example.jp/abc
`

// TestEventsExportImport: events imported from a file come back in the
// export; the export edited and imported changes them (state too), on
// behalf of "cli"; an unknown id or an invalid file imports nothing.
func TestEventsExportImport(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		dir := t.TempDir()
		env := map[string]string{"DATABASE_URL": url}
		path := filepath.Join(dir, "events.yaml")
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		must(os.WriteFile(path, []byte(eventsYAML), 0o600))
		out, err := cli(t, env, "", "events", "import", path)
		if err != nil || !strings.Contains(out, "imported 2 events (2 created, 0 updated)") {
			t.Fatalf("import: %v\n%s", err, out)
		}
		exported := filepath.Join(dir, "export.yaml")
		if out, err := cli(t, env, "", "events", "export", exported); err != nil || !strings.Contains(out, "exported 2 events") {
			t.Fatalf("export: %v\n%s", err, out)
		}
		data, err := os.ReadFile(exported)
		must(err)
		text := string(data)
		for _, want := range []string{"id: 1", "kind: session", "title: 会社説明会(北見工業大学)", "starts: 2031-02-20 14:00",
			"deadline: 2031-02-19 17:00", "capacity: 30", "kind: interview", "deadline: 2031-02-21 10:00", "capacity: 1",
			"state: open"} {
			if !strings.Contains(text, want) {
				t.Errorf("export lacks %q:\n%s", want, text)
			}
		}
		edited := strings.Replace(text, "title: 一次面談", "title: 一次面談(変更)", 1)
		edited = strings.Replace(edited, "capacity: 30\n", "capacity: 40\n", 1)
		edited = strings.Replace(edited, "state: open", "state: closed", 1)
		must(os.WriteFile(exported, []byte(edited), 0o600))
		if out, err := cli(t, env, "", "events", "import", exported); err != nil ||
			!strings.Contains(out, "(0 created, 2 updated)") {
			t.Fatalf("import of the edited export: %v\n%s", err, out)
		}
		stdout, err := cli(t, env, "", "events", "export")
		must(err)
		if stdout != edited {
			t.Errorf("export after the import:\n%s\nwant:\n%s", stdout, edited)
		}

		s := storetest.Open(t, url, storetest.Now)
		events, err := s.ListEvents(context.Background(), bot.EventFilter{})
		must(err)
		if len(events) != 2 || events[0].Capacity != 40 || events[0].State != bot.EventClosed ||
			events[1].Title != "一次面談(変更)" || events[0].CreatedBy != "cli" {
			t.Errorf("stored: %+v", events)
		}
		log, err := s.AuditLog(context.Background(), bot.AuditFilter{Kind: bot.AuditEvent, Actors: []string{"cli"}})
		must(err)
		if len(log) != 5 { // 2 created, 2 updated, 1 closed
			t.Errorf("audit log of the imports: %+v", log)
		}

		ghost := filepath.Join(dir, "ghost.yaml")
		must(os.WriteFile(ghost, []byte(strings.Replace(eventsYAML, "- kind: 面談", "- id: 99\n  kind: 面談", 1)), 0o600))
		if _, err := cli(t, env, "", "events", "import", ghost); err == nil || !strings.Contains(err.Error(), "99") {
			t.Errorf("an unknown id: %v", err)
		}
		bad := filepath.Join(dir, "bad.yaml")
		must(os.WriteFile(bad, []byte("- kind: session\n  title: t\n  starts: 2031-02-20 14:00\n  ends: 2031-02-20 13:00\n"+
			"  place: p\n  capacity: 3\n  colour: red\n"), 0o600))
		if _, err := cli(t, env, "", "events", "import", bad); err == nil || !strings.Contains(err.Error(), "line 7") ||
			!strings.Contains(err.Error(), "終了日時は開始日時より後") {
			t.Errorf("an invalid file: %v", err)
		}
		if after, err := s.ListEvents(context.Background(), bot.EventFilter{}); err != nil || len(after) != 2 {
			t.Errorf("refused imports stored something: %d events, %v", len(after), err)
		}
		if _, err := cli(t, env, "", "events"); err == nil {
			t.Error("events without a verb: want a usage error")
		}
	})
}
