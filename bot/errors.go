package bot

import "errors"

// Errors the storage implementations map their driver errors to, so the
// engine and the channels can react without knowing the database.
var (
	// ErrNotFound means the requested record does not exist.
	ErrNotFound = errors.New("not found")
	// ErrConflict means the record changed since it was read (stale version)
	// or would break a uniqueness rule.
	ErrConflict = errors.New("conflict")
	// ErrActiveApplication means the candidate already has an application
	// in progress; only one may be active at a time.
	ErrActiveApplication = errors.New("candidate already has an active application")
)
