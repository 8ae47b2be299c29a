package service

import (
	"fmt"
	"github.com/mn2010/baocao/internal/catalog"
	"maps"
	"slices"
	"strings"
	"time"

	kservice "github.com/kardianos/service"
)

// Name is the service's name on every system (the unit is baocao.service).
const Name = "baocao"

// StopTimeout bounds how long a stop waits for the run in hand; systemd's
// TimeoutStopSec is a minute longer.
const StopTimeout = 10 * time.Minute

// Options say what to register.
type Options struct {
	Executable string // the baocao binary, absolute
	Config     string // the config file, absolute
	LogFile    string // Windows and macOS: the log file (a service has no console)

	// Linux (systemd).
	User     string   // the account the unit runs as; empty runs it as root
	EnvFile  string   // the unit's EnvironmentFile (optional, "-" prefixed)
	WorkDir  string   // the unit's working directory
	Writable []string // ReadWritePaths: the archive's folder
	// Readable are ReadOnlyPaths: the folders of the config and of the
	// sources it names.
	Readable []string
	// ReadOnlyHome lets the unit read (and, through Writable, write) under
	// /home and /root; otherwise ProtectHome hides them.
	ReadOnlyHome bool
	// SharedTmp: a path of the config is under /tmp or /var/tmp, which
	// PrivateTmp would hide; the unit sees the machine's /tmp.
	SharedTmp bool

	// Env is the service's environment (Windows: the service's registry
	// key; macOS: the job's plist). Linux keeps it out of the unit, which
	// anyone may read: it goes in EnvFile.
	Env map[string]string
}

// Arguments are the command line the service manager starts.
func (o Options) Arguments(goos string) []string {
	args := []string{"serve", "-c", o.Config}
	switch goos {
	case "linux":
		args = append(args, "--log-format", "json") // the journal
	default:
		if o.LogFile != "" {
			args = append(args, "--log-file", o.LogFile)
		}
	}
	return args
}

// Config is the kardianos configuration of the service for goos
// ("windows", "linux" or "darwin").
func Config(goos string, o Options) (*kservice.Config, error) {
	c := &kservice.Config{
		Name:        Name,
		DisplayName: "baocao — báo cáo cải cách hành chính",
		Description: "Writes the unit's administrative-reform reports on schedule and mails them (baocao serve).",
		Executable:  o.Executable,
		Arguments:   o.Arguments(goos),
		Option:      kservice.KeyValue{},
	}
	switch goos {
	case "windows":
		// Started at boot, restarted 30 s after a failure (every failure:
		// Windows repeats the last action), the failure count reset after a
		// day without one.
		c.Option["StartType"] = "automatic"
		c.Option["DelayedAutoStart"] = true // after the network is up
		c.Option["OnFailure"] = "restart"
		c.Option["OnFailureDelayDuration"] = "30s"
		c.Option["OnFailureResetPeriod"] = 24 * 60 * 60
		c.EnvVars = maps.Clone(o.Env)
	case "darwin":
		c.Option["RunAtLoad"] = true // at boot
		c.Option["KeepAlive"] = true // restarted when it exits
		c.EnvVars = maps.Clone(o.Env)
	case "linux":
		unit, err := SystemdUnit(o)
		if err != nil {
			return nil, err
		}
		c.UserName = o.User
		c.WorkingDirectory = o.WorkDir
		c.Option["SystemdScript"] = unit
		c.Option["Restart"] = "on-failure"
		c.Option["ReloadSignal"] = "HUP"
	default:
		return nil, catalog.SvcUnsupported.Errorf(goos)
	}
	return c, nil
}

// SystemdUnit is the unit file for o: deploy/baocao.service is this text
// for the paths its header names.
func SystemdUnit(o Options) (string, error) {
	for _, s := range append(append([]string{o.Executable, o.Config, o.User, o.EnvFile, o.WorkDir}, o.Writable...), o.Readable...) {
		// The text goes through kardianos' template engine unchanged only
		// without "{{"; a line break would end the directive.
		if strings.Contains(s, "{{") || strings.ContainsAny(s, "\n\r") {
			return "", catalog.SvcBadPath.Errorf(s)
		}
	}
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	w("[Unit]")
	w("Description=baocao: periodic administrative-reform reports")
	w("Wants=network-online.target")
	w("After=network-online.target")
	w("")
	w("[Service]")
	w("Type=simple")
	if o.User != "" {
		w("User=%s", o.User)
		w("Group=%s", o.User)
	}
	if o.EnvFile != "" {
		w("# The SMTP password (BAOCAO_SMTP_PASSWORD=...), if the config does not use password_file.")
		w("EnvironmentFile=-%s", o.EnvFile)
	}
	w("ExecStart=%s", commandLine(append([]string{o.Executable}, o.Arguments("linux")...)))
	w("ExecReload=/bin/kill -HUP $MAINPID")
	w("# SIGTERM lets the run in hand finish (at most %d minutes) before exiting.", int(StopTimeout.Minutes()))
	w("KillSignal=SIGTERM")
	w("TimeoutStopSec=%dmin", int(StopTimeout.Minutes())+1)
	w("Restart=on-failure")
	w("RestartSec=30s")
	w("NoNewPrivileges=true")
	w("# Where data may live: the unit writes only ReadWritePaths (the archive's folder) and reads")
	w("# ReadOnlyPaths (the config's and the sources' folders); baocao service install sets both")
	w("# from the config, and keeps /home (ProtectHome) and /tmp (PrivateTmp) visible when the")
	w("# config's paths are there. Move the data, then run baocao service install again.")
	w("ProtectSystem=strict")
	if o.ReadOnlyHome {
		w("ProtectHome=read-only")
	} else {
		w("ProtectHome=true")
	}
	if !o.SharedTmp {
		w("PrivateTmp=true")
	}
	if len(o.Writable) > 0 {
		w("ReadWritePaths=%s", commandLine(slices.Compact(slices.Sorted(slices.Values(o.Writable)))))
	}
	if len(o.Readable) > 0 {
		w("ReadOnlyPaths=%s", commandLine(slices.Compact(slices.Sorted(slices.Values(o.Readable)))))
	}
	if o.WorkDir != "" {
		w("WorkingDirectory=%s", o.WorkDir)
	}
	w("")
	w("[Install]")
	w("WantedBy=multi-user.target")
	return b.String(), nil
}

// commandLine quotes each argument as systemd reads them.
func commandLine(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = quoteArg(a)
	}
	return strings.Join(q, " ")
}

func quoteArg(a string) string {
	if a != "" && !strings.ContainsAny(a, " \t\"'\\$%;") {
		return a
	}
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, `$`, `$$`, `%`, `%%`)
	return `"` + r.Replace(a) + `"`
}
