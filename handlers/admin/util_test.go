package admin_test

import (
	"net/url"
	"strconv"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// urlQuery escapes s for a query string.
func urlQuery(s string) string { return url.QueryEscape(s) }
