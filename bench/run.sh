#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# `make bench`: builds each kernel of bench/ twice -- natively with gcc -O2
# and for aarch64 with aarch64-linux-gnu-gcc -O2 -static -- into
# bench/build/ under the current directory, runs it natively, under guise
# and under qemu-aarch64 (when installed) a few times each, and prints the
# median times, the ratios guise/native and qemu/guise with their
# geometric means, and the start-up time of a static "hello" in
# milliseconds.  Each emulated run's output is compared with the native
# one; a mismatch is flagged, since a fast wrong answer is no result.
# Then real Debian programs (python3, perl, gzip, xz, sha256sum, sort,
# gawk, bash, sqlite3, gcc's cc1 -O2) from tests/world's arm64 root against the
# host's amd64 ones, with the peak RSS of one run of each under guise and
# under qemu.
# Informative only: never part of make check, never a pass/fail test.
#
# Usage: bench/run.sh GUISE_BINARY
# Environment:
#   BENCH_REPS    runs per kernel and runner, median taken (default 3)
#   BENCH_SCALE   work multiplier passed to each kernel (default 1)
#   BENCH_FILTER  run only kernels whose name contains it
#   HELLO_REPS    runs of the start-up test (default 20)
#   BENCH_CPU     the CPU every timed run is pinned to with taskset, so
#                 that native, guise and qemu run on the same one (the
#                 vCPUs of a VM can differ by a quarter); default: the
#                 first this shell may use; "none": not pinned
#   HOST_CC, CROSS_CC   compilers (default gcc, aarch64-linux-gnu-gcc)
#   GUISE_REF     the reference emulator ("none" to skip; default qemu-aarch64)

set -u
export LC_ALL=C

