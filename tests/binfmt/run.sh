#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# binfmt_misc: tools/guise-binfmt and guise-aarch64 started by the kernel.
# Everything runs inside `unshare --user --map-root-user --mount` with a
# private binfmt_misc mount (Linux 6.7 and later give each user namespace
# its own), so the machine's own registrations are never read or touched.
#
# Outside the namespace this script checks what it needs (kernel, unshare,
# the aarch64 cross compiler), builds tests/binfmt/args.c static for aarch64
# and prepares two chroots; then it runs itself again inside the namespace
# (--inner), where the cases are:
#   guise-binfmt: refuses a missing binfmt_misc, registers (magic, mask,
#   flags), refuses a second registration and another emulator's entry
#   (shown), replaces them with --force, unregisters;
#   the kernel running a static aarch64 program by path (flags F, P, O, C and
#   none): argv[0] preserved under P, /proc/self/exe, uname -m, a #! script
#   whose interpreter is a foreign program, a nested exec;
#   a chroot holding only aarch64 programs, with a static guise registered
#   with F: the cross-compiled program, a #! script, and Debian's
#   busybox-static:arm64 running `sh -c 'echo hi; uname -m'` and reading
#   /proc/self/exe and /proc/cpuinfo (no /proc is mounted there), then
#   nested execs (`env`) and a #! shell script with a pipe, with and without
#   a /proc in the chroot (the namespace gets a PID namespace too for that).
# The chroot cases want a static guise (./configure --static, or
# GUISE_STATIC=path); a dynamically linked one runs them with its host
# libraries copied into the chroots.  What is missing is a SKIP with the
# reason: an old kernel, no user namespaces, no cross compiler, busybox not
# downloadable.  busybox-static:arm64 is fetched once with apt
# (private lists, no change to the machine's apt) into
# ${GUISE_CACHE:-~/.cache/guise}/binfmt; a failed download is retried a day
# later (or after removing fetch-failed there).
#
# Usage: tests/binfmt/run.sh PATH-TO-guise-aarch64
# Prints PASS/FAIL/SKIP lines, then "N passed, N failed, N skipped".

# shellcheck disable=SC2016  # bash -c scripts take their words as $0, $1
set -u
export LC_ALL=C

HERE=$(cd "$(dirname "$0")" && pwd)
BINFMT=$HERE/../../tools/guise-binfmt

# ---- reporting ----

REPORT_PREFIX=binfmt/
. "$(dirname "$0")/../lib/report.sh"

# Does host ELF $1 have a PT_INTERP (dynamically linked)?
has_interp() {
    LC_ALL=C readelf -lW "$1" 2>/dev/null | grep -q 'INTERP'
}

# ---- inside the namespace ----

# check NAME WANT-STATUS WANT-STDOUT COMMAND...: runs COMMAND (20 s at most).
check() {
    local name=$1 want_status=$2 want=$3 status out
    shift 3
    out=$(timeout -k 5 20 "$@" 2> "$TMP/err" 3>&-)
    status=$?
    if [ "$status" = "$want_status" ] && [ "$out" = "$want" ]; then
        pass "$name"
    else
        fail "$name" "command: $*" "status $status (want $want_status)" \
            "--- want:" "$want" "--- got:" "$out" "--- stderr:" "$(head -n 5 "$TMP/err")"
    fi
}

# expect_args ARGV0 ARGS...: the output of args.c run as $TMP/args.
expect_args() {
    local exe=$1 i=0 arg
    shift
    echo "argc=$#"
    for arg in "$@"; do
        echo "argv[$i]=$arg"
        i=$((i + 1))
    done
    echo "exe=$exe"
    echo "machine=aarch64"
}

# bf ARGS...: guise-binfmt on the private mount, quiet unless it fails.
bf() {
    "$BINFMT" --binfmt-dir "$BM" "$@" > "$TMP/bf.out" 2> "$TMP/bf.err"
}

