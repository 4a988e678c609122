#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Block layer interop suite: guise-img against Debian's qemu-img (package
# qemu-utils), both ways.
#   read:   images qemu-img/qemu-io make (qcow2 v2 and v3, cluster sizes
#           512 to 2M, refcount widths 1 to 64, lazy refcounts, zero and
#           compressed clusters, backing chains of raw and qcow2; qcow
#           version 1 plain, compressed, with backing) read by
#           guise-img identically to `qemu-img convert -O raw`; info, map,
#           check, measure and snapshot -l print what qemu-img prints
#           (internal snapshots included);
#   write:  images guise-img creates, converts into (plain and -c) and
#           writes into (COW over a backing file) pass `qemu-img check`
#           and read identically in qemu-img;
#   rebase: safe (contents kept, checked by qemu-img) and -u (the header
#           byte for byte as qemu-img rebase -u writes it); commit;
#   damage: leaked clusters and lost refcounts are found with qemu-img's
#           exit codes and repaired by -r leaks / -r all;
#   hostile: truncated and garbled headers, offsets past the end, backing
#           loops give one line and exit 1, never a crash.
# Without qemu-img (or qemu-io) the interop cases SKIP; the hostile ones
# still run.
#
# Usage: tests/block/run.sh PATH-TO-guise-aarch64   (guise-img beside it),
#        or GUISE_IMG=path/to/guise-img tests/block/run.sh
# Prints PASS/FAIL/SKIP lines, then "N passed, N failed, N skipped".

set -u
export LC_ALL=C

IMG=${GUISE_IMG:-$(dirname "${1:-./x}")/guise-img}
passed=0 failed=0 skipped=0
pass() { echo "PASS block/$1"; passed=$((passed + 1)); }
skip() { echo "SKIP block/$1 ($2)"; skipped=$((skipped + 1)); }
fail() {
    echo "FAIL block/$1"
    shift
    printf '    %s\n' "$@"
    failed=$((failed + 1))
}
summary() {
    echo "$passed passed, $failed failed, $skipped skipped"
    [ "$failed" = 0 ]
    exit
}

if [ ! -x "$IMG" ]; then
    fail setup "no guise-img at $IMG (build it: make guise-img)"
    summary
fi
IMG=$(cd "$(dirname "$IMG")" && pwd)/$(basename "$IMG")
# Images live in memory when possible: the syncs qcow2 ordering needs cost
# nothing there, and the suite stays fast.
TMP=${TMPDIR:-/tmp}
[ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ] && TMP=/dev/shm
T=$(mktemp -d "$TMP/guise-block.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1

HAVE_QEMU=1
command -v qemu-img >/dev/null 2>&1 && command -v qemu-io >/dev/null 2>&1 ||
    HAVE_QEMU=0

# Runs guise-img; a signal (crash, ASan abort) is always a failure.
gimg() {
    "$IMG" "$@"
    local rc=$?
    [ $rc -lt 128 ] || echo "guise-img crashed (status $rc): $*" >&2
    return $rc
}

# qemu-io writes: qio IMAGE CMD... (each CMD one -c)
qio() {
    local img=$1 a=()
    shift
    for c in "$@"; do a+=(-c "$c"); done
    qemu-io -f "$(qemu-img info --output=json "$img" |
                  sed -n 's/.*"format": "\(.*\)".*/\1/p' | head -1)" \
        "${a[@]}" "$img" >/dev/null
}

# The same guest data through both tools: same_raw NAME IMAGE
same_raw() {
    local name=$1 img=$2
    rm -f q.raw g.raw
    if ! qemu-img convert -O raw "$img" q.raw 2>q.err; then
        fail "$name" "qemu-img cannot read it: $(head -1 q.err)"
        return 1
    fi
    if ! gimg convert -O raw "$img" g.raw 2>g.err; then
        fail "$name" "guise-img convert failed: $(head -1 g.err)"
        return 1
    fi
    if ! cmp -s q.raw g.raw; then
        fail "$name" "contents differ: $(cmp q.raw g.raw 2>&1 | head -1)"
        return 1
    fi
    return 0
}

