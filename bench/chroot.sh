#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# `make bench-chroot`: a package build inside a Debian arm64 chroot,
# timed under guise and under Debian's qemu-aarch64-static, each the
# chroot's binfmt_misc interpreter.  The workload is GNU hello 2.10:
# ./configure (hundreds of short-lived processes) then make -j2.  guise
# runs it plainly, then with the persistent translation cache
# (GUISE_TC, a folder inside the root emptied first) twice: cold (the
# cache fills as configure runs) and warm (what a second build, or the
# next package, sees).
#
#   1. the root: `mmdebstrap --variant=extract` of bookworm arm64 with
#      make, gcc and what configure calls, once, into
#      ${GUISE_CACHE:-~/.cache/guise}/bench-chroot/root (a stamp holds the
#      hash of the package list and mirror; the mirror is the one
#      /etc/apt/sources.list.d/debian.sources names);
#   2. the source: hello_2.10.orig.tar.gz from the cache's cross/ folder
#      (tests/binfmt/cross-suite.sh's; fetched with tests/lib/private-apt.sh
#      when missing); qemu-aarch64-static from Debian's qemu-user-static
#      .deb (cached, unpacked into a scratch folder, never installed);
#   3. per interpreter, in new user, mount and PID namespaces
#      (tests/lib/userns.sh) with a private binfmt_misc (Linux 6.7 or
#      later; the host's /proc/sys/fs/binfmt_misc is never touched): the
#      interpreter registered with flags FP, /proc mounted, a fresh copy of
#      the source in /build, configure and make -j2 timed, ./hello must
#      print "Hello, world!";
#   4. the same build natively with the host's gcc, in a scratch folder.
# Prints the median seconds of each phase, qemu/guise (above 1: guise is
# faster) for guise and its cold and warm cached runs, and guise/native.  Inside, PATH=/usr/sbin:/usr/bin:/sbin:/bin
# and LC_ALL=C; the GUISE_* variables of the environment reach guise.
# Informative only: never part of make check.
#
# Usage: bench/chroot.sh PATH-TO-STATIC-guise-aarch64 [--guise-env VAR=VALUE]...
#   --guise-env   set VAR for the guise runs only (repeatable)
# Environment:
#   RUNS          builds per runner, median taken (default 1)
#   GUISE_CACHE   the cache folder (default ~/.cache/guise)

# shellcheck disable=SC2016  # sh -c scripts in single quotes
set -u
export LC_ALL=C
# The make that runs us must not hand its jobserver or flags to hello's.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES

HERE=$(cd "$(dirname "$0")" && pwd) || exit 1
export RUNS=${RUNS:-1}
CLEAN_PATH=/usr/sbin:/usr/bin:/sbin:/bin
TC_DIR=/var/tmp/guise-bench-tc     # inside the root
PACKAGES=make,gcc,libc6-dev,dpkg-dev,bash,coreutils,sed,grep,gawk,diffutils,findutils,tar,gzip,xz-utils,dash,perl-base
MAGIC='\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\xb7\x00'
MASK='\xff\xff\xff\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff'

# build_once HOSTDIR DIR OUT RUNNER...: unpacks $TARBALL into HOSTDIR, then
# RUNNER... /bin/sh runs configure and make -j2 in DIR/hello-2.10 (DIR is
# HOSTDIR as RUNNER sees it) and the built hello; appends "configure make"
# seconds to OUT.times, the output to OUT.log.  Non-zero on a failure.
build_once() {
    local host=$1 dir=$2/hello-2.10 out=$3 t0 t1 t2
    shift 3
    rm -rf "$host" && mkdir -p "$host" && tar -xzf "$TARBALL" -C "$host" || return 1
    t0=$(date +%s.%N)
    timeout -k 5 1800 "$@" /bin/sh -c 'cd "$0" && ./configure' "$dir" > "$out.log" 2>&1 ||
        { echo "configure: exit status $?" >> "$out.log"; return 1; }
    t1=$(date +%s.%N)
    timeout -k 5 1800 "$@" /bin/sh -c 'cd "$0" && make -j2' "$dir" >> "$out.log" 2>&1 ||
        { echo "make -j2: exit status $?" >> "$out.log"; return 1; }
    t2=$(date +%s.%N)
    timeout -k 5 60 "$@" /bin/sh -c 'cd "$0" && ./hello' "$dir" > "$out.hello" 2>&1
    grep -qx 'Hello, world!' "$out.hello" ||
        { sed 's/^/hello: /' "$out.hello" >> "$out.log"; echo "./hello: no 'Hello, world!'" >> "$out.log"; return 1; }
    awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN { printf "%.2f %.2f\n", b - a, c - b }' >> "$out.times"
    rm -rf "$host"
}

