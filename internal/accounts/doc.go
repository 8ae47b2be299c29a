// Package accounts keeps the unit's personal accounts: who each person
// is (account name, full name, e-mail, how to address them), what their
// role lets them do, their password's argon2id hash, and whether the
// account is locked.
//
// The accounts live in one file beside the config (users.toml, mode
// 0600), rewritten whole or not at all under a lock file, so that the
// command line (`baocao user …`) and a running page can both change it.
// A Store rereads the file when it changed on disk: a password changed or
// an account locked from the command line takes effect on the page at
// once.
//
// Passwords are never stored or logged: only their argon2id hash, in the
// PHC string format ($argon2id$v=19$m=…,t=…,p=…$salt$hash).
package accounts
