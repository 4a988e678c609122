#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Bad input to guise-aarch64: files it cannot load and command lines it
# cannot accept.  Each case must print exactly one line on stderr and exit
# with status 1 (127 for a program that does not exist), never die of a
# signal.  The files are made here, in a temporary directory: an empty
# file, a text file, a minimal aarch64 ELF (checked to run, as a control)
# truncated in its program headers and in its segment, an x86-64 program
# of the host, 32-bit, big-endian, relocatable and absurd-phoff variants
# of the minimal ELF, a directory.
#
# Usage: tests/bad-input/run.sh PATH-TO-guise-aarch64
# Prints "PASS name" / "FAIL name" lines, then "N passed, N failed".

set -u
export LC_ALL=C

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
    echo "usage: $0 PATH-TO-guise-aarch64" >&2
    exit 1
fi
GUISE=$1
TMP=$(mktemp -d) || exit 1
trap 'rm -rf "$TMP"' EXIT
ulimit -c 0

passed=0
failed=0

# ---- little-endian bytes ----
le() {   # le BYTES VALUE
    local n=$1 v=$2 i out=
    for ((i = 0; i < n; i++)); do
        out+=$(printf '\\x%02x' $(( (v >> (8 * i)) & 255 )))
    done
    printf '%b' "$out"
}

# A minimal static aarch64 program: one PT_LOAD at 0x400000 holding the
# headers and "mov x0, #0; mov x8, #93; svc #0" (exit(0)).
# Arguments override fields: CLASS DATA TYPE PHOFF.
make_elf() {
    local class=${1:-2} data=${2:-1} type=${3:-2} phoff=${4:-64}
    local base=$((0x400000)) code=120 size=132
    printf '\x7fELF'
    le 1 "$class"; le 1 "$data"; le 1 1; le 9 0          # e_ident
    le 2 "$type"; le 2 183; le 4 1                        # type, EM_AARCH64, version
    le 8 $((base + code)); le 8 "$phoff"; le 8 0          # entry, phoff, shoff
    le 4 0; le 2 64; le 2 56; le 2 1; le 2 64; le 2 0; le 2 0
    le 4 1; le 4 5; le 8 0                                # PT_LOAD, R+X, offset
    le 8 "$base"; le 8 "$base"; le 8 "$size"; le 8 "$size"; le 8 4096
    le 4 $((0xd2800000)); le 4 $((0xd2800ba8)); le 4 $((0xd4000001))
}

# check NAME WANT-STATUS ARGS...: one stderr line, the status, no signal.
check() {
    local name=$1 want=$2 status lines
    shift 2
    timeout -k 5 20 "$GUISE" "$@" > "$TMP/out" 2> "$TMP/err" < /dev/null
    status=$?
    lines=$(wc -l < "$TMP/err")
    if [ "$status" = "$want" ] && [ "$lines" = 1 ]; then
        echo "PASS $name"
        passed=$((passed + 1))
        return
    fi
    echo "FAIL $name"
    if [ "$status" -gt 128 ]; then
        echo "    died of signal $((status - 128)) (status $status)"
    else
        echo "    exit status $status (want $want), $lines line(s) on stderr:"
    fi
    sed -n '1,5s/^/    | /p' "$TMP/err"
    failed=$((failed + 1))
}

# ---- the files ----
: > "$TMP/empty"
printf 'this is not a program\n' > "$TMP/text"
printf '#!/bin/sh\necho hi\n' > "$TMP/script"
make_elf > "$TMP/minimal"
head -c 90 "$TMP/minimal" > "$TMP/trunc-phdrs"
head -c 124 "$TMP/minimal" > "$TMP/trunc-segment"
head -c 40 "$TMP/minimal" > "$TMP/trunc-header"
make_elf 1 > "$TMP/elf32"
make_elf 2 2 > "$TMP/big-endian"
make_elf 2 1 1 > "$TMP/relocatable"
make_elf 2 1 4 > "$TMP/core"
make_elf 2 1 2 $((0x7fffffffffff0000)) > "$TMP/absurd-phoff"
make_elf 2 1 2 $((0xffffffffffffffc0)) > "$TMP/wrapping-phoff"
mkdir "$TMP/directory"
chmod +x "$TMP"/*

# The control: the minimal program must load and exit 0, or the truncated
# copies prove nothing.
if timeout -k 5 20 "$GUISE" "$TMP/minimal" > /dev/null 2>&1; then
    echo "PASS control-minimal-elf-runs"
    passed=$((passed + 1))
else
    echo "FAIL control-minimal-elf-runs (status $?)"
    failed=$((failed + 1))
fi

check empty-file 1 "$TMP/empty"
check text-file 1 "$TMP/text"
check shell-script 1 "$TMP/script"
check truncated-header 1 "$TMP/trunc-header"
check truncated-phdrs 1 "$TMP/trunc-phdrs"
check truncated-segment 1 "$TMP/trunc-segment"
check elf32 1 "$TMP/elf32"
check big-endian 1 "$TMP/big-endian"
check relocatable 1 "$TMP/relocatable"
check core-file 1 "$TMP/core"
check absurd-phoff 1 "$TMP/absurd-phoff"
check wrapping-phoff 1 "$TMP/wrapping-phoff"
check directory 1 "$TMP/directory"
if [ -x /bin/true ]; then
    check host-x86-64-binary 1 /bin/true
fi
if command -v aarch64-linux-gnu-gcc > /dev/null 2>&1; then
    printf 'int main(void) { return 0; }\n' > "$TMP/prog.c"
    if aarch64-linux-gnu-gcc -static -O2 -o "$TMP/static" "$TMP/prog.c" 2> /dev/null; then
        size=$(stat -c %s "$TMP/static")
        head -c $((size / 2)) "$TMP/static" > "$TMP/static-half"
        chmod +x "$TMP/static-half"
        check truncated-static-binary 1 "$TMP/static-half"
    fi
fi
check missing-program 127 "$TMP/does-not-exist"
check missing-program-in-missing-dir 127 "$TMP/no/such/dir/prog"
check no-program 1
check unknown-option 1 -no-such-option "$TMP/minimal"
check missing-option-argument 1 -L
check bad-stack-size 1 -s 12q "$TMP/minimal"
check tiny-stack-size 1 -s 1 "$TMP/minimal"
check unknown-cpu 1 -cpu no-such-cpu "$TMP/minimal"
check bad-jit-value 1 -jit maybe "$TMP/minimal"
check bad-split-wx-value 1 -split-wx maybe "$TMP/minimal"
check bad-log-item 1 -d no-such-item "$TMP/minimal"
check bad-setenv 1 -E novalue "$TMP/minimal"
check unwritable-log-file 1 -D "$TMP/directory/no/log" "$TMP/minimal"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
