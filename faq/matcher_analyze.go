package faq

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/ikawaha/kagome/v2/tokenizer"
)

// How much the parts of a text weigh. They were chosen by measuring
// TestFAQAccuracy; accuracy varies little around these values.
//
// A question often says more than it asks: a preamble (北見工大の3年です。),
// a reason (家の事情で長く離れられないんですが、). A word of the clause that
// asks counts fully against an entry that lacks it; a word of the rest
// counts fully when an entry has it (it often names the topic) but only
// its share below against one that lacks it.
const (
	// subClauseWeight is that share for a clause ended by a conjunctive
	// particle (〜んですけど、〜ので、〜が、) or a comma (東京に行くのが不安で、)
	// in a sentence that asks.
	subClauseWeight = 0.5

	// frameWeight is that share for a clause that only frames the
	// question (先輩に聞いたんですけど、…): see markFrames.
	frameWeight = 0.2

	// statementWeight is that share for a sentence that does not ask,
	// beside one that does.
	statementWeight = 0.35

	// functionWeight is the weight, in the written space, of the
	// characters of particles, auxiliaries and other function words,
	// against 1 for a noun.
	functionWeight = 0.25

	// modifierWeight is the share of its weight a noun keeps when it
	// modifies another (研修 in 研修期間, 北見 in 北見の冬).
	modifierWeight = 0.7
)

// analysis is a text in each space, with weights.
type analysis struct {
	spaces    [numSpaces]weightedText
	kanaOnly  bool       // written in hiragana alone: only the reading is reliable
	spellable []string   // its words in katakana or latin letters, for the spelling index
	kanji     []readWord // its words written in kanji alone (reading in katakana), for the homophone index
	names     []string   // the places and organisations it names (see properName), normalised
}

// weightedText is a text of one space and the weight of each of its parts:
// one weight per rune in the character spaces (a space separates
// segments), one per word in the word space (words separated by spaces).
type weightedText struct {
	s string
	w []float32 // how much each part counts when an entry has it
	d []float32 // the share of that it counts against an entry that lacks it
}

// textBuilder builds a weightedText.
type textBuilder struct {
	b    []byte
	w, d []float32
}

// reset empties t, keeping its memory.
func (t *textBuilder) reset() { t.b, t.w, t.d = t.b[:0], t.w[:0], t.d[:0] }

// write appends s, each rune weighing w, d.
func (t *textBuilder) write(s string, w, d float64) {
	t.b = append(t.b, s...)
	for range utf8.RuneCountInString(s) {
		t.w = append(t.w, float32(w))
		t.d = append(t.d, float32(d))
	}
}

// word appends a word of the word space.
func (t *textBuilder) word(s string, w, d float64) {
	if len(t.b) > 0 {
		t.b = append(t.b, ' ')
	}
	t.b = append(t.b, s...)
	t.w = append(t.w, float32(w))
	t.d = append(t.d, float32(d))
}

// boundary appends a segment boundary.
func (t *textBuilder) boundary() { t.write(" ", 0, 0) }

// foldKana turns the katakana of the built text into hiragana, in place
// when the text is valid UTF-8.
func (t *textBuilder) foldKana() {
	if !utf8.Valid(t.b) {
		t.b = append(t.b[:0], foldKatakanaText(string(t.b))...)
		return
	}
	for i := 0; i < len(t.b); {
		r, size := utf8.DecodeRune(t.b[i:])
		if r >= 'ァ' && r <= 'ヴ' {
			utf8.EncodeRune(t.b[i:], r-'ァ'+'ぁ') // the same length
		}
		i += size
	}
}

// texts returns the texts built in an.out with katakana folded to
// hiragana, their strings cut from one allocation. Their weights are
// an.out's memory: they last until an.out is reset.
func (an *analyzer) texts() [numSpaces]weightedText {
	all := an.joined[:0]
	for k := range an.out {
		an.out[k].foldKana()
		all = append(all, an.out[k].b...)
	}
	an.joined = all
	s := string(all)
	var ts [numSpaces]weightedText
	for k, t := range an.out {
		ts[k] = weightedText{s: s[:len(t.b)], w: t.w, d: t.d}
		s = s[len(t.b):]
	}
	return ts
}

