package faq

import (
	"slices"
	"strings"
)

// enClause is one clause of an English message as it is read: what it is
// about, its verbs, and what its modal words say of them.
type enClause struct {
	say      []string // said as it is, first (ありがとうございます)
	greet    string   // written when the clause says nothing else
	answer   string   // はい or いいえ opening the clause
	adverbs  []string
	parts    []enPart
	qword    string
	adjs     []enWord
	verbs    []enVerb
	prefix   string // written before the next noun (どんな, 4)
	prep     string // the particle of the next noun
	of       bool   // the next noun comes before the last (status of my application)
	nounOpen bool   // the last word was a noun the next may join
	how      bool   // how, waiting for its adjective or verb
	content  bool   // a word that says something was read
	started  bool   // a word was read (the first opens a question: do, can)
	// determined is set after a determiner (my, the): a verb that is
	// also a noun is the noun there
	determined bool
	openedByDo bool // the clause opened with do (do I need…? don't send…)
	// inAfterNoun is set by in right after a noun (life in Kitami), for
	// the next noun: see placeFirst
	inAfterNoun bool
	// joinNext joins the next noun to the last, after and or or between
	// them (a dorm or an apartment: 寮や部屋)
	joinNext string

	desire, able, please, must, not, past, question, supposes, imperative bool
	joint                                                                 string // what follows the clause: 、 けど、 。
}

// enPart is a noun of the clause with its particle.
type enPart struct {
	ja, particle string
	afterVerb    bool // the noun followed a verb: its object
	inPlace      bool // the noun followed in right after a noun (life in Kitami)
}

// empty reports whether the clause holds nothing to write.
func (c *enClause) empty() bool {
	return len(c.say) == 0 && c.greet == "" && c.answer == "" && !c.content
}

// take reads one word or phrase into the clause.
func (c *enClause) take(l enLexeme) {
	w := l.word
	opening, afterNoun := !c.started, c.nounOpen
	c.started = true
	if w.kind != enNoun {
		c.nounOpen = false
	}
	if j := nounJoint(l); j != "" && afterNoun && len(c.parts) > 0 {
		c.joinNext = j
		return
	}
	if w.kind != enNoun && w.kind != enDrop && w.kind != enPrefix {
		c.joinNext = ""
	}
	determined := c.determined
	c.determined = w.kind == enDrop && enDeterminers[l.first]
	if w.kind == enPrefix {
		c.determined = determined // the other work
	}
	c.past = c.past || l.past
	switch w.kind {
	case enDrop:
		if l.first == "for" && afterNoun {
			c.inAfterNoun = true // a dorm for trainees: 研修生の寮
		}
		if opening && enAuxiliaries[l.first] {
			c.question, c.openedByDo = true, l.first == "do"
		}
	case enNoun:
		c.noun(w.ja)
	case enPrefix:
		c.prefix += w.ja
	case enVerbK:
		if w.noun != "" && (c.determined || c.prefix != "") {
			c.noun(w.noun) // my work, day-to-day work
			break
		}
		if opening {
			c.imperative = true
		}
		if c.how {
			c.qword, c.how = "どうやって", false
		}
		c.verbs, c.prep, c.content = append(c.verbs, w.verb), "", true
	case enAdj:
		if c.how {
			c.qword, c.how = "どのくらい", false
		}
		c.adjs, c.content = append(c.adjs, w), true
	case enSay:
		c.say = append(c.say, w.ja)
	case enGreet:
		if c.greet == "" {
			c.greet = w.ja
		}
	case enAnswer:
		switch {
		case opening:
			c.answer = w.ja
		case w.ja == "OK":
			c.adjs, c.content = append(c.adjs, naAdj("大丈夫")), true // is that ok?
		case strings.HasPrefix(w.ja, "いいえ"):
			c.not = true // there is no office?
		}
	case enQuestion:
		c.qword, c.question, c.content = w.ja, true, true
	case enHow:
		c.how, c.question, c.content = true, true, true
	case enAdverb:
		c.adverbs, c.content = append(c.adverbs, w.ja), true
	case enPrep:
		c.prep, c.inAfterNoun = w.ja, w.ja == "で" && afterNoun
	case enOf:
		c.of = len(c.parts) > 0
	default:
		c.mark(w.kind, opening)
	}
}

