package faq

import "testing"

// TestEnglishSentence: a message in English is put into Japanese order,
// its verb in the form its modal words ask for.
func TestEnglishSentence(t *testing.T) {
	for in, want := range map[string]string{
		"I want to book an interview":                                   "面接を予約したいです。",
		"I don't want to apply yet":                                     "まだ応募したくないです。",
		"Can I skip this question?":                                     "質問をスキップできますか？",
		"did i pass??":                                                  "合格しましたか？",
		"how much is the salary":                                        "給料はいくらですか？",
		"Please delete my personal data":                                "個人情報を削除してください。",
		"i want to apply but how long is training":                      "応募したいですけど、研修はどのくらいの期間ですか？",
		"When can I go back to Kitami?":                                 "北見にいつ戻れますか？",
		"Do I need a car?":                                              "車が必要ですか？",
		"is it cold in kitami in winter":                                "北見で冬で寒いですか？",
		"nope":                                                          "いいえ。",
		"hey there":                                                     "こんにちは。",
		"IT":                                                            "IT。",
		"who is the mayor of kitami":                                    "北見の市長は誰ですか？",
		"what's the status of my application?":                          "応募の状況は何ですか？",
		"can i do an internship w/o IT experience":                      "インターンシップはIT経験なしでできますか？",
		"i'm worried about the trainig":                                 "研修について不安です。",
		"what does my day-to-day work look like?":                       "日々の仕事は何ですか？",
		"office in Kitami?":                                             "北見のオフィスはありますか？",
		"don't send me announcements pls":                               "お知らせを送らないでください。",
		"not interested in an interview right now":                      "今面接を希望しません。",
		"I have zero coding experience, is that a problem?":             "プログラミング未経験、大丈夫ですか？",
		"When can I move back to Kitami after joining?":                 "入社後に北見にいつ戻れますか？",
		"Can I join the info session?":                                  "説明会に参加できますか？",
		"my major is chemistry, can I join?":                            "専攻の化学、入社できますか？",
		"sorry my japanese is not good":                                 "日本語はよくないです。",
		"I am from China, can I apply?":                                 "中国から、応募できますか？",
		"interview please":                                              "面接をお願いします。",
		"daily life in Kitami":                                          "北見の生活。",
		"any employees in other prefectures?":                           "他の県の社員はいますか？",
		"why sake?":                                                     "なぜサケですか？",
		"is there a dorm or apartment in Tokyo?":                        "東京の寮や部屋はありますか？",
		"what is daily life like in kitami?":                            "北見の生活は何ですか？",
		"is there a dorm for trainees?":                                 "研修生の寮はありますか？",
		"how do you run meetings when everyone is in a different city?": "ミーティングをどうやって実施しますか、みんなは違う市にありますか？",
	} {
		got, ok := EnglishSentence(in)
		if !ok || got != want {
			t.Errorf("EnglishSentence(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"oubo shitai desu", "remote workってOK?", "研修の期間は？", "skip", "Cancel"} {
		if got, ok := EnglishSentence(in); ok {
			t.Errorf("EnglishSentence(%q) = %q, true; want it left to the other readings", in, got)
		}
	}
}

// TestEnglishSlips: a slip of one letter is mended in a long word when it
// leaves a letter out, adds one, swaps two or changes a vowel; a consonant
// changed makes another word as often as a slip, and is left alone.
func TestEnglishSlips(t *testing.T) {
	for in, want := range map[string]string{
		"trainig": "training", "recieve": "receive", "experiance": "experience", "internshp": "internship",
		"contest": "contest", "mayor": "mayor", "charger": "charger",
	} {
		if got, _ := enLemma(in); got != want {
			t.Errorf("enLemma(%q) = %q, want %q", in, got, want)
		}
	}
}
