package bot

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// checkStaffText is the one length rule for what staff write on the admin
// page (a source's or segment's name, a broadcast's title, a message): s
// must hold text and at most max characters. A problem is added to f under
// key, in Japanese, naming the field by label (名前, 本文).
func checkStaffText(f map[string]string, key, label, s string, max int) {
	switch n := utf8.RuneCountInString(strings.TrimSpace(s)); {
	case n == 0:
		f[key] = label + "を入力してください。"
	case n > max:
		f[key] = fmt.Sprintf("%sは%d文字以内で入力してください。", label, max)
	}
}
