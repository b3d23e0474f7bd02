#!/usr/bin/env python3
"""`make bench`: measure alidash against a C ncurses floor, and at 1x, 100x and 10,000x the bundled data.

    bench/run.py --alidash BIN --floor BIN [--rounds N] [--scale-rounds N] [--scales 1,100,10000]
                 [--data-dir DIR] [--json FILE] [--markdown FILE]

Every measurement is one run of tuimeasure.py (one pseudo-terminal, -n 1); alidash and the floor take turns
in rounds, so a busy machine slows both alike. Figures are medians with min-max over the rounds; the load
average is recorded at the start and the end. The goals of issue 5 are checked and every miss is named.

Environment: BENCH_ROUNDS (default 7), BENCH_SCALE_ROUNDS (default 3, rounds at 10,000x), BENCH_SCALES,
TUIMEASURE (path of tuimeasure.py; default ../shared/tools/tuimeasure.py from the repository root).
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(BENCH_DIR)
SIZE = "120x40"
# One status-line text that only the finished frame shows (the status line is written last).
ALIDASH_MARKER = r"q quit"
FLOOR_MARKER = r"q quit"
# The loading screen's title and the smallest scale whose loading outlasts the screen's 100 ms delay.
LOADING_MARKER = r"Loading data"
LOADING_SCREEN_SCALE = 10000

# The keystroke script at 1x: move in the Hubs, Timeline and Sources lists, switch panes, change currency on
# the Revenue pane, open help, resize and back, stay idle, then hang up.
MAIN_SCRIPT = ("2 Down Down Down 5 Down Down Down 6 Down Down Down 3 c c c 4 1 ? Esc "
               "resize:100x30 resize:120x40 idle:2000 disconnect")
# At each scale: moving in the lists and switching panes, then quit.
SCALE_SCRIPT = "2 Down Down Down 5 Down Down Down 6 Down Down Down 3 4 1 q"
# The digit keys and pane names, read from the binary's own help (the pane registry) in main().
PANE_KEYS = {}


def read_pane_keys(alidash):
    """{"1": "overview", ...} from `alidash help dashboard`, which lists the panes in tab order."""
    text = subprocess.run([alidash, "help", "dashboard"], capture_output=True, text=True).stdout
    match = re.search(r"The pane to start on: (.*?) \(or", " ".join(text.split()))
    if not match:
        sys.exit("bench: could not read the pane names from `alidash help dashboard`")
    names = [name.strip() for name in match.group(1).split(",")]
    return {str(index + 1): name for index, name in enumerate(names)}

# Goals of issue 5.
GOAL_TTFF_RATIO = 2.0
GOAL_LOADING_SCREEN_MS = 200
GOAL_QUIT_MS = 100
GOAL_RSS_KB = 20 * 1024
GOAL_SCALE_RATIO = 1.5

# MARK: - Tools


def find_tuimeasure():
    candidates = [os.environ.get("TUIMEASURE"),
                  os.path.join(REPO_ROOT, "..", "shared", "tools", "tuimeasure.py")]
    for path in candidates:
        if path and os.path.isfile(path):
            return os.path.abspath(path)
    sys.exit("bench: tuimeasure.py not found; set TUIMEASURE=/path/to/tuimeasure.py "
             "(it is expected at ../shared/tools/tuimeasure.py beside the repository)")


def ensure_pyte():
    try:
        import pyte  # noqa: F401
        return
    except ImportError:
        pass
    sys.exit("bench: the Python package pyte is missing (tuimeasure.py needs it): `make bench` installs it "
             "(Debian package python3-pyte), or run `python3 -m pip install pyte`")


def tuimeasure(tool, command, script, marker, cwd=None, timeout=120):
    """One run in its own pseudo-terminal; returns tuimeasure's record of that run."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = handle.name
    # A home of its own for every run: no settings, and no state left by the run before (which would start
    # the next run elsewhere, where the script's keys may change nothing).
    home = tempfile.mkdtemp(prefix="alidash-bench-home.")
    try:
        argv = [sys.executable, tool, "-n", "1", "--size", SIZE, "--clean-env", "--env", "LANG=C.UTF-8",
                "--env", f"HOME={home}", "--env", f"XDG_CONFIG_HOME={home}", "--env", f"XDG_STATE_HOME={home}",
                "--marker", marker, "--startup-timeout", "60", "--key-timeout", "30", "--script", script,
                # The loading screen's progress bar writes all through a long load: without a higher limit
                # tuimeasure gives up on a burst after 10 s and sends the keys to the loading screen.
                "--max-burst", "60", "--json", out, "--", *command]
        result = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                timeout=timeout)
        if result.returncode != 0 or not os.path.getsize(out):
            sys.exit(f"bench: tuimeasure failed for {' '.join(command)}:\n{result.stderr[-2000:]}")
        with open(out) as handle:
            record = json.load(handle)
        run = record["runs"][0]
        # Keys sent before the marker showed would measure some other screen (the loading screen, say).
        if run["first_frame"].get("ttff_ms") is None:
            sys.exit(f"bench: {marker!r} never showed for {' '.join(command)}: {run['first_frame']}")
        return run
    finally:
        os.unlink(out)
        shutil.rmtree(home, ignore_errors=True)


