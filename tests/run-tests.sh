#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The one test driver `make check` calls.  Builds the guest programs of
# tests/guest/aarch64/ with the cross compiler into the build tree (under
# the current directory, never the source tree), runs each one under guise
# in every execution mode of the matrix and under the reference emulator
# (qemu-aarch64) to validate the .expect files, then runs the unit test
# programs that make built (tests/unit/test-*) and the script suites
# (tests/bad-input, strace, diff, binfmt, block, world, system, baremetal)
# when they exist.
#
# One test is one (program, build, mode), named like
# "aarch64/gen-qsort/O2/interp"; each prints a PASS, FAIL, SKIP, XFAIL or
# XPASS line, a failure with a short diff and the command to reproduce it.
# Names listed in tests/known-failures.txt (bash patterns) are expected
# to fail: XFAIL is not a failure, XPASS says the line should be removed.
# The last line is the summary "N passed, N failed, N skipped" and the
# exit status is 0 iff nothing failed.  tests/README.md has the
# conventions for test files.
#
# Usage: tests/run-tests.sh GUISE_BINARY [FILTER]
#   FILTER      run only tests whose name contains it (shell patterns work)
# Environment:
#   GUISE_MODES  ";"-separated NAME=OPTIONS list of guise modes (default
#                below); e.g. GUISE_MODES="jit=" with qemu-aarch64 as the
#                binary to try the runner without guise.  "-tc @" in a
#                mode runs the program twice with a translation cache of
#                its own: the second run is checked and must use the cache.
#   GUISE_REF    the reference emulator ("none" to skip; default
#                qemu-aarch64 when installed)
#   CROSS_CC     the guest C compiler (default aarch64-linux-gnu-gcc)
#   JOBS         parallel runs (default 2: the machines have 2 cores)
#   TEST_TIMEOUT seconds per run (default 20; NAME.timeout overrides)
#   V=1          show the whole diff and stderr of a failure

set -u
export LC_ALL=C

readonly DEFAULT_MODES="jit=-warm 0;cold=;coldmax=-warm 254;interp=-jit off;single=-one-insn-per-tb;noopt=-opt off -warm 0;nochain=-chain off -warm 0;smallcache=-tb-size 256k -warm 0 -split-wx on;tcache=-tc @ -warm 0"

usage() {
    echo "usage: $0 GUISE_BINARY [FILTER]" >&2
    exit 1
}

[ $# -ge 1 ] && [ $# -le 2 ] || usage
case $1 in -h|--help) usage ;; esac

# ---- configuration ----
SRCDIR=$(cd "$(dirname "$0")/.." && pwd) || exit 1
BUILDDIR=$(pwd)
ARCH=aarch64
GUEST_SRC=$SRCDIR/tests/guest/$ARCH
GUEST_BUILD=$BUILDDIR/tests/guest/$ARCH/build
FILTER=${2:-}
JOBS=${JOBS:-2}
TEST_TIMEOUT=${TEST_TIMEOUT:-20}
CROSS_CC=${CROSS_CC:-aarch64-linux-gnu-gcc}
MODES=${GUISE_MODES-$DEFAULT_MODES}
V=${V:-0}

