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
#           loops give one line and exit 1, never a crash;
#   vmdk:   every subformat qemu-img makes (monolithicSparse/Flat,
#           twoGbMaxExtentSparse/Flat, streamOptimized) read, written,
#           modified in place and created both ways, parents, zeroed
#           grains; hostile headers, grain tables and descriptors;
#   snapshot, qcow1, convert (-B, packed -c), subcluster (extended L2),
#   zstd, bitmap, datafile, amend: each against qemu-img the same way.
# BLOCK_CASES="vmdk snapshot" runs a subset.  tests/block/fuzz.sh is the
# libFuzzer target of the open paths (not part of make check).
# Without qemu-img (or qemu-io) the interop cases SKIP; the hostile ones
# still run.
#
# Usage: tests/block/run.sh PATH-TO-guise-aarch64   (guise-img beside it),
#        or GUISE_IMG=path/to/guise-img tests/block/run.sh
# Prints PASS/FAIL/SKIP lines, then "N passed, N failed, N skipped".

set -u
export LC_ALL=C

IMG=${GUISE_IMG:-$(dirname "${1:-./x}")/guise-img}
REPORT_PREFIX=block/
. "$(dirname "$0")/../lib/report.sh"

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
                "cluster_size=1k,refcount_bits=1" extended_l2=on \
                "extended_l2=on,cluster_size=16k"; do
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
    # zstd clusters: read, then rewritten in part (plain clusters).
    rm -f cz.qcow2 expect.raw
    head -c 300000 /dev/urandom | tr -d '\000-\077' | head -c 200000 |
        dd of=c.raw bs=1 seek=2000000 conv=notrunc 2>/dev/null
    qemu-img convert -c -O qcow2 -o compression_type=zstd c.raw cz.qcow2
    same_raw read/zstd cz.qcow2 && same_out read/zstd info --output=json cz.qcow2 &&
        same_out read/zstd map --output=json cz.qcow2 &&
        same_out read/zstd check cz.qcow2 && pass read/zstd
    cp c.raw expect.raw
    bench_write cz.qcow2 expect.raw 9 3000 300000 1000
    qemu_ok write/over-zstd cz.qcow2 expect.raw && pass write/over-zstd

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
                "cluster_size=1k,refcount_bits=2" extended_l2=on \
                compression_type=zstd; do
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

