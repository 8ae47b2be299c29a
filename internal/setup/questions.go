package setup

import (
	"fmt"
	"net"
	"net/mail"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/loopback"
)

// Question is one thing init asks. Set checks an answer and stores it; an
// error says, in Vietnamese, what is wrong.
type Question struct {
	Flag    string       // the command-line flag of the scripted form
	Prompt  *catalog.Msg // the question; its English text is the flag's help
	Default func(a *Answers) string
	Set     func(a *Answers, s string) error
	Skip    func(a *Answers) bool // not asked (e.g. mail questions without mail)
	List    bool                  // a list: lines pasted together are one answer
}

func fixed(s string) func(*Answers) string { return func(*Answers) string { return s } }

func noMail(a *Answers) bool { return !a.Mail }

// Questions are asked in this order. The spreadsheets' folder and the mail
// server's check are not here: they need more than one answer (see
// Interview).
func Questions() []Question {
	return []Question{
		{Flag: "unit", Prompt: catalog.IqUnit, Set: func(a *Answers, s string) error {
			a.Name = s
			return need(s)
		}},
		{Flag: "parent", Prompt: catalog.IqParent, Set: func(a *Answers, s string) error {
			a.Parent = s
			return need(s)
		}},
		{Flag: "place", Prompt: catalog.IqPlace, Default: func(a *Answers) string { return placeOf(a.Parent) },
			Set: func(a *Answers, s string) error { a.Place = s; return need(s) }},
		{Flag: "symbol", Prompt: catalog.IqSymbol, Set: func(a *Answers, s string) error {
			a.Symbol = s
			if err := need(s); err != nil {
				return err
			}
			for _, r := range s {
				if !(r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '-' || r == '.') {
					return catalog.IeSymbol.Errorf(s)
				}
			}
			return nil
		}},
		{Flag: "signer-title", Prompt: catalog.IqSignerT, Default: fixed("Hiệu trưởng"),
			Set: func(a *Answers, s string) error { a.SignerTitle = s; return need(s) }},
		{Flag: "signer-name", Prompt: catalog.IqSignerN, Set: func(a *Answers, s string) error { a.SignerName = s; return need(s) }},
		{Flag: "addressees", List: true, Prompt: catalog.IqAddressees,
			Default: func(a *Answers) string { return a.Parent },
			Set: func(a *Answers, s string) error {
				a.Addressees = split(s, ";")
				return need(s)
			}},
		{Flag: "recipients", List: true, Prompt: catalog.IqRecipients,
			Default: fixed(""),
			Set: func(a *Answers, s string) error {
				a.Recipients = split(s, ";")
				return nil
			}},
		{Flag: "admin-email", Prompt: catalog.IqAdmin, Set: func(a *Answers, s string) error {
			a.AdminEmail = s
			if err := address(s); err != nil {
				return err
			}
			return a.checkTypo([]string{s})
		}},
		{Flag: "domains", List: true, Prompt: catalog.IqDomains, Default: fixed("hcm.edu.vn, tphcm.gov.vn"),
			Set: func(a *Answers, s string) error {
				a.Domains = addressList(s)
				for _, d := range a.Domains {
					if strings.ContainsAny(d, "@ /") || !strings.Contains(d, ".") {
						return catalog.IeDomain.Errorf(d)
					}
				}
				return need(s)
			}},
		{Flag: "to", List: true, Prompt: catalog.IqTo, Set: func(a *Answers, s string) error {
			a.To = addressList(s)
			if err := addresses(a.To, true); err != nil {
				return err
			}
			return a.checkTypo(a.To)
		}},
		{Flag: "cc", List: true, Prompt: catalog.IqCc, Default: fixed(""),
			Set: func(a *Answers, s string) error {
				a.Cc = addressList(s)
				if err := addresses(a.Cc, false); err != nil {
					return err
				}
				return a.checkTypo(a.Cc)
			}},
		{Flag: "archive", Prompt: catalog.IqArchive, Default: fixed("archive"),
			Set: func(a *Answers, s string) error { a.Archive = Unquote(s); return need(a.Archive) }},
		{Flag: "timezone", Prompt: catalog.IqTimezone, Default: fixed("Asia/Ho_Chi_Minh"), Set: func(a *Answers, s string) error {
			a.TimeZone = s
			if _, err := time.LoadLocation(s); err != nil || s == "" || s == "Local" {
				return catalog.IeTimezone.Errorf(s)
			}
			return nil
		}},
		{Flag: "web", Prompt: catalog.IqWeb,
			Default: fixed("127.0.0.1:8080"), Set: func(a *Answers, s string) error {
				a.Web = s
				if s == "" {
					return nil
				}
				_, port, err := net.SplitHostPort(s)
				if n, perr := strconv.Atoi(port); err != nil || perr != nil || n < 1 || n > 65535 {
					return catalog.IeHostPort.Errorf(s)
				}
				return nil
			}},
		{Flag: "public-url", Prompt: catalog.InitPublicURL, Default: guessPublicURL,
			Skip: func(a *Answers) bool { return !a.webBeyond() }, Set: setPublicURL},
		planQuestion(),
	}
}

