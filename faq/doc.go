// Package faq understands what students ask in Japanese and finds the FAQ
// entry that answers it: normalisation (width, kana, variants, emoji),
// morphological analysis with kagome, the n-gram index and its scoring,
// and the Answerer that keeps the index in step with the stored entries.
// It also holds the FAQ entry type and its one validation, [Validate], which
// the admin page, the Slack modal and the YAML file all apply.
//
// It imports only text libraries: nothing of the project, no I/O.
package faq
