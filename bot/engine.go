package bot

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/sakemodel/sakebot/faq"
)

// DefaultFormExpiry is how long an unfinished form is kept when Config
// leaves FormExpiry zero.
const DefaultFormExpiry = 14 * 24 * time.Hour

// Config is what an Engine needs.
type Config struct {
	Store      Store
	Answerer   *faq.Answerer // nil: one is made over Store
	Logger     *slog.Logger  // nil: discard
	Now        func() time.Time
	FormExpiry time.Duration // unfinished forms older than this are deleted
	// Notify is where recruiters hear of new applications and talk to
	// candidates who ask for a person; the zero value: nowhere.
	Notify Notify
	// Events is how bookings are offered and reminded.
	Events EventConfig
}

// Engine is the channel-neutral conversation: it takes what a user said and
// returns what the bot answers. It never sends anything itself.
type Engine struct {
	store    Store
	answerer *faq.Answerer
	log      *slog.Logger
	now      func() time.Time
	expiry   time.Duration
	notify   Notify
	events   EventConfig
}

// NewEngine returns an Engine configured by cfg.
func NewEngine(cfg Config) *Engine {
	e := &Engine{store: cfg.Store, answerer: cfg.Answerer, log: cfg.Logger, now: cfg.Now, expiry: cfg.FormExpiry,
		notify: cfg.Notify.withDefaults(), events: cfg.Events.withDefaults()}
	if e.answerer == nil {
		e.answerer = faq.NewAnswerer(cfg.Store)
	}
	if e.log == nil {
		e.log = slog.New(slog.DiscardHandler)
	}
	if e.now == nil {
		e.now = time.Now
	}
	if e.expiry <= 0 {
		e.expiry = DefaultFormExpiry
	}
	return e
}

// Answerer returns the FAQ answerer the engine uses.
func (e *Engine) Answerer() *faq.Answerer { return e.answerer }

// Handle runs one turn of the user's conversation in its own transaction
// and returns the replies.
func (e *Engine) Handle(ctx context.Context, in Incoming) ([]Reply, error) {
	if err := e.answerer.Refresh(ctx); err != nil {
		return nil, err
	}
	var out []Reply
	err := e.store.InTx(ctx, in.Key, func(tx Tx) error {
		var err error
		out, err = e.Turn(ctx, tx, in, nil)
		return err
	})
	return out, err
}

// Turn runs one turn inside tx, for callers that write more in the same
// transaction (the worker marks the event done and queues the replies).
// pre is the FAQ match of in's text made beforehand, if any (nil: none).
// Callers should Refresh the Answerer first.
func (e *Engine) Turn(ctx context.Context, tx Tx, in Incoming, pre *Prematch) ([]Reply, error) {
	t := &turn{e: e, ctx: ctx, tx: tx, in: in, pre: pre, now: e.now()}
	if err := t.load(); err != nil {
		return nil, err
	}
	t.dispatch()
	if t.err != nil {
		return nil, t.err
	}
	return t.out, t.save()
}

// turn is the working state of one Turn.
type turn struct {
	e      *Engine
	ctx    context.Context
	tx     Tx
	in     Incoming
	pre    *Prematch // in's FAQ match made beforehand, if any
	now    time.Time
	conv   Conversation
	exists bool // conv was stored before this turn
	drop   bool // delete conv at the end
	out    []Reply
	err    error
}

func (t *turn) load() error {
	c, err := t.tx.Conversation(t.ctx, t.in.Key)
	switch {
	case errors.Is(err, ErrNotFound):
		t.conv = Conversation{Key: t.in.Key}
	case err != nil:
		return err
	default:
		t.conv, t.exists = c, true
	}
	if t.conv.InForm() && t.now.Sub(t.conv.UpdatedAt) > t.e.expiry {
		t.conv = Conversation{Key: t.in.Key, Version: t.conv.Version}
		t.drop = true
		t.say(msgExpired)
	}
	return nil
}

func (t *turn) save() error {
	if t.drop || (t.conv.Mode == ModeIdle && t.conv.Misses == 0) {
		if !t.exists {
			return nil
		}
		return t.tx.DeleteConversation(t.ctx, t.in.Key)
	}
	return t.tx.SaveConversation(t.ctx, &t.conv)
}

// say adds a text reply with optional choices.
func (t *turn) say(text string, choices ...Choice) {
	t.out = append(t.out, Reply{Text: text, Choices: choices})
}

// fail records the first storage error (nil is ignored); the turn's transaction rolls back.
func (t *turn) fail(err error) {
	if err != nil && t.err == nil {
		t.err = err
	}
}
