package faq

import "strings"

// conceptMap maps a content word, as the word space holds it (dictionary
// form, katakana folded to hiragana), to the word that stands for its
// concept: every word of a concept becomes the same feature, so an entry
// that says オフィス shares a word with a question that says 事務所.
type conceptMap map[string]string

// newConceptMap analyses the words of concepts as the index analyses
// text. A word the analyser cuts into several content words (サテライト
// オフィス) joins the concept only where it is one word in context, which
// is rare: staff should list single words. The first concept a word is in
// wins; the group's first single word stands for it.
func newConceptMap(concepts []Concept) conceptMap {
	if len(concepts) == 0 {
		return nil
	}
	cm := conceptMap{}
	for _, c := range concepts {
		canonical := ""
		for _, w := range c.Words {
			key, ok := conceptKey(w)
			if !ok {
				continue
			}
			if canonical == "" {
				canonical = key
			}
			if _, taken := cm[key]; !taken {
				cm[key] = canonical
			}
		}
	}
	return cm
}

// conceptKey is the word-space form of w, when w is one content word.
func conceptKey(w string) (string, bool) {
	words := strings.Fields(analyzeText(w, nil, nil).spaces[wordSpace].s)
	if len(words) != 1 {
		return "", false
	}
	return words[0], true
}

// word returns the word that stands for w's concept, or w.
func (cm conceptMap) word(w string) string {
	if cm == nil {
		return w
	}
	if c, ok := cm[foldKatakanaText(w)]; ok {
		return c
	}
	return w
}
