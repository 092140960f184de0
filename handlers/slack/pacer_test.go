package slack

import (
	"context"
	"testing"
	"time"
)

func TestPacerSpacesOneChannel(t *testing.T) {
	p := newPacer(40 * time.Millisecond)
	ctx := context.Background()
	start := time.Now()
	for range 3 {
		if err := p.wait(ctx, "C1"); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 80*time.Millisecond {
		t.Fatalf("three messages to one channel in %v", d)
	}
	start = time.Now()
	if err := p.wait(ctx, "C2"); err != nil || time.Since(start) > 20*time.Millisecond {
		t.Fatalf("another channel waited %v (%v)", time.Since(start), err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := p.wait(cancelled, "C1"); err == nil {
		t.Fatal("a cancelled wait went through")
	}
}
