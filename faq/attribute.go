package faq

import (
	"slices"
	"strings"
)

// attribute is a particular fact a question can ask for about whatever it
// names (a person's age, a company's founding year, a price), told by cue
// words in the question. An entry can state it only if its own text holds
// one of the evidence words. A question that asks for such a fact is
// close to the entry about its subject (「R・Mさんって何歳？」 and the entry
// on the first member share everything but the age), so the score alone
// would answer it with a fact it did not ask for.
type attribute struct {
	name string
	// cues in the question tell that it asks for the fact; a cue of words
	// joined by "+" needs them all (今日+天気: today's weather, where
	// 天気 alone may ask what winters are like).
	cues     []string
	unless   []string // in the question: it asks about the entry's subject after all
	evidence []string // in an entry's text: the entry can state it
	// cueWords are cues normalised and split at "+", made once by
	// normalizeAttributes.
	cueWords [][]string
}

// attributes are the facts a student asks for that an entry about the
// subject may well not state. Cues and evidence are matched on normalised
// text (Normalize), as substrings.
var attributes = normalizeAttributes(append([]attribute{
	{name: "age",
		cues:     []string{"何歳", "何才", "年齢", "歳いくつ", "いくつですか", "年はいくつ"},
		evidence: []string{"歳", "才", "年齢"}},
	{name: "visa",
		cues:     []string{"ビザ", "在留資格", "就労資格"},
		evidence: []string{"ビザ", "在留資格"}},
	{name: "real name",
		cues:     []string{"本名", "フルネーム", "氏名"},
		evidence: []string{"本名", "氏名", "フルネーム"}},
	{name: "marriage",
		cues:     []string{"結婚", "既婚", "独身", "彼女いる", "彼氏いる", "恋人"},
		evidence: []string{"結婚", "既婚", "独身", "恋人"}},
	{name: "founding",
		cues:     []string{"設立", "創業", "創立", "何年目の会社", "何年にでき", "いつできた", "いつでき+の"},
		evidence: []string{"設立", "創業", "創立"}},
	{name: "finance",
		cues:     []string{"株価", "売上", "売り上げ", "資本金", "上場", "時価総額", "利益"},
		evidence: []string{"株価", "売上", "資本金", "上場", "利益"}},
	{name: "population",
		cues: []string{"人口+何人", "人口+何万", "人口+どれくらい", "人口+どのくらい", "人口+どれぐらい", "人口+どんくらい",
			"人口+いくつ", "人口+規模", "人口+多い", "人口+少ない", "人口は", "人口って何", "の人口"},
		unless:   []string{"人口流出", "人口減"},
		evidence: []string{"万人", "人口は"}},
	{name: "price",
		cues:     []string{"料金", "値段", "無料", "有料", "費用", "ライセンス料", "入館料", "入場料", "拝観料", "いくらかか", "いくらくらいかか"},
		evidence: []string{"料金", "値段", "無料", "有料", "費用", "円"}},
	{name: "current weather",
		cues: []string{"天気予報", "今日+気温", "今日+天気", "今日+雪", "明日+気温", "明日+天気", "明日+雪", "今週+気温", "今週+天気", "今週+雪", "現在+気温", "今の気温",
			"今の+何度", "今って何度", "今何度", "現在+何度", "今日+何度", "明日+何度", "今北見って", "今北見何度", "今北見は", "今の北見って", "今の北見は", "今って雪", "今雪降"},
		evidence: []string{"天気予報", "現在の気温"}},
	{name: "name",
		cues:     []string{"名前は", "名前って", "名前を", "名前教", "の名前", "何さん", "なんて人", "なんという人"},
		evidence: []string{"名前", "さん", "氏"}},
	{name: "president",
		cues:     []string{"社長", "代表取締役", "ceo", "市長"},
		evidence: []string{"社長", "代表取締役", "ceo", "市長"}},
	{name: "opening hours",
		cues:     []string{"開館時間", "営業時間", "開園時間", "閉館", "休館日", "定休日", "何時から開", "何時まで開"},
		evidence: []string{"開館", "営業時間", "休館", "定休"}},
	{name: "contact",
		cues: []string{"連絡先", "電話番号", "メアド", "メールアドレス", "インスタ", "ツイッター", "twitter", "sns",
			"アカウント教", "lineのid", "line id"},
		evidence: []string{"連絡先", "電話番号", "メールアドレス", "アカウント"}},
	{name: "abbreviation",
		cues:     []string{"何の略", "なんの略", "略称", "正式名称", "語源"},
		evidence: []string{"略", "正式名称", "語源"}},
	{name: "headcount",
		cues:     []string{"何人いる", "何人います", "何人くらいいる", "何人ぐらいいる", "何人くらいいま", "何人ぐらいいま", "社員数", "従業員数", "何人で働", "何人働"},
		evidence: []string{"社員数", "従業員数", "名在籍", "人在籍"}},
	{name: "transport", // how to get somewhere by a public means (知床までバスで行けますか)
		cues:     []string{"バスで", "電車で", "jrで", "列車で", "汽車で", "高速バス"},
		evidence: []string{"バス", "電車", "jr", "列車"}},
	{name: "family",
		cues:     []string{"家族構成", "何人家族", "兄弟", "奥さん", "旦那さん", "子供いる", "子どもいる", "お子さん"},
		evidence: []string{"家族構成", "兄弟", "子供", "子ども"}},
	{name: "later members", // the article tells of the first member only
		cues:     []string{"第2号", "第二号", "2号さん", "二号さん", "2号って", "2号は", "2人目", "二人目", "第3号", "3号さん"},
		evidence: []string{"第2号", "第二号", "2人目", "二人目"}},
	{name: "salmon's life", // the fish, not the program named after it
		cues: []string{"鮭+何年", "鮭+仕組み", "鮭+どうやって", "鮭+科学", "鮭+寿命", "鮭+種類", "鮭+食べ", "鮭+釣", "鮭+旬",
			"産卵", "遡上", "生まれた川+どうやって", "生まれた川+何年", "生まれた川+仕組み", "生まれた川+科学",
			"生まれた川+なんで", "生まれた川+なぜ", "生まれた川+どうして"},
		unless:   []string{"モデル", "名前", "由来", "名付", "意味", "ネーミング"},
		evidence: []string{"産卵", "遡上", "生態"}},
	{name: "other jobs", // part-time jobs and other employers in town, not this one
		cues:     []string{"バイト+探", "いいバイト", "バイトない", "バイトある", "バイト先", "時給", "地元企業+おすすめ", "地元企業+ある"},
		unless:   []string{"サケモデル", "応募"},
		evidence: []string{"バイト", "地元企業", "時給"}},
	{name: "summer weather", // the article gives a winter's day only
		cues:     []string{"夏+何度", "夏+気温", "夏+暑い", "夏+あつい"},
		evidence: []string{"夏の気温", "夏は暑"}},
	{name: "place", // where a place named in passing lies, what kind of town it is
		cues:     []string{"どんな町", "どんな街", "どんなまち", "どんなとこ", "どういうとこ", "どこにある", "どの辺にある", "どのへんにある", "どこら辺にある", "どこらへんにある"},
		evidence: []string{"位置", "にある", "にあり", "拠点", "所在地", "街です", "町です", "市内", "ページ", "url"}},
	{name: "ratio", // a share the article never gives (何割が市外に就職)
		cues:     []string{"何割", "何パーセント", "何人に1人", "何人に一人"}, // not 割合: テレワークと出社の割合 the days answer
		evidence: []string{"パーセント", "割合", "割が", "割の"}},
	{name: "record", // a record the article never gives (最低気温の記録)
		cues:     []string{"記録", "観測史上", "過去最低", "過去最高", "史上最"},
		evidence: []string{"記録", "観測史上"}},
	{name: "departments", // the university's departments, or one person's (R・Mさんって何学科？)
		cues:     []string{"何学科", "何学部", "どんな学科", "どんな学部", "学科ある", "学部ある", "学科があ", "学部があ", "何専攻", "専攻は何", "専攻って何"},
		unless:   []string{"応募", "でも", "対象", "大丈夫", "ok", "可能", "できる", "できま", "不利", "関係", "経歴"},
		evidence: []string{"学科があり", "学部があり", "工学部", "学科出身", "学科卒", "を専攻"}},
	{name: "other companies", // the article tells of one company taking part
		cues: []string{"やってる会社ある", "やっている会社ある", "やってる会社は他", "やってる会社って", "他の会社", "ほかの会社", "他社",
			"別の会社", "他の企業", "ほかの企業", "参加してる会社", "参加している会社", "参加企業", "導入してる会社", "導入している会社", "導入企業",
			"参加してる企業", "参加している企業", "以外に+会社", "以外に+企業", "ほかのit企業", "他のit企業", "ほかにit企業", "他にit企業"},
		unless:   []string{"就職", "内定", "併願", "比べ", "違い", "ちがい", "応募", "働いて", "勤めて"},
		evidence: []string{"他社", "他の企業", "ほかの企業", "参加企業"}},
	{name: "company name", // where the company's own name comes from
		cues:     []string{"社名+由来", "社名+意味", "社名って", "会社名+由来", "会社名+意味", "zooops+由来", "ズープス+由来"},
		evidence: []string{"社名"}},
	{name: "rush hour", // the trains of Tokyo at large, not the first member's first ride
		cues:     []string{"ピーク", "混む時間", "混雑する時間", "空いてる時間", "空いている時間", "座るコツ", "座れる", "座れま", "何時が一番", "何時がいちばん", "何時が混"},
		evidence: []string{"ピーク", "混雑する時間"}},
	{name: "head count",
		cues:     []string{"社員数", "従業員数", "何社", "社員は何人", "社員って何人", "社員何人"},
		evidence: []string{"社員数", "従業員", "名の社員", "人の社員"}},
	{name: "certification", // a qualification or an exam, not the conditions to apply
		cues:     []string{"資格って", "資格は", "資格ある", "資格あり", "資格取", "検定", "試験の難易度", "試験って難し", "試験+難易度"},
		unless:   []string{"応募資格", "応募", "必要", "筆記", "選考", "面接", "適性"},
		evidence: []string{"資格取得", "検定", "難易度"}},
	{name: "history", // the history of a place named in passing
		cues:     []string{"刑務所", "歴史", "昔は", "昔ほんと", "昔本当", "いつからある"},
		unless:   []string{"サケモデル", "鮭", "名前"},
		evidence: []string{"刑務所", "歴史", "年前", "明治"}},
	{name: "tips", // how to get by in Tokyo at large
		cues:     []string{"コツ"},
		evidence: []string{"コツ"}},
	{name: "the bot itself",
		cues:     []string{"君の名前", "きみの名前", "あなたの名前", "ボットの名前", "あなたは誰", "君は誰"},
		evidence: []string{"ボット"}},
	{name: "wildlife",
		cues:     []string{"熊", "クマ", "ヒグマ", "キツネ", "エゾシカ", "野生動物"},
		evidence: []string{"熊", "クマ", "ヒグマ", "野生動物"}},
	{name: "souvenirs",
		cues:     []string{"お土産", "おみやげ", "土産"},
		evidence: []string{"土産", "おみやげ"}},
	{name: "fares",
		cues:     []string{"バス代", "電車代", "運賃", "定期代", "月額", "年額", "価格"},
		evidence: []string{"円", "運賃", "月額"}},
	{name: "when agreed", // the article gives no date for the agreement
		cues:     []string{"いつ結", "いつ締結", "締結日", "何年に結", "協定+いつ"},
		evidence: []string{"締結", "年に結"}},
	{name: "maker", // who makes the software named in passing
		cues:     []string{"どこの国", "どこの会社が作", "開発元", "作ってる会社", "作っている会社", "使い方を教", "使い方教"},
		evidence: []string{"開発元", "の会社が作", "使い方"}},
}, countedAttributes()...))

