package bot

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/faqfile"
)

// requestSet is a set of messages labelled with the request they make
// ("none" when they make none) and, for a message that also asks a
// question, the FAQ entry that answers it.
type requestSet struct {
	name, path string
	min        float64 // share of messages read right
}

// requestSets: requests_dev.tsv was written by a helper who saw only the
// source article and the list of requests, in students' own words;
// requests_blind.tsv was written the same way by another helper, measured
// blind once (2026-12-04: 0.875) and tuned on since, like the first.
// Measured 2026-12-05, the question part checked as the bot answers it
// (see questionMatch): dev 156/159 (0.981), blind 158/160 (0.988). The
// floors sit just under that, one miss below each. requests_blind2.tsv
// (136 messages) was written 2026-12-05 by a third helper from the article
// and the list of requests only, and measured once at the end of that
// session, after the changes: 119/136 (0.875); never tuned on. Each set,
// once measured blind, was a dev set from then on; the floors follow the
// figures, one miss under (2026-12-06: blind2 136/136, blind3 211/211,
// blind4 161/165). requests_blind5.tsv (188 messages) was written on
// 2026-12-06 by a sixth helper the same way and measured once after that
// session's changes: 169/188 (0.899; the code before them: 155/188). A
// development set since: 応募フォーム and もどって as commands, booking
// words typed in hiragana, 173/188. requests_blind6.tsv (196 messages)
// was written on 2026-12-06 (second session) by a seventh helper the same
// way and measured once after that session's changes: 186/196 (0.949;
// the code before them: 185/196). A development set since; the floors
// sit one message under the figures of that session's end.
// requests_blind7.tsv (196 messages) was written at that session's end by
// an eighth helper the same way and measured once after all its changes:
// 174/196 (0.888; the code before the session: 172/196).
// requests_blind8.tsv (232 messages) was written at the start of the
// third session of 2026-12-06 by a ninth helper the same way, in dialect,
// chat and keigo, and measured once at that session's end: 208/232
// (0.897; the code before the session: 201/232). A development set
// since: dialect endings, declining and chat replies, 223/232 (dev
// 179/182); 225/232 with lines 37 and 40 (何ができるの？一覧見せて,
// このbotでできること教えて) labelled help, as the labels define it (what
// the bot can do), not menu; blind4's line 31 likewise (164/165).
// 2026-12-07: a doubt after けど hedges, others' questions ask for the
// FAQ list, 〜ところまで戻りたい goes back: blind7 195/196, blind8 227/232;
// the floors one message under. requests_blind9.tsv (209 messages) was
// written at the start of the fifth session of 2026-12-06 by a tenth
// helper the same way and measured once at its end: 202/209 (0.967; the
// code before the session read it the same). A development set since:
// 次行ってください skips, 応募の手続きやめます cancels, 〜ようにしてほしい asks
// for no other date, ｹｯｶまだ？ in kana is read by its sound, ありがとー thanks,
// にってい変えたい reschedules: 208/209, no other set lower.
// requests_blind10.tsv (210) and requests_blind11.tsv (211) were written
// at the start of the sixth session of 2026-12-06 by two more helpers the
// same way (the second told to report only counts, so that no one saw
// what it wrote) and measured once at its end (200/210, 200/211; the code
// before that session the same). Development sets since: リスケ is no
// cancellation (it holds けし), はいっ says yes, 配信ON resumes, 使い方 in
// kana asks for help, 通知はこのままでいい and 止めるほどでもない ask
// nothing: 203/210, 203/211, no other set lower; the floors one message
// under.
// requests_blind12.tsv (258) and requests_blind13.tsv (233) were written
// at the start of the session of 2026-12-07 by two helpers the same way,
// each told to report counts alone, and measured once at its end, after
// the development sets dev12 to dev15 had been tuned on. Development sets
// since; the floors one message under.
var requestSets = []requestSet{
	{name: "dev", path: filepath.Join("testdata", "requests_dev.tsv"), min: 0.975},
	{name: "blind", path: filepath.Join("testdata", "requests_blind.tsv"), min: 0.985},
	{name: "blind2", path: filepath.Join("testdata", "requests_blind2.tsv"), min: 0.99},
	{name: "blind3", path: filepath.Join("testdata", "requests_blind3.tsv"), min: 0.995},   // measured once: 178/211
	{name: "blind4", path: filepath.Join("testdata", "requests_blind4.tsv"), min: 0.98},    // measured once: 140/165 (129/165 before the frames)
	{name: "blind5", path: filepath.Join("testdata", "requests_blind5.tsv"), min: 0.985},   // measured once: 169/188
	{name: "blind6", path: filepath.Join("testdata", "requests_blind6.tsv"), min: 0.98},    // measured once: 186/196
	{name: "blind7", path: filepath.Join("testdata", "requests_blind7.tsv"), min: 0.985},   // measured once: 174/196
	{name: "blind8", path: filepath.Join("testdata", "requests_blind8.tsv"), min: 0.97},    // measured once: 208/232 (before the session: 201/232); 227/232 since
	{name: "blind9", path: filepath.Join("testdata", "requests_blind9.tsv"), min: 0.99},    // measured once: 202/209 (before the session: 202/209); 208/209 since
	{name: "blind10", path: filepath.Join("testdata", "requests_blind10.tsv"), min: 0.96},  // measured once: 200/210 (before the session: 200/210); 203/210 since
	{name: "blind11", path: filepath.Join("testdata", "requests_blind11.tsv"), min: 0.955}, // measured once: 200/211 (before the session: 200/211); 203/211 since
	{name: "blind12", path: filepath.Join("testdata", "requests_blind12.tsv"), min: 0.97},  // measured once: 248/258 (before the session: 243/258); 252/258 since
	{name: "blind13", path: filepath.Join("testdata", "requests_blind13.tsv"), min: 0.98},  // measured once: 219/233 (before the session: 216/233); 230/233 since
	{name: "blind14", path: filepath.Join("testdata", "requests_blind14.tsv"), min: 0.965}, // measured once (eighth session, 2f063cc): 172/178 (before the session: 172/178); 173/178 since
	{name: "blind15", path: filepath.Join("testdata", "requests_blind15.tsv"), min: 0.975}, // measured once: 158/161 (before the session: 157/161)
	{name: "blind16", path: filepath.Join("testdata", "requests_blind16.tsv"), min: 0.965}, // measured once (ninth session, 5690d08): 189/197 (before the session: 185/197); 192/197 since
	{name: "blind17", path: filepath.Join("testdata", "requests_blind17.tsv"), min: 0.955}, // measured once: 190/205 (before the session: 182/205); 197/205 since
	{name: "dev12", path: filepath.Join("testdata", "requests_dev12.tsv"), min: 0.97},      // a development set from the start: 196/216 when first run, 211/216 since
	{name: "dev13", path: filepath.Join("testdata", "requests_dev13.tsv"), min: 0.95},      // a development set from the start, with romaji and dialect: 254/305 when first run, 292/305 since
	{name: "dev14", path: filepath.Join("testdata", "requests_dev14.tsv"), min: 0.965},     // a development set from the start, in thirty voices: 262/282 when first run, 274/282 since
	{name: "dev15", path: filepath.Join("testdata", "requests_dev15.tsv"), min: 0.955},     // a development set from the start, its wordings far from the examples' (English, IME slips, synonyms): 335/400 when first run, 383/400 since
	{name: "dev16", path: filepath.Join("testdata", "requests_dev16.tsv"), min: 0.975},     // a development set from the start (the eighth session), its wordings far from the article's: 222/233 when first run, 229/233 since
	{name: "dev17", path: filepath.Join("testdata", "requests_dev17.tsv"), min: 0.975},     // the same, with requests for what the bot does not do: 229/240 when first run, 235/240 since
	{name: "dev18", path: filepath.Join("testdata", "requests_dev18.tsv"), min: 0.985},     // the same, chat fragments, long keigo, many regions: 233/245 when first run, 243/245 since
	{name: "dev19", path: filepath.Join("testdata", "requests_dev19.tsv"), min: 0.96},      // the ninth session's, far from textbook wordings: 180/199 when first run, 193/199 since
	{name: "dev20", path: filepath.Join("testdata", "requests_dev20.tsv"), min: 0.965},     // the same, in many voices, English among them: 184/200 when first run, 194/200 since
	{name: "dev21", path: filepath.Join("testdata", "requests_dev21.tsv"), min: 0.98},      // the same: 147/149 when first run
	{name: "dev22", path: filepath.Join("testdata", "requests_dev22.tsv"), min: 0.89},      // the same, a group chat in every dialect: 196/219 when first run
	{name: "dev23", path: filepath.Join("testdata", "requests_dev23.tsv"), min: 0.955},     // the same, thirty students mid-conversation: 243/260 when first run, 249/260 since
	{name: "dev24", path: filepath.Join("testdata", "requests_dev24.tsv"), min: 0.99},      // the same, in everyday words: 114/119 when first run, 118/119 since
	{name: "dev25", path: filepath.Join("testdata", "requests_dev25.tsv"), min: 0.99},      // the same, in varied styles: 175/180 when first run, 179/180 since
	{name: "dev26", path: filepath.Join("testdata", "requests_dev26.tsv"), min: 0.96},      // the same, in twenty voices: 162/180 when first run, 174/180 since
	{name: "dev27", path: filepath.Join("testdata", "requests_dev27.tsv"), min: 0.945},     // the tenth session's, half in English: 151/220 when first run, 209/220 once English is read as Japanese would say it
	{name: "dev28", path: filepath.Join("testdata", "requests_dev28.tsv"), min: 0.905},     // the same, in dialects, slang and stiff keigo: 202/222 when first run
	{name: "dev29", path: filepath.Join("testdata", "requests_dev29.tsv"), min: 0.91},      // all in English, written later in the tenth session: 73/206 on the session-start code, 162/206 when first run, 188/206 since
	{name: "blind18", path: filepath.Join("testdata", "requests_blind18.tsv"), min: 0.955}, // written blind at the start of the tenth session, measured once near its end: 215/224 (before the session: 215/224)
	{name: "blind19", path: filepath.Join("testdata", "requests_blind19.tsv"), min: 0.885}, // the same, fifteen voices, 47 in English: 217/244 (before the session: 199/244)
	{name: "blind20", path: filepath.Join("testdata", "requests_blind20.tsv"), min: 0.94},  // written blind mid-session (a third in English), measured once at its end: 205/217 (before the session: 177/217)
	{name: "blind21", path: filepath.Join("testdata", "requests_blind21.tsv"), min: 0.925}, // the same, twelve voices: 240/258 (before the session: 226/258)
	{name: "dev30", path: filepath.Join("testdata", "requests_dev30.tsv"), min: 0.995},     // written at the start of the eleventh session, to tune on (276/281 when first run)
	{name: "dev31", path: filepath.Join("testdata", "requests_dev31.tsv"), min: 0.975},     // written in the eleventh session, to tune on (299/313 when first run)
	{name: "blind22", path: filepath.Join("testdata", "requests_blind22.tsv"), min: 0.955}, // written at the start of the eleventh session, measured once near its end: 264/276 (before the session: 263/276)
	{name: "blind23", path: filepath.Join("testdata", "requests_blind23.tsv"), min: 0.975}, // the same, parents and international students: 281/287 (before the session: 281/287)
	{name: "blind24", path: filepath.Join("testdata", "requests_blind24.tsv"), min: 0.965}, // written at the start of the twelfth session, measured once near its end: 277/286 (before the session: 277/286)
	{name: "blind25", path: filepath.Join("testdata", "requests_blind25.tsv"), min: 0.94},  // the same, keigo and 15% English: 273/290 (before the session: 274/290); 274/290 once the one it lost was fixed
	{name: "blind26", path: filepath.Join("testdata", "requests_blind26.tsv"), min: 0.96},  // written at the start of the thirteenth session, measured once near its end (d179d35): 279/290 (before the session: 276/290)
	{name: "blind27", path: filepath.Join("testdata", "requests_blind27.tsv"), min: 0.94},  // the same, people mid-conversation, parents, 15% English: 273/290 (before the session: 273/290)
}

