package importer

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// para is one paragraph of the document as read: its text with the list
// label Word would show prepended, the text of its bold lead, whether a
// heading style or a Markdown heading marks it, and whether it sits in a
// table cell.
type para struct {
	text    string
	lead    string // the bold run(s) the paragraph starts with, if any
	heading int    // 1… for a heading, 0 otherwise
	table   bool
}

// clean normalises a paragraph's text: NFC, every space-like character a
// plain space, runs of them one, trimmed.
func clean(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == '\u00ad' || r == '\u200c' || r == '\u200d' {
			continue // soft hyphen, zero-width (non-)joiner: not text
		}
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// upperShare is the share of upper-case letters among s's letters.
func upperShare(s string) float64 {
	up, all := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			all++
			if unicode.IsUpper(r) {
				up++
			}
		}
	}
	if all == 0 {
		return 0
	}
	return float64(up) / float64(all)
}
