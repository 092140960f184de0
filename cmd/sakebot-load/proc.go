package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// clockTick is the unit of /proc/PID/stat times (USER_HZ, 100 on Linux).
const clockTick = 10 * time.Millisecond

// peakRSS returns a process's peak resident set size (VmHWM) in bytes, or
// 0 when it cannot be read (not Linux, process gone).
func peakRSS(pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest)
			if len(f) >= 1 {
				kb, _ := strconv.ParseInt(f[0], 10, 64)
				return kb << 10
			}
		}
	}
	return 0
}

// procCPU returns the user+system CPU time a process has used, from
// /proc/PID/stat.
func procCPU(pid int) time.Duration {
	d, _, _, _ := statCPU(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	return d
}

// statCPU reads a stat file: the process's own CPU time, that of its
// children it waited for, and its command name.
func statCPU(path string) (own, children time.Duration, comm string, ok bool) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, "", false
	}
	open, end := bytes.IndexByte(b, '('), bytes.LastIndexByte(b, ')')
	if open < 0 || end < open {
		return 0, 0, "", false
	}
	comm = string(b[open+1 : end])
	f := strings.Fields(string(b[end+1:]))
	// After the command come the fields from 3 (state) on: utime is field
	// 14, stime 15, cutime 16, cstime 17.
	if len(f) < 15 {
		return 0, 0, "", false
	}
	n := func(i int) time.Duration {
		v, _ := strconv.ParseInt(f[i-3], 10, 64)
		return time.Duration(v) * clockTick
	}
	return n(14) + n(15), n(16) + n(17), comm, true
}

// selfCPU returns the CPU time this process has used itself.
func selfCPU() time.Duration {
	d, _, _, _ := statCPU("/proc/self/stat")
	return d
}
