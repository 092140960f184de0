package faq

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The thresholds that turn scores into an Outcome. Scores are in [0,1] and
// comparable across questions; they were chosen by measuring
// TestFAQAccuracy on the development set (bot/testdata/faq_dev.tsv).
const (
	// AnswerThreshold is the score the best entry needs for the bot to
	// answer with it (or, when others are close, to offer choices). Over
	// every question set, with the phrasings and concept groups of
	// 2026-12-07, 0.46 answers 2249 of 2292 on-topic questions right and
	// keeps 655 of 670 off-topic ones from a fact; 0.45: 2250 / 653, 0.44:
	// 2253 / 639. (Before those phrasings 0.44 read 2208 / 652 and was
	// used for a session: the new phrasings brought off-topic questions
	// over it.)
	AnswerThreshold = 0.46

	// AmbiguityMargin is how close to the best the second entry must score
	// for the match to be Ambiguous rather than Answered.
	AmbiguityMargin = 0.03

	// SuggestFloor is the score, below AnswerThreshold, from which the best
	// entries are offered as "did you mean" choices rather than nothing:
	// the question shares its topic with them, though not enough to
	// answer. Below it a question shares too little with any entry.
	SuggestFloor = 0.30

	// CandidateFloor is the lowest score kept among Candidates; entries
	// below it share too little with the question to be worth showing.
	CandidateFloor = 0.15

	// MaxCandidates is the most Candidates a Match holds.
	MaxCandidates = 3

	// MaxQuestionBytes is how much of a question is matched; the rest of a
	// longer message is ignored, which bounds the time Match takes.
	MaxQuestionBytes = 1000
)

// Outcome says what the engine should do with a Match.
type Outcome int

// The outcomes of a Match.
const (
	Missed    Outcome = iota // no entry is good enough: fall back to a person
	Answered                 // Best answers the question
	Ambiguous                // two or more entries are close: offer Candidates as choices
	Suggested                // no entry is good enough, but Candidates are near: ask "did you mean"
)

// String names the outcome in lower case ("answered").
func (o Outcome) String() string {
	switch o {
	case Missed:
		return "missed"
	case Answered:
		return "answered"
	case Ambiguous:
		return "ambiguous"
	case Suggested:
		return "suggested"
	}
	return "unknown"
}

// Scored is an entry with its score in [0,1].
type Scored struct {
	FAQ   FAQ
	Score float64
}

// Match is the result of ranking: Outcome, and up to 3 Candidates best
// first (Candidates[0] is the best, when any). When the Outcome is
// Ambiguous, Candidates holds only the entries close to the best.
type Match struct {
	Question   string  // as asked
	Normalized string  // Normalize(Question)
	Outcome    Outcome // what to do with it
	Candidates []Scored
}

// Best returns the best candidate and whether there is one.
func (m Match) Best() (Scored, bool) {
	if len(m.Candidates) == 0 {
		return Scored{}, false
	}
	return m.Candidates[0], true
}

// Match ranks the entries for question; a question that as a whole
// reaches no answer is read again by parts (see reread).
func (ix *Index) Match(question string) Match { return ix.match(question, true) }

// MatchWhole is Match without reading the parts of question apart, for a
// classifier that reads the clauses of a message itself.
func (ix *Index) MatchWhole(question string) Match { return ix.match(question, false) }

// match is Match, reading the parts of question apart when byParts.
func (ix *Index) match(question string, byParts bool) Match {
	text := question
	if kana, ok := Romaji(question); ok {
		text = kana // sake moderu tte nani
	} else if ja, ok := English(question); ok {
		text = ja // no IT experience でも平気？
	}
	text = wonderingAsQuestion(Dialect(text)) // 毎日会社さ行がねばなんねの？, 給料同じなのかなと思って
	text = withLoanwordsInJapanese(text)      // エントリーのデッドライン
	m := Match{Question: question, Normalized: Normalize(text)}
	q := clipBytes(text, MaxQuestionBytes)
	var names []string
	m.Candidates, names = ix.rank(q)
	if kana, ok := katakanaSentence(q); ok {
		// a sentence typed in katakana alone (ｻｹﾓﾃﾞﾙｯﾃﾅﾆ?) is read by its sound
		if c, n := ix.rank(kana); len(c) > 0 && (len(m.Candidates) == 0 || c[0].Score > m.Candidates[0].Score) {
			m.Candidates, names = c, n
		}
	}
	if byParts && !reachesAnswer(m.Candidates) {
		m.Candidates, names = ix.reread(q, m.Candidates, names)
	}
	m.Outcome, m.Candidates = decide(m.Candidates)
	if m.Outcome == Answered && ix.asksBeyond(m, names) {
		m.Outcome = Suggested // close to the entry, but asking what it does not say
	}
	return m
}

// katakanaSentence returns q in hiragana when it is written in katakana
// alone (no hiragana: a question in hiragana is read by its sound
// already), and whether it is.
func katakanaSentence(q string) (string, bool) {
	if strings.ContainsFunc(q, func(r rune) bool { return unicode.Is(unicode.Hiragana, r) }) {
		return "", false
	}
	return KatakanaAsHiragana(q)
}

