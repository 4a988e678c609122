#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Bare-metal programs on the aarch64 virt machine: each
# tests/baremetal/aarch64/t-NAME.c is linked with crt0.S and lib.c into an
# ELF (link.ld: at 0x40080000), booted with `-M virt -cpu max -nographic
# -no-reboot -kernel ELF` under guise-system-aarch64 and under Debian's
# qemu-system-aarch64 (the reference, which validates every expected
# output), and its UART output compared with t-NAME.expect (the same for
# both); it ends with
# PSCI SYSTEM_OFF, so the emulator must exit 0.  t-NAME.run lists
# configurations ("LABEL ARGS...", expected output t-NAME.LABEL.expect
# unless one t-NAME.expect serves all); t-NAME.cflags adds compiler flags.
# t-NAME.dlog checks guise's -d log: its first line is the -d categories
# guise then runs with (-D to a file), each further line a fixed string
# that a line of the log must contain, in this order, @SYM@ standing for
# the ELF symbol's address (0x%x); a "#" line is a comment.
#
# Covered: UART output and PSCI (hello), synchronous exceptions and ESR
# (exceptions), the stage-1 MMU with its faults, TLBI and AT (mmu), the
# virtual timer and SGIs through GICv2 and GICv3 with WFI (timer-gic),
# PSCI CPU_ON with exclusive and LSE atomics across CPUs (smp), random
# device register accesses survived (mmio-fuzz), the -d int,mmu log of an
# SVC from EL0, a faulting walk and a TLBI (dlog; timer-gic's IRQs),
# virtio-net on -netdev user: an ARP exchange with libslirp, a malformed
# chain refused, a reset (virtio-net).
#
# Usage: tests/baremetal/run.sh PATH-TO-guise-aarch64 [FILTER]
#   (guise-system-aarch64 is taken from the same folder)
# Prints PASS/FAIL/SKIP lines, then "N passed, N failed, N skipped".

set -u
export LC_ALL=C

HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$HERE/aarch64
GUISE_SYS=$(cd "$(dirname "$1")" && pwd)/guise-system-aarch64
FILTER=${2:-}
CROSS_CC=${CROSS_CC:-aarch64-linux-gnu-gcc}
REF=${GUISE_SYSTEM_REF:-qemu-system-aarch64}
CFLAGS="-O2 -ffreestanding -nostdlib -mgeneral-regs-only -fno-pic -fno-stack-protector -static
  -Wl,--build-id=none -Wl,--no-warn-rwx-segments -Wall -Wextra"

REPORT_PREFIX=baremetal/
. "$(dirname "$0")/../lib/report.sh"

TMP=$(mktemp -d) || exit 1
trap 'rm -rf "$TMP"' EXIT