// nounJoint is what and or or says between two nouns (寮と部屋, 寮や部屋),
// or "" for another word.
func nounJoint(l enLexeme) string {
	switch {
	case l.word.kind == enAnd && l.first == "and":
		return "と"
	case l.first == "or":
		return "や"
	}
	return ""
}

// mark reads a modal word into the clause.
func (c *enClause) mark(k enKind, opening bool) {
	switch k {
	case enDesire:
		c.desire = true
	case enAble:
		c.able, c.question = true, c.question || opening
	case enPlease:
		c.please = true
	case enMust:
		c.must = true
	case enNot:
		c.not = true
		if c.openedByDo && !c.content {
			c.question = false // don't send me…: asks that it not be done
		}
	case enPast:
		c.past, c.question = true, c.question || opening
	case enIf:
		c.supposes = true
	case enNoNeed:
		c.not, c.must = true, true
	}
	c.content = c.content || k == enDesire || k == enMust || k == enNoNeed
}

// noun reads a noun: joined to the last when nothing parts them
// (application status → 応募状況), put before it after of.
func (c *enClause) noun(ja string) {
	ja, c.prefix = c.prefix+ja, ""
	c.content = true
	last := len(c.parts) - 1
	switch {
	case c.of && last >= 0:
		c.parts[last].ja = ja + "の" + c.parts[last].ja
	case c.joinNext != "" && last >= 0:
		c.parts[last].ja += c.joinNext + ja
	case c.nounOpen && c.prep == "" && last >= 0:
		if latinEdges(c.parts[last].ja, ja) {
			ja = " " + ja // two words kept in English (end up)
		}
		c.parts[last].ja += ja
	default:
		c.parts = append(c.parts, enPart{ja: ja, particle: c.prep, afterVerb: len(c.verbs) > 0, inPlace: c.inAfterNoun})
	}
	c.of, c.prep, c.nounOpen, c.inAfterNoun, c.joinNext = false, "", true, false, ""
}

// finish closes the clause with the mark that ended it.
func (c *enClause) finish(joint string) {
	if joint == "?" {
		c.question = true
	}
	if c.question {
		c.imperative = false
	}
	switch joint {
	case "but":
		c.joint = "けど、"
	case ",":
		c.joint = "、"
	default:
		c.joint = "。"
		if c.question {
			c.joint = "？"
		}
	}
}

// japanese writes the clause in Japanese order.
func (c *enClause) japanese() string {
	var b strings.Builder
	if c.answer != "" {
		b.WriteString(c.answer)
		if c.content || len(c.say) > 0 {
			b.WriteString("、")
		}
	}
	for _, s := range c.say {
		b.WriteString(s)
	}
	if !c.content {
		if c.greet != "" && c.answer == "" && len(c.say) == 0 {
			b.WriteString(c.greet)
		}
		b.WriteString(c.joint)
		return b.String()
	}
	for _, a := range c.adverbs {
		b.WriteString(a)
	}
	c.countWhat()
	c.joinWhat()
	c.placeFirst()
	if c.whyNoun() {
		b.WriteString("なぜ") // why sake?: なぜサケですか, not サケはなぜですか
		for i, p := range c.parts {
			if i > 0 {
				b.WriteString("の")
			}
			b.WriteString(p.ja)
		}
		b.WriteString("ですか" + c.joint)
		return b.String()
	}
	c.writeParts(&b)
	b.WriteString(c.predicate())
	b.WriteString(c.joint)
	return b.String()
}

// whyNoun reports whether the clause asks why of nouns alone (why sake?).
func (c *enClause) whyNoun() bool {
	return c.qword == "なぜ" && len(c.verbs) == 0 && len(c.adjs) == 0 && !c.must && !c.able && !c.desire && len(c.parts) > 0
}