# ---- vmdk: every subformat qemu-img makes, both ways ----
VMDK_SUBFORMATS="monolithicSparse monolithicFlat twoGbMaxExtentSparse twoGbMaxExtentFlat streamOptimized"
vmdk_cases() {
    local sf name
    rm -f vsrc.raw
    qemu-img create -q -f raw vsrc.raw 5M
    qio vsrc.raw "write -P 0x61 0 100k" "write -P 0x62 1M 64k" \
        "write -P 0x63 2047k 2k" "write -P 0x64 4M 3k"
    head -c 150000 /dev/urandom | dd of=vsrc.raw bs=1 seek=3000000 \
        conv=notrunc 2>/dev/null
    for sf in $VMDK_SUBFORMATS; do
        name=vmdk/read-$sf
        rm -f q-*.vmdk g-*.vmdk
        qemu-img convert -O vmdk -o subformat=$sf vsrc.raw q-$sf.vmdk
        same_raw "$name" q-$sf.vmdk && same_out "$name" check q-$sf.vmdk &&
            same_out "$name" info q-$sf.vmdk &&
            same_out "$name" info --output=json q-$sf.vmdk &&
            same_out "$name" map --output=json q-$sf.vmdk &&
            same_out "$name" map q-$sf.vmdk && pass "$name"
        name=vmdk/write-$sf
        if ! gimg convert -O vmdk -o subformat=$sf vsrc.raw g-$sf.vmdk 2>g.err
        then
            fail "$name" "$(head -1 g.err)"
        elif qemu_ok "$name" g-$sf.vmdk vsrc.raw; then
            pass "$name"
        fi
        # guise-img writes into qemu's image (partial grains, new grains).
        name=vmdk/modify-$sf
        cp vsrc.raw expect.raw
        bench_write q-$sf.vmdk expect.raw 12 3000 300000 5000
        qemu_ok "$name" q-$sf.vmdk expect.raw && pass "$name"
        # Empty images created by both tools: the same files and layout.
        name=vmdk/create-$sf
        rm -f q-*.vmdk g-*.vmdk
        qemu-img create -q -f vmdk -o subformat=$sf q-$sf.vmdk 5G
        gimg create -q -f vmdk -o subformat=$sf g-$sf.vmdk 5G
        if [ "$(ls q-$sf* | sed 's/^q-//')" != "$(ls g-$sf* | sed 's/^g-//')" ]
        then
            fail "$name" "files differ: $(ls q-$sf* g-$sf* | tr '\n' ' ')"
        elif ! qemu-img check -q g-$sf.vmdk; then
            fail "$name" "qemu-img check fails"
        elif [ "$(qemu-img info g-$sf.vmdk | sed -n '/create type/,$p')" != \
               "$(qemu-img info q-$sf.vmdk | sed -n '/create type/,$p' |
                  sed 's/q-/g-/')" ]; then
            fail "$name" "qemu-img info shows other extents"
        else
            pass "$name"
        fi
    done
    rm -f q-*.vmdk g-*.vmdk

    # Header and tables byte for byte as qemu-img makes them (CIDs and the
    # file name aside).
    qemu-img create -q -f vmdk -o adapter_type=lsilogic,compat6=on q.vmdk 3G
    gimg create -q -f vmdk -o adapter_type=lsilogic,compat6=on g.vmdk 3G
    # Header, descriptor text (sectors 1-20) and tables compared apart.
    local strip='s/^CID=.*//; s/"[qg].vmdk"/"x"/'
    desc() { dd if="$1" bs=512 skip=1 count=20 2>/dev/null | tr -d '\000' |
             sed "$strip"; }
    if cmp -s <(head -c 512 q.vmdk) <(head -c 512 g.vmdk) &&
        [ "$(desc q.vmdk)" = "$(desc g.vmdk)" ] &&
        cmp -s <(tail -c +10753 q.vmdk) <(tail -c +10753 g.vmdk); then
        pass vmdk/create-layout
    else
        fail vmdk/create-layout "$(cmp q.vmdk g.vmdk 2>&1 | head -1)"
    fi

    # A backing chain: qemu's parent, guise-img's overlay, and back.
    rm -f vb.vmdk vo.vmdk vo2.vmdk
    qemu-img convert -O vmdk vsrc.raw vb.vmdk
    gimg create -q -f vmdk -b vb.vmdk -F vmdk vo.vmdk
    cp vsrc.raw expect.raw
    bench_write vo.vmdk expect.raw 10 3000 200000 777
    qemu_ok vmdk/backing-write vo.vmdk expect.raw && pass vmdk/backing-write
    qemu-img create -q -f vmdk -b vb.vmdk -F vmdk vo2.vmdk
    qio vo2.vmdk "write -P 0x99 70k 5k"
    same_raw vmdk/backing-read vo2.vmdk && pass vmdk/backing-read

    # zeroed grains (version 2) made by qemu-io write -z.
    rm -f vz.vmdk
    qemu-img convert -O vmdk -o zeroed_grain=on vsrc.raw vz.vmdk
    qio vz.vmdk "write -z 0 128k" "write -z 1M 64k"
    same_raw vmdk/zeroed-grain vz.vmdk && pass vmdk/zeroed-grain
}

# ---- qcow2 internal snapshots: create, apply, delete, both ways ----
# snap_expect IMAGE TAG OUT: the snapshot's contents as qemu-img reads them.
snap_expect() {
    qemu-img convert -l snapshot.name="$2" -O raw "$1" "$3"
}

