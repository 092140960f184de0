package line

import (
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/line/line-bot-sdk-go/v8/linebot/webhook"
	"github.com/sakemodel/sakebot/worker"
)

// parseSDK is parse as it was before the fast path: every event through
// the SDK's decoder. It is the reference parse must agree with.
func parseSDK(body []byte, received time.Time) ([]worker.Event, error) {
	return parseWith(body, received, func([]byte) (webhook.EventInterface, bool) { return nil, false })
}

// receivedAt is the arrival time both parsers are given.
var receivedAt = time.Date(2025, 4, 1, 9, 0, 0, 0, time.UTC)

// sameAsSDK compares parse with parseSDK on body: the same events, the
// same error.
func sameAsSDK(body []byte) error {
	want, wantErr := parseSDK(body, receivedAt)
	got, gotErr := parse(body, receivedAt)
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
		return fmt.Errorf("error %v, the SDK's %v", gotErr, wantErr)
	}
	if !reflect.DeepEqual(got, want) {
		return fmt.Errorf("events\n%+v\nthe SDK's\n%+v", got, want)
	}
	return nil
}

// sdkFixtures are the SDKs' sample webhook bodies in testdata/sdk.
func sdkFixtures(t testing.TB) map[string][]byte {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "sdk", "*.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures in testdata/sdk: %v", err)
	}
	out := make(map[string][]byte, len(paths))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(p)] = b
	}
	return out
}

// textEvent is a text message event as LINE sends it today.
const textEvent = `{"type":"message","mode":"active","timestamp":1462629479859,` +
	`"source":{"type":"user","userId":"U206d25c2ea6bd87c17655609a1c37cb8"},` +
	`"webhookEventId":"01FZ74A0TDDPYRVKNK77XKC3ZR","deliveryContext":{"isRedelivery":false},` +
	`"replyToken":"nHuyWiB7yP5Zw52FIkcQobQuGDXCTA",` +
	`"message":{"id":"444573844083572737","type":"text","quoteToken":"q3Plxr4AgKd","text":"研修は何ヶ月ですか"}}`

// body wraps events in a webhook body.
func body(events ...string) string {
	return `{"destination":"U0","events":[` + strings.Join(events, ",") + `]}`
}

// with is textEvent with its key's value replaced (or added), or removed
// when value is "".
func with(key, value string) string {
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(textEvent), &m); err != nil {
		panic(err)
	}
	if value == "" {
		delete(m, key)
	} else {
		m[key] = json.RawMessage(value)
	}
	b, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// src and msg are events with the given source or message.
func src(s string) string { return with("source", s) }
func msg(s string) string { return with("message", s) }