# ---- inside the namespaces: --inner TARBALL ROOT INTERPRETER NAME OUT [VAR=VALUE]... ----
if [ "${1:-}" = --inner ]; then
    TARBALL=$2 root=$3 interp=$4 name=$5 out=$6
    shift 6
    mkdir -p "$out.binfmt" || exit 1
    if ! mount -t binfmt_misc binfmt_misc "$out.binfmt" 2> "$out.log"; then
        echo "binfmt_misc cannot be mounted in a user namespace (Linux 6.7 or later needed)" >> "$out.log"
        exit 1
    fi
    printf '%s' ":$name:M::$MAGIC:$MASK:$interp:FP" > "$out.binfmt/register" || exit 1
    mount -t proc proc "$root/proc" || exit 1
    status=0
    for ((i = 0; i < RUNS; i++)); do
        build_once "$root/build" /build "$out" env PATH=$CLEAN_PATH LC_ALL=C "$@" chroot "$root" ||
            { status=1; break; }
    done
    rm -rf "$root/build"
    exit $status
fi

# ---- outside ----
usage() { echo "usage: $0 PATH-TO-STATIC-guise-aarch64 [--guise-env VAR=VALUE]..." >&2; exit 1; }
if [ $# -lt 1 ] || [ ! -x "$1" ] || [ -d "$1" ]; then usage; fi
GUISE=$(realpath "$1")
shift
GENV=()
while [ $# -gt 0 ]; do
    if [ "$1" != --guise-env ] || [[ ! ${2-} =~ ^[A-Za-z_][A-Za-z0-9_]*= ]]; then usage; fi
    GENV+=("$2")
    shift 2
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "$0: RUNS=$RUNS: want a positive count" >&2; exit 1; }
if readelf -lW "$GUISE" 2> /dev/null | grep -q INTERP; then
    echo "$0: $GUISE is dynamically linked: use a static one (./configure --static; make bench-chroot builds it)" >&2
    exit 1
fi
for t in unshare dpkg-deb apt-get gcc make; do
    command -v "$t" > /dev/null || { echo "SKIP: no $t here"; exit 0; }
done

G=${GUISE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/guise}
CACHE=$G/bench-chroot
ROOT=$CACHE/root
mkdir -p "$CACHE" || exit 1
TMP=$(mktemp -d) || exit 1
trap 'rm -rf "$TMP"' EXIT
# shellcheck source=SCRIPTDIR/../tests/lib/userns.sh
. "$HERE/../tests/lib/userns.sh"
# shellcheck source=SCRIPTDIR/../tests/lib/private-apt.sh
. "$HERE/../tests/lib/private-apt.sh"
MIRROR=$(private_apt_mirror)
if ! userns_full true 2> "$TMP/err"; then
    echo "SKIP: no user namespace with a full id map: needs root or unshare --map-auto ($(cat "$TMP/err"))"
    exit 0
fi

# 1. the root, once per package list and mirror.
want=$(printf '%s %s %s' bookworm "$MIRROR" "$PACKAGES" | sha256sum | cut -c1-16)
if [ ! -x "$ROOT/usr/bin/gcc" ] || [ "$(cat "$CACHE/root.stamp" 2> /dev/null)" != "$want" ]; then
    command -v mmdebstrap > /dev/null || { echo "SKIP: install mmdebstrap (apt-get install mmdebstrap)"; exit 0; }
    rm -rf "$ROOT.new"
    if ! mmdebstrap --arch=arm64 --variant=extract --include="$PACKAGES" bookworm "$ROOT.new" "$MIRROR" \
            > "$CACHE/mmdebstrap.log" 2>&1; then
        echo "SKIP: mmdebstrap failed (no network?): see $CACHE/mmdebstrap.log"
        exit 0
    fi
    rm -rf "$ROOT" && mv "$ROOT.new" "$ROOT" && echo "$want" > "$CACHE/root.stamp" || exit 1
fi

# 2. the source and qemu-aarch64-static.
TARBALL=$G/cross/hello_2.10.orig.tar.gz
if [ ! -f "$TARBALL" ]; then
    mkdir -p "$G/cross"
    private_apt_fetch "$G/cross" deb-src amd64 source --download-only hello
    [ -f "$TARBALL" ] || { echo "SKIP: $TARBALL could not be downloaded (see $G/cross/apt/log)"; exit 0; }
fi
qdeb() { find "$CACHE" "$G/chroot" -maxdepth 1 -name 'qemu-user-static_*.deb' 2> /dev/null | sort | tail -n 1; }
QDEB=$(qdeb)
[ -n "$QDEB" ] || (cd "$CACHE" && timeout 300 apt-get -q download qemu-user-static > "$CACHE/qemu.log" 2>&1)
QDEB=$(qdeb)
QEMU=
if [ -n "$QDEB" ] && mkdir -p "$TMP/qemu" &&
    dpkg-deb --fsys-tarfile "$QDEB" 2> /dev/null | tar -x -C "$TMP/qemu" ./usr/bin/qemu-aarch64-static 2> /dev/null; then
    QEMU=$TMP/qemu/usr/bin/qemu-aarch64-static
fi

# 3. and 4. the runs; NAME.ok marks a runner whose every build succeeded.
run() {
    local name=$1
    shift
    echo "$name: $RUNS build(s)..." >&2
    if [ "$name" = native ]; then
        for ((i = 0; i < RUNS; i++)); do
            build_once "$TMP/native" "$TMP/native" "$TMP/native" env PATH=$CLEAN_PATH LC_ALL=C || return
        done
        touch "$TMP/native.ok"
    elif userns_full bash "$0" --inner "$TARBALL" "$ROOT" "$1" "$name" "$TMP/$name" "${@:2}"; then
        touch "$TMP/$name.ok"
    fi
}
run guise "$GUISE" "${GENV[@]}"
rm -rf "$ROOT$TC_DIR"
RUNS=2 run guise-tc "$GUISE" "${GENV[@]}" "GUISE_TC=$TC_DIR"
[ -n "$QEMU" ] && run qemu "$QEMU"
run native

# The median of column COL (3: their sum) of NAME's times (NAME cold or
# warm: guise-tc's first or second build), or FAIL / n/a.
med() {
    local name=$1 lines=p
    case $name in cold) name=guise-tc lines=1p ;; warm) name=guise-tc lines=2p ;; esac
    [ -f "$TMP/$name.ok" ] || { if [ "$name" = qemu ] && [ -z "$QEMU" ]; then echo n/a; else echo FAIL; fi; return; }
    sed -n "$lines" "$TMP/$name.times" | awk -v c="$2" '{ print (c == 3 ? $1 + $2 : $c) }' |
        sort -g | awk '{ v[NR] = $1 }
        END { printf "%.1f\n", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN {
        if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || b + 0 == 0) print "-"; else printf "%.2fx\n", a / b }'
}

