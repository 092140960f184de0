// Package password hashes and checks the passwords of staff accounts with
// bcrypt (golang.org/x/crypto/bcrypt): a memory-hard, salted, tunable
// hash whose encoded form carries its own parameters, so the cost can be
// raised later without invalidating stored hashes. The rules a new
// password must meet are here, in one place, for the admin page and the
// CLI alike.
package password

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
)

// Rules of a new password.
const (
	MinChars = 12 // characters
	MaxBytes = 72 // bcrypt reads no further; refused rather than cut
)

// DefaultCost is bcrypt's work factor (2^12 rounds: about a quarter of a
// second on a server core). Tests may hash at bcrypt's minimum (4), which
// checks the same way, faster.
const DefaultCost = 12

// ErrTooShort and ErrTooLong say why a password was refused; their texts
// are shown to staff as they are.
var (
	ErrTooShort = fmt.Errorf("パスワードは%d文字以上にしてください。", MinChars)
	ErrTooLong  = errors.New("パスワードが長すぎます（半角72文字まで、全角ならおよそ24文字まで）。")
)

// Check reports whether pw may be a new password.
func Check(pw string) error {
	switch {
	case utf8.RuneCountInString(pw) < MinChars:
		return ErrTooShort
	case len(pw) > MaxBytes:
		return ErrTooLong
	}
	return nil
}

// Hash checks pw and returns its bcrypt hash at DefaultCost.
func Hash(pw string) (string, error) { return HashCost(pw, DefaultCost) }

// HashCost is Hash at another cost (4 to 31); the hash carries its cost,
// so Matches needs no setting.
func HashCost(pw string, cost int) (string, error) {
	if err := Check(pw); err != nil {
		return "", err
	}
	h, err := bcrypt.GenerateFromPassword([]byte(pw), cost)
	if err != nil {
		return "", fmt.Errorf("password: hash: %w", err)
	}
	return string(h), nil
}

// Matches reports whether pw is the password of hash, in constant time.
func Matches(hash, pw string) bool {
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(pw)) == nil
}

// dummy is a hash compared when there is no account, so that a sign-in
// for an unknown address takes as long as one for a known address.
var dummy, _ = bcrypt.GenerateFromPassword([]byte("sakebot-no-such-account"), DefaultCost)

// Waste compares pw with a hash no password matches, taking as long as
// Matches.
func Waste(pw string) { bcrypt.CompareHashAndPassword(dummy, []byte(pw)) }
