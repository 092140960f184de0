package main

// questions are what students ask after an information session: one per
// FAQ topic, phrased as they type them (from the matcher's development
// set, all answered from the default FAQ).
var questions = []string{
	"サケモデルって何ですか？",
	"なんでサケモデルって名前なんですか？",
	"北見市はなぜこの取り組みを始めたんですか？",
	"Zooops Japanと北見市ってどういう関係なんですか？",
	"誰が応募できますか？",
	"IT未経験でも大丈夫ですか？",
	"研修って何ヶ月？",
	"研修ってどんな内容ですか？",
	"研修が終わったら北見に戻れるんですか？",
	"北見に戻ったらどんな働き方になりますか？",
	"会議はどうやってやるんですか？",
	"リモートってきつくない？",
	"どんな仕事をするんですか？",
	"将来的にどんなキャリアがありますか？",
	"Zooops Japanってどんな会社？",
	"会社が目指してることって何ですか？",
	"北見以外の地域でもできますか？",
	"北見って住みやすいですか？",
	"オフィスまでどうやって通勤するんですか？",
	"北見の周りって自然は多いですか？",
	"北見の冬って寒いですか？",
	"北見の近くのおすすめ観光スポットは？",
	"第1号の人ってどんな人？",
	"説明会ってありますか？",
}
