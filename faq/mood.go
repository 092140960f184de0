package faq

import "strings"

// Mood is how a message holds what it says about doing something: plainly
// (応募したいです), negated (まだ応募はしないです) or in doubt (応募するか
// 迷ってます, もし応募したら). A request is a request only when plain.
type Mood int

// The moods of a message.
const (
	Plain   Mood = iota // says it
	Negated             // says it is not so, or not wanted
	Hedged              // wonders, hesitates, supposes
)

// String names the mood in lower case.
func (m Mood) String() string {
	switch m {
	case Negated:
		return "negated"
	case Hedged:
		return "hedged"
	}
	return "plain"
}

// MoodOf analyses text (a short message or one clause of one) with the
// analyser the matcher uses and tells its mood. A negative question that
// asks for something (話せませんか, もらえないですか) is plain: Japanese asks
// politely in the negative.
func MoodOf(text string) Mood {
	k := normalizeKeepKana(text)
	for _, not := range []string{"じゃなくて", "ではなくて", "じゃなく", "ではなく"} {
		if i := strings.LastIndex(k, not); i >= 0 {
			k = k[i+len(not):] // 「ボットじゃなくて人がいい」 asks for what follows
			break
		}
	}
	if k == "" {
		return Plain
	}
	for _, h := range hedgeMarks {
		if strings.Contains(k, h) {
			return Hedged
		}
	}
	la := latticePool.Get().(*wordLattice)
	defer latticePool.Put(la)
	d := ipaDictionary()
	toks := la.tokenize(k)
	negated := false
	for i, tok := range toks {
		pos, base := d.field(tok, 0), d.field(tok, 6)
		switch {
		case pos == "動詞" && (base == "迷う" || base == "悩む" || base == "ためらう"):
			return Hedged
		case pos == "助動詞" && (base == "ない" || base == "ぬ" || base == "ん"):
			negated = true
		case pos == "形容詞" && base == "ない" && i > 0 && afterVerb(d.field(toks[i-1], 0)):
			negated = true // し|なく|て, し|たく|ない — not 予定が|ない
		}
	}
	if negated && askingInTheNegative(k) {
		return Plain
	}
	if negated {
		return Negated
	}
	return Plain
}

// afterVerb reports whether a word of part of speech pos ends a verb
// phrase, which a following ない negates.
func afterVerb(pos string) bool { return pos == "動詞" || pos == "助動詞" }

// hedgeMarks are the normalised words that put a request in doubt or in a
// supposition.
var hedgeMarks = []string{"迷っ", "迷い", "悩ん", "悩み", "考え中", "検討中", "どうしよう", "かどうか", "するか", "しようかな", "かもしれ", "もし", "仮に", "したら", "たらどうなる", "たら どうなる", "とどうなる", "と どうなる", "ばどうなる"}

// askingInTheNegative reports whether a negated text asks for something
// politely (話せませんか, いただけないでしょうか, もらえないかな).
func askingInTheNegative(k string) bool {
	k = strings.TrimRight(k, "?？!！ 。…〜~ー")
	for _, end := range []string{"ませんか", "ないですか", "ないでしょうか", "ないか", "ないかな", "なくない", "ませんかね", "ないっすか"} {
		if strings.HasSuffix(k, end) {
			return true
		}
	}
	return false
}
