#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The heavy binfmt_misc test (not part of `make check`): a Debian arm64
# bootstrap under guise, timed against Debian's qemu-aarch64-static.
#
#   1. debootstrap --foreign --arch=arm64 --variant=minbase bookworm, once,
#      into ${GUISE_CACHE:-~/.cache/guise}/chroot (about 220 MB; the mirror
#      is the one /etc/apt/sources.list.d/debian.sources names);
#   2. in new user, mount and PID namespaces with uids and gids 0-65535
#      mapped (package scripts chown to system users) and a private
#      binfmt_misc, a copy of it gets `debootstrap --second-stage` with
#      guise registered (flags FP), then inside the chroot: dpkg -l, apt-get
#      check and apt-cache policy (offline), bash, perl, python3 and gcc
#      when installed;
#   3. the same second stage with qemu-aarch64-static (from Debian's
#      qemu-user-static, unpacked into the cache, never installed), for the
#      time.
# It needs debootstrap and either real root (the id map is written
# directly) or unshare --map-auto (uidmap and /etc/subuid); otherwise SKIP.
#
# Usage: tests/binfmt/chroot-debian.sh PATH-TO-STATIC-guise-aarch64
# Prints PASS/FAIL/SKIP lines, the two times, then
# "N passed, N failed, N skipped".

# shellcheck disable=SC2016  # sh -c and bash -c scripts in single quotes
set -u
export LC_ALL=C

HERE=$(cd "$(dirname "$0")" && pwd)
BINFMT=$HERE/../../tools/guise-binfmt
REPORT_PREFIX=chroot-debian/
. "$(dirname "$0")/../lib/report.sh"

# ---- inside the namespaces: ROOT INTERPRETER NAME LOG ----
if [ "${1:-}" = --inner ]; then
    root=$2 interp=$3 name=$4 log=$5
    bm=$(mktemp -d)
    mount -t binfmt_misc binfmt_misc "$bm" || exit 1
    if [ "$name" = guise ]; then
        "$BINFMT" --register --flags FP --binfmt-dir "$bm" --path "$interp" > /dev/null || exit 1
    else
        printf '%s' ":qemu-aarch64:M::\\x7fELF\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\xb7\\x00:\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff:$interp:FP" \
            > "$bm/register" || exit 1
    fi
    # debootstrap's first stage may leave /proc a symlink to the host's.
    if [ -L "$root/proc" ]; then
        rm "$root/proc" && mkdir "$root/proc"
    fi
    start=$(date +%s)
    # container=lxc: debootstrap then uses the /dev it finds instead of mknod.
    container=lxc timeout 3600 chroot "$root" /debootstrap/debootstrap --second-stage > "$log" 2>&1
    status=$?
    echo "status=$status seconds=$(($(date +%s) - start))" >> "$log"
    [ "$status" = 0 ] || exit 2
    [ "$name" = guise ] || exit 0
    mount -t proc proc "$root/proc"
    c() { timeout 600 chroot "$root" "$@"; }
    {
        echo "dpkg=$(c dpkg -l | grep -c '^ii')"
        c apt-get check > /dev/null 2>&1 && echo apt-check=ok
        echo "policy=$(c apt-cache policy dpkg | sed -n 's/^ *Installed: //p')"
        c bash -c 'echo bash=${BASH_VERSION%%.*}'
        c perl -e 'print "perl=", 6 * 7, "\n"'
        if [ -x "$root/usr/bin/python3" ]; then c python3 -c 'print("python3=", 6 * 7, sep="")'; fi
        if [ -x "$root/usr/bin/gcc" ]; then
            echo 'int main(void){return 42;}' > "$root/tmp/t.c"
            c gcc -o /tmp/t /tmp/t.c && c /tmp/t
            echo "gcc=$?"
        fi
        echo "machine=$(c uname -m)"
    } > "$log.checks" 2>&1
    umount "$root/proc"
    exit 0
fi

