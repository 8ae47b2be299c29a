package setup

// FlagHelp is the question's flag help in the language in force: the
// question itself in Vietnamese, its English text in English.
func (q Question) FlagHelp() string { return q.Prompt.String() }