// edgeCases are bodies where a careless fast path would part from the SDK.
func edgeCases() []string {
	user := `"source":{"type":"user","userId":"U1"}`
	group := `"source":{"type":"group","groupId":"G1","userId":"U1"}`
	room := `"source":{"type":"room","roomId":"R1","userId":"U1"}`
	text := `"message":{"type":"text","id":"1","text":"hi"}`
	cases := []string{
		// Whole bodies.
		``, `null`, `{}`, `[]`, `1`, `"x"`, `{"events":null}`, `{"events":{}}`, `{"events":[]}`, `{"events":"x"}`,
		`{"events":[null]}`, `{"events":[1]}`, `{"events":["x"]}`, `{"events":[[]]}`, `{"events":[{}]}`,
		`{"Events":[` + textEvent + `]}`, `{"events":[` + textEvent + `],"events":[]}`,
		body(textEvent), body(textEvent, textEvent), body(textEvent, `{"type":1}`), body(`{"type":1}`, textEvent),
		" \n\t" + body(textEvent) + " \n", body(" \n" + textEvent + " "),
		strings.ReplaceAll(body(textEvent), `,"`, ",\n  \""),
		// The event's type.
		body(with("type", "")), body(with("type", `null`)), body(with("type", `1`)), body(with("type", `""`)),
		body(with("type", `"Message"`)), body(with("type", `"join"`)), body(with("type", `"hologram"`)),
		body(with("type", `"postback"`)), body(with("type", `"follow"`)), body(with("type", `"unfollow"`)),
		body(with("type", `["message"]`)), body(with("type", `{"a":1}`)),
		// Mode.
		body(with("mode", `"standby"`)), body(with("mode", `null`)), body(with("mode", `1`)), body(with("mode", `"ACTIVE"`)),
		body(with("mode", `""`)), body(with("mode", "")),
		// Timestamp.
		body(with("timestamp", "")), body(with("timestamp", `null`)), body(with("timestamp", `0`)),
		body(with("timestamp", `-1`)), body(with("timestamp", `1.5`)), body(with("timestamp", `1e3`)),
		body(with("timestamp", `1.0`)), body(with("timestamp", `"1"`)), body(with("timestamp", `-0`)),
		body(with("timestamp", `9223372036854775807`)), body(with("timestamp", `9223372036854775808`)),
		body(with("timestamp", `-9223372036854775808`)), body(with("timestamp", `1e400`)),
		body(with("timestamp", `99999999999999999999999999999999999999`)),
		// Event id and reply token.
		body(with("webhookEventId", "")), body(with("webhookEventId", `""`)), body(with("webhookEventId", `null`)),
		body(with("webhookEventId", `1`)), body(with("replyToken", "")), body(with("replyToken", `null`)),
		body(with("replyToken", `1`)), body(with("replyToken", `""`)),
		// Delivery context.
		body(with("deliveryContext", `null`)), body(with("deliveryContext", `{}`)), body(with("deliveryContext", `1`)),
		body(with("deliveryContext", `{"isRedelivery":"no"}`)), body(with("deliveryContext", `{"isRedelivery":true}`)),
		body(with("deliveryContext", `{"IsRedelivery":1}`)), body(with("deliveryContext", `[]`)),
		// Sources.
		body(src("")), body(src(`null`)), body(src(`[]`)), body(src(`"U1"`)), body(src(`{}`)), body(src(`{"type":null}`)),
		body(src(`{"type":1}`)), body(src(`{"type":"bot","userId":5}`)), body(src(`{"type":"bot","userId":"U1"}`)),
		body(src(`{"type":"user"}`)), body(src(`{"type":"user","userId":null}`)), body(src(`{"type":"user","userId":5}`)),
		body(src(`{"type":"user","userId":""}`)), body(src(`{"type":"user","userId":"U1","groupId":5}`)),
		body(src(`{"type":"user","userId":"U1","groupId":"G1"}`)), body(src(`{"type":"group","groupId":"G1"}`)),
		body(src(`{"type":"group","userId":"U1"}`)), body(src(`{"type":"group","groupId":"G1","roomId":5}`)),
		body(src(`{"type":"room","roomId":"R1"}`)), body(src(`{"type":"room","groupId":"G1"}`)),
		body(src(`{"type":"room","roomId":5}`)), body(src(`{"type":"User","userId":"U1"}`)),
		// Messages.
		body(msg("")), body(msg(`null`)), body(msg(`[]`)), body(msg(`"hi"`)), body(msg(`{}`)), body(msg(`{"type":null}`)),
		body(msg(`{"type":1}`)), body(msg(`{"type":"text"}`)), body(msg(`{"type":"text","text":null}`)),
		body(msg(`{"type":"text","text":1}`)), body(msg(`{"type":"text","text":""}`)), body(msg(`{"type":"text","id":1,"text":"a"}`)),
		body(msg(`{"type":"text","text":"a","quoteToken":1}`)), body(msg(`{"type":"text","text":"a","quotedMessageId":[]}`)),
		body(msg(`{"type":"text","text":"a","emojis":[{"index":0,"length":6,"productId":"p","emojiId":"e"}]}`)),
		body(msg(`{"type":"text","text":"a","emojis":{}}`)), body(msg(`{"type":"text","text":"a","emojis":[{"index":2147483648}]}`)),
		body(msg(`{"type":"text","text":"a","emojis":[{"index":1.5}]}`)), body(msg(`{"type":"text","text":"a","emojis":null}`)),
		body(msg(`{"type":"text","text":"@a","mention":{"mentionees":[{"type":"user","index":0,"length":2,"userId":"U2"}]}}`)),
		body(msg(`{"type":"text","text":"@a","mention":{"mentionees":[{"index":0}]}}`)),
		body(msg(`{"type":"text","text":"@a","mention":{"mentionees":[{"type":"all","index":"0"}]}}`)),
		body(msg(`{"type":"text","text":"@a","mention":{"mentionees":[{"type":"robot","index":"0"}]}}`)),
		body(msg(`{"type":"text","text":"@a","mention":null}`)), body(msg(`{"type":"text","text":"@a","mention":1}`)),
		body(msg(`{"type":"text","text":"@a","mention":{"mentionees":null}}`)), body(msg(`{"type":"text","text":"@a","mention":{}}`)),
		body(msg(`{"type":"image","id":"1"}`)), body(msg(`{"type":"image","id":1}`)), body(msg(`{"type":"hologram","id":1}`)),
		body(msg(`{"type":"sticker","id":"1","packageId":"1","stickerId":"2","keywords":["a"]}`)),
		body(msg(`{"type":"sticker","id":"1","keywords":"a"}`)), body(msg(`{"type":"Text","text":"a"}`)),
		// Postbacks, follows and unfollows.
		body(`{"type":"postback",` + user + `,"postback":{"data":"a=1"}}`),
		body(`{"type":"postback",` + user + `,"postback":null}`), body(`{"type":"postback",` + user + `,"postback":{}}`),
		body(`{"type":"postback",` + user + `}`), body(`{"type":"postback",` + user + `,"postback":{"data":1}}`),
		body(`{"type":"postback",` + user + `,"postback":"a=1"}`),
		body(`{"type":"postback",` + user + `,"postback":{"data":"d","params":{"date":"2025-04-01"}}}`),
		body(`{"type":"postback",` + user + `,"postback":{"data":"d","params":{"date":1}}}`),
		body(`{"type":"postback",` + user + `,"postback":{"DATA":"d"}}`), body(`{"type":"postback",` + group + `,"postback":{"data":"d"}}`),
		body(`{"type":"postback",` + room + `,"postback":{"data":"d"},"replyToken":"r","mode":"standby"}`),
		body(`{"type":"postback",` + user + `,"postback":{"data":"d"},"message":{"type":"text","text":1}}`),
		body(`{"type":"follow",` + user + `,"follow":{"isUnblocked":true},"replyToken":"r"}`),
		body(`{"type":"follow",` + user + `,"follow":{"isUnblocked":false}}`), body(`{"type":"follow",` + user + `,"follow":null}`),
		body(`{"type":"follow",` + user + `,"follow":{"isUnblocked":"true"}}`), body(`{"type":"follow",` + user + `,"follow":1}`),
		body(`{"type":"follow",` + user + `,"follow":{"isUnblocked":null}}`), body(`{"type":"follow",` + group + `}`),
		body(`{"type":"follow",` + user + `,"replyToken":1}`), body(`{"type":"follow",` + room + `,"follow":{"ISUNBLOCKED":true}}`),
		body(`{"type":"unfollow",` + user + `}`), body(`{"type":"unfollow",` + user + `,"replyToken":1}`),
		body(`{"type":"unfollow",` + user + `,"replyToken":"r"}`), body(`{"type":"unfollow",` + group + `}`),
		body(`{"type":"unfollow",` + user + `,"timestamp":"x"}`), body(`{"type":"unfollow",` + user + `,"follow":1}`),
		body(`{"type":"join",` + group + `,"replyToken":"r"}`), body(`{"type":"leave",` + group + `}`),
		body(`{"type":"message",` + group + `,` + text + `}`), body(`{"type":"message",` + room + `,` + text + `}`),
		body(`{"type":"message",` + group + `,"message":{"type":"sticker","id":"1"}}`),
		body(`{"type":"message",` + user + `,` + text + `,"mode":"standby"}`),
		// Keys that match only case-insensitively.
		body(`{"Type":"message",` + user + `,` + text + `}`), body(`{"TYPE":"message",` + user + `,` + text + `}`),
		body(`{"type":"message","Source":{"type":"user","userId":"U1"},` + text + `}`),
		body(`{"type":"message","SOURCE":{"type":"user","userId":"U1"},` + text + `}`),
		body(`{"type":"message",` + user + `,"Message":{"type":"text","text":"hi"}}`),
		body(`{"type":"message",` + user + `,` + text + `,"ReplyToken":"r"}`),
		body(`{"type":"message",` + user + `,` + text + `,"replyToken":"r","REPLYTOKEN":"s"}`),
		body(`{"type":"message",` + user + `,` + text + `,"webhookeventid":"E"}`),
		body(`{"type":"message",` + user + `,` + text + `,"Mode":"standby"}`),
		body(`{"type":"message",` + user + `,` + text + `,"TimeStamp":5}`),
		body(`{"type":"message",` + user + `,` + text + `,"DeliveryContext":1}`),
		body(`{"type":"postback",` + user + `,"Postback":{"data":"d"}}`),
		body(`{"type":"follow",` + user + `,"Follow":{"isUnblocked":true}}`),
		body(`{"type":"message",` + user + `,` + text + ",\"webhoo\u212aEventId\":\"E\"}"),                // KELVIN SIGN folds to k
		body("{\"type\":\"message\",\"\u017fource\":{\"type\":\"user\",\"userId\":\"U1\"}," + text + "}"), // LONG S folds to s
		body(src(`{"Type":"user","userId":"U1"}`)), body(src(`{"type":"user","TYPE":5,"userId":"U1"}`)),
		body(src(`{"type":"user","TYPE":"group","userId":"U1"}`)), body(src(`{"type":"bot","Type":"user","userId":"U1"}`)),
		body(src(`{"type":"user","USERID":"U2"}`)), body(src(`{"type":"user","userId":"U1","userid":"U2"}`)),
		body(msg(`{"Type":"text","text":"a"}`)), body(msg(`{"type":"text","TYPE":"image","text":"a"}`)),
		body(msg(`{"type":"text","TYPE":5,"text":"a"}`)), body(msg(`{"type":"text","Type":null,"text":"a"}`)),
		body(msg(`{"type":"hologram","Type":"text","text":"a"}`)), body(msg(`{"type":"text","TEXT":"b"}`)),
		body(msg(`{"type":"text","text":"a","Text":"b"}`)),
		// Repeated keys.
		body(`{"type":"message",` + user + `,` + text + `,"source":{"type":"user"}}`),
		body(`{"type":"message",` + user + `,` + text + `,"source":{"type":"user","userId":"U2"}}`),
		body(`{"type":"message",` + user + `,` + text + `,"source":null}`),
		body(`{"type":"message",` + user + `,` + text + `,"message":{"type":"text"}}`),
		body(`{"type":"message",` + user + `,` + text + `,"message":null}`),
		body(`{"type":"postback",` + user + `,"postback":{"data":"d"},"postback":{}}`),
		body(`{"type":"postback",` + user + `,"postback":{"data":"d"},"postback":null}`),
		body(`{"type":"follow",` + user + `,"follow":{"isUnblocked":true},"follow":{}}`),
		body(`{"type":"message","type":null,` + user + `,` + text + `}`),
		body(`{"type":null,"type":"message",` + user + `,` + text + `}`),
		body(`{"type":1,"type":"message",` + user + `,` + text + `}`),
		body(`{"type":"message","type":1,` + user + `,` + text + `}`),
		body(`{"type":"join","type":"message",` + user + `,` + text + `}`),
		body(`{"type":"message",` + user + `,` + text + `,"replyToken":"r","replyToken":null}`),
		body(`{"type":"message",` + user + `,` + text + `,"replyToken":1,"replyToken":"r"}`),
		body(`{"type":"message",` + user + `,` + text + `,"webhookEventId":"E","webhookEventId":null}`),
		body(`{"type":"message",` + user + `,` + text + `,"timestamp":5,"timestamp":null}`),
		body(`{"type":"message",` + user + `,` + text + `,"mode":"standby","mode":null}`),
		body(`{"type":"message",` + user + `,` + text + `,"deliveryContext":1,"deliveryContext":null}`),
		body(src(`{"type":"user","type":"group","userId":"U1","groupId":"G1"}`)),
		body(src(`{"type":"user","type":null,"userId":"U1"}`)), body(src(`{"type":1,"type":"user","userId":"U1"}`)),
		body(src(`{"type":"user","userId":"U1","userId":null}`)), body(src(`{"type":"user","userId":"U1","userId":""}`)),
		body(msg(`{"type":"text","type":"image","text":"a"}`)), body(msg(`{"type":"image","type":"text","text":"a"}`)),
		body(msg(`{"type":"text","type":null,"text":"a"}`)), body(msg(`{"type":"text","text":"a","text":null}`)),
		body(msg(`{"type":"text","text":"a","mention":{"mentionees":[{}]},"mention":null}`)),
		// Keys spelled with escapes, and texts that quote keys.
		body(`{"\u0074ype":"message",` + user + `,` + text + `}`),
		body(`{"type":"message",` + user + `,` + text + `,"\u0073ource":{"type":"user"}}`),
		body(`{"type":"message",` + user + `,` + text + `,"\u0073ourc\u0065":{"type":"user","userId":"U2"}}`),
		body(`{"type":"message",` + user + `,"message":{"type":"text","text":"\u0041\u3042\u003c\n\"source\" \\u0073"}}`),
		body(msg(`{"type":"text","text":"\"message\" and \"source\""}`)), body(msg(`{"type":"text","text":"source\"message"}`)),
		body(msg(`{"type":"text","text":"a","extra":{"source":{"type":"group"}}}`)),
		// Bytes that are not UTF-8, and control characters.
		body(msg("{\"type\":\"text\",\"text\":\"a\xffb\xc3\"}")), body(src("{\"type\":\"user\",\"userId\":\"U\xfe1\"}")),
		body(`{"type":"message",` + user + `,` + text + ",\"reply\xffToken\":\"r\"}"),
		body("{\"type\":\"mess\xffage\"," + user + `,` + text + `}`), body(msg(`{"type":"text","text":"a\u0000b\ud800"}`)),
		// Unused fields holding anything.
		body(`{"type":"message",` + user + `,` + text + `,"extra":[1e999,{"a":null}],"n":-1e-999}`),
	}
	return cases
}