cases_tool() {
    local out
    "$BINFMT" --register --binfmt-dir "$TMP/none" --path "$GUISE" 2> "$TMP/err"
    if [ $? = 1 ] && [ "$(wc -l < "$TMP/err")" = 1 ] && grep -q 'not mounted' "$TMP/err"; then
        pass tool/not-mounted
    else
        fail tool/not-mounted "want status 1 and one line saying not mounted:" "$(cat "$TMP/err")"
    fi

    if bf --register --flags FP --path "$GUISE" && [ -f "$BM/guise-aarch64" ] &&
       grep -qx 'flags: PF' "$BM/guise-aarch64" &&
       grep -qx 'magic 7f454c460201010000000000000000000200b700' "$BM/guise-aarch64" &&
       grep -qx 'mask ffffffffffffff00fffffffffffffffffeffffff' "$BM/guise-aarch64" &&
       grep -qx "interpreter $GUISE" "$BM/guise-aarch64"; then
        pass tool/register
    else
        fail tool/register "$(cat "$TMP/bf.err" "$BM/guise-aarch64" 2>&1)"
    fi

    if ! bf --register --path "$GUISE" && grep -q 'already handled' "$TMP/bf.err" &&
       grep -q "interpreter $GUISE" "$TMP/bf.err"; then
        pass tool/refuse-twice
    else
        fail tool/refuse-twice "want a refusal that shows the entry:" "$(cat "$TMP/bf.err")"
    fi

    # Another emulator's entry for the same binaries (qemu-user-binfmt's).
    bf --unregister
    printf '%s' ':qemu-aarch64:M::\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\xb7\x00:\xff\xff\xff\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff:/usr/bin/qemu-aarch64-static:' \
        > "$BM/register"
    if ! bf --register --path "$GUISE" && grep -q 'qemu-aarch64' "$TMP/bf.err" &&
       grep -q 'interpreter /usr/bin/qemu-aarch64-static' "$TMP/bf.err" &&
       [ -f "$BM/qemu-aarch64" ] && [ ! -e "$BM/guise-aarch64" ]; then
        pass tool/refuse-qemu
    else
        fail tool/refuse-qemu "want a refusal that shows qemu-aarch64:" "$(cat "$TMP/bf.err")"
    fi
    out=$("$BINFMT" --show --binfmt-dir "$BM" 2>&1)
    if grep -q '^qemu-aarch64:' <<< "$out"; then
        pass tool/show
    else
        fail tool/show "$out"
    fi
    if bf --register --force --flags FP --path "$GUISE" && [ ! -e "$BM/qemu-aarch64" ] &&
       [ -f "$BM/guise-aarch64" ] && grep -q 'replacing qemu-aarch64' "$TMP/bf.err"; then
        pass tool/force
    else
        fail tool/force "$(cat "$TMP/bf.err")"
    fi

    if ! bf --register --arch x86_64 --path "$GUISE" && ! bf --register --arch arm --path "$GUISE" &&
       ! bf --register --flags FX --path "$GUISE"; then
        pass tool/bad-args
    else
        fail tool/bad-args "x86_64, arm (not run by guise yet) and flag X must be refused"
    fi
}

