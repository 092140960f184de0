package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// The meta keys of the calendar's secrets.
const (
	// metaCalendarSecret is the key (hex) that signs the addresses of
	// bookings' .ics files.
	metaCalendarSecret = "calendar_secret"
	// metaCalendarFeed is the secret part (base64url) of the staff's
	// calendar feed address.
	metaCalendarFeed = "calendar_feed_secret"
)

// calendarSecretSize is the length in bytes of each calendar secret.
const calendarSecretSize = 32

// setMetaSQL sets a meta key, replacing its value.
const setMetaSQL = `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`

// CalendarSecret returns the key that signs the addresses of bookings'
// .ics files: 32 random bytes created once and kept in the meta table, so
// every replica and restart signs alike (as WebChatSecret).
func (s *Store) CalendarSecret(ctx context.Context) ([]byte, error) {
	value, err := s.metaSecret(ctx, metaCalendarSecret, hex.EncodeToString)
	if err != nil {
		return nil, err
	}
	key, err := hex.DecodeString(value)
	if err != nil || len(key) != calendarSecretSize {
		return nil, fmt.Errorf("store: calendar secret: the stored key is not %d bytes in hex", calendarSecretSize)
	}
	return key, nil
}

// CalendarFeedSecret returns the secret in the address of the staff's
// calendar feed (43 base64url characters, 256 random bits), creating it
// on the first call. The feed compares each request with the stored value,
// so RotateCalendarFeedSecret takes effect at once on every replica.
func (s *Store) CalendarFeedSecret(ctx context.Context) (string, error) {
	return s.metaSecret(ctx, metaCalendarFeed, base64.RawURLEncoding.EncodeToString)
}

// RotateCalendarFeedSecret replaces the feed's secret with a new random
// one and returns it: the old address stops working (staff subscribe to
// the new one).
func (s *Store) RotateCalendarFeedSecret(ctx context.Context) (string, error) {
	value, err := randomSecret(base64.RawURLEncoding.EncodeToString)
	if err != nil {
		return "", err
	}
	if _, err := s.db.ExecContext(ctx, s.db.Rebind(setMetaSQL), metaCalendarFeed, value); err != nil {
		return "", wrap(err, "rotate calendar feed secret")
	}
	return value, nil
}

// metaSecret returns the value of meta key, storing a new random secret
// (32 bytes, encoded) first if there is none. Concurrent first calls
// agree: the first to store its value wins.
func (s *Store) metaSecret(ctx context.Context, key string, encode func([]byte) string) (string, error) {
	var value string
	err := s.db.GetContext(ctx, &value, s.db.Rebind(metaValueSQL), key)
	if err == nil {
		return value, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", wrap(err, "read %s", key)
	}
	fresh, err := randomSecret(encode)
	if err != nil {
		return "", err
	}
	err = s.withTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := claimMeta(ctx, tx, key, fresh); err != nil {
			return err
		}
		return wrap(tx.GetContext(ctx, &value, tx.Rebind(metaValueSQL), key), "read %s", key)
	})
	return value, err
}

// randomSecret is 32 random bytes, encoded.
func randomSecret(encode func([]byte) string) (string, error) {
	b := make([]byte, calendarSecretSize)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("store: calendar secret: %w", err)
	}
	return encode(b), nil
}