// TestParseMatchesSDKOnFixtures runs parse and the SDK over the SDKs' own
// sample webhooks.
func TestParseMatchesSDKOnFixtures(t *testing.T) {
	accepted := 0
	for name, b := range sdkFixtures(t) {
		if err := sameAsSDK(b); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		evs, _ := parse(b, receivedAt)
		accepted += len(evs)
	}
	if accepted < 10 {
		t.Errorf("only %d events accepted from the fixtures", accepted)
	}
}

// TestParseMatchesSDKOnEdgeCases runs parse and the SDK over the edge
// cases, and LINE's events with each key of an object repeated.
func TestParseMatchesSDKOnEdgeCases(t *testing.T) {
	for i, c := range edgeCases() {
		if err := sameAsSDK([]byte(c)); err != nil {
			t.Errorf("case %d %q: %v", i, c, err)
		}
	}
}

// TestDecodeEventTakesTheFastPath makes sure the equivalence is not won by
// sending everything to the SDK: LINE's usual events are read in one pass,
// and the cases one pass cannot settle go to the SDK.
func TestDecodeEventTakesTheFastPath(t *testing.T) {
	user := `"source":{"type":"user","userId":"U1"}`
	fast := []string{
		textEvent, with("webhookEventId", ""), with("mode", `"standby"`), src(`{"type":"group","groupId":"G1","userId":"U1"}`),
		src(`{"type":"room","roomId":"R1"}`), msg(`{"type":"text","text":"a","emojis":[{"index":0,"length":1}]}`),
		`{"type":"postback",` + user + `,"postback":{"data":"a=1"},"replyToken":"r"}`,
		`{"type":"follow",` + user + `,"follow":{"isUnblocked":true}}`, `{"type":"unfollow",` + user + `}`,
	}
	for _, e := range fast {
		if _, ok := decodeEvent([]byte(e)); !ok {
			t.Errorf("left to the SDK: %s", e)
		}
	}
	slow := []string{
		`null`, `{"type":"join"}`, with("type", `null`), src(`null`), src(""), src(`{"type":"bot"}`), msg(`{"type":"image"}`),
		msg(""), with("Type", `"message"`), src(`{"Type":"user","type":"user"}`), msg(`{"Type":"text","type":"text"}`),
		with("timestamp", `"1"`), textEvent[:len(textEvent)-1] + `,"source":{"type":"user"}}`,
		textEvent[:len(textEvent)-1] + `,"\u0073ource":{"type":"user"}}`,
	}
	for _, e := range slow {
		if _, ok := decodeEvent([]byte(e)); ok {
			t.Errorf("decoded without the SDK: %s", e)
		}
	}
}

