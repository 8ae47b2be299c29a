package importer

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/mn2010/baocao/sources"
)

// wordList is how a Word list (a numId) numbers its paragraphs: per level
// its start, format and label pattern ("%1.%2."). Lists of the same
// abstract definition share their counters, as in Word; a list with a
// start override restarts them where it begins.
type wordList struct {
	abstract  string
	levels    map[int]wordLevel
	overrides map[int]int
}

type wordLevel struct {
	start  int
	format string // decimal, upperRoman, lowerLetter, bullet, …
	text   string // lvlText
}

// docxStyle is what a paragraph style gives its paragraphs.
type docxStyle struct {
	basedOn string
	heading int // from the name "heading N" / "Heading N" or the outline level
	bold    bool
	numID   string
	ilvl    int
}

// readDocx reads the paragraphs of a .docx package: body paragraphs in
// order, table cells' paragraphs marked as such, list labels made as Word
// shows them.
func readDocx(pkg *sources.Package) ([]para, error) {
	styles, err := readStyles(pkg)
	if err != nil {
		return nil, err
	}
	lists, err := readNumbering(pkg)
	if err != nil {
		return nil, err
	}
	rc, err := pkg.Open("word/document.xml")
	if err != nil {
		return nil, errNoDocument
	}
	defer rc.Close()
	return readBody(sources.NewXMLScanner(rc), styles, lists)
}

var errNoDocument = errors.New("importer: the package has no word/document.xml")

// counters numbers the paragraphs of each list: by abstract definition,
// one counter per level; a level's counter restarts when a shallower level
// moves, and where a list with a start override is first used.
type counters struct {
	lists map[string]*wordList
	n     map[string][]int
	used  map[string]bool // numIds seen
}

func (c *counters) label(numID string, ilvl int) string {
	l := c.lists[numID]
	if l == nil || numID == "0" || ilvl < 0 || ilvl > 8 {
		return ""
	}
	cs := c.n[l.abstract]
	if cs == nil {
		cs = make([]int, 9)
		for i := range cs {
			cs[i] = l.levels[i].start - 1
		}
		c.n[l.abstract] = cs
	}
	if !c.used[numID] {
		c.used[numID] = true
		for lv, start := range l.overrides {
			if lv >= 0 && lv < len(cs) {
				cs[lv] = start - 1
			}
		}
	}
	cs[ilvl]++
	for i := ilvl + 1; i < len(cs); i++ {
		cs[i] = l.levels[i].start - 1
	}
	lv := l.levels[ilvl]
	if lv.format == "bullet" || lv.format == "none" {
		return ""
	}
	text := lv.text
	for i := 0; i <= ilvl; i++ {
		text = strings.ReplaceAll(text, "%"+strconv.Itoa(i+1), formatNumber(cs[i], l.levels[i].format))
	}
	return text
}

