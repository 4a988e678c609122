#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# `make bench-system`: Debian's arm64 kernel with a busybox initramfs
# booted on the virt board by guise-system-aarch64 and by
# qemu-system-aarch64 with the same options (-M virt,gic-version=3, -cpu,
# -m, -smp, kernel, initramfs, command line), -smp 1 and -smp 2, a few
# runs each; prints the medians of
#   boot to init       start to the line the init script prints first on
#                      the serial console (a reader timestamps each line)
#   boot to power-off  start to the emulator's exit (init runs
#                      `poweroff -f` at once; the exit status must be 0)
#   peak RSS           the emulator's VmHWM, read from /proc/PID/status
#                      while it runs (the same way for both emulators; no
#                      GNU time needed), in MiB
# with the ratio qemu/guise (above 1: guise is faster or smaller).  The
# kernel and busybox come from tests/lib/debian-kernel.sh's cache (the one
# tests/system/boot-linux.sh fills).  Informative only: never part of
# make check, never a pass/fail test.
#
# Usage: bench/system.sh [--if-cached] GUISE_BINARY
#   GUISE_BINARY is guise-aarch64 or guise-system-aarch64 of the build
#   (guise-system-aarch64 is taken from its folder); --if-cached: do
#   nothing (one line) unless the kernel is cached already (make bench).
# Environment:
#   BENCH_REPS      runs per configuration, median taken (default 3)
#   BENCH_SYS_CPU   the -cpu of both (default cortex-a72: -cpu max would
#                   time qemu's QARMA pointer authentication)
#   BENCH_SYS_MEM   -m (default 512M)
#   BENCH_SYS_SMP   the -smp values (default "1 2")
#   GUISE_SYSTEM_REF  the reference (default qemu-system-aarch64; "none")
#   GUISE_CACHE     the cache folder (default ~/.cache/guise)

set -u
export LC_ALL=C

