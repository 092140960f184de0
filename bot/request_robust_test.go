package bot

import (
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/faqfile"
)

// requestWrappers are ways students wrap a request they could have made
// plainly, each with the share of the sets' requests read right that must
// stay right once wrapped. Measured 2026-12-06 (third session) over the
// 1,146 requests of every set read right: before that session's changes
// (closing formulas read apart, hiragana ん) / after.
var requestWrappers = []struct {
	name string
	wrap func(string) string
	min  float64
}{
	{"closing", func(q string) string { return bareRequest(q) + "。よろしくお願いします" }, 0.99}, // 990 → 1144
	{"sumimasen", func(q string) string { return "すみません、" + q }, 0.995},                // 1146 → 1146
	{"ano", func(q string) string { return "あの、" + q }, 0.995},                         // 1146 → 1146
	{"emoji", func(q string) string { return bareRequest(q) + "😊" }, 0.995},            // 1144 → 1144
	{"laughter", func(q string) string { return bareRequest(q) + "w" }, 0.975},         // 1126 → 1126
	{"hiragana", faq.Reading, 0.915},                                                   // 1033 → 1042 (the ん of words cut amiss is no negation); 1223/1332 → 1262/1331 (2026-12-07: いいえけっこうです reads as いいえ、けっこうです; さいかい resumes, なしにして cancels); 0.939 once dev13's dialect joined the base, 0.922 with dev15's English and long keigo, 0.919 with dev16; 0.921 once messages typed in English left the base (the ninth session)
}

// bareRequest is q less its closing punctuation.
func bareRequest(q string) string { return strings.TrimRight(q, "？?！!。 ") }

// requestRewrites are further ways students wrap or phrase a request they
// could have made plainly: a reason or context said first, the request's
// ending made politer or more casual, and the marks and signatures chat
// messages end with. Each applies only where the rewrite keeps the
// request (a one-word reply such as はい is no request to put politely)
// and reports whether it applied; the share is of the requests it applies
// to. Measured 2026-12-07 over the requests of every set read right,
// before that session's changes → after.
var requestRewrites = []struct {
	name    string
	rewrite func(requestCase) (string, bool)
	min     float64
}{
	{"reason", prefixed("ちょっと聞きたいことがあるので、"), 0.999},                                                   // 986/1002 → 1004/1004
	{"parttime", prefixed("今バイト中なんですけど、"), 0.999},                                                     // 1000/1002 → 1004/1004
	{"checking", prefixed("確認なんですが、"), 0.999},                                                         // 958/1002 → 1004/1004
	{"selfintro", prefixed("北見工大3年の山田です。"), 0.999},                                                    // 999/1002 → 1004/1004
	{"osewa", prefixed("お世話になっております。"), 0.999},                                                        // 1000/1002 → 1004/1004
	{"otsukare", prefixed("お疲れ様です！\n"), 0.999},                                                        // 857/1002 → 1004/1004
	{"eeto", func(c requestCase) (string, bool) { return "えーっと、" + c.msg, true }, 0.999},              // 1326/1330 → 1332/1332
	{"ndesukedo", ending("たいです", "たいんですけど"), 0.989},                                                   // 91/93 → 94/94
	{"nodesuga", ending("たいです", "たいのですが"), 0.989},                                                     // 92/93 → 94/94
	{"ndakedo", ending("たい", "たいんだけど"), 0.993},                                                        // 162/163 → 164/164
	{"sasete", nounEnding("したいです", "させてもらえますか"), 0.954},                                               // 43/44 → 43/44
	{"onegai", nounEnding("したいです", "お願いできますか"), 0.954},                                                // 42/44 → 43/44
	{"onegai2", nounEnding("してください", "お願いできますか"), 0.937},                                              // 13/16 → 16/16
	{"moraeru", ending("てください", "てもらえますか"), 0.985},                                                    // 67/69 → 69/69
	{"moratteii", ending("てください", "てもらってもいいですか"), 0.975},                                              // 69/69 → 69/69; 103/105 with blind10 and blind11
	{"hoshii", ending("てください", "てほしいです"), 0.985},                                                      // 67/69 → 69/69
	{"qmark", toggledQuestionMark, 0.994},                                                             // 166/168 → 168/168
	{"ellipsis", func(c requestCase) (string, bool) { return bareRequest(c.msg) + "…", true }, 0.998}, // 1327/1330 → 1331/1332
	{"signature", onRequests(func(q string) string { return bareRequest(q) + "（山田）" }), 0.999},        // 862/1002 → 1004/1004
	{"spaces", func(c requestCase) (string, bool) {
		return "　" + strings.ReplaceAll(c.msg, "、", "　") + " ", true
	}, 0.999}, // 1301/1330 → 1332/1332
	// Written after that session's changes and measured then, not tuned
	// on, but for the space inside a katakana phrase (ﾊｲｼﾝ ﾃｲｼ) they showed
	// split by the change that reads a space as a comma.
	{"nenno", prefixed("念のため聞きたいんですが、"), 0.997},                                                    // 1000/1002 → 1002/1004
	{"jugyo", prefixed("授業終わったので、"), 0.996},                                                        // 1000/1002 → 1002/1004; 4585/4599 once blind20 and blind21 joined the base (the tenth session)
	{"senjitsu", prefixed("先日はありがとうございました。"), 0.988},                                               // 991/1002 → 993/1004
	{"yabun", prefixed("夜分にすみません。"), 0.998},                                                        // 1002/1002 → 1004/1004; 2967/2970 once blind14 and blind15 joined the base
	{"kuremasenka", ending("てください", "てくれませんか"), 0.956},                                             // 67/69 → 67/69
	{"omotte", ending("たいです", "たいと思っています"), 0.968},                                                 // 91/93 → 92/94
	{"yoroshii", ending("たいです", "たいのですが、よろしいでしょうか"), 0.989},                                        // 92/93 → 94/94
	{"bang", func(c requestCase) (string, bool) { return bareRequest(c.msg) + "！！", true }, 0.998}, // 1327/1330 → 1331/1332
	// A label before a request and a bowing face after it, probes written
	// before the change they led to (both left out, as the FAQ's analysis
	// leaves them): 961 → 1003/1003, 957 → 1003/1003.
	{"shikyu", prefixed("【至急】"), 0.998},
	{"bow", onRequests(func(q string) string { return bareRequest(q) + "m(_ _)m" }), 0.998},
}

