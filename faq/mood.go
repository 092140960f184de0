package faq

import "strings"

// Mood is how a message holds what it says about doing something: plainly
// (応募したいです), negated (まだ応募はしないです), in doubt (応募するか
// 迷ってます, もし応募したら) or asked about (応募状況ってどこで確認できますか).
// A request is a request only when plain.
type Mood int

// The moods of a message.
const (
	Plain   Mood = iota // says it
	Negated             // says it is not so, or not wanted
	Hedged              // wonders, hesitates, supposes
	Asked               // asks whether it is needed, or how or where it is done
)

// String names the mood in lower case.
func (m Mood) String() string {
	switch m {
	case Negated:
		return "negated"
	case Hedged:
		return "hedged"
	case Asked:
		return "asked"
	}
	return "plain"
}

// MoodOf analyses text (a short message or one clause of one) with the
// analyser the matcher uses and tells its mood. 「まだです」 (not yet)
// negates. A negative question that
// asks for something (話せませんか, もらえないですか) is plain: Japanese asks
// politely in the negative. So is saying what one does not know
// (使い方がわかりません, どうやって使えばいいかわからない): it asks to be
// told; but not knowing whether (応募したいかわからない) is a doubt.
func MoodOf(text string) Mood {
	k := strings.TrimSpace(cutBoilerplate(normalizeKeepKana(text))) // すみません negates nothing
	for _, not := range []string{"じゃなくて", "ではなくて", "でなくて", "じゃなく", "ではなく", "でなく"} {
		if i := strings.LastIndex(k, not); i >= 0 {
			k = k[i+len(not):] // 「ボットじゃなくて人がいい」 asks for what follows
			break
		}
	}
	if k == "" {
		return Plain
	}
	if hedged(k) {
		return Hedged
	}
	if asksAboutDoing(text, k) {
		return Asked
	}
	if notYet(text, k) {
		return Negated
	}
	return moodOfWords(text, k)
}

// notYet reports whether text, normalised k, says that something is not
// so yet (応募はまだです), which negates it: put as a question (結果まだ？)
// it asks instead.
func notYet(text, k string) bool {
	if isQuestionForm(text, k) {
		return false
	}
	for _, end := range []string{"まだ", "まだです", "まだだ", "まだだよ", "まだですよ", "まだですね", "まだっす", "まだなんです"} {
		if strings.HasSuffix(k, end) {
			return true
		}
	}
	return false
}

// moodOfWords tells the mood of text, normalised k, from its words: a
// hesitating verb hedges it, a negation negates it, unless it negates a
// verb of knowing (see MoodOf) or asks politely in the negative.
func moodOfWords(text, k string) Mood {
	la := latticePool.Get().(*wordLattice)
	defer latticePool.Put(la)
	d := ipaDictionary()
	toks := la.tokenize(k)
	negated, interrogative := false, false
	kana := onlyHiraganaText(k)
	verb := -1 // the last verb's index
	for i, tok := range toks {
		pos, base := d.field(tok, 0), d.field(tok, 6)
		switch {
		case isInterrogative(pos, base) && pos != "動詞":
			interrogative = true
		case pos == "動詞" && (base == "迷う" || base == "悩む" || base == "ためらう"):
			return Hedged
		case pos == "助動詞" && tok.surface == "なら" && i > 0 && afterVerb(d.field(toks[i-1], 0)):
			return Hedged // 話すなら, 応募したいなら: supposed, like 〜したら
		case pos == "動詞":
			verb = i
		case kana && contentsInKana(toks, i):
			// ないよう in hiragana alone is 内容 (よやくしたないようかくにんしたい)
		case pos == "助動詞" && (base == "ない" || base == "ぬ" || base == "ん"):
			if tok.surface == "ん" && kana && (i == 0 || toks[i-1].surface != "ませ") {
				break // in hiragana alone, the ん of a word cut amiss (すたっ・ふさ・ん, さ・ん・か)
			}
			if tok.surface == "ん" && i > 0 && d.field(toks[i-1], 5) == "基本形" {
				break // the の of 何ができるん？, あるんでしたっけ: a negation follows 未然形 (できん)
			}
			if verb < 0 || !knowingVerb(d.field(toks[verb], 6)) {
				negated = true
				break
			}
			if verb > 0 && toks[verb-1].surface == "か" && !interrogative {
				return Hedged // 応募したいかわからない: whether is in doubt
			}
		case pos == "形容詞" && base == "ない" && i > 0 && afterVerb(d.field(toks[i-1], 0)):
			negated = true // し|なく|て, し|たく|ない — not 予定が|ない
		case tok.surface == "不要":
			negated = true // 予約の変更は不要です: no change is wanted
		case pos == "形容詞" && base == "ない" && needBefore(toks, i):
			negated = true // 担当者は必要ないです: no one is wanted
		}
	}
	if negated && askingInTheNegative(text, k) {
		return Plain
	}
	if negated {
		return Negated
	}
	return Plain
}

// needBefore reports whether the ない at toks[i] follows 必要, with or
// without a particle between (必要ない, 必要はない).
func needBefore(toks []morph, i int) bool {
	j := i - 1
	if j > 0 && (toks[j].surface == "は" || toks[j].surface == "も" || toks[j].surface == "が") {
		j--
	}
	return j >= 0 && toks[j].surface == "必要"
}