cases_run() {
    local a=$TMP/args
    check run/direct 0 "$(expect_args "$a" "$a" one 'two words')" "$a" one 'two words'
    check run/argv0-P 0 "$(expect_args "$a" myname x)" bash -c 'exec -a myname "$0" x' "$a"
    check run/relative 0 "$(expect_args "$a" ./args)" bash -c 'cd "$1" && exec ./args' _ "$TMP"
    check run/script 0 "$(expect_args "$a" "$a" -o "$TMP/script" y)" "$TMP/script" y
    check run/host-native 0 ok /bin/echo ok

    # A foreign program execs a foreign program; the kernel starts guise again.
    timeout -k 5 20 "$a" exec "$a" inner z > "$TMP/out" 2>&1 3>&-
    if grep -q 'execv: Function not implemented' "$TMP/out"; then
        skip run/nested-exec "guest execve is not implemented yet (ENOSYS)"
    else
        check run/nested-exec 0 "$(expect_args "$a" "$a" exec "$a" inner z; expect_args "$a" inner z)" \
            "$a" exec "$a" inner z
    fi

    # The other flags.  With O (and C) the kernel opens the program for guise.
    bf --register --force --flags FPO --path "$GUISE"
    check run/flag-O 0 "$(expect_args "$a" myname x)" bash -c 'exec -a myname "$0" x' "$a"
    bf --register --force --flags FPC --path "$GUISE"
    check run/flag-C 0 "$(expect_args "$a" myname x)" bash -c 'exec -a myname "$0" x' "$a"
    bf --register --force --flags F --path "$GUISE"
    check run/no-P 0 "$(expect_args "$a" "$a" x)" bash -c 'exec -a myname "$0" x' "$a"

    if bf --unregister && [ ! -e "$BM/guise-aarch64" ]; then
        pass tool/unregister
    else
        fail tool/unregister "$(cat "$TMP/bf.err")"
    fi
    check run/unregistered 126 "" bash -c '"$0"' "$a"
}

# Foreign programs starting foreign programs in the busybox chroot: without
# a /proc there, then with one (a PID namespace of our own allows it).
cases_chroot_exec() {
    local bb=$TMP/bb want
    want=$(printf 'AARCH64\nhi /s x\naarch64')
    timeout -k 5 20 chroot "$bb" /bin/busybox env /bin/busybox echo nested > "$TMP/out" 2>&1
    if grep -q 'Function not implemented' "$TMP/out"; then
        skip chroot/exec "guest execve is not implemented yet (ENOSYS)"
        return
    elif grep -q "can't execute '/bin/busybox': No such file or directory" "$TMP/out"; then
        skip chroot/nested-noproc "known bug: a guest execve re-executes guise as /proc/self/exe, which a chroot without /proc lacks"
    else
        check chroot/nested-noproc 0 nested chroot "$bb" /bin/busybox env /bin/busybox echo nested
    fi
    if [ "$HAVE_PIDNS" != yes ] || ! mount -t proc proc "$bb/proc" 2> "$TMP/err"; then
        skip chroot/proc "no /proc can be mounted in the chroot: $(cat "$TMP/err" 2> /dev/null)"
        return
    fi
    check chroot/nested 0 nested chroot "$bb" /bin/busybox env /bin/busybox echo nested
    check chroot/shell 0 "$want" chroot "$bb" /s x
    umount "$bb/proc"
}

cases_chroot() {
    local root=$TMP/root out
    if [ -z "$STATIC" ]; then
        skip chroot "$STATIC_WHY"
        return
    fi
    bf --register --force --flags FP --path "$STATIC"
    check chroot/program 0 "$(expect_args /bin/args /bin/args q)" chroot "$root" /bin/args q
    check chroot/script 0 "$(expect_args /bin/args /bin/args -o /bin/script)" chroot "$root" /bin/script
    if [ -z "$BUSYBOX" ]; then
        skip chroot/busybox "$BUSYBOX_WHY"
    else
        check chroot/busybox 0 "$(printf 'hi\naarch64')" \
            chroot "$TMP/bb" /bin/sh -c 'echo hi; uname -m'
        # No /proc is mounted in the chroot: guise answers for these.
        check chroot/busybox-exe 0 /bin/busybox \
            chroot "$TMP/bb" /bin/busybox readlink /proc/self/exe
        check chroot/busybox-cpuinfo 0 "CPU architecture: 8" \
            chroot "$TMP/bb" /bin/busybox grep -m 1 '^CPU architecture' /proc/cpuinfo
        cases_chroot_exec

    fi
    bf --unregister
}