IF_CACHED=
[ "${1-}" = --if-cached ] && { IF_CACHED=1; shift; }
[ $# = 1 ] || { echo "usage: $0 [--if-cached] GUISE_BINARY" >&2; exit 1; }

HERE=$(cd "$(dirname "$0")" && pwd) || exit 1
. "$HERE/../tests/lib/debian-kernel.sh"

SYS=$(cd "$(dirname "$1")" 2> /dev/null && pwd)/guise-system-aarch64
if [ ! -x "$SYS" ]; then
    [ -n "$IF_CACHED" ] && { echo "full system: skipped (no guise-system-aarch64 beside $1)"; exit 0; }
    echo "$0: no guise-system-aarch64 beside $1: build guise first (make)" >&2
    exit 1
fi
if [ "${GUISE_SYSTEM_REF-}" = none ]; then
    REF=
else
    REF=$(command -v "${GUISE_SYSTEM_REF:-qemu-system-aarch64}" 2> /dev/null || true)
fi
REPS=${BENCH_REPS:-3}
CPU=${BENCH_SYS_CPU:-cortex-a72}
MEM=${BENCH_SYS_MEM:-512M}
SMPS=${BENCH_SYS_SMP:-1 2}
CACHE=${GUISE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/guise}/kernel
MARKER=guise-bench-init-reached
TIMEOUT=300

if [ -n "$IF_CACHED" ] && ! debian_kernel_cached "$CACHE"; then
    echo "full system: skipped (no Debian arm64 kernel in $CACHE: tests/system/boot-linux.sh or make bench-system fetches it)"
    exit 0
fi

T=$(mktemp -d) || exit 1
trap 'rm -rf "$T"' EXIT
trap 'exit 130' INT TERM
if ! debian_kernel_get "$CACHE" "$T"; then
    echo "full system: skipped ($DK_WHY)"
    exit 0
fi

# The initramfs: busybox and an init that reports and powers off.
mkdir -p "$T/root/bin"
cp "$DK_BUSYBOX" "$T/root/bin/"
cat > "$T/root/init" <<EOF
#!/bin/busybox sh
/bin/busybox echo $MARKER
/bin/busybox poweroff -f
EOF
chmod +x "$T/root/init"
debian_initramfs "$T/root" "$T/initrd.gz" || { echo "$0: cannot build the initramfs (cpio, gzip)" >&2; exit 1; }

# The time in nanoseconds into variable $1, without the fork of a command
# substitution (see run.sh).
stamp() {
    local stamp_us=${EPOCHREALTIME/[.,]/}
    printf -v "$1" '%s000' "$stamp_us"
}

# The peak RSS of PID in KiB into FILE, polled until PID is gone.
watch_rss() {
    local pid=$1 file=$2 hwm=0 key val
    while [ -e "/proc/$pid/status" ]; do
        while read -r key val _; do
            [ "$key" = VmHWM: ] && [ "$val" -gt "$hwm" ] && hwm=$val
        done 2> /dev/null < "/proc/$pid/status"
        echo "$hwm" > "$file"
        sleep 0.05
    done
}

# Timestamps (ns) the marker line of the serial output into FILE.
read_serial() {
    local file=$1 line ns
    while IFS= read -r line; do
        [[ $line == *"$MARKER"* ]] && [ ! -s "$file" ] && stamp ns && echo "$ns" > "$file"
        printf '%s\n' "$line" >> "$file.log"
    done
}

# boot EMULATOR SMP: one boot; prints "init_s off_s rss_mib", or "fail".
# The emulator is this shell's own child (no timeout(1) between), so
# its pid is the one whose VmHWM counts; a sleeper kills it after
# TIMEOUT seconds.
boot() {
    local emu=$1 smp=$2 t0 t1 pid st watcher killer
    rm -f "$T/mark" "$T/mark.log" "$T/rss"
    stamp t0
    "$emu" -M virt,gic-version=3 -cpu "$CPU" -smp "$smp" -m "$MEM" \
        -nographic -no-reboot -kernel "$DK_KERNEL" -initrd "$T/initrd.gz" \
        -append "console=ttyAMA0 panic=-1 quiet" < /dev/null 2> "$T/err" \
        > >(read_serial "$T/mark") &
    pid=$!
    watch_rss "$pid" "$T/rss" &
    watcher=$!
    (sleep "$TIMEOUT"; kill -9 "$pid") > /dev/null 2>&1 &
    killer=$!
    wait "$pid"
    st=$?
    stamp t1
    kill "$killer" 2> /dev/null
    wait "$watcher" "$killer" 2> /dev/null
    # The reader may still be draining the pipe: give it a moment.
    for _ in 1 2 3 4 5 6 7 8 9 10; do [ -s "$T/mark" ] && break; sleep 0.1; done
    if [ "$st" != 0 ] || [ ! -s "$T/mark" ]; then
        echo fail
        return
    fi
    awk -v t0="$t0" -v m="$(cat "$T/mark")" -v t1="$t1" -v r="$(cat "$T/rss" 2> /dev/null || echo 0)" \
        'BEGIN { printf "%.3f %.3f %.1f\n", (m - t0) / 1e9, (t1 - t0) / 1e9, r / 1024 }'
}

median() {
    sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "fail"; exit }
        if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# measure EMULATOR SMP NAME: REPS boots; medians into $T/NAME.{init,off,rss}.
measure() {
    local emu=$1 smp=$2 name=$3 i r
    : > "$T/$name.all"
    for ((i = 0; i < REPS; i++)); do
        r=$(boot "$emu" "$smp")
        if [ "$r" = fail ]; then
            notes+=("$name: run $((i + 1)) failed: $(cat "$T/err" "$T/mark.log" 2> /dev/null | tail -n 3 | tr -d '\r' | tr '\n' ' ' | cut -c1-240)")
            continue
        fi
        echo "$r" >> "$T/$name.all"
    done
    awk '{ print $1 }' "$T/$name.all" | median > "$T/$name.init"
    awk '{ print $2 }' "$T/$name.all" | median > "$T/$name.off"
    awk '{ print $3 }' "$T/$name.all" | median > "$T/$name.rss"
}

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN {
        if (a !~ /^[0-9.e+-]+$/ || b !~ /^[0-9.e+-]+$/ || b + 0 == 0) print "-"
        else printf "%.2fx\n", a / b }'
}

notes=()
echo "full system: Debian kernel $DK_VERSION, busybox initramfs; -M virt,gic-version=3 -cpu $CPU -m $MEM"
echo "guise: $SYS"
echo "qemu:  ${REF:-n/a (not installed)}"
echo "$REPS runs each, median; times from start, in seconds; peak RSS in MiB"
echo
printf '%-26s %10s %10s %11s\n' metric guise qemu qemu/guise
for smp in $SMPS; do
    measure "$SYS" "$smp" "guise-smp$smp"
    if [ -n "$REF" ]; then
        measure "$REF" "$smp" "qemu-smp$smp"
    else
        for m in init off rss; do echo n/a > "$T/qemu-smp$smp.$m"; done
    fi
    for m in init off rss; do
        case $m in
        init) label="boot to init, -smp $smp" ;;
        off) label="boot to power-off, -smp $smp" ;;
        rss) label="peak RSS, -smp $smp" ;;
        esac
        g=$(cat "$T/guise-smp$smp.$m") q=$(cat "$T/qemu-smp$smp.$m")
        printf '%-26s %10s %10s %11s\n' "$label" "$g" "$q" "$(ratio "$q" "$g")"
    done
done
if [ ${#notes[@]} -gt 0 ]; then
    echo
    echo "notes:"
    printf '  %s\n' "${notes[@]}"
fi
exit 0