# Same stdout and exit status: same_out NAME ARGS... (run by both tools)
same_out() {
    local name=$1
    shift
    qemu-img "$@" > q.out 2>/dev/null
    local qrc=$?
    gimg "$@" > g.out 2>/dev/null
    local grc=$?
    if [ $qrc != $grc ] || ! cmp -s q.out g.out; then
        fail "$name" "qemu-img $* (status $qrc) and guise-img (status $grc)" \
            "differ: $(diff q.out g.out | head -4 | tr '\n' ' ')"
        return 1
    fi
    return 0
}

# A small pattern of data, zeros and holes in a qcow2 made by qemu.
fill_qemu() {
    qio "$1" "write -P 0x11 0 100k" "write -P 0x22 300k 5k" \
        "write -z 1M 128k" "write -P 0x33 2047k 2k" "write -P 0x44 3M 64k" \
        "discard 3M 64k" "write -P 0x55 3200k 1k"
}

# ---- qemu-img makes, guise-img reads ----
read_cases() {
    local opts name
    for opts in "" compat=0.10 cluster_size=512 cluster_size=4k \
                cluster_size=2M refcount_bits=1 refcount_bits=2 \
                refcount_bits=4 refcount_bits=8 refcount_bits=32 \
                refcount_bits=64 lazy_refcounts=on \
                "cluster_size=1k,refcount_bits=1"; do
        name=read/qcow2${opts:+-$opts}
        rm -f a.qcow2
        qemu-img create -q -f qcow2 ${opts:+-o "$opts"} a.qcow2 4M
        fill_qemu a.qcow2
        same_raw "$name" a.qcow2 || continue
        same_out "$name" info a.qcow2 || continue
        same_out "$name" info --output=json a.qcow2 || continue
        same_out "$name" check a.qcow2 || continue
        same_out "$name" check --output=json a.qcow2 || continue
        same_out "$name" map --output=json a.qcow2 || continue
        same_out "$name" measure -O qcow2 a.qcow2 || continue
        pass "$name"
    done

    rm -f c.raw c.qcow2
    qemu-img create -q -f raw c.raw 3M
    qio c.raw "write -P 0x61 0 512k" "write -P 0x62 1M 64k"
    qemu-img convert -c -O qcow2 c.raw c.qcow2
    same_raw read/compressed c.qcow2 && same_out read/compressed check c.qcow2 &&
        same_out read/compressed check --output=json c.qcow2 &&
        pass read/compressed

    # base (raw) <- mid (qcow2) <- top (qcow2), each layer writing some.
    rm -f base.raw mid.qcow2 top.qcow2
    qemu-img create -q -f raw base.raw 4M
    qio base.raw "write -P 0x01 0 4M"
    qemu-img create -q -f qcow2 -b base.raw -F raw mid.qcow2
    qio mid.qcow2 "write -P 0x02 64k 64k" "write -z 512k 64k"
    qemu-img create -q -f qcow2 -b mid.qcow2 -F qcow2 top.qcow2 6M
    qio top.qcow2 "write -P 0x03 70k 1k" "write -P 0x04 5M 4k"
    same_raw read/backing-chain top.qcow2 &&
        same_out read/backing-chain info top.qcow2 &&
        same_out read/backing-chain info --output=json --backing-chain top.qcow2 &&
        same_out read/backing-chain map --output=json top.qcow2 &&
        same_out read/backing-chain map mid.qcow2 &&
        pass read/backing-chain

    # Internal snapshots: listed and checked (their tables hold references).
    rm -f s.qcow2
    qemu-img create -q -f qcow2 s.qcow2 4M
    qio s.qcow2 "write -P 1 0 256k"
    qemu-img snapshot -c snap1 s.qcow2
    qio s.qcow2 "write -P 2 64k 64k"
    qemu-img snapshot -c snap2 s.qcow2
    qio s.qcow2 "write -P 3 0 4k"
    same_raw read/snapshots s.qcow2 && same_out read/snapshots info s.qcow2 &&
        same_out read/snapshots info --output=json s.qcow2 &&
        same_out read/snapshots snapshot -l s.qcow2 &&
        same_out read/snapshots check s.qcow2 && pass read/snapshots

    # qcow (version 1): plain, compressed, with a backing file.
    rm -f v1.qcow v1c.qcow v1top.qcow
    qemu-img create -q -f qcow v1.qcow 4M
    qio v1.qcow "write -P 9 0 100k" "write -P 8 2M 5k"
    qemu-img convert -c -O qcow v1.qcow v1c.qcow
    qemu-img create -q -f qcow -b v1.qcow -F qcow v1top.qcow
    qio v1top.qcow "write -P 7 50k 10k"
    for f in v1.qcow v1c.qcow v1top.qcow; do
        same_raw "read/qcow1-$f" $f && same_out "read/qcow1-$f" info $f &&
            same_out "read/qcow1-$f" info --output=json $f &&
            same_out "read/qcow1-$f" map --output=json $f &&
            pass "read/qcow1-$f"
    done

    same_out read/raw-info info --output=json base.raw &&
        same_out read/raw-map map --output=json c.raw &&
        pass read/raw
    same_out measure/size measure -O qcow2 --size 1G &&
        same_out measure/size-opts measure -O qcow2 -o cluster_size=4k,refcount_bits=1 --size 100M &&
        same_out measure/raw measure -O raw c.qcow2 &&
        same_out measure/json measure --output=json -O qcow2 top.qcow2 &&
        pass measure
}

