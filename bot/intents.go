package bot

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/sakemodel/sakebot/faq"
)

// intent is what a message asks the bot to do, apart from answering an FAQ
// question.
type intent int

const (
	intentNone intent = iota
	intentApply
	intentStatus
	intentHuman
	intentMenu
	intentFAQMenu
	intentGreeting
	intentThanks
	intentAck
	intentBack
	intentCancel
	intentSkip
	intentHelp
	intentYes
	intentNo
	intentForget
)

// intentNames name the intents for `ask --json` and the tests.
var intentNames = map[intent]string{
	intentNone: "none", intentApply: "apply", intentStatus: "status", intentHuman: "human",
	intentMenu: "menu", intentFAQMenu: "faqmenu", intentGreeting: "greeting", intentThanks: "thanks",
	intentAck: "ack", intentBack: "back", intentCancel: "cancel", intentSkip: "skip", intentHelp: "help",
	intentYes: "yes", intentNo: "no", intentForget: "forget",
}

// String names the intent in lower case ("apply").
func (i intent) String() string { return intentNames[i] }

// IntentName names the request text makes plainly, as the bot reads it
// outside the form ("apply", "human", …), or "none"; a request made beside
// a question (「応募したいけど研修って何ヶ月？」) is named too.
func IntentName(ix *faq.Index, text string) string {
	if r := readRequestBeside(ix, text); r.made() {
		return r.intent.String()
	}
	return intentNone.String()
}

// intentThreshold is the score a message (or a clause of it) needs for
// the request it is most like to be taken as that request. It was chosen
// by measuring TestRequestAccuracy on bot/testdata/requests_dev.tsv.
const intentThreshold = 0.45

// exactScore is the score of a message that is, after normalisation and
// polite endings, one of the short commands of intentCommands.
const exactScore = 1.0

// request is what a message asks the bot to do.
type request struct {
	intent intent
	score  float64
	mood   faq.Mood // a negated or hedged request is not made
	rest   string   // the rest of the message, when only a clause makes the request
}

// made reports whether the message makes the request: plainly, and as a
// whole or with nothing else in it that asks.
func (r request) made() bool { return r.intent != intentNone && r.mood == faq.Plain }

// readRequest classifies text, as a whole and clause by clause: 「応募したい
// けど研修って何ヶ月？」 makes the request apply with the rest 「研修って何ヶ月？」.
func readRequest(text string) request {
	best := classify(text)
	clauses := splitClauses(text)
	if len(clauses) < 2 {
		return best
	}
	for i, c := range clauses {
		if tellsWhatWasDone(c) {
			continue // 「応募したんですけど、」 is what was done, not a request
		}
		r := classify(c)
		if r.intent == intentNone || r.score <= best.score {
			continue
		}
		rest := append(append([]string{}, clauses[:i]...), clauses[i+1:]...)
		r.rest = strings.Join(rest, "")
		best = r
	}
	return best
}

// readRequestBeside is readRequest, except that a message the FAQ
// answers better than any request is a question: 「サケモデルとは何ですか」
// shares its words with 「サケモデルに応募したい」 but asks about the model.
// A short command always wins.
func readRequestBeside(ix *faq.Index, text string) request {
	return besideFAQ(readRequest(text), func() faq.Match { return ix.Match(text) })
}

// besideFAQ is readRequestBeside for a request r already read, with the
// message's FAQ match from match (called only when needed).
func besideFAQ(r request, match func() faq.Match) request {
	if r.intent == intentNone || r.score >= exactScore || r.rest != "" {
		return r
	}
	m := match()
	if best, ok := m.Best(); ok && m.Outcome == faq.Answered && best.Score > r.score {
		return request{}
	}
	return r
}

// requestOf is readRequestBeside for the turn's text, using what was read
// and matched before the turn when it was.
func (t *turn) requestOf(text string) request {
	return besideFAQ(t.requestRead(text), func() faq.Match {
		index := t.e.answerer.Index()
		if m, ok := t.pre.matchFor(index, text); ok {
			return m
		}
		return index.Match(text)
	})
}

// requestRead is readRequest for the turn's text, read before the turn
// when it was.
func (t *turn) requestRead(text string) request {
	if r, ok := t.pre.requestFor(text); ok {
		return r
	}
	return readRequest(text)
}

// tellsWhatWasDone reports whether a clause says what the student did
// (応募したんですけど, エントリーしましたが): past, not a request.
func tellsWhatWasDone(clause string) bool {
	for _, p := range []string{"したん", "しました", "したけど", "したが", "したので", "してるん", "しているん"} {
		if strings.Contains(clause, p) {
			return true
		}
	}
	return false
}

// detectIntent returns the request text makes as a whole, plainly, or
// intentNone. The form uses it: there a message either is a command or is
// an answer.
func detectIntent(text string) intent {
	return madeIntent(readRequest(text))
}

