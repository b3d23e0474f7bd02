#!/usr/bin/python3 -W ignore
"""A crowd for `alidash serve`, in one process (asyncssh): SESSIONS visitors log in with a key and a
100x30 terminal, every first frame is checked, then TYPERS of them press a pane key every half second for
DURATION seconds while the rest stay connected (their output is still read). Reports the server's memory
per session, the dashboards' proportional memory (PSS: they share their pages), CPU per session-minute and
the keystroke round trip (key sent -> first byte of the redraw back) at p50 and p99.

Usage: serve-crowd.py PORT KEY SERVER_PID SESSIONS TYPERS DURATION   (loopback only)"""
import asyncio
import os
import statistics
import sys
import time

import asyncssh

port, key_path, server_pid = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
sessions, typers, duration = int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
HOST = "127.0.0.1"  # never anything else
TICKS = os.sysconf("SC_CLK_TCK")
# What a complete first frame shows: the tab bar, the first pane's first figure, the status line.
FIRST_FRAME = [b"Overview", "Liège hub".encode(), b"bundled data"]


def kib(pid, field, path="status"):
    with open(f"/proc/{pid}/{path}") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def dashboards():
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as stat:
                    text = stat.read()
                if text.split("(", 1)[1].split(")", 1)[0] == "alidash" and int(text.rsplit(")", 1)[1].split()[1]) == server_pid:
                    found.append(int(name))
            except (OSError, IndexError, ValueError):
                pass
    return found


class Visitor:
    def __init__(self, number):
        self.number = number
        self.received = bytearray()
        self.arrived = asyncio.Event()
        self.first_frame = None
        self.connection = None
        self.process = None

    async def open(self, key, logins):
        async with logins:
            started = time.monotonic()
            self.connection = await asyncssh.connect(HOST, port=port, username="visitor", client_keys=[key],
                                                     known_hosts=None, agent_path=None, login_timeout=120)
            self.process = await self.connection.create_process(term_type="xterm-256color", term_size=(100, 30),
                                                                request_pty="force", encoding=None,
                                                                env={"LANG": "C.UTF-8"})
        asyncio.ensure_future(self.read())
        while not all(marker in self.received for marker in FIRST_FRAME):
            self.arrived.clear()
            try:
                await asyncio.wait_for(self.arrived.wait(), 60)
            except asyncio.TimeoutError:
                raise TimeoutError(f"no complete first frame in 60 s; the last bytes: {bytes(self.received[-300:])!r}")
        self.first_frame = time.monotonic() - started

    async def read(self):
        while True:
            data = await self.process.stdout.read(65536)
            if not data:
                return
            # Keep only the tail: the first frame's markers are checked before typing starts.
            self.received += data
            if len(self.received) > 1 << 16:
                del self.received[: len(self.received) - (1 << 15)]
            self.arrived.set()

    async def type(self, until, round_trips):
        keys = b"234561"
        index = 0
        while time.monotonic() < until:
            self.arrived.clear()
            sent = time.monotonic()
            self.process.stdin.write(keys[index % len(keys):][:1])
            index += 1
            await asyncio.wait_for(self.arrived.wait(), 10)
            round_trips.append(time.monotonic() - sent)
            await asyncio.sleep(0.5)


async def main():
    key = asyncssh.read_private_key(key_path)
    baseline_rss = kib(server_pid, "VmRSS")
    crowd = [Visitor(number) for number in range(sessions)]
    logins = asyncio.Semaphore(64)  # key exchanges in flight at once; the rest queue in the client
    started = time.monotonic()
    results = await asyncio.gather(*(visitor.open(key, logins) for visitor in crowd), return_exceptions=True)
    failures = [result for result in results if isinstance(result, BaseException)]
    all_up = time.monotonic() - started
    if failures:
        print(f"serve-crowd: FAIL: {len(failures)} of {sessions} sessions had no complete first frame: {failures[0]!r}")
        return 1
    running = dashboards()
    if len(running) != sessions:
        print(f"serve-crowd: FAIL: {len(running)} dashboards run for {sessions} sessions")
        return 1
    frames = sorted(visitor.first_frame for visitor in crowd)
    server_rss = kib(server_pid, "VmRSS")
    pss = sum(kib(pid, "Pss", "smaps_rollup") for pid in running)
    rss = sum(kib(pid, "VmRSS") for pid in running)
    print(f"serve-crowd: {sessions} sessions: every first frame complete, all up {all_up:.1f} s after the first connect "
          f"(first frame p50 {statistics.median(frames):.2f} s, max {frames[-1]:.2f} s)")
    print(f"serve-crowd: server RSS {server_rss / 1024:.0f} MiB with {sessions} sessions "
          f"({(server_rss - baseline_rss) / sessions:.0f} KiB per session over its {baseline_rss / 1024:.0f} MiB at rest)")
    print(f"serve-crowd: dashboards: PSS {pss / sessions / 1024:.1f} MiB each ({pss / 1024 / 1024:.2f} GiB in all); "
          f"RSS {rss / sessions / 1024:.1f} MiB each, which counts their shared pages once per process")

    cpu_before = cpu_seconds(server_pid) + sum(cpu_seconds(pid) for pid in running)
    round_trips = []
    until = time.monotonic() + duration
    typing = await asyncio.gather(*(visitor.type(until, round_trips) for visitor in crowd[:typers]), return_exceptions=True)
    cpu_used = cpu_seconds(server_pid) + sum(cpu_seconds(pid) for pid in running if os.path.exists(f"/proc/{pid}")) - cpu_before
    slow = [result for result in typing if isinstance(result, BaseException)]
    if slow or not round_trips:
        print(f"serve-crowd: FAIL: {len(slow)} typists got no redraw within 10 s")
        return 1
    round_trips.sort()
    p50 = round_trips[len(round_trips) // 2] * 1000
    p99 = round_trips[min(len(round_trips) - 1, int(len(round_trips) * 0.99))] * 1000
    session_minutes = sessions * duration / 60
    print(f"serve-crowd: {typers} typing for {duration:.0f} s: {len(round_trips)} keys, round trip p50 {p50:.1f} ms, "
          f"p99 {p99:.1f} ms (goal p99 <= 100 ms)")
    print(f"serve-crowd: CPU (server and dashboards) {cpu_used:.1f} s in {duration:.0f} s: "
          f"{cpu_used / session_minutes * 1000:.1f} ms per session-minute ({cpu_used / duration * 100:.0f} % of one core)")

    for visitor in crowd:
        visitor.connection.close()
    await asyncio.gather(*(visitor.connection.wait_closed() for visitor in crowd), return_exceptions=True)
    for _ in range(200):
        if not dashboards():
            break
        await asyncio.sleep(0.05)
    left = len(dashboards())
    if left:
        print(f"serve-crowd: FAIL: {left} dashboards still run 10 s after their visitors left")
        return 1
    print(f"serve-crowd: all {sessions} visitors left; every dashboard ended")
    return 0 if p99 <= 100 else 2


sys.exit(asyncio.run(main()))