// placeFirst writes a noun in a place as the place's noun (life in
// Kitami: 北見の生活; a dorm in Tokyo?: 東京の寮はありますか) when the
// clause has no verb or adjective to be done there.
func (c *enClause) placeFirst() {
	if len(c.verbs) > 0 || len(c.adjs) > 0 {
		return
	}
	for i := len(c.parts) - 1; i > 0; i-- {
		if p := c.parts[i]; p.inPlace && (p.particle == "で" || p.particle == "") {
			c.parts[i-1].ja = p.ja + "の" + c.parts[i-1].ja
			c.parts = slices.Delete(c.parts, i, i+1)
		}
	}
}

// writeParts writes the nouns with their particles: the object of a verb
// with を, the first other noun with は, the rest joined by の when the
// clause has no verb.
func (c *enClause) writeParts(b *strings.Builder) {
	last := ""
	if len(c.verbs) > 0 {
		last = c.verbs[len(c.verbs)-1].dict
	}
	talking := last == "話す"
	exists := c.asksIfThereIs()
	predicated := len(c.verbs) > 0 || len(c.adjs) > 0 || c.qword != "" || c.must || c.able || exists
	topic := false
	for i, p := range c.parts {
		particle := p.particle
		switch {
		case particle == "に" && talking:
			particle = "と" // talk to a recruiter: 担当者と話す
		case particle == "と" && last == "つなぐ":
			particle = "に" // connect me with a recruiter: 担当者につなぐ
		case particle == "で" && exists:
			particle = "に" // an office in Kitami: オフィスは北見にありますか
		case particle != "":
		case len(c.verbs) > 0 && p.afterVerb && (last == "参加する" || last == "入社する" || last == "戻る" || last == "移る"):
			particle = "に" // join the info session: 説明会に参加する; return Kitami: 北見に戻る
		case len(c.verbs) > 0 && p.afterVerb:
			particle = "を"
		case c.must && len(c.verbs) == 0 && !topic:
			particle, topic = "が", true // a human is needed: 担当者が必要です
		case predicated && !topic:
			particle, topic = "は", true
		case (c.desire || c.please) && i == len(c.parts)-1:
			particle = "を" // an interview please: 面接をお願いします
		case i < len(c.parts)-1:
			particle = "の"
		}
		b.WriteString(p.ja + particle)
	}
}

// predicate is the end of the clause: its verb or adjective in the form
// the modal words ask for, or です.
func (c *enClause) predicate() string {
	q := ""
	if c.question {
		q = "か"
	}
	if len(c.verbs) > 0 {
		return c.verbPredicate(q)
	}
	if len(c.adjs) > 0 {
		return c.qword + c.adjPredicate(q)
	}
	switch {
	case c.please && !c.question && !c.desire && !c.not && len(c.parts) > 0:
		return "お願いします" // interview please
	case c.desire && c.not && len(c.parts) > 0:
		return "希望しません" // not interested in an interview
	case c.desire && len(c.parts) > 0:
		return "希望します"
	case c.must && c.not:
		return c.qword + "必要ないです" + q
	case c.must:
		return c.qword + "必要です" + q
	case c.able:
		return c.qword + "できますか" // can I do an internship?
	case c.qword != "":
		return c.qword + "です" + q
	case c.asksIfThereIs() && c.aboutPeople():
		return "いますか" // staff in other prefectures?
	case c.asksIfThereIs():
		return "ありますか"
	case c.question:
		return "です" + q
	}
	return ""
}