// requestCase is one line of a request set.
type requestCase struct {
	line             int
	intent, faq, msg string
}

func loadRequestSet(t *testing.T, path string) []requestCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []requestCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) != 3 {
			t.Fatalf("%s:%d: want 3 tab-separated fields", path, n)
		}
		out = append(out, requestCase{n, strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1]), strings.TrimSpace(parts[2])})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// readRight reports whether the bot reads c as labelled: the request made
// plainly (or, for "none", no request made), and the question beside it
// answered with the labelled entry.
func readRight(ix *faq.Index, c requestCase) (bool, string) {
	if (c.intent == "yes" || c.intent == "no") && c.faq == "-" {
		// a yes or a no is typed as the answer to a question the bot
		// asked, and read there by answerIntent (「OK」 agrees, 「やっぱ
		// 予約しない」 says no); one with a question beside it is read
		// as below, by what the bot makes of both
		if got := answerIntent(c.msg).String(); got != c.intent {
			return false, "read as an answer: " + got
		}
		return true, ""
	}
	r := readRequestBeside(ix, c.msg)
	got := r.intent.String()
	if !r.made() {
		got = "none"
	}
	if got != c.intent {
		b, _ := intentIndex().Match(c.msg).Best()
		return false, fmt.Sprintf("read %s (%s); nearest %s %.2f", got, r.mood, b.FAQ.ID, b.Score)
	}
	if c.faq == "-" {
		return true, ""
	}
	m := questionMatch(ix, c.msg, r)
	if best, ok := m.Best(); !ok || m.Outcome != faq.Answered || best.FAQ.ID != c.faq {
		return false, "question part: " + m.Outcome.String()
	}
	return true, ""
}

