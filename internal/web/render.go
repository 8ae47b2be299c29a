package web

import (
	"bytes"
	"fmt"
	"github.com/mn2010/baocao/internal/catalog"
	"html/template"
	"net/http"
	"strings"
	"time"
)

// pageTemplate is the layout with one page's content.
type pageTemplate struct{ t *template.Template }

var pageNames = []string{"overview", "check", "version", "confirm", "run", "job", "history", "plan", "login", "error", "password"}

func parsePages() (map[string]*pageTemplate, error) {
	funcs := template.FuncMap{
		"date": func(t time.Time) string {
			if t.IsZero() {
				return "—"
			}
			return t.Format("02/01/2006")
		},
		"datetime": func(t time.Time) string {
			if t.IsZero() {
				return "—"
			}
			return t.Format("02/01/2006 15:04")
		},
		"size":   humanSize,
		"period": periodWords,
		"titled": titled,
		"path":   breakablePath,
		"join":   strings.Join,
		// say is a catalogue message by name ("PgDateExample"), in the
		// language in force.
		"say": func(id string, args ...any) string { return catalog.Named(id).F(args...) },
		"met": func(m *bool) string {
			switch {
			case m == nil:
				return "muted"
			case *m:
				return "ok"
			}
			return "bad"
		},
	}
	base, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html")
	if err != nil {
		return nil, fmt.Errorf("web: templates: %w", err)
	}
	out := map[string]*pageTemplate{}
	for _, n := range pageNames {
		c, err := base.Clone()
		if err == nil {
			_, err = c.ParseFS(templateFS, "templates/"+n+".html")
		}
		if err != nil {
			return nil, catalog.PgTemplate.Errorf(n, err)
		}
		out[n] = &pageTemplate{c}
	}
	return out, nil
}

// view is what every page template gets.
type view struct {
	Title   string
	Nav     string
	Who     string
	Login   bool // a password protects the page
	CSRF    string
	Refresh int // seconds; 0 for none
	Unit    string
	Now     time.Time
	Data    any
	// Account: the visitor logged in with an account of her own (the
	// header links to the page that changes its password).
	Account bool
	// FirstAccount is the command that creates the first account, shown
	// on the overview while there is none.
	FirstAccount string
}

// render writes a page with status; a template error is logged and
// answered with a plain 500, never a stack trace.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page, title string, data any) {
	s.renderView(w, r, status, page, view{Title: title, Data: data})
}

func (s *Server) renderView(w http.ResponseWriter, r *http.Request, status int, page string, v view) {
	se := current(r)
	v.Who, v.Login, v.CSRF, v.Now = se.Who, s.needsLogin(), s.csrfToken(se), s.set.Now().In(s.set.Location)
	v.Unit = s.set.Unit
	v.Account = account(r) != nil
	if page == "overview" && s.set.Accounts != nil && !s.usesAccounts() {
		v.FirstAccount = firstAccountCommand
	}
	if v.Nav == "" {
		v.Nav = page
	}
	var buf bytes.Buffer
	if err := s.pages[page].t.Execute(&buf, v); err != nil {
		s.set.Logger.Error("web: template", "page", page, "error", err.Error())
		http.Error(w, catalog.PgRenderFailed.String(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

type errorData struct {
	Status         int
	Message, Hint  string
	Back, BackText string // a link besides Tổng quan, "" for none
}

// fail answers with a Vietnamese error page.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, msg, hint string) {
	s.renderView(w, r, status, "error", view{Title: catalog.PgTitleError.F(status), Nav: "-", Data: errorData{Status: status, Message: msg, Hint: hint}})
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/(1<<20)), ".", ",", 1)
	case n >= 1<<10:
		return strings.Replace(fmt.Sprintf("%.1f KB", float64(n)/(1<<10)), ".", ",", 1)
	}
	return fmt.Sprintf("%d B", n)
}
