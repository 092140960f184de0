package faq

import (
	"bufio"
	"fmt"
	"os"
	"testing"
)

func TestZZProbe(t *testing.T) {
	ix := NewIndex(loadDefaultFAQs(t), loadDefaultConcepts(t)...)
	f, err := os.Open("/tmp/probe.txt")
	if err != nil {
		t.Skip()
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := ix.Match(sc.Text())
		s := fmt.Sprintf("%-40s %v", sc.Text(), m.Outcome)
		for i, c := range m.Candidates {
			if i < 3 {
				s += fmt.Sprintf(" %s %.2f", c.FAQ.ID, c.Score)
			}
		}
		t.Log(s)
	}
}