// analyzedToken is a token of a sentence with what the analysis needs.
type analyzedToken struct {
	written, reading string
	content          float64 // how much the word says about the topic, 0 for a function word
	clause           int     // index of its clause in the sentence
	noun, linker     bool    // a noun; the particle の that makes a noun modify the next
	frames, quoted   bool    // a word that tells of asking or being told (聞く, 質問), after a quote (〜って聞いた): see markFrames
	frame            bool    // in a clause that only frames the question (先輩に聞いたんですけど)
	name             bool    // a place or an organisation (see properName)
}

// sentence is a sentence of a text, analysed: its tokens are
// analyzer.toks[from:to].
type sentence struct {
	from, to int
	clauses  int  // number of clauses
	asks     bool // the sentence is a question or a request
}

// analyzer is the working memory of analyzeText. Match reuses one from
// analyzerPool for every question.
type analyzer struct {
	out    [numSpaces]textBuilder
	sents  []sentence
	chunks []string
	toks   []analyzedToken // the tokens of every sentence, one after another
	joined []byte          // texts' working memory
	words  *wordLattice    // the analyser's, from latticePool while analyze runs
	recut  []morph         // the words of a chunk cut again (see tokens)

	concepts conceptMap      // the index's concepts, while it analyses for one
	vocab    *homophoneIndex // the index's words by reading, while it analyses a question for one
	kanji    []readWord      // the words written in kanji alone of an entry's text (see analysis)
	names    []string        // the proper names of the text analysed (see properName)
}

// analyzerPool holds analyzers for Match.
var analyzerPool = sync.Pool{New: func() any { return new(analyzer) }}

// analyzeText turns a text into its form in each space:
//   - written: the normalised text with every inflected word in its
//     dictionary form (戻れ, 戻っ → 戻る);
//   - reading: the normalised text with every kanji word in its reading;
//   - words: the content words (nouns, verbs, adjectives, adverbs, latin)
//     in dictionary form; particles, auxiliaries and the like are left out.
//
// All three are in hiragana; spaces are boundaries. Every part weighs how
// much it says about what is asked: see contentWeight and the clause
// weights above.
func analyzeText(text string, fix func(string) string, concepts conceptMap) analysis {
	an := analyzer{concepts: concepts}
	return an.analyze(text, fix)
}

// analyze is analyzeText. The weights of the result are an's memory: they
// last until an analyses another text.
func (an *analyzer) analyze(text string, fix func(string) string) analysis {
	var a analysis
	an.sents, an.toks, an.names, an.kanji = an.sents[:0], an.toks[:0], an.names[:0], nil
	an.words = latticePool.Get().(*wordLattice)
	defer func() { latticePool.Put(an.words); an.words = nil }()
	hiragana, some := true, false
	for raw, endsAsking := range sentences(text) {
		if !some {
			raw = WithoutLabel(raw) // 【質問】研修って何ヶ月？
		}
		raw = WithoutKaomoji(raw)
		an.chunks = an.chunks[:0]
		first := true
		for c := range strings.FieldsFuncSeq(raw, isPhraseBreak) {
			c = cutBoilerplate(suffixTopics(normalizeKeepKana(c)))
			if first {
				c, first = WithoutConnective(c), false // あと研修って何ヶ月？
			}
			if fix != nil {
				c = fix(c)
			} else {
				for w := range spellableWords(c) {
					a.spellable = append(a.spellable, w)
				}
			}
			if c != "" && !isLaughter(c) {
				some = true
				hiragana = hiragana && onlyHiraganaText(c)
				if an.vocab != nil {
					c = an.vocab.spell(c)
				}
				an.chunks = append(an.chunks, c)
			}
		}
		if len(an.chunks) > 0 {
			an.sents = append(an.sents, an.sentence(an.chunks, endsAsking))
		}
	}
	a.kanaOnly = some && hiragana
	an.write(a.kanaOnly)
	a.spaces = an.texts()
	a.names = an.names
	if fix == nil {
		a.kanji = an.kanji
	}
	return a
}