[ $# = 1 ] || { echo "usage: $0 GUISE_BINARY" >&2; exit 1; }

SRCDIR=$(cd "$(dirname "$0")" && pwd) || exit 1
BUILD=$(pwd)/bench/build
REPS=${BENCH_REPS:-3}
SCALE=${BENCH_SCALE:-1}
HELLO_REPS=${HELLO_REPS:-20}
HOST_CC=${HOST_CC:-gcc}
CROSS_CC=${CROSS_CC:-aarch64-linux-gnu-gcc}
KERNELS="hash memory sort nbody text simd aes sha256"
PIN=()
if [ "${BENCH_CPU:-}" != none ] && command -v taskset > /dev/null 2>&1; then
    cpu=${BENCH_CPU:-$(taskset -pc $$ 2> /dev/null | sed 's/.*: *//; s/[,-].*//')}
    [ -n "$cpu" ] && PIN=(taskset -c "$cpu")
fi
CFLAGS="-O2 -ffp-contract=off"

GUISE=$1
if [[ $GUISE != */* ]] && command -v "$GUISE" >/dev/null 2>&1; then
    GUISE=$(command -v "$GUISE")
fi
[ -x "$GUISE" ] && GUISE=$(realpath "$GUISE")
if [ ! -x "$GUISE" ] || [ -d "$GUISE" ]; then
    echo "$0: $1: no such executable; build guise first (make)" >&2
    exit 1
fi
if [ "${GUISE_REF-}" = none ]; then
    REF=
else
    REF=$(command -v "${GUISE_REF:-qemu-aarch64}" 2>/dev/null || true)
fi
for cc in "$HOST_CC" "$CROSS_CC"; do
    if ! command -v "$cc" >/dev/null 2>&1; then
        echo "$0: $cc is missing: install it (see debian-packages.txt)" >&2
        exit 1
    fi
done

mkdir -p "$BUILD" || exit 1
OUT=$(mktemp -d "$BUILD/run.XXXXXX") || exit 1
trap 'rm -rf "$OUT"' EXIT
trap 'exit 130' INT TERM

# ---- build ----
# Extra flags per kernel: bench-NAME.cflags, lines "native: ..." and
# "aarch64: ..." (later flags win, so -O3 there overrides -O2).
kflags() {
    local f=$SRCDIR/bench-$1.cflags
    [ -f "$f" ] && sed -n "s/^$2:[[:space:]]*//p" "$f"
}

build() {
    local name=$1 src=$SRCDIR/bench-$1.c
    if [ ! -f "$BUILD/$name-native" ] || [ "$src" -nt "$BUILD/$name-native" ]; then
        "$HOST_CC" $CFLAGS $(kflags "$name" native) -o "$BUILD/$name-native" "$src" -lm || return 1
    fi
    if [ ! -f "$BUILD/$name-aarch64" ] || [ "$src" -nt "$BUILD/$name-aarch64" ]; then
        "$CROSS_CC" $CFLAGS $(kflags "$name" aarch64) -static -o "$BUILD/$name-aarch64" "$src" -lm || return 1
    fi
}

for k in $KERNELS hello; do
    build "$k" || { echo "$0: building bench-$k.c failed" >&2; exit 1; }
done

# ---- timing ----
# The time in nanoseconds into variable $1: with bash 5's EPOCHREALTIME,
# no fork (t0=$(now) would fork a subshell, whose fork and exit, 3-7 ms
# here, fell inside the interval timed: a 3 ms native hello measured
# 12 ms, and the noise of two forks swamped short runs).
stamp() {
    if [ -n "${EPOCHREALTIME:-}" ]; then
        local stamp_us=${EPOCHREALTIME/[.,]/}
        printf -v "$1" '%s000' "$stamp_us"
    else
        printf -v "$1" '%s' "$(date +%s%N)"
    fi
}

# Median of the numbers on stdin.
median() {
    sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) exit
        if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# run_timed REPS OUTFILE CMD...: prints the median wall time in seconds,
# or "fail" if a run exits nonzero.  The first run's stdout goes to OUTFILE.
# Runs are pinned (BENCH_CPU) unless UNPINNED is set: the start-up times,
# a few milliseconds of exec and page faults, to which taskset's own exec
# would add.
run_timed() {
    local reps=$1 outfile=$2 i t0 t1 pin=("${PIN[@]}")
    shift 2
    [ -n "${UNPINNED:-}" ] && pin=()
    : > "$OUT/times"
    for ((i = 0; i < reps; i++)); do
        stamp t0
        if ! "${pin[@]}" "$@" > "$OUT/stdout" 2> "$OUT/stderr"; then
            echo fail
            return
        fi
        stamp t1
        [ "$i" = 0 ] && cp "$OUT/stdout" "$outfile"
        echo $(( t1 - t0 )) >> "$OUT/times"
    done
    awk '{ print $1 / 1e9 }' "$OUT/times" | median
}

# peak_rss CMD...: the peak resident set of one run of CMD in MiB (the
# largest of it and the descendants it waited for: getrusage's
# RUSAGE_CHILDREN, read by python3), "fail" or "n/a" (no python3).
peak_rss() {
    command -v python3 > /dev/null || { echo n/a; return; }
    python3 -c 'import resource, subprocess, sys
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
m = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print("fail" if r.returncode else "%.1f" % m)' "$@"
}

# ratio A B: A / B to two decimals, or "-" if either is not a number.
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN {
        if (a !~ /^[0-9.e+-]+$/ || b !~ /^[0-9.e+-]+$/ || b + 0 == 0) print "-"
        else printf "%.2f\n", a / b }'
}

fmt_time() {
    case $1 in
    fail|n/a) echo "$1" ;;
    *) awk -v t="$1" 'BEGIN { printf "%.3f\n", t }' ;;
    esac
}

echo "guise:  $GUISE"
echo "qemu:   ${REF:-n/a (not installed)}"
echo "native: $($HOST_CC --version | head -n 1); $REPS runs each, median; scale $SCALE${PIN[*]:+; on CPU ${PIN[2]}}"
echo
printf '%-8s %10s %10s %10s %13s %11s\n' kernel "native s" "guise s" "qemu s" guise/native qemu/guise
gn_ratios=()
qg_ratios=()
notes=()
for k in $KERNELS; do
    [ -n "${BENCH_FILTER:-}" ] && [[ $k != *$BENCH_FILTER* ]] && continue
    tn=$(run_timed "$REPS" "$OUT/$k.native" "$BUILD/$k-native" "$SCALE")
    tg=$(run_timed "$REPS" "$OUT/$k.guise" "$GUISE" "$BUILD/$k-aarch64" "$SCALE")
    if [ "$tg" = fail ]; then
        err=$(head -n 1 "$OUT/stderr" | cut -c1-200)
        notes+=("$k: guise failed${err:+: $err}")
    fi
    if [ -n "$REF" ]; then
        tq=$(run_timed "$REPS" "$OUT/$k.qemu" "$REF" "$BUILD/$k-aarch64" "$SCALE")
    else
        tq=n/a
    fi
    mark_g='' mark_q=''
    if [ "$tg" != fail ] && ! cmp -s "$OUT/$k.native" "$OUT/$k.guise"; then
        mark_g='!'
        notes+=("$k: guise's output differs from native")
    fi
    if [ "$tq" != fail ] && [ "$tq" != n/a ] && ! cmp -s "$OUT/$k.native" "$OUT/$k.qemu"; then
        mark_q='!'
        notes+=("$k: qemu's output differs from native")
    fi
    gn=$(ratio "$tg" "$tn")
    qg=$(ratio "$tq" "$tg")
    [ "$gn" != - ] && [ -z "$mark_g" ] && gn_ratios+=("$gn")
    [ "$qg" != - ] && [ -z "$mark_g$mark_q" ] && qg_ratios+=("$qg")
    printf '%-8s %10s %10s %10s %13s %11s\n' "$k" "$(fmt_time "$tn")" \
        "$(fmt_time "$tg")$mark_g" "$(fmt_time "$tq")$mark_q" \
        "$([ "$gn" = - ] && echo - || echo "${gn}x")" \
        "$([ "$qg" = - ] && echo - || echo "${qg}x")"