# ---- outside ----
if [ $# -ne 1 ] || [ ! -x "$1" ]; then
    echo "usage: $0 PATH-TO-STATIC-guise-aarch64" >&2
    exit 1
fi
GUISE=$(realpath "$1")
if LC_ALL=C readelf -lW "$GUISE" 2> /dev/null | grep -q INTERP; then
    skip all "$GUISE is dynamically linked: build with ./configure --static"
    summary
fi
for t in debootstrap dpkg-deb apt-get unshare; do
    if ! command -v "$t" > /dev/null; then
        skip all "no $t here (Debian package ${t/dpkg-deb/dpkg})"
        summary
    fi
done
CACHE=${GUISE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/guise}/chroot
mkdir -p "$CACHE" || exit 1
TMP=$(mktemp -d) || exit 1
trap 'rm -rf "$TMP"' EXIT
MIRROR=$(sed -n 's/^URIs: *\([^ ]*debian\)\/*$/\1/p' /etc/apt/sources.list.d/debian.sources \
         2> /dev/null | head -n 1)
MIRROR=${MIRROR:-http://deb.debian.org/debian}

. "$HERE/../lib/userns.sh"
if ! userns_full true 2> "$TMP/err"; then
    skip all "no user namespace with a full id map: needs root or unshare --map-auto ($(cat "$TMP/err"))"
    summary
fi

# 1. the first stage, once.
first=$CACHE/arm64-bookworm-minbase
if [ ! -f "$first/.complete" ]; then
    rm -rf "$first"
    if ! userns_full env container=lxc debootstrap --foreign --arch=arm64 --variant=minbase bookworm "$first" "$MIRROR" \
            > "$CACHE/first-stage.log" 2>&1; then
        skip all "debootstrap --foreign failed (no network?): see $CACHE/first-stage.log"
        summary
    fi
    touch "$first/.complete"
fi

# 2. guise.
cp -a "$first" "$TMP/guise"
userns_full bash "$0" --inner "$TMP/guise" "$GUISE" guise "$TMP/guise.log"
status=$?
guise_time=$(sed -n 's/.*seconds=//p' "$TMP/guise.log")
if [ "$status" = 0 ]; then
    pass second-stage
    checks=$(cat "$TMP/guise.log.checks")
    for want in apt-check=ok policy= bash=5 perl=42 machine=aarch64; do
        if grep -q "^$want" <<< "$checks"; then pass "in-chroot/${want%%=*}"; else
            fail "in-chroot/${want%%=*}" "$checks"; fi
    done
    n=$(sed -n 's/^dpkg=//p' <<< "$checks")
    if [ "${n:-0}" -ge 50 ]; then pass in-chroot/dpkg; else fail in-chroot/dpkg "$checks"; fi
    for opt in python3=42 gcc=42; do
        if grep -q "^${opt%%=*}=" <<< "$checks"; then
            if grep -q "^$opt" <<< "$checks"; then pass "in-chroot/${opt%%=*}"; else
                fail "in-chroot/${opt%%=*}" "$checks"; fi
        fi
    done
else
    fail second-stage "status $status; the end of the log:" "$(tail -n 15 "$TMP/guise.log")" \
        "debootstrap.log: $(tail -n 15 "$TMP/guise/debootstrap/debootstrap.log" 2> /dev/null)"
fi
rm -rf "$TMP/guise"

# 3. qemu-aarch64-static, for the time.
qdeb=$(find "$CACHE" -maxdepth 1 -name 'qemu-user-static_*.deb' | sort | tail -n 1)
if [ -z "$qdeb" ]; then
    (cd "$CACHE" && timeout 300 apt-get -q download qemu-user-static > "$CACHE/qemu.log" 2>&1)
    qdeb=$(find "$CACHE" -maxdepth 1 -name 'qemu-user-static_*.deb' | sort | tail -n 1)
fi
if [ -n "$qdeb" ] && dpkg-deb -x "$qdeb" "$TMP/qemu" 2> /dev/null &&
   [ -x "$TMP/qemu/usr/bin/qemu-aarch64-static" ]; then
    cp -a "$first" "$TMP/q"
    userns_full bash "$0" --inner "$TMP/q" "$TMP/qemu/usr/bin/qemu-aarch64-static" qemu "$TMP/q.log"
    qemu_time=$(sed -n 's/.*seconds=//p' "$TMP/q.log")
    grep -q '^status=0 ' "$TMP/q.log" || qemu_time="$qemu_time (it failed: $(tail -n 1 "$TMP/q.log"))"
    rm -rf "$TMP/q"
else
    qemu_time="(qemu-user-static not available)"
fi
echo "debootstrap --second-stage: guise ${guise_time:-?} s, qemu-aarch64-static ${qemu_time:-?} s"
summary