// owned returns a with its own memory, where analyze's result shares the
// analyzer's: the weights of every space in one allocation.
func (a analysis) owned() analysis {
	n := 0
	for _, t := range a.spaces {
		n += len(t.w) + len(t.d)
	}
	all := make([]float32, 0, n)
	for k, t := range a.spaces {
		from := len(all)
		all = append(all, t.w...)
		a.spaces[k].w = all[from:len(all):len(all)]
		from = len(all)
		all = append(all, t.d...)
		a.spaces[k].d = all[from:len(all):len(all)]
	}
	a.names = slices.Clone(a.names)
	return a
}

// write writes the analysed sentences into an.out, weighted.
func (an *analyzer) write(kanaOnly bool) {
	asking := false
	for _, s := range an.sents {
		asking = asking || s.asks
	}
	out := &an.out
	for k := range out {
		out[k].reset()
	}
	for i, s := range an.sents {
		if i > 0 {
			out[writtenSpace].boundary()
			out[readingSpace].boundary()
		}
		toks := an.toks[s.from:s.to]
		for j, tok := range toks {
			d, w := 1.0, 1.0
			switch {
			case kanaOnly:
				// the analyser cannot cut hiragana reliably into clauses
			case asking && !s.asks:
				d = statementWeight
			case tok.frame:
				d, w = frameWeight, frameWeight // whether an entry has them or not
			case tok.clause < s.clauses-1:
				d = subClauseWeight
			}
			if tok.written == "" {
				continue // a comma
			}
			if tok.written == " " {
				out[writtenSpace].boundary()
				out[readingSpace].boundary()
				continue
			}
			if tok.name && d == 1 && (s.asks || !asking) && asksAbout(toks[j+1:]) {
				an.names = append(an.names, Normalize(tok.written))
			}
			out[writtenSpace].write(tok.written, w*max(tok.content, functionWeight), d)
			out[readingSpace].write(tok.reading, w, d)
			if tok.content > 0 {
				out[wordSpace].word(an.concepts.word(tok.written), w*tok.content, d)
			}
		}
	}
}

// sentences yields the sentences of text, split at sentence-ending
// punctuation, line breaks and emoji, each with whether it ended with a
// question mark.
func sentences(text string) func(yield func(string, bool) bool) {
	return func(yield func(string, bool) bool) {
		start := 0
		for i, r := range text {
			if !isSentenceEnd(r) {
				continue
			}
			if i > start && !yield(text[start:i], r == '?' || r == '？') {
				return
			}
			start = i + utf8.RuneLen(r)
		}
		if start < len(text) {
			yield(text[start:], false)
		}
	}
}

// isPhraseBreak reports whether r separates the phrases of a sentence.
func isPhraseBreak(r rune) bool {
	switch r {
	case '、', '，', ',', '､', '・', '「', '」', '『', '』', '（', '）', '(', ')':
		return true
	}
	return false
}

// isSentenceEnd reports whether r ends a sentence.
func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '．', '｡', '!', '！', '?', '？', '\n', '\r', '…':
		return true
	}
	return r >= 0x2600 && !isPlainRune(r) && unicode.Is(unicode.So, r) // emoji close chat sentences
}

// sentence analyses a sentence given as its normalised phrases (the parts
// between commas, analysed apart so that no word spans them), appending
// its tokens to an.toks.
func (an *analyzer) sentence(chunks []string, endsAsking bool) sentence {
	out := sentence{from: len(an.toks), asks: endsAsking}
	var lastPOS, lastSub string
	for i, chunk := range chunks {
		if i > 0 {
			if n := len(an.toks); n > out.from && an.toks[n-1].clause == out.clauses {
				out.clauses++ // a comma ends a clause
			}
			an.toks = append(an.toks, analyzedToken{clause: out.clauses}) // a break
		}
		lastPOS, lastSub = an.addTokens(&out, chunk, lastPOS, lastSub)
	}
	out.to = len(an.toks)
	out.finish(an.toks[out.from:out.to], lastPOS, lastSub)
	return out
}

