#!/usr/bin/env python3
"""An OpenSSH ProxyCommand that connects to HOST PORT, sends a PROXY protocol header claiming the
visitor is ADDRESS (v1, v2, or "garbage" for a malformed one), then relays the SSH bytes both ways.
Usage: proxy-header.py HOST PORT v1|v2|garbage ADDRESS"""
import selectors
import socket
import struct
import sys

host, port, version, address = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
connection = socket.create_connection((host, port), timeout=10)
local = connection.getsockname()
if version == "v1":
    header = f"PROXY TCP4 {address} {local[0]} 51234 {port}\r\n".encode()
elif version == "v2":
    body = socket.inet_aton(address) + socket.inet_aton(local[0]) + struct.pack(">HH", 51234, port)
    header = b"\r\n\r\n\x00\r\nQUIT\n" + bytes([0x21, 0x11]) + struct.pack(">H", len(body)) + body
else:
    header = b"PROXY TCP4 not-an-address\r\n"
connection.sendall(header)
connection.settimeout(None)

selector = selectors.DefaultSelector()
selector.register(sys.stdin.buffer, selectors.EVENT_READ)
selector.register(connection, selectors.EVENT_READ)
while True:
    for key, _ in selector.select():
        if key.fileobj is connection:
            data = connection.recv(65536)
            if not data:
                sys.exit(0)
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            data = sys.stdin.buffer.raw.read(65536)
            if not data:
                connection.shutdown(socket.SHUT_WR)
                selector.unregister(sys.stdin.buffer)
            else:
                connection.sendall(data)
