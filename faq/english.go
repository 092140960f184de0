package faq

import (
	"sort"
	"strings"
)

// English returns text with the English words and phrases students mix
// into a question (no IT experience でも平気？, remote workメインですか？,
// How do I apply?) written as Japanese says them, and whether any was:
// the entries are written in Japanese, and a question that says part of
// itself in English should reach them all the same. Only the phrases of
// englishPhrases are taken, whole words in any case; other Latin words
// (Zoho, CRM) stay as they are.
func English(text string) (string, bool) {
	if !strings.ContainsFunc(text, isLatinLetter) {
		return text, false
	}
	if ja, ok := EnglishSentence(text); ok {
		return ja, true
	}
	lower := asciiLower(text) // the same length as text, byte for byte
	var b strings.Builder
	changed := false
	for i := 0; i < len(text); {
		if p, ok := englishAt(lower, i); ok {
			b.WriteString(englishPhrases[p])
			i += len(p)
			changed = true
			continue
		}
		b.WriteByte(text[i])
		i++
	}
	if !changed {
		return text, false
	}
	return b.String(), true
}

// asciiLower returns s with its ASCII capitals in lower case and every
// other byte as it is, so that an index into s is one into the result
// (strings.ToLower may change the length of other letters: K, İ).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// englishAt returns the longest phrase of englishPhrases that starts at
// byte i of lower as whole words.
func englishAt(lower string, i int) (string, bool) {
	if i > 0 && isLatinLetter(rune(lower[i-1])) {
		return "", false
	}
	for _, p := range englishByLength {
		if strings.HasPrefix(lower[i:], p) && (i+len(p) == len(lower) || !isLatinLetter(rune(lower[i+len(p)]))) {
			return p, true
		}
	}
	return "", false
}

// isLatinLetter reports whether r is a letter of the Latin alphabet, in
// lower or upper case.
func isLatinLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// EnglishSentence returns text, when it is written in English (I'd like
// to talk to someone from HR), as Japanese would say it (誰かと人事から話し
// たいです), and whether it is; text with only a word or two of English in
// it is not (see English for those). The bot reads requests made in
// English so with the rules it reads Japanese by.
// A message in romaji (oubo shitai) is not English, unless every word of
// it is one of englishLexicon's (nope, no thanks); nor is one that is
// romaji for the most part, with an English word in it (kono program wo
// hajimeta no).
func EnglishSentence(text string) (string, bool) {
	if _, ok := Romaji(text); ok && !allEnglishWords(text) || mostlyRomaji(text) {
		return "", false
	}
	return englishSentence(text)
}

// englishPhrases are the English that students mix into questions, in
// lower case, with the Japanese the entries say it in. A phrase is taken
// before the words it holds (how do i apply before apply).
var englishPhrases = map[string]string{
	"what is the sake model": "サケモデルとは", "what's the sake model": "サケモデルとは", "what is sake model": "サケモデルとは",
	"why is it called": "なぜこの名前", "why the name": "なぜこの名前",
	"how do i apply": "応募方法", "how can i apply": "応募方法", "how to apply": "応募方法", "who can apply": "誰が応募できる",
	"no it experience": "IT未経験", "no experience": "未経験", "without experience": "未経験", "no programming experience": "プログラミング未経験",
	"it experience": "IT経験", "experience": "経験",
	"remote work": "テレワーク", "work from home": "テレワーク", "wfh": "テレワーク", "telework": "テレワーク", "remote": "リモート",
	"hybrid": "出社と在宅", "sake model": "サケモデル",
	"training": "研修", "interview": "面接", "internship": "インターンシップ", "deadline": "締め切り",
	"holiday": "休日", "holidays": "休日", "vacation": "休暇", "days off": "休日",
	"housing": "住まい", "dorm": "寮", "apartment": "部屋", "overtime": "残業", "working hours": "勤務時間", "work hours": "勤務時間",
	"pay": "給料", "benefits": "福利厚生", "selection process": "選考の流れ",
	"info session": "説明会", "information session": "説明会", "seminar": "説明会",
	"company": "会社", "job": "仕事", "commute": "通勤", "meeting": "ミーティング", "meetings": "ミーティング",
	"team": "チーム", "career": "キャリア", "sightseeing": "観光", "nature": "自然",
	"winter": "冬", "cold": "寒い", "snow": "雪", "tokyo": "東京", "kitami": "北見",
	"when": "いつ", "where": "どこ", "how long": "どのくらい", "why": "なぜ",
	"why did": "なぜ", "this program": "この制度", "program": "制度", "start": "始める", "other universities": "他の大学",
	"students": "学生", "student": "学生", "right away": "すぐ", "vision": "ビジョン", "regional revitalization": "地方創生",
	"hiking": "ハイキング", "very": "", "company briefing session": "会社説明会", "briefing session": "説明会",
	"application": "応募", "how many people": "何人", "hire": "採用", "will": "", "possible": "可能", "how was it": "どうだった",
	"first member": "第1号", "teammates": "チームメンバー",
	"teammate": "チームメンバー", "branch manager": "支部長", "recommended": "おすすめ", "spot": "スポット", "near": "近く", "what do we learn": "何を学ぶ", "what will i learn": "何を学ぶ", "learn": "学ぶ", "what kind of company": "どんな会社",
	"what kind of": "どんな", "employees": "社員", "employee": "社員", "other prefectures": "他の県", "other regions": "他の地域",
	"go to the office": "出社", "how cold": "どのくらい寒い", "team members": "チームメンバー", "members": "メンバー",
	"online": "オンライン", "face to face": "対面", "in person": "対面", "relation": "関係", "relationship": "関係",
	"coding": "コーディング", "go back": "戻る", "come back": "戻る", "life": "生活", "living": "生活",
	"is it ok": "大丈夫", "sake": "サケ", "city": "市",
	"what": "何", "how": "どう", "who": "誰", "can": "できる", "need": "必要", "must": "必要", "have to": "必要",
	"work": "働く", "working": "働く", "study": "勉強", "live": "住む", "stay": "滞在", "go": "行く",
	// words that say nothing the entries say, left out
	"i": "", "we": "", "you": "", "my": "", "me": "", "the": "", "a": "", "an": "", "to": "", "in": "", "of": "", "for": "",
	"and": "", "or": "", "do": "", "does": "", "is": "", "are": "", "there": "", "any": "", "at": "", "after": "", "during": "",
	"people": "", "from": "", "home": "在宅",
}

// englishByLength is the phrases of englishPhrases, longest first.
var englishByLength = func() []string {
	out := make([]string, 0, len(englishPhrases))
	for p := range englishPhrases {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) || len(out[i]) == len(out[j]) && out[i] < out[j] })
	return out
}()