// addTokens analyses a chunk of sentence out: a phrase between commas.
func (an *analyzer) addTokens(out *sentence, chunk, lastPOS, lastSub string) (string, string) {
	d := ipaDictionary()
	toks := an.tokens(d, chunk)
	if an.vocab != nil {
		if fixed, ok := an.vocab.repair(d, toks, chunk, an.concepts); ok {
			toks = an.tokens(d, fixed)
		}
	}
	prev := "" // the token before, when written in kanji alone
	for i, tok := range toks {
		surface := tok.surface
		after := prev
		if prev = ""; allHan(surface) {
			prev = surface
		}
		if surface == " " {
			an.toks = append(an.toks, analyzedToken{written: " ", clause: out.clauses})
			continue
		}
		if isLaughter(surface) || degreeWord(surface) {
			continue
		}
		pos, sub, base := d.field(tok, 0), d.field(tok, 1), d.field(tok, 6)
		written, reading := surface, surface
		han := containsHan(surface)
		if base == "行う" && strings.HasPrefix(surface, "行っ") {
			base = "行く" // 東京行ったら: in a question, 行った went more often than it held
		}
		if nounBeforeVerb(d, toks, i, pos, sub, base) {
			pos, base = "名詞", surface // 休み取れる: 休み, not 休む, as 休みは取れる reads it
		}
		if base != "" && (han || pos == "動詞" || pos == "形容詞") {
			written = base
		}
		if han {
			if kana := d.field(tok, 7); kana != "" {
				reading = kana
			}
			if an.vocab == nil && allHan(surface) {
				an.kanji = append(an.kanji, readWord{written: surface, reading: reading, after: after})
			}
		}
		an.toks = append(an.toks, analyzedToken{
			written: written, reading: reading,
			content: contentWeight(tok, pos, sub, base), clause: out.clauses,
			noun: pos == "名詞" || tok.class == tokenizer.UNKNOWN, linker: pos == "助詞" && sub == "連体化",
			frames: frameWord(base), quoted: i > 0 && quoting(toks[i-1].surface),
			name: tok.class != tokenizer.UNKNOWN && properName(pos, sub, d.field(tok, 2)),
		})
		if isInterrogative(pos, base) {
			out.asks = true
		}
		if pos == "助詞" && sub == "接続助詞" && endsClause(surface) {
			out.clauses++
		}
		lastPOS, lastSub = pos, sub
	}
	return lastPOS, lastSub
}

// nounBeforeVerb reports whether toks[i], a verb in its continuative
// form written with a kanji (休み), stands right before one of
// verbsAfterNoun: the noun of that form with the particle left out
// (休み取れる for 休みは取れる), which the dictionary cuts as a compound
// verb would be cut. pos, sub and base are the token's.
func nounBeforeVerb(d *ipaDict, toks []morph, i int, pos, sub, base string) bool {
	t := toks[i]
	if pos != "動詞" || sub != "自立" || t.surface == base || i+1 >= len(toks) || !containsHan(t.surface) || d.field(t, 5) != "連用形" {
		return false
	}
	next := toks[i+1]
	return d.field(next, 0) == "動詞" && slices.Contains(verbsAfterNoun, d.field(next, 6))
}

// verbsAfterNoun are the verbs a noun stands before with its particle
// left out (休み取れる, 休みある), but that make no compound verb with a
// verb before them (立ち上げる is one word).
var verbsAfterNoun = []string{"ある", "取れる", "取る", "とれる", "もらえる", "もらう", "出る", "できる", "使える", "入る", "いる", "決まる", "変わる", "違う"}

// tokens returns the words of chunk. The dictionary's old auxiliary つ
// (perfect tense) draws the い of いつ into a verb: it cuts 説明会いつ into
// 説明・会い・つ and 締め切りはいつ into 締め切り・は・い・つ. A chunk so cut
// is cut again around いつ: 説明会・いつ, 締め切り・は・いつ・です・か. A
// word cut before a small ゃ (工大・生じ・ゃないと) is cut again before the
// rune it took: 工大生・じゃないと.
func (an *analyzer) tokens(d *ipaDict, chunk string) []morph {
	toks := an.words.tokenize(chunk)
	at := 0 // byte offset of toks[i] in chunk
	for i, t := range toks {
		if i > 0 && t.surface == "つ" && strings.HasSuffix(toks[i-1].surface, "い") && d.field(t, 0) == "助動詞" {
			cut, end := at-len("い"), at+len("つ")
			an.recut = append(an.recut[:0], an.words.tokenize(chunk[:cut])...)
			an.recut = append(an.recut, an.words.tokenize(chunk[cut:end])...)
			return append(an.recut, an.words.tokenize(chunk[end:])...)
		}
		if i > 0 && startsSmallKana(t.surface) && containsHan(toks[i-1].surface) {
			_, n := utf8.DecodeLastRuneInString(toks[i-1].surface)
			cut := at - n // 工大生・じゃないと, not 工大・生じ・ゃないと
			an.recut = append(an.recut[:0], an.words.tokenize(chunk[:cut])...)
			return append(an.recut, an.words.tokenize(chunk[cut:])...)
		}
		at += len(t.surface)
	}
	return toks
}

