// Package catalog holds every message the command line shows a person, in
// Vietnamese and English, in one table.
//
// A message is a Msg: a typed entry with both languages, declared once in
// this package's messages_*.go files and used by name (catalog.RunDraft.F(…)).
// Vietnamese is the default; English is for administrators, chosen with
// BAOCAO_LANG=en or the --lang flag (SetFromEnv, Set). The language is
// process-wide: the command line sets it once before it runs a command.
//
// Error classes (Class) are sentinel errors whose text is a catalogue entry;
// the command line maps them to exit codes, and prints them in the
// language in force. The daemon's structured log stays English and does not
// use this package.
package catalog
