#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Builds tests/block/fuzz-open.c as a libFuzzer target (clang, with
# AddressSanitizer and UBSan) over the block layer's sources, replays the
# regression inputs in tests/block/fuzz-corpus/ (inputs that once crashed,
# plus seeds of every format made by guise-img), then fuzzes for SECONDS
# (default 60; 0: replay only).  New crashing inputs are left in the work
# folder: copy them into fuzz-corpus/ once fixed.
#
# Usage: tests/block/fuzz.sh PATH-TO-guise-img [SECONDS]
# Prints PASS/FAIL/SKIP lines and "N passed, N failed, N skipped".
# Not part of `make check` (it takes a while); run it after block/ changes.

set -u
SRC=$(cd "$(dirname "$0")/../.." && pwd)
IMG=${1:-./guise-img}
SECS=${2:-60}
CC=${FUZZ_CC:-clang}
if ! command -v "$CC" >/dev/null 2>&1 ||
    ! echo 'int LLVMFuzzerTestOneInput(const char *d, long n) { return 0; }' |
        "$CC" -fsanitize=fuzzer -x c - -o /dev/null 2>/dev/null; then
    echo "SKIP block/fuzz (clang with libFuzzer not installed: Debian package clang)"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
fi
W=$(mktemp -d "${TMPDIR:-/tmp}/guise-fuzz.XXXXXX") || exit 1
trap 'rm -rf "$W"' EXIT
ZSTD_LIBS=$(pkg-config --libs libzstd 2>/dev/null || echo -lzstd)
if ! "$CC" -g -O1 -std=gnu11 -D_GNU_SOURCE -I"$SRC" \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    "$SRC"/tests/block/fuzz-open.c "$SRC"/block/*.c "$SRC"/util/log.c \
    -o "$W/fuzz-open" -lz $ZSTD_LIBS -lm 2> "$W/cc.err"; then
    echo "FAIL block/fuzz-build"
    head -5 "$W/cc.err" | sed 's/^/    /'
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
fi
# Seeds: one small image of each kind, the format byte first.
mkdir -p "$W/corpus"
seed() {        # seed NAME FORMAT-BYTE FILE
    { printf "\\$(printf %03o "$2")"; cat "$3"; } > "$W/corpus/$1"
}
if [ -x "$IMG" ]; then
    (cd "$W" && "$IMG" create -q -f qcow2 -o cluster_size=4k s.qcow2 256k &&
        "$IMG" bench -q -w -c 4 -s 5000 -S 40000 s.qcow2 &&
        "$IMG" create -q -f qcow s.qcow 256k &&
        "$IMG" bench -q -w -c 4 -s 5000 -S 40000 s.qcow &&
        "$IMG" create -q -f vmdk s.vmdk 256k &&
        head -c 70000 /dev/urandom > r.raw &&
        "$IMG" convert -O vmdk -o subformat=streamOptimized r.raw so.vmdk &&
        "$IMG" create -q -f vmdk -o subformat=monolithicFlat d.vmdk 256k) \
        >/dev/null 2>&1
    [ -f "$W/s.qcow2" ] && seed qcow2 0 "$W/s.qcow2"
    [ -f "$W/s.qcow" ] && seed qcow 1 "$W/s.qcow"
    [ -f "$W/s.vmdk" ] && seed vmdk 2 "$W/s.vmdk"
    [ -f "$W/so.vmdk" ] && seed vmdk-stream 2 "$W/so.vmdk"
    [ -f "$W/d.vmdk" ] && seed vmdk-desc 2 "$W/d.vmdk"
fi
passed=0 failed=0
if "$W/fuzz-open" -runs=0 "$SRC"/tests/block/fuzz-corpus/ "$W/corpus" \
    > "$W/replay.log" 2>&1; then
    echo "PASS block/fuzz-replay"
    passed=$((passed + 1))
else
    echo "FAIL block/fuzz-replay"
    grep -m3 -E "ERROR|SUMMARY" "$W/replay.log" | sed 's/^/    /'
    failed=$((failed + 1))
fi
if [ "$SECS" -gt 0 ]; then
    if (cd "$W" && ./fuzz-open -max_total_time="$SECS" -max_len=200000 \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 corpus \
        > fuzz.log 2>&1); then
        echo "PASS block/fuzz ($(grep -o 'stat::number_of_executed_units: [0-9]*' \
            "$W/fuzz.log" | awk '{print $2}') runs in ${SECS}s)"
        passed=$((passed + 1))
    else
        echo "FAIL block/fuzz"
        grep -m3 -E "ERROR|SUMMARY" "$W/fuzz.log" | sed 's/^/    /'
        ls "$W"/crash-* "$W"/timeout-* "$W"/leak-* 2>/dev/null |
            while read -r f; do
                cp "$f" "${FUZZ_KEEP:-/tmp}/" && echo "    kept ${FUZZ_KEEP:-/tmp}/$(basename "$f")"
            done
        failed=$((failed + 1))
    fi
fi
echo "$passed passed, $failed failed, 0 skipped"
[ "$failed" = 0 ]