# qemu-img check is clean and qemu reads the expected raw: qemu_ok NAME IMG RAW
qemu_ok() {
    local out
    if ! out=$(qemu-img check "$2" 2>&1); then
        fail "$1" "qemu-img check: $(echo "$out" | head -3 | tr '\n' ' ')"
        return 1
    fi
    if ! qemu-img compare -q "$3" "$2"; then
        fail "$1" "qemu-img compare $3 $2 differs"
        return 1
    fi
    return 0
}

# guise-img bench -w writes 0xa5 blocks; the same into a raw copy:
# bench_write IMAGE RAW COUNT SIZE STEP OFFSET
bench_write() {
    gimg bench -q -w -c "$3" -s "$4" -S "$5" -o "$6" "$1"
    local i off=$6
    for ((i = 0; i < $3; i++)); do
        head -c "$4" /dev/zero | tr '\0' '\245' |
            dd of="$2" bs=1M seek="$off" oflag=seek_bytes conv=notrunc \
               2>/dev/null
        off=$((off + $5))
    done
}

# ---- guise-img makes, qemu-img reads ----
write_cases() {
    local opts name
    rm -f src.raw
    qemu-img create -q -f raw src.raw 5M
    qio src.raw "write -P 0x71 0 1M" "write -P 0x72 1536k 3k" \
        "write -P 0x73 4M 100k"
    head -c 200000 /dev/urandom | dd of=src.raw bs=1 seek=2500000 conv=notrunc \
        2>/dev/null
    for opts in "" compat=0.10 cluster_size=512 cluster_size=2M \
                refcount_bits=1 refcount_bits=64 lazy_refcounts=on \
                "cluster_size=1k,refcount_bits=2"; do
        for c in "" -c; do
            name=write/convert${c}${opts:+-$opts}
            rm -f w.qcow2
            if ! gimg convert $c -O qcow2 ${opts:+-o "$opts"} src.raw w.qcow2 \
                2>g.err; then
                fail "$name" "$(head -1 g.err)"
                continue
            fi
            qemu_ok "$name" w.qcow2 src.raw || continue
            same_out "$name" check w.qcow2 || continue
            same_out "$name" info --output=json w.qcow2 || continue
            pass "$name"
        done
    done

    # Create with a backing file, write over it (partial clusters: COW).
    rm -f ov.qcow2 expect.raw
    gimg create -q -f qcow2 -b src.raw -F raw ov.qcow2
    cp src.raw expect.raw
    bench_write ov.qcow2 expect.raw 20 3000 7000 12345
    if qemu_ok write/backing-cow ov.qcow2 expect.raw &&
        same_out write/backing-cow info --output=json ov.qcow2; then
        pass write/backing-cow
    fi

    # Partial writes over compressed clusters (qemu-made): rewritten plain.
    rm -f oc.qcow2 expect.raw
    qemu-img convert -c -O qcow2 src.raw oc.qcow2
    qemu-img convert -O raw oc.qcow2 expect.raw
    bench_write oc.qcow2 expect.raw 9 3000 70000 1000
    qemu_ok write/over-compressed oc.qcow2 expect.raw &&
        pass write/over-compressed

    rm -f r.qcow2
    gimg create -q -f qcow2 -o cluster_size=4k r.qcow2 1M
    gimg resize -q r.qcow2 3G && gimg convert -n -O qcow2 src.raw r.qcow2 &&
        qemu-img check -q r.qcow2 &&
        same_out write/resize info r.qcow2 && pass write/resize ||
        fail write/resize "resize or convert -n into it failed"

    rm -f l.qcow2
    gimg create -q -f qcow2 -o cluster_size=512,refcount_bits=64 l.qcow2 40M
    qemu-img create -q -f raw big.raw 40M && qio big.raw "write -P 0x7e 0 40M"
    gimg convert -n -O qcow2 big.raw l.qcow2 && qemu_ok write/reftable-growth \
        l.qcow2 big.raw && pass write/reftable-growth
    rm -f big.raw l.qcow2

    same_out write/compare-same compare src.raw w.qcow2 && pass write/compare
    qio src.raw "write -P 0x01 4200k 1"
    same_out write/compare-diff compare src.raw w.qcow2 && pass write/compare-diff
}

