#!/usr/bin/env python3
"""Where the time to the first frame goes: starts the dashboard ROUNDS times in a pseudo-terminal
(80x24, TERM=xterm-256color, no settings or state), interleaved with the C ncurses floor, and reads the
moments the dashboard notes with ALIDASH_TRACE_START (CLOCK_MONOTONIC, as time.monotonic_ns here).
Prints, for each mark, the median time since the process was started (a timeline: the terminal is set up
on a second thread beside the data and the first render), and when the first frame is on the terminal
for both programs.
The dashboard is started as `alidash` with no arguments, as people start it.
Usage: bench/startup.py ALIDASH FLOOR [ROUNDS]"""
import os
import pty
import select
import shutil
import statistics
import sys
import tempfile
import time


def first_output(command, environment, end_of_frame):
    """Starts command in a pty; returns (start ns, first-frame ns): when `end_of_frame` has arrived (the
    floor's status line, written last; the end of alidash's synchronized update). Then sends q and reaps it."""
    started = time.monotonic_ns()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(command[0], command, environment)
    first = None
    seen = b""
    deadline = time.monotonic() + 10
    while first is None and time.monotonic() < deadline:
        if select.select([fd], [], [], 0.5)[0]:
            seen += os.read(fd, 65536)
            if end_of_frame in seen:
                first = time.monotonic_ns()
    # Let the first frame finish, then quit (the floor quits on any key).
    end = time.monotonic() + 0.3
    while time.monotonic() < end:
        if select.select([fd], [], [], 0.05)[0]:
            try:
                os.read(fd, 65536)
            except OSError:
                break
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    os.close(fd)
    return started, first


def main():
    alidash, floor = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    folder = tempfile.mkdtemp(prefix="alidash-startup.")
    trace = os.path.join(folder, "trace")
    base = {"PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8", "LINES": "24", "COLUMNS": "80",
            "XDG_CONFIG_HOME": folder, "XDG_STATE_HOME": folder, "HOME": folder}
    os.makedirs(os.path.join(folder, "alidash"))
    with open(os.path.join(folder, "alidash", "config.toml"), "w") as config:
        config.write('[general]\ntheme = "dark"\n')
    phases, firsts, floors = {}, [], []
    try:
        for _ in range(rounds):
            start, first = first_output([floor], base, b"q quit")
            if first is None:
                sys.exit(f"startup: {floor} drew no frame within 10 s")
            floors.append((first - start) / 1e6)
            # A plain `alidash`, as people start it. The settings file's theme and a terminal known by name
            # (TERM_PROGRAM=WezTerm takes synchronized output) leave nothing to ask the terminal: a pty answers
            # no query, and the probe would wait for its timeout.
            start, first = first_output([alidash], dict(base, ALIDASH_TRACE_START=trace, TERM_PROGRAM="WezTerm"),
                                        b"\x1b[?2026l")
            if first is None:
                sys.exit(f"startup: {alidash} drew no frame within 10 s (the end of a synchronized update)")
            firsts.append((first - start) / 1e6)
            with open(trace) as lines:
                for line in lines:
                    name, nanoseconds = line.rsplit(" ", 1)
                    phases.setdefault(name, []).append((int(nanoseconds) - start) / 1e6)
            os.remove(trace)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"start-up of alidash, medians of {rounds} runs interleaved with the C floor (ms since the fork):")
    labels = {"main": "main (after exec, loader and Swift runtime)"}
    second_thread = ("terminal ready",)
    for name, values in sorted(phases.items(), key=lambda item: statistics.median(item[1])):
        label = labels.get(name, name) + ("   [second thread]" if name in second_thread else "")
        print(f"  {label:48} {statistics.median(values):6.2f}")
    print(f"  {'first frame on the terminal (alidash)':48} {statistics.median(firsts):6.2f}")
    print(f"  {'first frame on the terminal (C ncurses floor)':48} {statistics.median(floors):6.2f}")
    print(f"  {'ratio':48} {statistics.median(firsts) / statistics.median(floors):6.2f}x")


main()
