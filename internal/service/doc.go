// Package service registers `baocao serve` with the operating system's
// service manager — a Windows service, a systemd unit, a launchd job —
// through github.com/kardianos/service, and runs the daemon under the
// Windows service control manager.
//
// [Config] builds the kardianos configuration for a given GOOS, so that
// what is registered on each system can be tested anywhere; [SystemdUnit]
// renders the unit file itself (the same behaviour as deploy/baocao.service:
// restart on failure, SIGTERM finishing the run in hand, SIGHUP reloading,
// the password from an EnvironmentFile), handed to kardianos as its
// SystemdScript. [Program] maps the service manager's Start and Stop (and a
// Windows shutdown) to a daemon's Open and Close(ctx).
package service