// counters are the units a question counts in (何分, 何階, 何時間): an
// entry states such a count only if it gives a number in that unit.
var counters = []string{"分", "階", "キロ", "メートル", "円", "台", "回", "時間", "日", "年", "人", "ヶ月", "か月", "カ月", "度", "万", "週", "名"}

// countedAttributes are the attributes that ask for a count in one of
// counters (網走監獄まで北見からバスで何分？): told by 何 and the unit, and
// stated only by an entry that has a numeral before it. 何度も and the like
// count nothing (何度も聞いてすみません), nor does a school year (何年生).
func countedAttributes() []attribute {
	var out []attribute
	for _, c := range counters {
		a := attribute{name: "count of " + c, cues: []string{"何" + c}, unless: []string{"何" + c + "も", "何年生"}}
		for _, n := range "0123456789一二三四五六七八九十半数" {
			a.evidence = append(a.evidence, string(n)+c)
		}
		out = append(out, a)
	}
	return out
}

// normalizeAttributes normalises the words of attrs as questions are.
func normalizeAttributes(attrs []attribute) []attribute {
	for i := range attrs {
		for _, w := range attrs[i].cues {
			words := strings.Split(w, "+")
			for k := range words {
				words[k] = mustNormalize(words[k])
			}
			attrs[i].cueWords = append(attrs[i].cueWords, words)
		}
		for j, w := range attrs[i].evidence {
			attrs[i].evidence[j] = mustNormalize(w)
		}
		for j, w := range attrs[i].unless {
			attrs[i].unless[j] = mustNormalize(w)
		}
	}
	return attrs
}

