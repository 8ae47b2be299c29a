package importer

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/mn2010/baocao/sources"
)

// Header is what the plan says about itself.
type Header struct {
	Number  string // "13/KH-MN2010"
	Day     string // as written: "12"
	Month   string // as written: "01"
	Year    int    // of the date of issue
	ForYear int    // the year the plan is for ("… năm 2024" of its title)
	Unit    string // "Trường Mầm non 20/10"
	Title   string // the plan's subject, after "KẾ HOẠCH"
}

// Date is the date of issue as the plan writes it ("12/01/2024"), "" if
// none was read.
func (h Header) Date() string {
	if h.Year == 0 {
		return ""
	}
	return pad2(h.Day) + "/" + pad2(h.Month) + "/" + strconv.Itoa(h.Year)
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// Reference is the reports' citation: "Kế hoạch số 13/KH-MN2010 ngày 12
// tháng 01 năm 2024".
func (h Header) Reference() string {
	ref := "Kế hoạch"
	if h.Number != "" {
		ref += " số " + h.Number
	}
	if h.Year != 0 {
		ref += " ngày " + h.Day + " tháng " + h.Month + " năm " + strconv.Itoa(h.Year)
	} else if h.ForYear != 0 {
		ref += " thực hiện công tác cải cách hành chính năm " + strconv.Itoa(h.ForYear)
	}
	return ref
}

// item is a numbered paragraph of a section with the unnumbered paragraphs
// that follow it.
type item struct {
	id   string
	text string   // the numbered paragraph, without its number
	lead string   // its bold lead, without the number
	more []string // the paragraphs after it
}

// section is a Roman-numbered part of the plan ("II. CHỈ TIÊU").
type section struct {
	title string
	items []item
}

type sectionKind int

const (
	otherSection sectionKind = iota
	targetsSection
	tasksSection
)

var (
	romanRe = lazyRE(`^([IVX]{1,4}|[A-D])\s*[.:)/\-–]\s*(.+)$`)
	// "3.1." "3.1" "3.1)" and "3." "3)"; a lone number needs its dot.
	numberRe  = lazyRE(`^(\d{1,2}(?:\.\d{1,2})+)(?:[.)]|\s)\s*(.*)$`)
	bareRe    = lazyRE(`^(\d{1,2})\s*[.)]\s*(.*)$`)
	soRe      = lazyRE(`(?i)\b(?:số|so)\s*:?\s*(\d+\s*/\s*[\p{L}\d][\p{L}\d\-–./]*)`)
	dateRe    = lazyRE(`(?i)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`)
	dateNumRe = lazyRE(`(?i)ngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})`)
	// the place and date line, "Quận 1, ngày 12 tháng 01 năm 2024"
	placeDateRe = lazyRE(`^[^,]{2,60},\s*ngày\s+\d`)
	forYearRe   = lazyRE(`(?i)năm\s+(\d{4})`)
)

// sectionOf classifies a paragraph as a section heading: a Roman (or
// capital letter) number and a title mostly in capitals, or a heading or
// bold paragraph in capitals naming targets or tasks.
func sectionOf(p para) (title string, kind sectionKind, ok bool) {
	if p.table {
		return "", 0, false
	}
	t := p.text
	if m := romanRe.FindStringSubmatch(t); m != nil && upperShare(m[2]) >= 0.8 {
		title = m[2]
	} else if numberRe.MatchString(t) || bareRe.MatchString(t) {
		return "", 0, false
	} else if (p.heading > 0 || p.lead == t) && upperShare(t) >= 0.8 && len(strings.Fields(t)) <= 12 {
		f := sources.FoldMarks(t)
		if !strings.Contains(f, "chi tieu") && !strings.Contains(f, "nhiem vu") {
			return "", 0, false
		}
		title = t
	} else {
		return "", 0, false
	}
	f := sources.FoldMarks(title)
	switch {
	case strings.Contains(f, "chi tieu"):
		return title, targetsSection, true
	case strings.Contains(f, "nhiem vu"):
		return title, tasksSection, true
	}
	return title, otherSection, true
}

// numbered splits a numbered paragraph's text into its id and the rest.
func numbered(t string) (id, rest string, ok bool) {
	if m := numberRe.FindStringSubmatch(t); m != nil {
		return m[1], m[2], true
	}
	if m := bareRe.FindStringSubmatch(t); m != nil {
		return m[1], m[2], true
	}
	return "", "", false
}

// document is a plan read into its parts.
type document struct {
	header  Header
	targets *section
	tasks   *section
}

// parse finds the header, the first targets section and the first tasks
// section of the paragraphs.
func parse(ps []para) *document {
	d := &document{}
	var cur *section
	var others []*section
	firstSection := len(ps)
	for i, p := range ps {
		if title, kind, ok := sectionOf(p); ok {
			if i < firstSection {
				firstSection = i
			}
			cur = &section{title: title}
			switch {
			case kind == targetsSection && d.targets == nil:
				d.targets = cur
			case kind == tasksSection && d.tasks == nil:
				d.tasks = cur
			default:
				others = append(others, cur)
			}
			continue
		}
		if cur == nil || p.table {
			continue
		}
		if id, rest, ok := numbered(p.text); ok {
			lead := ""
			if _, lr, ok := numbered(p.lead); ok {
				lead = lr
			}
			cur.items = append(cur.items, item{id: id, text: rest, lead: lead})
		} else if n := len(cur.items); n > 0 {
			cur.items[n-1].more = append(cur.items[n-1].more, p.text)
		}
	}
	if d.targets == nil {
		// "I. MỤC ĐÍCH, YÊU CẦU … 2. Chỉ tiêu: 2.1 …": a numbered heading
		// of another section holds the targets.
		for _, s := range others {
			if h := targetsHeading(s.items); h != nil {
				d.targets = &section{title: h.text, items: s.items}
				break
			}
		}
	}
	d.header = readHeader(ps[:firstSection], ps)
	return d
}

// targetsHeading is the numbered heading ("2. Chỉ tiêu", "2. Các chỉ tiêu
// cụ thể:") under which targets are numbered, nil if none.
func targetsHeading(items []item) *item {
	for i, it := range items {
		f := strings.Trim(sources.FoldMarks(it.text), " :.")
		f = strings.TrimPrefix(f, "cac ")
		if strings.HasPrefix(f, "chi tieu") && len(strings.Fields(f)) <= 6 && hasChildren(items, it.id) {
			return &items[i]
		}
	}
	return nil
}

// citesAnother reports whether the text before a "số …/…" names another
// document ("Căn cứ Kế hoạch số 3/KH-UBND …"), not the plan's own number.
func citesAnother(before string) bool {
	f := sources.FoldMarks(before)
	for _, w := range []string{"ke hoach", "quyet dinh", "cong van", "can cu", "chi thi", "nghi quyet", "thong tu", "nghi dinh", "thuc hien"} {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// readHeader reads the plan's number, date, subject and unit from the
// paragraphs before its first section (the header table included).
func readHeader(head, all []para) Header {
	var h Header
	title := -1
	for i, p := range head {
		if h.Number == "" {
			if m := soRe.FindStringSubmatchIndex(p.text); m != nil && !citesAnother(p.text[:m[0]]) {
				h.Number = strings.Join(strings.Fields(p.text[m[2]:m[3]]), "")
				h.Number = strings.TrimRight(h.Number, ".")
			}
		}
		if h.Year == 0 && (title < 0 || placeDateRe.MatchString(p.text)) {
			if m := dateRe.FindStringSubmatch(p.text); m != nil {
				h.Day, h.Month = m[1], m[2]
				h.Year, _ = strconv.Atoi(m[3])
			} else if m := dateNumRe.FindStringSubmatch(p.text); m != nil {
				h.Day, h.Month = pad2(m[1]), pad2(m[2])
				h.Year, _ = strconv.Atoi(m[3])
			}
		}
		if title < 0 && !p.table && strings.HasPrefix(sources.FoldMarks(p.text), "ke hoach") && upperShare(p.text) >= 0.8 {
			title = i
		}
	}
	if title < 0 {
		// A title not in capitals: "Kế hoạch cải cách hành chính năm 2025".
		for i, p := range head {
			if !p.table && strings.HasPrefix(sources.FoldMarks(p.text), "ke hoach") && len([]rune(p.text)) < 200 && !soRe.MatchString(p.text) {
				title = i
				break
			}
		}
	}
	if title >= 0 {
		words := strings.Fields(head[title].text)
		subject := strings.Join(words[min(2, len(words)):], " ")
		if subject == "" && title+1 < len(head) && !head[title+1].table {
			subject = head[title+1].text
		}
		h.Title = strings.TrimLeft(subject, " :-–")
		// The year the plan is for: in its title, or on a line just under
		// it ("KẾ HOẠCH / Cải cách hành chính / năm 2025").
		for i := title; i < min(len(head), title+4) && h.ForYear == 0; i++ {
			t := head[i].text
			if i > title && (len([]rune(t)) > 150 || dateRe.MatchString(t) || dateNumRe.MatchString(t)) {
				continue
			}
			if m := forYearRe.FindStringSubmatch(dateRe.ReplaceAllString(t, "")); m != nil {
				h.ForYear, _ = strconv.Atoi(m[1])
			}
		}
	}
	if h.ForYear == 0 {
		h.ForYear = h.Year
	}
	h.Unit = findUnit(head, title, h.Title, all)
	return h
}

// unitSentenceRe finds the unit in the sentence that introduces the plan:
// "Trường Mầm non 20/10 xây dựng Kế hoạch …".
var unitSentenceRe = lazyRE(`(Trường\s[^,.;:()]{3,60}?)\s+(?:xây dựng|ban hành|triển khai)\s+(?:kế hoạch|Kế hoạch)`)

// headerUnit reads a unit's name from a line of the header: a line that
// names a school ("… TRƯỜNG MẦM NON HOA SEN", its parent body before it on
// the same line when a cell's lines were joined), or starts as a unit does;
// "" for the motto, the number, the date and other lines.
func headerUnit(t string) string {
	f := sources.Fold(t)
	if len(f) != len(t) {
		f = strings.ToLower(t)
	}
	for _, stop := range []string{"cộng hòa", "cộng hoà", "độc lập", "số:"} {
		if i := strings.Index(f, stop); i >= 0 {
			t, f = t[:i], f[:i]
		}
	}
	if dateRe.MatchString(t) || dateNumRe.MatchString(t) || strings.TrimSpace(t) == "" {
		return ""
	}
	if i := strings.LastIndex(f, "trường "); i >= 0 && len(f) == len(t) {
		return strings.TrimSpace(t[i:])
	}
	fm := sources.FoldMarks(t)
	for _, w := range unitWords {
		if strings.HasPrefix(fm, w) {
			return strings.TrimSpace(t)
		}
	}
	return ""
}

var unitWords = []string{"truong", "trung tam", "phong", "uy ban", "ban ", "vien", "benh vien", "tram", "cong ty", "so "}

// findUnit names the unit that issued the plan: from the subject ("… tại
// Trường mầm non 20/10"), else from the header's lines (the last line of
// the left cell, "TRƯỜNG MẦM NON 20/10"); written as the plan's text writes
// it elsewhere ("Trường Mầm non 20/10 xây dựng …") when it does.
func findUnit(head []para, title int, subject string, all []para) string {
	name := ""
	if i := strings.LastIndex(sources.Fold(subject), " tại "); i >= 0 {
		name = strings.TrimSpace(subject[i+len(" tại "):])
	}
	if name == "" {
		end := len(head)
		if title >= 0 {
			end = title
		}
		for _, p := range head[:end] {
			if n := headerUnit(p.text); n != "" {
				name = n // the last such line: the unit under its parent body
			}
		}
	}
	if name == "" {
		for _, p := range all {
			if m := unitSentenceRe.FindStringSubmatch(p.text); m != nil {
				name = m[1]
				break
			}
		}
	}
	name = strings.TrimRight(name, " .,;")
	if name == "" {
		return ""
	}
	// The same name in the plan's own spelling of case, if it has one.
	fn := sources.Fold(name)
	for _, p := range all {
		if upperShare(p.text) > 0.5 {
			continue
		}
		if i := strings.Index(sources.Fold(p.text), fn); i >= 0 && len(sources.Fold(p.text)) == len(p.text) {
			if cand := p.text[i : i+len(fn)]; upperShare(cand) < 0.8 && cand != name && strings.ToUpper(cand[:1]) == cand[:1] {
				return cand
			}
		}
	}
	if upperShare(name) >= 0.8 {
		return titleCase(name)
	}
	return name
}

// titleCase writes a unit's name typed in capitals as names are written:
// "TRƯỜNG MẦM NON HOA SEN" → "Trường Mầm non Hoa Sen", "TRƯỜNG THCS ĐIỆN
// BIÊN" → "Trường THCS Điện Biên": the kind of school as a common noun,
// acronyms (no vowel) kept, the rest a proper name.
func titleCase(s string) string {
	for _, kind := range []string{"Mầm non", "Tiểu học", "Trung học cơ sở", "Trung học phổ thông", "Nhà trẻ", "Mẫu giáo"} {
		up := strings.ToUpper(kind)
		if i := strings.Index(s, up); i >= 0 {
			return titleCase(s[:i]) + " " + kind + " " + titleCase(s[i+len(up):])
		}
	}
	words := strings.Fields(s)
	for i, w := range words {
		if acronym(w) {
			continue
		}
		words[i] = upperFirst(strings.ToLower(w))
	}
	return strings.TrimSpace(strings.Join(words, " "))
}

// sentenceCase writes a title typed in capitals as a sentence, acronyms
// kept: "CẢI CÁCH HÀNH CHÍNH NĂM 2026 (CCHC)" → "cải cách hành chính năm
// 2026 (CCHC)".
func sentenceCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if !acronym(w) {
			words[i] = strings.ToLower(w)
		}
	}
	return strings.Join(words, " ")
}

// acronym reports whether a word has letters but no vowel (THCS, CCHC).
func acronym(w string) bool {
	letters := false
	for _, r := range sources.FoldMarks(w) {
		switch {
		case strings.ContainsRune("aeiouy", r):
			return false
		case unicode.IsLetter(r):
			letters = true
		}
	}
	return letters
}
