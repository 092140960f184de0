package bot

import (
	"context"
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/sakemodel/sakebot/jpinput"
)

// Limits of a source as staff write it.
const (
	MaxSourceName    = 60
	MaxSourceWelcome = 1000
)

// SourceError is why staff's source was refused: one polite Japanese
// message per field ("name", "kind", "welcome", "code").
type SourceError struct {
	Fields map[string]string
}

// Error lists the messages, in a stable order.
func (e *SourceError) Error() string {
	return fieldMessages(e.Fields)
}

// Messages of a refused source.
const (
	msgSourceCodeFormat = "コードは英大文字1文字と数字4桁（例: K0612）で入力してください。空欄にすると自動で作ります。"
	msgSourceCodeTaken  = "このコードはすでに使われています。別のコードにするか、空欄にして自動で作ってください。"
)

// CleanSource tidies the text staff typed, as other staff input is
// (jpinput.CleanText, trimmed; the name on one line; the code as stored:
// half-width, upper case, without #).
func CleanSource(s *Source) {
	s.Name = strings.Join(strings.Fields(jpinput.CleanText(s.Name)), " ")
	s.Welcome = strings.TrimSpace(jpinput.CleanText(s.Welcome))
	s.Code = NormalizeSourceCode(s.Code)
	s.Kind = SourceKind(strings.TrimSpace(string(s.Kind)))
}

// ValidateSource checks a source as staff wrote it (name, kind, welcome
// message, and the code when staff chose one), the one validation every
// entry point uses. The error is a *SourceError whose messages are polite
// Japanese, one per field. An empty code is fine: the store makes one.
func ValidateSource(s Source) error {
	f := map[string]string{}
	checkStaffText(f, "name", "名前", s.Name, MaxSourceName)
	if !s.Kind.Valid() {
		f["kind"] = "種類は「説明会」「学校」「ポスター」「Web」から選んでください。"
	}
	if utf8.RuneCountInString(s.Welcome) > MaxSourceWelcome {
		f["welcome"] = "ウェルカムメッセージは1000文字以内で入力してください。"
	}
	if s.Code != "" && !ValidSourceCode(s.Code) {
		f["code"] = msgSourceCodeFormat
	}
	if len(f) > 0 {
		return &SourceError{Fields: f}
	}
	return nil
}

// sourceLock is the lock key of staff changes to the sources: one at a
// time, so a generated code never collides with another being made.
var sourceLock = UserKey{Channel: "source", UserID: "all"}

// SaveSource tidies s (CleanSource), validates it (ValidateSource) and
// creates it (ID 0: an empty Code becomes a new unique one) or updates its
// name, kind and welcome message on behalf of actor; the code of a stored
// source never changes (its QR codes are printed). The error is a
// *SourceError when s is invalid or its code is in use, ErrNotFound when
// there is no such source.
func (e *Engine) SaveSource(ctx context.Context, s *Source, actor string) error {
	CleanSource(s)
	if s.ID != 0 {
		s.Code = "" // not changed; not validated
	}
	if err := ValidateSource(*s); err != nil {
		return err
	}
	err := e.store.InTx(ctx, sourceLock, func(tx Tx) error {
		return tx.SaveSource(ctx, s, actor)
	})
	if errors.Is(err, ErrConflict) {
		return &SourceError{Fields: map[string]string{"code": msgSourceCodeTaken}}
	}
	if err == nil {
		e.log.InfoContext(ctx, "source saved", "source", s.ID, "code", s.Code, "kind", string(s.Kind))
	}
	return err
}

// SetSourceDisabled disables a source's code (students who send it get
// the usual greeting and are not tagged) or enables it again, on behalf
// of actor. ErrNotFound when there is no such source.
func (e *Engine) SetSourceDisabled(ctx context.Context, id int64, disabled bool, actor string) error {
	var changed bool
	err := e.store.InTx(ctx, sourceLock, func(tx Tx) error {
		var err error
		changed, err = tx.SetSourceDisabled(ctx, id, disabled, actor)
		return err
	})
	if err == nil && changed {
		e.log.InfoContext(ctx, "source disabled changed", "source", id, "disabled", disabled)
	}
	return err
}
