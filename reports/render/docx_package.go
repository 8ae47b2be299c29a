package render

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"time"
)

// The Open Packaging Conventions (ECMA-376 Part 2) around the Word draft:
// content types, relationships, document properties, and the zip.

const (
	nsContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
	nsRels         = "http://schemas.openxmlformats.org/package/2006/relationships"
	relBase        = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	relCore        = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	ctWML          = "application/vnd.openxmlformats-officedocument.wordprocessingml."
)

type ctTypes struct {
	XMLName   xml.Name     `xml:"Types"`
	NS        string       `xml:"xmlns,attr"`
	Defaults  []ctDefault  `xml:"Default"`
	Overrides []ctOverride `xml:"Override"`
}

type ctDefault struct {
	Extension   string `xml:"Extension,attr"`
	ContentType string `xml:"ContentType,attr"`
}

type ctOverride struct {
	PartName    string `xml:"PartName,attr"`
	ContentType string `xml:"ContentType,attr"`
}

type relationships struct {
	XMLName xml.Name       `xml:"Relationships"`
	NS      string         `xml:"xmlns,attr"`
	Rels    []relationship `xml:"Relationship"`
}

type relationship struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
}

// coreProps is docProps/core.xml.
type coreProps struct {
	XMLName  xml.Name `xml:"cp:coreProperties"`
	CP       string   `xml:"xmlns:cp,attr"`
	DC       string   `xml:"xmlns:dc,attr"`
	DCTerms  string   `xml:"xmlns:dcterms,attr"`
	XSI      string   `xml:"xmlns:xsi,attr"`
	Title    string   `xml:"dc:title"`
	Creator  string   `xml:"dc:creator"`
	Language string   `xml:"dc:language"`
	Created  w3cdtf   `xml:"dcterms:created"`
	Modified w3cdtf   `xml:"dcterms:modified"`
}

type w3cdtf struct {
	Type string `xml:"xsi:type,attr"`
	Time string `xml:",chardata"`
}

// appProps is docProps/app.xml.
type appProps struct {
	XMLName     xml.Name `xml:"Properties"`
	NS          string   `xml:"xmlns,attr"`
	Application string   `xml:"Application"`
}

// part is one file of the package.
type part struct {
	name        string // without the leading "/"
	contentType string // "" when the extension's default applies
	content     any    // marshalled with encoding/xml
	raw         []byte // written as it is instead (a picture)
}

// writePackage zips the parts, [Content_Types].xml first, each stamped
// with the report's generation time so that the same report gives the
// same bytes.
func writePackage(parts []part, at time.Time) ([]byte, error) {
	types := ctTypes{NS: nsContentTypes, Defaults: []ctDefault{
		{"rels", "application/vnd.openxmlformats-package.relationships+xml"}, {"xml", "application/xml"}, {"png", "image/png"}}}
	for _, p := range parts {
		if p.contentType != "" {
			types.Overrides = append(types.Overrides, ctOverride{"/" + p.name, p.contentType})
		}
	}
	parts = append([]part{{name: "[Content_Types].xml", content: types}}, parts...)
	if at.IsZero() {
		at = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: at})
		if err != nil {
			return nil, fmt.Errorf("render: docx: %s: %w", p.name, err)
		}
		if p.raw != nil {
			_, err = w.Write(p.raw)
		} else {
			err = writeXML(w, p.content)
		}
		if err != nil {
			return nil, fmt.Errorf("render: docx: %s: %w", p.name, err)
		}
	}
	if err := z.Close(); err != nil {
		return nil, fmt.Errorf("render: docx: %w", err)
	}
	return buf.Bytes(), nil
}

// writeXML writes v as an XML part straight into the zip: the annual
// draft's document.xml is megabytes that need not be held whole.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	return xml.NewEncoder(w).Encode(v) // buffered, flushed at the end
}
