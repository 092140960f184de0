package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/line/linetest"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
)

// broadcastText is what the crash test's broadcast says.
const broadcastText = "12月20日に北見工業大学で会社説明会を開きます。"

// TestBroadcastAcrossKill9TwoReplicas runs two `sakebot serve` replicas
// on one PostgreSQL database. 1,000 students follow the account through
// signed webhooks (in bodies of 100 events, half to each replica); 30 of
// them then ask 「配信を停止してください」 and 20 block the account. A
// broadcast to every LINE student is scheduled as the admin page does.
// When the fake LINE API (which answers each push 50-150 ms after
// accepting it) has taken the first 100 broadcast pushes, one replica is
// killed with SIGKILL, and started again. Every reachable student must get
// the broadcast exactly once, the 50 others nothing: the recipients are
// recorded with their outbox rows in one transaction under the broadcast's
// lock, and a push retried after the kill carries the same retry key,
// which the fake (like LINE) accepts once.
func TestBroadcastAcrossKill9TwoReplicas(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	const students, stopped, blocked = 1000, 30, 20
	bin := buildSakebot(t, t.TempDir())
	dbURL := storetest.PostgresURL(t)
	db := faultDB(t, dbURL)
	api := newFaultAPI(t)
	front := newConflictCounter(t, api)
	env := []string{"LINE_API_BASE_URL=" + front.URL, "LINE_DATA_API_BASE_URL=" + front.URL}
	a := startServeEnv(t, bin, dbURL, "", api, env)
	b := startServeEnv(t, bin, dbURL, "", api, env)

	users := make([]string, students)
	for i := range users {
		users[i] = fmt.Sprintf("Ubroadcast%04d", i)
	}
	postLINE(t, []string{a.addr, b.addr}, users, func(u string, i int) map[string]any { return followEvent(u, i) })
	eventually(t, 120*time.Second, "1,000 followers recorded", func() bool {
		return queryInt(t, db, `SELECT count(*) FROM candidates WHERE channel = 'line'`) == students && settled(t, db)
	})
	postLINE(t, []string{a.addr, b.addr}, users[:stopped], func(u string, i int) map[string]any {
		return textEvent(u, i, "お知らせの配信を停止してください")
	})
	postLINE(t, []string{a.addr, b.addr}, users[stopped:stopped+blocked], func(u string, i int) map[string]any {
		return unfollowEvent(u, i)
	})
	eventually(t, 60*time.Second, "配信停止 and blocks recorded", func() bool {
		return queryInt(t, db, `SELECT count(*) FROM candidates WHERE broadcast_off_at IS NOT NULL`) == stopped &&
			queryInt(t, db, `SELECT count(*) FROM candidates WHERE blocked`) == blocked && settled(t, db)
	})
	before := len(api.deliveries())

	api.mu.Lock()
	api.slow = [2]time.Duration{50 * time.Millisecond, 150 * time.Millisecond}
	api.mu.Unlock()
	scheduleBroadcast(t, dbURL)
	eventually(t, 60*time.Second, "the first 100 broadcast pushes", func() bool { return broadcastPushes(api) >= 100 })
	a.kill9()
	t.Logf("killed one replica after %d broadcast pushes", broadcastPushes(api))
	a = startServeEnv(t, bin, dbURL, a.addr, api, env)

	reachable := students - stopped - blocked
	eventually(t, 180*time.Second, "the broadcast queued and delivered", func() bool {
		return queryInt(t, db, `SELECT count(*) FROM broadcasts WHERE state = 'sent'`) == 1 && settled(t, db)
	})
	got := map[string]int{}
	for _, d := range api.deliveries()[before:] {
		if d.Push && strings.Contains(d.Texts, broadcastText) {
			got[d.To]++
		}
	}
	for i, u := range users {
		want := 1
		if i < stopped+blocked {
			want = 0
		}
		if got[u] != want {
			t.Errorf("%s got the broadcast %d times, want %d", u, got[u], want)
		}
	}
	if n := queryInt(t, db, `SELECT count(*) FROM broadcast_recipients`); n != reachable {
		t.Errorf("%d recipients recorded, want %d", n, reachable)
	}
	t.Logf("%d students reached once; %d pushes retried after the kill, each refused as already accepted",
		len(got), front.conflicts.Load())
}

