package workflow

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/fault"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/delivery"
)

// ErrMissingFile is returned when a version lacks a file a message should
// carry (a version made before baocao wrote that kind of file).
var ErrMissingFile = catalog.NewClass(catalog.ClassMissingFile).WithFault(fault.BadInput)

// Attachments reads the files of an archived version that kinds name, in
// that order, each checked against the hash its manifest recorded. The
// district's message carries a report's attach list; a later caller (the
// reviewers' message) may pass another.
func Attachments(dir string, man *reports.Manifest, kinds []FileKind) ([]delivery.Attachment, error) {
	var out []delivery.Attachment
	for _, k := range kinds {
		o, ok := output(man, k)
		if !ok {
			return nil, ErrMissingFile.Newf(catalog.WfMissingFile, dir, k.Ext(), k, strings.TrimPrefix(k.Ext(), "."))
		}
		path := filepath.Join(dir, o.Path)
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, catalog.WfReadVersion.Errorf(dir, catalog.FileError(path, err))
		}
		if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != o.SHA256 {
			return nil, catalog.WfHashMismatch.Errorf(path)
		}
		out = append(out, delivery.Attachment{Name: o.Path, ContentType: ContentType(o.Path), Data: data})
	}
	return out, nil
}

// output finds the version's file of a kind.
func output(man *reports.Manifest, k FileKind) (reports.Output, bool) {
	for _, o := range man.Outputs {
		if strings.EqualFold(filepath.Ext(o.Path), k.Ext()) {
			return o, true
		}
	}
	return reports.Output{}, false
}
