// Package templates holds the files that describe what a report says rather
// than how it is computed: the plan (its sources, indicators and tasks) and
// the report's Vietnamese texts. They are embedded in the binary; a config
// may point to other files so that next year's plan needs no new build.
package templates

import "embed"

// FS holds the embedded plan files and texts.
//
//go:embed *.toml
var FS embed.FS

// DefaultPlan is the name of the plan used when the config names none.
const DefaultPlan = "plan-2024.toml"

// Texts is the name of the report texts file.
const Texts = "texts.toml"
