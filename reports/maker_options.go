package reports

// MakerOption tunes NewMaker.
type MakerOption func(*Maker)

// WarnTo sends the archive's warnings (things it skips, such as a stray
// file named like a version) to warn. Without it they are dropped. The
// sink belongs to the maker, chosen by whoever builds it: a Job never
// changes it.
func WarnTo(warn func(msg string)) MakerOption {
	return func(m *Maker) { m.store.Warn = warn }
}