// questionMatch is the FAQ match the bot answers msg with beside request
// r, as idle does: the part beside a request made (the whole message when
// that part alone is not answered, see questionAndRequest), and the whole
// message otherwise.
func questionMatch(ix *faq.Index, msg string, r request) faq.Match {
	if r.made() && r.intent == intentHuman && (r.rest == "" || namesTopic(msg)) {
		if m, ok := requestTopic(ix, msg); ok {
			return m // as personAbout says it
		}
	}
	if !r.made() || r.rest == "" {
		return ix.Match(msg)
	}
	if q, ok := questionBeside(ix, msg, r); ok {
		return ix.Match(q)
	}
	return ix.Match(msg)
}

func TestRequestAccuracy(t *testing.T) {
	ix := faq.NewIndex(faqfile.Default(), faqfile.DefaultConcepts()...)
	for _, set := range requestSets {
		t.Run(set.name, func(t *testing.T) {
			cases := loadRequestSet(t, set.path)
			right := 0
			for _, c := range cases {
				if _, ok := intentByName[c.intent]; !ok {
					t.Errorf("%s:%d: unknown intent %q", set.path, c.line, c.intent)
				}
				ok, why := readRight(ix, c)
				if ok {
					right++
					continue
				}
				t.Logf("  line %d: %s | want %s/%s | %s", c.line, c.msg, c.intent, c.faq, why)
			}
			acc := float64(right) / float64(max(len(cases), 1))
			t.Logf("%s: %d/%d requests read right (%.3f)", set.name, right, len(cases), acc)
			if acc < set.min {
				t.Errorf("%s: %.3f of requests read right, under the floor %.2f", set.name, acc, set.min)
			}
		})
	}
}
