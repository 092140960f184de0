// Package clientip tells where an HTTP request came from: the client's
// address and whether it used HTTPS, believing X-Forwarded-For and
// X-Forwarded-Proto only from configured proxies (TRUSTED_PROXIES). The
// admin page's sign-in throttle and the web chat's rate limits key on it.
package clientip

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// Proxies are the peers whose X-Forwarded-For and X-Forwarded-Proto are
// believed (TRUSTED_PROXIES). Any client can send those headers, so from
// any other peer they are ignored: the client is the peer itself.
type Proxies []netip.Prefix

// trusts reports whether a is one of the proxies.
func (p Proxies) trusts(a netip.Addr) bool {
	a = a.Unmap()
	for _, pre := range p {
		if pre.Contains(a) {
			return true
		}
	}
	return false
}

// peer is the address of the request's direct peer; ok is false when
// RemoteAddr holds no address (then nothing it forwards is believed).
func peer(r *http.Request) (addr netip.Addr, ok bool) {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	addr, err = netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}, false
	}
	return addr.WithZone("").Unmap(), true
}

// Addr is the address the request came from: the direct peer's,
// unless the peer is a trusted proxy. Then X-Forwarded-For is read from the
// right, each trusted proxy naming the hop before it, and the client is the
// first address that is not a trusted proxy (a client can forge entries
// further left, never that one). An entry that is no address ends the walk
// at the proxy that wrote it, so a mangled header slows down that proxy's
// clients together rather than letting any of them go unnoticed.
func (p Proxies) Addr(r *http.Request) string {
	client, ok := peer(r)
	if !ok {
		return r.RemoteAddr
	}
	if !p.trusts(client) {
		return client.String()
	}
	hops := forwarded(r.Header, "X-Forwarded-For")
	for i := len(hops) - 1; i >= 0; i-- {
		hop, ok := parseHop(hops[i])
		if !ok {
			break
		}
		client = hop
		if !p.trusts(hop) {
			break
		}
	}
	return client.String()
}

// IsHTTPS reports whether the client reached us over HTTPS: directly, or
// through a trusted proxy whose X-Forwarded-Proto (its own, the last
// value) says https.
func (p Proxies) IsHTTPS(r *http.Request) bool {
	if r.TLS != nil {
		return true
	}
	if a, ok := peer(r); !ok || !p.trusts(a) {
		return false
	}
	protos := forwarded(r.Header, "X-Forwarded-Proto")
	return len(protos) > 0 && strings.EqualFold(protos[len(protos)-1], "https")
}

// forwarded returns the comma-separated entries of every line of header
// name, in order, trimmed.
func forwarded(h http.Header, name string) []string {
	var out []string
	for _, line := range h.Values(name) {
		for _, v := range strings.Split(line, ",") {
			out = append(out, strings.TrimSpace(v))
		}
	}
	return out
}

// parseHop reads one X-Forwarded-For entry: an address, possibly with a
// port or in brackets.
func parseHop(s string) (netip.Addr, bool) {
	if host, _, err := net.SplitHostPort(s); err == nil {
		s = host
	}
	a, err := netip.ParseAddr(strings.TrimSuffix(strings.TrimPrefix(s, "["), "]"))
	if err != nil {
		return netip.Addr{}, false
	}
	return a.WithZone("").Unmap(), true
}
