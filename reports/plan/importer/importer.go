package importer

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/mn2010/baocao/internal/fault"
	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
)

// ErrNotPlan is wrapped by every error for a document that cannot be
// imported: not a plan, unreadable, refused. Its message is Vietnamese and
// names the file and what to do.
var ErrNotPlan = fault.New(fault.BadInput, "importer: not a plan that can be imported")

// ErrExists is returned by Write for an output file that exists without
// force.
var ErrExists = fault.New(fault.Refused, "importer: the plan file exists")

// Error is a document that cannot be imported (Kind ErrNotPlan) or a plan
// file that is not overwritten (Kind ErrExists).
type Error struct {
	File    string
	Message string // Vietnamese
	Kind    error  // ErrNotPlan or ErrExists
	Err     error  // the cause, if any (for the log, not the clerk)
}

func (e *Error) Error() string { return e.File + ": " + e.Message }

// Unwrap is the error's kind.
func (e *Error) Unwrap() error {
	if e.Kind == nil {
		return ErrNotPlan
	}
	return e.Kind
}

// Result is a plan read from a document.
type Result struct {
	File    string
	Header  Header
	Targets []Target
	Tasks   []plan.Task
	// TOML is the plan file; Plan is it loaded, as a config would load it
	// (nil when a threshold was not read: the file then needs editing).
	TOML string
	Plan *plan.Plan
}

// Limits bound what a document may cost to read: the workbooks' limits.
var Limits = sources.DefaultLimits

// Import reads the plan document at path.
func Import(path string) (*Result, error) {
	fail := func(msg string, err error) error { return &Error{File: path, Message: msg, Err: err} }
	ext := strings.ToLower(filepath.Ext(path))
	st, err := os.Stat(path)
	switch {
	case err != nil && os.IsNotExist(err):
		return nil, fail("không tìm thấy tệp: kiểm tra đường dẫn", err)
	case err != nil:
		return nil, fail("không đọc được tệp: kiểm tra quyền truy cập", err)
	case st.IsDir():
		return nil, fail("đường dẫn là một thư mục, không phải tệp kế hoạch", nil)
	case st.Size() > Limits.MaxFileBytes:
		return nil, fail(fmt.Sprintf("tệp quá lớn (%d MB, giới hạn %d MB): một kế hoạch chỉ vài chục trang; lưu lại tệp không kèm hình ảnh",
			st.Size()>>20, Limits.MaxFileBytes>>20), nil)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fail("không đọc được tệp: kiểm tra quyền truy cập", err)
	}
	ps, err := readDocument(path, ext, data)
	if err != nil {
		return nil, err
	}
	return understandDocument(path, ps)
}

const docHelp = "định dạng Word 97 (.doc) không đọc được: mở tệp bằng Word và lưu lại dưới dạng .docx " +
	"(Tệp › Lưu thành › Tài liệu Word; hoặc `soffice --headless --convert-to docx TỆP.doc`), rồi nhập tệp .docx"

const encryptedHelp = "tệp được đặt mật khẩu (tài liệu mã hóa), baocao không đọc được: mở tệp bằng Word, gỡ mật khẩu " +
	"(Tệp › Thông tin › Bảo vệ tài liệu › Mã hóa bằng mật khẩu, xóa mật khẩu) rồi lưu lại và nhập lại"

// readDocument reads a document's paragraphs by what its bytes are, the
// name's extension aside: a .docx renamed .txt is still read as Word.
func readDocument(path, ext string, data []byte) ([]para, error) {
	fail := func(msg string, err error) error { return &Error{File: path, Message: msg, Err: err} }
	switch {
	case sources.Encrypted(data):
		return nil, fail(encryptedHelp, nil)
	case sources.IsCompoundFile(data) || ext == ".doc":
		return nil, fail(docHelp, nil)
	case sources.IsZip(data):
		pkg, err := sources.OpenPackage(data, Limits.MaxUnzipBytes)
		switch {
		case errors.Is(err, sources.ErrUnzipLimit):
			return nil, fail(fmt.Sprintf("tệp giải nén vượt giới hạn %d MB: tệp hỏng hoặc không phải kế hoạch; lưu lại bằng Word",
				Limits.MaxUnzipBytes>>20), err)
		case err != nil:
			return nil, fail("tệp .docx hỏng (không mở được gói zip): lưu lại bằng Word", err)
		}
		ps, err := readDocx(pkg)
		switch {
		case errors.Is(err, errNoDocument):
			return nil, fail("tệp không phải tài liệu Word (.docx): không có nội dung văn bản; lưu kế hoạch dưới dạng .docx", err)
		case errors.Is(err, sources.ErrTokenTooLong):
			return nil, fail("tệp .docx có một phần tử XML dài hơn 1 MB: tệp hỏng hoặc được tạo bất thường; lưu lại bằng Word", err)
		case err != nil:
			return nil, fail("tệp .docx hỏng (nội dung XML không đọc được): mở và lưu lại bằng Word", err)
		}
		return ps, nil
	case ext == ".pdf" || strings.HasPrefix(string(data), "%PDF"):
		return nil, fail("tệp PDF không đọc được: nhập bản Word (.docx) của kế hoạch, hoặc chép nội dung ra tệp .txt", nil)
	case ext == ".odt" || ext == ".rtf":
		return nil, fail("định dạng "+ext+" không đọc được: mở tệp và lưu lại dưới dạng .docx", nil)
	case !utf8.Valid(data):
		return nil, fail("tệp văn bản không phải UTF-8 (có thể là mã TCVN3/VNI): mở bằng Word, lưu lại dưới dạng .docx hoặc .txt Unicode (UTF-8)", nil)
	}
	return readText(strings.TrimPrefix(string(data), "\ufeff"), ext != ".md" && ext != ".markdown"), nil
}