// reachesAnswer reports whether the best of candidates c scores enough to
// be answered with.
func reachesAnswer(c []Scored) bool { return len(c) > 0 && c[0].Score >= AnswerThreshold }

// reread ranks the parts of q that may ask its question alone, when q as a
// whole reaches no answer: what follows an opening that sets the scene
// (今就活中なんですが、研修期間どのくらい), or the first sentence among
// others that asks (…？ or …か) and reaches one (院生の母でございます。…研修
// はどのくらいの期間なのでしょうか。よろしくお願いいたします。): a student
// asks first and adds after (東京での研修ってどんなことするの？座学？). A sentence that
// asks nothing (応募したいです。) is not read alone: it may make a request.
// It returns cands and names, q's own, when no part reaches an answer.
func (ix *Index) reread(q string, cands []Scored, names []string) ([]Scored, []string) {
	for _, rest := range afterScene(q) {
		if c, n := ix.rank(rest); reachesAnswer(c) {
			return c, n
		}
	}
	var parts []string // the sentences that ask and name something
	count := 0         // the sentences of q
	for s, asked := range sentences(q) {
		if count++; len(parts) < maxRereadSentences && (asked || strings.HasSuffix(s, "か")) && strings.ContainsFunc(s, namesSomething) {
			parts = append(parts, s+"？")
		}
	}
	if count < 2 {
		return cands, names
	}
	for _, s := range parts {
		if c, n := ix.rank(s); reachesAnswer(c) {
			return c, n
		}
	}
	return cands, names
}

// maxRereadSentences bounds the sentences of a question reread alone,
// and so the time a long message takes.
const maxRereadSentences = 6

// afterScene returns what follows each opening clause of q that only
// sets the scene, the shortest opening first: where the student stands
// (今就活中なんですが、, 院生ですけど、) or why they ask (東京に行くのが不安
// で、, 親に聞かれて、), after a courtesy perhaps (すみません、ちょっと聞き
// たいんですが、).
func afterScene(q string) []string {
	var out []string
	rest := q
	for range maxOpeningClauses {
		head, tail, comma, ok := nextClause(rest)
		if !ok {
			break
		}
		rest = tail
		switch {
		case containsAny(head, topicMarks):
			return out // 〜の契約更新について問い合わせたいのですが、 names what is asked
		case slices.ContainsFunc(sceneEnds, func(e string) bool { return strings.HasSuffix(head, e) }):
			if asksAlone(rest, !comma) {
				out = append(out, rest)
			}
		case strings.TrimSpace(cutBoilerplate(head)) != "":
			return out
		}
	}
	return out
}

// asksAlone reports whether what follows an opening may ask a question of
// its own: it names something (どうしたらいい does not), and, when no
// comma set the opening apart, names a topic (何がいいかな does not).
func asksAlone(s string, bare bool) bool {
	if bare {
		return namesATopic(s)
	}
	return strings.ContainsFunc(s, namesSomething)
}

// nextClause cuts s after its first clause: at a comma, or after a
// scene-setting ending typed without one (先輩に聞いたんですけど研修って…).
func nextClause(s string) (head, tail string, comma, ok bool) {
	end, next := -1, -1
	if i := strings.IndexAny(s, "、,，"); i > 0 {
		_, size := utf8.DecodeRuneInString(s[i:])
		end, next, comma = i, i+size, true
	}
	for _, e := range sceneEnds[:len(sceneEnds)-len(commaSceneEnds)] {
		if i := strings.Index(s, e); i > 0 && (end < 0 || i+len(e) < end) && i+len(e) < len(s) {
			end, next, comma = i+len(e), i+len(e), false
		}
	}
	if end <= 0 {
		return "", "", false, false
	}
	return s[:end], strings.TrimSpace(s[next:]), comma, true
}

// topicMarks name the topic of a clause (研修について, 寮に関して): one
// that has them sets no scene, it says what the question is about.
var topicMarks = []string{"について", "に関して", "に関する", "に関しまして", "につきまして"}

// namesATopic reports whether s holds a word that may name what a
// question is about: two kanji, katakana or Latin letters in a row (研修,
// リモート), other than a word that judges (大丈夫かな names nothing).
// Without one, what follows an opening asks nothing of its own (何が
// いいかな, どう思いますか).
func namesATopic(s string) bool {
	for _, w := range judgingWords {
		s = strings.ReplaceAll(s, w, "")
	}
	run := 0
	for _, r := range s {
		if !namesSomething(r) {
			run = 0
			continue
		}
		if run++; run >= 2 {
			return true
		}
	}
	return false
}

// judgingWords judge what is asked about without naming it.
var judgingWords = []string{"大丈夫", "平気", "可能", "無理", "本当", "実際", "問題"}

// maxOpeningClauses is how many clauses an opening may run to: a
// courtesy (すみません、) and what sets the scene.
const maxOpeningClauses = 3