# Setuid programs: under flag C the kernel gives the interpreter the
# binary's credentials (and the guest sees AT_SECURE); without C it does
# not.  The namespace needs a second uid mapped for that (real root only).
cases_setuid() {
    local d u=1000
    if [ "$HAVE_UIDS" != yes ]; then
        skip setuid "needs real root to map uids other than 0 into the namespace"
        return
    fi
    d=$(mktemp -d /tmp/guise-suid.XXXXXX) && chmod 755 "$d" &&
        cp "$TMP/args" "$d/args" && cp "$TMP/args" "$d/args-suid" &&
        chown 0:0 "$d/args-suid" && chmod 4755 "$d/args-suid" || {
        fail setuid "cannot prepare the setuid copy in $d"
        return
    }
    if findmnt -n -o OPTIONS -T "$d" | grep -qw nosuid; then
        skip setuid "$d is on a nosuid mount"
    else
        local as=(setpriv "--reuid=$u" "--regid=$u" --clear-groups)
        bf --register --flags FC --path "$GUISE"
        check setuid/C-setuid 0 "ruid=$u euid=0 secure=1" "${as[@]}" "$d/args-suid" ids
        check setuid/C-plain 0 "ruid=$u euid=$u secure=0" "${as[@]}" "$d/args" ids
        bf --unregister
        bf --register --flags F --path "$GUISE"
        check setuid/no-C 0 "ruid=$u euid=$u secure=0" "${as[@]}" "$d/args-suid" ids
        bf --unregister
    fi
    rm -rf "$d"
}

inner() {
    BM=$TMP/bm
    mkdir -p "$BM" "$TMP/none"
    if ! mount -t binfmt_misc binfmt_misc "$BM" 2> "$TMP/err"; then
        skip all "binfmt_misc cannot be mounted in a user namespace: $(cat "$TMP/err")"
        summary
    fi
    cases_tool
    cases_run
    cases_chroot
    cases_setuid
    umount "$BM"
    summary
}

if [ "${2:-}" = --inner ]; then
    GUISE=$1 TMP=$3
    inner
fi

# ---- outside: what is needed, the programs, the chroots ----

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
    echo "usage: $0 PATH-TO-guise-aarch64" >&2
    exit 1
fi
GUISE=$(realpath "$1")
TMP=$(mktemp -d) || exit 1
trap 'rm -rf "$TMP"' EXIT
ulimit -c 0

