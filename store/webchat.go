package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/bot"
)

// The senders of a web chat line, as stored.
const (
	webSenderVisitor = "visitor"
	webSenderBot     = "bot"
)

// metaWebChatSecret is the meta key of the web chat's cookie key (hex).
const metaWebChatSecret = "webchat_secret"

// webChatSecretSize is the length in bytes of the web chat's cookie key.
const webChatSecretSize = 32

// webMessageRow is a row of webchat_messages.
type webMessageRow struct {
	ID         int64          `db:"id"`
	Visitor    string         `db:"visitor"`
	Sender     string         `db:"sender"`
	ClientID   sql.NullString `db:"client_id"`
	DeliveryID sql.NullInt64  `db:"delivery_id"`
	Body       string         `db:"body"`
	CreatedAt  timestamp      `db:"created_at"`
}

// toWebMessage converts a stored line; a bot line's body is the JSON of
// its replies.
func toWebMessage(r webMessageRow) (bot.ChatLine, error) {
	m := bot.ChatLine{ID: r.ID, User: r.Visitor, FromBot: r.Sender == webSenderBot, ClientID: r.ClientID.String,
		At: r.CreatedAt.Time}
	if !m.FromBot {
		m.Text = r.Body
		return m, nil
	}
	if err := json.Unmarshal([]byte(r.Body), &m.Replies); err != nil {
		return m, fmt.Errorf("store: decode web chat line %d: %w", r.ID, err)
	}
	return m, nil
}

// toWebMessages converts stored lines.
func toWebMessages(rows []webMessageRow) ([]bot.ChatLine, error) {
	out := make([]bot.ChatLine, 0, len(rows))
	for _, r := range rows {
		m, err := toWebMessage(r)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// addWebVisitorLineSQL stores a visitor line unless the page sent it
// before; the conflict target names the partial unique index.
const addWebVisitorLineSQL = `
INSERT INTO webchat_messages (visitor, sender, client_id, body, created_at)
VALUES (?, 'visitor', ?, ?, ?)
ON CONFLICT (visitor, client_id) WHERE client_id IS NOT NULL DO NOTHING
RETURNING id`

// webVisitorLineSQL finds a visitor line by the page's id of it.
const webVisitorLineSQL = `SELECT id FROM webchat_messages WHERE visitor = ? AND client_id = ?`

// AddWebVisitorLine records what a visitor sent; idempotent on (visitor,
// clientID): a retry returns the first line's id and created=false. The
// page's POST calls it, so the line shows at once on every replica's
// stream.
func (s *Store) AddWebVisitorLine(ctx context.Context, visitor, clientID, text string) (id int64, created bool, err error) {
	err = s.withTx(ctx, func(tx *sqlx.Tx) error {
		err := tx.GetContext(ctx, &id, tx.Rebind(addWebVisitorLineSQL), visitor, clientID, text, ts(s.now()))
		if err == nil {
			created = true
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return wrap(err, "add web chat line")
		}
		return wrap(tx.GetContext(ctx, &id, tx.Rebind(webVisitorLineSQL), visitor, clientID), "find web chat line")
	})
	if err != nil {
		return 0, false, err
	}
	return id, created, nil
}

// addWebBotLineSQL stores a bot line unless its delivery was stored
// before; the conflict target names the partial unique index.
const addWebBotLineSQL = `
INSERT INTO webchat_messages (visitor, sender, delivery_id, body, created_at)
VALUES (?, 'bot', ?, ?, ?)
ON CONFLICT (delivery_id) WHERE delivery_id IS NOT NULL DO NOTHING
RETURNING id`

// webBotLineSQL finds a bot line by its delivery.
const webBotLineSQL = `SELECT id FROM webchat_messages WHERE delivery_id = ?`

// AddWebBotLine records the replies of outbox delivery deliveryID for
// visitor; idempotent on deliveryID (a retried delivery returns the
// existing id). Delivering to the web chat is storing this line: the
// visitor's page reads it from its stream.
func (s *Store) AddWebBotLine(ctx context.Context, visitor string, deliveryID int64, replies []bot.Reply) (int64, error) {
	body, err := json.Marshal(replies)
	if err != nil {
		return 0, fmt.Errorf("store: encode web chat line: %w", err)
	}
	var id int64
	err = s.withTx(ctx, func(tx *sqlx.Tx) error {
		err := tx.GetContext(ctx, &id, tx.Rebind(addWebBotLineSQL), visitor, deliveryID, string(body), ts(s.now()))
		if err == nil {
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return wrap(err, "add web chat line")
		}
		return wrap(tx.GetContext(ctx, &id, tx.Rebind(webBotLineSQL), deliveryID), "find web chat line")
	})
	if err != nil {
		return 0, err
	}
	return id, nil
}

// webColumns are the columns of a web chat line, as webMessageRow reads
// them.
const webColumns = `id, visitor, sender, client_id, delivery_id, body, created_at`

// webMessagesAfterSQL selects a visitor's lines after a cursor, oldest
// first.
const webMessagesAfterSQL = `SELECT ` + webColumns + ` FROM webchat_messages
WHERE visitor = ? AND id > ? ORDER BY id LIMIT ?`

// WebMessagesAfter returns up to limit lines of visitor with id > after,
// oldest first: what a page's stream has not shown yet (after is the last
// event id it saw).
func (s *Store) WebMessagesAfter(ctx context.Context, visitor string, after int64, limit int) ([]bot.ChatLine, error) {
	var rows []webMessageRow
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(webMessagesAfterSQL), visitor, after, limit); err != nil {
		return nil, wrap(err, "web chat lines")
	}
	return toWebMessages(rows)
}

// webLastMessagesSQL selects a visitor's latest lines, newest first.
const webLastMessagesSQL = `SELECT ` + webColumns + ` FROM webchat_messages
WHERE visitor = ? ORDER BY id DESC LIMIT ?`

// WebLastMessages returns the last n lines of visitor, oldest first (a
// reloaded page shows these).
func (s *Store) WebLastMessages(ctx context.Context, visitor string, n int) ([]bot.ChatLine, error) {
	var rows []webMessageRow
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(webLastMessagesSQL), visitor, n); err != nil {
		return nil, wrap(err, "web chat lines")
	}
	slices.Reverse(rows)
	return toWebMessages(rows)
}