// TestDecodeCatchesEveryFoldedKey checks that each key fastEvent reads has
// its case field, so that a key differing only in case goes to the SDK.
func TestDecodeCatchesEveryFoldedKey(t *testing.T) {
	ty := reflect.TypeFor[fastEvent]()
	for i := range ty.NumField() {
		name := ty.Field(i).Tag.Get("json")
		if name == strings.ToUpper(name) {
			continue
		}
		for _, key := range []string{strings.ToUpper(name), strings.ToUpper(name[:1]) + name[1:], strings.ToLower(name)} {
			if key == name {
				continue
			}
			var e fastEvent
			_ = json.Unmarshal([]byte(`{"`+key+`":null}`), &e)
			if !e.caseFolded() {
				t.Errorf("key %q is read as %q", key, name)
			}
		}
	}
}

// FuzzParseMatchesSDK checks that parse gives exactly the SDK's events
// and errors on any body.
func FuzzParseMatchesSDK(f *testing.F) {
	for _, b := range sdkFixtures(f) {
		f.Add(b)
	}
	for _, c := range edgeCases() {
		f.Add([]byte(c))
	}
	f.Add([]byte(textEvent))
	f.Fuzz(func(t *testing.T, b []byte) {
		// b as a body, and as the one event of a body, so that mutations
		// of a single event are not spent on the wrapping.
		for _, body := range [][]byte{b, []byte(`{"events":[` + string(b) + `]}`)} {
			if err := sameAsSDK(body); err != nil {
				t.Fatalf("%q: %v", body, err)
			}
		}
	})
}

