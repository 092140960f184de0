package line

import (
	"reflect"
	"testing"

	"github.com/line/line-bot-sdk-go/v8/linebot/webhook"
)

// sdkOnly sends every event to the SDK's decoder.
func sdkOnly([]byte) (webhook.EventInterface, bool) { return nil, false }

// TestDecodeBodyRejectsWhatTheSDKRejects: the fast path and the SDK leave
// out the same events, whatever the body.
func TestDecodeBodyRejectsWhatTheSDKRejects(t *testing.T) {
	bodies := edgeCases()
	for _, b := range sdkFixtures(t) {
		bodies = append(bodies, string(b))
	}
	for i, b := range bodies {
		evs, n, err := decodeBody([]byte(b), receivedAt, decodeEvent)
		sdkEvs, sdkN, sdkErr := decodeBody([]byte(b), receivedAt, sdkOnly)
		if n != sdkN || (err == nil) != (sdkErr == nil) || !reflect.DeepEqual(evs, sdkEvs) {
			t.Errorf("case %d %q: %d rejected (%v), the SDK %d (%v)", i, b, n, err, sdkN, sdkErr)
		}
	}
}

// TestDecodeBodyKeepsTheGoodEvents: unreadable events are counted and
// left out, the others kept as if sent alone, the key of an old payload
// included (it comes from the event's own bytes).
func TestDecodeBodyKeepsTheGoodEvents(t *testing.T) {
	legacy := with("webhookEventId", "")
	second := with("webhookEventId", `"01FZ74A0TDDPYRVKNK77XKC3ZS"`)
	bad := []string{`{}`, `1`, `null`, `"x"`, `[]`, with("type", ""), with("type", `1`), with("timestamp", `"1"`),
		src(`{"type":"user","userId":1}`), msg(`{"type":"text","text":1}`)}
	alone, _, _ := decodeBody([]byte(body(legacy, second)), receivedAt, decodeEvent)
	if len(alone) != 2 {
		t.Fatalf("%d events from two good ones", len(alone))
	}
	mixed := append([]string{bad[0], legacy}, bad[1:]...)
	mixed = append(mixed, second)
	evs, n, err := decodeBody([]byte(body(mixed...)), receivedAt, decodeEvent)
	if err != nil || n != len(bad) || !reflect.DeepEqual(evs, alone) {
		t.Fatalf("got %d events, %d rejected, %v; want %+v and %d rejected", len(evs), n, err, alone, len(bad))
	}
	// A body that is not the webhook's JSON is still an error.
	for _, b := range []string{``, `{`, `{"events":"x"}`, `{"events":[1,]}`} {
		if _, _, err := decodeBody([]byte(b), receivedAt, decodeEvent); err == nil {
			t.Errorf("%q: no error", b)
		}
	}
}
