// Package strictoml decodes TOML strictly: an unknown key (a typo) or a
// value of the wrong type is an error naming its line.
package strictoml

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/pelletier/go-toml/v2"
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
	case errors.As(err, &de):
		row, col := de.Position()
		msg := de.Error()
		if k := de.Key(); len(k) > 0 {
			msg += fmt.Sprintf(" %q", strings.Join(k, "."))
		}
		return fmt.Errorf("%s: line %d, column %d: %s", name, row, col, msg)
	case errors.As(err, &se):
		return fmt.Errorf("%s: unknown key (a typo?):\n%s", name, se.String())
	}
	return fmt.Errorf("%s: %w", name, err)
}
