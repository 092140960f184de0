package faq

import (
	"path/filepath"
	"testing"
)

// questionSet is a set of questions with the floors the matcher must keep
// on it.
type questionSet struct {
	name, path string
	// minOnTopic: on-topic questions answered with the right entry;
	// minRejected: off-topic and unanswerable ones not answered with a fact;
	// minSuggested: of the on-topic questions not answered, those offered
	// the right entry as a did-you-mean choice.
	minOnTopic, minRejected, minSuggested float64
}

// questionSets are the sets besides faq_dev.tsv and faq_holdout.tsv:
// faq_dev2.tsv was written in students' own words by a helper who saw only
// the source article, and is tuned on; faq_blind.tsv was written the same
// way by another helper, measured blind once (2026-12-04: 0.865 / 0.850 /
// 0.870) and a development set since (the facts an entry cannot state,
// attribute.go, took its off-topic figure to 0.933 and dev2's from 0.850 to
// 0.917). The floors sit just under what was measured, so a drop fails;
// they are not the targets (0.95 / 0.90 / 0.5). faq_blind2.tsv (197
// on-topic, 52 off-topic) was written 2026-12-05 by a third helper from the
// article and a list of topics only, and measured once at the end of that
// session: 0.893 / 0.923 / 0.733; never tuned on. faq_blind3.tsv (201
// on-topic, 61 off-topic) was written the same way by a fourth helper and
// measured once on 2026-12-05 (evening): 0.856 / 0.984 / 0.773, and has
// been a development set since 2026-12-05 (night): phrasings and concepts
// for its misses took it to 0.935 / 0.984 / 0.833; its floors follow. The
// same change answered blind2's 「面接ってzoomでもいい？」, which it had
// offered as a choice: its share of right choices among the misses fell
// from 11/15 to 10/14 with no question lost, so that floor is 0.71. faq_blind4.tsv (195 on-topic, 64 off-topic) was
// written on 2026-12-05 (night) by a fifth helper from the article and a
// list of topics only, and measured once after that: 0.805 / 0.953 /
// 0.633. It has been a development set since 2026-12-06: phrasings and
// concept groups for its misses, and today's weather as a fact no entry
// states (attribute.go), took it to 0.959 / 0.969 / 1.000 and the others
// up or level (dev2 0.974 / 0.950, blind 0.884 / 0.933, blind2 0.904 /
// 0.942, blind3 0.945 / 0.984). The floors sit one question under those.
// The share of right choices among the misses is a share of a few
// questions, and falls when a suggested one comes to be answered: its
// floors sit well under what was measured but over the target of 0.5.
// faq_blind5.tsv (231 on-topic, 62 off-topic) was written on 2026-12-06 by
// a sixth helper from the article and a list of topics only, and measured
// once after the changes of that session: 212/231 (0.918) / 57/62 (0.919)
// / 13/16 (0.812); the code before that session read it 0.905 / 0.903 /
// 0.684. Its misses were read then, and it is a development set since:
// the population cue, which answered 「北見市の人口何人くらい」 with an
// entry that only mentions 関係人口, now needs a question for a number
// (58/62 off-topic). faq_blind6.tsv (222 on-topic, 65 off-topic) was
// written on 2026-12-06 (second session) by a seventh helper from the
// article and a list of topics only, and measured once after that
// session's changes: 201/222 (0.905) / 62/65 (0.954) / 11/15 (0.733);
// the code before that session read it 0.883 / 0.954 / 0.722. A
// development set since: phrasings for the misses of blind5 and blind6,
// and 「説明会って」 read as 説明会, took every set up or level; the floors
// sit one question under the figures of 2026-12-06 (second session).
// faq_blind7.tsv (222 on-topic, 65 off-topic), written at the end of that
// session by an eighth helper from the article and the labels only, in
// the words of students, graduate students and parents, was measured once
// after all of that session's changes: 199/222 (0.896) / 64/65 (0.985) /
// 14/19 (0.737); the code before the session read it 0.869 / 0.969 /
// 0.630. A development set since; its misses are so few now (4) that
// the share of right choices among them is held at the target, 0.5.
var questionSets = []questionSet{
	{name: "dev2", path: filepath.Join("testdata", "faq_dev2.tsv"), minOnTopic: 0.97, minRejected: 0.965, minSuggested: 0.5},
	{name: "blind", path: filepath.Join("testdata", "faq_blind.tsv"), minOnTopic: 0.965, minRejected: 0.96, minSuggested: 0.75},
	{name: "blind2", path: filepath.Join("testdata", "faq_blind2.tsv"), minOnTopic: 0.97, minRejected: 0.94, minSuggested: 0.65},
	{name: "blind3", path: filepath.Join("testdata", "faq_blind3.tsv"), minOnTopic: 0.975, minRejected: 0.98, minSuggested: 0.75},
	{name: "blind4", path: filepath.Join("testdata", "faq_blind4.tsv"), minOnTopic: 0.97, minRejected: 0.965, minSuggested: 0.75},
	{name: "blind5", path: filepath.Join("testdata", "faq_blind5.tsv"), minOnTopic: 0.985, minRejected: 0.95, minSuggested: 0.75},
	{name: "blind6", path: filepath.Join("testdata", "faq_blind6.tsv"), minOnTopic: 0.99, minRejected: 0.935, minSuggested: 0.75},
	{name: "blind7", path: filepath.Join("testdata", "faq_blind7.tsv"), minOnTopic: 0.975, minRejected: 0.965, minSuggested: 0.5},
	// measured once at the end of the session that made it (2026-12-06,
	// third): 216/281, 78/81, 44/56 (the code before the session: 204/281,
	// 78/81, 55/68); a development set since. The answer threshold of 0.44
	// (2026-12-06, fourth session) answered 7 of its suggested misses, so
	// the share of right choices among the rest fell to 32/44, with 2 of
	// blind2's (4/6): those floors follow. Phrasings written for its misses
	// (2026-12-07), with the threshold back at 0.46, took it to 263/281,
	// 78/81, 11/13, and blind2, blind5 and blind6 up: the floors sit one
	// question under. The homophone rules and the rereading by parts of the
	// same session took it to 266/281; weighing a framing clause less
	// (2026-12-06, sixth session) left 北見に残りたい学生向けの就職の仕組みが
	// あるって聞いたんですが… ambiguous between two entries: 265/281.
	{name: "blind8", path: filepath.Join("testdata", "faq_blind8.tsv"), minOnTopic: 0.94, minRejected: 0.95, minSuggested: 0.7},
	// written at the start of the fifth session of 2026-12-06 by a tenth
	// helper from the article and the labels only (290 on-topic, 78
	// off-topic), and measured once at its end: 271/290 (0.934) / 67/78
	// (0.859) / 11/13 (0.846); the code before the session: 272/290 /
	// 66/78 / 10/12. A development set since; the floors one question
	// under.
	{name: "blind9", path: filepath.Join("testdata", "faq_blind9.tsv"), minOnTopic: 0.93, minRejected: 0.845, minSuggested: 0.76},
	// written at the start of the sixth session of 2026-12-06 by two more
	// helpers from the article and the labels only: blind10 (262
	// on-topic, 85 off-topic; its helper's report named the kinds of its
	// traps, which were read before that session's changes) and blind11
	// (233, 80; its helper reported counts only, so it stayed wholly
	// unseen). Measured once at the session's end: blind10 247/262
	// (0.943) / 82/85 (0.965) / 13/13, blind11 221/233 (0.948) / 78/80
	// (0.975) / 8/10; the code before the session: the same but one
	// off-topic question fewer kept from a fact on each (81/85, 77/80).
	// Development sets since: where a place lies as a fact no entry states,
	// and phrasings for their misses (先輩は東京で暮らしてみてどうでしたか,
	// 面接ってどこでやるんですか…), took them to 250/262 / 83/85 / 11/11
	// and 224/233 / 79/80 / 6/7, blind9 to 272/290; the floors one
	// question under. Part-time jobs and employers in town, and summer's
	// temperature, as facts no entry states: 85/85 and 80/80 off-topic.
	{name: "blind10", path: filepath.Join("testdata", "faq_blind10.tsv"), minOnTopic: 0.95, minRejected: 0.98, minSuggested: 0.9},
	{name: "blind11", path: filepath.Join("testdata", "faq_blind11.tsv"), minOnTopic: 0.955, minRejected: 0.98, minSuggested: 0.7},
	// written at the start of the session of 2026-12-07 by two more helpers
	// from the article and the labels only, each told to report counts
	// alone, so that no one saw them: blind12 (297 on-topic, 104
	// off-topic) and blind13 (304, 95; many students' voices, an exchange
	// student's Japanese among them). Measured once at the session's end:
	// blind12 274/297 (0.923) / 96/104 (0.923) / 16/21, blind13 267/304
	// (0.878) / 91/95 (0.958) / 21/31; the code before the session (at
	// 23e3254): 273/297 / 96/104 / 17/22 and 263/304 / 91/95 / 23/33.
	// Development sets since: phrasings for their misses took them to
	// 276/297 / 96/104 / 16/19 and 278/304 / 91/95 / 16/21, no other set
	// lower; the floors one question under. 281/297 / 96/104 / 10/13 in
	// the eighth session (new phrasings): fewer misses left to offer
	// choices for, so blind12's did-you-mean floor is 0.76; 0.74 in the
	// ninth, when 282/297 left 9 of 12 misses offered the right entry.
	{name: "blind12", path: filepath.Join("testdata", "faq_blind12.tsv"), minOnTopic: 0.925, minRejected: 0.91, minSuggested: 0.74},
	{name: "blind13", path: filepath.Join("testdata", "faq_blind13.tsv"), minOnTopic: 0.91, minRejected: 0.945, minSuggested: 0.71},
	// faq_blind14.tsv (231 on-topic, 82 off-topic) and faq_blind15.tsv
	// (231, 81; twenty people's voices) were written at the start of the
	// eighth session (2026-12-07) the same way, blind, and measured once
	// at its end (2f063cc): 218/231 / 75/82 / 8/11 and 223/231 / 79/81 /
	// 6/7; the code before the session (d7505ae): 214/231 / 78/82 / 12/15
	// and 223/231 / 79/81 / 6/7. Development sets since: a record as a
	// fact no entry states took blind14 to 76/82; floors one under.
	{name: "blind14", path: filepath.Join("testdata", "faq_blind14.tsv"), minOnTopic: 0.935, minRejected: 0.91, minSuggested: 0.63},
	{name: "blind15", path: filepath.Join("testdata", "faq_blind15.tsv"), minOnTopic: 0.96, minRejected: 0.96, minSuggested: 0.71},
	// faq_blind16.tsv (191 on-topic, 75 off-topic; varied styles) and
	// faq_blind17.tsv (172, 75; twenty people's voices) were written at
	// the start of the ninth session (2026-12-07) the same way, blind, and
	// measured once near its end (5690d08): 184/191 / 75/75 / 2/5 and
	// 154/172 / 72/75 / 5/15; the code before the session (4aa2bf1):
	// 184/191 / 74/75 / 2/5 and 151/172 / 72/75 / 3/18. Development sets
	// since: English read throughout, 博多 forms and a phrasing took them
	// to 189/191 / 75/75 / 1/1 and 164/172 / 72/75 / 4/4; floors one
	// question under.
	{name: "blind16", path: filepath.Join("testdata", "faq_blind16.tsv"), minOnTopic: 0.98, minRejected: 0.985, minSuggested: 0.5},
	{name: "blind17", path: filepath.Join("testdata", "faq_blind17.tsv"), minOnTopic: 0.945, minRejected: 0.945, minSuggested: 0.5},
	// faq_dev12.tsv (230 on-topic, 80 off-topic) was written at the start
	// of the session of 2026-12-07 by a helper from the article and the
	// labels only, as a development set: read from the first day, never
	// a blind figure. 222/230 / 77/80 / 4/6 when first run; the floors
	// one question under.
	{name: "dev12", path: filepath.Join("testdata", "faq_dev12.tsv"), minOnTopic: 0.96, minRejected: 0.95, minSuggested: 0.5},
	// faq_dev13.tsv (225, 83) was written later that session the same
	// way, also a development set: 203/225 / 75/83 / 15/18 when first run;
	// 211/225 / 77/83 / 10/12 since (phrasings for its misses, shares
	// and costs as facts no entry states).
	{name: "dev13", path: filepath.Join("testdata", "faq_dev13.tsv"), minOnTopic: 0.93, minRejected: 0.92, minSuggested: 0.75},
	// faq_dev14.tsv (229, 88) the same way, in thirty students' voices:
	// 215/229 / 84/88 / 9/11 when first run.
	{name: "dev14", path: filepath.Join("testdata", "faq_dev14.tsv"), minOnTopic: 0.93, minRejected: 0.94, minSuggested: 0.72},
	// faq_dev16.tsv (244, 70) was written at the start of the session of
	// 2026-12-07 (eighth) the same way, its wording kept far from the
	// article's on purpose; a development set: 212/244 / 68/70 / 17/25
	// when first run, 223/244 / 68/70 / 12/17 since. The floors of dev16
	// to dev18 are one question under.
	{name: "dev16", path: filepath.Join("testdata", "faq_dev16.tsv"), minOnTopic: 0.905, minRejected: 0.955, minSuggested: 0.64},
	// faq_dev17.tsv (269, 84) the same way: questions on one detail of a
	// topic, between two topics, very long or very short: 247/269 / 79/84
	// / 11/17 when first run, 252/269 / 79/84 / 8/13 since.
	{name: "dev17", path: filepath.Join("testdata", "faq_dev17.tsv"), minOnTopic: 0.93, minRejected: 0.925, minSuggested: 0.53},
	// faq_dev18.tsv (275, 89) the same way: chat fragments and slang, long
	// keigo, hearsay and worries, many regions' speech: 254/275 / 84/89 /
	// 14/17 when first run, 258/275 / 84/89 / 12/14 since.
	{name: "dev18", path: filepath.Join("testdata", "faq_dev18.tsv"), minOnTopic: 0.93, minRejected: 0.93, minSuggested: 0.78},
	// faq_dev19.tsv (165, 74) was written at the start of the ninth
	// session the same way, its wordings chosen to be hard for a matcher
	// that counts words (synonyms, consequences, facts the article does
	// not give in the entries' words): 152/165 / 67/74 / 8/13 when first
	// run.
	// A loanword read (tenth session) answered one of its suggested misses:
	// the right choices among the rest are 7/12. The eleventh session
	// answered another (東京のチーム is no place asked about): 6/11, and
	// the floor is the target, 0.5.
	{name: "dev19", path: filepath.Join("testdata", "faq_dev19.tsv"), minOnTopic: 0.92, minRejected: 0.89, minSuggested: 0.5},
	// faq_dev20.tsv (165, 75) the same way, in many voices, an exchange
	// student's English among them: 136/165 / 73/75 / 11/24 when first
	// run (with the English of English already read).
	{name: "dev20", path: filepath.Join("testdata", "faq_dev20.tsv"), minOnTopic: 0.855, minRejected: 0.96, minSuggested: 0.58},
	// faq_dev21.tsv (185, 74) and faq_dev22.tsv (165, 74) were written
	// later in the ninth session the same way: dev21 asks each entry five
	// ways (a worry, a check of a detail, a fragment, a long story, keigo),
	// dev22 as a group chat forwards questions (typos, two questions in
	// one, comparisons). First run: 142/185 / 61/74 / 29/37 and 150/165 /
	// 69/74 / 11/12.
	{name: "dev21", path: filepath.Join("testdata", "faq_dev21.tsv"), minOnTopic: 0.76, minRejected: 0.9, minSuggested: 0.75},
	{name: "dev22", path: filepath.Join("testdata", "faq_dev22.tsv"), minOnTopic: 0.9, minRejected: 0.945, minSuggested: 0.8},
	// faq_dev23.tsv (111, 49; written mostly for its requests) and
	// faq_dev24.tsv (175, 74; everyday words from students who have not
	// read the article) the same way: 111/111 / 45/49 and 157/175 / 73/74
	// / 10/16 when first run.
	{name: "dev23", path: filepath.Join("testdata", "faq_dev23.tsv"), minOnTopic: 0.99, minRejected: 0.9, minSuggested: 0.5},
	{name: "dev24", path: filepath.Join("testdata", "faq_dev24.tsv"), minOnTopic: 0.89, minRejected: 0.97, minSuggested: 0.6},
	// faq_dev25.tsv and faq_dev26.tsv (165, 75 each) the same way, late
	// in the ninth session, in the two voices the blind sets of that
	// session were asked for (varied styles; twenty people): 159/165 /
	// 74/75 / 4/5 and 145/165 / 72/75 / 13/19 when first run.
	{name: "dev25", path: filepath.Join("testdata", "faq_dev25.tsv"), minOnTopic: 0.96, minRejected: 0.98, minSuggested: 0.75},
	{name: "dev26", path: filepath.Join("testdata", "faq_dev26.tsv"), minOnTopic: 0.915, minRejected: 0.95, minSuggested: 0.8},
	// faq_dev27.tsv and faq_dev28.tsv (224, 70 each) were written the
	// same way at the start of the tenth session: dev27 half in English as
	// international students and parents type it, half in Japanese with
	// English in it; dev28 in situations rather than the topics' words.
	// First run: 116/224 / 68/70 / 19/107 and 181/224 / 67/70 / 25/32.
	// Reading a message in English as Japanese would say it
	// (englishSentence) took dev27 to 189/224 / 68/70.
	{name: "dev27", path: filepath.Join("testdata", "faq_dev27.tsv"), minOnTopic: 0.84, minRejected: 0.95, minSuggested: 0.7},
	{name: "dev28", path: filepath.Join("testdata", "faq_dev28.tsv"), minOnTopic: 0.8, minRejected: 0.95, minSuggested: 0.75},
	// faq_dev29.tsv (198, 60), all in English, was written later in the
	// tenth session the same way, after the English reading was built,
	// and run first on that code: 121/198 / 58/60 / 41/71 (the code
	// before the session: 37/198 / 59/60 / 22/160). Words for its misses
	// took it to 156/198 / 58/60 / 26/34.
	{name: "dev29", path: filepath.Join("testdata", "faq_dev29.tsv"), minOnTopic: 0.78, minRejected: 0.95, minSuggested: 0.7},
	// faq_blind18.tsv (232 on-topic, 88 off-topic; students typing on a
	// phone) and faq_blind19.tsv (235, 87; fifteen voices, fifty
	// questions in English) were written at the start of the tenth
	// session by two helpers from the article and the labels only, and
	// measured once near its end (at 336f993): 216/232 (0.931) / 86/88 /
	// 9/12 and 194/235 (0.826) / 85/87 / 27/36. The code before the
	// session read them 216/232 / 86/88 / 9/12 and 177/235 / 85/87 /
	// 19/54. The floors sit just under what was measured.
	{name: "blind18", path: filepath.Join("testdata", "faq_blind18.tsv"), minOnTopic: 0.925, minRejected: 0.965, minSuggested: 0.7},
	{name: "blind19", path: filepath.Join("testdata", "faq_blind19.tsv"), minOnTopic: 0.82, minRejected: 0.965, minSuggested: 0.7},
	// faq_blind20.tsv (227, 83; students on LINE, a third in English,
	// katakana English) and faq_blind21.tsv (225, 79; twelve voices, 16%
	// English) were written in the middle of the tenth session by two more
	// helpers from the article and the labels only, committed unread, and
	// measured once at its end (at 66f96eb): 204/227 (0.899) / 82/83 /
	// 13/20 and 207/225 (0.920) / 78/79 / 13/17. The code before the
	// session read them 160/227 / 82/83 / 11/65 and 187/225 / 78/79 /
	// 14/38.
	{name: "blind20", path: filepath.Join("testdata", "faq_blind20.tsv"), minOnTopic: 0.895, minRejected: 0.975, minSuggested: 0.6},
	{name: "blind21", path: filepath.Join("testdata", "faq_blind21.tsv"), minOnTopic: 0.915, minRejected: 0.975, minSuggested: 0.7},
	// faq_dev30.tsv (261, 97; students' situations, indirect questions,
	// 15% English) was written at the start of the eleventh session the
	// same way, to tune on: 234/261 / 90/97 / 16/19 when first run.
	{name: "dev30", path: filepath.Join("testdata", "faq_dev30.tsv"), minOnTopic: 0.92, minRejected: 0.91, minSuggested: 0.85},
	// faq_dev31.tsv (320, 108; parents, a third in English, romaji,
	// long messages and two-word ones) was written in the eleventh
	// session the same way, to tune on: 286/320 / 105/108 / 22/29 when
	// first run.
	{name: "dev31", path: filepath.Join("testdata", "faq_dev31.tsv"), minOnTopic: 0.925, minRejected: 0.975, minSuggested: 0.75},
	// faq_blind22.tsv (263 on-topic, 88 off-topic; students typing fast,
	// dialect, fragments, 10% English) and faq_blind23.tsv (276, 95;
	// parents, international students in English, hiragana, two questions
	// in one) were written at the start of the eleventh session by two
	// helpers from the article and the labels only, committed unread, and
	// measured once near its end (at 5bc9f0c): 252/263 (0.958) / 87/88 /
	// 7/11 and 252/276 (0.913) / 94/95 / 13/17. The code before the
	// session read them 252/263 / 87/88 / 7/11 and 249/276 / 94/95 /
	// 15/21. Development sets since; the floors sit just under.
	{name: "blind22", path: filepath.Join("testdata", "faq_blind22.tsv"), minOnTopic: 0.955, minRejected: 0.98, minSuggested: 0.6},
	{name: "blind23", path: filepath.Join("testdata", "faq_blind23.tsv"), minOnTopic: 0.91, minRejected: 0.98, minSuggested: 0.7},
	// faq_blind24.tsv (207 on-topic, 85 off-topic; first- and second-year
	// students on phones: keywords, voice-input slips, 10% English) and
	// faq_blind25.tsv (189, 81; working people moving back, graduate
	// students, parents, keigo, 15% English) were written at the start of
	// the twelfth session by two helpers from the article and the labels
	// only, committed unread, and measured once near its end (at
	// 727677f): 196/207 (0.947) / 75/85 / 7/8 and 183/189 (0.968) / 80/81
	// / 4/5. The code before the session (d487cf5) read them 196/207 /
	// 75/85 / 8/9 and 180/189 / 80/81 / 6/7. Development sets since; the
	// floors sit just under.
	{name: "blind24", path: filepath.Join("testdata", "faq_blind24.tsv"), minOnTopic: 0.945, minRejected: 0.88, minSuggested: 0.85},
	{name: "blind25", path: filepath.Join("testdata", "faq_blind25.tsv"), minOnTopic: 0.965, minRejected: 0.98, minSuggested: 0.75},
	// faq_blind26.tsv (224 on-topic, 87 off-topic; Hokkaido students on
	// LINE: dialect, fragments, comparisons with a Tokyo job, voice-input
	// slips) and faq_blind27.tsv (210, 83; people mid-conversation,
	// parents, career-centre staff, international students, 15% English)
	// were written at the start of the thirteenth session by two helpers
	// from the article and the labels only, committed unread, and
	// measured once near its end (at d179d35): 208/224 (0.929) / 85/87 /
	// 11/14 and 199/210 (0.948) / 81/83 / 8/9. The code before the
	// session (816d63f) read them 209/224 / 84/87 / 10/13 and 199/210 /
	// 81/83 / 8/9. Development sets since; the floors sit just under.
	{name: "blind26", path: filepath.Join("testdata", "faq_blind26.tsv"), minOnTopic: 0.925, minRejected: 0.97, minSuggested: 0.75},
	{name: "blind27", path: filepath.Join("testdata", "faq_blind27.tsv"), minOnTopic: 0.945, minRejected: 0.97, minSuggested: 0.85},
}