kver=$(uname -r)
kmaj=${kver%%.*} kmin=${kver#*.}
kmin=${kmin%%[!0-9]*}
if [ "$kmaj" -lt 6 ] || { [ "$kmaj" = 6 ] && [ "$kmin" -lt 7 ]; }; then
    skip all "Linux $kver: binfmt_misc in user namespaces needs 6.7 or later"
    summary
fi
if ! command -v unshare > /dev/null ||
   ! unshare --user --map-root-user --mount true 2> "$TMP/err"; then
    skip all "no user namespaces here (unshare --user --map-root-user --mount: $(cat "$TMP/err"))"
    summary
fi
CROSS_CC=${CROSS_CC:-aarch64-linux-gnu-gcc}
if ! command -v "$CROSS_CC" > /dev/null; then
    skip all "no $CROSS_CC (Debian package gcc-aarch64-linux-gnu)"
    summary
fi
if ! "$CROSS_CC" -static -O2 -o "$TMP/args" "$HERE/args.c" 2> "$TMP/err"; then
    fail build "$CROSS_CC could not build args.c:" "$(head -n 5 "$TMP/err")"
    summary
fi
printf '#!%s -o\n' "$TMP/args" > "$TMP/script"
chmod +x "$TMP/script"

# The chroots want a guise that needs nothing from the host's filesystem:
# a static one (./configure --static, or GUISE_STATIC names one).  A
# dynamically linked guise gets its host libraries copied into the chroots
# instead: a weaker test of the same path, so that a default build runs it.
STATIC=${GUISE_STATIC:-$GUISE} STATIC_WHY='' HOSTLIBS=''
if [ ! -x "$STATIC" ]; then
    STATIC_WHY="GUISE_STATIC=$STATIC is not an executable"
    STATIC=
elif has_interp "$STATIC" && ! HOSTLIBS=$(ldd "$STATIC" 2> /dev/null | grep -o '/[^ ]*'); then
    STATIC_WHY="$STATIC is dynamically linked and ldd cannot list its libraries: build with ./configure --static or set GUISE_STATIC"
    STATIC=
else
    STATIC=$(realpath "$STATIC")
    mkdir -p "$TMP/root/bin"
    cp "$TMP/args" "$TMP/root/bin/args"
    printf '#!/bin/args -o\n' > "$TMP/root/bin/script"
    chmod +x "$TMP/root/bin/script"
fi

# busybox-static:arm64, downloaded once with a private apt state.
. "$HERE/../lib/private-apt.sh"
BUSYBOX='' BUSYBOX_WHY=''
if [ -n "$STATIC" ]; then
    cache=${GUISE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/guise}/binfmt
    mkdir -p "$cache" 2> /dev/null
    newest_deb() {
        find "$cache" -maxdepth 1 -name 'busybox-static_*_arm64.deb' | sort | tail -n 1
    }
    deb=$(newest_deb)
    # A failed download (no network) is not retried for a day: make check
    # must not wait on apt's timeouts every time.
    if [ -z "$deb" ] && private_apt_retry_ok "$cache" &&
        private_apt_fetch "$cache" deb arm64 download busybox-static; then
        deb=$(newest_deb)
    fi
    if [ -z "$deb" ]; then
        BUSYBOX_WHY="busybox-static:arm64 could not be downloaded into $cache (see $cache/apt/log; remove $cache/fetch-failed to retry)"
    elif ! command -v dpkg-deb > /dev/null || ! dpkg-deb -x "$deb" "$TMP/bb"; then
        BUSYBOX_WHY="dpkg-deb cannot unpack $deb"
    else
        BUSYBOX=$deb
        ln -sf busybox "$TMP/bb/bin/sh"
        ln -sf busybox "$TMP/bb/bin/uname"
        mkdir -p "$TMP/bb/proc"
        # A script run by a foreign shell: pipes, forks and execs.
        printf '#!/bin/sh\n/bin/uname -m | /bin/busybox tr a-z A-Z\necho hi "$0" "$1"\nuname -m\n' \
            > "$TMP/bb/s"
        chmod +x "$TMP/bb/s"
    fi
fi

for lib in $HOSTLIBS; do
    for r in "$TMP/root" "$TMP/bb"; do
        [ -d "$r" ] && cp --parents -L "$lib" "$r/"
    done
done
if [ -n "$HOSTLIBS" ]; then
    echo "note: $STATIC is dynamically linked: its libraries are copied into the chroots" \
         "(./configure --static or GUISE_STATIC=path tests the real case)"
fi

# With a PID namespace too when possible, so that a /proc can be mounted,
# and uids other than 0 mapped (the setuid cases) when that is possible.
export STATIC STATIC_WHY BUSYBOX BUSYBOX_WHY BINFMT
. "$HERE/../lib/userns.sh"
export HAVE_PIDNS=yes HAVE_UIDS=yes
if userns_full true 2> /dev/null; then
    userns_full bash "$0" "$GUISE" --inner "$TMP"
elif HAVE_UIDS=no; unshare --user --map-root-user --mount --pid --fork true 2> /dev/null; then
    unshare --user --map-root-user --mount --pid --fork bash "$0" "$GUISE" --inner "$TMP"
else
    HAVE_PIDNS=no
    unshare --user --map-root-user --mount bash "$0" "$GUISE" --inner "$TMP"
fi