// madeIntent is the intent of a request made as a whole, or intentNone.
func madeIntent(r request) intent {
	if !r.made() || asksMore(r.rest) {
		return intentNone
	}
	return r.intent
}

// classify scores text against the intents' examples.
func classify(text string) request {
	k := commandKey(text)
	if k == "" {
		return request{}
	}
	if in, ok := intentCommands()[k]; ok {
		return request{intent: in, score: exactScore}
	}
	if core, ok := cutHedge(text); ok {
		if r := classify(core); r.intent != intentNone {
			r.mood = faq.Hedged
			return r
		}
	}
	m := intentIndex().Match(text)
	best, ok := m.Best()
	if !ok || best.Score < intentThreshold {
		return request{}
	}
	return request{intent: intentByName[best.FAQ.ID], score: best.Score, mood: faq.MoodOf(text)}
}

// cutHedge returns what a hesitation is about: 「やめるか迷ってます」 is
// about 「やめる」.
func cutHedge(text string) (string, bool) {
	for _, h := range hedgeCuts {
		if i := strings.Index(text, h); i > 0 {
			return text[:i], true
		}
	}
	return "", false
}

// hedgeCuts start the hesitation of 「〜か迷ってます」 and the like.
var hedgeCuts = []string{"かどうか", "か迷", "か悩", "か考え", "しようかな", "するかな", "しようか", "か検討"}

// asksMore reports whether rest, the part of a message beside a request,
// says anything the bot should answer too.
func asksMore(rest string) bool {
	if strings.TrimSpace(faq.Normalize(rest)) == "" {
		return false
	}
	return looksLikeQuestion(rest) || strings.Contains(rest, "知りたい") || strings.Contains(rest, "教えて")
}

// splitClauses cuts text into its sentences and the clauses a conjunctive
// ending leads (〜けど、〜ので、〜が、), each keeping its punctuation.
func splitClauses(text string) []string {
	var out []string
	start := 0
	for i, r := range text {
		if i < start {
			continue // inside a clause ending already cut
		}
		end := -1
		switch r {
		case '。', '！', '!', '？', '?', '\n', '、', ',', '，':
			end = i + utf8.RuneLen(r)
		default:
			for _, c := range clauseEnds {
				if strings.HasPrefix(text[i:], c) && i+len(c) < len(text) {
					end = i + len(c)
					break
				}
			}
		}
		if end > start {
			if s := strings.TrimSpace(text[start:end]); s != "" {
				out = append(out, s)
			}
			start = end
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// clauseEnds end a clause that leads up to another.
var clauseEnds = []string{"けれども", "けれど", "けど", "ので", "のですが", "んですが", "ですが"}

// commandKey is the form of a message that short commands are matched on:
// normalised, without spaces and polite endings.
func commandKey(s string) string {
	k := strings.ReplaceAll(faq.Normalize(s), " ", "")
	k = strings.TrimRight(k, "!！?？。.〜~ー")
	for changed := true; changed; {
		changed = false
		for _, ek := range politeKeys {
			if ek != "" && len(k) > len(ek) && strings.HasSuffix(k, ek) {
				k, changed = strings.TrimSuffix(k, ek), true
			}
		}
	}
	return k
}

// politeEndings are stripped from the end of a message before it is looked
// up among the short commands.
var politeEndings = []string{"をお願いします", "お願いします", "おねがいします", "お願いしまーす", "です", "っす", "ください", "下さい", "ね", "よ", "で", "!"}

var politeKeys = func() []string {
	keys := make([]string, len(politeEndings))
	for i, e := range politeEndings {
		keys[i] = strings.ReplaceAll(faq.Normalize(e), " ", "")
	}
	return keys
}()

// intentCommands maps the command key of every short command (はい, ok,
// 戻る) to its intent: a message that is one of them is that request
// without further analysis, which short words (はい, no) do not survive.
var intentCommands = sync.OnceValue(func() map[string]intent {
	idx := map[string]intent{}
	for _, ex := range intentExamples {
		for _, p := range ex.commands {
			idx[commandKey(p)] = ex.intent
		}
	}
	return idx
})

// intentIndex is the index the longer phrasings of the requests are
// matched in, by the analysis and scoring the FAQ uses.
var intentIndex = sync.OnceValue(func() *faq.Index {
	entries := make([]faq.FAQ, 0, len(intentExamples))
	for _, ex := range intentExamples {
		if len(ex.phrasings) == 0 {
			continue
		}
		entries = append(entries, faq.FAQ{ID: ex.intent.String(), Question: ex.phrasings[0],
			Alternatives: ex.phrasings[1:], Enabled: true})
	}
	return faq.NewIndex(entries, intentConcepts...)
})

// intentByName maps the names of intents back.
var intentByName = func() map[string]intent {
	m := make(map[string]intent, len(intentNames))
	for in, name := range intentNames {
		m[name] = in
	}
	return m
}()
