#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The differential check: random instruction streams run under guise (JIT,
# cold-code interpreter and IR interpreter) and under the reference (Debian's qemu-aarch64,
# -cpu max both), compared register by register after every block.
#
# For each program (seed = base seed + program number) diff-gen writes an
# assembly program from the frontend's decode tables, the cross compiler
# builds it, and each run's stdout (one state record per block, then the
# scratch memory) and exit status are compared by diff-cmp.  Each
# (program, guise mode) is one test.  On a divergence the block is
# replayed one instruction per block from the reference's state before it,
# which names the exact instruction, its inputs and both results.
#
# Usage (from the build directory):
#   tests/diff/run.sh ./guise-aarch64 [--quick | --long] [--seed N]
#       [--programs N] [--blocks N] [--per-block N]
# --quick (the default, run by make check): a fixed-seed sample of 32,768
# instructions per mode, a few seconds;
# --long (make check-diff-long): 1,024,000 instructions, also in the
# one-instruction-per-block and optimiser-off modes.
# Environment: GUISE_REF (reference emulator, "none" to skip), CROSS_CC,
# V=1 (keep the work files of passing programs too).
# Prints "N passed, N failed, N skipped"; a missing cross compiler,
# reference or generator is a SKIP.

set -u
GUISE=${1:?usage: run.sh path/to/guise-aarch64 [options]}
shift
case $GUISE in /*) ;; *) GUISE=$PWD/$GUISE ;; esac
SRCDIR=$(cd "$(dirname "$0")/../.." && pwd)
BUILDDIR=$PWD
GEN=$BUILDDIR/tests/diff/diff-gen
CMP=$BUILDDIR/tests/diff/diff-cmp
REF=${GUISE_REF:-qemu-aarch64}
CROSS_CC=${CROSS_CC:-aarch64-linux-gnu-gcc}
EXCLUDES=$SRCDIR/tests/diff/known-ref-bugs.txt

seed=20261126 programs=16 blocks=256 per_block=8
# jit: every block translated; cold: every block the cold-code
# interpreter takes run there (each runs once); interp: the IR interpreter
MODES=("jit:-warm 0" "cold:-warm 254" "interp:-jit off")
while [ $# -gt 0 ]; do
    case $1 in
    --quick) programs=16 blocks=256 per_block=8 ;;
    --long) programs=250 blocks=512 per_block=8
            MODES+=("single:-one-insn-per-tb" "noopt:-opt off") ;;
    --seed) seed=$2; shift ;;
    --programs) programs=$2; shift ;;
    --blocks) blocks=$2; shift ;;
    --per-block) per_block=$2; shift ;;
    *) echo "run.sh: unknown option $1" >&2; exit 1 ;;
    esac
    shift
done

passed=0 failed=0 skipped=0

skip_all() {
    echo "SKIP: diff/* ($1)"
    echo "0 passed, 0 failed, $((programs * ${#MODES[@]})) skipped"
    exit 0
}

[ -x "$GEN" ] && [ -x "$CMP" ] || skip_all "diff-gen/diff-cmp not built (make check builds them)"
[ "$REF" != none ] && command -v "$REF" > /dev/null || skip_all "no reference emulator $REF"
command -v "$CROSS_CC" > /dev/null || skip_all "no cross compiler $CROSS_CC"
[ -x "$GUISE" ] || skip_all "no guise binary $GUISE"

WORK=$BUILDDIR/tests/diff/work
mkdir -p "$WORK"

# run PROGRAM OUTPUT [guise options...]: runs under guise, or under the
# reference when the first option is @ref; prints the exit status.
run_one() {
    local prog=$1 out=$2
    shift 2
    if [ "${1:-}" = @ref ]; then
        timeout -k 5 120 "$REF" -cpu max "$prog" > "$out" 2> "$out.err"
    else
        timeout -k 5 120 "$GUISE" -cpu max "$@" "$prog" > "$out" 2> "$out.err"
    fi
    echo $?
}

# replay P BLOCK OUT MODE-OPTS...: one instruction per block from the
# reference's state before BLOCK, to name the diverging instruction.
replay() {
    local p=$1 b=$2 r=$WORK/$1.replay
    shift 2
    if [ "$b" = 0 ]; then
        cp "$WORK/$p.lst.init" "$r.state"
    else
        dd if="$WORK/$p.ref" of="$r.state" bs=800 skip=$((b - 1)) count=1 2> /dev/null
    fi
    "$GEN" -s "$((seed + p))" -r "$WORK/$p.lst" "$b" "$r.state" -o "$r.S" -l "$r.lst" \
        && "$CROSS_CC" -static -nostdlib -o "$r" "$r.S" || return
    local rs gs
    rs=$(run_one "$r" "$r.ref" @ref)
    gs=$(run_one "$r" "$r.out" "$@")
    echo "  replayed one instruction per block (reference exit $rs, guise exit $gs):"
    "$CMP" "$r.lst" "$r.lst.init" "$r.ref" "$r.out" | sed 's/^/  /'
}

for ((p = 0; p < programs; p++)); do
    base=$WORK/$p
    if ! "$GEN" -s "$((seed + p))" -b "$blocks" -n "$per_block" -x "$EXCLUDES" \
            -o "$base.S" -l "$base.lst" > "$base.gen.log" 2>&1 ||
       ! "$CROSS_CC" -static -nostdlib -o "$base" "$base.S" >> "$base.gen.log" 2>&1; then
        for m in "${MODES[@]}"; do
            echo "FAIL: diff/$p/${m%%:*} (generating or building the program)"
            sed 's/^/    | /' "$base.gen.log" | head -n 20
            failed=$((failed + 1))
        done
        continue
    fi
    ref_status=$(run_one "$base" "$base.ref" @ref)
    prog_ok=1
    for m in "${MODES[@]}"; do
        name=${m%%:*}
        read -r -a opts <<< "${m#*:}"
        st=$(run_one "$base" "$base.$name" "${opts[@]}")
        if "$CMP" "$base.lst" "$base.lst.init" "$base.ref" "$base.$name" > "$base.$name.cmp" \
           && [ "$st" = "$ref_status" ]; then
            passed=$((passed + 1))
            continue
        fi
        prog_ok=0
        failed=$((failed + 1))
        echo "FAIL: diff/$p/$name (seed $((seed + p)); reference exit $ref_status, guise exit $st)"
        sed 's/^/    /' "$base.$name.cmp"
        [ -s "$base.$name.err" ] && tail -n 3 "$base.$name.err" | sed 's/^/    guise stderr: /'
        b=$(sed -n 's/^diverged at block \([0-9]*\)$/\1/p' "$base.$name.cmp")
        if [ -n "$b" ] && [ "$b" -lt "$blocks" ]; then
            replay "$p" "$b" "${opts[@]}" | sed 's/^/  /'
        fi
        echo "    reproduce: (cd $BUILDDIR && $GUISE -cpu max ${opts[*]} $base > out;" \
             "$REF -cpu max $base > ref; $CMP $base.lst $base.lst.init ref out)"
    done
    if [ $prog_ok = 1 ] && [ "${V:-0}" != 1 ]; then
        rm -f "$base" "$base".*
    fi
done

echo "diff: $((programs * blocks * per_block)) instructions per mode in $programs programs"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
