package faq

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// benchWords are topics mixed into synthetic entries so that 1,000 of them
// differ from each other as a real knowledge base would.
var benchWords = []string{
	"インターン", "本選考", "説明会", "面接", "書類選考", "適性検査", "内定式", "入社式",
	"新卒", "中途", "エンジニア", "営業", "デザイナー", "総務", "経理", "人事",
	"札幌", "東京", "大阪", "福岡", "仙台", "旭川", "釧路", "網走",
	"社宅", "寮", "家賃補助", "交通費", "残業", "休日", "有給", "育休",
	"研修", "資格", "勉強会", "副業", "服装", "髪型", "評価", "昇給",
	"プログラミング", "クラウド", "セキュリティ", "ネットワーク", "データ分析", "AI", "CRM", "Zoho",
	"オンライン", "オフィス", "サテライト", "出張", "転勤", "異動", "留学生", "文系",
}

// benchIndexFAQs makes n entries from the real ones (or the inline sample
// when faqfile/default.yaml does not exist yet), each mixed with topics.
func benchIndexFAQs(n int) (base, out []FAQ) {
	base, err := readDefaultFAQs()
	if err != nil {
		base = sampleFAQs()
	}
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string { return benchWords[rng.IntN(len(benchWords))] }
	for i := range n {
		f := base[i%len(base)]
		w1, w2 := word(), word()
		alts := []string{w1 + "の" + f.Question}
		for _, a := range f.Alternatives {
			alts = append(alts, w2+"で"+a)
		}
		out = append(out, FAQ{
			ID:           fmt.Sprintf("%s-%d", f.ID, i),
			Question:     w1 + "と" + w2 + "について: " + f.Question,
			Alternatives: alts,
			Keywords:     append([]string{w1, w2 + "の" + w1}, f.Keywords...),
			Answer:       w1 + "については、" + f.Answer,
			Enabled:      true,
		})
	}
	return base, out
}

// benchQuestions are varied questions: rephrased entries, typos and
// questions about something else.
func benchQuestions(base []FAQ) []string {
	qs := []string{
		"研修って何ヶ月？", "ﾘﾓｰﾄﾜｰｸできる？", "応募方法を知りたいです😊", "北見の冬って寒い？",
		"鮭の塩焼きのレシピ", "東京の人口は？", "給料はいくら？", "けんしゅうきかんは",
		"札幌のインターンの面接はオンラインですか", "", "ZohoCRMってなに",
	}
	for _, f := range base {
		qs = append(qs, f.Question)
		for _, a := range f.Alternatives {
			qs = append(qs, "あの、"+a+"？")
		}
	}
	return qs
}

func BenchmarkMatch1000(b *testing.B) {
	base, faqs := benchIndexFAQs(1000)
	ix := NewIndex(faqs)
	qs := benchQuestions(base)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		ix.Match(qs[i%len(qs)])
	}
}

func BenchmarkNewIndex1000(b *testing.B) {
	_, faqs := benchIndexFAQs(1000)
	NewIndex(faqs[:1]) // load the dictionary, which happens once per process
	b.ReportAllocs()
	for b.Loop() {
		NewIndex(faqs)
	}
}

func BenchmarkMatchDefault(b *testing.B) {
	base, err := readDefaultFAQs()
	if err != nil {
		b.Fatal(err)
	}
	ix := NewIndex(base)
	qs := benchQuestions(base)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		ix.Match(qs[i%len(qs)])
	}
}

// BenchmarkMatchEnglish1000 is BenchmarkMatch1000 for questions written in
// English, which are put into Japanese before they are matched.
func BenchmarkMatchEnglish1000(b *testing.B) {
	_, faqs := benchIndexFAQs(1000)
	ix := NewIndex(faqs)
	qs := []string{
		"how long is the training and where is it?", "I'd like to talk to someone from HR, please",
		"do i need programming experience to join?", "when can I go back to Kitami after the training",
		"is there an office in kitami? how do people get there", "what's the salary like, and are there benefits?",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		ix.Match(qs[i%len(qs)])
	}
}