// startsSmallKana reports whether s starts with a small ゃ, ゅ or ょ, which
// no word starts with: the dictionary has cut the rune before it off
// (生じ・ゃないと for 生・じゃないと).
func startsSmallKana(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == 'ゃ' || r == 'ゅ' || r == 'ょ'
}

// finish closes the analysis of a sentence, whose tokens are toks.
func (out *sentence) finish(toks []analyzedToken, lastPOS, lastSub string) {
	if len(toks) > 0 && toks[len(toks)-1].clause == out.clauses {
		out.clauses++ // the last clause
	} else if out.clauses > 0 {
		// the sentence ended with a conjunctive particle (〜なんですけど):
		// its last clause is the one before it
		for i := range toks {
			toks[i].clause = min(toks[i].clause, out.clauses-1)
		}
	}
	dropFinalNan(toks)
	markModifiers(toks)
	markFrames(toks, out.clauses)
	if lastPOS == "助詞" && strings.Contains(lastSub, "終助詞") {
		out.asks = true // 〜か, 〜の, 〜かな
	}
}

// markFrames marks the tokens of the clauses before the last that only
// frame the question: whose last word tells of asking it or of being told
// (先輩に聞いたんですけど, 個人的な質問なんですけど). Their words are about
// the asking, not about what is asked; what was heard
// (面接で何を聞かれるって聞いたんですけど) is not a frame, nor is a clause
// that names its topic (寮について聞きたいんですが).
func markFrames(toks []analyzedToken, clauses int) {
	for c := range clauses - 1 {
		last, topic := -1, false // the clause's last word with a content or a frame; whether it names its topic
		for i, t := range toks {
			if t.clause == c && (t.content > 0 || t.frames) {
				last = i
			}
			topic = topic || t.clause == c && (t.written == "について" || t.written == "関する")
		}
		if last < 0 || !toks[last].frames || toks[last].quoted || topic {
			continue
		}
		for i := range toks {
			if toks[i].clause == c {
				toks[i].frame = true
			}
		}
	}
}

// frameWord reports whether a word, by its dictionary form, tells of
// asking or of being told.
func frameWord(base string) bool {
	switch base {
	case "聞く", "伺う", "尋ねる", "訊く", "質問", "相談", "耳にする", "噂":
		return true
	}
	return false
}

// quoting reports whether a word ends with a particle that quotes what
// comes before it: what was heard (研修は4ヶ月って聞いたんですけど) is the
// question's content. The analyser may leave kana it cannot cut in one
// word with the particle (…ないですよねって).
func quoting(surface string) bool {
	return strings.HasSuffix(surface, "って") || surface == "と" || surface == "て"
}

// dropFinalNan weighs nothing the なん that ends a sentence after its
// content words: the Kansai copula of 「研修って何ヶ月なん？」 (なの), not
// the question word of 「なんで？」.
func dropFinalNan(toks []analyzedToken) {
	last := -1
	for i, t := range toks {
		if t.content > 0 {
			last = i
		}
	}
	if last <= 0 || toks[last].written != "なん" {
		return
	}
	for _, t := range toks[:last] {
		if t.content > 0 {
			toks[last].content = 0
			return
		}
	}
}

// markModifiers weighs less the nouns that modify another (the 研修 of
// 研修期間, the 北見 of 北見の冬) than the head they modify, which is
// what the question is about.
func markModifiers(toks []analyzedToken) {
	for i := range toks {
		if !toks[i].noun || toks[i].content == 0 || i+1 == len(toks) {
			continue
		}
		if next := toks[i+1]; next.noun && next.content > 0 || next.linker {
			toks[i].content *= modifierWeight
		}
	}
}

