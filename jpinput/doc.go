// Package jpinput parses what students type into the application form:
// names, furigana, e-mail addresses, phone numbers and graduation dates,
// written any way a Japanese keyboard or phone allows (full- and
// half-width, kana variants, eras, stray spaces). Each parser returns the
// stored form or an *InvalidInputError whose message is one polite
// Japanese line with an example. CleanText cleans any text a channel
// receives (control and bidirectional formatting characters) before it is
// stored. SearchKey folds what staff search for and what is searched into
// one form (width, kana, case, spaces, hyphens).
//
// Pure functions only: it imports nothing of the project, no I/O.
package jpinput