done

geomean() {
    [ $# = 0 ] && { echo -; return; }
    printf '%s\n' "$@" | awk '{ s += log($1) } END { printf "%.2fx\n", exp(s / NR) }'
}
printf '%-8s %10s %10s %10s %13s %11s\n' geomean "" "" "" \
    "$(geomean "${gn_ratios[@]}")" "$(geomean "${qg_ratios[@]}")"

# ---- start-up ----
ms() {
    case $1 in
    fail|n/a) echo "$1" ;;
    *) awk -v t="$1" 'BEGIN { printf "%.1f ms\n", t * 1000 }' ;;
    esac
}
# "guise -tc": with the persistent translation cache, filled by a first
# run into a folder of this bench's own (what every later start sees).
TC=$OUT/tc
rm -rf "$TC"
hn=$(UNPINNED=1 run_timed "$HELLO_REPS" "$OUT/hello.native" "$BUILD/hello-native")
hg=$(UNPINNED=1 run_timed "$HELLO_REPS" "$OUT/hello.guise" "$GUISE" "$BUILD/hello-aarch64")
"$GUISE" -tc "$TC" "$BUILD/hello-aarch64" > /dev/null 2>&1
ht=$(UNPINNED=1 run_timed "$HELLO_REPS" "$OUT/hello.guise-tc" "$GUISE" -tc "$TC" "$BUILD/hello-aarch64")
hq=n/a
[ -n "$REF" ] && hq=$(UNPINNED=1 run_timed "$HELLO_REPS" "$OUT/hello.qemu" "$REF" "$BUILD/hello-aarch64")
echo
echo "start-up (static hello, median of $HELLO_REPS): native $(ms "$hn"), guise $(ms "$hg"), guise -tc $(ms "$ht"), qemu $(ms "$hq")"