// TestParseMatchesSDKOnGeneratedEvents compares parse with the SDK on
// events built at random: mostly valid, with a few keys added that are
// spelled in another case or with escapes, repeated, null or of the wrong
// type, at each level: mixes that mutating bytes rarely reaches.
func TestParseMatchesSDKOnGeneratedEvents(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for range n {
		ev := genObject(r, eventKeys)
		if err := sameAsSDK([]byte(body(ev))); err != nil {
			t.Fatalf("%s: %v", ev, err)
		}
	}
}

// genValues are the valid values of each key of a generated object;
// source and message hold generated objects.
type genValues map[string][]string

// scalars are values of the wrong type, or none, for any key.
var scalars = []string{`null`, `1`, `""`, `true`, `[]`, `{}`, `"x"`, `1.5`}

// eventKeys, sourceKeys and messageKeys are the keys of the generated
// events, sources and messages.
var (
	eventKeys = genValues{
		"type": {`"message"`, `"message"`, `"postback"`, `"follow"`, `"unfollow"`, `"join"`},
		"mode": {`"active"`, `"active"`, `"standby"`}, "timestamp": {`1462629479859`, `1`, `-5`, `9223372036854775808`},
		"webhookEventId": {`"E1"`, `""`}, "replyToken": {`"r1"`}, "deliveryContext": {`{"isRedelivery":true}`, `{}`, `{"isRedelivery":1}`},
		"postback": {`{"data":"d"}`, `{"data":"d","params":{"date":"x"}}`, `{"DATA":"e"}`, `{"params":{"date":1}}`},
		"follow":   {`{"isUnblocked":true}`, `{}`, `{"isUnblocked":"yes"}`},
		"source":   nil, "message": nil,
	}
	sourceKeys = genValues{
		"type":   {`"user"`, `"user"`, `"group"`, `"room"`, `"bot"`},
		"userId": {`"U1"`, `"U2"`}, "groupId": {`"G1"`}, "roomId": {`"R1"`},
	}
	messageKeys = genValues{
		"type": {`"text"`, `"text"`, `"text"`, `"image"`, `"sticker"`}, "id": {`"1"`},
		"text":       {`"hi"`, `"message"`, `"\"source\":"`, `"\u0073"`},
		"emojis":     {`[{"index":0,"length":1,"productId":"p","emojiId":"e"}]`, `[]`, `[{"index":"0"}]`},
		"mention":    {`{"mentionees":[{"type":"user","index":0,"length":1}]}`, `{}`, `{"mentionees":[{}]}`},
		"quoteToken": {`"q"`}, "keywords": {`["a"]`},
	}
)

