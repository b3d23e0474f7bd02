#!/usr/bin/python3
"""Bytes per keystroke against a careful encoder: runs the dashboard in a pseudo-terminal (120x40,
xterm-256color) fed into a pyte screen, presses each key of a script, and for each key compares the
bytes alidash wrote with what a careful encoder would need to turn the screen before into the screen
after: for each run of changed cells on a row, one cursor move (CUP), the characters (UTF-8), and an
SGR wherever the attributes differ from the previous cell written (only what changes), gaps of up to three
unchanged cells rewritten rather than skipped. Reports each key and the ratio
(alidash bytes / careful bytes); the goal is at most 1.15.
Usage: bench/bytes.py ALIDASH [ROUNDS]"""
import os
import pty
import select
import statistics
import struct
import sys
import tempfile
import time

import fcntl
import pyte
import termios

COLUMNS, ROWS = 120, 40
# Keys a user presses most, each from a settled screen: move in lists, switch panes, change currency.
SCRIPT = ["2", "j", "j", "k", "3", "c", "c", "5", "j", "j", "6", "j", "1", "4", "7", "j"]


def attributes(cell):
    return (cell.fg, cell.bg, cell.bold, cell.reverse, cell.underscore)


def color_code(color, base):
    """SGR parameters for a colour: default 39/49, a basic one 30-37/40-47, else 256 colours (38;5;N)."""
    if color == "default":
        return str(base + 1)
    if len(color) == 6 and all(c in "0123456789abcdef" for c in color):
        return f"{base - 30 + 38};5;255"  # pyte turns indexes into hex; count the longest index
    return str(base)  # one of the eight named colours (a digit more or less does not matter here)


def sgr_length(current, wanted):
    """The bytes of the shortest plain SGR from the terminal's current attributes to the wanted ones:
    a reset when something must be turned off, else only what changes."""
    if current == wanted:
        return 0
    fg, bg, bold, reverse, underscore = wanted
    turned_off = current is None or (current[2] and not bold) or (current[3] and not reverse) or (current[4] and not underscore)
    parts = ["0"] if turned_off else []
    base = (None, None, False, False, False) if turned_off else current
    if bold and not base[2]:
        parts.append("1")
    if underscore and not base[4]:
        parts.append("4")
    if reverse and not base[3]:
        parts.append("7")
    if fg != base[0] and not (turned_off and fg == "default"):
        parts.append(color_code(fg, 30))
    if bg != base[1] and not (turned_off and bg == "default"):
        parts.append(color_code(bg, 40))
    return len("\x1b[" + ";".join(parts) + "m")


def snapshot(screen):
    return [[screen.buffer[row][column] for column in range(COLUMNS)] for row in range(ROWS)]


def careful_bytes(before, after):
    """A careful encoder: on each row, the changed cells in runs; a gap of up to 3 unchanged cells is
    rewritten rather than skipped with a cursor move (a move costs at least 4 bytes); one cursor move
    (CUP) per run; an SGR only where the attributes change, kept across runs as a terminal keeps them."""
    total, current = 0, None
    for row in range(ROWS):
        changed = [column for column in range(COLUMNS) if before[row][column] != after[row][column]]
        runs = []
        for column in changed:
            if runs and column - runs[-1][1] <= 4:
                runs[-1][1] = column
            else:
                runs.append([column, column])
        for start, end in runs:
            total += len(f"\x1b[{row + 1};{start + 1}H")
            for column in range(start, end + 1):
                cell = after[row][column]
                total += sgr_length(current, attributes(cell))
                current = attributes(cell)
                total += len(cell.data.encode()) if cell.data else 0
    return total


def read_until_quiet(fd, stream, quiet=0.15, limit=5.0):
    received = 0
    deadline = time.monotonic() + limit
    last = time.monotonic()
    while time.monotonic() < deadline:
        if select.select([fd], [], [], 0.02)[0]:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            received += len(data)
            stream.feed(data.decode("utf-8", "replace"))
            last = time.monotonic()
        elif time.monotonic() - last > quiet:
            break
    return received


def run(alidash):
    folder = tempfile.mkdtemp(prefix="alidash-bytes.")
    environment = {"PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": folder,
                   "XDG_CONFIG_HOME": folder, "XDG_STATE_HOME": folder}
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        os.execve(alidash, [alidash, "--no-state", "--no-config", "--theme", "dark", "--no-sync", "--no-mouse"], environment)
    screen = pyte.Screen(COLUMNS, ROWS)
    stream = pyte.Stream(screen)
    read_until_quiet(fd, stream, quiet=0.4)
    steps = []
    for key in SCRIPT:
        before = snapshot(screen)
        os.write(fd, key.encode())
        sent = read_until_quiet(fd, stream)
        steps.append((key, sent, careful_bytes(before, snapshot(screen))))
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    os.close(fd)
    os.rmdir(folder)
    return steps


def main():
    alidash = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    runs = [run(alidash) for _ in range(rounds)]
    print(f"bytes per keystroke at {COLUMNS}x{ROWS}, median of {rounds} runs: alidash / careful encoder")
    ratios, total_sent, total_careful = [], 0, 0
    for index, key in enumerate(SCRIPT):
        sent = statistics.median(run[index][1] for run in runs)
        careful = statistics.median(run[index][2] for run in runs)
        total_sent += sent
        total_careful += careful
        ratio = sent / careful if careful else float("nan")
        if careful:
            ratios.append(ratio)
        print(f"  key {key!r:5} {sent:7.0f} / {careful:7.0f}  {ratio:5.2f}")
    print(f"  all keys {total_sent:.0f} / {total_careful:.0f} bytes: ratio {total_sent / total_careful:.2f} "
          f"(median per key {statistics.median(ratios):.2f}; goal <= 1.15)")


main()
