package faq

import "strings"

// enVerb is a Japanese verb an English one is said with, in the forms a
// sentence needs: 話す, 話し(たい), 話して(ください), 話せ(ますか).
type enVerb struct {
	dict, stem, te, potential, nai string // nai: the stem of the negative, 話さ(ない)
}

// suru is the verb a noun makes with する (応募する): its potential is the
// noun with できる (応募できますか).
func suru(noun string) enVerb {
	return enVerb{dict: noun + "する", stem: noun + "し", te: noun + "して", potential: noun + "でき", nai: noun + "し"}
}

// ichidan is a verb of one stem ending in る (見せる, 始める).
func ichidan(dict string) enVerb {
	stem := strings.TrimSuffix(dict, "る")
	return enVerb{dict: dict, stem: stem, te: stem + "て", potential: stem + "られ", nai: stem}
}

// kuru is 来る, the irregular verb, after what comes (連絡が来る).
func kuru(what string) enVerb {
	return enVerb{dict: what + "来る", stem: what + "来", te: what + "来て", potential: what + "来られ", nai: what + "来"}
}

// godanEndings give, for the last kana of a godan verb, the kana of its
// stem, its て-form, its potential and its negative.
var godanEndings = map[string][4]string{
	"す": {"し", "して", "せ", "さ"}, "る": {"り", "って", "れ", "ら"}, "く": {"き", "いて", "け", "か"},
	"ぐ": {"ぎ", "いで", "げ", "が"}, "む": {"み", "んで", "め", "ま"}, "ぶ": {"び", "んで", "べ", "ば"},
	"ぬ": {"に", "んで", "ね", "な"}, "う": {"い", "って", "え", "わ"}, "つ": {"ち", "って", "て", "た"},
}

// godan is a verb of five stems (話す, 戻る, 行く); 行く makes its て-form
// as 行って.
func godan(dict string) enVerb {
	for end, f := range godanEndings {
		if base, ok := strings.CutSuffix(dict, end); ok {
			v := enVerb{dict: dict, stem: base + f[0], te: base + f[1], potential: base + f[2], nai: base + f[3]}
			if strings.HasSuffix(dict, "行く") {
				v.te = base + "って"
			}
			return v
		}
	}
	return enVerb{dict: dict, stem: dict, te: dict, potential: dict, nai: dict}
}
