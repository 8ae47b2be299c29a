// Package config loads baocao's TOML configuration strictly — an unknown key
// or a wrong type is an error naming its line — and resolves paths relative
// to the config file.
package config