// endsClause reports whether a conjunctive particle ends a clause that
// only leads up to the question (〜けど, 〜が, 〜ので), rather than joining
// two parts of it (〜て, 〜たら).
func endsClause(surface string) bool {
	switch surface {
	case "けど", "けれど", "けれども", "が", "ので", "のに", "から", "し":
		return true
	}
	return false
}

// isInterrogative reports whether a token asks: a question word (何, いつ,
// どこ, 誰, どう, どんな, なぜ) or a request (教えて, 知りたい), from its part of
// speech and dictionary form.
func isInterrogative(pos, base string) bool {
	switch pos {
	case "名詞", "副詞", "連体詞":
		switch base {
		case "何", "なに", "なん", "いつ", "どこ", "誰", "だれ", "どれ", "どちら", "どっち", "いくら",
			"どう", "なぜ", "なんで", "どうして", "どんな", "どういう", "どの", "いかが":
			return true
		}
	case "動詞":
		return base == "教える" || base == "知る"
	}
	return false
}

// properName reports whether a token of part of speech pos, subdivisions
// sub and sub2 names a particular place, organisation or person (東京,
// 富士通, 内山): a question that names one is about it, and an entry that
// never mentions it cannot be its answer.
func properName(pos, sub, sub2 string) bool {
	return pos == "名詞" && sub == "固有名詞" && (sub2 == "地域" || sub2 == "組織" || sub2 == "人名")
}

// groupNouns name the people of a place's company or team (東京のチーム).
var groupNouns = []string{"チーム", "先輩", "社員", "メンバー", "上司", "同僚", "人たち", "方々", "会社", "本社"}

// asksAbout reports whether a name followed by the tokens after is what
// a question asks about, rather than where the student is from (札幌出身,
// 沖縄から行ったら), a place compared with (札幌より寒い), an example
// among others (東京とか福島とか), the people of a place (東京のチーム,
// see groupNouns) or where someone is (先輩が東京にいると).
func asksAbout(after []analyzedToken) bool {
	if len(after) == 0 {
		return true
	}
	switch after[0].written {
	case "出身", "とか", "など", "みたい", "から", "より", "生まれ", "育ち":
		return false
	case "酒":
		return false // 日本酒 names a drink
	case "の":
		// 東京のチーム, 東京の先輩: the people the student would work
		// with, wherever they are, not the place
		return len(after) < 2 || !slices.Contains(groupNouns, after[1].written)
	case "に":
		// 先輩が東京にいると: where someone is, said of them
		return len(after) < 2 || after[1].written != "いる"
	}
	return true
}

// suffixTopics rewrites the colloquial topic marker 「って」 after a noun
// the analyser would otherwise cut into a verb as 「は」: after the noun
// suffixes of topicSuffixes (説明会って, 研修中って, 初任給って, 卒業生って,
// whose 会っ, 中っ… it reads as the verbs 会う, 中る…). A verb written in
// kanji after no other kanji (出会って, 会って) is left alone. (Doing the
// same after katakana, for ズープスって, cost more questions than it won.)
func suffixTopics(s string) string {
	var b strings.Builder
	copied := 0 // s[:copied] is in b
	for from := 0; ; {
		i := strings.Index(s[from:], "って")
		if i < 0 {
			break
		}
		at := from + i
		from = at + len("って")
		if topicBefore(s[:at]) {
			b.WriteString(s[copied:at])
			b.WriteString("は")
			copied = from
		}
	}
	if copied == 0 {
		return s // nothing rewritten: no copy
	}
	b.WriteString(s[copied:])
	return b.String()
}

// topicSuffixes are the kanji that end nouns (説明会, 研修中, 電気代) and
// that the analyser, before 「って」, takes for the stem of a verb.
const topicSuffixes = "会中代給生量食祭料便法図点"