snapshot_cases() {
    local opts name
    for opts in "" compat=0.10 cluster_size=512 refcount_bits=64 \
                lazy_refcounts=on extended_l2=on; do
        name=snapshot/guise${opts:+-$opts}
        rm -f sg.qcow2 e0.raw e1.raw e2.raw
        qemu-img create -q -f qcow2 ${opts:+-o "$opts"} sg.qcow2 4M
        fill_qemu sg.qcow2
        qemu-img convert -O raw sg.qcow2 e0.raw
        # guise-img snapshots, then writes over shared clusters (COW).
        gimg snapshot -c first sg.qcow2 || { fail "$name" "-c failed"; continue; }
        cp e0.raw e1.raw
        bench_write sg.qcow2 e1.raw 8 3000 300000 1000
        gimg snapshot -c second sg.qcow2
        cp e1.raw e2.raw
        bench_write sg.qcow2 e2.raw 5 70000 500000 2000
        qemu_ok "$name" sg.qcow2 e2.raw || continue
        same_out "$name" snapshot -l sg.qcow2 || continue
        same_out "$name" check sg.qcow2 || continue
        snap_expect sg.qcow2 first q1.raw && snap_expect sg.qcow2 second q2.raw
        if ! cmp -s q1.raw e0.raw || ! cmp -s q2.raw e1.raw; then
            fail "$name" "qemu-img reads other snapshot contents"
            continue
        fi
        # Apply by tag and by id; delete; qemu-img agrees at each step.
        gimg snapshot -a first sg.qcow2 && qemu_ok "$name" sg.qcow2 e0.raw ||
            continue
        gimg snapshot -a 2 sg.qcow2 && qemu_ok "$name" sg.qcow2 e1.raw ||
            continue
        gimg snapshot -d first sg.qcow2 && qemu_ok "$name" sg.qcow2 e1.raw ||
            continue
        same_out "$name" snapshot -l sg.qcow2 || continue
        # qemu-img applies what guise-img made.
        qemu-img snapshot -a second sg.qcow2 && qemu_ok "$name" sg.qcow2 e1.raw ||
            continue
        gimg snapshot -d second sg.qcow2 && qemu_ok "$name" sg.qcow2 e1.raw &&
            same_out "$name" info sg.qcow2 && same_out "$name" check sg.qcow2 &&
            pass "$name"
    done

    # qemu-img's snapshots applied and deleted by guise-img.
    rm -f sq.qcow2
    qemu-img create -q -f qcow2 sq.qcow2 4M
    fill_qemu sq.qcow2
    qemu-img convert -O raw sq.qcow2 e0.raw
    qemu-img snapshot -c one sq.qcow2
    qio sq.qcow2 "write -P 0x66 0 300k" "write -z 3M 64k"
    qemu-img convert -O raw sq.qcow2 e1.raw
    qemu-img snapshot -c two sq.qcow2
    qio sq.qcow2 "write -P 0x67 1M 1M"
    gimg snapshot -a one sq.qcow2 && qemu_ok snapshot/qemu-made sq.qcow2 e0.raw &&
        gimg snapshot -d two sq.qcow2 && qemu_ok snapshot/qemu-made sq.qcow2 e0.raw &&
        gimg snapshot -a 1 sq.qcow2 && gimg snapshot -d one sq.qcow2 &&
        qemu_ok snapshot/qemu-made sq.qcow2 e0.raw &&
        same_out snapshot/qemu-made info sq.qcow2 && pass snapshot/qemu-made

    # Snapshots of other disk sizes: applying one restores its size too.
    rm -f sz.qcow2 e0.raw e1.raw
    qemu-img create -q -f qcow2 sz.qcow2 4M
    qio sz.qcow2 "write -P 1 0 1M"
    qemu-img convert -O raw sz.qcow2 e0.raw
    gimg snapshot -c small sz.qcow2 && gimg resize -q sz.qcow2 8M
    qio sz.qcow2 "write -P 2 6M 1M"
    qemu-img convert -O raw sz.qcow2 e1.raw
    gimg snapshot -c big sz.qcow2
    gimg snapshot -a small sz.qcow2 && qemu_ok snapshot/size sz.qcow2 e0.raw &&
        [ "$(qemu-img info --output=json sz.qcow2 | grep -c '"virtual-size": 4194304')" = 1 ] &&
        gimg snapshot -a big sz.qcow2 && qemu_ok snapshot/size sz.qcow2 e1.raw &&
        same_out snapshot/size info sz.qcow2 && pass snapshot/size ||
        fail snapshot/size "sizes or contents not restored"

    # Errors as qemu-img words them: unknown tags, delete by id.
    gimg snapshot -c x sq.qcow2
    same_out snapshot/errors snapshot -a nope sq.qcow2 &&
        same_out snapshot/errors snapshot -d nope sq.qcow2 &&
        same_out snapshot/errors snapshot -d 1 sq.qcow2 &&
        pass snapshot/errors
}