GUISE=$1
if [[ $GUISE != */* ]] && command -v "$GUISE" >/dev/null 2>&1; then
    GUISE=$(command -v "$GUISE")
fi
if [ ! -x "$GUISE" ] || [ -d "$GUISE" ]; then
    echo "$0: $1: no such executable; build guise first (make)" >&2
    exit 1
fi
GUISE=$(cd "$(dirname "$GUISE")" && pwd)/$(basename "$GUISE")

if [ "${GUISE_REF-}" = none ]; then
    REF=
else
    REF=$(command -v "${GUISE_REF:-qemu-$ARCH}" 2>/dev/null || true)
fi
HAVE_CC=0
command -v "$CROSS_CC" >/dev/null 2>&1 && HAVE_CC=1

mkdir -p "$GUEST_BUILD/out" || exit 1
WORK=$(mktemp -d "$GUEST_BUILD/run.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM
ulimit -c 0

# Patterns of tests expected to fail, without comments and blank lines.
KNOWN=$WORK/known
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' \
    "$SRCDIR/tests/known-failures.txt" > "$KNOWN" 2>/dev/null || : > "$KNOWN"

export SRCDIR BUILDDIR GUEST_SRC GUEST_BUILD WORK KNOWN TEST_TIMEOUT V
export CROSS_CC GUISE REF

selected() {
    [ -z "$FILTER" ] || [[ $1 == *$FILTER* ]]
}

# ---- helpers used inside the parallel jobs (exported) ----

is_known_failure() {
    local pat
    while IFS= read -r pat; do
        # shellcheck disable=SC2053  # the pattern is meant to glob
        [[ $1 == $pat ]] && return 0
    done < "$KNOWN"
    return 1
}

# Print a finished test's report atomically (jobs run in parallel).
report() {
    flock "$WORK/lock" tail -n +2 "$1"
}

# Write the result file: line 1 "KIND NAME PASSED FAILED SKIPPED", then
# the details shown under the status line.  KIND is decided here against
# the known failures.
finish() {
    local res=$1 kind=$2 name=$3 detail=$4 p=0 f=0 s=0
    if is_known_failure "$name"; then
        case $kind in
        PASS) kind=XPASS ;;
        FAIL) kind=XFAIL ;;
        esac
    fi
    case $kind in
    PASS|XPASS) p=1 ;;
    FAIL) f=1 ;;
    *) s=1 ;;
    esac
    {
        echo "$kind $name $p $f $s"
        echo "$kind: $name"
        if [ "$kind" = FAIL ] || { [ "$V" = 1 ] && [ "$kind" = XFAIL ]; }; then
            [ -n "$detail" ] && cat "$detail"
        fi
    } > "$res"
}

# Words of a .args file, shell quoting honoured.
read_args() {
    ARGS=()
    [ -f "$1" ] && eval "ARGS=($(cat "$1"))"
}

# job: guest NAME BINARY SRCBASE MODE-OPTS|@ref
# No -d tcache log, or one whose last report took blocks from the cache.
tc_used() {
    [ -e "$1" ] || return 0
    tail -n 1 "$1" | grep -q ' records, [1-9][0-9]* used, '
}

run_guest() {
    local id=$1 name=$2 bin=$3 base=$4 opts=$5
    local res=$WORK/$id.res det=$WORK/$id.det
    local out=$GUEST_BUILD/out/${name//\//.}
    local want=0 limit=$TEST_TIMEOUT stdin=/dev/null status cmd
    local -a runner
    [ -f "$base.status" ] && want=$(tr -d '[:space:]' < "$base.status")
    [ -f "$base.timeout" ] && limit=$(tr -d '[:space:]' < "$base.timeout")
    [ -f "$base.stdin" ] && stdin=$base.stdin
    read_args "$base.args"
    if [ "$opts" = @ref ]; then
        runner=("$REF")
    else
        # "-tc @": the persistent translation cache in a folder of this
        # test's own; a first run fills it, the checked run must take
        # blocks from it (-d tcache reports how many).
        if [[ " $opts " == *" -tc @ "* ]]; then
            rm -rf "$WORK/tc.$id" "$out.tc"
            opts=${opts/-tc @/-tc $WORK/tc.$id -d tcache -D $out.tc}
        fi
        # shellcheck disable=SC2206  # mode options are split on spaces
        runner=("$GUISE" $opts)
        if [[ " $opts " == *" -tc "* ]]; then
            { timeout -k 5 "$limit" "${runner[@]}" "$bin" "${ARGS[@]}" \
                  < "$stdin" > /dev/null 2>&1; } 2> /dev/null
            : > "$out.tc"
        fi
    fi
    # The braces keep bash's "Aborted" notice for a killed guest quiet.
    { timeout -k 5 "$limit" "${runner[@]}" "$bin" "${ARGS[@]}" \
          < "$stdin" > "$out.out" 2> "$out.err"; } 2> /dev/null
    status=$?
    cmd="${runner[*]} $bin"
    [ ${#ARGS[@]} -gt 0 ] && cmd+=" $(printf '%q ' "${ARGS[@]}")"
    [ "$stdin" != /dev/null ] && cmd+=" < $stdin"
    if [ "$status" = "$want" ] && cmp -s "$base.expect" "$out.out" && tc_used "$out.tc"; then
        finish "$res" PASS "$name" ""
        return
    fi
    {
        if ! tc_used "$out.tc"; then
            echo "    the second run took no block from the translation cache; its -d tcache log:"
            sed 's/^/    | /' "$out.tc" 2> /dev/null | tail -n 5
        fi
        if [ "$status" = 124 ] || [ "$status" = 137 ]; then
            echo "    timed out after ${limit}s (exit status $status)"
        elif [ "$status" != "$want" ]; then
            echo "    exit status $status, expected $want"
        fi
        if ! cmp -s "$base.expect" "$out.out"; then
            echo "    stdout differs from $(basename "$base").expect:"
            if [ "$V" = 1 ]; then
                diff -u "$base.expect" "$out.out" | sed 's/^/    /'
            else
                diff -u "$base.expect" "$out.out" | sed -n '3,22s/^/    /p'
            fi
        fi
        if [ -s "$out.err" ]; then
            echo "    stderr:"
            if [ "$V" = 1 ]; then
                sed 's/^/    | /' "$out.err"
            else
                tail -n 5 "$out.err" | cut -c1-200 | sed 's/^/    | /'
            fi
        fi
        echo "    reproduce: (cd $BUILDDIR && $cmd)"
    } > "$det"
    finish "$res" FAIL "$name" "$det"
}

# job: unit|suite NAME PATH.  A program or script that ends with a
# "N passed, N failed[, N skipped]" line is counted by that line.
run_counted() {
    local id=$1 kind=$2 name=$3 path=$4
    local res=$WORK/$id.res det=$WORK/$id.det log=$WORK/$id.log status line
    local p=0 f=0 s=0 counted=0
    if [ "$kind" = unit ]; then
        timeout -k 5 300 "$path" > "$log" 2>&1
    else
        timeout -k 5 600 bash "$path" "$GUISE" > "$log" 2>&1
    fi
    status=$?
    line=$(grep -E '^([A-Za-z]+: )?[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?[[:space:]]*$' \
           "$log" | tail -n 1)
    if [ -n "$line" ]; then
        counted=1
        p=$(sed -E 's/.*\b([0-9]+) passed.*/\1/' <<< "$line")
        f=$(sed -E 's/.*\b([0-9]+) failed.*/\1/' <<< "$line")
        [[ $line == *skipped* ]] && s=$(sed -E 's/.*\b([0-9]+) skipped.*/\1/' <<< "$line")
    fi
    {
        echo "    exit status $status; last lines of output:"
        tail -n "$([ "$V" = 1 ] && echo 200 || echo 15)" "$log" | sed 's/^/    | /'
        if [ "$kind" = unit ]; then
            echo "    reproduce: (cd $BUILDDIR && $path)"
        else
            echo "    reproduce: (cd $BUILDDIR && bash $path $GUISE)"
        fi
    } > "$det"
    if [ $counted = 0 ]; then
        if [ "$status" = 0 ]; then
            finish "$res" PASS "$name" ""
        else
            finish "$res" FAIL "$name" "$det"
        fi
        return
    fi
    # A nonzero exit with no counted failure is still one failure.
    [ "$status" != 0 ] && [ "$f" = 0 ] && f=1
    local detail="$p passed, $f failed, $s skipped"
    # A unit test program counts as one test in the summary (its own
    # checks number in the millions for randomised ones); its line shows them.
    if [ "$kind" = unit ]; then
        if [ "$f" != 0 ]; then p=0 f=1; else p=1; fi
        s=0
    fi
    local kindword=PASS
    [ "$f" != 0 ] && kindword=FAIL
    if is_known_failure "$name"; then
        [ "$kindword" = FAIL ] && kindword=XFAIL || kindword=XPASS
    fi
    {
        if [ "$kindword" = XFAIL ]; then
            echo "XFAIL $name $p 0 $((f + s))"
        else
            echo "$kindword $name $p $f $s"
        fi
        echo "$kindword: $name ($detail)"
        [ "$kindword" = FAIL ] && cat "$det"
    } > "$res"
}

# job: skip|fail NAME REASON-or-LOG
run_fixed() {
    local id=$1 kind=$2 name=$3 what=$4 res=$WORK/$1.res
    if [ "$kind" = skip ]; then
        echo "SKIP $name 0 0 1" > "$res"
        echo "SKIP: $name ($what)" >> "$res"
    else
        finish "$res" FAIL "$name" "$what"
    fi
}

# Runs job line $1 (tab-separated fields) and prints its report.
run_job() {
    local -a f
    IFS=$'\t' read -r -a f <<< "$1"
    case ${f[1]} in
    guest) run_guest "${f[0]}" "${f[2]}" "${f[3]}" "${f[4]}" "${f[5]:-}" ;;
    unit|suite) run_counted "${f[0]}" "${f[1]}" "${f[2]}" "${f[3]}" ;;
    skip|fail) run_fixed "${f[0]}" "${f[1]}" "${f[2]}" "${f[3]}" ;;
    esac
    report "$WORK/${f[0]}.res"
}

