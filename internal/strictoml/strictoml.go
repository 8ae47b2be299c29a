// Package strictoml decodes TOML strictly: an unknown key (a typo) or a
// value of the wrong type is an error naming its line, said from the
// catalogue (internal/catalog) in the language in force.
package strictoml

import (
	"bytes"
	"errors"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/mn2010/baocao/internal/catalog"
)

// Decode decodes data into v; name (a file name) prefixes errors.
func Decode(name string, data []byte, v any) error {
	return decode(name, data, v, true)
}

// DecodeKnown decodes into v the keys of data that v declares, and ignores
// the others: a package's settings are read from the one config file that
// Decode checked whole. A value of the wrong type is an error naming its
// line, as with Decode.
func DecodeKnown(name string, data []byte, v any) error {
	return decode(name, data, v, false)
}

func decode(name string, data []byte, v any, strict bool) error {
	dec := toml.NewDecoder(bytes.NewReader(data))
	if strict {
		dec.DisallowUnknownFields()
	}
	err := dec.Decode(v)
	var de *toml.DecodeError
	var se *toml.StrictMissingError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &se):
		var errs []error
		for i := range se.Errors {
			e := &se.Errors[i]
			row, col := e.Position()
			errs = append(errs, catalog.TomlUnknownKey.Errorf(name, row, strings.Join(e.Key(), "."), col))
		}
		return errors.Join(errs...)
	case errors.As(err, &de):
		row, col := de.Position()
		msg := strings.TrimPrefix(de.Error(), "toml: ")
		if k := de.Key(); len(k) > 0 && strings.HasPrefix(msg, "cannot decode TOML") {
			return catalog.TomlType.Errorf(name, row, col, strings.Join(k, "."), want(msg), msg)
		} else if len(k) > 0 { // a value its type refused (UnmarshalText), in the catalogue's words
			return catalog.TomlValue.Errorf(name, row, col, strings.Join(k, "."), msg)
		}
		return catalog.TomlSyntax.Errorf(name, row, col, msg)
	}
	return catalog.TomlOther.Errorf(name, err)
}

// want says what a value of the wrong type should be, from go-toml's
// "cannot decode TOML string into struct field … of type int64".
func want(msg string) catalog.Phrase {
	t := msg
	if i := strings.LastIndex(msg, " of type "); i >= 0 {
		t = msg[i+len(" of type "):]
	} else if i := strings.LastIndex(msg, " into "); i >= 0 {
		t = msg[i+len(" into "):]
	}
	t = strings.TrimPrefix(t, "*")
	switch {
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"), strings.HasPrefix(t, "float"), strings.HasPrefix(t, "time.Duration"):
		return catalog.TomlWantNumber.P()
	case t == "string":
		return catalog.TomlWantString.P()
	case strings.HasPrefix(t, "[]"):
		return catalog.TomlWantList.P()
	case t == "bool":
		return catalog.TomlWantBool.P()
	case strings.HasPrefix(t, "map["), strings.Contains(t, "."):
		return catalog.TomlWantTable.P()
	}
	return catalog.TomlWantOther.P()
}
