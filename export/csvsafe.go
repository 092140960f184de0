package export

import (
	"encoding/csv"
	"io"
)

// SafeCell defuses spreadsheet formula injection (OWASP's rule): a cell
// starting with "=", "+", "-", "@", a tab or a carriage return is prefixed
// with a single quote, so Excel and other spreadsheets show it as text
// instead of evaluating it. Every other cell is returned unchanged.
func SafeCell(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
		return "'" + s
	}
	return s
}

// Writer is the one way the project writes CSV: a UTF-8 byte order mark
// (Excel on Windows reads UTF-8 then), CRLF line ends, and every cell
// passed through SafeCell.
type Writer struct {
	cw  *csv.Writer
	w   io.Writer
	bom bool // written
	row []string
}

// NewWriter returns a Writer writing to w.
func NewWriter(w io.Writer) *Writer {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &Writer{cw: cw, w: w}
}

// Write writes one row, each cell through SafeCell; the first call writes
// the byte order mark first.
func (w *Writer) Write(cells []string) error {
	if !w.bom {
		if _, err := io.WriteString(w.w, "\ufeff"); err != nil {
			return err
		}
		w.bom = true
	}
	w.row = w.row[:0]
	for _, c := range cells {
		w.row = append(w.row, SafeCell(c))
	}
	return w.cw.Write(w.row)
}

// Flush writes what is buffered and reports any error of the writes.
func (w *Writer) Flush() error {
	w.cw.Flush()
	return w.cw.Error()
}
