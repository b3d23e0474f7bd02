#!/usr/bin/python3 -W ignore
"""Sends a second pty-req (40x10) on a running session, which OpenSSH never does: the server must refuse
it and the session go on with its first terminal (100x30; serve-e2e.sh checks the size in the log).
Usage: second-pty.py PORT KEY   (127.0.0.1 only)"""
import asyncio
import sys

import asyncssh
from asyncssh.packet import String, UInt32

port, key_path = int(sys.argv[1]), sys.argv[2]


async def main():
    async with asyncssh.connect("127.0.0.1", port=port, username="visitor", client_keys=[key_path],
                                known_hosts=None, agent_path=None) as connection:
        process = await connection.create_process(term_type="xterm-256color", term_size=(100, 30),
                                                  request_pty="force", encoding=None, env={"LANG": "C.UTF-8"})
        seen = b""
        while b"bundled data" not in seen:
            seen += await asyncio.wait_for(process.stdout.read(65536), 10)
        granted = await process.channel._make_request(
            b"pty-req", String("vt100"), UInt32(40), UInt32(10), UInt32(0), UInt32(0), String(b""))
        if granted:
            print("second-pty: FAIL: a second pty-req was granted")
            return 1
        process.stdin.write(b"2")
        seen = b""
        while b"World map" not in seen:
            seen += await asyncio.wait_for(process.stdout.read(65536), 10)
        process.stdin.write(b"q")
        await asyncio.wait_for(process.wait_closed(), 10)
        print("second-pty: ok: a second pty-req is refused and the first terminal stays")
        return 0

sys.exit(asyncio.run(main()))
