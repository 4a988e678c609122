#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
#
# One QMP conversation with guise-system-aarch64 (started by run.sh with -S
# and -qmp on ADDRESS, -smp 2 and one virtio disk): checks the greeting,
# negotiation, each command's reply shape as QEMU 7.2 gives it, the events,
# and that quit ends the process.  Prints "ok NAME" / "FAIL NAME: why" lines.
#
# Usage: qmp-check.py unix:PATH|tcp:HOST:PORT
import json
import socket
import sys
import time

addr = sys.argv[1]
failures = 0


def check(name, cond, why=""):
    global failures
    if cond:
        print("ok " + name)
    else:
        failures += 1
        print("FAIL %s: %s" % (name, why))


def connect():
    for _ in range(100):
        try:
            if addr.startswith("unix:"):
                s = socket.socket(socket.AF_UNIX)
                s.connect(addr[5:])
            else:
                host, port = addr[4:].rsplit(":", 1)
                s = socket.create_connection((host, int(port)))
            return s
        except OSError:
            time.sleep(0.05)
    sys.exit("FAIL connect: nothing listens on " + addr)


sock = connect()
sock.settimeout(5)
buf = b""


def read_msg():
    global buf
    while b"\n" not in buf:
        d = sock.recv(65536)
        if not d:
            return None
        buf += d
    line, buf = buf.split(b"\n", 1)
    return json.loads(line)


def command(cmd, **extra):
    """Sends cmd; returns (reply, [events before it])."""
    msg = {"execute": cmd}
    msg.update(extra)
    sock.sendall((json.dumps(msg) + "\n").encode())
    events = []
    while True:
        m = read_msg()
        if m is None or "event" not in m:
            return m, events
        events.append(m)


greet = read_msg()
check("greeting", greet and set(greet["QMP"]) == {"version", "capabilities"}
      and "qemu" in greet["QMP"]["version"], repr(greet))
r, _ = command("query-status")
check("needs-negotiation", r == {"error": {"class": "CommandNotFound",
      "desc": "Expecting capabilities negotiation with 'qmp_capabilities'"}}, repr(r))
r, _ = command("qmp_capabilities", id=7)
check("capabilities", r == {"return": {}, "id": 7}, repr(r))
r, _ = command("query-status", id="s")
check("status-prelaunch", r == {"return": {"status": "prelaunch", "singlestep": False,
      "running": False}, "id": "s"}, repr(r))
r, _ = command("query-cpus-fast")
cpus = r.get("return", [])
check("cpus-fast", len(cpus) == 2 and [c["cpu-index"] for c in cpus] == [0, 1]
      and all(c["target"] == "aarch64" and "props" in c and "qom-path" in c
              and "thread-id" in c for c in cpus), repr(r))
r, _ = command("query-block")
blk = r.get("return", [])
check("block", len(blk) == 1 and blk[0]["device"] == "disk0"
      and blk[0]["inserted"]["drv"] == "qcow2"
      and blk[0]["inserted"]["image"]["virtual-size"] == 1048576
      and blk[0]["inserted"]["ro"] is False, repr(r))
r, ev = command("stop")
check("stop-prelaunch", r == {"return": {}} and ev == [], repr((r, ev)))
r, ev = command("cont")
check("cont", r == {"return": {}}, repr(r))
while not any(e["event"] == "RESUME" for e in ev):
    m = read_msg()
    if m is None:
        break
    ev.append(m)
check("resume-event", any(e["event"] == "RESUME" for e in ev), repr(ev))
r, _ = command("query-status")
check("status-running", r.get("return", {}).get("running") is True
      and r["return"]["status"] == "running", repr(r))
r, ev = command("stop")
check("stop-running", r == {"return": {}}, repr(r))
r, ev = command("system_reset")
check("reset", r == {"return": {}} and [e["event"] for e in ev] in ([], ["RESET"]), repr((r, ev)))
if not ev:
    ev = [read_msg()]
check("reset-event", ev[0]["event"] == "RESET" and ev[0]["data"] ==
      {"guest": False, "reason": "host-qmp-system-reset"} and "seconds" in ev[0]["timestamp"],
      repr(ev))
r, ev = command("system_powerdown")
if not ev:
    ev = [read_msg()]
check("powerdown", r == {"return": {}} and ev[0]["event"] == "POWERDOWN", repr((r, ev)))
r, _ = command("no-such-command", id=[1])
check("unknown", r == {"error": {"class": "CommandNotFound",
      "desc": "The command no-such-command has not been found"}, "id": [1]}
      or r.get("error", {}).get("class") == "CommandNotFound", repr(r))
sock.sendall(b'{"execute": }\n')
r = read_msg()
check("bad-json", r and r.get("error", {}).get("class") == "GenericError", repr(r))
r, _ = command("quit")
check("quit", r == {"return": {}}, repr(r))
ev = read_msg()
check("shutdown-event", ev and ev["event"] == "SHUTDOWN" and ev["data"] ==
      {"guest": False, "reason": "host-qmp-quit"}, repr(ev))
sys.exit(1 if failures else 0)