# ---- world: Debian's arm64 programs ----
# The same commands with the programs of Debian bookworm: arm64 ones from
# the cache tests/world fills (make check fetches it once), under guise
# and qemu with -L; the host's amd64 ones natively.  Debian's arm64
# binaries carry pointer authentication and BTI instructions, and
# dynamic linking and start-up count here, as they do for users.
# world NAME PROG ARGS...: PROG from /usr/bin (natively) and from the
# root's /usr/bin (emulated), the outputs compared with native's.
# world_at NAME NATIVE_PATH ROOT_PATH ARGS...: programs elsewhere; with
# W_SAME_ARCH=1 the output is the target's own (a compiler's assembly):
# guise's is compared with qemu's instead.
WROOT=${GUISE_WORLD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/guise-world}/root
world() {
    local name=$1 prog=$2
    shift 2
    world_at "$name" "/usr/bin/$prog" "/usr/bin/$prog" "$@"
}
world_at() {
    local name=$1 nat=$2 emu=$WROOT$3 tn tg tq gn qg rg rq mark_g='' mark_q='' ref
    shift 3
    [ -n "${BENCH_FILTER:-}" ] && [[ $name != *$BENCH_FILTER* ]] && return
    [ -x "$emu" ] && [ -x "$nat" ] || return
    tn=$(cd "$OUT/w" && run_timed "$REPS" "$OUT/w-$name.native" "$nat" "$@")
    tg=$(cd "$OUT/w" && run_timed "$REPS" "$OUT/w-$name.guise" "$GUISE" -L "$WROOT" "$emu" "$@")
    [ "$tg" = fail ] && notes+=("world $name: guise failed: $(head -n 1 "$OUT/stderr" | cut -c1-200)")
    tq=n/a
    [ -n "$REF" ] && tq=$(cd "$OUT/w" && run_timed "$REPS" "$OUT/w-$name.qemu" "$REF" -L "$WROOT" "$emu" "$@")
    ref=native
    [ "${W_SAME_ARCH:-}" = 1 ] && ref=qemu
    if [ "$ref" = native ] || { [ "$tq" != fail ] && [ "$tq" != n/a ]; }; then
        if [ "$tg" != fail ] && ! cmp -s "$OUT/w-$name.$ref" "$OUT/w-$name.guise"; then
            mark_g='!'
            notes+=("world $name: guise's output differs from $ref's")
        fi
    fi
    if [ "$ref" = native ] && [ "$tq" != fail ] && [ "$tq" != n/a ] &&
       ! cmp -s "$OUT/w-$name.native" "$OUT/w-$name.qemu"; then
        mark_q='!'
        notes+=("world $name: qemu's output differs from native")
    fi
    gn=$(ratio "$tg" "$tn")
    qg=$(ratio "$tq" "$tg")
    [ "$gn" != - ] && [ -z "$mark_g" ] && wgn+=("$gn")
    rg=$(cd "$OUT/w" && peak_rss "$GUISE" -L "$WROOT" "$emu" "$@")
    rq=n/a
    [ -n "$REF" ] && rq=$(cd "$OUT/w" && peak_rss "$REF" -L "$WROOT" "$emu" "$@")
    wrss+=("$(printf '%-8s %10s %10s %11s' "$name" "$rg" "$rq" "$(r=$(ratio "$rq" "$rg"); [ "$r" = - ] && echo - || echo "${r}x")")")
    [ "$qg" != - ] && [ -z "$mark_g$mark_q" ] && wqg+=("$qg")
    printf '%-8s %10s %10s %10s %13s %11s\n' "$name" "$(fmt_time "$tn")" \
        "$(fmt_time "$tg")$mark_g" "$(fmt_time "$tq")$mark_q" \
        "$([ "$gn" = - ] && echo - || echo "${gn}x")" \
        "$([ "$qg" = - ] && echo - || echo "${qg}x")"
}
echo
if [ -x "$WROOT/usr/bin/bash" ]; then
    mkdir -p "$OUT/w"
    seq 1 400000 | awk '{ printf "%08x line %d %s\n", ($1 * 2654435761) % 4294967296, $1, ($1 % 7 ? "odd" : "seven") }' \
        > "$OUT/w/data.txt"
    head -n 60000 "$OUT/w/data.txt" > "$OUT/w/small.txt"
    # A C file of 1,440 lines for the compiler: structs, loops, switches.
    awk 'BEGIN { for (i = 0; i < 80; i++) {
        printf "struct s%d { int a, b; long c[8]; };\n", i
        printf "static long f%d(struct s%d *p, int n)\n{\n    long t = 0;\n", i, i
        printf "    for (int i = 0; i < n; i++) {\n        switch ((i + %d) %% 5) {\n", i
        for (k = 0; k < 5; k++)
            printf "        case %d: t += p->c[(i + %d) & 7] * %d + (p->a ^ i); break;\n", k, k, i + k
        printf "        }\n        if (t > %d)\n            t -= p->b;\n    }\n    return t;\n}\n", i * 1000
        printf "long g%d(struct s%d *p) { return f%d(p, %d) + (p->a > 0 ? p->a * 3 : 0); }\n", i, i, i, i % 17 + 3
    } }' > "$OUT/w/big.c"
    # Byte-compile the root's Python library as Debian's postinst does
    # (py3compile; the root is unpacked without running maintainer
    # scripts): the host's python3 loads its modules compiled, and a
    # root without them would time the compiler of re, enum and the
    # rest too (a quarter of guise's time here).  Under guise; files
    # compiled already are passed over.
    if [ -x "$WROOT/usr/bin/python3.11" ] && [ -w "$WROOT/usr/lib/python3.11" ]; then
        "$GUISE" -L "$WROOT" "$WROOT/usr/bin/python3.11" -m compileall -q \
            "$WROOT/usr/lib/python3.11" > /dev/null 2>&1 ||
            notes+=("world python: compileall of the root's library failed (timed uncompiled)")
    fi
    wgn=() wqg=() wrss=()
    echo "world (Debian bookworm programs; arm64 from $WROOT):"
    printf '%-8s %10s %10s %10s %13s %11s\n' program "native s" "guise s" "qemu s" guise/native qemu/guise
    world python python3.11 -c 'import re
