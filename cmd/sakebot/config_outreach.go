package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/sakemodel/sakebot/handlers/line"
)

// parsePushRate reads LINE_PUSH_RATE, the pushes a second one process
// sends at most (broadcasts, reminders); empty: line.DefaultPushRate.
// LINE allows 2,000 requests a second per channel across all replicas.
func parsePushRate(v string) (float64, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return line.DefaultPushRate, nil
	}
	r, err := strconv.ParseFloat(v, 64)
	if err != nil || r < 1 || r > 2000 {
		return 0, fmt.Errorf("LINE_PUSH_RATE must be the pushes a second this process may send, from 1 to 2000 (LINE's limit per channel, shared by every replica), got %q", v)
	}
	return r, nil
}
