// Package faqfile is the YAML file format in which staff export and import
// the FAQ knowledge base (`sakebot faq export [FILE]`, `sakebot faq import
// FILE`), and the default FAQ content seeded into every fresh database.
//
// A file is a YAML list with one mapping per entry:
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
//   - enabled (optional): true or false; defaults to true.
//
// Any other key is an error, so that a misspelt key is never silently
// ignored. Leading and trailing whitespace is trimmed from every string.
//
// The values follow the rules of [faq.Validate], the same as on the admin
// page and in Slack. [Decode] reports every problem in a file at once, each
// with its line number, as a [*ValidationError]; [Encode] writes the same
// format; [Default] returns the built-in content from the embedded
// default.yaml.
//
// It imports faq (the entry type and its one validation) and a YAML library,
// nothing else of the project.
package faqfile