genv=$( { env | grep '^GUISE_'; printf '%s\n' "${GENV[@]}"; } | grep . | paste -sd ' ')
echo
echo "chroot build: GNU hello 2.10 (./configure; make -j2) in Debian bookworm arm64; median of $RUNS run(s), seconds"
echo "guise: $GUISE; env: ${genv:-(none)}"
qver=$(basename "${QDEB:-none}" _amd64.deb | sed 's/%3a/:/; s/_/ /')
if [ -n "$QEMU" ]; then
    echo "qemu:  $qver"
else
    echo "qemu:  n/a (no usable qemu-user-static .deb: see $CACHE/qemu.log)"
fi
echo "native: gcc $(gcc -dumpfullversion 2> /dev/null) on the host, outside any chroot"
echo "tc cold/warm: guise with GUISE_TC=$TC_DIR, first build (empty cache) and second"
printf '%-10s %7s %8s %8s %7s %7s %13s %13s %7s %12s\n' phase guise "tc cold" "tc warm" qemu native \
    qemu/guise "qemu/tc cold" "qemu/tc warm" guise/native
labels=(configure "make -j2" total)
for c in 1 2 3; do
    label=${labels[c - 1]}
    g=$(med guise $c) tc=$(med cold $c) tw=$(med warm $c) q=$(med qemu $c) n=$(med native $c)
    printf '%-10s %7s %8s %8s %7s %7s %13s %13s %7s %12s\n' "$label" "$g" "$tc" "$tw" "$q" "$n" \
        "$(ratio "$q" "$g")" "$(ratio "$q" "$tc")" "$(ratio "$q" "$tw")" "$(ratio "$g" "$n")"
done
for name in guise guise-tc qemu native; do
    if [ ! -f "$TMP/$name.log" ] || [ -f "$TMP/$name.ok" ]; then continue; fi
    echo "FAIL $name: the end of its log:"
    tail -n 15 "$TMP/$name.log" | sed 's/^/    /'
done
exit 0