# ---- qcow (version 1) written by guise-img; qemu-img cannot check qcow,
# so qemu-img compare is the proof ----
qcow_cases() {
    local c name
    rm -f qsrc.raw
    qemu-img create -q -f raw qsrc.raw 5M
    qio qsrc.raw "write -P 0x41 0 100k" "write -P 0x42 1M 64k" \
        "write -P 0x43 4M 3k"
    head -c 100000 /dev/urandom | dd of=qsrc.raw bs=1 seek=2500000 \
        conv=notrunc 2>/dev/null
    for c in "" -c; do
        name=qcow1/convert$c
        rm -f g.qcow
        gimg convert $c -O qcow qsrc.raw g.qcow 2>g.err &&
            qemu-img compare -q qsrc.raw g.qcow && same_raw "$name" g.qcow &&
            pass "$name" || fail "$name" "$(head -1 g.err)"
    done
    # Empty images byte for byte as qemu-img makes them (plain, backing).
    rm -f q.qcow g.qcow qb.qcow gb.qcow
    qemu-img create -q -f qcow q.qcow 5M
    gimg create -q -f qcow g.qcow 5M
    qemu-img create -q -f qcow -b q.qcow -F qcow qb.qcow
    gimg create -q -f qcow -b q.qcow -F qcow gb.qcow
    cmp -s q.qcow g.qcow && cmp -s qb.qcow gb.qcow && pass qcow1/create ||
        fail qcow1/create "headers differ from qemu-img's"
    # guise-img writes into qemu's images: plain, compressed, overlay.
    qemu-img convert -O qcow qsrc.raw qp.qcow
    qemu-img convert -c -O qcow qsrc.raw qc.qcow
    for f in qp.qcow qc.qcow qb.qcow; do
        name=qcow1/modify-$f
        if [ $f = qb.qcow ]; then
            qemu-img convert -O qcow qsrc.raw q.qcow
            rm -f qb.qcow
            qemu-img create -q -f qcow -b q.qcow -F qcow qb.qcow
        fi
        cp qsrc.raw expect.raw
        bench_write $f expect.raw 12 3000 300000 5000
        qemu-img compare -q expect.raw $f && same_raw "$name" $f &&
            same_out "$name" check $f && same_out "$name" info $f &&
            pass "$name" || fail "$name" "contents differ after writes"
    done
}

# convert -B: the output keeps only what the source holds above its
# backing file; compressed output for qcow and stream vmdk.
convert_cases() {
    rm -f cb.raw ct.qcow2 cq.qcow2 cg.qcow2
    qemu-img create -q -f raw cb.raw 4M
    qio cb.raw "write -P 1 0 4M"
    qemu-img create -q -f qcow2 -b cb.raw -F raw ct.qcow2
    qio ct.qcow2 "write -P 2 64k 64k" "write -z 512k 64k" "write -P 3 3M 1k"
    qemu-img convert -O qcow2 -B cb.raw -F raw ct.qcow2 cq.qcow2
    if gimg convert -O qcow2 -B cb.raw -F raw ct.qcow2 cg.qcow2 &&
        qemu-img compare -q ct.qcow2 cg.qcow2 && qemu-img check -q cg.qcow2 &&
        same_out convert/backing info cg.qcow2 &&
        [ "$(qemu-img map --output=json cg.qcow2 | grep -c '"depth": 0')" = 3 ]
    then
        pass convert/backing
    else
        fail convert/backing "output differs or holds backing data"
    fi
    # -c packs compressed clusters as qemu-img does: same allocation, same
    # image end offset, whatever runs of data end inside a cluster.
    rm -f cpq.qcow2 cpg.qcow2
    qemu-img convert -c -O qcow2 ct.qcow2 cpq.qcow2
    gimg convert -c -O qcow2 ct.qcow2 cpg.qcow2
    if qemu-img compare -q ct.qcow2 cpg.qcow2 &&
        [ "$(qemu-img check cpq.qcow2)" = "$(qemu-img check cpg.qcow2)" ]; then
        pass convert/compressed-packed
    else
        fail convert/compressed-packed "$(qemu-img check cpg.qcow2 | tail -2)"
    fi
    rm -f cs.vmdk
    gimg convert -c -O vmdk -o subformat=streamOptimized ct.qcow2 cs.vmdk &&
        qemu_ok convert/vmdk-stream-c cs.vmdk ct.qcow2 && pass convert/vmdk-stream-c
    if gimg convert -c -O vmdk ct.qcow2 cs.vmdk 2>/dev/null; then
        fail convert/vmdk-c-refused "-c accepted for monolithicSparse"
    else
        pass convert/vmdk-c-refused
    fi
}

