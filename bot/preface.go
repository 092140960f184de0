package bot

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sakemodel/sakebot/faq"
)

// withoutMarks returns text less a label it opens with (【至急】, Q.) and
// the bowing faces in it (m(_ _)m), which the FAQ's analysis leaves out
// too.
func withoutMarks(text string) string { return faq.WithoutKaomoji(faq.WithoutLabel(text)) }

// withoutStress returns text less the small っ a student ends a short
// reply with for stress (はいっ, 了解っ!), which no request ends with.
func withoutStress(text string) string {
	t := strings.TrimRightFunc(text, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
	body, ok := strings.CutSuffix(t, "っ")
	if !ok {
		body, ok = strings.CutSuffix(t, "ッ")
	}
	if !ok || utf8.RuneCountInString(body) < 2 {
		return text
	}
	return body
}

// withoutPreface returns text less an opening that only sets the scene
// for what follows: a greeting (お疲れ様です！), a self-introduction or a
// formula (北見工大3年の山田です。, お世話になっております。), or a clause
// that announces a question or tells where the student is (確認なんですが、,
// ちょっと聞きたいことがあるので、, 今バイト中なんですけど、). It returns text
// when it opens otherwise or nothing follows the opening.
func withoutPreface(text string) string {
	for range maxPrefaces {
		rest := withoutOnePreface(text)
		if rest == text {
			break
		}
		text = rest // 夜分にすみません。こんにちは！応募したくて連絡しました
	}
	return text
}

// maxPrefaces is how many openings withoutPreface takes off, one after
// another.
const maxPrefaces = 3

// withoutOnePreface is withoutPreface for the first opening alone.
func withoutOnePreface(text string) string {
	clauses := splitClauses(text)
	if len(clauses) < 2 || !prefaces(clauses[0]) {
		return text
	}
	end := strings.Index(text, clauses[0]) + len(clauses[0])
	rest := strings.TrimLeft(text[end:], clausePunct+"\n　")
	if rest == "" {
		return text
	}
	return rest
}

// prefaces reports whether clause, opening a message, only sets the scene
// for what follows it.
func prefaces(clause string) bool {
	c := strings.TrimRight(clause, clausePunct+"\n　")
	if c == "" {
		return false
	}
	if in, ok := commandOf(commandKey(c)); ok && in == intentGreeting {
		return true // お疲れ様です！
	}
	if slices.Contains(apologies, c) {
		return true // 夜分にすみません。
	}
	return introduces(clause, c) || announces(c)
}

// apologies open a message by excusing the writing of it.
var apologies = []string{"すみません", "すいません", "夜分にすみません", "夜分遅くにすみません", "夜分遅くに失礼します", "夜分に失礼します",
	"突然すみません", "突然失礼します", "突然のご連絡失礼します", "突然のご連絡失礼いたします", "失礼します", "失礼いたします"}

// introduces reports whether clause, c less its punctuation, is a sentence
// of its own that introduces the student or greets by a formula (北見工大
// 3年の山田です。, お世話になっております。) and asks for nothing.
func introduces(clause, c string) bool {
	last, _ := utf8.DecodeLastRuneInString(clause)
	if !strings.ContainsRune("。！!\n", last) || !hasAnySuffix(c, introducingEnds...) {
		return false
	}
	in := classify(c).intent
	return in == intentNone || in == intentGreeting
}

// introducingEnds end a sentence that introduces the student or greets.
var introducingEnds = []string{"です", "と申します", "といいます", "でございます", "ております", "てます"}

// announces reports whether clause c, less its punctuation, announces what
// follows or tells where the student is: a noun of asking before 「なん
// ですが」 (確認なんですが, 質問なんですけど), a question said to come
// (聞きたいことがあるので), or a scene that asks for nothing (今バイト中
// なんですけど).
func announces(c string) bool {
	if containsAny(frameKey(c), announcingKeys()) {
		return true
	}
	for _, e := range sceneEnds {
		stem, ok := strings.CutSuffix(c, e)
		if !ok {
			continue
		}
		return hasAnySuffix(stem, askingNouns...) || classify(c).intent == intentNone
	}
	return false
}

// sceneEnds end a clause that sets the scene for what follows.
var sceneEnds = []string{"なんですけれども", "なんですけれど", "なんですけど", "なんですが", "なのですが", "なんだけど", "なんやけど"}

// askingNouns name the asking a clause announces (確認なんですが).
var askingNouns = []string{"確認", "質問", "相談", "お願い", "お聞きしたいこと", "聞きたいこと", "件"}

// announcingWords say that a question or a request is to come.
var announcingWords = []string{"聞きたいことがあ", "聞きたいことあ", "ききたいことがあ", "ききたいことあ", "お聞きしたいことがあ",
	"質問があ", "質問したいことがあ", "相談があ", "相談したいことがあ", "確認したいことがあ", "お願いがあ", "教えてほしいことがあ"}

// announcingKeys are announcingWords in the form of frameKey.
var announcingKeys = sync.OnceValue(func() []string { return keysOf(announcingWords) })

// withoutSignature returns text less the name a student signs a message
// with, in brackets at its end (応募したいです（山田）); text when it has
// none. Laughter in brackets ((笑)) is left to withoutLaughter.
func withoutSignature(text string) string {
	t := strings.TrimRightFunc(text, unicode.IsSpace)
	for _, b := range [][2]string{{"（", "）"}, {"(", ")"}} {
		body, ok := strings.CutSuffix(t, b[1])
		if !ok {
			continue
		}
		i := strings.LastIndex(body, b[0])
		if i <= 0 {
			return text
		}
		if name := body[i+len(b[0]):]; signs(name) {
			return strings.TrimRightFunc(body[:i], unicode.IsSpace)
		}
	}
	return text
}

// signs reports whether name, in brackets at a message's end, is a name
// signed: a few letters, not laughter.
func signs(name string) bool {
	n := utf8.RuneCountInString(name)
	if n == 0 || n > 12 || name == "笑" || name == "汗" || name == "泣" {
		return false
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && r != ' ' && r != '　' && r != '・' {
			return false
		}
	}
	return true
}
