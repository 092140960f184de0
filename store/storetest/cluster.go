package storetest

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// errRoot is why no throwaway cluster starts as root.
var errRoot = errors.New("running as root, and initdb refuses to")

// startCluster initialises and starts a throwaway PostgreSQL cluster in a
// temporary directory, listening on 127.0.0.1 on a free port, tuned for
// speed over durability. It returns the server URL and a function that
// stops the cluster and removes its directory.
func startCluster() (string, func(), error) {
	if os.Geteuid() == 0 {
		return "", nil, errRoot
	}
	initdb, err1 := exec.LookPath("initdb")
	pgctl, err2 := exec.LookPath("pg_ctl")
	if err := errors.Join(err1, err2); err != nil {
		return "", nil, err
	}
	dir, err := os.MkdirTemp("", "sakebot-pg-")
	if err != nil {
		return "", nil, err
	}
	data := filepath.Join(dir, "data")
	stop := func() {
		_ = exec.Command(pgctl, "-D", data, "-m", "immediate", "-w", "stop").Run()
		_ = os.RemoveAll(dir)
	}
	if err := initCluster(initdb, data); err != nil {
		stop()
		return "", nil, err
	}
	port, err := freePort()
	if err != nil {
		stop()
		return "", nil, err
	}
	if err := runCluster(pgctl, dir, data, port); err != nil {
		stop()
		return "", nil, err
	}
	u := fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)
	return u, stop, nil
}

// initCluster runs initdb: superuser postgres, trust authentication.
func initCluster(initdb, data string) error {
	out, err := exec.Command(initdb, "-D", data, "-U", "postgres", "-A", "trust",
		"-E", "UTF8", "--no-locale", "--no-sync").CombinedOutput()
	if err != nil {
		return fmt.Errorf("initdb: %w: %s", err, lastLines(out))
	}
	return nil
}

// runCluster starts the cluster and waits until it accepts connections.
func runCluster(pgctl, dir, data string, port int) error {
	opts := strings.Join([]string{
		"-p " + strconv.Itoa(port), "-k " + dir, "-c listen_addresses=127.0.0.1",
		"-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off",
	}, " ")
	logFile := filepath.Join(dir, "postgres.log")
	out, err := exec.Command(pgctl, "-D", data, "-l", logFile, "-o", opts, "-w", "-t", "60", "start").
		CombinedOutput()
	if err != nil {
		log, _ := os.ReadFile(logFile)
		return fmt.Errorf("pg_ctl start: %w: %s %s", err, lastLines(out), lastLines(log))
	}
	return nil
}

// freePort asks the kernel for a free TCP port on 127.0.0.1.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// lastLines returns the end of a command's output, for error messages.
func lastLines(out []byte) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) > 5 {
		lines = lines[len(lines)-5:]
	}
	return strings.Join(lines, " | ")
}