# Subclusters over a backing file: qemu's partial writes read, guise-img's
# partial writes checked and read by qemu-img.
subcluster_cases() {
    rm -f sb.raw so.qcow2 expect.raw
    qemu-img create -q -f raw sb.raw 4M
    qio sb.raw "write -P 1 0 4M"
    qemu-img create -q -f qcow2 -o extended_l2=on -b sb.raw -F raw so.qcow2
    qio so.qcow2 "write -P 2 10k 3k" "write -z 100k 6k" "write -P 3 1M 70k" \
        "write -z 2047k 4k"
    same_raw subcluster/read so.qcow2 && same_out subcluster/read map \
        --output=json so.qcow2 && same_out subcluster/read map so.qcow2 &&
        same_out subcluster/read check so.qcow2 && pass subcluster/read
    qemu-img convert -O raw so.qcow2 expect.raw
    bench_write so.qcow2 expect.raw 14 3000 250000 1234
    qemu_ok subcluster/write so.qcow2 expect.raw &&
        same_out subcluster/write check so.qcow2 && pass subcluster/write
    rm -f sg.qcow2
    gimg create -q -f qcow2 -o extended_l2=on -b sb.raw -F raw sg.qcow2
    cp sb.raw expect.raw
    bench_write sg.qcow2 expect.raw 14 3000 250000 999
    qemu_ok subcluster/create sg.qcow2 expect.raw &&
        same_out subcluster/create info sg.qcow2 && pass subcluster/create
}

# Persistent dirty bitmaps: shown as qemu-img shows them, their clusters
# kept by check -r, flagged in-use once guise-img writes (it does not
# track dirty blocks), never lost.
bitmap_cases() {
    rm -f bm.qcow2 before.txt expect.raw
    qemu-img create -q -f qcow2 bm.qcow2 4M
    qio bm.qcow2 "write -P 1 0 100k"
    qemu-img bitmap --add bm.qcow2 b0
    qemu-img bitmap --add -g 128k bm.qcow2 b1
    qemu-img bitmap --disable bm.qcow2 b1
    qio bm.qcow2 "write -P 2 1M 100k"
    same_out bitmap/info info bm.qcow2 && same_out bitmap/info info \
        --output=json bm.qcow2 && same_out bitmap/info check bm.qcow2 &&
        pass bitmap/info
    qemu-img info bm.qcow2 > before.txt
    gimg check -q -r all bm.qcow2 && qemu-img info bm.qcow2 | cmp -s - before.txt &&
        qemu-img check -q bm.qcow2 && pass bitmap/check-keeps ||
        fail bitmap/check-keeps "check -r all changed the bitmaps"
    qemu-img convert -O raw bm.qcow2 expect.raw
    bench_write bm.qcow2 expect.raw 4 3000 500000 100
    if qemu_ok bitmap/write bm.qcow2 expect.raw &&
        [ "$(qemu-img info bm.qcow2 | grep -c in-use)" = 2 ]; then
        same_out bitmap/write info --output=json bm.qcow2 && pass bitmap/write
    else
        fail bitmap/write "bitmaps not flagged in-use after a write"
    fi
}

# External data files (data_file, data_file_raw): read, written into,
# created; a raw data file reads as the disk itself.
datafile_cases() {
    local raw name
    for raw in off on; do
        name=datafile/qemu-raw-$raw
        rm -f dq.qcow2 dq.data expect.raw
        qemu-img create -q -f qcow2 -o data_file=dq.data,data_file_raw=$raw \
            dq.qcow2 4M
        qio dq.qcow2 "write -P 1 1M 100k" "write -P 2 0 4k"
        same_raw "$name" dq.qcow2 && same_out "$name" info --output=json \
            dq.qcow2 && same_out "$name" map --output=json dq.qcow2 &&
            same_out "$name" check dq.qcow2 || continue
        qemu-img convert -O raw dq.qcow2 expect.raw
        bench_write dq.qcow2 expect.raw 9 3000 400000 777
        qemu_ok "$name" dq.qcow2 expect.raw && same_out "$name" check dq.qcow2 &&
            { [ $raw = off ] || cmp -s dq.data expect.raw; } && pass "$name"
        name=datafile/guise-raw-$raw
        rm -f dg.qcow2 dg.data
        gimg create -q -f qcow2 -o data_file=dg.data,data_file_raw=$raw \
            dg.qcow2 4M && gimg convert -n -O qcow2 expect.raw dg.qcow2 &&
            qemu_ok "$name" dg.qcow2 expect.raw &&
            same_out "$name" info dg.qcow2 &&
            { [ $raw = off ] || cmp -s dg.data expect.raw; } && pass "$name"
    done
}

