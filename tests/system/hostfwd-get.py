#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The host side of boot-linux.sh's hostfwd check: waits until the guest's
# console output (LOG) says it listens, then connects to 127.0.0.1:PORT
# (the emulator's hostfwd) and prints what the guest sent until it closed.
# A connection the guest refuses yet (libslirp accepts on the host, then
# finds no listener in the guest) reads as empty: it is retried.  Gives up
# after TIMEOUT seconds, exit 1.
#
# Usage: hostfwd-get.py PORT LOG MARKER [TIMEOUT]
import socket
import sys
import time


def main():
    port, log, marker = int(sys.argv[1]), sys.argv[2], sys.argv[3].encode()
    end = time.monotonic() + (float(sys.argv[4]) if len(sys.argv) > 4 else 240)
    while time.monotonic() < end:
        try:
            with open(log, "rb") as f:
                if marker in f.read():
                    break
        except OSError:
            pass
        time.sleep(0.2)
    while time.monotonic() < end:
        data = b""
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
                while True:
                    chunk = s.recv(4096)
                    if not chunk:
                        break
                    data += chunk
        except OSError:
            pass
        if data.strip():
            print(data.decode(errors="replace").strip())
            return 0
        time.sleep(0.3)
    return 1


if __name__ == "__main__":
    sys.exit(main())
