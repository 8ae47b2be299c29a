package narrative

import (
	"fmt"
	"strings"

	"github.com/mn2010/baocao/sources"
)

// Part is a part of the report a person writes, written in the column
// "Phần". It is not a string type: go-toml and encoding/json call
// UnmarshalText only for non-string targets.
type Part uint8

// The parts, in the order the report shows them.
const (
	Assessment Part = iota + 1 // "Đánh giá chung": section IV, after the generated assessment
	Causes                     // "Nguyên nhân": section IV, after the assessment, causes of missed targets
	Directions                 // "Phương hướng": section V, after the generated directions
	Proposals                  // "Đề xuất, kiến nghị": section VI, shown only when written
)

// Parts lists every part in report order.
var Parts = []Part{Assessment, Causes, Directions, Proposals}

// spellings are the accepted ways to write each part; the first is its
// name.
var spellings = map[Part][]string{
	Assessment: {"Đánh giá chung", "Đánh giá"},
	Causes:     {"Nguyên nhân", "Nguyên nhân chưa đạt", "Hạn chế, nguyên nhân", "Hạn chế và nguyên nhân"},
	Directions: {"Phương hướng", "Phương hướng, nhiệm vụ", "Phương hướng nhiệm vụ", "Phương hướng, nhiệm vụ kỳ tới", "Nhiệm vụ kỳ tới"},
	Proposals:  {"Đề xuất, kiến nghị", "Đề xuất kiến nghị", "Kiến nghị, đề xuất", "Kiến nghị đề xuất", "Đề xuất", "Kiến nghị"},
}

var matcher = func() *sources.Matcher {
	names := make([][]string, len(Parts))
	for i, p := range Parts {
		names[i] = spellings[p]
	}
	return sources.NewMatcher(names)
}()

// String is the part's Vietnamese name, as a clerk writes it.
func (p Part) String() string {
	if s, ok := spellings[p]; ok {
		return s[0]
	}
	return fmt.Sprintf("Part(%d)", uint8(p))
}

// Names lists the parts' names, for messages: "Đánh giá chung; Nguyên
// nhân; …".
func Names() string {
	names := make([]string, len(Parts))
	for i, p := range Parts {
		names[i] = p.String()
	}
	return strings.Join(names, "; ")
}

// UnmarshalText reads a part's name or one of its other spellings,
// compared like headers.
func (p *Part) UnmarshalText(b []byte) error {
	i := matcher.Match(string(b))
	if i < 0 {
		return fmt.Errorf("narrative: unknown part %q: want one of %s", string(b), Names())
	}
	*p = Parts[i]
	return nil
}

// MarshalText writes the part's name.
func (p Part) MarshalText() ([]byte, error) {
	if _, ok := spellings[p]; !ok {
		return nil, fmt.Errorf("narrative: no part %d", uint8(p))
	}
	return []byte(p.String()), nil
}
