package admin

import (
	"crypto/sha256"
	"encoding/hex"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"time"
)

// Login slow-down: a client address may fail freeLoginTries times in a row;
// after that it must wait before each try, twice as long each time, up to
// maxLoginWait. Its failures are forgotten after failureWindow without one,
// or when it logs in.
const (
	freeLoginTries = 5
	firstLoginWait = 2 * time.Second
	maxLoginWait   = 5 * time.Minute
	failureWindow  = time.Hour
)

// loginWait is how long after its last failure a client with failures
// failures in a row must wait before trying again.
func loginWait(failures int) time.Duration {
	if failures < freeLoginTries {
		return 0
	}
	wait := firstLoginWait
	for range failures - freeLoginTries {
		if wait *= 2; wait >= maxLoginWait {
			return maxLoginWait
		}
	}
	return wait
}

// clientKey identifies the client for the slow-down: a hash of its address,
// so the database keeps no address.
func clientKey(r *http.Request) string {
	sum := sha256.Sum256([]byte("sakebot-admin-login:" + clientIP(r)))
	return hex.EncodeToString(sum[:16])
}

// clientIP is the address the request came from. When it came through a
// proxy on this host or a private network, the address that proxy appended
// to X-Forwarded-For is used instead (the last one: a client can forge the
// ones before it, not that one).
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	addr, err := netip.ParseAddr(host)
	if err != nil || !(addr.IsLoopback() || addr.IsPrivate()) {
		return host
	}
	xff := r.Header.Values("X-Forwarded-For")
	if len(xff) == 0 {
		return host
	}
	parts := strings.Split(xff[len(xff)-1], ",")
	if fwd, err := netip.ParseAddr(strings.TrimSpace(parts[len(parts)-1])); err == nil {
		return fwd.String()
	}
	return host
}