tests=()
for c in "$SRC"/t-*.c; do
    name=$(basename "$c" .c)
    name=${name#t-}
    [ -n "$FILTER" ] && [[ $name != *$FILTER* ]] && continue
    tests+=("$name")
done

if ! command -v "$CROSS_CC" > /dev/null; then
    for t in "${tests[@]}"; do skip "$t" "no $CROSS_CC (gcc-aarch64-linux-gnu)"; done
    summary
fi

# Whether guise-system-aarch64 can run guest code: `-accel help` lists
# the accelerators it has, as QEMU's does; the software CPU is tcg.
GUISE_WHY=
if [ ! -x "$GUISE_SYS" ]; then
    GUISE_WHY="no $GUISE_SYS"
elif ! "$GUISE_SYS" -accel help 2> /dev/null | grep -qx tcg; then
    GUISE_WHY="guise-system-aarch64 has no software CPU (-accel help lists no tcg) yet"
fi
command -v "$REF" > /dev/null || REF=

# run LABEL EMULATOR ELF EXPECT ARGS...
run() {
    local label=$1 emu=$2 elf=$3 expect=$4 status
    shift 4
    timeout -k 5 60 "$emu" -M virt -cpu max -nographic -no-reboot "$@" -kernel "$elf" \
        > "$TMP/out" 2> "$TMP/err" < /dev/null
    status=$?
    if [ $status = 0 ] && cmp -s "$expect" "$TMP/out"; then
        pass "$label"
    else
        fail "$label" "command: $emu -M virt -cpu max -nographic -no-reboot $* -kernel $elf" \
            "status $status" "$(diff -u "$expect" "$TMP/out" | head -n 20)" \
            "stderr: $(head -n 3 "$TMP/err")"
    fi
}

# check_log LABEL SPEC ELF LOG: LOG holds SPEC's strings in order (see above).
check_log() {
    local label=$1 spec=$2 elf=$3 log=$4 from=1 want n sym addr
    local nm=${CROSS_CC%gcc}nm
    command -v "$nm" > /dev/null || { skip "$label" "no $nm"; return; }
    while IFS= read -r want; do
        while [[ $want =~ @([A-Za-z_][A-Za-z0-9_]*)@ ]]; do
            sym=${BASH_REMATCH[1]}
            addr=$("$nm" "$elf" 2> /dev/null | awk -v s="$sym" '$3 == s { print $1; exit }')
            [ -n "$addr" ] || { fail "$label" "no symbol $sym in the ELF ($nm)"; return; }
            want=${want//@$sym@/$(printf '0x%x' "0x$addr")}
        done
        n=$(tail -n +"$from" "$log" 2> /dev/null | grep -n -F -m 1 -e "$want" | cut -d: -f1)
        if [ -z "$n" ]; then
            fail "$label" "not in the -d log after its line $((from - 1)): $want" \
                "$(grep -E 'exception|Exception|fault|TLBI' "$log" 2> /dev/null | head -n 8)"
            return
        fi
        from=$((from + n))
    done < <(grep -v '^#' "$spec" | tail -n +2)
    pass "$label"
}

for t in "${tests[@]}"; do
    elf=$TMP/$t.elf
    flags=()
    [ -f "$SRC/t-$t.cflags" ] && read -r -a flags < "$SRC/t-$t.cflags"
    # shellcheck disable=SC2086  # CFLAGS is a list of words
    if ! "$CROSS_CC" $CFLAGS "${flags[@]}" -Wl,-T,"$SRC/link.ld" -o "$elf" \
            "$SRC/crt0.S" "$SRC/lib.c" "$SRC/t-$t.c" 2> "$TMP/cc.err"; then
        fail "$t/build" "$(head -n 5 "$TMP/cc.err")"
        continue
    fi
    if [ -f "$SRC/t-$t.run" ]; then
        mapfile -t configs < "$SRC/t-$t.run"
    else
        configs=("default")
    fi
    for cfg in "${configs[@]}"; do
        read -r label args <<< "$cfg"
        expect=$SRC/t-$t.$label.expect
        [ -f "$expect" ] || expect=$SRC/t-$t.expect
        # shellcheck disable=SC2086  # args are words of the .run line
        if [ -n "$REF" ]; then
            run "$t/$label/qemu" "$REF" "$elf" "$expect" $args
        else
            skip "$t/$label/qemu" "no qemu-system-aarch64 (qemu-system-arm)"
        fi
        if [ -n "$GUISE_WHY" ]; then
            skip "$t/$label/guise" "$GUISE_WHY"
            continue
        fi
        if [[ " $args " == *" -netdev user"* ]] &&
           "$GUISE_SYS" -netdev user,id=n0 -M virt,dumpdtb=/dev/null 2>&1 | grep -q "without libslirp"; then
            skip "$t/$label/guise" "guise-system-aarch64 was built without libslirp (--static)"
            continue
        fi
        logargs=()
        [ -f "$SRC/t-$t.dlog" ] &&
            logargs=(-d "$(grep -v '^#' "$SRC/t-$t.dlog" | head -n 1)" -D "$TMP/dlog")
        # shellcheck disable=SC2086
        run "$t/$label/guise" "$GUISE_SYS" "$elf" "$expect" "${logargs[@]}" $args
        [ -f "$SRC/t-$t.dlog" ] && check_log "$t/$label/guise-log" "$SRC/t-$t.dlog" "$elf" "$TMP/dlog"
        # The same on the IR interpreter (the software MMU's other path).
        # shellcheck disable=SC2086
        run "$t/$label/guise-interp" "$GUISE_SYS" "$elf" "$expect" -jit off $args
    done
done
summary