# job: build OUTPUT SOURCE KIND(O0|O2|asm); the log is OUTPUT.log.
build_one() {
    local out=$1 src=$2 kind=$3 base=${2%.*} flags=()
    if [ -f "$base.cflags" ]; then
        # shellcheck disable=SC2207  # flags are split on spaces
        flags=($(cat "$base.cflags"))
    fi
    rm -f "$out"
    case $kind in
    asm) "$CROSS_CC" -static -nostdlib "${flags[@]}" -o "$out" "$src" ;;
    *) "$CROSS_CC" -std=gnu11 -static "-$kind" -Wall "${flags[@]}" \
           -o "$out" "$src" -lm ;;
    esac > "$out.log" 2>&1 || rm -f "$out"
}

export -f is_known_failure report finish read_args tc_used run_guest run_counted
export -f run_fixed run_job build_one

# A binary is stale if anything it is built from is newer.
stale() {
    local out=$1 dep
    shift
    [ -f "$out" ] || return 0
    for dep in "$@"; do
        [ -e "$dep" ] && [ "$dep" -nt "$out" ] && return 0
    done
    return 1
}

# ---- the guest programs: what to build ----
declare -a PROGRAMS=()       # "NAME<TAB>SOURCE<TAB>KIND"
shopt -s nullglob
for src in "$GUEST_SRC"/*.c "$GUEST_SRC"/*.S; do
    name=$(basename "${src%.*}")
    [ -f "$GUEST_SRC/$name.expect" ] || continue
    if [[ $src == *.S ]]; then
        PROGRAMS+=("$name"$'\t'"$src"$'\t'asm)
    else
        PROGRAMS+=("$name"$'\t'"$src"$'\t'O0 "$name"$'\t'"$src"$'\t'O2)
    fi
done

IFS=';' read -r -a MODE_LIST <<< "$MODES"

variant_selected() {
    local name=$1 kind=$2 m
    for m in "${MODE_LIST[@]}" "qemu=@ref"; do
        selected "$ARCH/$name/$kind/${m%%=*}" && return 0
    done
    return 1
}

START=$(date +%s)
BUILDS=$WORK/builds
: > "$BUILDS"
if [ $HAVE_CC = 1 ]; then
    for p in "${PROGRAMS[@]}"; do
        IFS=$'\t' read -r name src kind <<< "$p"
        variant_selected "$name" "$kind" || continue
        out=$GUEST_BUILD/$name-$kind
        base=${src%.*}
        # and the sources it includes as a whole ("fp-arith-sticky.c" is
        # fp-arith.c with FPSR.IXC set)
        mapfile -t incs < <(sed -n 's|^#include "\([^"/]*\.c\)".*|'"$GUEST_SRC"'/\1|p' "$src")
        if stale "$out" "$src" "$base.cflags" "$GUEST_SRC"/*.h "${incs[@]}" "$0"; then
            printf '%s\t%s\t%s\n' "$out" "$src" "$kind" >> "$BUILDS"
        fi
    done
    if [ -s "$BUILDS" ]; then
        echo "building $(wc -l < "$BUILDS") guest programs with $CROSS_CC"
        tr '\t' '\n' < "$BUILDS" | xargs -d '\n' -n 3 -P "$JOBS" \
            bash -c 'build_one "$@"' _
    fi
fi

# ---- the job list ----
JOBLIST=$WORK/jobs
: > "$JOBLIST"
n=0
add_job() {
    n=$((n + 1))
    local IFS=$'\t'
    printf '%s\t%s\n' "$n" "$*" >> "$JOBLIST"
}

# True if file $1 (mode names, # comments) names mode $2.
skipped_mode() {
    [ -f "$1" ] && sed 's/#.*//' "$1" | tr -s ' \t' '\n\n' | grep -qx -- "$2"
}

