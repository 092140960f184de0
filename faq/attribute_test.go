package faq

import "testing"

// TestFactsTheEntryDoesNotState: a question about an entry's subject that
// asks for a fact the entry does not hold (an age, a founding year, a
// price) is not answered with that entry; it is offered as a choice. The
// entry that says it cannot state such things (OfferPerson) still
// answers, and questions that ask nothing of the kind are unchanged.
func TestFactsTheEntryDoesNotState(t *testing.T) {
	ix := NewIndex(loadDefaultFAQs(t), loadDefaultConcepts(t)...)
	expectNotAnswered(t, ix, "it asks for a fact the entry does not state",
		"サケモデル第1号の方はおいくつですか？年齢を知りたいです",
		"第一号のR・Mさんって結婚されてますか",
		"Zooops Japanの資本金はどれくらい？",
		"ズープスジャパンって創業何年ですか",
		"Zohoのライセンス料金っていくらかかるの？",
		"明日の北見の天気を教えて",
		"工大生の何割くらいが道外に就職するの？",        // a share the article never gives
		"北見にサテライトオフィスを借りるといくらかかりますか", // a cost
		"北見って今の気温何度？",
		"北見って人口何人くらい？",
		"網走の人口",
		"Zooops Japanの社長は誰？",
		"福島のサポートエンジニアの人の名前は？",
		"網走監獄って何時まで開いてますか",
		"ビザのサポートはしてもらえますか", // the article says nothing of visas
		"博物館網走監獄の入館料はいくら？",
		"サテライトオフィスっていつできたの？",
		"第1号の方のインスタ教えてください",
		"Zoho CRMのCRMって何の略ですか",
		"鮭はどうやって生まれた川を見つけるんですか",
		"鮭の産卵っていつ頃？",
		"第1号の方って兄弟いるんですか",
		"サケモデルの2人目ってもういるんですか？",
		"石巻ってどこにあるんですか",
		"北見で時給のいいバイトってありますか",
		"北見の夏って何度くらいまで上がるの？",
		"北見の冬の過去最低気温ってマイナス何度？", // a record
		"R・Mさんって何学科だったの？",      // a department
		"北見工大にはどんな学科がありますか",
		"札幌でもサケモデルやってる会社ある？", // other companies
		"社名の由来は？",            // the company's name
		"東京の満員電車って何時がピーク？",   // rush hour at large
		"福島ってどんなとこ？",         // a place named in passing
		"今の北見って何度？",
		"網走監獄まで北見からバスで何分？", // a count in a unit the entry gives no number in
		"サテライトオフィスって何階にあるの？",
		"知床ってヒグマ出ますか", // wildlife
		"Zoho CRMってどこの国の会社？",
		"ZohoCRMの資格って取ったほうがいい？", // a certification
		"今って北見は雪降ってますか",         // the weather now
		"きみの名前は？",               // the bot itself
		"ズープス以外にサケモデルに参加してる企業は？",
		"石巻ってどこ？",         // where a place is, which the entry on members elsewhere does not say
		"北見支部って今何人いるの？",   // a headcount
		"知床までバスで行けますか？",   // a bus the entry on nature never mentions
		"マイナビの合同説明会っていつ？", // another company's sessions
		"Googleの会社説明会っていつ？",
		"内山さんってどんな経歴の人？", // a person no entry names
	)
	expectAnswered(t, ix, map[string]string{
		"在宅と出社の割合ってどのくらいですか":        "work-style", // the days answer a share of the week
		"研修は何ヶ月ですか":                 "training-period",
		"サケモデル第1号はどんな人ですか？":         "first-member",
		"Zooops Japanってどんな会社":       "company",
		"給料の金額はいくらですか？":             "salary-benefits",
		"北見の冬の天気はどうですか":             "kitami-winter",
		"人口が減っているから始めたんですか":         "why-kitami-started",
		"サケモデルという名前の由来は？":           "why-called-sake",
		"網走監獄っておすすめですか":             "sightseeing",
		"先輩とはどうやって連絡とるんですか":         "meetings",
		"勤務時間は何時から何時までですか":          "working-hours",
		"サケモデルってなんで鮭なの？生まれた川に戻るから？": "why-called-sake",
		"鮭モデルの仕組みを教えてください":          "what-is-sake-model",
		"文系の学科でも応募できますか":            "who-can-apply",
		"ズープスってなにやってる会社？":           "company",
		"ズープスの目指してるものは？地域貢献的な意味で":   "company-vision",
		"研修って何ヶ月？":                  "training-period", // the entry gives the count
		"知床まで車で何時間くらいかかる？":          "kitami-nature",
		"北見の冬って何度くらい？":              "kitami-winter",
		"週に何日出社するんですか":              "work-style",
		"何度も聞いてすみません、研修の期間を教えてください": "training-period", // 何度も counts nothing
		"応募資格ってありますか":               "who-can-apply",   // the conditions to apply, no certification
		"北見市ってどこにあるの？":              "kitami-life",     // the entry says where Kitami lies
		"オフィスまでバスで通えますか？":           "commute",         // the entry tells of the bus
		"オンラインの説明会ってありますか":          "info-sessions",
		"ズープスの説明会っていつ":              "info-sessions", // the company the entries name
	})
}