# Rebase, safe (data kept) and -u (header only, same bytes as qemu-img's);
# commit into a qcow2 backing file.
rebase_cases() {
    rm -f base.raw mid.qcow2 top.qcow2 before.raw
    qemu-img create -q -f raw base.raw 4M
    qio base.raw "write -P 1 0 4M"
    qemu-img create -q -f qcow2 -b base.raw -F raw mid.qcow2
    qio mid.qcow2 "write -P 2 64k 64k" "write -z 512k 64k"
    qemu-img create -q -f qcow2 -b mid.qcow2 -F qcow2 top.qcow2 6M
    qio top.qcow2 "write -P 3 70k 1k"
    qemu-img convert -O raw top.qcow2 before.raw
    cp top.qcow2 top2.qcow2
    cp top.qcow2 top3.qcow2
    gimg rebase -b base.raw -F raw top.qcow2 && qemu_ok rebase/safe top.qcow2 \
        before.raw && same_out rebase/safe info top.qcow2 && pass rebase/safe
    gimg rebase -b "" top2.qcow2 && qemu_ok rebase/remove top2.qcow2 \
        before.raw && same_out rebase/remove info top2.qcow2 &&
        pass rebase/remove
    # Commit the overlay into mid: both then read as the chain did.
    rm -f ctop.qcow2
    qemu-img create -q -f qcow2 -b mid.qcow2 -F qcow2 ctop.qcow2
    qio ctop.qcow2 "write -P 3 70k 1k" "write -z 1M 64k" "write -P 4 3M 100k"
    qemu-img convert -O raw ctop.qcow2 before.raw
    gimg commit -q ctop.qcow2 && qemu_ok commit/mid mid.qcow2 before.raw &&
        qemu_ok commit/top ctop.qcow2 before.raw && pass commit

    cp top3.qcow2 q3.qcow2
    qemu-img rebase -u -b base.raw -F raw q3.qcow2
    if gimg rebase -u -b base.raw -F raw top3.qcow2 && cmp -s top3.qcow2 q3.qcow2
    then
        pass rebase/unsafe
    else
        fail rebase/unsafe "header differs from qemu-img rebase -u"
    fi
}

# Sets the 16-bit refcount of cluster $2 in the refblock at $3 of image $1.
set_rc16() {
    printf "$(printf '\\x%02x\\x%02x' $(($4 >> 8)) $(($4 & 255)))" |
        dd of="$1" bs=1 seek=$(($3 + 2 * $2)) conv=notrunc 2>/dev/null
}

damage_cases() {
    rm -f d.qcow2
    qemu-img create -q -f qcow2 d.qcow2 4M
    qio d.qcow2 "write -P 0x11 0 128k"
    truncate -s 512k d.qcow2
    set_rc16 d.qcow2 7 $((0x20000)) 1        # leak: cluster 7 is unused
    cp d.qcow2 d2.qcow2
    same_out damage/leak check d.qcow2 && same_out damage/leak-json \
        check --output=json d.qcow2 &&
        gimg check -q -r leaks d.qcow2 2>/dev/null && qemu-img check -q d.qcow2 &&
        pass damage/leak || fail damage/leak "leak not found or not repaired"

    set_rc16 d2.qcow2 5 $((0x20000)) 0       # lost refcount of a data cluster
    same_out damage/refcount check d2.qcow2 &&
        gimg check -q -r all d2.qcow2 2>/dev/null && qemu-img check -q d2.qcow2 &&
        same_raw damage/refcount d2.qcow2 && pass damage/refcount ||
        fail damage/refcount "corruption not found or not repaired"
}