// topicBefore reports whether the text before a 「って」 ends in a noun
// the analyser would misread (see suffixTopics).
func topicBefore(before string) bool {
	last, n := utf8.DecodeLastRuneInString(before)
	if n == 0 {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(before[:len(before)-n])
	return strings.ContainsRune(topicSuffixes, last) && unicode.Is(unicode.Han, prev) && prev != '出'
}

// isLaughter reports whether s is a run of the laughter that closes chat
// sentences: w or 笑 (何？ｗ, なんでサーモンなの笑).
func isLaughter(s string) bool {
	return strings.Trim(s, "w笑") == ""
}

// contentWeight says how much a token tells about the topic of a question:
// 1 for a noun, less for verbs, adjectives, adverbs and the nouns that
// depend on others, 0 for particles, auxiliaries and the verbs that frame
// a question rather than tell its topic (教えて, 知りたい, いただけますか),
// and 確認 that frames one as they do (確認させてください).
// pos, sub and base are its part of speech, subdivision and dictionary
// form.
func contentWeight(tok morph, pos, sub, base string) float64 {
	if courtesyWord(base) || truthWord(base) || base == "確認" || tok.class == tokenizer.UNKNOWN && onlyHiraganaText(tok.surface) {
		return 0 // courtesy, "is it true", or hiragana the dictionary could not cut (生じ・ゃないとだめですかって)
	}
	switch pos {
	case "名詞":
		switch sub {
		case "非自立", "特殊":
			return 0
		case "代名詞", "数", "接尾":
			return 0.5
		case "副詞可能":
			return 0.7
		}
		return 1
	case "動詞", "形容詞":
		if sub == "非自立" || sub == "接尾" || framingVerb(base) {
			return 0
		}
		return 0.6
	case "副詞":
		return 0.5
	case "記号":
		if sub == "アルファベット" {
			return 1
		}
	}
	if tok.class == tokenizer.UNKNOWN && pos != "記号" && pos != "感動詞" {
		return 1
	}
	return 0
}

// degreeWord reports whether a word only says how much or how frankly
// (めっちゃ, なまら, 超, 正直, ガチ), or sums up (要するに, 結局), which
// tells nothing of what a question is about: 「北見の冬ってなまら寒い？」
// asks what 「北見の冬って寒い？」 asks, so the analyser leaves it out; and
// so is やつ, a casual "thing" (サケモデルってやつ). 結構 (also a polite no)
// and やっぱり (which takes a choice back) are not among them.
func degreeWord(surface string) bool {
	switch surface {
	case "とても", "すごく", "すっごく", "めっちゃ", "めちゃ", "めちゃくちゃ", "めっちゃくちゃ", "めちゃめちゃ",
		"なまら", "ばり", "ごっつ", "超", "かなり", "ほんとに", "本当に", "ほんとうに",
		"まじ", "マジ", "非常に", "だいぶ", "割と", "わりと", "正直", "ぶっちゃけ", "ガチ",
		"詳しく", "くわしく", "具体的に", "詳細に",
		"要するに", "結局", "つまり", "やつ":
		return true
	}
	return false
}

// courtesyWord reports whether a word, by its dictionary form, is only
// the courtesy around a question (恐れ入りますが, お手数ですが,
// お伺いしてもよろしいでしょうか, ご教示いただけますと幸いです), which
// tells nothing of its topic.
func courtesyWord(base string) bool {
	switch base {
	case "恐れ入る", "よろしい", "宜しい", "差し支える", "差し支え", "伺い", "申し訳", "お手数", "手数",
		"教示", "幸い", "失礼", "恐縮", "お忙しい", "助かる":
		return true
	}
	return false
}

// truthWord reports whether a word, by its dictionary form, only asks
// whether what is said is true (〜って聞いたんですけど本当ですか,
// 〜ってほんと？): the question is about what is said.
func truthWord(base string) bool {
	switch base {
	case "本当", "ほんと", "ホント", "ほんとう", "ほんま", "マジ", "まじ", "事実":
		return true
	}
	return false
}

// framingVerb reports whether a verb frames a question or a request
// (教えてください, 知りたい, 聞いたんですけど, いただけますか) rather than
// say anything about its topic.
func framingVerb(base string) bool {
	switch base {
	case "教える", "知る", "聞く", "伺う", "尋ねる", "思う", "わかる", "分かる",
		"いただく", "いただける", "頂く", "もらう", "もらえる", "くれる", "くださる", "下さる", "願う",
		"おしえる", "しる", "きく", "おもう", "うかがう", "たずねる": // typed in hiragana (休日おしえて)
		return true
	}
	return false
}

// field is the i-th IPA feature of a token (0 part of speech, 1 its
// subdivision, 6 dictionary form, 7 reading), or "" when it has none.
func (d *ipaDict) field(tok morph, i int) string {
	if f, ok := d.feature(tok, i); ok && f != "*" {
		return f
	}
	return ""
}

// containsHan reports whether s holds a kanji.
func containsHan(s string) bool {
	for _, r := range s {
		if r >= 0x3400 && unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// foldKatakanaText turns katakana into hiragana.
func foldKatakanaText(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'ァ' && r <= 'ヴ' {
			return r - 'ァ' + 'ぁ'
		}
		return r
	}, s)
}

// spellingIndex corrects misspelt loanwords and names in a question
// (リモーワーク, サケモデレ, zoops) to the nearest word of the entries. Only
// words in katakana or latin letters are corrected: they are the ones an
// IME does not check, and the ones the analyser cannot make sense of when
// misspelt. A word is left alone when it is in the entries, when the
// dictionary knows it as one word (オフライン is no misspelling of
// オンライン), when it is short, or when two words are as near.
type spellingIndex struct {
	known  map[string]bool
	byLen  map[int][][]rune // words by length in runes
	maxLen int
}

// minSpellingRunes is the shortest word corrected: shorter ones have too
// many neighbours one edit away.
const minSpellingRunes = 4

// newSpellingIndex collects the katakana and latin words of the entries'
// texts, answers included, as analyzeEntries found them.
func newSpellingIndex(forms [][]analysis) spellingIndex {
	si := spellingIndex{known: make(map[string]bool), byLen: make(map[int][][]rune)}
	for _, entry := range forms {
		for _, a := range entry {
			for _, w := range a.spellable {
				if si.known[w] {
					continue
				}
				si.known[w] = true
				r := []rune(w)
				si.byLen[len(r)] = append(si.byLen[len(r)], r)
				si.maxLen = max(si.maxLen, len(r))
			}
		}
	}
	return si
}

// spellableWords yields the runs of katakana (with long-vowel marks) and of
// latin letters in s.
func spellableWords(s string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		start, kind := 0, 0
		for i, r := range s {
			k := spellingKind(r)
			if k == kind {
				continue
			}
			if kind != 0 && !yield(s[start:i]) {
				return
			}
			start, kind = i, k
		}
		if kind != 0 {
			yield(s[start:])
		}
	}
}

