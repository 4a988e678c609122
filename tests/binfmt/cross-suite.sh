#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# A cross-compiled test suite run through binfmt_misc: real autotools
# projects from Debian's sources (GNU hello and gzip), configured with
# --host=aarch64-linux-gnu, built with Debian's cross compiler and their own
# `make check` run, so that every test binary and every test script's call
# of a built program is an aarch64 ELF the kernel hands to guise.
#
# Sources: the upstream tarballs of Debian's source packages, fetched once
# with `apt-get source --download-only` through a private deb-src list
# (tests/lib/private-apt.sh; removed after the fetch) into
# ${GUISE_CACHE:-~/.cache/guise}/cross.  The builds run inside
# `unshare --user --map-root-user --mount` with a private binfmt_misc
# (Linux 6.7 and later), guise registered there only, and
# GUISE_LD_PREFIX=/usr/aarch64-linux-gnu (Debian's cross libc) so the
# dynamically linked test programs find their loader.
#
# Per project: configure + build, `make check` with no failing test and at
# least one passing, the built program is an aarch64 ELF, and once guise is
# unregistered the same program no longer runs (the suite really went
# through guise).  Missing tools or no network are a SKIP with the reason.
#
# Usage: tests/binfmt/cross-suite.sh PATH-TO-guise-aarch64
# Prints PASS/FAIL/SKIP lines, then "N passed, N failed, N skipped".

set -u
export LC_ALL=C

HERE=$(cd "$(dirname "$0")" && pwd)
BINFMT=$HERE/../../tools/guise-binfmt
# source package, upstream tarball glob, a program the build makes
PROJECTS=("hello hello_*.orig.tar.gz hello" "gzip gzip_*.orig.tar.xz gzip")

REPORT_PREFIX=cross/
. "$(dirname "$0")/../lib/report.sh"
skip_all() {
    for p in "${PROJECTS[@]}"; do
        skip "${p%% *}" "$1"
    done
    summary
}

# ---- inside the namespace: --inner GUISE WORK TARBALL... ----
if [ "${1:-}" = --inner ]; then
    guise=$2 work=$3
    shift 3
    bm=$(mktemp -d)
    mount -t binfmt_misc binfmt_misc "$bm" ||
        skip_all "binfmt_misc cannot be mounted in a user namespace (Linux 6.7 or later needed)"
    "$BINFMT" --register --binfmt-dir "$bm" --path "$guise" > /dev/null 2>&1 ||
        skip_all "guise-binfmt --register failed"
    export GUISE_LD_PREFIX=/usr/aarch64-linux-gnu

    for p in "${PROJECTS[@]}"; do
        read -r name _ prog <<< "$p"
        tarball=$1
        shift
        log=$work/$name.log
        src=$work/$name
        mkdir -p "$src"
        if ! tar -xf "$tarball" -C "$src" --strip-components=1 2> "$log"; then
            fail "$name/unpack" "$(tail -n 3 "$log")"
            continue
        fi
        # configure without --build: it runs a test program to decide
        # whether this is cross compiling, and through binfmt it runs.
        if ! (cd "$src" && timeout -k 5 600 ./configure -q --host=aarch64-linux-gnu &&
              timeout -k 5 600 make -j2) > "$log" 2>&1; then
            fail "$name/build" "$(tail -n 5 "$log")"
            continue
        fi
        pass "$name/build"
        if ! file -L "$src/$prog" 2> /dev/null | grep -q 'ARM aarch64'; then
            fail "$name/foreign" "$src/$prog is not an aarch64 ELF: $(file -L "$src/$prog")"
            continue
        fi
        (cd "$src" && timeout -k 5 900 make -j2 check) > "$log.check" 2>&1
        status=$?
        total=$(sed -n 's/^# TOTAL: *//p' "$log.check" | awk '{s += $1} END {print s + 0}')
        npass=$(sed -n 's/^# PASS: *//p' "$log.check" | awk '{s += $1} END {print s + 0}')
        bad=$(sed -n 's/^# \(FAIL\|ERROR\|XPASS\): *//p' "$log.check" | awk '{s += $1} END {print s + 0}')
        if [ $status = 0 ] && [ "$bad" = 0 ] && [ "$npass" -gt 0 ]; then
            pass "$name/make-check ($npass of $total tests passed)"
        else
            fail "$name/make-check" "status $status, $npass of $total passed, $bad failed" \
                "$(grep -E '^(FAIL|ERROR|XPASS):' "$log.check" | head -n 5)"
        fi

    done
    # The same programs without guise registered: the kernel refuses them.
    "$BINFMT" --unregister --binfmt-dir "$bm" > /dev/null 2>&1
    for p in "${PROJECTS[@]}"; do
        read -r name _ prog <<< "$p"
        [ -x "$work/$name/$prog" ] || continue
        if "$work/$name/$prog" --version > /dev/null 2>&1; then
            fail "$name/needs-guise" "$work/$name/$prog ran with no binfmt handler: the suite did not test guise"
        else
            pass "$name/needs-guise"
        fi
    done
    summary
fi

# ---- outside: check what is needed, fetch the sources ----
[ $# -ge 1 ] || { echo "usage: $0 PATH-TO-guise-aarch64" >&2; exit 2; }
GUISE=$(realpath "$1")

command -v aarch64-linux-gnu-gcc > /dev/null ||
    skip_all "no aarch64-linux-gnu-gcc (apt-get install gcc-aarch64-linux-gnu)"
[ -e /usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1 ] ||
    skip_all "no /usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1 (apt-get install libc6-dev-arm64-cross)"
command -v file > /dev/null || skip_all "no file(1) (apt-get install file)"
unshare --user --map-root-user --mount true 2> /dev/null ||
    skip_all "user namespaces are not available"

. "$HERE/../lib/private-apt.sh"
cache=${GUISE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/guise}/cross
mkdir -p "$cache" 2> /dev/null
tarballs=()
for p in "${PROJECTS[@]}"; do
    read -r name glob _ <<< "$p"
    t=$(find "$cache" -maxdepth 1 -name "$glob" | sort | tail -n 1)
    if [ -z "$t" ] && private_apt_retry_ok "$cache"; then
        private_apt_fetch "$cache" deb-src amd64 source --download-only "$name" &&
            t=$(find "$cache" -maxdepth 1 -name "$glob" | sort | tail -n 1)
    fi
    [ -n "$t" ] ||
        skip_all "the source of $name could not be downloaded into $cache (see $cache/apt/log; remove $cache/fetch-failed to retry)"
    tarballs+=("$t")
done

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
unshare --user --map-root-user --mount bash "$0" --inner "$GUISE" "$TMP" "${tarballs[@]}"
