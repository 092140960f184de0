package line_test

import (
	"log/slog"
	"testing"
)

type slogLogger = slog.Logger

// newTestLogger logs to the test's output, at warning level and above.
func newTestLogger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(string(p))
	return len(p), nil
}