// namesSomething reports whether r, in kanji, katakana or Latin letters,
// is part of a word that names something, as the words of a question's
// topic are written.
func namesSomething(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Katakana, r) || r < utf8.RuneSelf && unicode.IsLetter(r)
}

// sceneEnds end an opening clause that only sets the scene: 〜んですが
// and the like, and the て-form that gives a reason.
var sceneEnds = append([]string{"んですが", "んですけど", "んですけれど", "んですけれども", "のですが", "のですけど",
	"んだけど", "んやけど", "ですが", "ですけど", "ですけれど", "ですけれども", "ませんが", "ませんけど", "ますが", "ますけど", "があるので", "がいるので", "なので"},
	commaSceneEnds...)

// commaSceneEnds end an opening that sets the scene only before a comma:
// without one they end many a word (北見で働く, 教えて).
var commaSceneEnds = []string{"でして", "で", "て"}

// clipBytes cuts s to at most n bytes, at a rune boundary.
func clipBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// decide turns ranked candidates into an Outcome, trimming the candidates
// to the close ones when the match is ambiguous.
func decide(c []Scored) (Outcome, []Scored) { return decideAt(c, AnswerThreshold) }

// decideAt is decide with another answer threshold, for measuring.
func decideAt(c []Scored, threshold float64) (Outcome, []Scored) {
	if len(c) == 0 || c[0].Score < SuggestFloor {
		return Missed, c
	}
	if c[0].Score < threshold {
		n := 1
		for n < len(c) && c[n].Score >= SuggestFloor {
			n++
		}
		return Suggested, c[:n]
	}
	near := 1
	for near < len(c) && c[near].Score >= c[0].Score-AmbiguityMargin {
		near++
	}
	if near == 1 || answersAlike(c[0], c[1:near]) {
		return Answered, c // the close ones say what the best says
	}
	return Ambiguous, c[:near]
}

// topScored picks the best MaxCandidates of scores (indexed by entry) at or
// above CandidateFloor, best first; ties go to the earlier entry.
func topScored(faqs []FAQ, scores []float64, touched []int32) []Scored {
	type entryScore struct {
		e int32
		s float64
	}
	var best [MaxCandidates]entryScore
	n := 0
	for _, e := range touched {
		s := min(scores[e], 1) // sums of shares may round above 1
		if s < CandidateFloor {
			continue
		}
		pos := n
		for pos > 0 && (s > best[pos-1].s || s == best[pos-1].s && e < best[pos-1].e) {
			pos--
		}
		if pos >= MaxCandidates {
			continue
		}
		n = min(n+1, MaxCandidates)
		copy(best[pos+1:n], best[pos:n-1])
		best[pos] = entryScore{e, s}
	}
	if n == 0 {
		return nil
	}
	top := make([]Scored, n)
	for i, b := range best[:n] {
		top[i] = Scored{FAQ: faqs[b.e], Score: b.s}
	}
	return top
}

// questionBoilerplate is the etiquette around a question that the
// analyser would take for content words (the 願い of お願いします, the
// 質問 of 質問があります, the 恐れ入る of 恐れ入りますが, the よろしい of
// お伺いしてもよろしいでしょうか), in normalised form, longest first where one
// contains another. It is cut out before analysis, leaving a boundary.
// Particles, auxiliaries, interjections and the verbs that frame a
// question weigh nothing by their part of speech (see contentWeight).
var questionBoilerplate = []string{
	"夜分遅くに失礼します", "夜分遅くにすみません", "夜遅くにすみません", "夜分にすみません", "遅い時間にすみません", "朝早くにすみません",
	"突然のご連絡失礼します", "突然すみません", "いきなりすみません",
	"よろしくお願いします", "よろしくお願いいたします", "お願いします", "お願いいたします", "おねがいします",
	"質問があります", "質問なのですが", "質問なんですが", "質問です", "失礼します",
	"お忙しいところ恐縮ですが", "恐縮ですが", "お手数をおかけしますが", "お手数ですが", "恐れ入りますが", "恐れ入ります",
	"誠に申し訳ございませんが", "大変申し訳ございませんが", "申し訳ございませんが", "申し訳ありませんが", "申し訳ないのですが", "すみませんが", "すみません", "すいません",
	"差し支えなければ", "お伺いしてもよろしいでしょうか", "お伺いしたいのですが", "お伺いしたいです",
	"ご教示いただけますと幸いです", "ご教示いただけますでしょうか", "ご教示ください",
}

// boilerplateMarks are words one of which every phrase of
// questionBoilerplate holds, and few questions do: where none is, there is
// no boilerplate to cut.
var boilerplateMarks = []string{"願", "ねがい", "質問", "失礼", "恐", "手数", "申し訳", "すみません", "すいません", "差し支え", "伺", "教示"}

// cutBoilerplate replaces questionBoilerplate in s with spaces.
func cutBoilerplate(s string) string {
	if !slices.ContainsFunc(boilerplateMarks, func(m string) bool { return strings.Contains(s, m) }) {
		return s
	}
	for _, b := range questionBoilerplate {
		if strings.Contains(s, b) {
			s = strings.ReplaceAll(s, b, " ")
		}
	}
	return s
}