# One line on stderr, status 1, no crash: hostile NAME FILE
hostile() {
    gimg map "$2" > h.out 2> h.err
    local rc=$?
    if [ $rc != 1 ] || [ "$(wc -l < h.err)" != 1 ]; then
        fail "hostile/$1" "status $rc, stderr: $(head -3 h.err | tr '\n' ' ')"
        return
    fi
    gimg convert -O raw "$2" h.raw > /dev/null 2>&1
    rc=$?
    [ $rc -lt 128 ] && pass "hostile/$1" || fail "hostile/$1" "convert crashed"
}

# Overwrite bytes of a file: poke FILE OFFSET HEXBYTES
poke() {
    printf "$(echo "$3" | sed 's/../\\x&/g')" |
        dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

hostile_cases() {
    rm -f h.qcow2
    gimg create -q -f qcow2 h.qcow2 1M
    local n
    for n in 8 50 71 100; do
        head -c $n h.qcow2 > t.qcow2
        hostile "truncated-$n" t.qcow2
    done
    cp h.qcow2 t.qcow2; poke t.qcow2 20 0000001f; hostile cluster-bits t.qcow2
    cp h.qcow2 t.qcow2; poke t.qcow2 40 00000000ffff0000; hostile l1-offset t.qcow2
    cp h.qcow2 t.qcow2; poke t.qcow2 36 ffffffff; hostile l1-size t.qcow2
    cp h.qcow2 t.qcow2; poke t.qcow2 24 7fffffffffffffff; hostile huge-size t.qcow2
    cp h.qcow2 t.qcow2; poke t.qcow2 48 0000000000030000; hostile reftable-overlap t.qcow2
    cp h.qcow2 t.qcow2; poke t.qcow2 96 00000007; hostile refcount-order t.qcow2
    cp h.qcow2 t.qcow2; poke t.qcow2 72 0000000000000100; hostile unknown-feature t.qcow2
    cp h.qcow2 t.qcow2; poke t.qcow2 100 00100000; hostile header-length t.qcow2
    cp h.qcow2 t.qcow2; poke t.qcow2 8 000000000000fff0; poke t.qcow2 16 00000100
    hostile backing-name t.qcow2
    if [ $HAVE_QEMU = 1 ]; then
        rm -f h.qcow
        qemu-img create -q -f qcow h.qcow 1M
        cp h.qcow t.qcow; poke t.qcow 32 1f; hostile qcow1-cluster-bits t.qcow
        cp h.qcow t.qcow; poke t.qcow 40 00000000ffff0000; hostile qcow1-l1 t.qcow
        cp h.qcow t.qcow; poke t.qcow 24 7fffffffffffffff; hostile qcow1-size t.qcow
        head -c 40 h.qcow > t.qcow; hostile qcow1-truncated t.qcow
    fi
    rm -f loop1.qcow2 loop2.qcow2
    gimg create -q -f qcow2 -b loop2.qcow2 -F qcow2 loop1.qcow2 1M
    gimg create -q -f qcow2 -b loop1.qcow2 -F qcow2 loop2.qcow2 1M
    hostile backing-loop loop1.qcow2
    # A raw file that looks like qcow2 is still raw when asked.
    cp h.qcow2 t.img
    if gimg info -f raw t.img | grep -q 'file format: raw'; then
        pass probe/raw-when-asked
    else
        fail probe/raw-when-asked "-f raw not honoured"
    fi
    head -c 65536 /dev/zero > z.img
    if gimg info z.img | grep -q 'file format: raw'; then
        pass probe/zeros-are-raw
    else
        fail probe/zeros-are-raw "zeros probed as something else"
    fi
}

if [ $HAVE_QEMU = 1 ]; then
    read_cases
    write_cases
    damage_cases
    rebase_cases
else
    skip interop "qemu-img/qemu-io not installed (Debian package qemu-utils)"
fi
hostile_cases
summary