# amend: compat down (zero clusters expanded, over a backing file too) and
# up again, lazy refcounts; the header then as qemu-img amend leaves it.
amend_cases() {
    local b name
    rm -f ab.raw
    qemu-img create -q -f raw ab.raw 4M
    qio ab.raw "write -P 1 0 4M"
    for b in "" backing; do
        name=amend/compat${b:+-$b}
        rm -f am.qcow2 qm.qcow2 expect.raw
        qemu-img create -q -f qcow2 ${b:+-b ab.raw -F raw} am.qcow2 4M
        qio am.qcow2 "write -P 2 0 100k" "write -z 1M 128k" \
            "write -P 3 2M 64k" "write -z 2M 64k"
        qemu-img convert -O raw am.qcow2 expect.raw
        cp am.qcow2 qm.qcow2
        local step ok=1
        for step in compat=0.10 compat=1.1,lazy_refcounts=on \
                    lazy_refcounts=off,compat=0.10 compat=v3; do
            qemu-img amend -o $step qm.qcow2
            if ! gimg amend -o $step am.qcow2 ||
                ! qemu_ok "$name" am.qcow2 expect.raw ||
                [ "$(qemu-img info am.qcow2 | sed 1,4d)" != \
                  "$(qemu-img info qm.qcow2 | sed 1,4d)" ]; then
                fail "$name" "after amend -o $step"
                ok=0
                break
            fi
        done
        [ $ok = 1 ] && pass "$name"
    done
    # resize --shrink: what lies past the new end is released, as qemu-img
    # leaves it (same allocation), and nothing without --shrink.
    local opts
    for opts in "" cluster_size=512 extended_l2=on; do
        name=resize/shrink${opts:+-$opts}
        rm -f rs.qcow2 rq.qcow2
        qemu-img create -q -f qcow2 ${opts:+-o $opts} rs.qcow2 8M
        qio rs.qcow2 "write -P 1 0 3M" "write -P 2 5M 1M" "write -z 3M 1M"
        cp rs.qcow2 rq.qcow2
        qemu-img resize -q --shrink rq.qcow2 2500k
        if gimg resize -q rs.qcow2 2500k 2>/dev/null; then
            fail "$name" "shrunk without --shrink"
        elif gimg resize -q --shrink rs.qcow2 2500k &&
            qemu-img check -q rs.qcow2 && qemu-img compare -q rq.qcow2 rs.qcow2 &&
            [ "$(qemu-img check rs.qcow2 | sed -n 2p)" = \
              "$(qemu-img check rq.qcow2 | sed -n 2p)" ]; then
            same_out "$name" info --output=json rs.qcow2 && pass "$name"
        else
            fail "$name" "$(qemu-img check rs.qcow2 2>&1 | head -2 | tr '\n' ' ')"
        fi
    done
    if gimg amend -o cluster_size=4k am.qcow2 2>/dev/null ||
        ! gimg amend -o cluster_size=65536,refcount_bits=16 am.qcow2; then
        fail amend/refused "unchangeable options not handled as qemu-img does"
    else
        pass amend/refused
    fi
}

