package admin

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"time"
)

// Login slow-down: a client address may fail freeLoginTries times in a row;
// after that it must wait before each try, twice as long each time, up to
// maxLoginWait. Its failures are forgotten after failureWindow without one,
// or when it logs in. Each try is counted as a failure before its password
// is checked (and the count cleared when it was right), in one step of the
// store, so parallel tries cannot slip past the count.
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

// clientKey identifies the client for the slow-down: a hash of its address
// (see clientip.Proxies.Addr), so the database keeps no address.
func (s *server) clientKey(r *http.Request) string {
	sum := sha256.Sum256([]byte("sakebot-admin-login:" + s.proxies.Addr(r)))
	return hex.EncodeToString(sum[:16])
}
