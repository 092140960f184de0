package admin

import (
	"context"
	"maps"

	"github.com/sakemodel/sakebot/bot"
)

// SourceStore is what the sources pages read; cmd adapts *store.Store to
// it (its counts are the store's own type).
type SourceStore interface {
	// ListSources returns every source, disabled ones too.
	ListSources(ctx context.Context) ([]bot.Source, error)
	// SourceByID returns one source, or bot.ErrNotFound.
	SourceByID(ctx context.Context, id int64) (bot.Source, error)
	// SourceCounts returns what each source brought (sources that brought
	// nobody may be left out).
	SourceCounts(ctx context.Context) ([]SourceCount, error)
}

// SourceCount is what one source brought: the students whose first source
// it is, every arrival with its code (later sources included), and the
// applications, bookings and attended bookings of those students.
type SourceCount struct {
	SourceID     int64
	Students     int
	Arrivals     int
	Applications int
	Bookings     int
	Attended     int
}

// SourceDesk changes sources through the engine, which validates them and
// records the change in the audit trail; *bot.Engine has it (part of
// Desk).
type SourceDesk interface {
	// SaveSource validates s (a *bot.SourceError says what to fix, field
	// by field) and creates it (ID 0; an empty code gets a new unique one)
	// or updates its name, kind and welcome message, on behalf of actor.
	SaveSource(ctx context.Context, s *bot.Source, actor string) error
	// SetSourceDisabled stops (or starts again) recognising a source's
	// code, on behalf of actor.
	SetSourceDisabled(ctx context.Context, id int64, disabled bool, actor string) error
}

// BasicIDFunc returns the LINE official account's basic ID (@123abcde),
// for the links that open a chat with it: LINE_BASIC_ID, else the bot
// info API; cmd wires it. An empty ID and no error: LINE is off.
type BasicIDFunc func(ctx context.Context) (string, error)

// sourceFlashes are the notices of the sources pages (see flashes).
var sourceFlashes = map[string]string{
	"source_created":  "流入経路を作成しました。QRコードとリンクを配布できます。",
	"source_saved":    "流入経路を保存しました。",
	"source_disabled": "この流入経路のコードを停止しました。コードを送った学生には通常のあいさつを返します。これまでの集計は残ります。",
	"source_enabled":  "この流入経路のコードを再開しました。",
}

func init() { maps.Copy(flashes, sourceFlashes) }
