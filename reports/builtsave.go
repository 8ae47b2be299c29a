package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/reports/archive"
)

// builtMark is the file written last when a Built is saved: a folder
// without it was not saved whole.
const builtMark = "built.json"

type builtMeta struct {
	Report string `json:"report"`
	Period string `json:"period"`
}

// Save writes b (its files and its manifest, not yet a version) into dir,
// each file atomically and the mark last, so that a document made now can
// be archived later exactly as made: an approval's issued document, made
// before the approval is recorded, survives a crash that comes between
// the two, whatever the spreadsheets say afterwards.
func (b *Built) Save(dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return catalog.RptFile.Errorf(catalog.Said(err))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return catalog.RptFile.Errorf(catalog.Said(err))
	}
	for _, f := range b.files {
		if filepath.Base(f.Name) != f.Name {
			return fmt.Errorf("reports: cannot save the output %q", f.Name)
		}
		if err := archive.ReplaceFile(filepath.Join(dir, f.Name), f.Data); err != nil {
			return err
		}
	}
	man, err := json.Marshal(b.Manifest)
	if err != nil {
		return catalog.RptFile.Errorf(catalog.Said(err))
	}
	if err := archive.ReplaceFile(filepath.Join(dir, ManifestName), man); err != nil {
		return err
	}
	meta, _ := json.Marshal(builtMeta{Report: b.Report, Period: b.Period.Label()})
	return archive.ReplaceFile(filepath.Join(dir, builtMark), meta)
}

// LoadBuilt reads a Built saved whole into dir; ok is false when there is
// none (or not a whole one). Every output is checked against the hash its
// manifest recorded.
func (m *Maker) LoadBuilt(dir string) (b *Built, ok bool, err error) {
	mb, err := os.ReadFile(filepath.Join(dir, builtMark))
	if err != nil {
		return nil, false, nil
	}
	var meta builtMeta
	if err := json.Unmarshal(mb, &meta); err != nil {
		return nil, false, nil
	}
	p, err := m.Period(meta.Report, meta.Period)
	if err != nil {
		return nil, false, err
	}
	js, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return nil, false, catalog.RptFile.Errorf(catalog.Said(err))
	}
	var man Manifest
	if err := json.Unmarshal(js, &man); err != nil {
		return nil, false, catalog.RptPath.Errorf(dir, catalog.Said(err))
	}
	b = &Built{Report: meta.Report, Period: p, Manifest: &man}
	for _, o := range man.Outputs {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(o.Path)))
		if err != nil {
			return nil, false, catalog.RptFile.Errorf(catalog.Said(err))
		}
		if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != o.SHA256 {
			return nil, false, fmt.Errorf("reports: %s: %s does not match its hash", dir, o.Path)
		}
		b.files = append(b.files, archive.File{Name: filepath.Base(o.Path), Data: data})
	}
	return b, true, nil
}