// verbPredicate is the clause's last verb in the form its modal words ask
// for, the verbs before it joined in the て-form.
func (c *enClause) verbPredicate(q string) string {
	var b strings.Builder
	if c.qword != "" {
		b.WriteString(c.qword)
		if c.qword == "何" {
			b.WriteString("を")
		}
	}
	for _, v := range c.verbs[:len(c.verbs)-1] {
		b.WriteString(v.te)
	}
	v := c.verbs[len(c.verbs)-1]
	switch {
	case c.supposes:
		b.WriteString(strings.TrimSuffix(strings.TrimSuffix(v.te, "て"), "で") + tePast(v.te) + "ら")
	case len(c.adjs) > 0:
		b.WriteString(v.dict + "のは" + c.adjPredicate(q))
	case c.desire && c.not:
		b.WriteString(v.stem + "たくないです")
	case c.desire:
		b.WriteString(v.stem + "たいです")
	case c.please && c.not:
		b.WriteString(v.nai + "ないでください")
	case c.please || c.imperative && !c.not:
		b.WriteString(v.te + "ください")
	case c.able && c.not:
		b.WriteString(v.potential + "ないです" + q)
	case c.able:
		b.WriteString(v.potential + "ますか")
	case c.must && c.not:
		b.WriteString(v.dict + "必要はないです" + q)
	case c.must:
		b.WriteString(v.dict + "必要があります" + q)
	case c.past && c.not:
		b.WriteString(v.stem + "ませんでした" + q)
	case c.past:
		b.WriteString(v.stem + "ました" + q)
	case c.not:
		b.WriteString(v.stem + "ません" + q)
	default:
		b.WriteString(v.stem + "ます" + q)
	}
	return b.String()
}

// tePast is the past ending that matches a て-form: た, or だ after で.
func tePast(te string) string {
	if strings.HasSuffix(te, "で") {
		return "だ"
	}
	return "た"
}

// adjPredicate is the clause's adjective, negated when not, with です.
func (c *enClause) adjPredicate(q string) string {
	a := c.adjs[len(c.adjs)-1]
	switch {
	case c.not && a.na:
		return a.ja + "ではないです" + q
	case c.not && strings.HasSuffix(a.ja, "いい"):
		return strings.TrimSuffix(a.ja, "いい") + "よくないです" + q // not good: よくない
	case c.not:
		return strings.TrimSuffix(a.ja, "い") + "くないです" + q
	}
	return a.ja + "です" + q
}

// latinEdges reports whether a ends and b starts with a Latin letter.
func latinEdges(a, b string) bool {
	return a != "" && b != "" && isLatinLetter(rune(a[len(a)-1])) && isLatinLetter(rune(b[0]))
}

// asksIfThereIs reports whether the clause asks only whether something is
// there (office in Kitami? any internships?): nouns and a question mark,
// no verb, adjective or question word.
func (c *enClause) asksIfThereIs() bool {
	return c.question && len(c.parts) > 0 && len(c.verbs) == 0 && len(c.adjs) == 0 && c.qword == "" &&
		!c.must && !c.able && !c.desire
}

// aboutPeople reports whether the clause's first noun names people, who
// are there with いる, not ある.
func (c *enClause) aboutPeople() bool {
	return len(c.parts) > 0 && hasAnySuffix(c.parts[0].ja, "社員", "メンバー", "担当者", "先輩", "同僚", "エンジニア", "誰か")
}

// enDeterminers come before a noun (the work, my commute).
var enDeterminers = map[string]bool{"the": true, "a": true, "an": true, "my": true, "your": true, "our": true,
	"their": true, "his": true, "her": true, "this": true, "that": true, "its": true}

// countWhat makes how many (いくつ) count what the clause is about: people
// (何人), interviews (何回).
func (c *enClause) countWhat() {
	if c.qword != "いくつ" {
		return
	}
	for _, p := range c.parts {
		switch {
		case containsAny(p.ja, []string{"卒業生", "学生", "社員", "メンバー", "新卒", "人"}):
			c.qword = "何人"
			return
		case strings.Contains(p.ja, "面接"):
			c.qword = "何回"
			return
		}
	}
}

// joinWhat reads join, said as 入社 (can I join? after joining), as 参加
// when what is joined is an event (join the info session, join a meeting).
func (c *enClause) joinWhat() {
	for i, v := range c.verbs {
		if v.dict != "入社する" {
			continue
		}
		for _, p := range c.parts {
			if containsAny(p.ja, enEvents) {
				c.verbs[i] = suru("参加")
				break
			}
		}
	}
}

// enEvents name what one joins as a participant, not as an employee.
var enEvents = []string{"説明会", "ミーティング", "面接", "面談", "インターンシップ", "イベント", "研修", "授業", "チーム", "Zoom"}
