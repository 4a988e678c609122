#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Normalises a device tree decompiled by `dtc -I dtb -O dts` for comparison:
# one sorted line per property, "PATH:NAME = VALUE", with phandle numbers
# replaced by the path of the node they name (so allocation order does not
# matter), "phandle" properties dropped, random seeds shown as <random>, and
# the nodes named with --skip (and everything under them) left out.
#
# Usage: dtnorm.py [--skip PATH]... FILE.dts
import re
import sys

PHANDLE_PROPS = {"interrupt-parent", "clocks", "gpios", "cpu", "msi-parent"}
RANDOM_PROPS = {"rng-seed", "kaslr-seed"}


def parse(text):
    """Yields (path, name, value) for each property."""
    stack = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("/dts-v1/"):
            continue
        m = re.match(r"^([^\s=]+) \{$", line)
        if m:
            name = m.group(1)
            stack.append("" if name == "/" else name)
            yield "/".join(stack) or "/", None, None
            continue
        if line == "};":
            stack.pop()
            continue
        path = "/".join(stack) or "/"
        if not path.startswith("/"):
            path = "/" + path
        m = re.match(r"^([^\s=;]+)(?: = (.*))?;$", line)
        if not m:
            sys.exit("dtnorm: cannot parse line: " + line)
        yield path, m.group(1), m.group(2)


def main():
    args = sys.argv[1:]
    skips = []
    while args and args[0] == "--skip":
        skips.append(args[1])
        args = args[2:]
    text = open(args[0]).read()
    props = list(parse(text))
    handles = {}
    for path, name, value in props:
        if name == "phandle":
            handles[int(value.strip("<>"), 16)] = path

    def skipped(path):
        return any(path == s or path.startswith(s + "/") for s in skips)

    def cell(tok):
        try:
            v = int(tok, 16)
        except ValueError:
            return tok
        return "&" + handles[v] if v in handles else tok

    out = set()
    for path, name, value in props:
        if skipped(path) or name == "phandle":
            continue
        if name is None:
            out.add("%s {}" % path)
            continue
        if name in RANDOM_PROPS:
            value = "<random>"
        elif name in PHANDLE_PROPS and value and value.startswith("<"):
            value = "<" + " ".join(cell(t) for t in value.strip("<>").split()) + ">"
        out.add("%s:%s = %s" % (path, name, value))
    for line in sorted(out):
        print(line)


main()