# The longest suite (a cross-compiled autotools `make check` through
# binfmt_misc, about 2 minutes) first, so the short jobs overlap it.
s=$SRCDIR/tests/binfmt/cross-suite.sh
[ -f "$s" ] && selected binfmt/cross-suite.sh && add_job suite binfmt/cross-suite.sh "$s"

for p in "${PROGRAMS[@]}"; do
    IFS=$'\t' read -r name src kind <<< "$p"
    out=$GUEST_BUILD/$name-$kind
    for m in "${MODE_LIST[@]}" "qemu=@ref"; do
        mode=${m%%=*}
        opts=${m#*=}
        test_name=$ARCH/$name/$kind/$mode
        selected "$test_name" || continue
        if skipped_mode "$GUEST_SRC/$name.skip-modes" "$mode"; then
            add_job skip "$test_name" "$name.skip-modes"
        elif [ $HAVE_CC = 0 ]; then
            add_job skip "$test_name" "no $CROSS_CC"
        elif [ "$opts" = @ref ] && [ -z "$REF" ]; then
            add_job skip "$test_name" "no reference emulator"
        elif [ ! -f "$out" ]; then
            log=$WORK/buildfail.$n
            { echo "    build failed:"; sed 's/^/    | /' "$out.log" | head -n 20; } > "$log"
            add_job fail "$test_name" "$log"
        else
            [ -z "$opts" ] && opts=" "
            add_job guest "$test_name" "$out" "${src%.*}" "$opts"
        fi
    done
done

for t in "$BUILDDIR"/tests/unit/test-*; do
    b=$(basename "$t")
    [[ $b == *.* ]] && continue
    [ -f "$t" ] && [ -x "$t" ] || continue
    selected "unit/$b" && add_job unit "unit/$b" "$t"
done
for s in "$SRCDIR"/tests/bad-input/run.sh "$SRCDIR"/tests/strace/*.sh "$SRCDIR"/tests/diff/run.sh \
         "$SRCDIR"/tests/binfmt/run.sh "$SRCDIR"/tests/block/run.sh "$SRCDIR"/tests/world/run.sh \
         "$SRCDIR"/tests/system/run.sh "$SRCDIR"/tests/system/boot-linux.sh \
         "$SRCDIR"/tests/baremetal/run.sh "$SRCDIR"/tests/tcache/run.sh; do
    [ -f "$s" ] || continue
    name=${s#"$SRCDIR"/tests/}
    selected "$name" && add_job suite "$name" "$s"
done

if [ "$n" = 0 ]; then
    echo "no test matches '${FILTER}'"
fi

# ---- run ----
: > "$WORK/lock"
xargs -d '\n' -n 1 -P "$JOBS" bash -c 'run_job "$1"' _ < "$JOBLIST"

# ---- summary ----
passed=0 failed=0 skipped=0 xfail=0
declare -a XPASSED=() FAILED=()
for ((i = 1; i <= n; i++)); do
    res=$WORK/$i.res
    if [ ! -f "$res" ]; then
        failed=$((failed + 1))
        FAILED+=("job $i (no result: runner interrupted?)")
        continue
    fi
    read -r kind name p f s < "$res"
    passed=$((passed + p))
    failed=$((failed + f))
    skipped=$((skipped + s))
    case $kind in
    XFAIL) xfail=$((xfail + 1)) ;;
    XPASS) XPASSED+=("$name") ;;
    FAIL) FAILED+=("$name") ;;
    esac
done

echo
mode_names=$(printf '%s\n' "${MODE_LIST[@]}" | sed 's/=.*//' | tr '\n' ' ')
echo "guest tests: $ARCH; modes: ${mode_names}qemu; reference: ${REF:-none}; $(( $(date +%s) - START )) s"
if [ ${#FAILED[@]} -gt 0 ]; then
    echo "failed:"
    printf '  %s\n' "${FAILED[@]}"
fi
if [ ${#XPASSED[@]} -gt 0 ]; then
    echo "passed but listed in tests/known-failures.txt (remove them):"
    printf '  %s\n' "${XPASSED[@]}"
fi
[ $xfail -gt 0 ] && echo "($xfail expected failures, counted as skipped)"
echo "$passed passed, $failed failed, $skipped skipped"
[ $failed = 0 ]