// contentsInKana reports whether toks[i] is the ない of ないよう, the word
// 内容 in hiragana, rather than a negation: not ないように, ないような or
// ないようです.
func contentsInKana(toks []morph, i int) bool {
	if toks[i].surface != "ない" || i+1 >= len(toks) || !strings.HasPrefix(toks[i+1].surface, "よう") {
		return false
	}
	after := toks[i+1].surface[len("よう"):]
	if after == "" && i+2 < len(toks) {
		after = toks[i+2].surface
	}
	return !strings.HasPrefix(after, "に") && !strings.HasPrefix(after, "な") && !strings.HasPrefix(after, "で")
}

// knowingVerb reports whether base is a verb of knowing, whose negation
// (わからない, 知らない) says what one lacks rather than refuses anything.
func knowingVerb(base string) bool {
	switch base {
	case "わかる", "分かる", "判る", "解る", "知る":
		return true
	}
	return false
}

// afterVerb reports whether a word of part of speech pos ends a verb
// phrase, which a following ない negates.
func afterVerb(pos string) bool { return pos == "動詞" || pos == "助動詞" }

// hedgeMarks are the normalised words that put a request in doubt or in a
// supposition.
var hedgeMarks = []string{"迷っ", "迷い", "悩ん", "悩み", "考え中", "検討中", "考えます", "考えてみます", "どうしよ", "ほうがいいのかな", "ほうが いいのかな", "かどうか", "するか", "くかは", "るかは", "うかは", "むかは", "ぶかは", "しようかな", "かもしれ", "たいかも", "たい かも", "もし", "仮に", "したら", "たらどうな", "たら どうな", "とどうな", "と どうな", "ばどうな"}

// hedged reports whether normalised text k holds a hedge mark, other than
// an embedded question that is asked (通ったかどうか知りたい).
func hedged(k string) bool {
	for _, h := range hedgeMarks {
		for from := 0; ; {
			i := strings.Index(k[from:], h)
			if i < 0 {
				break
			}
			from += i + len(h)
			if h == "したら" && hasAnyPrefix(strings.TrimLeft(k[from:], " "), "いい", "よい", "良い") {
				continue // どう操作したらいいか教えて asks how, it supposes nothing
			}
			if !strings.HasSuffix(h, "か") && !strings.HasSuffix(h, "かは") || !AsksToKnow(k[from:]) {
				return true
			}
		}
	}
	return false
}

// AsksToKnow reports whether s, the words that follow an embedded
// question (〜かどうか, 〜するか), ask to be told its answer: 「通ったか
// どうか知りたい」 and 「届いているか確認したい」 ask, where 「応募するか
// どうか迷う」 hesitates. s may be raw or normalised.
func AsksToKnow(s string) bool {
	s = strings.TrimLeft(normalizeKeepKana(s), "をがはも ")
	for _, v := range knowingAsks {
		if strings.HasPrefix(s, v) {
			return true
		}
	}
	return false
}

// knowingAsks are the normalised words with which a student asks to know
// something.
var knowingAsks = []string{"知りた", "しりた", "知らせ", "しらせ", "教え", "おしえ", "確認", "かくにん", "確かめ", "たしかめ", "見たい", "みたい", "見せ", "みせ", "聞きたい", "ききたい", "調べ", "しらべ"}

// askMarks are the normalised words with which a question asks about
// doing something rather than do it: whether it is needed or advised
// (〜すればいいですか), and how or where it is done.
var askMarks = []string{"必要", "どこで", "どこから", "どこに", "どこを", "どうやって", "どうすれば", "どうしたら", "どのように", "どのよう", "方法", "仕方", "やり方", "手順", "ばいい", "ばよい", "たらいい"}

// asksAboutDoing reports whether text, normalised k, is a question about
// doing something (担当者と話す必要ってありますか, 選考状況ってどこで確認
// できるんですか) rather than a request to do it.
func asksAboutDoing(text, k string) bool {
	if !isQuestionForm(text, k) {
		return false
	}
	for _, m := range askMarks {
		if strings.Contains(k, m) {
			return true
		}
	}
	return false
}

// isQuestionForm reports whether text, normalised k, is put as a
// question: with a question mark, a question ending, or asking to be told.
func isQuestionForm(text, k string) bool {
	if strings.ContainsAny(text, "?？") {
		return true
	}
	for _, end := range []string{"か", "の", "かな", "かね", "っけ"} {
		if strings.HasSuffix(k, end) {
			return true
		}
	}
	return strings.Contains(k, "教え") || strings.Contains(k, "知りた")
}

// askingInTheNegative reports whether a negated text asks for something
// politely (話せませんか, いただけないでしょうか, もらえないかな), or asks
// whether it can be done with a question mark (来週にできない？).
func askingInTheNegative(text, k string) bool {
	asked := strings.ContainsAny(text, "?？")
	k = strings.TrimRight(k, "?？!！ 。…〜~ー")
	if !asked && strings.HasSuffix(k, "しないかな") {
		return false // 応募はまだしないかな says what one will not do
	}
	if asked && hasAnySuffix(k, "できない", "くれない", "もらえない", "られない") {
		return true
	}
	for _, end := range []string{"ませんか", "ないですか", "ないでしょうか", "ないか", "ないかな", "なくない", "ませんかね", "ないっすか",
		"ないかい", "んかね", "んかの", "くれん", "くれんね", "くれんか", "くれへん", "くれへんか", "もらえん", "もらえんか", "もらえへん", "もらえへんか"} { // 北海道, 博多, 関西
		if strings.HasSuffix(k, end) {
			return true
		}
	}
	return false
}

// hasAnySuffix reports whether s ends with any of suffixes.
func hasAnySuffix(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// hasAnyPrefix reports whether s starts with any of prefixes.
func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