// replies are the intents of one-word replies and courtesies, which no
// context, politeness or signature is put to.
var replies = map[string]bool{"yes": true, "no": true, "ack": true, "greeting": true, "thanks": true}

// onRequests applies wrap to the messages that make a request proper,
// not a reply.
func onRequests(wrap func(string) string) func(requestCase) (string, bool) {
	return func(c requestCase) (string, bool) {
		if replies[c.intent] {
			return "", false
		}
		return wrap(c.msg), true
	}
}

// prefixed says context before a request.
func prefixed(context string) func(requestCase) (string, bool) {
	return onRequests(func(q string) string { return context + q })
}

// ending rewrites a request that ends in from to end in to.
func ending(from, to string) func(requestCase) (string, bool) {
	return func(c requestCase) (string, bool) {
		q := bareRequest(c.msg)
		if replies[c.intent] || !strings.HasSuffix(q, from) {
			return "", false
		}
		return strings.TrimSuffix(q, from) + to, true
	}
}

// nounEnding is ending for a request whose verb is a noun of two kanji
// or katakana or more with する (予約したいです, 変更してください), which
// take 〜させて and 〜お願い as well.
func nounEnding(from, to string) func(requestCase) (string, bool) {
	plain := ending(from, to)
	return func(c requestCase) (string, bool) {
		q := bareRequest(c.msg)
		stem := []rune(strings.TrimSuffix(q, from))
		if len(stem) < 2 || !strings.HasSuffix(q, from) || !nounRune(stem[len(stem)-1]) || !nounRune(stem[len(stem)-2]) {
			return "", false
		}
		return plain(c)
	}
}

// nounRune reports whether r is kanji or katakana, and no kanji a verb
// in す is written with (消す, 戻す: 消したい is no noun with する).
func nounRune(r rune) bool {
	return (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Katakana, r) || r == 'ー') && !strings.ContainsRune(verbKanji, r)
}

// verbKanji start the verbs in す that a request ends in.
const verbKanji = "消戻出話直返残渡貸増減押回探移試許指離外落写放通"

// toggledQuestionMark adds the question mark a question in か goes
// without (担当者と話せますか), or drops the one it has.
func toggledQuestionMark(c requestCase) (string, bool) {
	switch q := strings.TrimSpace(c.msg); {
	case strings.HasSuffix(q, "か"):
		return q + "？", true
	case strings.HasSuffix(q, "？") || strings.HasSuffix(q, "?"):
		return strings.TrimRight(q, "？?"), true
	}
	return "", false
}

// TestRequestsRobustToWrappers checks that the courtesy, closings and chat
// marks around a request do not lose it.
func TestRequestsRobustToWrappers(t *testing.T) {
	ix := faq.NewIndex(faqfile.Default(), faqfile.DefaultConcepts()...)
	var right []requestCase
	for _, s := range requestSets {
		for _, c := range loadRequestSet(t, s.path) {
			// a request typed in romaji is wrapped in romaji, not in the
			// Japanese of the wrappers
			if _, romaji := faq.Romaji(c.msg); romaji || !strings.ContainsFunc(c.msg, isJapaneseLetter) {
				continue // nor is one typed in English (Can I talk to a real person?)
			}
			if ok, _ := readRight(ix, c); ok && c.intent != "none" && c.faq == "-" {
				right = append(right, c)
			}
		}
	}
	for _, w := range requestWrappers {
		checkRewrite(t, ix, right, w.name, func(c requestCase) (string, bool) { return w.wrap(c.msg), true }, w.min)
	}
	for _, w := range requestRewrites {
		checkRewrite(t, ix, right, w.name, w.rewrite, w.min)
	}
}

// isJapaneseLetter reports whether r is a letter of Japanese script.
func isJapaneseLetter(r rune) bool {
	return unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han)
}

// checkRewrite checks that of the requests right that rewrite applies to,
// at least the share least stay right once rewritten. With -v and
// ROBUST_MISSES set, it logs those that do not.
func checkRewrite(t *testing.T, ix *faq.Index, right []requestCase, name string, rewrite func(requestCase) (string, bool), least float64) {
	t.Helper()
	kept, applied := 0, 0
	for _, c := range right {
		msg, ok := rewrite(c)
		if !ok {
			continue
		}
		applied++
		wrapped := c
		wrapped.msg = msg
		if ok, why := readRight(ix, wrapped); ok {
			kept++
		} else if testing.Verbose() && os.Getenv("ROBUST_MISSES") != "" {
			t.Logf("  %s miss: %q | want %s | %s", name, msg, c.intent, why)
		}
	}
	share := float64(kept) / float64(max(applied, 1))
	t.Logf("%s: %d/%d stay right (%.3f)", name, kept, applied, share)
	if share < least {
		t.Errorf("%s: %.3f of requests read right stay right once wrapped, under the floor %.3f", name, share, least)
	}
}