// scheduleBroadcast saves a segment of every LINE student and a broadcast
// to it, and sends it now, through bot.Outreach as the admin page does.
func scheduleBroadcast(t *testing.T, dbURL string) {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, dbURL, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	o := bot.NewOutreach(bot.OutreachConfig{Store: s})
	seg := bot.Segment{Name: "LINEの学生", Filter: bot.SegmentFilter{Channels: []bot.Channel{bot.ChannelLINE}}}
	if err := o.SaveSegment(ctx, &seg, "staff:1"); err != nil {
		t.Fatal(err)
	}
	br := bot.Broadcast{Title: "12月説明会", SegmentID: seg.ID,
		Message: bot.Announcement{Text: broadcastText, Buttons: []bot.ButtonKind{bot.ButtonBooking}}}
	if err := o.SaveBroadcast(ctx, &br, "staff:1"); err != nil {
		t.Fatal(err)
	}
	if err := o.SendBroadcast(ctx, bot.SendRequest{ID: br.ID, Version: br.Version, Actor: "staff:1"}, nil); err != nil {
		t.Fatal(err)
	}
}

// broadcastPushes counts the broadcast pushes the fake accepted.
func broadcastPushes(api *faultAPI) int {
	n := 0
	for _, d := range api.deliveries() {
		if d.Push && strings.Contains(d.Texts, broadcastText) {
			n++
		}
	}
	return n
}

// postLINE posts one event for each user, made by event, as signed
// webhooks of 100 events each, alternating between the replicas at addrs,
// and fails the test when one is not acknowledged.
func postLINE(t *testing.T, addrs, users []string, event func(user string, i int) map[string]any) {
	t.Helper()
	var wg sync.WaitGroup
	for start := 0; start < len(users); start += 100 {
		var events []any
		for i, u := range users[start:min(start+100, len(users))] {
			events = append(events, event(u, start+i))
		}
		body, _ := json.Marshal(map[string]any{"destination": "Uffffffffffffffffffffffffffffffff", "events": events})
		addr := addrs[(start/100)%len(addrs)]
		wg.Go(func() {
			req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/line/webhook", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("X-Line-Signature", linetest.Sign(faultSecret, body))
			res, err := faultHTTP.Do(req)
			if err != nil {
				t.Errorf("webhook: %v", err)
				return
			}
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				t.Errorf("webhook answered %d", res.StatusCode)
			}
		})
	}
	wg.Wait()
}

// lineEvent is the common part of a webhook event from user.
func lineEvent(kind, user, id string) map[string]any {
	return map[string]any{"type": kind, "mode": "active", "timestamp": time.Now().UnixMilli(), "webhookEventId": id,
		"source": map[string]any{"type": "user", "userId": user}, "deliveryContext": map[string]any{"isRedelivery": false}}
}

// followEvent is user adding the account as a friend.
func followEvent(user string, i int) map[string]any {
	e := lineEvent("follow", user, fmt.Sprintf("01FOLLOW%06d", i))
	e["replyToken"], e["follow"] = fmt.Sprintf("follow-token-%d", i), map[string]any{"isUnblocked": false}
	return e
}

// unfollowEvent is user blocking the account.
func unfollowEvent(user string, i int) map[string]any {
	return lineEvent("unfollow", user, fmt.Sprintf("01UNFOLLOW%06d", i))
}

// textEvent is user sending text.
func textEvent(user string, i int, text string) map[string]any {
	id := fmt.Sprintf("01TEXT%06d", i)
	e := lineEvent("message", user, id)
	e["replyToken"], e["message"] = fmt.Sprintf("text-token-%d", i), map[string]any{"type": "text", "id": id, "text": text}
	return e
}