def validate_run(alidash, data_dir):
    """`alidash validate --data DIR`: wall and CPU time, peak RSS, and the record counts it prints."""
    started = time.perf_counter()
    process = subprocess.Popen([alidash, "validate", "--data", data_dir], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    wall = (time.perf_counter() - started) * 1000
    stdout, stderr = process.stdout.read(), process.stderr.read()
    process.stdout.close()
    process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"bench: alidash validate --data {data_dir} failed:\n{stdout[-2000:]}{stderr[-2000:]}")
    # "ok: 8 files, 121 sources, 10 errata, ... (folder)": every count but the files.
    parts = stdout.split("(")[0].removeprefix("ok: ").split(", ")
    counts = [int(part.split()[0]) for part in parts if part.split()[0].isdigit() and not part.endswith("files")]
    return {"wall_ms": round(wall, 2), "cpu_ms": round((usage.ru_utime + usage.ru_stime) * 1000, 2),
            "peak_rss_kb": usage.ru_maxrss, "records": sum(counts), "summary": stdout.strip()}


# MARK: - Statistics


def stats(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    return {"median": round(statistics.median(values), 2), "min": round(min(values), 2),
            "max": round(max(values), 2), "n": len(values)}


def steps_by_kind(run, script):
    """Sorts the steps of a run into the kinds of keystroke the bench reports."""
    kinds = {}
    pane = "overview"
    for step in run.get("steps", []):
        action = step["action"]
        if action in PANE_KEYS:
            kind = "switch pane"
            pane = PANE_KEYS[action]
        elif action == "Down":
            kind = f"move in list ({pane})"
        elif action == "c":
            kind = "change currency"
        elif action == "?":
            kind = "open help"
        elif action == "Esc":
            kind = "close help"
        elif action.startswith("resize:"):
            kind = "resize"
        elif action.startswith("idle:"):
            kind = "idle 2 s"
        elif action == "disconnect":
            kind = "exit after hang-up"
        elif action == "q":
            kind = "quit"
        else:
            kind = action
        kinds.setdefault(kind, []).append(step)
    return kinds


def pool(runs, script, kind, field):
    values = []
    for run in runs:
        for step in steps_by_kind(run, script).get(kind, []):
            values.append(step.get(field))
    return stats(values)


# MARK: - Machine


def machine_description(alidash):
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    swift = "unknown"
    try:
        swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    except (OSError, IndexError):
        pass
    git = subprocess.run(["git", "-C", REPO_ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return {"nproc": os.cpu_count(), "cpu": cpu, "kernel": platform.release(), "swift": swift,
            "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "commit": git.stdout.strip() or "unknown", "binary_bytes": os.path.getsize(alidash)}


# MARK: - Runs


def run_floor_comparison(tool, alidash, floor, rounds, progress):
    alidash_runs, floor_runs = [], []
    progress("warm-up run of each (not recorded: page cache)")
    tuimeasure(tool, [alidash], "q", ALIDASH_MARKER)
    tuimeasure(tool, [floor], "q", FLOOR_MARKER)
    for round_index in range(rounds):
        # A plain `alidash`, as people start it (LANG=C.UTF-8 makes it English, as the marker is).
        pair = [("alidash", [alidash], MAIN_SCRIPT, ALIDASH_MARKER, alidash_runs),
                ("floor", [floor], "q", FLOOR_MARKER, floor_runs)]
        if round_index % 2:
            pair.reverse()  # alternate who goes first
        for name, command, script, marker, into in pair:
            progress(f"round {round_index + 1}/{rounds}: {name}")
            into.append(tuimeasure(tool, command, script, marker))
    return alidash_runs, floor_runs


def run_scales(tool, alidash, data_dirs, rounds, scale_rounds, progress):
    results = {scale: {"validate": [], "dashboard": [], "loading": []} for scale in data_dirs}
    for round_index in range(rounds):
        for scale, folder in data_dirs.items():
            if scale >= 10000 and round_index >= scale_rounds:
                continue
            progress(f"round {round_index + 1}/{rounds}: {scale}x data")
            results[scale]["validate"].append(validate_run(alidash, folder))
            # A short relative --data path keeps the status line (and its marker) the same at every scale.
            parent, name = os.path.split(folder)
            results[scale]["dashboard"].append(
                tuimeasure(tool, [alidash, "--lang", "en", "--data", name], SCALE_SCRIPT, ALIDASH_MARKER, cwd=parent))
            # Where loading takes long enough for the loading screen: how soon it shows, and that q ends it.
            if scale >= LOADING_SCREEN_SCALE:
                results[scale]["loading"].append(
                    tuimeasure(tool, [alidash, "--lang", "en", "--data", name], "q", LOADING_MARKER, cwd=parent))
    return results


def generate_data(data_root, scales, progress):
    dirs = {}
    notes = {}
    for scale in scales:
        folder = os.path.join(data_root, f"x{scale}")
        if os.path.isdir(folder):
            shutil.rmtree(folder)
        progress(f"generating {scale}x data")
        result = subprocess.run([sys.executable, os.path.join(BENCH_DIR, "gendata.py"), "--scale", str(scale),
                                 "--out", folder], capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"bench: gendata.py --scale {scale} failed:\n{result.stderr}")
        notes[scale] = [line.split(": ", 1)[1] for line in result.stderr.splitlines() if ": " in line]
        dirs[scale] = folder
    return dirs, notes


def folder_bytes(folder):
    return sum(os.path.getsize(os.path.join(folder, name)) for name in os.listdir(folder))


# MARK: - Report


def summarize(alidash_runs, floor_runs, scale_results, data_dirs):
    def first(runs, field):
        return stats([r["first_frame"].get(field) for r in runs])

    def whole(runs, field):
        return stats([r.get(field) for r in runs])

    comparison = {
        "alidash": {
            "ttff_ms": first(alidash_runs, "ttff_ms"), "first_frame_bytes": first(alidash_runs, "bytes"),
            "first_frame_cpu_ms": first(alidash_runs, "cpu_ms"), "peak_rss_kb": whole(alidash_runs, "peak_rss_kb"),
            "cpu_ms_total": whole(alidash_runs, "cpu_ms_total"),
        },
        "floor": {
            "ttff_ms": first(floor_runs, "ttff_ms"), "first_frame_bytes": first(floor_runs, "bytes"),
            "first_frame_cpu_ms": first(floor_runs, "cpu_ms"), "peak_rss_kb": whole(floor_runs, "peak_rss_kb"),
            "cpu_ms_total": whole(floor_runs, "cpu_ms_total"),
        },
        "keystrokes": {},
        "full_repaints": [r.get("full_repaints") for r in alidash_runs],
    }
    kinds = []
    for run in alidash_runs:
        for kind in steps_by_kind(run, MAIN_SCRIPT):
            if kind not in kinds:
                kinds.append(kind)
    for kind in kinds:
        field_ms = "exit_ms" if kind == "exit after hang-up" else "frame_ms"
        comparison["keystrokes"][kind] = {
            "ms": pool(alidash_runs, MAIN_SCRIPT, kind, field_ms),
            "bytes": pool(alidash_runs, MAIN_SCRIPT, kind, "bytes"),
        }
    scales = {}
    for scale, result in scale_results.items():
        dashboards = result["dashboard"]
        entry = {
            "data_bytes": folder_bytes(data_dirs[scale]),
            "records": result["validate"][0]["records"] if result["validate"] else None,
            "validate_ms": stats([v["wall_ms"] for v in result["validate"]]),
            "validate_peak_rss_kb": stats([v["peak_rss_kb"] for v in result["validate"]]),
            "ttff_ms": first(dashboards, "ttff_ms"),
            "loading_screen_ms": first(result.get("loading", []), "ttff_ms"),
            "quit_while_loading_ms": stats([step.get("exit_ms") for run in result.get("loading", [])
                                            for step in run.get("steps", []) if step.get("action") == "q"]),
            "peak_rss_kb": whole(dashboards, "peak_rss_kb"),
            "keystrokes": {},
        }
        for kind in ["move in list (hubs)", "move in list (timeline)", "move in list (sources)", "switch pane"]:
            entry["keystrokes"][kind] = {"ms": pool(dashboards, SCALE_SCRIPT, kind, "frame_ms"),
                                         "bytes": pool(dashboards, SCALE_SCRIPT, kind, "bytes")}
        # The pooled switch hides a pane whose cost grows: each destination on its own as well.
        for key, pane in PANE_KEYS.items():
            steps = [step for run in dashboards for step in run.get("steps", []) if step["action"] == key]
            if steps:
                entry["keystrokes"][f"switch to {pane}"] = {"ms": stats([st.get("frame_ms") for st in steps]),
                                                            "bytes": stats([st.get("bytes") for st in steps])}
        scales[scale] = entry
    return comparison, scales


def median(entry):
    return entry["median"] if entry else None


def evaluate_goals(comparison, scales):
    goals = []

    def goal(name, met, detail):
        goals.append({"goal": name, "met": bool(met), "detail": detail})

    ali, floor = comparison["alidash"], comparison["floor"]
    ratio = median(ali["ttff_ms"]) / median(floor["ttff_ms"])
    goal("time to first frame <= 2x the C floor", ratio <= GOAL_TTFF_RATIO,
         f"{median(ali['ttff_ms'])} ms vs floor {median(floor['ttff_ms'])} ms = {ratio:.1f}x"
         + ("" if ratio <= GOAL_TTFF_RATIO else f" (missed by {ratio / GOAL_TTFF_RATIO:.1f}x)"))
    keys = comparison["keystrokes"]
    # Issue 5's 150 bytes per list move is retired (issue 16): bench/bytes.py compares every keystroke's
    # bytes with what a careful encoder needs for the cells that change, the goal being a ratio <= 1.15.
    ratios = comparison.get("switch_vs_full_frame", [])
    if ratios:
        worst = max(ratios, key=lambda r: r["ratio"])
        goal("switching panes <= the bytes of one full frame", worst["ratio"] <= 1.0,
             f"at most {worst['ratio']:.2f} of the target pane's full frame ({worst['bytes']} of "
             f"{worst['full_frame']} bytes, to {worst['pane']})")
    repaints = [r for r in comparison["full_repaints"] if r is not None]
    if repaints:
        expected = repaints[0]["expected"]
        extra = max(r["found"] for r in repaints) - expected
        goal("no full repaint unless the layout changed", extra <= 0,
             f"{max(r['found'] for r in repaints)} screen clears in a run; {expected} expected "
             f"(first frame and resizes)")
    rss = median(ali["peak_rss_kb"])
    goal("peak RSS <= 20 MB with the bundled data", rss <= GOAL_RSS_KB,
         f"{rss / 1024:.1f} MB (floor {median(floor['peak_rss_kb']) / 1024:.1f} MB)")
    idle = keys.get("idle 2 s", {}).get("bytes")
    if idle:
        goal("no output while idle", idle["max"] == 0, f"{idle['max']} bytes in 2 s")
    for scale, entry in scales.items():
        shown, quit_ms = median(entry.get("loading_screen_ms")), median(entry.get("quit_while_loading_ms"))
        if shown is not None:
            goal(f"{int(scale):,}x: the loading screen within {GOAL_LOADING_SCREEN_MS} ms",
                 shown <= GOAL_LOADING_SCREEN_MS, f"{shown} ms (it waits 100 ms for a quicker load)")
        if quit_ms is not None:
            goal(f"{int(scale):,}x: q while loading ends within {GOAL_QUIT_MS} ms", quit_ms <= GOAL_QUIT_MS,
                 f"{quit_ms} ms")
    if 1 in scales and 10000 in scales:
        small, large = scales[1], scales[10000]
        for kind in large["keystrokes"]:
            a, b = median(small["keystrokes"][kind]["ms"]), median(large["keystrokes"][kind]["ms"])
            if a and b:
                goal(f"10,000x: {kind} within 1.5x of 1x", b <= GOAL_SCALE_RATIO * a,
                     f"{b} ms vs {a} ms = {b / a:.2f}x")
        if 100 in scales:
            # Fixed start-up costs dominate at 1x, so growth is judged from 100x to 10,000x.
            middle = scales[100]
            time_ratio = median(large["validate_ms"]) / median(middle["validate_ms"])
            record_ratio = large["records"] / middle["records"]
            byte_ratio = large["data_bytes"] / middle["data_bytes"]
            goal("load time grows no faster than linearly (100x -> 10,000x)",
                 time_ratio <= max(record_ratio, byte_ratio) * 1.1,
                 f"validate time x{time_ratio:.1f} for x{record_ratio:.1f} records and x{byte_ratio:.1f} bytes")
    return goals


def fmt(entry, unit=""):
    if not entry:
        return "-"
    if entry["min"] == entry["max"]:
        return f"{entry['median']:g}{unit}"
    return f"{entry['median']:g}{unit} ({entry['min']:g}–{entry['max']:g})"


def kb_to_mb(entry):
    if not entry:
        return None
    return {k: (round(v / 1024, 1) if k != "n" else v) for k, v in entry.items()}


def render_tables(report):
    comparison, scales = report["comparison"], report["scales"]
    ali, floor = comparison["alidash"], comparison["floor"]
    lines = [f"alidash vs the C floor at {SIZE}, {report['rounds']} interleaved rounds "
             f"(median (min–max)); load average {report['loadavg_start']} -> {report['loadavg_end']}", ""]
    rows = [("time to first complete frame", fmt(ali["ttff_ms"], " ms"), fmt(floor["ttff_ms"], " ms")),
            ("bytes of the first frame", fmt(ali["first_frame_bytes"]), fmt(floor["first_frame_bytes"])),
            ("CPU time to the first frame", fmt(ali["first_frame_cpu_ms"], " ms"), fmt(floor["first_frame_cpu_ms"], " ms")),
            ("peak RSS", fmt(kb_to_mb(ali["peak_rss_kb"]), " MB"), fmt(kb_to_mb(floor["peak_rss_kb"]), " MB")),
            ("CPU time, whole run", fmt(ali["cpu_ms_total"], " ms"), fmt(floor["cpu_ms_total"], " ms"))]
    lines += table(["figure", "alidash", "floor"], rows)
    lines.append("")
    rows = [(kind, fmt(entry["ms"], " ms"), fmt(entry["bytes"])) for kind, entry in comparison["keystrokes"].items()]
    lines += table(["keystroke (alidash)", "time to redrawn frame", "bytes written"], rows)
    lines.append("close help is Esc: ncurses waits its escape delay (25 ms) to tell a lone Esc from a key sequence.")
    frames = comparison.get("full_frame_bytes", {})
    if frames:
        lines.append("full frame by pane (bytes): " + ", ".join(f"{pane} {size}" for pane, size in frames.items()))
    lines.append("")
    header = ["scale", "data", "records", "validate", "validate RSS", "loading screen", "q while loading",
              "full frame", "peak RSS"]
    kinds = list(next(iter(scales.values()))["keystrokes"]) if scales else []
    rows = []
    for scale, entry in scales.items():
        rows.append((f"{int(scale):,}x", f"{entry['data_bytes'] / 2**20:.1f} MiB", f"{entry['records']:,}",
                     fmt(entry["validate_ms"], " ms"), fmt(kb_to_mb(entry["validate_peak_rss_kb"]), " MB"),
                     fmt(entry.get("loading_screen_ms"), " ms"), fmt(entry.get("quit_while_loading_ms"), " ms to exit"),
                     fmt(entry["ttff_ms"], " ms"), fmt(kb_to_mb(entry["peak_rss_kb"]), " MB")))
    lines += table(header, rows)
    lines.append("")
    for group in [[k for k in kinds if not k.startswith("switch to")], [k for k in kinds if k.startswith("switch to")]]:
        rows = []
        for scale, entry in scales.items():
            rows.append([f"{int(scale):,}x"] + [f"{fmt(entry['keystrokes'][k]['ms'], ' ms')} / {fmt(entry['keystrokes'][k]['bytes'])} B"
                                                for k in group])
        lines += table(["scale"] + group, rows)
        lines.append("")
    for scale, notes in report["data_notes"].items():
        for text in notes:
            lines.append(f"note ({int(scale):,}x data): {text}")
    lines.append("")
    lines.append("Goals (issues 5 and 16):")
    for entry in report["goals"]:
        lines.append(f"  [{'met' if entry['met'] else 'MISSED'}] {entry['goal']}: {entry['detail']}")
    return lines


def table(header, rows):
    widths = [max(len(str(row[i])) for row in [header] + [list(r) for r in rows]) for i in range(len(header))]
    def line(cells):
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"
    return [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"] + [line(r) for r in rows]


def count_clears(tool, alidash):
    """One extra run with the raw output dumped: how many times the screen was cleared (a full repaint)."""
    with tempfile.TemporaryDirectory() as folder:
        prefix = os.path.join(folder, "dump")
        argv = [sys.executable, tool, "-n", "1", "--size", SIZE, "--clean-env", "--env", "LANG=C.UTF-8",
                "--env", f"HOME={folder}", "--env", f"XDG_CONFIG_HOME={folder}", "--env", f"XDG_STATE_HOME={folder}",
                "--marker", ALIDASH_MARKER, "--script", MAIN_SCRIPT, "--dump", prefix, "--json", os.devnull,
                "--", alidash]
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        raw = b""
        for name in os.listdir(folder):
            if name.endswith(".raw"):
                with open(os.path.join(folder, name), "rb") as handle:
                    raw = handle.read()
        # xterm's clear is ESC [ H ESC [ 2 J; ncurses may also erase with ESC [ 2 J alone.
        found = raw.count(b"\x1b[2J")
        expected = 1 + MAIN_SCRIPT.count("resize:")
        return {"found": found, "expected": expected}


def full_frames(tool, alidash):
    """Bytes of a full frame of each pane: a C-l redraw (clear and every cell) after alidash starts on it.
    Not the start's first burst: after the first frame come the questions to the terminal, the count of
    lines below and, once answered, the status row drawn again, and those are no part of a frame."""
    frames = {}
    for key, pane in PANE_KEYS.items():
        run = tuimeasure(tool, [alidash, "--lang", "en", "--pane", pane], "C-l q", ALIDASH_MARKER)
        frames[pane] = run["steps"][0]["bytes"]
    return frames


def switch_ratios(runs, frames):
    """Bytes of every pane switch against a full frame of the pane switched to."""
    ratios = []
    for run in runs:
        for step in run.get("steps", []):
            pane = PANE_KEYS.get(step["action"])
            if pane and frames.get(pane):
                ratios.append({"pane": pane, "bytes": step["bytes"], "full_frame": frames[pane],
                               "ratio": round(step["bytes"] / frames[pane], 2)})
    return ratios


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--alidash", required=True, help="the release binary")
    parser.add_argument("--floor", required=True, help="the C floor, built from bench/floor.c")
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", "7")))
    parser.add_argument("--scale-rounds", type=int, default=int(os.environ.get("BENCH_SCALE_ROUNDS", "3")),
                        help="rounds at 10,000x (each loads ~130 MB of JSON)")
    parser.add_argument("--scales", default=os.environ.get("BENCH_SCALES", "1,100,10000"))
    parser.add_argument("--data-dir", default=os.path.join(REPO_ROOT, ".build", "bench", "data"))
    parser.add_argument("--json", default=os.path.join(BENCH_DIR, "results", "latest.json"))
    parser.add_argument("--markdown", default=os.path.join(BENCH_DIR, "results", "latest.md"))
    args = parser.parse_args()
    alidash, floor = os.path.abspath(args.alidash), os.path.abspath(args.floor)
    PANE_KEYS.update(read_pane_keys(alidash))
    scales = [int(s) for s in args.scales.split(",") if s.strip()]
    started = time.perf_counter()

    def progress(text):
        print(f"bench [{time.perf_counter() - started:5.0f} s] {text}", file=sys.stderr, flush=True)

    tool = find_tuimeasure()
    ensure_pyte()
    loadavg_start = [round(x, 2) for x in os.getloadavg()]
    data_dirs, data_notes = generate_data(args.data_dir, scales, progress)
    alidash_runs, floor_runs = run_floor_comparison(tool, alidash, floor, args.rounds, progress)
    progress("counting screen clears")
    clears = count_clears(tool, alidash)
    for run in alidash_runs:
        run["full_repaints"] = clears
    progress("full frame of each pane")
    frames = full_frames(tool, alidash)
    scale_results = run_scales(tool, alidash, data_dirs, args.rounds, args.scale_rounds, progress)
    loadavg_end = [round(x, 2) for x in os.getloadavg()]
    comparison, scale_summary = summarize(alidash_runs, floor_runs, scale_results, data_dirs)
    comparison["full_frame_bytes"] = frames
    comparison["switch_vs_full_frame"] = switch_ratios(alidash_runs, frames)
    report = {
        "machine": machine_description(alidash),
        "size": SIZE, "rounds": args.rounds, "scale_rounds_at_10000x": args.scale_rounds,
        "loadavg_start": loadavg_start, "loadavg_end": loadavg_end,
        "scripts": {"main": MAIN_SCRIPT, "scale": SCALE_SCRIPT},
        "comparison": comparison, "scales": {str(k): v for k, v in scale_summary.items()},
        "data_notes": {str(k): v for k, v in data_notes.items()},
        "raw": {"alidash": alidash_runs, "floor": floor_runs,
                "scales": {str(k): v for k, v in scale_results.items()}},
        "duration_s": None,
    }
    report["goals"] = evaluate_goals(comparison, scale_summary)
    report["duration_s"] = round(time.perf_counter() - started, 1)
    lines = render_tables(report)
    machine = report["machine"]
    heading = (f"Machine: {machine['nproc']} CPUs, {machine['cpu']}, Linux {machine['kernel']}, {machine['swift']}; "
               f"{machine['date']}, commit {machine['commit']}, binary {machine['binary_bytes'] / 2**20:.1f} MiB; "
               f"run took {report['duration_s']} s")
    print()
    print(heading)
    print("\n".join(lines))
    for path in [args.json, args.markdown]:
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(args.json, "w") as handle:
        json.dump(report, handle, indent=1)
    with open(args.markdown, "w") as handle:
        handle.write("# alidash benchmark results\n\n")
        handle.write("Written by `make bench` (bench/run.py). " + heading + ".\n\n")
        handle.write("\n".join(lines) + "\n")
    print(f"\nJSON: {os.path.relpath(args.json)}  summary: {os.path.relpath(args.markdown)}")


if __name__ == "__main__":
    main()
