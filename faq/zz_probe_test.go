package faq_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/faqfile"
)

func TestZZProbe(t *testing.T) {
	b, err := os.ReadFile("/tmp/probe.txt")
	if err != nil {
		t.Skip()
	}
	ix := faq.NewIndex(faqfile.Default(), faqfile.DefaultConcepts()...)
	for _, q := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		m := ix.Match(q)
		s := fmt.Sprintf("%s → %s", q, m.Outcome)
		for i, c := range m.Candidates {
			if i == 4 {
				break
			}
			s += fmt.Sprintf(" | %s %.3f", c.FAQ.ID, c.Score)
		}
		fmt.Println(s)
	}
}
