package web

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/mn2010/baocao/internal/catalog"
)

// TestBackendErrorsSpeakToPeople: the page's error classes are the
// catalogue's words. A backend's error that is a class alone, or a class
// after other words, shows Vietnamese on the page (English under
// --lang en), never the package's "web: …" of before; the detail after
// a class is shown without the class's words.
func TestBackendErrorsSpeakToPeople(t *testing.T) {
	defer catalog.Set(catalog.Vietnamese)
	classes := map[string]error{"not found": ErrNotFound, "not available": ErrNotAvailable, "needs confirm": ErrNeedsConfirm,
		"bad input": ErrBadInput, "refused": ErrRefused}
	for name, e := range classes {
		for _, l := range []catalog.Lang{catalog.Vietnamese, catalog.English} {
			catalog.Set(l)
			bare, detail := plain(e), plain(fmt.Errorf("%w: chi tiết", e))
			if strings.Contains(bare, "web") || bare == "" || (l == catalog.Vietnamese) == isASCII(bare) {
				t.Errorf("%s in %v, bare: %q", name, l, bare)
			}
			if detail != "chi tiết" {
				t.Errorf("%s in %v, with a detail: %q", name, l, detail)
			}
		}
	}
	catalog.Set(catalog.Vietnamese)

	f := newFake()
	f.sendErr = ErrRefused // bare, as a backend may return it
	s, _ := testServer(t, Settings{}, f)
	c := newClient(t, s.Handler())
	tok := c.csrf("/bao-cao/monthly/2024-03/v1")
	r, body := c.post("/bao-cao/monthly/2024-03/v1/gui", url.Values{"csrf": {tok}})
	wantStatus(t, r, body, 409)
	wantIn(t, body, "Không làm được: trạng thái của bản này không cho phép.")
	if strings.Contains(body, "web:") || strings.Contains(body, "refused") {
		t.Errorf("the page shows the package's English: %s", body)
	}

	f.sendErr = fmt.Errorf("gửi bản %s: %w", "2024-03", ErrNotAvailable) // a class after other words
	r, body = c.post("/bao-cao/monthly/2024-03/v1/gui", url.Values{"csrf": {tok}})
	wantIn(t, body, "gửi bản 2024-03: việc này không dùng được cho bản này lúc này")
	if strings.Contains(body, "web:") || strings.Contains(body, "not available") {
		t.Errorf("the page shows the package's English: %s", body)
	}
}

func isASCII(s string) bool {
	for _, r := range s {
		if r > 0x7f {
			return false
		}
	}
	return true
}