d = {}
for i in range(150000):
    s = "k%d" % (i * 7919 % 100003)
    d[s] = d.get(s, 0) + len(re.findall(r"\d", s))
print(sum(d.values()), len(d))'
    world perl perl -e 'my %h; for my $i (1..300000) { my $s = "x" . ($i * 7919 % 100003); $h{$s}++ if $s =~ /(\d)\1/ } print scalar(keys %h), "\n"'
    world gzip gzip -6 -c data.txt
    world xz xz -6 -c -T1 small.txt
    world sha256 sha256sum data.txt
    world sort sort -k3,3 -k1,1 data.txt
    world awk gawk '{ n[$4]++; s += length($1) } END { for (k in n) print k, n[k]; print s }' data.txt
    # Subshells fork but run no other program: qemu-aarch64 cannot exec a
    # foreign binary without a binfmt_misc handler (the exec fails fast),
    # guise runs it, so an exec in this loop would time unlike work.
    world bash bash -c 'f() { local x=$1; echo $((x * 2)); }; t=0; for i in $(seq 40); do t=$((t + $(f $i))); done; s=0; for i in $(seq 20000); do s=$((s + $(( i % 13 )) )); done; echo $s $t'
    # SQL over a database of 400,000 rows (16 MB) the host's sqlite3 makes:
    # grouping, an index join, LIKE scans, a sort.
    if command -v sqlite3 > /dev/null && [ ! -s "$OUT/w/bench.db" ]; then
        sqlite3 "$OUT/w/bench.db" 'create table t(id integer primary key, k text, v real, g int); with recursive c(i) as (select 1 union all select i + 1 from c where i < 400000) insert into t select i, printf("k%06d", i * 7919 % 400009), i * 0.5, i % 97 from c; create index tk on t(k);'
    fi
    [ -s "$OUT/w/bench.db" ] &&
        world sqlite sqlite3 -readonly bench.db 'select g, count(*), sum(v), max(k) from t group by g order by 3 desc limit 3; select count(*), sum(b.v) from t a join t b on b.k = substr(a.k, 1, 6) || "1" where a.id < b.id; select sum(length(k)), count(*) from t where k like "%77%"; select k, v from t order by v % 1000, k limit 3; select count(distinct substr(k, 2, 4)) from t;'
    # gcc -O2's compiler proper (the driver would exec cc1, which
    # qemu-aarch64 cannot do without binfmt_misc); its arm64 assembly is
    # checked against qemu's.
    W_SAME_ARCH=1 world_at cc1 /usr/lib/gcc/x86_64-linux-gnu/12/cc1 \
        /usr/lib/gcc/aarch64-linux-gnu/12/cc1 -quiet -O2 big.c -o -
    printf '%-8s %10s %10s %10s %13s %11s\n' geomean "" "" "" \
        "$(geomean "${wgn[@]}")" "$(geomean "${wqg[@]}")"
    echo
    echo "world peak RSS (MiB, one run each; above 1: guise is smaller):"
    printf '%-8s %10s %10s %11s\n' program guise qemu qemu/guise
    printf '%s\n' "${wrss[@]}"
    # A dynamically linked program's start-up: the guest's ld.so, libc.
    dn=$(UNPINNED=1 run_timed "$HELLO_REPS" "$OUT/true.native" /usr/bin/true)
    dg=$(UNPINNED=1 run_timed "$HELLO_REPS" "$OUT/true.guise" "$GUISE" -L "$WROOT" "$WROOT/usr/bin/true")
    "$GUISE" -tc "$TC" -L "$WROOT" "$WROOT/usr/bin/true" > /dev/null 2>&1
    dt=$(UNPINNED=1 run_timed "$HELLO_REPS" "$OUT/true.guise-tc" "$GUISE" -tc "$TC" -L "$WROOT" "$WROOT/usr/bin/true")
    dq=n/a
    [ -n "$REF" ] && dq=$(UNPINNED=1 run_timed "$HELLO_REPS" "$OUT/true.qemu" "$REF" -L "$WROOT" "$WROOT/usr/bin/true")
    echo
    echo "start-up (dynamic /usr/bin/true, median of $HELLO_REPS): native $(ms "$dn"), guise $(ms "$dg"), guise -tc $(ms "$dt"), qemu $(ms "$dq")"
else
    echo "world: skipped (no Debian arm64 root at $WROOT: make check's tests/world fetches it)"
fi

if [ ${#notes[@]} -gt 0 ]; then
    echo
    echo "notes (! marks a run whose output differs from native; left out of the means):"
    printf '  %s\n' "${notes[@]}"
fi
exit 0
