package handlers

import (
	"errors"
	"io"
	"net/http"
)

// ReadBody reads a request's raw body, at most max bytes, for signature
// checks. When it fails it has already answered: 413 for a body over max,
// 400 for one that cannot be read; the caller just returns.
func ReadBody(w http.ResponseWriter, r *http.Request, max int64) ([]byte, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, max))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return nil, false
	case err != nil:
		http.Error(w, "cannot read body", http.StatusBadRequest)
		return nil, false
	}
	return body, true
}
