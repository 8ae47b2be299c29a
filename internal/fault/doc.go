// Package fault gives errors their class where they are made: bad input,
// refused, not found, transient or permanent. A sentinel made with New
// carries its class, and so does every error that wraps it; Of reads it.
// The command line maps a class to an exit code in one function
// (cmd/baocao exitCode) and the page maps it to an HTTP status in one
// function (web.statusOf): neither switches over other packages' sentinels.
package fault