func TestQuestionSets(t *testing.T) {
	faqs := loadDefaultFAQs(t)
	ix := NewIndex(faqs, loadDefaultConcepts(t)...)
	known := make(map[string]bool)
	for _, f := range faqs {
		known[f.ID] = true
	}
	for _, set := range questionSets {
		t.Run(set.name, func(t *testing.T) {
			cases := loadCases(t, set.path)
			for _, c := range cases {
				if c.Want != "-" && !known[c.Want] {
					t.Errorf("%s:%d: expected id %q is not in %s", set.path, c.Line, c.Want, defaultFAQPath)
				}
			}
			r := scoreDevSet(ix, cases)
			acc, rej, sug := ratio(r.answered, r.onTopic), ratio(r.rejected, r.offTopic), ratio(r.suggestedRight, r.unanswered)
			t.Logf("%s on-topic: %d/%d answered correctly (%.3f); of the %d not answered, %d offered the right entry (%.3f)",
				set.name, r.answered, r.onTopic, acc, r.unanswered, r.suggestedRight, sug)
			t.Logf("%s off-topic: %d/%d not answered with a fact (%.3f)", set.name, r.rejected, r.offTopic, rej)
			for _, f := range r.failures {
				t.Log("  " + f)
			}
			if acc < set.minOnTopic || rej < set.minRejected || sug < set.minSuggested {
				t.Errorf("%s: accuracy %.3f / rejection %.3f / suggested %.3f under the floors %.2f / %.2f / %.2f",
					set.name, acc, rej, sug, set.minOnTopic, set.minRejected, set.minSuggested)
			}
		})
	}
}
