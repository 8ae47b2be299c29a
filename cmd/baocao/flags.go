package main

import (
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/mn2010/baocao/internal/catalog"
)

// printDefaults lists fs's flags in the language in force: a short and a
// long name of one setting on one line ("-c, --config TỆP"), its help and
// its default.
func printDefaults(w io.Writer, fs *flag.FlagSet) {
	type entry struct {
		names []string
		f     *flag.Flag
	}
	var entries []*entry
	byValue := map[flag.Value]*entry{}
	fs.VisitAll(func(f *flag.Flag) {
		if e, ok := byValue[f.Value]; ok && sameSetting(e.f, f) {
			e.names = append(e.names, f.Name)
			return
		}
		e := &entry{names: []string{f.Name}, f: f}
		byValue[f.Value] = e
		entries = append(entries, e)
	})
	for _, e := range entries {
		sort.Slice(e.names, func(i, j int) bool { return len(e.names[i]) < len(e.names[j]) })
		var names []string
		for _, n := range e.names {
			if len(n) == 1 {
				names = append(names, "-"+n)
			} else {
				names = append(names, "--"+n)
			}
		}
		placeholder, help := flag.UnquoteUsage(e.f)
		if isBool(e.f) {
			placeholder = ""
		} else if placeholder == "value" || placeholder == "string" || placeholder == "int" {
			placeholder = "…"
		}
		head := "  " + strings.Join(names, ", ")
		if placeholder != "" {
			head += " " + placeholder
		}
		fmt.Fprintln(w, head)
		if d := e.f.DefValue; d != "" && d != "0" && d != "false" {
			help += " " + catalog.DefaultIs.F(d)
		}
		fmt.Fprintf(w, "      %s\n", help)
	}
}

// sameSetting: two flags set the same variable with the same help (-c and
// --config).
func sameSetting(a, b *flag.Flag) bool { return a.Usage == b.Usage && a.DefValue == b.DefValue }

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// dashed is a flag's name as the help writes it: "-c" for one letter,
// "--number" for a word (the flag package says "-number").
func dashed(name string) string {
	n := strings.TrimLeft(name, "-")
	if len(n) > 1 {
		return "--" + n
	}
	return "-" + n
}

// flagError says what the flag package found wrong, in the language in
// force.
func flagError(fs *flag.FlagSet, args []string, err error) error {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		return catalog.FlagUnknown.Errorf(dashed(strings.TrimPrefix(msg, "flag provided but not defined: ")))
	case strings.HasPrefix(msg, "flag needs an argument: "):
		return catalog.FlagNoValue.Errorf(dashed(strings.TrimPrefix(msg, "flag needs an argument: ")))
	case strings.HasPrefix(msg, "bad flag syntax: "):
		return catalog.FlagUnknown.Errorf(strings.TrimPrefix(msg, "bad flag syntax: "))
	case strings.HasPrefix(msg, "invalid value "), strings.HasPrefix(msg, "invalid boolean value "):
		var value, name string
		rest := strings.TrimPrefix(strings.TrimPrefix(msg, "invalid value "), "invalid boolean value ")
		_, scanErr := fmt.Sscanf(rest, "%q for flag %s", &value, &name)
		if scanErr != nil {
			_, scanErr = fmt.Sscanf(rest, "%q for %s", &value, &name)
		}
		if scanErr == nil {
			name = strings.TrimSuffix(name, ":")
			why := catalog.FlagBadNumber.String()
			if f := fs.Lookup(strings.TrimLeft(name, "-")); f != nil && isBool(f) {
				why = catalog.FlagBadBool.String()
			}
			return catalog.FlagBadValue.Errorf(value, dashed(name), why)
		}
	}
	return err
}
