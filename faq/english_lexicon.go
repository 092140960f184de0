package faq

// enKind is the part an English word or phrase plays in a sentence, as
// englishSentence puts it into Japanese.
type enKind uint8

const (
	enDrop     enKind = iota // says nothing the entries say (the, just, lol)
	enNoun                   // 研修; joined to the noun after it when no word parts them
	enPrefix                 // どんな, 他の: written before the next noun, with nothing between
	enVerbK                  // a verb: apply, talk, go back
	enAdj                    // 寒い, or 大丈夫 when na
	enSay                    // written as it is where it stands (ありがとうございます)
	enGreet                  // こんにちは, written only when the clause says nothing else
	enAnswer                 // はい, いいえ at the start of a clause; elsewhere no is a negation
	enQuestion               // 何, どこ, いつ…
	enHow                    // how: どう, or どのくらい before an adjective
	enAdverb                 // まだ, すぐ: written at the front of the clause
	enPrep                   // a particle written after the next noun (to → に)
	enOf                     // of, on: the next noun comes first (status of my application → 応募の状況)
	enDesire                 // want to, would like to
	enAble                   // can I, is it possible to
	enPlease                 // please, can you: asks for it to be done
	enMust                   // have to, need to
	enNot                    // not, never
	enPast                   // did, was
	enAnd                    // and: と between nouns, a new clause otherwise
	enBut                    // but, though: けど, and a new clause
	enBecause                // because: ので, and a new clause
	enIf                     // if: the clause supposes (…たら)
	enNoNeed                 // no need to: 必要はない
)

// enWord is what an English word or phrase says in Japanese.
type enWord struct {
	kind enKind
	ja   string
	na   bool // an adjective that takes な (大丈夫), not い
	verb enVerb
	// noun is what a verb says as a noun, after a determiner or a prefix
	// (my work, day-to-day work: 仕事); a verb of する says its noun.
	noun string
}

// The constructors the lexicon is written with, one per kind of word: a
// noun, a prefix of a noun, a verb (vn: with what it says as a noun;
// verbSuru: a verb of する), an adjective (naAdj: one that takes な),
// words said as they are, a greeting, an answer, a question word, an
// adverb, a particle, a modal mark, and a word left out.

func n(ja string) enWord   { return enWord{kind: enNoun, ja: ja} }
func pre(ja string) enWord { return enWord{kind: enPrefix, ja: ja} }
func v(verb enVerb) enWord { return enWord{kind: enVerbK, ja: verb.dict, verb: verb} }
func vn(verb enVerb, noun string) enWord {
	return enWord{kind: enVerbK, ja: verb.dict, verb: verb, noun: noun}
}
func adj(ja string) enWord      { return enWord{kind: enAdj, ja: ja} }
func naAdj(ja string) enWord    { return enWord{kind: enAdj, ja: ja, na: true} }
func say(ja string) enWord      { return enWord{kind: enSay, ja: ja} }
func greet(ja string) enWord    { return enWord{kind: enGreet, ja: ja} }
func answer(ja string) enWord   { return enWord{kind: enAnswer, ja: ja} }
func ask(ja string) enWord      { return enWord{kind: enQuestion, ja: ja} }
func adverb(ja string) enWord   { return enWord{kind: enAdverb, ja: ja} }
func prep(ja string) enWord     { return enWord{kind: enPrep, ja: ja} }
func mark(kind enKind) enWord   { return enWord{kind: kind} }
func dropped() enWord           { return enWord{kind: enDrop} }
func verbSuru(ja string) enWord { return vn(suru(ja), ja) }

