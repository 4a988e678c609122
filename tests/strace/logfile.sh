#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The -D log file across a guest execve: a static aarch64 program writes a
# line, execs itself (guise starts again with the same options), and the
# second image writes another.  With -strace -D FILE both writes must be
# in FILE (the re-executed guise appends; the first one truncates what an
# earlier run left); with -D 'FILE%d' the name carries the pid, which
# execve keeps, so there is one file holding both.
#
# Usage: tests/strace/logfile.sh path/to/guise-aarch64
# Prints PASS/FAIL lines and "N passed, N failed" (a missing cross
# compiler is a skip).  Exit status 1 if a check failed.

guise=${1:?usage: $0 path/to/guise-aarch64}
cc=${CROSS_CC:-aarch64-linux-gnu-gcc}
pass=0
fail=0

if ! command -v "$cc" >/dev/null 2>&1; then
    echo "SKIP: no $cc"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/guise-logfile.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT

cat > "$dir/prog.c" <<'EOF'
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc > 1) {
        write(1, "second image\n", 13);
        return 0;
    }
    write(1, "first image\n", 12);
    execl("/proc/self/exe", argv[0], "again", (char *)0);
    return 1;
}
EOF
if ! "$cc" -static -O2 -o "$dir/prog" "$dir/prog.c" 2>"$dir/cc.err"; then
    echo "FAIL: cannot build the test program"
    cat "$dir/cc.err"
    echo "0 passed, 1 failed"
    exit 1
fi

# result NAME CONDITION-STATUS
result() {
    if [ "$2" -eq 0 ]; then
        echo "PASS: $1"
        pass=$((pass + 1))
    else
        echo "FAIL: $1"
        fail=$((fail + 1))
    fi
}

echo "left by an earlier run" > "$dir/log"
"$guise" -strace -D "$dir/log" "$dir/prog" > "$dir/out"
result "program output" "$([ "$(cat "$dir/out")" = "first image
second image" ]; echo $?)"
grep -q 'write(1,"first image\\n",12) = 12' "$dir/log"
result "-D keeps the first image's log" $?
grep -q 'write(1,"second image\\n",13) = 13' "$dir/log"
result "-D has the re-executed image's log" $?
! grep -q "earlier run" "$dir/log"
result "-D truncates an old log at the first start" $?
grep -Eq '^[0-9]+ execve\("/proc/self/exe",0x[0-9a-f]+,0x[0-9a-f]+\)$' "$dir/log"
result "the execve line ends before the new image" $?

"$guise" -strace -D "$dir/pid%d.log" "$dir/prog" > /dev/null
set -- "$dir"/pid*.log
[ $# -eq 1 ] && [ -f "$1" ] && grep -q "second image" "$1" && grep -q "first image" "$1" &&
    ! grep -q "%d" "$1"
result "-D with %d: one file named by the pid, both images" $?

if [ "$fail" -ne 0 ]; then
    echo "--- logs:"
    cat "$dir"/*.log "$dir/log"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