// genObject builds an object with some of keys (type, source and message
// nearly always), valued with their first values, the valid ones, more
// often; then, for one object in three, a key or two more, from the same
// names but spelled and valued at random.
func genObject(r *rand.Rand, keys genValues) string {
	names := slices.Sorted(maps.Keys(keys))
	var parts []string
	for _, k := range names {
		if k == "type" || k == "source" || k == "message" || k == "userId" || r.IntN(2) == 0 {
			if r.IntN(12) > 0 {
				parts = append(parts, `"`+k+`":`+genValue(r, keys, k, false))
			}
		}
	}
	for range max(0, r.IntN(6)-3) {
		k := names[r.IntN(len(names))]
		parts = append(parts, genKey(r, k)+":"+genValue(r, keys, k, true))
	}
	r.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
	return "{" + strings.Join(parts, ",") + "}"
}

// genKey spells k: exactly, in another case or with an escaped letter.
func genKey(r *rand.Rand, k string) string {
	switch r.IntN(6) {
	case 0:
		return `"` + strings.ToUpper(k[:1]) + k[1:] + `"`
	case 1:
		return `"` + strings.ToUpper(k) + `"`
	case 2:
		return fmt.Sprintf(`"\u%04x%s"`, k[0], k[1:])
	}
	return `"` + k + `"`
}

// genValue is a value for key k: valid, or when noisy maybe a scalar of
// any type.
func genValue(r *rand.Rand, keys genValues, k string, noisy bool) string {
	switch {
	case noisy && r.IntN(3) == 0:
		return scalars[r.IntN(len(scalars))]
	case keys[k] != nil && r.IntN(2) == 0:
		return keys[k][0]
	case keys[k] != nil:
		return keys[k][r.IntN(len(keys[k]))]
	case k == "source":
		return genObject(r, sourceKeys)
	}
	return genObject(r, messageKeys)
}

// BenchmarkParse compares the SDK's decoding with the fast path on a
// webhook with one text message, the usual case.
func BenchmarkParse(b *testing.B) {
	payload := []byte(body(textEvent))
	for _, p := range []struct {
		name  string
		parse func([]byte, time.Time) ([]worker.Event, error)
	}{{"sdk", parseSDK}, {"fast", parse}} {
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(payload)))
			for b.Loop() {
				if evs, err := p.parse(payload, receivedAt); err != nil || len(evs) != 1 {
					b.Fatal(evs, err)
				}
			}
		})
	}
}