// spellingKind is 1 for katakana, 2 for latin, 0 for anything else.
func spellingKind(r rune) int {
	switch {
	case r >= 'ァ' && r <= 'ヺ' || r == longVowel:
		return 1
	case r >= 'a' && r <= 'z':
		return 2
	}
	return 0
}

// correct rewrites the misspelt words of a normalised (katakana-keeping)
// sentence.
func (si *spellingIndex) correct(s string) string {
	if len(si.known) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for w := range spellableWords(s) {
		fixed, ok := si.nearest(w)
		if !ok {
			continue
		}
		i := strings.Index(s[last:], w) + last
		b.WriteString(s[last:i])
		b.WriteString(fixed)
		last = i + len(w)
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// nearest finds the word of the entries w is a misspelling of.
func (si *spellingIndex) nearest(w string) (string, bool) {
	n := utf8.RuneCountInString(w)
	if n < minSpellingRunes || n > si.maxLen+2 || si.known[w] || isDictionaryWord(w) {
		return "", false
	}
	maxDist := 1
	if n >= 8 {
		maxDist = 2
	}
	r := []rune(w)
	var best []rune
	bestDist, ties := maxDist+1, 0
	for l := n - maxDist; l <= n+maxDist; l++ {
		for _, c := range si.byLen[l] {
			d := editDistance(r, c, maxDist+1)
			switch {
			case d > maxDist:
			case d < bestDist:
				best, bestDist, ties = c, d, 1
			case d == bestDist:
				ties++
			}
		}
	}
	if best == nil || ties > 1 {
		return "", false
	}
	return string(best), true
}

// isDictionaryWord reports whether the analyser knows w as a single word.
func isDictionaryWord(w string) bool {
	la := latticePool.Get().(*wordLattice)
	defer latticePool.Put(la)
	toks := la.tokenize(w)
	return len(toks) == 1 && toks[0].class == tokenizer.KNOWN
}

// editDistance is the optimal string alignment distance between a and b
// (insertions, deletions, substitutions and swaps of neighbours), or
// anything ≥ limit once it is known to reach limit.
func editDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