// understandDocument finds the plan's parts and reads their meaning.
func understandDocument(path string, ps []para) (*Result, error) {
	fail := func(msg string) error { return &Error{File: path, Message: msg} }
	d := parse(ps)
	if d.targets == nil {
		return nil, fail("không tìm thấy mục chỉ tiêu (một đề mục như \"II. CHỈ TIÊU\", \"II. CHỈ TIÊU CỤ THỂ\" hoặc " +
			"\"II. MỤC TIÊU, CHỈ TIÊU\"): tệp có phải kế hoạch CCHC không? Nếu phải, đặt đề mục này trước các chỉ tiêu")
	}
	items := targetItems(d.targets)
	if len(items) == 0 {
		return nil, fail(fmt.Sprintf("mục %q không có chỉ tiêu đánh số (như \"1.\", \"3.1.\"): đánh số từng chỉ tiêu rồi nhập lại",
			d.targets.title))
	}
	res := &Result{File: path, Header: d.header}
	ids := map[string]int{}
	for _, it := range items {
		tg := understand(it.item, it.parent)
		if n := ids[tg.ID]; n > 0 {
			tg.Doubts = append(tg.Doubts, fmt.Sprintf("số %s trùng với chỉ tiêu trước: đổi thành %s-%d", tg.ID, tg.ID, n+1))
			tg.ID = fmt.Sprintf("%s-%d", tg.ID, n+1)
		}
		ids[it.item.id]++
		res.Targets = append(res.Targets, tg)
	}
	res.Tasks = taskItems(d.tasks)
	toml, err := render(filepath.Base(path), d, res.Targets, res.Tasks)
	if err != nil {
		return nil, err
	}
	res.TOML = toml
	p, err := plan.Parse(filepath.Base(path), []byte(toml))
	if err != nil && !res.Unread() {
		return nil, fmt.Errorf("importer: the plan written does not load: %w", err)
	}
	res.Plan = p
	return res, nil
}

// Unread reports whether some target's threshold was not read.
func (r *Result) Unread() bool {
	for _, t := range r.Targets {
		if t.Threshold.Kind == Unread {
			return true
		}
	}
	return false
}

type targetItem struct {
	item   item
	parent string
}

// targetItems lists the targets of the section: its numbered items that
// no other item numbers under (a heading "3. Về giải quyết hồ sơ TTHC:"
// groups 3.1, 3.2 …). In a section that holds objectives and targets
// ("II. MỤC TIÊU, CHỈ TIÊU"), only the items under its targets' heading
// ("2. Chỉ tiêu") count.
func targetItems(s *section) []targetItem {
	items := s.items
	if h := targetsHeading(s.items); h != nil {
		var under []item
		for _, c := range s.items {
			if strings.HasPrefix(c.id, h.id+".") {
				under = append(under, c)
			}
		}
		items = under
	}
	var out []targetItem
	for _, it := range items {
		if hasChildren(items, it.id) {
			continue
		}
		parent := ""
		if i := strings.LastIndex(it.id, "."); i > 0 {
			for _, p := range items {
				if p.id == it.id[:i] {
					parent = p.text
				}
			}
		}
		out = append(out, targetItem{item: it, parent: parent})
	}
	return out
}

func hasChildren(items []item, id string) bool {
	for _, c := range items {
		if strings.HasPrefix(c.id, id+".") {
			return true
		}
	}
	return false
}

// taskItems lists the tasks: the numbered items of the tasks section that
// group no other, each with a short title.
func taskItems(s *section) []plan.Task {
	if s == nil {
		return nil
	}
	var out []plan.Task
	seen := map[string]bool{}
	for _, it := range s.items {
		if hasChildren(s.items, it.id) || seen[it.id] {
			continue
		}
		seen[it.id] = true
		out = append(out, plan.Task{ID: it.id, Title: shortTitle(it)})
	}
	return out
}

// shortTitle is a task's first sentence (its bold lead when it has one),
// at most maxTitleWords words.
func shortTitle(it item) string {
	t := it.text
	if it.lead != "" {
		t = it.lead
	}
	if i := strings.IndexAny(t, ";:"); i > 0 {
		t = t[:i]
	}
	if i := strings.Index(t, ". "); i > 0 {
		t = t[:i]
	}
	t = strings.TrimRight(strings.TrimSpace(t), ".,")
	words := strings.Fields(t)
	if len(words) > maxTitleWords {
		t = strings.TrimRight(strings.Join(words[:maxTitleWords], " "), ",") + "…"
	}
	return upperFirst(t)
}

const maxTitleWords = 14

func existsError(out string) error {
	return &Error{File: out, Kind: ErrExists,
		Message: "tệp đã có, không ghi đè: thêm --force để thay tệp này, hoặc chọn tên khác với -o"}
}

// Write writes the plan file to out; an existing file is kept unless force.
// The file is written whole or not at all.
func (r *Result) Write(out string, force bool) error {
	if !force {
		if _, err := os.Stat(out); err == nil {
			return existsError(out)
		}
	}
	dir := filepath.Dir(out)
	tmp, err := os.CreateTemp(dir, ".plan-*.toml")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.WriteString(r.TOML); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if !force {
		// Link fails if out appeared meanwhile; rename would replace it.
		if err := os.Link(tmp.Name(), out); err == nil {
			return nil
		} else if _, serr := os.Stat(out); serr == nil {
			return existsError(out)
		}
	}
	return os.Rename(tmp.Name(), out)
}
