package main

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/sakemodel/sakebot/handlers/admin"
	"github.com/sakemodel/sakebot/handlers/line"
	"github.com/sakemodel/sakebot/store"
)

// basicIDPattern is a LINE official account's basic or premium ID: @ then
// lower-case letters, digits, dots, underscores and hyphens.
var basicIDPattern = regexp.MustCompile(`^@[a-z0-9._-]{1,32}$`)

// parseBasicID reads LINE_BASIC_ID, the account's ID for the sources'
// LINE links (「@123abcde」; the @ may be left out); empty: read from the
// bot info API when LINE is on.
func parseBasicID(v string) (string, error) {
	v = strings.ToLower(strings.TrimSpace(v))
	if v == "" {
		return "", nil
	}
	if !strings.HasPrefix(v, "@") {
		v = "@" + v
	}
	if !basicIDPattern.MatchString(v) {
		return "", fmt.Errorf("LINE_BASIC_ID must be the LINE official account's ID as LINE Official Account Manager shows it, like @123abcde, got %q", v)
	}
	return v, nil
}

// lineBasicID is where the admin page's sources read the LINE account's
// basic ID: LINE_BASIC_ID, else the bot info API through lc; nil when
// neither (LINE is off), and the pages say the LINE link needs it.
func lineBasicID(cfg config, lc *line.Client) admin.BasicIDFunc {
	switch {
	case cfg.LINEBasicID != "":
		id := cfg.LINEBasicID
		return func(context.Context) (string, error) { return id, nil }
	case lc != nil:
		return lc.BasicID
	}
	return nil
}

// adminSources adapts the store's source reads to the admin page's
// SourceStore (the page does not import store).
type adminSources struct{ *store.Store }

// SourceCounts returns the store's counts in the page's type.
func (s adminSources) SourceCounts(ctx context.Context) ([]admin.SourceCount, error) {
	counts, err := s.Store.SourceCounts(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]admin.SourceCount, len(counts))
	for i, c := range counts {
		out[i] = admin.SourceCount{SourceID: c.SourceID, Students: c.Students, Arrivals: c.Arrivals,
			Applications: c.Applications, Bookings: c.Bookings, Attended: c.Attended}
	}
	return out, nil
}
