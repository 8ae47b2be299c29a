// Package filekind is the closed vocabulary of the files a version holds and
// a message can carry (pdf, xlsx, docx), as a report's attach list writes
// them. The config file's reader and the workflow share it; it imports
// nothing of the project.
package filekind
