// Package setup is `baocao init`: a short interview in Vietnamese that
// writes a commented config a clerk can read.
//
// The questions ([Questions]) are one table used two ways: asked one by one
// through a [Prompter] (an io.Reader and io.Writer, so tests script the
// answers), each answer checked when given and asked again when wrong; or
// taken from command-line flags for a scripted install, every wrong value
// reported at once. The spreadsheets are found by their headers, whatever
// their names ([FindSources], with the sources package's header detection
// and the plan's schemas). [Render] writes the config; [WriteFile] never
// replaces a file without asking.
package setup