// metaValueSQL reads a meta value.
const metaValueSQL = `SELECT value FROM meta WHERE key = ?`

// WebChatSecret returns the key that signs visitors' cookies: 32 random
// bytes created once (crypto/rand) and kept in the meta table, so every
// replica and restart shares it. Concurrent first calls agree: the first
// to store its key wins and every call returns the stored one.
func (s *Store) WebChatSecret(ctx context.Context) ([]byte, error) {
	var value string
	err := s.db.GetContext(ctx, &value, s.db.Rebind(metaValueSQL), metaWebChatSecret)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if value, err = s.createWebChatSecret(ctx); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, wrap(err, "web chat secret")
	}
	key, err := hex.DecodeString(value)
	if err != nil || len(key) != webChatSecretSize {
		return nil, fmt.Errorf("store: web chat secret: the stored key is not %d bytes in hex", webChatSecretSize)
	}
	return key, nil
}

// createWebChatSecret stores a new random key unless another call stored
// one first, and returns the stored key, in hex.
func (s *Store) createWebChatSecret(ctx context.Context) (string, error) {
	key := make([]byte, webChatSecretSize)
	if _, err := rand.Read(key); err != nil {
		return "", fmt.Errorf("store: web chat secret: %w", err)
	}
	var value string
	err := s.withTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := claimMeta(ctx, tx, metaWebChatSecret, hex.EncodeToString(key)); err != nil {
			return err
		}
		return wrap(tx.GetContext(ctx, &value, tx.Rebind(metaValueSQL), metaWebChatSecret), "web chat secret")
	})
	return value, err
}

// webVisitorsSinceSQL lists the visitors with lines written since a time.
const webVisitorsSinceSQL = `SELECT DISTINCT visitor FROM webchat_messages WHERE created_at >= ?`

// WebVisitorsSince returns the visitors with lines written at or after
// since: the web chat wakes their open pages, for lines another replica
// wrote.
func (s *Store) WebVisitorsSince(ctx context.Context, since time.Time) ([]string, error) {
	var visitors []string
	if err := s.db.SelectContext(ctx, &visitors, s.db.Rebind(webVisitorsSinceSQL), ts(since)); err != nil {
		return nil, wrap(err, "web chat visitors since")
	}
	return visitors, nil
}
