package faq

import "strings"

// enVerb is a Japanese verb an English one is said with, in the forms a
// sentence needs: 話す, 話し(たい), 話して(ください), 話せ(ますか).
type enVerb struct {
	dict, stem, te, potential string
}

// suru is the verb a noun makes with する (応募する): its potential is the
// noun with できる (応募できますか).
func suru(noun string) enVerb {
	return enVerb{dict: noun + "する", stem: noun + "し", te: noun + "して", potential: noun + "でき"}
}

// ichidan is a verb of one stem ending in る (見せる, 始める).
func ichidan(dict string) enVerb {
	stem := strings.TrimSuffix(dict, "る")
	return enVerb{dict: dict, stem: stem, te: stem + "て", potential: stem + "られ"}
}

// godanEndings give, for the last kana of a godan verb, the kana of its
// stem, its て-form and its potential.
var godanEndings = map[string][3]string{
	"す": {"し", "して", "せ"}, "る": {"り", "って", "れ"}, "く": {"き", "いて", "け"}, "ぐ": {"ぎ", "いで", "げ"},
	"む": {"み", "んで", "め"}, "ぶ": {"び", "んで", "べ"}, "ぬ": {"に", "んで", "ね"}, "う": {"い", "って", "え"},
	"つ": {"ち", "って", "て"},
}

// godan is a verb of five stems (話す, 戻る, 行く); 行く makes its て-form
// as 行って.
func godan(dict string) enVerb {
	for end, f := range godanEndings {
		if base, ok := strings.CutSuffix(dict, end); ok {
			v := enVerb{dict: dict, stem: base + f[0], te: base + f[1], potential: base + f[2]}
			if strings.HasSuffix(dict, "行く") {
				v.te = base + "って"
			}
			return v
		}
	}
	return enVerb{dict: dict, stem: dict, te: dict, potential: dict}
}
