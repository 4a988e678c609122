#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# -strace and -d unimp output of guise-aarch64: builds a small static
# aarch64 program that makes a few raw system calls, runs it under guise
# with -strace -d unimp, and checks the log lines: write with its buffer
# quoted, openat with arm64 O_* flags decoded and an error result, mmap
# flags and a hex result, an unknown syscall (the strace line and the
# "not implemented" report), and exit_group with the exit status.
#
# Usage: tests/strace/strace.sh path/to/guise-aarch64
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

dir=$(mktemp -d "${TMPDIR:-/tmp}/guise-strace.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT

cat > "$dir/prog.c" <<'EOF'
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    int fd;

    syscall(SYS_write, 1, "hello\n", 6);
    fd = syscall(SYS_openat, AT_FDCWD, "/",
                 O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, 0);
    syscall(SYS_close, fd);
    syscall(SYS_openat, AT_FDCWD, "/nonexistent-guise-strace", O_RDONLY, 0);
    syscall(SYS_mmap, 0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    syscall(1000, 1, 2, 3);
    syscall(SYS_exit_group, 3);
    return 0;
}
EOF
if ! "$cc" -static -O1 -o "$dir/prog" "$dir/prog.c" 2>"$dir/cc.log"; then
    cat "$dir/cc.log"
    echo "FAIL: cannot build the test program"
    echo "0 passed, 1 failed"
    exit 1
fi

"$guise" -strace -d unimp "$dir/prog" >"$dir/out" 2>"$dir/log"
status=$?

# check NAME EXTENDED-REGEX: one log line must match it.
check() {
    if grep -Eq -- "$2" "$dir/log"; then
        echo "PASS: $1"
        pass=$((pass + 1))
    else
        echo "FAIL: $1 (no line matching: $2)"
        fail=$((fail + 1))
    fi
}

check "write decoded" '^[0-9]+ write\(1,"hello\\n",6\) = 6$'
check "openat flags decoded" \
    '^[0-9]+ openat\(AT_FDCWD,"/",O_RDONLY\|O_DIRECTORY\|O_NOFOLLOW\|O_LARGEFILE\|O_CLOEXEC,0\) = [0-9]+$|^[0-9]+ openat\(AT_FDCWD,"/",O_RDONLY\|O_DIRECTORY\|O_NOFOLLOW\|O_CLOEXEC,0\) = [0-9]+$'
check "openat error" \
    '^[0-9]+ openat\(AT_FDCWD,"/nonexistent-guise-strace",O_RDONLY(\|O_LARGEFILE)?,0\) = -1 errno=2 \(No such file or directory\)$'
check "close" '^[0-9]+ close\([0-9]+\) = 0$'
check "mmap decoded, hex result" \
    '^[0-9]+ mmap\(NULL,8192,PROT_READ\|PROT_WRITE,MAP_PRIVATE\|MAP_ANONYMOUS,-1,0x0\) = 0x[0-9a-f]+$'
check "unknown syscall traced" '^[0-9]+ syscall_1000\(0x1,0x2,0x3'
check "unknown syscall reported" '^guise: pc 0x[0-9a-f]+: syscall 1000 not implemented: returning ENOSYS$'
check "exit_group" '^[0-9]+ exit_group\(3\)$'

if [ "$status" -eq 3 ]; then
    echo "PASS: exit status 3"
    pass=$((pass + 1))
else
    echo "FAIL: exit status $status, expected 3"
    fail=$((fail + 1))
fi
if [ "$(cat "$dir/out")" = hello ]; then
    echo "PASS: program output"
    pass=$((pass + 1))
else
    echo "FAIL: program output: $(cat "$dir/out")"
    fail=$((fail + 1))
fi

if [ "$fail" -ne 0 ]; then
    echo "--- log:"
    cat "$dir/log"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
