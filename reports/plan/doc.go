// Package plan loads a plan file: the sources a plan is computed from and
// their columns, the indicators of its section II with how each is computed,
// and the tasks of its section III. The 2024 plan is embedded from
// templates; a config may name another file.
package plan
