package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// childCommand is the hidden first argument that makes the harness binary
// run one build or one serving session for its parent and print the
// figures as JSON on standard output.
const childCommand = "child"

// runChild re-executes this binary with args and decodes its JSON answer
// into v; it returns the child's peak resident set size in KiB as its
// rusage tells it. On Linux that figure is at least the parent's own peak
// (exec carries the old address space's high-water mark into ru_maxrss), so
// children also report their VmHWM, which starts afresh at exec.
func runChild(ctx context.Context, v any, args ...string) (int64, error) {
	exe, err := os.Executable()
	if err != nil {
		return 0, err
	}
	cmd := exec.CommandContext(ctx, exe, append([]string{childCommand}, args...)...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return 0, fmt.Errorf("%s %v: %w", childCommand, args, err)
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss // KiB on Linux
	}
	if err := json.Unmarshal(out, v); err != nil {
		return rss, fmt.Errorf("%s %v: bad answer: %w", childCommand, args, err)
	}
	return rss, nil
}

// childMain is the child side: "build" or "serve".
func childMain(ctx context.Context, args []string, systems map[string]system, stdout io.Writer) error {
	if len(args) == 0 {
		return errors.New("child: build or serve?")
	}
	flags := flag.NewFlagSet(childCommand+" "+args[0], flag.ContinueOnError)
	name := flags.String("system", "", "system under test")
	dir := flags.String("dir", "", "index folder")
	src := flags.String("src", "", "corpus folder (build)")
	setsFile := flags.String("sets", "", "query sets as JSON (serve)")
	budget := flags.Duration("budget", time.Minute, "time limit per pass (serve)")
	if err := flags.Parse(args[1:]); err != nil {
		return err
	}
	sys, ok := systems[*name]
	if !ok {
		return fmt.Errorf("child: unknown system %q", *name)
	}
	var result any
	switch args[0] {
	case "build":
		st, err := sys.Build(ctx, *src, *dir)
		if err != nil {
			return fmt.Errorf("build %s: %w", *name, err)
		}
		st.PeakRSSKB = highWaterKB()
		result = st
	case "serve":
		data, err := os.ReadFile(*setsFile)
		if err != nil {
			return err
		}
		var sets []querySet
		if err := json.Unmarshal(data, &sets); err != nil {
			return fmt.Errorf("read %s: %w", *setsFile, err)
		}
		st, err := serve(ctx, sys, *dir, sets, *budget)
		if err != nil {
			return fmt.Errorf("serve %s: %w", *name, err)
		}
		st.PeakRSSKB = highWaterKB()
		result = st
	default:
		return fmt.Errorf("child: unknown step %q", args[0])
	}
	return json.NewEncoder(stdout).Encode(result)
}

// highWaterKB returns this process's peak resident set size (VmHWM) in KiB,
// or 0 where /proc does not tell it.
func highWaterKB() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb
		}
	}
	return 0
}
