package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// sakebotChild is `sakebot serve` run as a child process on loopback, with
// its LINE API pointing at the fake.
type sakebotChild struct {
	cmd     *exec.Cmd
	url     string
	dir     string // temporary: the binary, the working directory, the log
	logPath string
	logFile *os.File
	exited  chan struct{}
	waitErr error
	dbURL   string
	dropDB  func() error
	keepLog bool // the child failed to start: its log is kept for reading
}

// configKeys are the variables sakebot reads: the child gets only ours.
var configKeys = []string{"DATABASE_URL", "ADDR", "FORM_EXPIRY_DAYS", "LOG_FORMAT", "LOG_LEVEL", "LINE_", "SLACK_", "ADMIN_PASSWORD"}

// startSakebot builds sakebot if needed, creates its database if needed,
// starts it and waits until /readyz answers 200.
func startSakebot(ctx context.Context, o options, fakeURL string, log *slog.Logger) (_ *sakebotChild, err error) {
	dir, err := os.MkdirTemp("", "sakebot-load-")
	if err != nil {
		return nil, err
	}
	c := &sakebotChild{dir: dir, exited: make(chan struct{})}
	defer func() {
		if err != nil {
			c.keepLog = true
			err = errors.Join(err, c.stop())
		}
	}()
	bin := o.sakebotBin
	if bin == "" {
		if bin, err = buildSakebot(ctx, dir, log); err != nil {
			return nil, err
		}
	}
	dbURL := o.databaseURL
	if dbURL == "" {
		if dbURL, c.dropDB, err = createDatabase(ctx, o.pgServer); err != nil {
			return nil, err
		}
		log.Info("created a fresh database for sakebot", "server", redact(o.pgServer))
	}
	c.dbURL = dbURL
	addr, err := freeLoopbackAddr()
	if err != nil {
		return nil, err
	}
	c.url = "http://" + addr
	c.logPath = o.sakebotLog
	if c.logPath == "" {
		c.logPath = filepath.Join(dir, "sakebot.log")
	}
	if c.logFile, err = os.Create(c.logPath); err != nil {
		return nil, err
	}
	env := append(childEnv(os.Environ()), "DATABASE_URL="+dbURL, "ADDR="+addr, "LOG_FORMAT=json", "LOG_LEVEL=info",
		"LINE_CHANNEL_SECRET="+o.secret, "LINE_CHANNEL_ACCESS_TOKEN="+o.token,
		"LINE_API_BASE_URL="+fakeURL, "LINE_DATA_API_BASE_URL="+fakeURL)
	c.cmd = exec.Command(bin, "serve")
	c.cmd.Env = append(env, o.sakebotEnv...)
	c.cmd.Dir = dir // no .env is read from the caller's directory
	c.cmd.Stdout, c.cmd.Stderr = c.logFile, c.logFile
	if err := c.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start sakebot: %w", err)
	}
	go func() { c.waitErr = c.cmd.Wait(); close(c.exited) }()
	if err := c.waitReady(ctx, 60*time.Second); err != nil {
		return nil, err
	}
	log.Info("sakebot is ready", "url", c.url, "pid", c.cmd.Process.Pid, "log", c.logPath)
	return c, nil
}

// buildSakebot runs go build ./cmd/sakebot in the module the working
// directory is in.
func buildSakebot(ctx context.Context, dir string, log *slog.Logger) (string, error) {
	bctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	gomod, err := exec.CommandContext(bctx, "go", "env", "GOMOD").Output()
	root := filepath.Dir(strings.TrimSpace(string(gomod)))
	if err != nil || strings.TrimSpace(string(gomod)) == "" || strings.TrimSpace(string(gomod)) == os.DevNull {
		return "", errors.New("run from the sakebot module (or give --sakebot-bin)")
	}
	bin := filepath.Join(dir, "sakebot")
	log.Info("building sakebot", "module", root)
	cmd := exec.CommandContext(bctx, "go", "build", "-o", bin, "./cmd/sakebot")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/sakebot: %w\n%s", err, out)
	}
	return bin, nil
}

// childEnv is the environment without any of sakebot's configuration.
func childEnv(environ []string) []string {
	var out []string
next:
	for _, kv := range environ {
		for _, k := range configKeys {
			if strings.HasPrefix(kv, k) && (strings.HasSuffix(k, "_") || strings.HasPrefix(kv, k+"=")) {
				continue next
			}
		}
		out = append(out, kv)
	}
	return out
}

// waitReady polls /readyz until it answers 200, the child exits, or the
// time is up.
func (c *sakebotChild) waitReady(ctx context.Context, within time.Duration) error {
	hc := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(within)
	for {
		res, err := hc.Get(c.url + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-c.exited:
			return fmt.Errorf("sakebot exited before it was ready (%v)", c.waitErr)
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("sakebot not ready after %s", within)
		}
	}
}

// pid returns the child's process id.
func (c *sakebotChild) pid() int { return c.cmd.Process.Pid }

// stop ends the child with SIGTERM (SIGKILL after 15 s), drops the fresh
// database and removes the temporary directory; the log is kept (and its
// path returned in the error) when the child did not exit cleanly.
func (c *sakebotChild) stop() error {
	var errs []error
	if c.cmd != nil && c.cmd.Process != nil {
		_ = c.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-c.exited:
		case <-time.After(15 * time.Second):
			_ = c.cmd.Process.Kill()
			<-c.exited
			errs = append(errs, errors.New("sakebot did not stop within 15s of SIGTERM"))
		}
		if c.waitErr != nil {
			errs = append(errs, fmt.Errorf("sakebot exited with %v", c.waitErr))
		}
	}
	if c.logFile != nil {
		c.logFile.Close()
	}
	if c.dropDB != nil {
		errs = append(errs, c.dropDB())
	}
	err := errors.Join(errs...)
	if (err != nil || c.keepLog) && c.logPath != "" && strings.HasPrefix(c.logPath, c.dir) {
		kept := filepath.Join(os.TempDir(), filepath.Base(c.dir)+".log")
		if os.Rename(c.logPath, kept) == nil {
			err = errors.Join(err, fmt.Errorf("sakebot's log: %s", kept))
		}
	}
	_ = os.RemoveAll(c.dir)
	return err
}

// freeLoopbackAddr returns a 127.0.0.1 address with a port free just now.
func freeLoopbackAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// redact hides a password in a URL for logs.
func redact(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		if at := strings.Index(u[i+3:], "@"); at >= 0 {
			if colon := strings.Index(u[i+3:i+3+at], ":"); colon >= 0 {
				return u[:i+3+colon] + ":xxxxx" + u[i+3+at:]
			}
		}
	}
	return u
}