// englishLexicon is the English students write to the bot, in lower case
// and lemmatised (see enLemma), with what each word or phrase says. A
// phrase is taken before the words it holds. It serves both readings of
// English: a sentence in English (englishSentence) and words mixed into
// Japanese (English).
var englishLexicon = map[string]enWord{
	// the programme, the company, the city
	"sake model": n("サケモデル"), "salmon model": n("サケモデル"), "sake": n("サケ"), "salmon": n("鮭"), "fish": n("魚"),
	"program": n("制度"), "programme": n("制度"), "scheme": n("制度"), "system": n("制度"), "this program": n("この制度"),
	"alcohol": n("お酒"), "drink": n("お酒"), "name": n("名前"), "called": dropped(), "something called": dropped(), "the name": n("名前"),
	"kitami": n("北見"), "kitami city": n("北見市"), "kitami tech": n("北見工大"), "kit": n("北見工大"),
	"kitami institute of technology": n("北見工業大学"), "tokyo": n("東京"), "hokkaido": n("北海道"), "sapporo": n("札幌"),
	"abashiri": n("網走"), "shiretoko": n("知床"), "city": n("市"), "city hall": n("市役所"), "city government": n("市"),
	"city gov": n("市"), "government": n("行政"), "municipality": n("自治体"), "local government": n("自治体"),
	"zooops": n("Zooops"), "zooops japan": n("Zooops Japan"), "company": n("会社"), "firm": n("会社"), "startup": n("スタートアップ"),
	"headquarters": n("本社"), "hq": n("本社"), "head office": n("本社"), "branch": n("支部"), "branch manager": n("支部長"),
	"office": n("オフィス"), "satellite office": n("サテライトオフィス"), "workplace": n("職場"), "partnership": n("連携"),
	"partner": n("連携"), "agreement": n("協定"), "relation": n("関係"), "relationship": n("関係"), "connection": n("関係"),
	"vision": n("ビジョン"), "goal": n("目標"), "mission": n("ミッション"), "regional revitalization": n("地方創生"),
	"chihou sousei": n("地方創生"), "rural area": n("地方"), "rural": n("地方"), "countryside": n("地方"), "region": n("地域"),
	"local": n("地元"), "hometown": n("地元"), "problem": n("問題"), "issue": n("問題"), "reason": n("理由"),
	"population": n("人口"), "history": n("歴史"), "young people": n("若者"), "brain drain": n("人材流出"),
	// people
	"student": n("学生"), "graduate": n("卒業生"), "grad": n("卒業生"), "alumni": n("卒業生"), "senior": n("先輩"),
	"senpai": n("先輩"), "first member": n("第1号"), "first hire": n("第1号"), "first person": n("第1号"),
	"first employee": n("第1号"), "member": n("メンバー"), "team": n("チーム"), "teammate": n("チームメンバー"),
	"team member": n("チームメンバー"), "colleague": n("同僚"), "coworker": n("同僚"), "boss": n("上司"),
	"people": n("人"), "employee": n("社員"), "staff": n("担当者"), "staff member": n("担当者"), "recruiter": n("担当者"),
	"hr": n("人事"), "human": n("担当者"), "real person": n("担当者"), "person": n("人"), "representative": n("担当者"),
	"someone": n("担当者"), "somebody": n("担当者"), "anyone": n("誰か"), "engineer": n("エンジニア"), "parent": n("親"),
	"mom": n("母"), "mother": n("母"), "dad": n("父"), "father": n("父"), "son": n("息子"), "daughter": n("娘"),
	"child": n("子ども"), "kid": n("子ども"), "family": n("家族"), "international student": n("留学生"),
	"exchange student": n("留学生"), "foreign student": n("留学生"), "intl student": n("留学生"), "foreigner": n("外国人"),
	// the work
	"job": n("仕事"), "role": n("仕事内容"), "position": n("職種"), "job description": n("仕事内容"),
	"duty": n("仕事内容"), "task": n("仕事"), "career": n("キャリア"), "career path": n("キャリア"), "promotion": n("昇進"),
	"salary": n("給料"), "pay": n("給料"), "wage": n("給料"), "income": n("収入"), "starting salary": n("初任給"),
	"starting pay": n("初任給"), "bonus": n("ボーナス"), "benefit": n("福利厚生"), "allowance": n("手当"),
	"transport allowance": n("交通費"), "insurance": n("保険"), "overtime": n("残業"), "zangyo": n("残業"),
	"working hour": n("勤務時間"), "work hour": n("勤務時間"), "hour": n("時間"), "schedule": n("スケジュール"),
	"day off": n("休日"), "holiday": n("休日"), "vacation": n("休暇"), "leave": vn(ichidan("離れる"), "休暇"), "paid leave": n("有給休暇"),
	"paid holiday": n("有給休暇"), "pto": n("有給休暇"), "weekend": n("土日"),
	"remote": n("リモート"), "remote work": n("テレワーク"), "remotely": adverb("リモートで"), "work remote": n("リモートワーク"), "wfh": n("テレワーク"),
	"telework": n("テレワーク"), "work from home": n("在宅勤務"), "home": n("地元"), "from home": n("在宅"), "at home": n("在宅"), "hybrid": n("出社と在宅"),
	"meeting": n("ミーティング"), "mtg": n("ミーティング"), "online": n("オンライン"), "video call": n("ビデオ通話"),
	"zoom": n("Zoom"), "face to face": n("対面"), "in person": n("対面"), "communication": n("コミュニケーション"),
	"zoho": n("Zoho"), "crm": n("CRM"), "development": n("開発"), "programming": n("プログラミング"), "coding": n("コーディング"),
	"code": n("プログラミング"), "programmer": n("プログラマー"), "it-field": n("IT"), "experience": n("経験"), "it-field experience": n("IT経験"), "it-field background": n("IT経験"), "no it-field experience": n("IT未経験"),
	"it experience": n("IT経験"), "no experience": n("未経験"), "no it experience": n("IT未経験"),
	"zero experience": n("未経験"), "without experience": n("未経験"), "no programming experience": n("プログラミング未経験"),
	"it background": n("IT経験"), "background": n("経歴"), "background of": n("背景"), "beginner": n("未経験"), "inexperienced": n("未経験"),
	"skill": n("スキル"), "computer science": n("情報系"), "major": n("専攻"), "mechanical engineering": n("機械系"),
	"mechanical": n("機械系"), "degree": n("度"), "master": n("修士"), "graduate school": n("大学院"),
	"university": n("大学"), "college": n("大学"), "other university": n("他の大学"), "school": n("学校"),
	// the training
	"training": n("研修"), "training period": n("研修期間"), "trainee": n("研修生"), "curriculum": n("カリキュラム"),
	"class": n("授業"), "lesson": n("授業"), "mentor": n("メンター"), "month": n("ヶ月"),
	"year": n("年"), "day": n("日"), "time": n("時間"),
	"housing": n("住まい"), "accommodation": n("住まい"), "dorm": n("寮"), "dormitory": n("寮"), "apartment": n("部屋"),
	"room": n("部屋"), "place to live": n("住む場所"), "place to stay": n("住む場所"), "rent": n("家賃"), "life": n("生活"),
	"daily life": n("生活"), "living": n("生活"), "culture shock": n("カルチャーショック"), "crowded train": n("満員電車"),
	"rush hour": n("満員電車"), "cost of living": n("生活費"), "memory": n("思い出"),
	// Kitami
	"winter": n("冬"), "snow": n("雪"), "temperature": n("気温"), "degree celsius": n("度"), "minus": n("マイナス"),
	"weather": n("天気"), "nature": n("自然"), "national park": n("国立公園"), "hiking": n("ハイキング"), "lake": n("湖"),
	"mountain": n("山"), "onsen": n("温泉"), "hot spring": n("温泉"), "sightseeing": n("観光"), "tourist spot": n("観光地"),
	"sightseeing spot": n("観光地"), "place to visit": n("観光地"), "spot": n("スポット"), "museum": n("博物館"),
	"prison": n("監獄"), "food": n("食べ物"), "shop": n("お店"), "store": n("お店"), "shopping": n("買い物"),
	"car": n("車"), "bus": n("バス"), "train": n("電車"), "bike": n("自転車"), "airport": n("空港"), "plane": n("飛行機"),
	"flight": n("飛行機"), "town": n("街"), "place": n("場所"), "thing to do": n("遊ぶ場所"),
	// applying
	"application": n("応募"), "entry": n("応募"), "resume": n("履歴書"), "cv": n("履歴書"), "es": n("ES"),
	"document": n("書類"), "paperwork": n("書類"), "form": n("フォーム"), "link": n("URL"), "url": n("URL"),
	"page": n("ページ"), "website": n("ホームページ"), "site": n("サイト"), "deadline": n("締め切り"),
	"due date": n("締め切り"), "requirement": n("応募資格"), "qualification": n("応募資格"), "condition": n("条件"),
	"eligible": naAdj("応募可能"), "eligibility": n("応募資格"), "selection": n("選考"), "selection process": n("選考の流れ"),
	"hiring process": n("選考の流れ"), "recruitment process": n("選考の流れ"), "process": n("流れ"), "step": n("ステップ"),
	"test": n("試験"), "exam": n("試験"), "written test": n("筆記試験"), "coding test": n("コーディング試験"),
	"spi": n("SPI"), "round": n("回"), "interview": n("面接"), "mensetsu": n("面接"), "casual interview": n("面談"),
	"result": n("結果"), "offer": n("内定"), "status": n("状況"), "update": n("状況"), "progress": n("状況"),
	"reply": n("返事"), "response": n("返事"), "hiring": n("採用"), "recruitment": n("採用"), "opening": n("採用枠"),
	"slot": n("枠"), "vacancy": n("採用枠"), "info session": n("説明会"), "session": n("説明会"), "information session": n("説明会"),
	"briefing": n("説明会"), "briefing session": n("説明会"), "company briefing": n("会社説明会"), "seminar": n("説明会"),
	"setsumeikai": n("説明会"), "orientation": n("説明会"), "internship": n("インターンシップ"), "intern": n("インターンシップ"),
	"event": n("イベント"), "booking": n("予約"), "reservation": n("予約"), "appointment": n("予約"), "date": n("日程"),
	"next week": adverb("来週"), "tomorrow": adverb("明日"), "today": adverb("今日"), "this year": adverb("今年"), "next year": adverb("来年"),
	"last month": adverb("先月"), "last week": adverb("先週"), "april": n("4月"), "march": n("3月"), "summer": n("夏"),
	// the bot
	"menu": n("メニュー"), "main menu": n("メインメニュー"), "top menu": n("メニュー"), "faq": n("よくある質問"),
	"common question": n("よくある質問"), "frequently asked question": n("よくある質問"), "list": n("一覧"),
	"question": n("質問"), "answer": n("回答"), "bot": n("ボット"), "chatbot": n("ボット"), "help": n("ヘルプ"),
	"data": n("個人情報"), "personal data": n("個人情報"), "personal information": n("個人情報"), "info": n("情報"),
	"information": n("情報"), "consent": n("同意"), "notification": n("お知らせ"), "announcement": n("お知らせ"),
	"message": n("メッセージ"), "news": n("お知らせ"), "previous question": n("前の質問"), "last question": n("前の質問"),
	"previous step": n("前の質問"), "one step": n("一つ前"), "next question": n("次の質問"), "this one": n("この質問"),
	// prefixes of a noun
	"what kind of": pre("どんな"), "what type of": pre("どんな"), "what sort of": pre("どんな"), "other": pre("他の"),
	"another": pre("別の"), "next": pre("次の"), "previous": pre("前の"), "first": pre("最初の"), "same": pre("同じ"),
	"my own": pre("自分の"),
	// verbs
	"apply": verbSuru("応募"), "sign up": verbSuru("応募"), "register": verbSuru("申し込み"), "submit": verbSuru("提出"),
	"book": verbSuru("予約"), "reserve": verbSuru("予約"), "set up": verbSuru("予約"), "cancel": verbSuru("キャンセル"),
	"change": verbSuru("変更"), "reschedule": verbSuru("日程変更"), "move": verbSuru("変更"), "push": verbSuru("変更"),
	"postpone": verbSuru("延期"), "check": verbSuru("確認"), "confirm": verbSuru("確認"), "see": verbSuru("確認"),
	"show": v(ichidan("見せる")), "tell": v(ichidan("教える")), "explain": verbSuru("説明"), "know": v(godan("知る")),
	"talk": v(godan("話す")), "speak": v(godan("話す")), "chat": v(godan("話す")), "ask": v(godan("聞く")),
	"contact": verbSuru("連絡"), "call": verbSuru("電話"), "connect": v(godan("つなぐ")), "meet": v(godan("会う")),
	"go": v(godan("行く")), "come": v(kuru("")),
	"live": v(godan("住む")), "stay": v(godan("住む")), "relocate": verbSuru("移住"), "work": vn(godan("働く"), "仕事"),
	"study": verbSuru("勉強"), "learn": v(godan("学ぶ")), "teach": v(ichidan("教える")), "start": vn(ichidan("始める"), "開始"),
	"begin": v(ichidan("始める")), "join": verbSuru("入社"), "attend": verbSuru("参加"), "participate": verbSuru("参加"),
	"quit": v(ichidan("やめる")), "give up": v(ichidan("やめる")), "stop": v(ichidan("やめる")),
	"delete": verbSuru("削除"), "remove": verbSuru("削除"), "erase": verbSuru("削除"), "wipe": verbSuru("削除"),
	"withdraw": v(godan("取り消す")), "use": v(godan("使う")), "receive": v(godan("受け取る")),
	"send": v(godan("送る")), "skip": verbSuru("スキップ"), "pass": verbSuru("スキップ"), "did i pass": say("合格しましたか"), "have i passed": say("合格しましたか"), "i passed": say("合格しました"), "pass the": say("合格"), "fail": v(ichidan("落ちる")),
	"hire": verbSuru("採用"), "recruit": verbSuru("採用"), "choose": v(godan("選ぶ")), "decide": v(ichidan("決める")),
	"hear back": v(kuru("連絡が")), "go back": v(godan("戻る")), "come back": v(godan("戻る")),
	"get back": v(godan("戻る")), "return": v(godan("戻る")), "move back": v(godan("戻る")), "head back": v(godan("戻る")),
	"freeze": v(ichidan("凍える")), "visit": verbSuru("訪問"), "commute": verbSuru("通勤"), "drive": verbSuru("運転"),
	"fly": v(godan("飛ぶ")), "happen": v(godan("なる")), "become": v(godan("なる")), "cost": vn(godan("かかる"), "費用"),
	"take": v(godan("取る")), "how long does it take": ask("どのくらいかかりますか"), "enjoy": v(godan("楽しむ")), "worry": verbSuru("心配"), "understand": v(godan("わかる")),
	"get": v(godan("もらう")), "provide": verbSuru("用意"), "support": verbSuru("支援"),
	"find": v(godan("探す")), "do": dropped(), "make": v(godan("作る")), "keep": dropped(), "remain": v(godan("残る")),
	"write": v(godan("書く")), "read": v(godan("読む")), "turn off": v(ichidan("止める")),
	"turn on": say("配信再開"), "unsubscribe": say("配信停止"), "resubscribe": say("配信再開"),
	// adjectives
	"cold": adj("寒い"), "hot": adj("暑い"), "hard": naAdj("大変"), "difficult": adj("難しい"), "tough": naAdj("大変"),
	"lonely": adj("寂しい"), "far": adj("遠い"), "so far": adj("遠い"), "close": adj("近い"), "expensive": adj("高い"), "cheap": adj("安い"),
	"ok": answer("OK"), "okay": answer("OK"), "fine": naAdj("大丈夫"), "alright": answer("OK"),
	"allowed": naAdj("大丈夫"), "possible": naAdj("可能"), "necessary": naAdj("必要"), "required": naAdj("必要"),
	"mandatory": naAdj("必須"), "inconvenient": naAdj("不便"), "convenient": naAdj("便利"), "busy": adj("忙しい"),
	"fun": adj("楽しい"), "scary": adj("怖い"), "afraid": adj("怖い"), "worried": naAdj("不安"), "nervous": naAdj("不安"),
	"anxious": naAdj("不安"), "safe": naAdj("安全"), "free": naAdj("無料"), "long": adj("長い"), "short": adj("短い"),
	"many": adj("多い"), "a lot": adj("多い"), "lot": adj("多い"), "few": adj("少ない"), "good": adj("いい"), "nice": adj("いい"),
	"bad": adj("悪い"), "advanced": naAdj("高度"), "fully remote": naAdj("フルリモート"), "guaranteed": naAdj("確実"),
	"famous": naAdj("有名"), "recommended": naAdj("おすすめ"),
	// answers, greetings, thanks
	"hello": greet("こんにちは"), "hi": greet("こんにちは"), "hey": greet("こんにちは"), "hey there": greet("こんにちは"),
	"hi there": greet("こんにちは"), "good morning": greet("おはようございます"), "good afternoon": greet("こんにちは"),
	"good evening": greet("こんばんは"), "nice to meet you": greet("はじめまして"), "yo": greet("こんにちは"),
	"thanks": say("ありがとうございます"), "thank you": say("ありがとうございます"), "thx": say("ありがとうございます"),
	"ty": say("ありがとうございます"), "appreciate it": say("ありがとうございます"), "i see": say("なるほど"),
	"got it": say("了解しました"), "gotcha": say("了解しました"), "understood": say("わかりました"),
	"makes sense": say("なるほど"), "noted": say("承知しました"), "cool": say("了解です"),
	"yes": answer("はい"), "yeah": answer("はい"), "yep": answer("はい"), "yup": answer("はい"), "sure": answer("はい"),
	"of course": answer("はい"), "definitely": answer("はい"), "go ahead": answer("はい、お願いします"),
	"correct": answer("はい、そうです"), "that's right": answer("はい、そうです"), "no": answer("いいえ"),
	"nope": answer("いいえ"), "nah": answer("いいえ"), "no thanks": answer("いいえ、結構です"),
	"no thank you": answer("いいえ、結構です"), "not really": answer("いいえ"),
	"how do i apply": say("応募方法"), "how can i apply": say("応募方法"), "how to apply": say("応募方法"),
	"how to use": say("使い方"), "why is it called": say("なぜこの名前"), "why the name": say("なぜこの名前"),
	"what is the sake model": say("サケモデルとは"), "what is sake model": say("サケモデルとは"),
	"who can apply": say("誰が応募できる"), "no more": mark(enNot),
	// asking
	"what": ask("何"), "where": ask("どこ"), "when": ask("いつ"), "who": ask("誰"), "why": ask("なぜ"), "how come": ask("なぜ"),
	"which": ask("どれ"), "how": mark(enHow), "how long": ask("どのくらいの期間"), "how many": ask("いくつ"),
	"how many people": ask("何人"), "how many person": ask("何人"), "how many month": ask("何ヶ月"),
	"how many day": ask("何日"), "how many hour": ask("何時間"), "how many time": ask("何回"), "how many round": ask("何回"),
	"how much": ask("いくら"), "what time": ask("何時"), "until when": ask("いつまで"), "since when": ask("いつから"),
	"how often": ask("どのくらいの頻度"), "how soon": ask("いつ"),
	"yet": adverb("まだ"), "still": adverb("まだ"), "again": adverb("また"), "already": adverb("もう"), "later": adverb("後で"),
	"now": adverb("今"), "right now": adverb("今"), "currently": adverb("今"), "soon": adverb("すぐ"),
	"right away": adverb("すぐ"), "immediately": adverb("すぐ"), "asap": adverb("すぐ"), "directly": adverb("直接"),
	"every day": adverb("毎日"), "always": adverb("ずっと"), "forever": adverb("ずっと"), "long term": adverb("長期的に"),
	// the words a sentence is built with
	"to": prep("に"), "into": prep("に"), "in": prep("で"), "at": prep("で"), "with": prep("と"), "about": prep("について"),
	"regarding": prep("について"), "from": prep("から"), "near": prep("の近く"), "around": prep("の近く"),
	"close to": prep("の近く"), "after": prep("の後"), "before": prep("の前"), "during": prep("の間"), "while": prep("の間"),
	"until": prep("まで"), "till": prep("まで"), "than": prep("より"), "without": prep("なしで"), "outside": prep("以外"),
	"other than": prep("以外"), "besides": prep("以外"), "except": prep("以外"), "within": prep("以内"), "by": prep("で"),
	"of": mark(enOf), "on": mark(enOf),
	"want": mark(enDesire), "want to": mark(enDesire), "wanna": mark(enDesire), "would like": mark(enDesire),
	"would like to": mark(enDesire), "would love to": mark(enDesire), "hope to": mark(enDesire), "wish to": mark(enDesire),
	"let me": mark(enDesire), "like to": mark(enDesire),
	"can i": mark(enAble), "could i": mark(enAble), "may i": mark(enAble), "can we": mark(enAble), "able to": mark(enAble),
	"possible to": mark(enAble), "allowed to": mark(enAble), "can": mark(enAble), "could": mark(enAble), "may": mark(enAble),
	"please": mark(enPlease), "pls": mark(enPlease), "plz": mark(enPlease), "kindly": mark(enPlease),
	"can you": mark(enPlease), "could you": mark(enPlease), "would you": mark(enPlease), "will you": mark(enPlease),
	"must": mark(enMust), "have to": mark(enMust), "has to": mark(enMust), "need to": mark(enMust), "need": mark(enMust),
	"got to": mark(enMust), "gotta": mark(enMust), "supposed to": mark(enMust), "should": mark(enMust),
	"not": mark(enNot), "never": mark(enNot), "no longer": mark(enNot), "cannot": mark(enNot),
	"did": mark(enPast), "was": mark(enPast), "were": mark(enPast),
	"and": mark(enAnd), "also": mark(enAnd), "plus": mark(enAnd), "then": mark(enAnd), "so": mark(enAnd), "btw": mark(enAnd),
	"but": mark(enBut), "though": mark(enBut), "tho": mark(enBut), "however": mark(enBut), "although": mark(enBut),
	"because": mark(enBecause), "since": mark(enBecause), "cuz": mark(enBecause), "bc": mark(enBecause),
	"if": mark(enIf), "what if": mark(enIf), "or": dropped(),

	// words of the sets written for English (dev27)
	"everyone": n("みんな"), "everybody": n("みんな"), "solve": verbSuru("解決"), "end up": dropped(), "try": dropped(),
	"away from home": say("地元を離れて"), "away": dropped(), "different": pre("違う"), "alone": adverb("一人で"),
	"pain": naAdj("大変"), "communicate": n("コミュニケーション"), "room to move up": n("昇進"), "move up": n("昇進"),
	"real": naAdj("本当"), "true": naAdj("本当"), "say": v(godan("言う")), "hear": v(godan("聞く")), "somewhere": n("どこか"),
	"only": dropped(), "enough": naAdj("十分"), "anything to do": n("遊ぶ場所"), "worth": n("価値"),
	"surprise": v(godan("驚く")), "based": dropped(), "located": dropped(), "vs": prep("と"), "late": adj("遅い"),
	"too late": adj("遅い"), "end": v(godan("終わる")), "finish": v(godan("終わる")), "off": n("休み"), "per": dropped(),
	"build": v(godan("築く")), "the first place": dropped(), "in the first place": dropped(), "lost": naAdj("大変"),
	"totally": dropped(), "most": dropped(), "week": n("週"), "days a week": n("週に何日"), "sponsor": verbSuru("支援"),
	"back on": say("配信再開"), "turn": dropped(), "resume notification": say("配信再開"),
	"resume announcement": say("配信再開"), "my booking": n("予約確認"), "my reservation": n("予約確認"),

	"have i booked": say("予約の確認"),
	"this model":    n("サケモデル"), "the model": n("サケモデル"), "model": n("モデル"), "left an impression": say("印象に残った"),
	"impression": n("印象"), "impressed": say("印象に残った"),
	"submit my application": verbSuru("応募"), "submit an application": verbSuru("応募"), "the question before": n("前の質問"), "change my answer": say("前の項目を直したいです"),
	"want them back": say("また受け取りたいです"), "held online": say("オンラインですか"), "did i book": say("予約の確認"), "not want to continue": say("入力をやめたいです"), "not want continue": say("入力をやめたいです"),
	"no need to": mark(enNoNeed), "no need": mark(enNoNeed), "visa": n("ビザ"), "account": n("アカウント"), "mayor": n("市長"),
	"between": dropped(), "prefecture": n("県"), "available": naAdj("可能"), "officially": adverb("正式に"),
	"prospect": n("将来"), "future": n("将来"), "long-term": adverb("長期的に"), "day-to-day": pre("日々の"),
	"everyday": adverb("毎日"), "everyday life": n("生活"), "the rest of": dropped(), "get to work": verbSuru("通勤"), "get to the office": verbSuru("通勤"),
	"go to work": verbSuru("通勤"), "hold": verbSuru("開催"), "run": verbSuru("実施"), "planning to": dropped(),
	"plan to": dropped(), "come up with": v(ichidan("始める")), "stand out": n("印象に残ったこと"),
	"worth visit": n("観光地"), "place worth visit": n("観光地"), "one": pre("1"), "two": pre("2"), "three": pre("3"),
	"four": pre("4"), "five": pre("5"), "six": pre("6"), "twelve": pre("12"), "area": n("地域"), "impressive": n("印象"),
	"concept": n("コンセプト"), "simple": naAdj("簡単"), "simply": adverb("簡単に"),
	"look like": dropped(), "pass on": verbSuru("スキップ"), "no more announcement": say("配信停止"),
	"no more notification": say("配信停止"), "no more message": say("配信停止"), "drop": verbSuru("キャンセル"),
	"sign me up": verbSuru("申し込み"), "take me back": v(godan("戻る")), "review": n("選考"),
	"zero it-field experience": n("IT未経験"), "never code": n("プログラミング未経験"),
	"never write a line of code": n("プログラミング未経験"), "a line of code": n("プログラミング"),
	"headcount": n("採用人数"),
	"rather":    mark(enDesire), "thanks a lot": say("ありがとうございます"), "thank you so much": say("ありがとうございます"),
	"thanks so much": say("ありがとうございます"), "many thanks": say("ありがとうございます"),
	"any update": say("状況はどうなっていますか"), "hear anything": v(kuru("連絡が")),
	"up there": dropped(), "out there": dropped(), "january": n("1月"), "february": n("2月"),
	"june": n("6月"), "july": n("7月"), "august": n("8月"), "september": n("9月"), "october": n("10月"),
	"november": n("11月"), "december": n("12月"), "ready": dropped(), "ready to": dropped(),
	"a person": n("担当者"), "a human": n("担当者"), "a real person": n("担当者"), "get me": mark(enPlease),
	"being reviewed": naAdj("選考中"), "under review": naAdj("選考中"),
	// words of the English set written later in the tenth session (dev29)
	"content": n("内容"), "related": n("関係"), "related to": n("関係"), "connected to": n("関係"), "mean": dropped(),
	"sorry": dropped(), "dear": dropped(), "sir": dropped(), "madam": dropped(), "consider": dropped(),
	"length": n("期間"), "location": n("場所"), "initial": pre("最初の"), "back": v(godan("戻る")),
	"work style": n("働き方"), "style": n("スタイル"), "typical": dropped(), "once": dropped(), "feel": dropped(),
	"inconvenience": n("不便"), "customization": n("カスタマイズ"), "customize": verbSuru("カスタマイズ"),
	"sales": n("営業"), "project": n("案件"), "manager": n("管理職"), "stuck": dropped(), "business": n("事業"),
	"achieve": verbSuru("実現"), "philosophy": n("考え方"), "chiho sosei": n("地方創生"),
	"regional revitalisation": n("地方創生"), "boring": adj("つまらない"), "comfortable": adj("住みやすい"),
	"temp": n("気温"), "normal": dropped(), "harsh": adj("厳しい"), "nearby": n("近く"), "procedure": n("方法"),
	"through": dropped(), "career center": n("キャリアセンター"), "explanation meeting": n("説明会"),
	"information meeting": n("説明会"), "memorable": n("印象"), "support engineer": n("サポートエンジニア"),
	"fukushima": n("福島"), "ishinomaki": n("石巻"), "transportation": n("交通費"), "transportation cost": n("交通費"),
	"commuting allowance": n("交通費"), "myself": adverb("自分で"), "by myself": adverb("自分で"),
	"flex time": n("フレックス"), "flextime": n("フレックス"), "new year": n("年末年始"), "scholarship": n("奨学金"),
	"civil engineering": n("土木"), "chemistry": n("化学"), "lack of": prep("なし"), "born": n("出身"),
	"python": n("Python"), "full remote": naAdj("フルリモート"), "together": dropped(), "work together": verbSuru("連携"),
	"cooperate": verbSuru("協力"), "formal": pre("正式な"), "recruitment number": n("採用人数"),
	"number of": dropped(), "how many spot": ask("何人"), "how many position": ask("何人"), "how many opening": ask("何人"),
	"operator": n("担当者"), "in charge": n("担当者"), "someone in charge": n("担当者"), "person in charge": n("担当者"),
	"exit": verbSuru("中止"), "abort": verbSuru("中止"), "y": answer("はい"), "oic": say("なるほど"), "ah": dropped(),
	"oh": dropped(), "forget me": say("個人情報を削除してください"), "forget": v(ichidan("忘れる")),
	"mute": verbSuru("配信停止"), "anymore": adverb("もう"), "notice": n("お知らせ"), "msg": n("メッセージ"),
	"subscribe": say("配信再開"), "display": verbSuru("表示"), "transfer": v(godan("つなぐ")),
	"stage": n("段階"), "screening": n("選考"), "document screening": n("書類選考"), "any news": say("状況はどうなっていますか"),
	"1st": pre("1次"), "2nd": pre("2次"), "first interview": n("1次面接"), "frequently ask question": n("よくある質問"),
	"function": n("機能"), "feature": n("機能"), "mendan": n("面談"), "casual meeting": n("面談"),
	"arrange": verbSuru("予約"), "not now": answer("いいえ、今は結構です"), "interested": mark(enDesire),
	"interested in":   mark(enDesire),
	"recruiting team": n("採用担当者"), "recruitment team": n("採用担当者"), "hiring team": n("採用担当者"),
	"hr team": n("採用担当者"), "new hire": n("新入社員"), "new employee": n("新入社員"), "new graduate": n("新卒"),
	"year ago": n("年前"), "month ago": n("ヶ月前"), "week ago": n("週間前"), "day ago": n("日前"),
	"short-term": pre("短期"),
	"japanese":   n("日本語"), "english": n("英語"), "st": dropped(), "nd": dropped(), "rd": dropped(), "th": dropped(),
	"get result":     v(ichidan("結果が出る")),
	"get the result": v(ichidan("結果が出る")),
	"get my result":  v(ichidan("結果が出る")),
	// words of the set written in the eleventh session (dev30)
	"is that a problem": say("大丈夫ですか"), "is it a problem": say("大丈夫ですか"), "will that be a problem": say("大丈夫ですか"),
	"go to be": dropped(), "never written a line of code": n("プログラミング未経験"), "a problem": say("大丈夫ですか"), "is that ok": say("大丈夫ですか"),
	"zero coding experience": n("プログラミング未経験"), "no coding experience": n("プログラミング未経験"),
	"zero programming experience": n("プログラミング未経験"), "zero": pre("ゼロの"),
	"after join": adverb("入社後に"), "before join": adverb("入社前に"), "join the company": verbSuru("入社"),
	"help me": say("助けてください"), "where should we go": say("おすすめの観光地はどこですか"), "where should i go": say("おすすめの観光地はどこですか"),
	"too late to apply": say("応募はまだ間に合いますか"), "application close": n("応募の締め切り"), "freeze to death": adj("寒い"),
	"tokyo experience": n("東京生活"), "how many degree": ask("何度"), "house": n("住まい"), "training time": n("研修期間"), "same as": prep("と同じ"),
	"long vacation": n("長期休暇"), "go back my country": say("帰国"), "know coding": n("プログラミング経験"), "what to visit": n("観光地"), "place to go": n("観光地"), "involve": dropped(), "day to day": adverb("毎日"),
	"leader": n("リーダー"), "become a leader": say("リーダーになれますか"), "someday": adverb("いつか"), "chance": dropped(), "level": dropped(), "dead end": n("行き止まり"), "grow": verbSuru("成長"), "junior": n("若手"), "promote": verbSuru("昇進"), "i am lost": say("使い方がわかりません"), "no reply yet": say("まだ返事がありません"), "no reply": say("返事がありません"), "no response yet": say("まだ返事がありません"),
	"no answer yet": say("まだ返事がありません"), "no news yet": say("まだ連絡がありません"), "receive my application": say("応募は届いていますか"),
	"receive my entry": say("応募は届いていますか"), "get my application": say("応募は届いていますか"), "how this chat work": n("使い方"),
	"how this bot work": n("使い方"), "how it work": n("仕組み"), "accepted": n("合格"), "was i accepted": say("合格しましたか"),
	"start application": verbSuru("応募"), "start my application": verbSuru("応募"), "after training": adverb("研修後に"), "after the training": adverb("研修後に"), "china": n("中国"), "vietnam": n("ベトナム"), "nepal": n("ネパール"), "indonesia": n("インドネシア"), "korea": n("韓国"),
	"taiwan": n("台湾"), "thailand": n("タイ"), "mongolia": n("モンゴル"), "malaysia": n("マレーシア"), "india": n("インド"),
	"myanmar": n("ミャンマー"), "philippines": n("フィリピン"), "bangladesh": n("バングラデシュ"), "sri lanka": n("スリランカ"),
	"sake modal": n("サケモデル"), "article": n("記事"), "origin": n("由来"), "river": n("川"), "univ": n("大学"),
	"aplly": verbSuru("応募"), "aply": verbSuru("応募"), "cs": n("情報系"), "right": dropped(),
	"business manner": n("ビジネスマナー"), "manner": n("マナー"), "move to": v(godan("移る")), "good place to live": adj("住みやすい"),
	"nice place to live": adj("住みやすい"), "health insurance": n("健康保険"), "health": n("健康"), "give": verbSuru("用意"),
	"every year": adverb("毎年"), "each year": adverb("毎年"), "call it": v(godan("呼ぶ")), "my country": n("母国"),
	"yesterday": adverb("昨日"), "still waiting": say("まだ連絡を待っています"), "not get me": say("わかってくれません"),
	"not understand me": say("わかってくれません"), "not understanding me": say("わかってくれません"),
	"go through": v(godan("通る")), "mainly": adverb("主に"), "mostly": adverb("主に"), "customer": n("お客様"), "customer support": n("カスタマーサポート"),
	// words of the English misses of all sets (twelfth session)
	"first sake model member": n("サケモデル第1号"), "first member of the sake model": n("サケモデル第1号"),
	"first member of sake model": n("サケモデル第1号"), "first sake model employee": n("サケモデル第1号"),
	"holiday per year": n("年間休日"), "holiday a year": n("年間休日"), "day off per year": n("年間休日"),
	"day off a year": n("年間休日"), "annual holiday": n("年間休日"), "annual leave": n("有給休暇"),
	"care": v(suru("気に")), "care about": v(suru("気に")), "launch": v(ichidan("始める")), "create": v(godan("作る")),
	"last year": adverb("去年"), "classroom": n("座学"), "lecture": n("座学"), "on the job": n("実務"), "ojt": n("OJT"),
	"main": pre("主な"), "information science": n("情報系"), "opportunity": dropped(), "meaning": n("意味"),
	"meaning behind": n("由来"), "behind": dropped(), "smth": dropped(), "actual": dropped(), "under": dropped(), "as": dropped(),
	"professor": n("先生"), "teacher": n("先生"), "said": v(godan("言う")),
	"is that problem": say("大丈夫ですか"), "is it problem": say("大丈夫ですか"), "your name": n("あなたの名前"),
	"where are they from": say("出身はどこですか"), "where is he from": say("出身はどこですか"),
	"where is she from": say("出身はどこですか"), "get to the satellite office": verbSuru("通勤"),
	"partnered": verbSuru("連携"), "partner with": verbSuru("連携"), "city of kitami": n("北見市"),
	"computer": n("パソコン"), "made from": n("原料"), "made of": n("原料"), "graduated": v(suru("卒業")),
	"only for": prep("限定"), "be from": prep("出身"),
	"rather not answer": say("答えたくないです"), "prefer not to answer": say("答えたくないです"),
	"receive my entry form": say("応募は届いていますか"), "receive my application form": say("応募は届いていますか"),
	"u": dropped(), "dear recruiter": dropped(), "dear hiring team": dropped(), "dear recruiting team": dropped(),
	"dear recruitment team": dropped(), "dear hr": dropped(), "dear hiring manager": dropped(), "dear staff": dropped(),
	"where my application stand": say("応募状況を"), "where my application is": say("応募状況を"), "employees living": n("住んでいる社員"), "employee living": n("住んでいる社員"), "staff living": n("住んでいる社員"), "people living": n("住んでいる人"), "non-kitami tech": n("北見工大以外"), "non kitami tech": n("北見工大以外"), "one-on-one": n("面談"), "one on one": n("面談"), "my application stand": say("応募状況"),
	"what can you answer": say("どんな質問に答えられますか"), "which topic can you answer": say("どの質問に答えられますか"),
	"what topic can you answer": say("どんな質問に答えられますか"), "not want to answer": say("答えたくないです"),
	"not want answer":     say("答えたくないです"),
	"thanks for the info": say("情報ありがとうございます"), "thanks for the information": say("情報ありがとうございます"),
	"thank you for the info": say("情報ありがとうございます"), "thank you for the information": say("情報ありがとうございます"),
	"maybe": adverb("もしかしたら"), "might": adverb("もしかしたら"), "perhaps": adverb("もしかしたら"),
	"what can this bot do": say("このボットは何ができますか"), "what can this chatbot do": say("このボットは何ができますか"), "one-on-one meeting": n("面談"), "what can you do": say("何ができますか"),
	"what can i do here": say("ここで何ができますか"), "individual meeting": n("面談"), "one on one meeting": n("面談"),
	"discuss": verbSuru("相談"), "application been received": say("応募は届いていますか"),
	"have question": say("質問があります"), "have questions": say("質問があります"), "have a question": say("質問があります"),
	"like in": prep("で"), "what do they do": say("何をしている会社ですか"), "what kind of stuff": ask("何"), "what kind of thing": ask("何"), "what sort of stuff": ask("何"),
	"nepali": n("ネパール"), "vietnamese": n("ベトナム"), "chinese": n("中国"), "korean": n("韓国"),
	"indonesian": n("インドネシア"), "mongolian": n("モンゴル"), "malaysian": n("マレーシア"),
	// words that say nothing the entries say
	"the": dropped(), "a": dropped(), "an": dropped(), "i": dropped(), "me": dropped(), "my": dropped(), "we": dropped(),
	"us": dropped(), "our": dropped(), "you": dropped(), "your": dropped(), "it": dropped(), "its": dropped(),
	"they": dropped(), "them": dropped(), "their": dropped(), "he": dropped(), "she": dropped(), "his": dropped(),
	"her": dropped(), "this": dropped(), "that": dropped(), "these": dropped(), "those": dropped(), "there": dropped(),
	"here": dropped(), "is": dropped(), "are": dropped(), "am": dropped(), "be": dropped(), "been": dropped(),
	"does": dropped(), "will": dropped(), "would": dropped(), "just": dropped(), "really": dropped(), "actually": dropped(),
	"exactly": dropped(), "honestly": dropped(), "even": dropped(), "like": dropped(), "kinda": dropped(), "um": dropped(),
	"uh": dropped(), "well": dropped(), "lol": dropped(), "lmao": dropped(), "haha": dropped(), "anyway": dropped(),
	"any": dropped(), "some": dropped(), "all": dropped(), "every": dropped(), "each": dropped(),
	"thing": dropped(), "stuff": dropped(), "quick q": dropped(), "quick question": dropped(), "q": dropped(),
	"for": dropped(), "very": dropped(), "too": dropped(), "more": dropped(), "much": dropped(), "an intl": dropped(),
	"have": dropped(), "has": dropped(), "had": dropped(), "get to": dropped(), "sort of": dropped(), "kind of": dropped(),
	"wait": dropped(), "oops": dropped(), "ok so": dropped(), "hmm": dropped(), "please note": dropped(),
}
