package main

import (
	"fmt"
	"net"
	"net/url"
)

// requireLoopbackAddr checks that host:port names a loopback address: this
// tool sends load to this machine only.
func requireLoopbackAddr(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	return requireLoopbackHost(host)
}

// requireLoopbackURL checks that a URL's host is a loopback address.
func requireLoopbackURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return err
	}
	if u.Hostname() == "" {
		return fmt.Errorf("%q has no host", u.Redacted())
	}
	return requireLoopbackHost(u.Hostname())
}

// requireLoopbackHost accepts localhost and loopback IP literals only; no
// name is resolved.
func requireLoopbackHost(host string) error {
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("%q is not a loopback address (127.0.0.0/8, ::1, localhost)", host)
	}
	return nil
}
