// Package faqfile is the YAML file format in which staff export and import
// the FAQ knowledge base (`sakebot faq export [FILE]`, `sakebot faq import
// FILE`): its entries and its concepts (groups of words that mean the same
// thing); and the default FAQ content and concepts seeded into every fresh
// database.
//
// A file of entries only is a YAML list with one mapping per entry:
//
//	# faq.yaml
//	- id: training-period
//	  category: 研修
//	  question: 研修の期間と場所を教えてください。
//	  alternatives:
//	    - 研修は何ヶ月ですか
//	  keywords: [研修, 期間]
//	  answer: 入社後、東京本社で4ヶ月間の研修があります。
//	  enabled: false
//
// The keys are:
//
//   - id (required): 1–64 lowercase letters, digits and hyphens, starting
//     with a letter or digit; unique within the file.
//   - category (required): grouping for staff, e.g. 研修, at most 50
//     characters.
//   - question (required): the canonical question, at most 200 characters.
//   - alternatives (optional): other ways students ask the same question; a
//     list of at most 50 non-blank strings of at most 200 characters each.
//   - keywords (optional): words that strongly suggest the entry; a list of at
//     most 50 non-blank strings.
//   - answer (required): at most 1000 characters.
//   - offer_person (optional): true or false; defaults to false. When
//     true, the answer comes with a 「担当者と話す」 button.
//   - enabled (optional): true or false; defaults to true.
//
// A file with concepts is a mapping of two lists, faqs (the entries, as
// above) and concepts, either of which may be left out:
//
//	faqs:
//	  - id: office
//	    ...
//	concepts:
//	  - name: 事務所
//	    words: [事務所, 職場, オフィス, サテライトオフィス]
//
// A concept has the keys:
//
//   - name (required): what staff call the group, at most 50 characters;
//     unique within the file.
//   - words (required): at least 2 different words, at most 30, each of at
//     most 30 characters, with no control characters.
//
// Any other key is an error, so that a misspelt key is never silently
// ignored. Leading and trailing whitespace is trimmed from every string.
//
// The values follow the rules of [faq.Validate] and [faq.ValidateConcept],
// the same as on the admin page and in Slack. [DecodeFile] (and [Decode],
// for the entries only) reports every problem in a file at once, each with
// its line number, as a [*ValidationError]; [EncodeFile] (and [Encode])
// writes the same format, as a list when there are no concepts; [Default]
// returns the built-in entries from the embedded default.yaml, and
// [DefaultConcepts] the built-in concepts from concepts.yaml, a list of
// concepts.
//
// It imports faq (the entry type and its one validation) and a YAML library,
// nothing else of the project.
package faqfile