// MailQuestions describe the mail server; asked when the unit sends mail.
func MailQuestions() []Question {
	return []Question{
		{Flag: "smtp-host", Prompt: catalog.IqSMTPHost, Skip: noMail, Set: func(a *Answers, s string) error {
			a.Host = s
			if err := need(s); err != nil {
				return err
			}
			if strings.ContainsAny(s, " /:@") {
				return catalog.IeHost.Errorf(s)
			}
			return nil
		}},
		{Flag: "smtp-port", Prompt: catalog.IqSMTPPort, Skip: noMail, Default: fixed("587"), Set: func(a *Answers, s string) error {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 || n > 65535 {
				return catalog.IePort.Errorf(s)
			}
			a.Port = n
			return nil
		}},
		{Flag: "smtp-security", Prompt: catalog.IqSecurity, Skip: noMail,
			Default: func(a *Answers) string {
				if a.Port == 465 {
					return "tls"
				}
				return "starttls"
			},
			Set: func(a *Answers, s string) error {
				a.Security = strings.ToLower(s)
				switch a.Security {
				case "starttls", "tls":
					return nil
				case "none":
					if loopback.Host(a.Host) {
						return nil
					}
					return catalog.IeNone.Errorf()
				}
				return catalog.IeSecurity.Errorf(s)
			}},
		{Flag: "smtp-user", Prompt: catalog.IqSMTPUser, Skip: noMail,
			Default: func(a *Answers) string { return a.AdminEmail },
			Set:     func(a *Answers, s string) error { a.Username = s; return need(s) }},
		{Flag: "from", Prompt: catalog.IqFrom, Skip: noMail,
			Default: func(a *Answers) string {
				if strings.Contains(a.Username, "@") {
					return fmt.Sprintf("%s <%s>", a.Name, a.Username)
				}
				return ""
			},
			Set: func(a *Answers, s string) error {
				a.From = s
				if err := address(s); err != nil {
					return err
				}
				return a.checkTypo([]string{s})
			}},
	}
}

func need(s string) error {
	if strings.TrimSpace(s) == "" {
		return catalog.IeNeed.Errorf()
	}
	return nil
}

func address(s string) error {
	if err := need(s); err != nil {
		return err
	}
	addr, err := mail.ParseAddress(s)
	if err != nil || !strings.Contains(addr.Address[strings.LastIndexByte(addr.Address, '@')+1:], ".") {
		return catalog.IeAddress.Errorf(s)
	}
	return nil
}

func addresses(list []string, required bool) error {
	if required && len(list) == 0 {
		return catalog.IeOneAddress.Errorf()
	}
	for _, s := range list {
		if err := address(s); err != nil {
			return err
		}
	}
	return nil
}

// split splits a list at sep and at line ends (lines pasted together).
func split(s, sep string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(sep, r) || r == '\n' || r == '\r' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// placeOf guesses the place from the parent body: "Ủy ban nhân dân Quận 1"
// → "Quận 1", "Ủy ban nhân dân phường Sài Gòn" → "Phường Sài Gòn": the
// place begins the date line's sentence, so its first letter is a capital.
func placeOf(parent string) string {
	for _, prefix := range []string{"Ủy ban nhân dân ", "Uỷ ban nhân dân ", "UBND "} {
		if len(parent) > len(prefix) && strings.EqualFold(parent[:len(prefix)], prefix) {
			place := strings.TrimSpace(parent[len(prefix):])
			r, n := utf8.DecodeRuneInString(place)
			return string(unicode.ToUpper(r)) + place[n:]
		}
	}
	return ""
}
