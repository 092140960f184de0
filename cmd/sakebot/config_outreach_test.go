package main

import "testing"

func TestParsePushRate(t *testing.T) {
	for in, want := range map[string]float64{"": 500, " 200 ": 200, "2000": 2000, "1": 1} {
		if got, err := parsePushRate(in); err != nil || got != want {
			t.Errorf("parsePushRate(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"0", "-5", "2001", "fast", "1e9"} {
		if _, err := parsePushRate(in); err == nil {
			t.Errorf("parsePushRate(%q) accepted", in)
		}
	}
}
