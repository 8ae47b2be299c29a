package setup

import "github.com/mn2010/baocao/internal/catalog"

// FlagHelp is the question's flag help in the language in force: the
// question itself in Vietnamese (Prompt), Help in English.
func (q Question) FlagHelp() string {
	if catalog.Current() == catalog.English || q.Prompt == "" {
		return q.Help
	}
	return q.Prompt
}