# Hostile vmdk files: one line and exit 1, never a crash or a hang.
vmdk_hostile_cases() {
    rm -f hv.vmdk
    gimg create -q -f vmdk hv.vmdk 4M
    local n
    for n in 4 100 600; do
        head -c $n hv.vmdk > t.vmdk
        hostile "vmdk-truncated-$n" t.vmdk
    done
    cp hv.vmdk t.vmdk; poke t.vmdk 4 09000000; hostile vmdk-version t.vmdk
    cp hv.vmdk t.vmdk; poke t.vmdk 20 0000000001000000; hostile vmdk-grain t.vmdk
    cp hv.vmdk t.vmdk; poke t.vmdk 44 00100000; hostile vmdk-gtes t.vmdk
    cp hv.vmdk t.vmdk; poke t.vmdk 12 ffffffffffffff7f; hostile vmdk-capacity t.vmdk
    cp hv.vmdk t.vmdk; poke t.vmdk 56 00ffffff00000000; hostile vmdk-gd-offset t.vmdk
    cp hv.vmdk t.vmdk; poke t.vmdk $((21 * 512)) ffffff7f; hostile vmdk-gt-offset t.vmdk
    cp hv.vmdk t.vmdk; poke t.vmdk 56 ffffffffffffffff; hostile vmdk-no-footer t.vmdk
    # A grain table entry pointing at the header: writing there is refused,
    # the header stays as it was.
    cp hv.vmdk t.vmdk
    poke t.vmdk $((22 * 512)) 01000000; poke t.vmdk $((27 * 512)) 01000000
    head -c 1024 t.vmdk > before.bin
    gimg bench -q -w -c 1 -s 512 t.vmdk 2> h.err
    local rc=$?
    if [ $rc = 1 ] && [ "$(wc -l < h.err)" = 1 ] &&
        cmp -s before.bin <(head -c 1024 t.vmdk); then
        pass hostile/vmdk-grain-over-header
    else
        fail hostile/vmdk-grain-over-header "status $rc: $(head -2 h.err)"
    fi
    # Compressed grain whose length overruns: reading it is an error.
    rm -f hs.vmdk hs.raw
    head -c 65536 /dev/urandom > hs.raw
    gimg convert -O vmdk -o subformat=streamOptimized hs.raw hs.vmdk
    cp hs.vmdk t.vmdk; poke t.vmdk $((0x10008)) ffffff00
    gimg convert -O raw t.vmdk h.raw 2> h.err
    [ $? = 1 ] && [ "$(wc -l < h.err)" = 1 ] && pass hostile/vmdk-grain-length ||
        fail hostile/vmdk-grain-length "$(head -2 h.err | tr '\n' ' ')"
    # Descriptors: huge extents, unknown types, a FIFO, not text, none.
    printf '# Disk DescriptorFile\nRW 99999999999999999 FLAT "x" 0\n' > t.vmdk
    hostile vmdk-desc-huge t.vmdk
    printf '# Disk DescriptorFile\nRW 8 SESPARSE "x"\n' > t.vmdk
    hostile vmdk-desc-type t.vmdk
    printf '# Disk DescriptorFile\nversion=1\n' > t.vmdk
    hostile vmdk-desc-empty t.vmdk
    printf '# Disk DescriptorFile\nRW 8 FLAT "t.vmdk\n' > t.vmdk
    hostile vmdk-desc-quote t.vmdk
    rm -f fifo; mkfifo fifo
    printf '# Disk DescriptorFile\nRW 8 FLAT "fifo" 0\n' > t.vmdk
    hostile vmdk-desc-fifo t.vmdk
    printf '# Disk DescriptorFile\nRW 8 SPARSE "t2.vmdk"\n' > t.vmdk
    cp t.vmdk t2.vmdk
    hostile vmdk-desc-recursive t.vmdk
    printf '# Disk DescriptorFile\n\0\1RW 8 FLAT "x" 0\n' > t.vmdk
    hostile vmdk-desc-binary t.vmdk
    # A name that would inject an extent line is refused at create.
    if gimg create -q -f vmdk -o subformat=monolithicFlat \
        "$(printf 'x"\nRW 8 FLAT "/etc/passwd')" 1M 2>/dev/null; then
        fail vmdk/create-injection "a quote in the name was accepted"
    else
        pass vmdk/create-injection
    fi
}

# BLOCK_CASES="vmdk vmdk_hostile" runs a subset (default: all).
for c in ${BLOCK_CASES:-read write damage rebase vmdk snapshot qcow convert subcluster bitmap datafile amend hostile vmdk_hostile}; do
    case $c in
    *hostile) ${c}_cases ;;
    *) if [ $HAVE_QEMU = 1 ]; then
           ${c}_cases
       else
           skip "$c" "qemu-img/qemu-io not installed (Debian package qemu-utils)"
       fi ;;
    esac
done
summary