func formatNumber(n int, format string) string {
	switch format {
	case "upperRoman":
		return roman(n)
	case "lowerRoman":
		return strings.ToLower(roman(n))
	case "upperLetter":
		return letter(n, 'A')
	case "lowerLetter":
		return letter(n, 'a')
	case "decimalZero":
		return fmt.Sprintf("%02d", n)
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

func letter(n int, a rune) string {
	if n <= 0 {
		return strconv.Itoa(n)
	}
	return strings.Repeat(string(a+rune((n-1)%26)), (n-1)/26+1)
}

// on reads a toggle property's w:val: absent, "1", "true" or "on" is on.
func on(attrs []byte) bool {
	v := sources.Attr(attrs, "val")
	if v == nil {
		return true
	}
	switch strings.ToLower(string(v)) {
	case "0", "false", "off", "none":
		return false
	}
	return true
}

func atoiAttr(attrs []byte, key string) int {
	n, _ := strconv.Atoi(string(sources.Attr(attrs, key)))
	return n
}

// pstate is a paragraph being read; a text box's paragraphs sit inside
// another paragraph's run, so they are kept on a stack.
type pstate struct {
	style, numID string
	ilvl         int
	leadOpen     bool
	text, lead   strings.Builder
}

// readBody walks word/document.xml.
func readBody(x *sources.XMLScanner, styles map[string]docxStyle, lists map[string]*wordList) ([]para, error) {
	c := &counters{lists: lists, n: map[string][]int{}, used: map[string]bool{}}
	var out []para
	var (
		stack                       []*pstate
		inRun, inRPr, inPPr, inText bool
		runBold                     bool
		tableDepth                  int
		skip                        int // inside deleted text or a field's code
	)
	for {
		start, name, attrs, err := x.Next(inText)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		var p *pstate
		if len(stack) > 0 {
			p = stack[len(stack)-1]
		}
		n := string(name)
		if !start {
			switch n {
			case "t":
				if inText && skip == 0 && p != nil {
					t := x.Text()
					p.text.WriteString(t)
					if p.leadOpen {
						if runBold || resolveStyle(styles, p.style).bold {
							p.lead.WriteString(t)
						} else if strings.TrimSpace(t) != "" {
							p.leadOpen = false
						}
					}
				}
				inText = false
			case "r":
				inRun = false
			case "rPr":
				inRPr = false
			case "pPr":
				inPPr = false
			case "del", "instrText":
				skip--
			case "tbl":
				tableDepth--
			case "p":
				if p != nil {
					stack = stack[:len(stack)-1]
					out = append(out, makeDocxPara(c, styles, p.style, p.numID, p.ilvl, p.text.String(), p.lead.String(), tableDepth > 0))
				}
			}
			continue
		}
		switch n {
		case "tbl":
			tableDepth++
		case "p":
			stack = append(stack, &pstate{ilvl: -1, leadOpen: true})
			inRun = false
		case "pPr":
			inPPr = true
		case "pStyle":
			if inPPr && p != nil {
				p.style = string(sources.Attr(attrs, "val"))
			}
		case "numId":
			if inPPr && p != nil {
				p.numID = string(sources.Attr(attrs, "val"))
			}
		case "ilvl":
			if inPPr && p != nil {
				p.ilvl = atoiAttr(attrs, "val")
			}
		case "r":
			inRun, runBold = true, false
		case "rPr":
			inRPr = true
		case "b":
			if inRun && inRPr {
				runBold = on(attrs)
			}
		case "t":
			if inRun {
				inText = true
				x.ResetText()
			}
		case "tab", "br", "cr":
			if inRun && skip == 0 && p != nil {
				p.text.WriteByte(' ')
				if p.leadOpen && (runBold || resolveStyle(styles, p.style).bold) {
					p.lead.WriteByte(' ')
				}
			}
		case "del", "instrText":
			skip++
		}
	}
}

func makeDocxPara(c *counters, styles map[string]docxStyle, style, numID string, ilvl int, text, lead string, table bool) para {
	st := resolveStyle(styles, style)
	if numID == "" {
		numID = st.numID
		if ilvl < 0 {
			ilvl = st.ilvl
		}
	}
	if ilvl < 0 {
		ilvl = 0
	}
	label := ""
	if numID != "" {
		label = c.label(numID, ilvl)
	}
	p := para{text: clean(label + " " + text), heading: st.heading, table: table}
	if lead = clean(lead); lead != "" {
		p.lead = clean(label + " " + lead)
	}
	return p
}

// resolveStyle follows basedOn a few steps for what a style inherits.
func resolveStyle(styles map[string]docxStyle, id string) docxStyle {
	st := styles[id]
	seen := map[string]bool{id: true}
	for b := st.basedOn; b != "" && !seen[b] && len(seen) < 10; {
		seen[b] = true
		parent := styles[b]
		if st.heading == 0 {
			st.heading = parent.heading
		}
		if !st.bold {
			st.bold = parent.bold
		}
		if st.numID == "" {
			st.numID, st.ilvl = parent.numID, parent.ilvl
		}
		b = parent.basedOn
	}
	return st
}

// readStyles reads word/styles.xml: each paragraph style's heading level,
// bold and list numbering. A package without it has no styles.
func readStyles(pkg *sources.Package) (map[string]docxStyle, error) {
	out := map[string]docxStyle{}
	if !pkg.Has("word/styles.xml") {
		return out, nil
	}
	rc, err := pkg.Open("word/styles.xml")
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	x := sources.NewXMLScanner(rc)
	var id string
	var cur docxStyle
	inStyle, inRPr, inPPr := false, false, false
	for {
		start, name, attrs, err := x.Next(false)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch n := string(name); {
		case start && n == "style":
			inStyle, id, cur = true, string(sources.Attr(attrs, "styleId")), docxStyle{ilvl: -1}
		case !start && n == "style":
			if inStyle && id != "" {
				out[id] = cur
			}
			inStyle = false
		case !inStyle:
		case n == "rPr":
			inRPr = start
		case n == "pPr":
			inPPr = start
		case start && n == "name":
			v := strings.ToLower(string(sources.Attr(attrs, "val")))
			if lv, ok := strings.CutPrefix(v, "heading "); ok {
				cur.heading, _ = strconv.Atoi(strings.TrimSpace(lv))
			} else if v == "title" {
				cur.heading = 1
			}
		case start && n == "basedOn":
			cur.basedOn = string(sources.Attr(attrs, "val"))
		case start && n == "outlineLvl" && inPPr:
			if cur.heading == 0 {
				cur.heading = atoiAttr(attrs, "val") + 1
			}
		case start && n == "b" && inRPr:
			cur.bold = on(attrs)
		case start && n == "numId" && inPPr:
			cur.numID = string(sources.Attr(attrs, "val"))
		case start && n == "ilvl" && inPPr:
			cur.ilvl = atoiAttr(attrs, "val")
		}
	}
}

// readNumbering reads word/numbering.xml: each list (numId) with its
// abstract definition's levels and any start overrides.
func readNumbering(pkg *sources.Package) (map[string]*wordList, error) {
	out := map[string]*wordList{}
	if !pkg.Has("word/numbering.xml") {
		return out, nil
	}
	rc, err := pkg.Open("word/numbering.xml")
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	x := sources.NewXMLScanner(rc)
	abstract := map[string]map[int]wordLevel{}
	type num struct {
		abstract  string
		overrides map[int]int
	}
	nums := map[string]*num{}
	var absID, numID string
	lvl, overrideLvl := -1, -1
	var cur wordLevel
	for {
		start, name, attrs, err := x.Next(false)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch n := string(name); {
		case start && n == "abstractNum":
			absID = string(sources.Attr(attrs, "abstractNumId"))
			abstract[absID] = map[int]wordLevel{}
		case !start && n == "abstractNum":
			absID = ""
		case start && n == "lvl" && overrideLvl < 0:
			lvl, cur = atoiAttr(attrs, "ilvl"), wordLevel{start: 1, format: "decimal"}
		case !start && n == "lvl" && overrideLvl < 0:
			if absID != "" && lvl >= 0 {
				abstract[absID][lvl] = cur
			}
			lvl = -1
		case start && n == "start" && lvl >= 0:
			cur.start = atoiAttr(attrs, "val")
		case start && n == "numFmt" && lvl >= 0:
			cur.format = string(sources.Attr(attrs, "val"))
		case start && n == "lvlText" && lvl >= 0:
			cur.text = string(sources.Attr(attrs, "val"))
		case start && n == "num":
			numID = string(sources.Attr(attrs, "numId"))
			nums[numID] = &num{overrides: map[int]int{}}
		case !start && n == "num":
			numID = ""
		case start && n == "abstractNumId" && numID != "":
			nums[numID].abstract = string(sources.Attr(attrs, "val"))
		case start && n == "lvlOverride" && numID != "":
			overrideLvl = atoiAttr(attrs, "ilvl")
		case !start && n == "lvlOverride":
			overrideLvl = -1
		case start && n == "startOverride" && numID != "" && overrideLvl >= 0:
			nums[numID].overrides[overrideLvl] = atoiAttr(attrs, "val")
		}
	}
	for id, nm := range nums {
		levels := map[int]wordLevel{}
		for k, v := range abstract[nm.abstract] {
			levels[k] = v
		}
		for i := 0; i < 9; i++ {
			if _, ok := levels[i]; !ok {
				levels[i] = wordLevel{start: 1, format: "decimal", text: "%" + strconv.Itoa(i+1) + "."}
			}
		}
		out[id] = &wordList{abstract: nm.abstract, levels: levels, overrides: nm.overrides}
	}
	return out, nil
}
