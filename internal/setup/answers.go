package setup

import (
	"github.com/mn2010/baocao/internal/catalog"
	"strings"
)

// Answers come as clerks give them: a path copied with Windows' "Copy as
// path" is in quotes; an address list is separated by ",", ";" or new
// lines, as the interview's other lists are.

// Unquote strips spaces and one pair of surrounding quotes ("…", '…',
// “…”) from a path.
func Unquote(s string) string {
	s = strings.TrimSpace(s)
	for _, q := range [][2]string{{`"`, `"`}, {`'`, `'`}, {"“", "”"}} {
		if len(s) >= len(q[0])+len(q[1]) && strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) {
			return strings.TrimSpace(s[len(q[0]) : len(s)-len(q[1])])
		}
	}
	return s
}

// splitList splits an address list at ",", ";" and line ends.
func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' || r == '\r' })
}

// addressList splits and trims an address list.
func addressList(s string) []string {
	var out []string
	for _, p := range splitList(s) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// CommonDomains are mail domains a school's addresses are often at: an
// address one edit away from one of them (gmial.com, hcm.edu.vm) is
// likely a typing mistake.
var CommonDomains = []string{"gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "yahoo.com.vn",
	"hcm.edu.vn", "tphcm.gov.vn", "moet.edu.vn", "moet.gov.vn", "edu.vn", "gov.vn"}

// typoDomain returns the known domain addr's domain is one edit away from
// (a letter added, left out, changed or two swapped), or "".
func typoDomain(addr string, known []string) string {
	at := strings.LastIndexByte(addr, '@')
	if at < 0 {
		return ""
	}
	domain := strings.ToLower(strings.TrimSuffix(strings.TrimSpace(addr[at+1:]), ">"))
	labels := strings.Split(domain, ".")
	for _, k := range known {
		k = strings.ToLower(strings.TrimSpace(k))
		if k == "" {
			continue
		}
		n := len(strings.Split(k, "."))
		if n > len(labels) {
			continue
		}
		tail := strings.Join(labels[len(labels)-n:], ".")
		if tail == k {
			return "" // the domain is a known one (or below it)
		}
	}
	for _, k := range known {
		k = strings.ToLower(strings.TrimSpace(k))
		n := len(strings.Split(k, "."))
		if k == "" || n > len(labels) {
			continue
		}
		if tail := strings.Join(labels[len(labels)-n:], "."); editDistance(tail, k) == 1 {
			return k
		}
	}
	return ""
}

// editDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and swaps of neighbours.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

// typoError says an address looks mistyped; the interview asks again, and
// the same answer a second time is kept.
type typoError struct{ addr, domain string }

func (e *typoError) Error() string {
	return catalog.IeTypo.F(e.addr, e.domain)
}

// checkTypo refuses, once, an address whose domain is one edit away from
// a common or the unit's official domain; the same address given again is
// kept.
func (a *Answers) checkTypo(list []string) error {
	known := append(append([]string{}, CommonDomains...), a.Domains...)
	for _, addr := range list {
		d := typoDomain(addr, known)
		if d == "" || a.suspect[addr] {
			continue
		}
		if a.suspect == nil {
			a.suspect = map[string]bool{}
		}
		a.suspect[addr] = true
		return &typoError{addr, d}
	}
	return nil
}