// mustNormalize is Normalize for a word of the attributes, which must
// keep something: a word of symbols alone (％) would be found in every
// text.
func mustNormalize(w string) string {
	n := Normalize(w)
	if n == "" {
		panic("faq: attribute word " + w + " normalises to nothing")
	}
	return n
}

// askedAttributes returns the attributes a normalised question asks for.
func askedAttributes(normalized string) []*attribute {
	var out []*attribute
	for i := range attributes {
		if containsAny(normalized, attributes[i].unless) {
			continue
		}
		if slices.ContainsFunc(attributes[i].cueWords, func(words []string) bool { return containsAll(normalized, words) }) {
			out = append(out, &attributes[i])
		}
	}
	return out
}

// states reports whether an entry's normalised text can state a.
func (a *attribute) states(entryText string) bool { return containsAny(entryText, a.evidence) }

// containsAll reports whether s holds every one of words.
func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// statesAll reports whether an entry's normalised text can state every
// attribute asked.
func statesAll(asked []*attribute, entryText string) bool {
	for _, a := range asked {
		if !a.states(entryText) {
			return false
		}
	}
	return true
}

// entryText is the normalised text of an entry, all of it, for the
// attributes' evidence.
func entryText(f FAQ) string { return Normalize(strings.Join(entryTexts(f), "\n")) }
