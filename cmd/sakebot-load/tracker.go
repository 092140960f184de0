package main

import (
	"net/http"
	"sync"
	"time"
)

// question is one question sent to a target, and what became of it.
type question struct {
	user, token string
	sentAt      time.Time
	status      int // the webhook's HTTP status; 0 for a transport error or a drop

	// Set by the tracker, under its lock, when the answer arrives.
	answeredAt time.Time
	viaPush    bool
	done       chan struct{} // closed when answered
}

// tracker matches what reaches the fake LINE API to the questions sent:
// a reply by its reply token, a push by its recipient (the oldest question
// of that user still unanswered). Like LINE, it takes a reply token once
// and a push retry key once.
type tracker struct {
	mu         sync.Mutex
	byToken    map[string]*question
	waiting    map[string][]*question // by user: unanswered questions, oldest first
	retryKeys  map[string]bool
	duplicates int // answers to a question already answered (should stay 0)
	strays     int // replies with an unknown token, pushes to a user with nothing unanswered
}

func newTracker() *tracker {
	return &tracker{byToken: map[string]*question{}, waiting: map[string][]*question{}, retryKeys: map[string]bool{}}
}

// add registers a question before its webhook is sent.
func (t *tracker) add(q *question) {
	q.done = make(chan struct{})
	t.mu.Lock()
	t.byToken[q.token] = q
	t.waiting[q.user] = append(t.waiting[q.user], q)
	t.mu.Unlock()
}

// reply records a reply that arrived at time at and returns the status the
// fake answers: 200, or 400 for a token unknown or used before.
func (t *tracker) reply(token string, at time.Time) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	q, ok := t.byToken[token]
	if !ok {
		t.strays++
		return http.StatusBadRequest
	}
	delete(t.byToken, token) // single-use
	if !q.answeredAt.IsZero() {
		t.duplicates++
		return http.StatusOK
	}
	t.answer(q, at, false)
	return http.StatusOK
}

// push records a push to user that arrived at time at and returns the
// status the fake answers: 200, or 409 for a retry key accepted before.
func (t *tracker) push(user, retryKey string, at time.Time) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	if retryKey != "" {
		if t.retryKeys[retryKey] {
			return http.StatusConflict
		}
		t.retryKeys[retryKey] = true
	}
	queue := t.waiting[user]
	for len(queue) > 0 && !queue[0].answeredAt.IsZero() {
		queue = queue[1:]
	}
	if len(queue) == 0 {
		delete(t.waiting, user)
		t.strays++
		return http.StatusOK
	}
	t.waiting[user] = queue
	t.answer(queue[0], at, true)
	return http.StatusOK
}

// answer marks q answered; t.mu is held.
func (t *tracker) answer(q *question, at time.Time, push bool) {
	q.answeredAt, q.viaPush = at, push
	close(q.done)
	queue := t.waiting[q.user]
	for len(queue) > 0 && !queue[0].answeredAt.IsZero() {
		queue = queue[1:]
	}
	if len(queue) == 0 {
		delete(t.waiting, q.user)
	} else {
		t.waiting[q.user] = queue
	}
}

// answered returns when q was answered (zero if not) and whether by push.
func (t *tracker) answered(q *question) (time.Time, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return q.answeredAt, q.viaPush
}

// counts returns the duplicate and stray answers so far.
func (t *tracker) counts() (duplicates, strays int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.duplicates, t.strays
}
